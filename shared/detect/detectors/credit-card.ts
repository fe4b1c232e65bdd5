/**
 * CREDIT_CARD detector: payment card numbers (PANs) of 13–19 digits, written compactly or in groups joined by
 * single spaces or single dashes (4-4-4-4, 4-6-5 Amex, 4-6-4 Diners, 4-4-4-4-3, ...).
 *
 * Prefilter: nothing is done unless the text holds four consecutive ASCII digits (one regex test).
 * Scan: one left-to-right pass splits the text into "runs" — maximal sequences of digit groups joined by the
 * same separator (space, no-break space or '-'), each separator followed by a digit. Runs are never re-scanned,
 * so the cost is linear. Inside a run, candidate windows of whole groups with 13–19 digits are tried left to
 * right (a window can be cut out of a run only at a space, so dash-joined tokens such as UUID parts or
 * references are all or nothing); the best window at a start group is taken and the scan jumps past it.
 *
 * A run is rejected at an edge that is glued to something — a letter, '_', '+' (phone numbers), or a
 * '.', ',', ':', '/', '-' or space that continues a number (decimals, times, longer digit tables).
 * Group shapes: one group of 13–19 digits, or a first group of exactly 4 digits, middle groups of 4–6 and a
 * last group of 2–6 digits.
 *
 * Validation: the Luhn check must pass — a Luhn-invalid number is never reported. The IIN (prefix) and length
 * then name the brand: Visa, Mastercard (51–55, 2221–2720), American Express (34, 37), Discover, JCB, Diners
 * Club, UnionPay, Maestro.
 *
 * Scores:
 *  - Luhn valid, known brand and length — 0.9; card words just before it (card, visa, kreditkarte, carte,
 *    tarjeta, ...) add 0.05; identifier words (order, invoice, tracking, phone, ...) subtract 0.5.
 *  - Luhn valid, unknown IIN — 0.55, and only when card words are the nearest context; otherwise dropped.
 *    (A word that makes a finding possible is recorded with the whole score as its effect.)
 *  - Numbers that read as a YYYYMMDDhhmm[ss] timestamp, and numbers made of one repeated digit, are dropped.
 */

import type { Detector, Finding } from '../finding';
import { luhnValid } from '../validators/national-id-checksums';
import { digitProfile } from './text-scan';

const SCORE_KNOWN = 0.9;
const SCORE_UNKNOWN = 0.55;
const CARD_EFFECT = 0.05;
const IDENTIFIER_EFFECT = -0.5;
const MAX_SCORE = 0.95;
const CONTEXT_CHARS = 30;

const CARD_WORDS = new Set([
  'card', 'cards', 'credit', 'creditcard', 'debit', 'visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners',
  'unionpay', 'maestro', 'cc', 'ccn', 'pan', 'cardholder', 'cardnumber', 'kreditkarte', 'kreditkartennummer',
  'karte', 'kartennummer', 'carte', 'bancaire', 'tarjeta', 'crédito', 'credito', 'cartão', 'carta', 'kaart',
]);
const IDENTIFIER_WORDS = new Set([
  'order', 'orders', 'invoice', 'ticket', 'tracking', 'ref', 'reference', 'phone', 'tel', 'fax', 'mobile',
  'serial', 'sku', 'imei', 'iban', 'transaction', 'txn', 'case', 'timestamp', 'bestellung', 'rechnung',
  'commande', 'facture', 'pedido', 'factura',
]);

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay' | 'maestro';

interface BrandRule {
  readonly brand: CardBrand;
  /** Inclusive prefix ranges, compared on the first `digits` digits. */
  readonly ranges: readonly (readonly [number, number, number])[];
  readonly lengths: readonly number[];
}

const range = (digits: number, lo: number, hi: number = lo): readonly [number, number, number] => [digits, lo, hi];
const lengths = (lo: number, hi: number): number[] => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

/** Most specific prefixes first (Discover's 622126–622925 inside UnionPay's 62; Maestro's 6304/67xx). */
const BRANDS: readonly BrandRule[] = [
  { brand: 'amex', ranges: [range(2, 34), range(2, 37)], lengths: [15] },
  { brand: 'visa', ranges: [range(1, 4)], lengths: [13, 16, 19] },
  { brand: 'mastercard', ranges: [range(2, 51, 55), range(4, 2221, 2720)], lengths: [16] },
  { brand: 'discover', ranges: [range(4, 6011), range(3, 644, 649), range(2, 65), range(6, 622126, 622925)], lengths: lengths(16, 19) },
  { brand: 'jcb', ranges: [range(4, 3528, 3589)], lengths: lengths(16, 19) },
  { brand: 'diners', ranges: [range(3, 300, 305), range(4, 3095), range(2, 36), range(2, 38, 39)], lengths: lengths(14, 19) },
  {
    brand: 'maestro',
    ranges: [range(4, 5018), range(4, 5020), range(4, 5038), range(4, 5893), range(4, 6304), range(4, 6759), range(4, 6761, 6763)],
    lengths: lengths(12, 19),
  },
  { brand: 'unionpay', ranges: [range(2, 62), range(2, 81)], lengths: lengths(16, 19) },
];

/** The brand whose IIN range and length match `digits`, or undefined. */
export function cardBrand(digits: string): CardBrand | undefined {
  for (const rule of BRANDS) {
    if (!rule.lengths.includes(digits.length)) continue;
    for (const [n, lo, hi] of rule.ranges) {
      const p = Number(digits.slice(0, n));
      if (p >= lo && p <= hi) return rule.brand;
    }
  }
  return undefined;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x2d;
}

function isWordUnit(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return /^[\p{L}\p{N}\p{M}]$/u.test(text.charAt(i));
}

/** Punctuation that continues a number when a digit (or word) sits on its other side. */
function isJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f || isSeparator(c);
}

function leftEdgeOk(text: string, s: number): boolean {
  if (s === 0) return true;
  const c = text.charCodeAt(s - 1);
  if (c === 0x2b || isWordUnit(text, s - 1)) return false;
  if (isJoiner(c) && s >= 2) {
    const b = text.charCodeAt(s - 2);
    if (isDigit(b)) return false;
    if (c === 0x2d && isWordUnit(text, s - 2)) return false;
  }
  return true;
}

function rightEdgeOk(text: string, e: number): boolean {
  if (e >= text.length) return true;
  const c = text.charCodeAt(e);
  if (isWordUnit(text, e)) return false;
  if (isJoiner(c) && e + 1 < text.length) {
    if (isDigit(text.charCodeAt(e + 1))) return false;
    if (c === 0x2d && isWordUnit(text, e + 1)) return false;
  }
  return true;
}

type ContextEntry = { readonly word: string; readonly effect: number };

/** The last `max` words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const matches = [...text.slice(from, start).matchAll(/[\p{L}\p{M}]+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /[\p{L}\p{M}]/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

/** The nearest card or identifier word among the last three words before `start`. */
function nearestContext(text: string, start: number): ContextEntry | undefined {
  const words = wordsBefore(text, start, 3);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i] ?? '';
    if (CARD_WORDS.has(w)) return { word: w, effect: CARD_EFFECT };
    if (IDENTIFIER_WORDS.has(w)) return { word: w, effect: IDENTIFIER_EFFECT };
  }
  return undefined;
}

const TIMESTAMP = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?\d{0,6}$/;

function isAllSameDigit(digits: string): boolean {
  const d = digits.charAt(0);
  for (let i = 1; i < digits.length; i++) if (digits.charAt(i) !== d) return false;
  return true;
}

interface Group {
  readonly s: number;
  readonly e: number;
}

interface Candidate {
  readonly end: number;
  readonly lastGroup: number;
  readonly score: number;
  readonly pattern: string;
  readonly context: ContextEntry[];
}

function groupShapeOk(groups: readonly Group[], i: number, j: number): boolean {
  if (i === j) return true; // single group: its length is checked by the caller
  for (let k = i; k <= j; k++) {
    const g = groups[k] as Group;
    const len = g.e - g.s;
    if (k === i ? len !== 4 : k === j ? len < 2 || len > 6 : len < 4 || len > 6) return false;
  }
  return true;
}

function evaluate(text: string, digits: string, start: number): Omit<Candidate, 'end' | 'lastGroup'> | undefined {
  if (!luhnValid(digits) || isAllSameDigit(digits) || TIMESTAMP.test(digits)) return undefined;
  const ctx = nearestContext(text, start);
  const brand = cardBrand(digits);
  if (brand !== undefined) {
    const effect = ctx?.effect ?? 0;
    const score = Math.round(Math.min(MAX_SCORE, SCORE_KNOWN + effect) * 100) / 100;
    return { score, pattern: `card-${brand}`, context: ctx === undefined ? [] : [ctx] };
  }
  if (ctx === undefined || ctx.effect <= 0) return undefined;
  // The word is what makes this a finding at all, so its effect is the whole score.
  return { score: SCORE_UNKNOWN, pattern: 'card-unknown-iin', context: [{ word: ctx.word, effect: SCORE_UNKNOWN }] };
}

function checkRun(text: string, groups: readonly Group[], sep: number, out: Finding[]): void {
  const last = groups.length - 1;
  const leftOk = leftEdgeOk(text, (groups[0] as Group).s);
  const rightOk = rightEdgeOk(text, (groups[last] as Group).e);
  const cuttable = sep !== 0x2d; // windows may be cut out of space-joined runs only
  let i = 0;
  while (i <= last) {
    const gi = groups[i] as Group;
    const firstLen = gi.e - gi.s;
    if ((i === 0 ? !leftOk : !cuttable) || (firstLen !== 4 && (firstLen < 13 || firstLen > 19))) {
      i++;
      continue;
    }
    let best: Candidate | undefined;
    let digits = '';
    for (let j = i; j <= last; j++) {
      const g = groups[j] as Group;
      digits += text.slice(g.s, g.e);
      if (digits.length > 19) break;
      if (digits.length < 13) continue;
      if (j === last ? !rightOk : !cuttable) continue;
      if (!groupShapeOk(groups, i, j)) continue;
      const r = evaluate(text, digits, gi.s);
      if (r !== undefined && (best === undefined || r.score >= best.score)) best = { ...r, end: g.e, lastGroup: j };
    }
    if (best === undefined) {
      i++;
      continue;
    }
    out.push({
      start: gi.s,
      end: best.end,
      type: 'CREDIT_CARD',
      score: best.score,
      detector: 'credit-card',
      explanation: { pattern: best.pattern, validation: 'passed', context: best.context },
    });
    i = best.lastGroup + 1;
  }
}

const NEXT_DIGIT = /[0-9]/g;

export const creditCardDetector: Detector = {
  id: 'credit-card',
  version: '1',
  types: ['CREDIT_CARD'],
  detect(text) {
    // a card number holds at least 13 digits, in groups of four or more
    const digits = digitProfile(text);
    if (digits.digitRun < 4 || digits.digits < 13) return [];
    const out: Finding[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isDigit(text.charCodeAt(i))) {
        // jump to the next digit with one native scan
        NEXT_DIGIT.lastIndex = i;
        if (!NEXT_DIGIT.test(text)) break;
        i = NEXT_DIGIT.lastIndex - 1;
      }
      const groups: Group[] = [];
      let sep = 0;
      let s = i;
      let total = 0;
      for (;;) {
        let e = s;
        while (e < n && isDigit(text.charCodeAt(e))) e++;
        groups.push({ s, e });
        total += e - s;
        const c = e < n ? text.charCodeAt(e) : -1;
        if (isSeparator(c) && (sep === 0 || c === sep) && e + 1 < n && isDigit(text.charCodeAt(e + 1))) {
          sep = c;
          s = e + 1;
          continue;
        }
        i = e;
        break;
      }
      if (total >= 13) checkRun(text, groups, sep, out);
    }
    return out;
  },
};
