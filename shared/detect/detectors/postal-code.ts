/**
 * POSTAL_CODE detector: postcodes, but only where the text says they are part of an address.
 *
 * A bare five-digit number is not a postal code: order numbers, error codes and build numbers look the same.
 * Candidates (found on the street-address tokenizer's tokens, one linear pass) are reported only with one of
 * these kinds of address context, strongest first:
 *  - "keyword": a postcode word just before it — zip (code), postcode, post code, postal code, PLZ,
 *    Postleitzahl, code postal, CP, C.P., código postal, postnummer (0.85; 0.9 for a validated format);
 *  - "state":   a North-American state or province, or an Australian state, just before it —
 *    "Springfield, IL 62704", "Ottawa, ON K1A 0B1", "Sydney NSW 2000" (0.85, validated); another two-letter
 *    region after a comma, "Natal, RN 59000" (0.7);
 *  - "city-after": a capitalised place word right after it, the code opening an address segment (line start,
 *    comma, house number, or a country prefix "D-", "F-", ...) — "10115 Berlin", "1234 AB Amsterdam" (0.75);
 *  - "city-before": capitalised place words that open a segment, the code closing it (line end, comma, end) —
 *    "London SW1A 1AA" (0.8), "Madrid 28013" or a signature line "Marshall Islands 56293" (0.65);
 *  - "after-street": right after a street segment and a comma — "Baker Street, NW1 6XE" (0.75),
 *    "Hauptstraße 5, 10115" (0.65).
 * Place words that are identifiers (order, ticket, error, build, version, ...), months and weekdays cancel a
 * city context.
 *
 * Formats: US ZIP and ZIP+4; UK postcodes checked against the full official format (area letters, the
 * A9A/AA9A letter sets, the inward-code letters, GIR 0AA); DE/FR/ES/IT five digits; NL "1234 AB" (not SA/SD/SS);
 * Canadian "A1A 1A1" (no D F I O Q U); four digits (AU after a state; AT/CH/BE/DK after a keyword or with a
 * city after it). Letter formats must be in capitals unless a keyword names them.
 */

import type { Detector, Finding } from '../finding';
import {
  AU_STATES,
  CA_PROVINCES,
  FUNCTION_WORDS,
  MONTHS_AND_DAYS,
  PRODUCT_WORDS,
  QUANTITY_WORDS,
  REF_WORDS,
  TK_MIXED,
  TK_NUM,
  TK_PUNCT,
  TK_WORD,
  US_STATES,
  caPostcodeAt,
  closesSegment,
  isCapWord,
  isFiveDigit,
  isFourDigit,
  nlPostcodeAt,
  placeWords,
  tokenize,
  detectStreetAddresses,
  ukPostcodeAt,
  type Tokens,
} from './street-address';
import { keptDigitProfile } from './text-scan';


/** A postcode word right before the code (applied to at most 40 characters). */
const KEYWORD_BEFORE =
  /(?:^|[^\p{L}\p{N}])(zip|zip ?code|zipcode|post ?code|postal ?code|postleitzahl|plz|code postal|cp|c\.p\.|c[oó]digo postal|postnummer|postnr)\.?[ \t]*(?:is|ist|est|es|:|=|-|#)?[ \t:]*$/iu;

/**
 * Cheap test before the keyword regex: one of these is part of every postcode word. Case-insensitive on the raw
 * text, which finds the same as a substring test on its lower case (no other character lower-cases to one of
 * their letters without a U+0307 after it).
 */
const KEYWORD_HINTS = /zip|post|plz|cp|c\.p|digo|code/i;

/** Words that, in the city position, mean the number is something else. */
const NOT_PLACE = new Set(
  `order orders ticket tickets invoice case ref reference error errors code codes build builds version release update patch
   id no nr number num total item items page pages step steps port ports line lines row rows room user users customer client
   account member employee serial model part sku product request incident problem change task job batch run process pid
   session transaction txn tracking booking confirmation receipt policy claim file files record records sample test tests
   issue issues bug bugs chapter section table figure fig level stage phase option kb mb gb tb
   bestellung rechnung fehler kunde kundennummer auftrag vorgang commande facture erreur pedido factura cliente
   tel phone fax mobile email`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

function placeWordOk(T: Tokens, i: number): boolean {
  const w = T.low(i);
  return !NOT_PLACE.has(w) && !REF_WORDS.has(w) && !PRODUCT_WORDS.has(w) && !QUANTITY_WORDS.has(w) && !MONTHS_AND_DAYS.has(w) && !FUNCTION_WORDS.has(w);
}

const punctIs = (T: Tokens, i: number, ch: string): boolean => i >= 0 && i < T.n && T.k[i] === TK_PUNCT && T.text.charAt(T.s[i]!) === ch;

/** The code opens an address segment: line start, ',', ';', '(', ':' or a house number before it. */
function opensSegment(T: Tokens, a: number): boolean {
  if (a === 0 || T.nl[a]! > 0) return true;
  const p = a - 1;
  if (T.k[p] === TK_PUNCT) {
    const c = T.text.charAt(T.s[p]!);
    return c === ',' || c === ';' || c === '(' || c === ':' || c === '|';
  }
  return T.k[p] === TK_NUM && /^[0-9]{1,4}[a-zA-Z]?$/.test(T.raw(p)) && p > 0 && T.k[p - 1] === TK_WORD;
}

/** Capitalised place words ending at `end` and opening a segment; returns their first token or -1. */
function placeRunEndingAt(T: Tokens, end: number): number {
  let j = end;
  let first = -1;
  for (let steps = 0; j >= 0 && steps < 5; steps++) {
    if (T.k[j] !== TK_WORD) break;
    if (isCapWord(T, j) && placeWordOk(T, j)) first = j;
    else if (!(first >= 0 && ['of', 'the', 'and', 'de', 'del', 'la', 'am', 'an', 'der', 'sur', 'en'].includes(T.low(j)))) break;
    if (T.nl[j]! > 0) break;
    j--;
  }
  if (first < 0) return -1;
  if (first === 0 || T.nl[first]! > 0) return first;
  const p = first - 1;
  if (T.k[p] === TK_PUNCT) {
    const c = T.text.charAt(T.s[p]!);
    if (c === ',' || c === ';' || c === '(' || c === ':' || c === '|') return first;
  }
  return -1;
}

/** Lower-case place words (at most 3) from the start of their line to `end`; returns the first token or -1. */
function lowerPlaceLine(T: Tokens, end: number): number {
  let j = end;
  for (let steps = 0; j >= 0 && steps < 3; steps++, j--) {
    if (T.k[j] !== TK_WORD || isCapWord(T, j) || !placeWordOk(T, j) || T.e[j]! - T.s[j]! < 3) return -1;
    if (j === 0 || T.nl[j]! > 0) return j;
  }
  return -1;
}

/** A postcode word before token a (same line, 40 characters). */
function keywordBefore(T: Tokens, a: number): string | null {
  const start = T.s[a]!;
  const seg = T.text.slice(Math.max(0, start - 40), start);
  if (!KEYWORD_HINTS.test(seg)) return null;
  const nl = seg.lastIndexOf('\n');
  const m = KEYWORD_BEFORE.exec(nl >= 0 ? seg.slice(nl + 1) : seg);
  return m?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? null;
}

/** Numbers glued to a decimal point, time, date or currency are not postcodes. */
function glued(T: Tokens, a: number, b: number): boolean {
  const t = T.text;
  const before = t.charAt(T.s[a]! - 1);
  const after = t.charAt(T.e[b]!);
  if ((after === '.' || after === ',' || after === ':' || after === '/') && /[0-9]/.test(t.charAt(T.e[b]! + 1))) return true;
  if ((before === '.' || before === ',' || before === ':' || before === '/') && /[0-9]/.test(t.charAt(T.s[a]! - 2))) return true;
  return before === '#' || before === '$' || before === '€' || before === '£' || before === '+' || after === '%';
}

interface Cand {
  start: number;
  end: number;
  score: number;
  pattern: string;
  validation: 'passed' | 'none';
  context: { word: string; effect: number }[];
}

const mk = (start: number, end: number, pattern: string, validation: 'passed' | 'none', score: number, word: string, rule: string): Cand => ({
  start,
  end,
  score: Math.round(Math.min(0.95, score) * 100) / 100,
  pattern: `${pattern}:${rule}`,
  validation,
  context: [{ word, effect: Math.round((score - 0.3) * 100) / 100 }],
});

/** Scores the code spanning tokens [a, b] of kind `kind`; null if it has no address context. */
function judge(T: Tokens, a: number, b: number, kind: 'five' | 'uk' | 'nl' | 'ca' | 'four', startChar: number): Cand | null {
  if (glued(T, a, b)) return null;
  const value = T.text.slice(startChar, T.e[b]);
  const letters = kind === 'uk' || kind === 'nl' || kind === 'ca';
  let validation: 'passed' | 'none' = letters ? 'passed' : 'none';
  let pattern = kind === 'five' ? (value.length > 5 ? 'us-zip+4' : 'five-digit') : kind === 'uk' ? 'uk-postcode' : kind === 'nl' ? 'nl-postcode' : kind === 'ca' ? 'ca-postcode' : 'four-digit';
  const endChar = T.e[b]!;

  const kw = startChar === T.s[a] ? keywordBefore(T, a) : null;
  if (kw !== null) return mk(startChar, endChar, pattern, validation, letters ? 0.9 : 0.85, kw, 'keyword');
  if (letters && value !== value.toUpperCase()) return null;

  // State or province just before: "Springfield, IL 62704", "ON K1A 0B1", "NSW 2000".
  const p = a - 1;
  if (p >= 0 && T.nl[a] === 0 && T.k[p] === TK_WORD && /^[A-Z]{2,3}$/.test(T.raw(p))) {
    const st = T.raw(p);
    if ((kind === 'five' && US_STATES.has(st)) || (kind === 'ca' && CA_PROVINCES.has(st)) || (kind === 'four' && AU_STATES.has(st))) {
      validation = 'passed';
      if (kind === 'four') pattern = 'au-postcode';
      return mk(startChar, endChar, pattern, validation, 0.85, st, 'state');
    }
    if (kind === 'five' && st.length === 2 && punctIs(T, p - 1, ',')) return mk(startChar, endChar, pattern, validation, 0.7, st, 'region');
  }

  // Four digits that read as a year (1900-2099) need a keyword or a state: "July 11, 2010 Screen Rant".
  if ((kind === 'four' || kind === 'nl') && /^(?:19|20)[0-9]{2}/.test(value)) return null;

  // City after: "10115 Berlin", "1234 AB Amsterdam", "D-10115 Berlin".
  if (kind !== 'uk' && kind !== 'ca' && b + 1 < T.n && T.nl[b + 1] === 0 && isCapWord(T, b + 1) && placeWordOk(T, b + 1)) {
    const prefixed = startChar !== T.s[a];
    if (prefixed || opensSegment(T, a)) {
      const city = placeWords(T, b + 1, false);
      if (city >= 0 && (closesSegment(T, city) || prefixed || (a > 0 && punctIs(T, a - 1, ',')))) {
        return mk(startChar, endChar, pattern, validation, kind === 'nl' ? 0.8 : 0.75, T.low(b + 1), 'city-after');
      }
    }
  }

  // City before, the code closing the segment: "London SW1A 1AA", "Madrid 28013", "Marshall Islands 56293".
  if (kind !== 'four' && closesSegment(T, b) && a > 0 && T.nl[a] === 0) {
    let end = a - 1;
    if (punctIs(T, end, ',') && end > 0 && T.nl[end] === 0) end--;
    const first = end >= 0 ? placeRunEndingAt(T, end) : -1;
    if (first >= 0) {
      const strong = kind === 'uk' || kind === 'ca';
      return mk(startChar, endChar, pattern, validation, strong ? 0.8 : 0.65, T.text.slice(T.s[first], T.e[end]).toLowerCase(), 'city-before');
    }
    // Lower-case text: a line that is only place words and the code ("\n mexico 52199\n").
    const lineFirst = end >= 0 ? lowerPlaceLine(T, end) : -1;
    if (lineFirst >= 0 && kind === 'five' && (b + 1 >= T.n || T.nl[b + 1]! > 0)) {
      return mk(startChar, endChar, pattern, validation, 0.6, T.text.slice(T.s[lineFirst], T.e[end]).toLowerCase(), 'city-before');
    }
  }

  // After a street segment and a comma: "Baker Street, NW1 6XE", "Hauptstraße 5, 10115".
  if (kind !== 'four' && punctIs(T, a - 1, ',') && T.nl[a] === 0 && a >= 2) {
    const q = a - 2;
    if (T.k[q] === TK_WORD && /^(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|court|ct|place|pl|boulevard|blvd|close|crescent|terrace|straße|strasse|str|weg|allee|platz|gasse|rue|calle)$/i.test(T.raw(q))) {
      return mk(startChar, endChar, pattern, validation, kind === 'five' ? 0.65 : 0.75, T.low(q), 'after-street');
    }
    if (T.k[q] === TK_NUM && /^[0-9]{1,4}[a-zA-Z]?$/.test(T.raw(q)) && q > 0 && T.k[q - 1] === TK_WORD && isCapWord(T, q - 1)) {
      return mk(startChar, endChar, pattern, validation, kind === 'five' ? 0.65 : 0.75, 'house number', 'after-street');
    }
  }
  return null;
}

/**
 * Every postcode holds an ASCII digit, and every candidate holds four digits in a row (five-digit, ZIP+4,
 * four-digit, NL, "D-10115"), a letter right before a digit (UK, CA: "SW1A", "K1A"; the letter may be one that
 * upper-cases to ASCII, so any non-ASCII unit counts) or the "GIR 0AA" outward code. Texts with none of these are
 * not tokenised at all. The digit checks read the text's digit profile when the detectors before have made it.
 */
function mayHoldPostcode(text: string): boolean {
  const kept = keptDigitProfile(text);
  if (kept === undefined) return MAY_HOLD_POSTCODE.test(text);
  if (kept.digits === 0) return false;
  return kept.digitRun >= 4 || LETTER_DIGIT_OR_GIR.test(text);
}
const MAY_HOLD_POSTCODE = /[0-9]{4}|[A-Za-z\u0080-\uffff][0-9]|gir/i;
const LETTER_DIGIT_OR_GIR = /[A-Za-z\u0080-\uffff][0-9]|gir/i;

/** The three characters at `at` lower-case to "gir" (read in place: the word after "the", "and" makes no string). */
const isGir = (text: string, at: number): boolean =>
  (text.charCodeAt(at) | 0x20) === 0x67 && (text.charCodeAt(at + 1) | 0x20) === 0x69 && (text.charCodeAt(at + 2) | 0x20) === 0x72;

export function detectPostalCodes(text: string): Finding[] {
  if (!mayHoldPostcode(text)) return [];
  const T = tokenize(text);
  const out: Finding[] = [];
  // Whole street addresses of the same text (cached by the street-address detector), sorted by start. Asked
  // for only once a code is found: most texts have none, and the street scan is the expensive part.
  let streets: Finding[] | null = null;
  let si = 0;
  for (let i = 0; i < T.n; i++) {
    const kind = T.k[i];
    let c: Cand | null = null;
    let last = i;
    if (kind === TK_MIXED || (kind === TK_WORD && T.e[i]! - T.s[i]! === 3 && isGir(T.text, T.s[i]!))) {
      if (T.e[i]! - T.s[i]! > 8) continue;
      // UK, CA and "D-10115" all start with a letter.
      const first = T.text.charCodeAt(T.s[i]!);
      if (first >= 48 && first <= 57) continue;
      let l = withUpper(T, i, ukPostcodeAt);
      if (l >= 0) {
        last = l;
        c = judge(T, i, l, 'uk', T.s[i]!);
      } else if ((l = withUpper(T, i, caPostcodeAt)) >= 0) {
        last = l;
        c = judge(T, i, l, 'ca', T.s[i]!);
      } else {
        // "D-10115", "F-75002": country prefix
        const m = /^(?:D|F|E|I|A|CH|NL|B|L)-([0-9]{4,5})$/.exec(T.raw(i));
        if (m !== null && m[1] !== undefined) c = judge(T, i, i, m[1].length === 5 ? 'five' : 'four', T.e[i]! - m[1].length);
      }
    } else if (kind === TK_NUM) {
      const nl = T.k[i + 1] === TK_WORD && T.e[i + 1]! - T.s[i + 1]! === 2 && isFourDigit(T, i) ? withUpper(T, i, nlPostcodeAt) : -1;
      if (nl >= 0) {
        last = nl;
        c = judge(T, i, nl, 'nl', T.s[i]!);
      }
      if (c === null && isFiveDigit(T, i)) {
        last = i;
        c = judge(T, i, i, 'five', T.s[i]!);
      } else if (c === null && isFourDigit(T, i)) {
        last = i;
        c = judge(T, i, i, 'four', T.s[i]!);
        // Four digits need a keyword, an Australian state or a city after them.
        if (c !== null && !/:(?:keyword|state|city-after)$/.test(c.pattern)) c = null;
      }
    }
    if (c === null) continue;
    // Inside a street address: rank just below it, so the resolver keeps the whole address (and still keeps the
    // code if the address loses to something else).
    streets ??= detectStreetAddresses(text).filter((f) => !f.explanation.pattern.endsWith('/part'));
    while (si < streets.length && streets[si]!.end <= c.start) si++;
    for (let j = si; j < streets.length && streets[j]!.start <= c.start; j++) {
      const st = streets[j]!;
      if (st.end >= c.end && c.score >= st.score) {
        const lowered = Math.max(0.5, Math.round((st.score - 0.01) * 100) / 100);
        c.context.push({ word: 'street address', effect: Math.round((lowered - c.score) * 100) / 100 });
        c.score = lowered;
        break;
      }
    }
    out.push({
      start: c.start,
      end: c.end,
      type: 'POSTAL_CODE',
      score: c.score,
      detector: 'postal-code',
      explanation: { pattern: c.pattern, validation: c.validation, context: c.context },
    });
    i = last;
  }
  return out;
}

let upperViewOf: Tokens | null = null;
let upperView: Tokens | null = null;

/** The tokens of T read as upper case (one view per text, made on first use). */
function upperCaseView(T: Tokens): Tokens {
  if (upperViewOf !== T || upperView === null) {
    upperView = {
      text: T.text,
      n: T.n,
      s: T.s,
      e: T.e,
      k: T.k,
      nl: T.nl,
      a: T.a,
      raw: (t: number) => T.raw(t).toUpperCase(),
      low: (t: number) => T.low(t),
    };
    upperViewOf = T;
  }
  return upperView;
}

/** Runs a format check as if tokens i and i+1 were upper case. */
function withUpper(T: Tokens, i: number, f: (T: Tokens, i: number) => number): number {
  const a = T.raw(i);
  const b = i + 1 < T.n ? T.raw(i + 1) : '';
  if (a === a.toUpperCase() && b === b.toUpperCase()) return f(T, i);
  return f(upperCaseView(T), i);
}

export const postalCodeDetector: Detector = {
  id: 'postal-code',
  version: '1',
  types: ['POSTAL_CODE'],
  detect(text) {
    return detectPostalCodes(text);
  },
};
