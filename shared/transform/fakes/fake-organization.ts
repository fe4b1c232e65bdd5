/**
 * A fake organisation name: a stem (an invented company word or a listed surname) and either the original's legal
 * form as written ("Müller GmbH" → "Ambervale GmbH", "Acme, Inc." → "Weber, Inc.") or, without one, a neutral
 * company word ("Acme Widgets" → "Ambervale Systems").
 */
import { FAKE_LISTS } from '../data/fake-lists';
import { pick } from './keyed-choice';

/** A legal form at the end, with what separates it from the name. */
const LEGAL_FORM =
  /(?:,\s*|\s+)(?:GmbH\s*&\s*Co\.?\s*KG|GmbH|gGmbH|AG|KG|OHG|UG|e\.\s?V\.|Ltd\.?|Limited|LLC|LLP|PLC|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|S\.A\.S?|SA|SAS|SARL|S\.L\.|SL|B\.V\.|BV|N\.V\.|NV|Pty\.? Ltd\.?|Oy|AB|AS|A\/S|ApS|S\.p\.A\.|SpA|S\.r\.l\.|Srl|GbR|SE)$/i;

export function fakeOrganization(digest: Uint8Array, original: string): string {
  const stem = digest[7]! % 2 === 0 ? pick(FAKE_LISTS.companyStems, digest, 0) : pick(FAKE_LISTS.surnames, digest, 0);
  const form = LEGAL_FORM.exec(original.trim());
  return stem + (form ? form[0] : ' ' + pick(FAKE_LISTS.companyWords, digest, 8));
}
