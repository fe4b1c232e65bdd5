/**
 * STREET_ADDRESS detector (English, German, French and Spanish conventions, plus the common Dutch, Nordic,
 * Italian, Portuguese and Central-European street words).
 *
 * The text is cut once into tokens (words, numbers, punctuation; line breaks are recorded between tokens) by a
 * linear scanner. Street cores are then proposed at anchor tokens (one map lookup per word) and checked on a few
 * neighbouring tokens only:
 *  - "en-street":    house number + 1-4 name words + street type ("221B Baker Street", "1600 Pennsylvania Ave NW");
 *  - "type-first":   street type + name + house number, or house number + type + name ("Calle Mayor 5",
 *                    "C/ de Alcalá 45", "12 rue de la Paix", "5 avenue des Champs-Élysées", "Via Roma 10");
 *  - "compound":     a word ending in a street suffix + house number ("Hauptstraße 5", "Lindenallee 7",
 *                    "Musterweg 3b", "Keizersgracht 12"); "street-word": name + separate type word + number
 *                    ("Berliner Straße 5", "Agip u. 96.");
 *  - "de-preposition": Am/Im/Zum/Zur/Alt/An der/... + name + house number ("Am Markt 12a");
 *  - "po-box":       PO Box / P.O. Box / Postfach / Apartado (de Correos) / BP + number, PSC/Unit/CMR … Box;
 *  - "military":     APO/FPO/DPO + AA/AE/AP + ZIP, with the Unit/PSC/ship line above it;
 *  - "unit":         Apt/Apartment/Suite/Flat + number ("Apt 4B", "Suite 200"); "unit-block" when a street
 *                    segment (even without a type word: "Roheline 43") stands right before it or on the line above;
 *  - "address-block": a postcode line ("10115 Berlin", "Madrid 28013", "Springfield, IL 62704") under a short
 *                    street line ("Unter den Linden 5"), possibly with a city line between;
 *  - "name-number-city": "Tylova 1036, Praha, Czech Republic" (needs a building number before it, an address
 *                    cue, or a second place segment);
 *  - "address-cue":  the value after an address cue ("my address is …", "lives at …", "Address: …") when it
 *                    holds a house number and words;
 *  - "intersection": "the corner of X and Y" where X or Y is a street.
 * Each core is extended on the same line and on directly following lines (one line break, no blank line) by a
 * unit (Apt 5, Suite 200, Flat 3, #12, 3º izq.), a postcode with or without a city ("10115 Berlin",
 * "Washington, DC 20500", "London SW1A 1AA", "Fitzroy VIC 3065", "zip 62704"), a city or country, a state, and
 * before it by a unit ("Flat 3, 12 High St", "Unit 5/12 Smith St") or a leading number. After a postcode only a
 * place line may follow (the next line of a list is the next address). Overlapping cores are merged (at most
 * 300 characters).
 *
 * Scores (0.6–0.95): a typed street with a capitalised name and a number is 0.75 (0.7 for ambiguous types such as
 * Way/Place/Drive/Court, 0.65 for Via/Place before the name, 0.6 for lower-case text, German preposition streets,
 * units alone and cue values; blocks 0.65-0.7; PO boxes 0.8; military 0.85); a validated postcode (UK format,
 * US state + ZIP, CA, AU state) adds 0.15, another postcode 0.1, a city 0.05, a unit 0.05, a line break inside a
 * structured address 0.05, an address cue word before it 0.1. Ambiguous forms (lower-case "via", suffixes such as
 * -ring/-gade/-kade/-tie, "flat 3 tyres") need one of those pieces of evidence to be reported at all. The pieces
 * of evidence are listed in `explanation.context`; `validation` is 'passed' when a postcode format was validated.
 *
 * Each address is followed by its pieces (pattern "…/part": its lines/comma segments 0.01 lower, its words and
 * numbers 0.02 lower). The registry keeps the whole address and drops the pieces; when a higher-scored finding
 * inside the address wins (a street named after a person, a country name), the pieces still cover the rest.
 *
 * False positives it avoids: a number directly before the type ("Version 2 Drive", "page 5 Road map"), counts
 * and durations ("5 items", "2 days"), references ("ticket 12 …"), years after product names ("via Outlook
 * 2016"), decimals, IP addresses and times, lower-case prose after an ambiguous type ("2 Google Drive folders").
 *
 * Cost: tokenising is one pass (a class-table lookup per character, token arrays reused between texts); every
 * anchor looks at a bounded number of tokens (at most a few lines); candidates are merged after one sort. Texts
 * without a digit return at once (only "corner of" may match then). The tokenizer hashes each word as it reads it
 * and marks the few that may be anchors (./address/anchors.ts), so most words are never looked at again and never
 * become strings. The tokens and the findings of the last text are cached, so the postal-code detector reuses them.
 *
 * Files: this one holds the detector (anchor dispatch, merging, findings); ./address/ holds its parts —
 * tokens.ts (the tokenizer), anchors.ts (the anchor words and the tokenizer's word filter), vocabulary.ts (word
 * lists), token-checks.ts (predicates on tokens), postcodes.ts (postcode formats and place words), candidates.ts
 * (street cores at anchors) and extend.ts (extending cores into addresses; cue, corner, block, military and
 * name-number-city patterns).
 */

import type { Detector, Finding } from '../finding';
import { TK_NUM, TK_PUNCT, TK_WORD, tokenize, type Tokens } from './address/tokens';
import { SUFFIX_MATCH, SUFFIX_WEAK_MATCH, TYPE_ABBREVIATIONS, SUFFIX_STRONG, SUFFIX_WEAK } from './address/vocabulary';
import { A_CORNER, A_CUE, A_EN, A_FIRST, A_HOUSE_AFTER, A_MILITARY, A_POBOX, A_PREP, A_UNIT, ANCHORS } from './address/anchors';
import { isLowerWord, isPunct } from './address/token-checks';
import { isFiveDigit, nlPostcodeAt } from './address/postcodes';
import { type Cand, lineStartOf, segmentEndingAt, streetLine, tryEnglish, tryHouseAfter, tryPoBox, tryPreposition, tryTypeFirst, tryUnit } from './address/candidates';
import { cueBefore, extendHead, extendTail, tryBlock, tryCorner, tryCue, tryMilitary, tryNameNumberCity } from './address/extend';
import { hasDigitRun } from './text-scan';

// The tokenizer and the helpers the postal-code detector and the tests use.
export { tokenize, TK_MIXED, TK_NUM, TK_ORD, TK_PUNCT, TK_WORD, type Tokens } from './address/tokens';
export { AU_STATES, CA_PROVINCES, CA_POSTCODE, CONNECTORS, FUNCTION_WORDS, CAP_NOT_NAME, MONTHS_AND_DAYS, PARTICLES, PRODUCT_WORDS, QUANTITY_WORDS, REF_WORDS, UK_POSTCODE, US_STATES } from './address/vocabulary';
export { isCapWord, isHouse } from './address/token-checks';
export { caPostcodeAt, closesSegment, isFiveDigit, isFourDigit, nlPostcodeAt, placeWords, ukPostcodeAt } from './address/postcodes';

// ---------------------------------------------------------------------------------------------------------------
// Detector

/** Last letters of the street suffixes: the suffix matchers run only on words ending in one of them. */
const SUFFIX_LAST = new Set([...SUFFIX_STRONG, ...SUFFIX_WEAK].map((x) => x.charAt(x.length - 1)));

/** Longest span a merged address may reach. */
const MAX_ADDRESS_CHARS = 300;

/**
 * Turns a merged candidate into its finding, followed by its pieces (the address cut at line breaks and commas)
 * at a score 0.01 lower. The resolver accepts the whole address and drops the pieces; if the whole loses to a
 * higher-scored finding inside it (a street named after a person, a country name), the pieces that do not
 * overlap that finding still cover the rest of the address.
 */
function finish(T: Tokens, c: Cand, out: Finding[]): void {
  const cue = cueBefore(T, c.b);
  if (cue !== null && !c.evidence.some((x) => x.word === cue)) c.evidence.push({ word: cue, effect: 0.1 });
  let multiLine = false;
  for (let i = c.b + 1; i <= c.e; i++) if (T.nl[i]! > 0) multiLine = true;
  if (multiLine && (c.unit || c.city || c.postcode !== null)) c.evidence.push({ word: 'line break', effect: 0.05 });
  const extra = c.evidence.reduce((a, x) => a + x.effect, 0);
  if (c.needsEvidence && extra <= 0) return;
  const score = Math.round(Math.min(0.95, c.base + extra) * 100) / 100;
  const start = T.s[c.b]!;
  let end = T.e[c.e]!;
  // Abbreviation dot directly after a street type: "St.", "Ave."
  if (end < T.text.length && T.text.charAt(end) === '.' && T.k[c.e] === TK_WORD && T.e[c.e]! - T.s[c.e]! <= 4 && T.s[c.e + 1] === end) {
    const w = T.low(c.e);
    if (TYPE_ABBREVIATIONS.has(w)) end++;
  }
  const explanation = { pattern: c.pattern, validation: c.postcode === 'validated' ? ('passed' as const) : ('none' as const), context: c.evidence };
  out.push({ start, end, type: 'STREET_ADDRESS', score, detector: 'street-address', explanation });
  // Pieces
  const pieces: [number, number][] = [];
  let ps = -1;
  let pe = -1;
  for (let i = c.b; i <= c.e; i++) {
    const cut = i > c.b && (T.nl[i]! > 0 || isPunct(T, i - 1, ','));
    if (cut && ps >= 0) {
      pieces.push([ps, pe]);
      ps = -1;
    }
    if (T.k[i] === TK_PUNCT) continue;
    if (ps < 0) ps = i;
    pe = i;
  }
  if (ps >= 0) pieces.push([ps, pe]);
  const partExplanation = { ...explanation, pattern: `${c.pattern}/part` };
  if (pieces.length >= 2) {
    for (const [a, b] of pieces) {
      out.push({ start: T.s[a]!, end: b === c.e ? end : T.e[b]!, type: 'STREET_ADDRESS', score: Math.max(0.5, Math.round((score - 0.01) * 100) / 100), detector: 'street-address', explanation: partExplanation });
    }
  }
  // Word and number tokens, one by one, lowest: what is left of the address when a piece loses too.
  let tokens = 0;
  for (let i = c.b; i <= c.e; i++) if (T.k[i] !== TK_PUNCT) tokens++;
  if (tokens < 2) return;
  for (let i = c.b; i <= c.e; i++) {
    if (T.k[i] === TK_PUNCT) continue;
    out.push({ start: T.s[i]!, end: T.e[i]!, type: 'STREET_ADDRESS', score: Math.max(0.5, Math.round((score - 0.02) * 100) / 100), detector: 'street-address', explanation: partExplanation });
  }
}

let cachedText: string | null = null;
let cachedFindings: readonly Finding[] = [];

/**
 * All STREET_ADDRESS findings of `text` (whole addresses and their pieces, see `finish`). The last result is
 * cached, so the postal-code detector can ask for the addresses of the same text without a second scan.
 */
export function detectStreetAddresses(text: string): Finding[] {
  if (text !== cachedText) {
    cachedFindings = scan(text);
    cachedText = text;
  }
  return cachedFindings.slice();
}

function scan(text: string): Finding[] {
  const hasDigit = hasDigitRun(text, 1);
  if (!hasDigit && !/corner of/i.test(text)) return [];
  const T = tokenize(text);
  const cands: Cand[] = [];
  const add = (c: Cand | null): void => {
    if (c !== null) cands.push(c);
  };
  for (let i = 0; i < T.n; i++) {
    const kind = T.k[i];
    if (kind === TK_NUM) {
      if (isFiveDigit(T, i) || (T.k[i + 1] === TK_WORD && nlPostcodeAt(T, i) >= 0)) add(tryBlock(T, i));
      if (isPunct(T, i + 1, ',')) add(tryNameNumberCity(T, i));
      continue;
    }
    // Words that can be neither an anchor nor a street compound were marked 0 by the tokenizer (./address/anchors.ts).
    if (kind !== TK_WORD || T.a[i] === 0) continue;
    const w = T.low(i);
    const flags = ANCHORS.get(w) ?? 0;
    if (flags & A_CORNER) {
      add(tryCorner(T, i));
      continue;
    }
    if (!hasDigit) continue;
    if (flags & A_EN) add(tryEnglish(T, i));
    if (flags & A_FIRST) add(tryTypeFirst(T, i));
    if (flags & A_HOUSE_AFTER) add(tryHouseAfter(T, i, false, false));
    else if (w.length >= 6 && SUFFIX_LAST.has(w.charAt(w.length - 1)) && (SUFFIX_MATCH.test(w) || SUFFIX_WEAK_MATCH.test(w))) {
      const strong = SUFFIX_MATCH.test(w);
      add(tryHouseAfter(T, i, true, !strong));
    }
    if (flags === 0) continue;
    if (flags & A_PREP) add(tryPreposition(T, i));
    if (flags & A_POBOX) add(tryPoBox(T, i));
    if (flags & A_MILITARY) add(tryMilitary(T, i));
    if (flags & A_UNIT) {
      const u = tryUnit(T, i);
      if (u !== null) {
        // Pull in a street segment before it on the same line, or a street line above it.
        // Lower-case street names only when the unit itself reads as an address (not "flat 3 tyres").
        const lowerOk = isLowerWord(T, u.b) && !u.needsEvidence;
        let prevEnd = u.b - 1;
        if (isPunct(T, prevEnd, ',') && T.nl[u.b] === 0) prevEnd--;
        let seg = -1;
        if (prevEnd >= 0 && (T.nl[u.b] === 0 || (T.nl[u.b] === 1 && !isPunct(T, u.b - 1, ',')))) {
          const ps = T.nl[u.b] === 1 ? lineStartOf(T, prevEnd, 9) : -1;
          seg = ps >= 0 && streetLine(T, ps, prevEnd) ? ps : segmentEndingAt(T, prevEnd, lowerOk);
        }
        if (seg >= 0) {
          u.b = seg;
          u.pattern = 'unit-block';
          u.base = 0.7;
          u.needsEvidence = false;
          u.lower = lowerOk;
          add(u);
        } else if (!u.needsEvidence) add(u);
      }
    }
    if (flags & A_CUE) add(tryCue(T, i));
  }
  if (cands.length === 0) return [];
  for (const c of cands) {
    extendHead(T, c);
    extendTail(T, c);
  }
  // Merge overlapping or touching candidates (same address found from several anchors).
  cands.sort((a, b) => a.b - b.b || b.e - a.e);
  const merged: Cand[] = [];
  for (const c of cands) {
    const prev = merged[merged.length - 1];
    const touching = prev !== undefined && (c.b <= prev.e || (c.b === prev.e + 1 && T.nl[c.b] === 0 && T.s[c.b]! - T.e[prev.e]! <= 2));
    // A run of addresses does not merge into one giant span (lists, tables, adversarial input).
    if (prev !== undefined && touching && T.e[Math.max(c.e, prev.e)]! - T.s[prev.b]! <= MAX_ADDRESS_CHARS) {
      if (c.e > prev.e) prev.e = c.e;
      const better = c.base > prev.base;
      if (better) {
        prev.base = c.base;
        prev.pattern = c.pattern;
        prev.needsEvidence = c.needsEvidence;
      } else if (!c.needsEvidence) prev.needsEvidence = false;
      prev.lower = prev.lower && c.lower;
      for (const x of c.evidence) {
        if (x.word.startsWith('postcode') && prev.postcode !== null) {
          if (c.postcode === 'validated' && prev.postcode !== 'validated') {
            prev.evidence = prev.evidence.filter((y) => !y.word.startsWith('postcode'));
            prev.evidence.push(x);
            prev.postcode = 'validated';
          }
          continue;
        }
        if (!prev.evidence.some((y) => y.word === x.word)) prev.evidence.push(x);
      }
      if (prev.postcode === null) prev.postcode = c.postcode;
      prev.unit ||= c.unit;
      prev.city ||= c.city;
      continue;
    }
    merged.push({ ...c, evidence: c.evidence.slice() });
  }
  const out: Finding[] = [];
  for (const c of merged) finish(T, c, out);
  return out;
}

export const streetAddressDetector: Detector = {
  id: 'street-address',
  version: '1',
  types: ['STREET_ADDRESS'],
  detect(text) {
    return detectStreetAddresses(text);
  },
};
