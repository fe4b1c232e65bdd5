/**
 * A fake organisation name: a stem (an invented company word or a listed surname) and either a legal form of the
 * same family as the original's, chosen by the digest ("Müller GmbH" → "Ambervale AG", "Acme, Inc." → "Weber, LLC"),
 * or, without one, a neutral company word ("Acme Widgets" → "Ambervale Systems"). The original's own form is not
 * kept as such: with the family it would tell the jurisdiction, and nothing of the original should survive as is.
 */
import { FAKE_LISTS } from '../data/fake-lists';
import { pick } from './keyed-choice';

/** A legal form at the end, with what separates it from the name. */
const LEGAL_FORM =
  /(,\s*|\s+)(GmbH\s*&\s*Co\.?\s*KG|GmbH|gGmbH|AG|KG|OHG|UG|e\.\s?V\.|Ltd\.?|Limited|LLC|LLP|PLC|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|S\.A\.S?|SA|SAS|SARL|S\.L\.|SL|B\.V\.|BV|N\.V\.|NV|Pty\.? Ltd\.?|Oy|AB|AS|A\/S|ApS|S\.p\.A\.|SpA|S\.r\.l\.|Srl|GbR|SE)$/i;

/** Legal forms by family; the fake takes one of the original's family. */
const FAMILIES: readonly (readonly string[])[] = [
  ['GmbH', 'AG', 'KG', 'UG', 'OHG', 'GbR', 'gGmbH', 'e. V.', 'SE'],
  ['Inc.', 'LLC', 'Corp.', 'Co.', 'Incorporated', 'Corporation'],
  ['Ltd', 'PLC', 'Limited', 'LLP'],
  ['SA', 'SAS', 'SARL', 'S.A.', 'S.A.S.'],
  ['S.L.', 'SL'],
  ['B.V.', 'N.V.', 'BV', 'NV'],
  ['AB', 'AS', 'Oy', 'ApS', 'A/S'],
  ['S.p.A.', 'S.r.l.', 'SpA', 'Srl'],
];
const FAMILY_OF = new Map<string, readonly string[]>();
for (const family of FAMILIES) for (const form of family) FAMILY_OF.set(foldForm(form), family);
// forms that are not offered as fakes (they contain another form) but still name their family
FAMILY_OF.set(foldForm('GmbH & Co. KG'), FAMILIES[0]!);
FAMILY_OF.set(foldForm('Pty Ltd'), FAMILIES[2]!);

function foldForm(form: string): string {
  return form.toLowerCase().replace(/[\s.]+/g, '');
}

export function fakeOrganization(digest: Uint8Array, original: string): string {
  const stem = digest[7]! % 2 === 0 ? pick(FAKE_LISTS.companyStems, digest, 0) : pick(FAKE_LISTS.surnames, digest, 0);
  const form = LEGAL_FORM.exec(original.trim());
  if (!form) return `${stem} ${pick(FAKE_LISTS.companyWords, digest, 8)}`;
  const own = foldForm(form[2]!);
  const family = FAMILY_OF.get(own) ?? FAMILIES[1]!;
  const others = family.filter((f) => foldForm(f) !== own);
  return stem + form[1]! + pick(others.length > 0 ? others : family, digest, 8);
}
