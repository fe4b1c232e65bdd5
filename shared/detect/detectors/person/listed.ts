/**
 * `listed-after-label`: a list of names after a plural noun for people and a colon ("our 3 founders: Leehy, Perkins
 * and Copeland", "Attendees: Anna, Ben, Carl", "Teilnehmer: Jonas Weber und Mia Roth"). Each item of one or two
 * name-shaped words is a PERSON (0.7), whether or not a list knows it; an item that is already a finding stays as it
 * is. In a lower-case text, lower-case items count. The list needs two items or more and ends at the end of the
 * sentence or line, or at the first item that is not name-shaped. A list made mostly of ordinary words ("Members:
 * Sales, Marketing and Support") is left alone.
 */

import type { Finding } from '../../finding';
import {
  GAP_COMMA, GAP_NEWLINE, GAP_SENTENCE, GAP_SPACE, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER, TOK_ASCII, TOK_GLUED, hashKey,
  colonBetween, joined, type Tokens,
} from '../../gazetteer';
import { SMALL_FILTER_BITS, smallFilterAdd, smallFilterHas } from '../../gazetteer/hashing';
import type { PersonSpan } from './token-tests';

/** Plural nouns for people that label a list of names. */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set([
  'founders', 'cofounders', 'owners', 'attendees', 'participants', 'members', 'colleagues', 'contacts', 'employees',
  'agents', 'recipients', 'witnesses', 'approvers', 'reviewers', 'speakers', 'guests', 'parents', 'children', 'kids',
  'teilnehmer', 'teilnehmerinnen', 'kollegen', 'mitarbeiter', 'gründer', 'ansprechpartner', 'empfänger',
  'participants', 'fondateurs', 'collègues', 'invités', 'participantes', 'fundadores', 'asistentes', 'compañeros',
]);
const NOUN_HASHES = new Set([...PEOPLE_NOUNS].filter((w) => /^[a-z]+$/.test(w)).map(hashKey));
/** A bit filter of those hashes: most tokens are ruled out by two bit tests before the set is asked. */
const NOUN_FILTER = new Uint32Array(SMALL_FILTER_BITS / 32);
for (const h of NOUN_HASHES) smallFilterAdd(NOUN_FILTER, h);
const LIST_WORDS = new Set(['and', 'und', 'et', 'y', '&']);
const MIN_ITEMS = 2;
const MAX_ITEMS = 12;

function isItemWord(tokens: Tokens, t: number, lowerText: boolean): boolean {
  if (t >= tokens.count || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 2) return false;
  const sh = tokens.shape[t];
  return lowerText ? sh === SHAPE_LOWER : sh === SHAPE_TITLE || sh === SHAPE_UPPER;
}

/** The items [start, end) of the list that starts at token t, or null if it is no list of names. */
function listItems(tokens: Tokens, t: number, lowerText: boolean): [number, number][] | null {
  const items: [number, number][] = [];
  let i = t;
  while (i < tokens.count && items.length < MAX_ITEMS) {
    if (items.length > 0) {
      const gap = tokens.bits[i]!;
      if (gap & (GAP_SENTENCE | GAP_NEWLINE)) break;
      if (LIST_WORDS.has(tokens.key(i)) && tokens.bits[i]! & (GAP_COMMA | GAP_SPACE)) i++;
      else if (!(gap & GAP_COMMA)) break;
    }
    if (!isItemWord(tokens, i, lowerText)) break;
    let e = i + 1;
    // a second word joined by a space only ("Jonas Weber"), not "and"
    if (isItemWord(tokens, e, lowerText) && joined(tokens, e) && !LIST_WORDS.has(tokens.key(e))) e++;
    items.push([i, e]);
    i = e;
  }
  return items.length >= MIN_ITEMS ? items : null;
}

function allOrdinary(tokens: Tokens, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!tokens.knownWord(i)) return false;
  return true;
}

export function addListedAfterLabel(tokens: Tokens, out: PersonSpan[]): void {
  const text = tokens.text;
  if (text.indexOf(':') === -1) return;
  let lowerText: boolean | null = null;
  // tokens inside spans found before, marked when the first list is met (most texts have none)
  let taken: Uint8Array | null = null;
  const filter = NOUN_FILTER;
  for (let t = 0; t + 1 < tokens.count; t++) {
    if (tokens.bits[t]! & TOK_ASCII ? !smallFilterHas(filter, tokens.hash(t)) || !NOUN_HASHES.has(tokens.hash(t)) : tokens.end[t]! - tokens.start[t]! < 7) continue;
    if (!PEOPLE_NOUNS.has(tokens.key(t)) || !colonBetween(tokens, t + 1)) continue;
    if (lowerText === null) lowerText = text === text.toLowerCase();
    const items = listItems(tokens, t + 1, lowerText);
    // "Members: Sales, Marketing and Support": a list made mostly of ordinary words names teams, not people
    if (items === null || 2 * items.filter(([s, e]) => allOrdinary(tokens, s, e)).length > items.length) continue;
    if (taken === null) {
      taken = new Uint8Array(tokens.count);
      for (const p of out) taken.fill(1, p.startToken, p.endToken);
    }
    for (const [s, e] of items) {
      if (taken.subarray(s, e).includes(1)) continue;
      const finding: Finding = {
        start: tokens.start[s]!,
        end: tokens.end[e - 1]!,
        type: 'PERSON',
        score: 0.7,
        detector: 'person',
        explanation: { pattern: 'listed-after-label', validation: 'none', context: [{ word: tokens.key(t), effect: 0.2 }] },
      };
      out.push({ startToken: s, endToken: e, finding });
    }
    t = items[items.length - 1]![1] - 1;
  }
}
