/**
 * STREET_ADDRESS without a house number: a street named in prose ("the shows on Adams Street", "we moved to
 * Parkdale Avenue", "Büro in der Goethestraße", "notre agence rue de Rivoli", "la oficina de la Calle Mayor").
 * The street-address detector needs a house number, a postcode or an address cue; these names have none, yet they
 * place a person as surely as a number does.
 *
 * Patterns (explanation.pattern), over the gazetteer's shared tokens (no scan of its own):
 *  - "name-type":  1-3 capitalised words + an unambiguous street type on the same line ("Adams Street",
 *                  "Old Mill Road", "Lucchese St"). Types that are also ordinary nouns after a name ("Google Drive",
 *                  "Microsoft Way", "Central Park", "Times Square") are left out. 0.6, or 0.7 after a place
 *                  preposition (on, at, in, off, along, near, to, from, into).
 *                  In a text without capitals, "on guildry street" (a lower-case name after a preposition) 0.6.
 *  - "strasse":    a capitalised German compound ending in -straße / -strasse after "in der", "auf der", "an der",
 *                  "die", "der" or "Ecke" ("in der Goethestraße"). 0.65.
 *  - "type-first": a French or Spanish street word + optional "de/du/des/de la/del" + capitalised words ("rue de
 *                  Rivoli", "avenue Victor Hugo", "Calle Mayor", "Avenida de América"). 0.65.
 * The name words may not be glued to a URL or identifier, and a name made only of ordinary English words needs a
 * preposition before it ("Main Street" alone is still found after "on"; "New Road map" is not a street).
 */

import type { Detector, Finding } from '../finding';
import { findingBuilder } from '../finding-builder';
import {
  GAP_START, NAME, PLACE, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER, TOK_ASCII, TOK_GLUED, hashKey, joined, tokenize, type Gazetteer, type Tokens,
} from '../gazetteer';

/** Street types that follow a name and are rarely anything else. */
const NAME_TYPES = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard', 'blvd', 'lane', 'terrace', 'crescent', 'parkway', 'pkwy',
  'highway', 'hwy',
]);
/** Prepositions that put a place after them. */
const PLACE_PREPS = new Set(['on', 'at', 'in', 'off', 'along', 'near', 'to', 'from', 'into', 'onto', 'down', 'up']);
/** German words before a -straße name ("in der", "Ecke"). */
const DE_BEFORE = new Set(['der', 'die', 'ecke']);
/** French and Spanish street words that come before the name. */
const TYPE_FIRST = new Set(['rue', 'avenue', 'boulevard', 'allée', 'impasse', 'chemin', 'quai', 'calle', 'avenida', 'paseo', 'camino', 'carrera', 'travesía']);
const ENGLISH_TOO = new Set(['avenue', 'boulevard']);
const TYPE_FIRST_LINKS = new Set(['de', 'du', 'des', 'la', 'del', "d'", 'l']);
const MAX_NAME_WORDS = 3;
/** Hashes of the ASCII trigger words, so that other words are skipped without making their key. */
const TRIGGER_HASHES = new Set([...NAME_TYPES, ...TYPE_FIRST].filter((w) => /^[a-z]+$/.test(w)).map(hashKey));
/** One bit per 16-bit slot of those hashes: most tokens miss here, before a set lookup of a 32-bit number. */
const TRIGGER_FILTER = new Uint8Array(1 << 16);
const triggerSlot = (h: number): number => (h ^ (h >>> 16)) & 0xffff;
for (const h of TRIGGER_HASHES) TRIGGER_FILTER[triggerSlot(h)] = 1;

function isCapitalised(tokens: Tokens, t: number): boolean {
  const sh = tokens.shape[t];
  return (sh === SHAPE_TITLE || sh === SHAPE_UPPER) && !(tokens.bits[t]! & TOK_GLUED);
}

const build = findingBuilder('street-name', 'STREET_ADDRESS', 'none');

function finding(tokens: Tokens, first: number, last: number, score: number, pattern: string, context: string | undefined): Finding {
  return build(tokens.start[first]!, tokens.end[last]!, score, pattern, 'none', context ? [{ word: context, effect: 0.1 }] : []);
}

/** The preposition right before token `t`, if it is a place preposition on the same line. */
function prepositionBefore(tokens: Tokens, t: number): string | undefined {
  if (t === 0 || !joined(tokens, t)) return undefined;
  const key = tokens.key(t - 1);
  return PLACE_PREPS.has(key) ? key : undefined;
}

/** "Adams Street", "on guildry street": the name words before the street type at `t`. */
function nameBeforeType(tokens: Tokens, t: number, lowerText: boolean): Finding | null {
  if (t === 0 || !joined(tokens, t)) return null;
  const typeShape = tokens.shape[t];
  if (!lowerText && typeShape !== SHAPE_TITLE && typeShape !== SHAPE_UPPER) return null;
  let first = t;
  let unknown = false;
  while (first > 0 && t - first < MAX_NAME_WORDS && (first === t || joined(tokens, first))) {
    const p = first - 1;
    if (tokens.bits[p]! & TOK_GLUED) break;
    const sh = tokens.shape[p];
    if (lowerText ? sh !== SHAPE_LOWER : sh !== SHAPE_TITLE && sh !== SHAPE_UPPER) break;
    if (PLACE_PREPS.has(tokens.key(p))) break;
    first = p;
    if (!tokens.englishWord(p)) unknown = true;
  }
  if (first === t) return null;
  const prep = prepositionBefore(tokens, first);
  // a lower-case text needs the preposition and a word no dictionary knows; ordinary words need the preposition
  if (lowerText ? !prep || !unknown : !prep && !unknown) return null;
  // a capitalised name at the very start of a sentence may be its first word only: "Road works ..." has no name
  if (!prep && first === t - 1 && tokens.bits[first]! & GAP_START && tokens.englishWord(first)) return null;
  return finding(tokens, first, t, lowerText ? 0.6 : prep ? 0.7 : 0.6, 'name-type', prep);
}

/** "in der Goethestraße". */
function germanCompound(tokens: Tokens, t: number): Finding | null {
  if (tokens.shape[t] !== SHAPE_TITLE || tokens.bits[t]! & TOK_GLUED) return null;
  const key = tokens.key(t);
  if (key.length < 9 || !(key.endsWith('straße') || key.endsWith('strasse'))) return null;
  if (t === 0 || !joined(tokens, t)) return null;
  const before = tokens.key(t - 1);
  if (!DE_BEFORE.has(before)) return null;
  return finding(tokens, t, t, 0.65, 'strasse', before);
}

/** "rue de Rivoli", "Calle Mayor": a street word, an optional link word, then capitalised words. */
function typeFirst(tokens: Tokens, t: number): Finding | null {
  if (!TYPE_FIRST.has(tokens.key(t)) || tokens.bits[t]! & TOK_GLUED) return null;
  let n = t + 1;
  while (n < tokens.count && n - t <= 2 && joined(tokens, n) && TYPE_FIRST_LINKS.has(tokens.key(n))) n++;
  let last = n - 1;
  for (let i = n; i < tokens.count && i - n < MAX_NAME_WORDS && joined(tokens, i) && isCapitalised(tokens, i); i++) last = i;
  if (last < n) return null;
  // "avenue" and "boulevard" are English words too ("a new avenue The ..."): without a link word they need a
  // person's or place's name, or a word no English dictionary knows ("avenue Victor Hugo", "boulevard Haussmann")
  if (n === t + 1 && ENGLISH_TOO.has(tokens.key(t))) {
    let named = false;
    for (let i = n; i <= last; i++) if (!tokens.englishWord(i) || tokens.flags(i) & (NAME | PLACE)) named = true;
    if (!named) return null;
  }
  return finding(tokens, t, last, 0.65, 'type-first', tokens.key(t));
}

export function findStreetNames(text: string, g: Gazetteer): Finding[] {
  const tokens = tokenize(text, g);
  const out: Finding[] = [];
  let hasUpper = false;
  for (let i = 0; i < tokens.count && !hasUpper; i++) hasUpper = tokens.shape[i] !== SHAPE_LOWER && tokens.shape[i] !== 0;
  const lowerText = !hasUpper;
  let after = -1; // findings do not overlap: the next starts after the last one's last token
  for (let t = 0; t < tokens.count; t++) {
    const sh = tokens.shape[t];
    if (sh === 0) continue;
    const ascii = (tokens.bits[t]! & TOK_ASCII) !== 0;
    let f: Finding | null = null;
    if (!ascii || (TRIGGER_FILTER[triggerSlot(tokens.hash(t))] === 1 && TRIGGER_HASHES.has(tokens.hash(t)))) {
      const key = tokens.key(t);
      if (NAME_TYPES.has(key)) f = nameBeforeType(tokens, t, lowerText);
      // "avenue" and "boulevard" come after the name in English and before it in French
      if (!f && TYPE_FIRST.has(key)) f = typeFirst(tokens, t);
    }
    if (!f && sh === SHAPE_TITLE && tokens.end[t]! - tokens.start[t]! >= 9 && (!ascii || tokens.text.endsWith('strasse', tokens.end[t]!) || tokens.text.endsWith('Strasse', tokens.end[t]!))) {
      f = germanCompound(tokens, t);
    }
    if (f && f.start > after) {
      out.push(f);
      after = f.end;
    }
  }
  return out;
}

export function createStreetNameDetector(g: Gazetteer): Detector {
  return {
    id: 'street-name',
    version: '1',
    types: ['STREET_ADDRESS'],
    detect(text) {
      return findStreetNames(text, g);
    },
  };
}
