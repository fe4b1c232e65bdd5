/**
 * PHONE detector.
 *
 * A cheap linear scanner proposes "runs": digit groups joined by phone separators (one space, one of
 * - . / en-dash, parentheses), optionally opened by '+' or '('. Inside a run, candidate windows start and
 * end at space separators (or the run's ends), so "Ticket 12345 020 7946 0958" still yields the phone.
 * Cheap shape checks reject dates, IPv4 addresses, card-like digit runs, version numbers and oversized
 * digit counts; cheap plausibility checks (known country calling code, digit count of the fallback region's
 * national numbers) come next, and only the survivors are validated with libphonenumber-js (max metadata), which
 * is never run over the whole text. Validation results are cached across calls (bounded, per default region —
 * support exports repeat the same numbers), and validation calls are capped per call by a budget proportional
 * to the text length, so adversarial input cannot make the detector slow; candidates past the budget are
 * reported unvalidated (score 0.5) rather than dropped.
 * An extension right after the number (x123, ext. 123) is part of the finding.
 *
 * Tiers:
 *  - valid for `context.defaultRegion` (or international '+'/'00' form) — 0.9 (0.85 when written as one
 *    unseparated digit string);
 *  - not valid for the default region, but a separated national form starting with a trunk '0' that is
 *    valid in one of US, GB, DE, FR, ES, IN, AU, or a North-American (ddd) ddd-dddd shape valid in the
 *    US — 0.6 (the region is named in the pattern);
 *  - '+' or North-American shapes (also dialled as 001-ddd-ddd-dddd) that are merely *possible* (e.g. the
 *    fictional 555 numbers) — 0.5;
 *  - a whole run of 6–12 digits in groups (or one 7–12 digit string) that is valid nowhere we look, reported only
 *    when the context names it a phone: a phone word before it, or a line label after it ("9885 1152 office",
 *    "...-Fax"), and no identifier word directly before it — 0.5 plus the context bonus (pattern 'phone-shaped-with-context').
 * Validation runs against the whole window (`extract: false`), so libphonenumber never picks a number out
 * of a larger string by itself.
 * Phone words just before the number (phone, tel, mobile, cell, call, fax, ☎ ...) or a line label just after it
 * (office, fax, mobile, home, work ...) raise the score;
 * identifier words (order, invoice, ticket, #, ...) lower it. Both are recorded in `explanation.context`.
 */

import { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { detach } from '../../util/detach-string';
import type { Detector, Finding } from '../finding';
import { extensionEnd, hashBefore, labelAfter, labelBefore, letterBefore, nearestWordIn } from './phone-context';

const SCORE_VALID = 0.9;
const SCORE_VALID_UNFORMATTED = 0.85;
const SCORE_OTHER_REGION = 0.6;
const SCORE_POSSIBLE = 0.5;
const BONUS_VALID = 0.05;
const BONUS_WEAK = 0.25;
const PENALTY_IDENTIFIER = -0.45;
const MAX_SCORE = 0.95;

/** Regions tried for national (trunk '0') numbers that are not valid in the default region. */
const FALLBACK_REGIONS: readonly CountryCode[] = ['US', 'GB', 'FR', 'ES', 'IN', 'AU', 'DE']; // DE's open numbering plan last

const MAX_GROUPS = 7;
/** Runs are cut after this many groups (a table of numbers, not a phone number); bounds memory. */
const MAX_RUN_GROUPS = 64;
const CONTEXT_CHARS = 30;

const PHONE_WORDS = new Set([
  'phone', 'phones', 'telephone', 'tel', 'tele', 'mobile', 'mob', 'cell', 'cellphone', 'call', 'called', 'calling',
  'callback', 'fax', 'ph', 'whatsapp', 'sms', 'telefon', 'telefono', 'teléfono', 'téléphone', 'tél', 'handy',
  'móvil', 'movil', 'portable', 'mobil', 'rufnummer', 'answering', 'dial', 'dialed', 'dialled', 'phoned',
  'hotline', 'landline', 'voicemail', '☎', '📞',
]);
const IDENTIFIER_WORDS = new Set([
  'order', 'orders', 'invoice', 'ticket', 'case', 'ref', 'reference', 'account', 'acct', 'serial', 'sku',
  'tracking', 'transaction', 'txn', 'id', 'po', 'iban', 'card', 'receipt', 'booking', 'confirmation', 'customer',
  'item', 'part', 'isbn', 'bestellung', 'rechnung', 'commande', 'facture', 'pedido', 'factura',
]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

function isWordUnit(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return /^[\p{L}\p{N}\p{M}]$/u.test(text.charAt(i));
}

interface Group {
  readonly s: number;
  readonly e: number;
  /** A '(' directly precedes the group. */
  readonly openBefore: boolean;
  /** A ')' directly follows the group. */
  closeAfter: boolean;
  /** The separator before the group holds a space (or the group opens the run). */
  readonly spaceBefore: boolean;
  spaceAfter: boolean;
  /** The separator before the group holds a dot. */
  readonly dotBefore: boolean;
}

interface Run {
  readonly start: number;
  readonly plus: boolean;
  readonly groups: Group[];
  /** The run's first group is glued to a preceding word/number. */
  headGlued: boolean;
  /** The run's last group is glued to a following word/number. */
  tailGlued: boolean;
}

/** Checks the character(s) before a run's start: may a phone number begin here? */
function headIsFree(text: string, start: number): boolean {
  if (start === 0) return true;
  const b = text.charCodeAt(start - 1);
  if (isWordUnit(text, start - 1)) return false;
  if (isDash(b)) return !isWordUnit(text, start - 2);
  if (b === 0x2e || b === 0x2f || b === 0x2c || b === 0x3a) return !isDigit(text.charCodeAt(start - 2));
  // Currency amounts and percentages are not phone numbers.
  if (b === 0x24 || b === 0x20ac || b === 0xa3 || b === 0xa5 || b === 0x25) return false;
  return true;
}

/** Checks the character(s) after a run's end: may a phone number end here? */
function tailIsFree(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  // Extension: x123, ext. 123.
  if (extensionEnd(text, end) !== -1) return true;
  if (isWordUnit(text, end)) return false;
  if (c === 0x25) return false; // percentage
  if (isDash(c) || c === 0x2e || c === 0x2f || c === 0x2c || c === 0x3a) return !isDigit(text.charCodeAt(end + 1));
  return true;
}

/**
 * Scans one run starting at the digit `i`. Returns the run and the index where scanning resumes.
 * Linear in the run's length.
 */
function scanRun(text: string, i: number): { run: Run; next: number } {
  const n = text.length;
  let start = i;
  let plus = false;
  let paren = 0;
  let firstOpen = false;
  if (text.charCodeAt(i - 1) === 0x2b) {
    start = i - 1;
    plus = true;
    if (text.charCodeAt(i - 2) === 0x28) {
      start = i - 2;
      paren = 1;
    }
  } else if (text.charCodeAt(i - 1) === 0x28) {
    start = i - 1;
    paren = 1;
    firstOpen = true;
  }
  const groups: Group[] = [];
  let k = i;
  let openBefore = firstOpen || (plus && paren === 1);
  let spaceBefore = true;
  let dotBefore = false;
  for (;;) {
    const gs = k;
    while (k < n && isDigit(text.charCodeAt(k))) k++;
    const group: Group = { s: gs, e: k, openBefore, closeAfter: false, spaceBefore, spaceAfter: true, dotBefore };
    groups.push(group);
    // Separator.
    let j = k;
    let punct = 0;
    let hasSpace = false;
    let hasDot = false;
    let lastSpace = false;
    let open = false;
    let close = false;
    let localParen = paren;
    let ok = true;
    while (j < n && j - k < 4) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) {
        if (lastSpace) {
          ok = false;
          break;
        }
        hasSpace = true;
        lastSpace = true;
      } else {
        lastSpace = false;
        if (isDash(c) || c === 0x2e || c === 0x2f) {
          punct++;
          if (punct > 1 || open) {
            ok = false;
            break;
          }
          if (c === 0x2e) hasDot = true;
        } else if (c === 0x29) {
          if (j !== k || localParen !== 1) {
            ok = false;
            break;
          }
          close = true;
          localParen = 0;
        } else if (c === 0x28) {
          if (localParen !== 0) {
            ok = false;
            break;
          }
          open = true;
          localParen = 1;
        } else {
          break;
        }
      }
      j++;
    }
    const continues =
      groups.length < MAX_RUN_GROUPS &&
      ok && j > k && j < n && isDigit(text.charCodeAt(j)) && (!open || text.charCodeAt(j - 1) === 0x28);
    if (!continues) {
      let end = k;
      if (paren === 1 && text.charCodeAt(k) === 0x29) {
        group.closeAfter = true;
        end = k + 1;
      }
      const run: Run = { start, plus, groups, headGlued: false, tailGlued: false };
      run.headGlued = !headIsFree(text, start);
      run.tailGlued = !tailIsFree(text, end);
      // Resume after the run; never inside its last digit group.
      return { run, next: Math.max(end, k) };
    }
    group.closeAfter = close;
    group.spaceAfter = hasSpace;
    paren = localParen;
    openBefore = open;
    spaceBefore = hasSpace;
    dotBefore = hasDot;
    k = j;
  }
}

/**
 * If the stretch of digits and run separators starting at the digit `i` holds fewer than `MIN_CONTEXT_DIGITS` digits, returns
 * its end (no run starting inside it can hold a phone number); otherwise -1. Allocation-free.
 */
function shortRunEnd(text: string, i: number): number {
  const n = text.length;
  let digits = 0;
  let k = i;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) {
      if (++digits >= MIN_CONTEXT_DIGITS) return -1;
    } else if (!(isSpace(c) || isDash(c) || c === 0x2e || c === 0x2f || c === 0x28 || c === 0x29)) {
      break;
    }
    k++;
  }
  return k;
}

function isCardLike(groups: readonly Group[], digits: number): boolean {
  if (digits < 13 || digits > 19) return false;
  const lens = groups.map((g) => g.e - g.s);
  if (lens.length === 1) return true;
  if (lens.length >= 3 && lens.slice(0, -1).every((l) => l === 4) && (lens[lens.length - 1] ?? 0) <= 4) return true;
  return lens.length === 3 && lens[0] === 4 && lens[1] === 6 && (lens[2] === 5 || lens[2] === 4);
}

const ISO_DATE = /^\d{4}([-./ ])\d{1,2}\1\d{1,2}$/;
const DMY_DATE = /^(\d{1,2})([-./ ])(\d{1,2})\2(\d{4}|\d{2})$/;
const YEAR_RANGE = /^(?:19|20)\d\d ?[-–/] ?(?:19|20)\d\d$/;
/** Dotted quads, including malformed addresses such as 1591.78.30.130 (a dotted phone number with a 4-digit first group starts with a trunk 0). */
const IPV4_SHAPE = /^(?:\d{1,3}|[1-9]\d{3})\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** North-American shape; group 1 is the prefix: '1' (trunk) or '001' (international access code + calling code 1). */
const NANP_SHAPE = /^(?:((?:00)?1)[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const DIGIT = /[0-9]/g;
const PAREN_CC = /^\(\+(\d{1,4})\)/;
const NON_DIGITS = /\D/g;
const TRUNK_START = /^\(?0/;
const NO_EXTRACT = { extract: false } as const;

function looksLikeNonPhone(windowText: string): string | null {
  if (ISO_DATE.test(windowText)) return 'date';
  const dmy = DMY_DATE.exec(windowText);
  if (dmy !== null && Number(dmy[1]) <= 31 && Number(dmy[3]) <= 31) return 'date';
  if (YEAR_RANGE.test(windowText)) return 'year-range';
  if (IPV4_SHAPE.test(windowText)) return 'ipv4';
  return null;
}

type Tier = 'valid' | 'valid-other-region' | 'possible' | 'none';

interface Evaluation {
  readonly tier: Tier;
  readonly region?: string;
  /** Written with an international access code (00 44 ..., 011 44 ...) rather than '+'. */
  readonly viaAccessCode?: boolean;
  /** Not checked with libphonenumber because the field used up its validation budget. */
  readonly unvalidated?: boolean;
  /** Not valid anywhere we look, but phone-shaped and named a phone by the words around it. */
  readonly byContext?: boolean;
}

const NONE: Evaluation = { tier: 'none' };
const VALID: Evaluation = { tier: 'valid', viaAccessCode: false };
const VALID_VIA_ACCESS: Evaluation = { tier: 'valid', viaAccessCode: true };
const POSSIBLE: Evaluation = { tier: 'possible' };
const POSSIBLE_US: Evaluation = { tier: 'possible', region: 'US' };
const VALID_OTHER_US: Evaluation = { tier: 'valid-other-region', region: 'US' };
const UNVALIDATED: Evaluation = { tier: 'possible', unvalidated: true };
const BY_CONTEXT: Evaluation = { tier: 'possible', byContext: true };
/** Most digits of a national number reported on context alone. */
const MAX_CONTEXT_DIGITS = 12;
/** Fewest digits of a validated number, and of a grouped number reported on context alone. */
const MIN_DIGITS = 7;
const MIN_CONTEXT_DIGITS = 6;

/**
 * Validation results shared across calls (support exports repeat the same numbers in many records), one cache per
 * default region, keyed by the candidate as written (a '+' form always starts with '+' or '(+'). Bounded to
 * `CACHE_MAX` entries as two generations: a hit in the old generation is promoted, and when the young one is full
 * the old one is dropped — an approximate LRU with O(1) hits.
 */
const CACHE_MAX = 20_000;
class EvaluationCache {
  private young = new Map<string, Evaluation>();
  private old = new Map<string, Evaluation>();

  get(key: string): Evaluation | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, v: Evaluation): void {
    if (this.young.size >= CACHE_MAX / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(detach(key), v); // keys are cut from input text: do not let them pin it
  }
}

/** Country calling codes known to libphonenumber (plus the non-geographic ones). */
const CALLING_CODES: ReadonlySet<string> = new Set([
  ...getCountries().map((c) => getCountryCallingCode(c) as string),
  '800', '808', '870', '878', '881', '882', '883', '888', '979',
]);

/** '+' candidates: only worth validating when they start with a known country calling code. */
function plausibleInternational(candidate: string): boolean {
  let cc = '';
  for (let i = 0; i < candidate.length && cc.length < 3; i++) {
    const c = candidate.charCodeAt(i);
    if (isDigit(c)) {
      cc += candidate.charAt(i);
      if (CALLING_CODES.has(cc)) return true;
    } else if (cc !== '') {
      return false;
    }
  }
  return false;
}

/**
 * Trunk-'0' candidates: can the digit count be a national number (with its trunk prefix) of `country`?
 * Generous ranges — a cheap filter in front of libphonenumber, never a validation.
 * Numbers dialled with an international access code (00, 011) are left to libphonenumber.
 */
function plausibleNational(country: CountryCode, candidate: string, digits: number): boolean {
  const d = candidate.replace(NON_DIGITS, '');
  if (d.startsWith('00') || d.startsWith('011')) return true;
  switch (country) {
    case 'US':
      return false; // North-American numbers never start with a trunk 0
    case 'ES':
      return false; // no trunk prefix in Spain
    case 'FR':
      return digits === 10;
    case 'GB':
      return digits >= 7 && digits <= 12;
    case 'IN':
      return digits >= 9 && digits <= 13;
    case 'AU':
      return digits >= 9 && digits <= 11;
    default:
      return true;
  }
}

interface Choice {
  readonly b: number;
  readonly end: number;
  readonly ev: Evaluation;
  readonly groupCount: number;
  readonly hasParens: boolean;
}

type ContextEntry = { readonly word: string; readonly effect: number };

function scoreWithContext(
  text: string,
  start: number,
  end: number,
  base: number,
  strong: boolean,
): { score: number; context: ContextEntry[] } {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const context: ContextEntry[] = [];
  let score = base;
  const phoneWord = phoneWordBefore(text, start) ?? labelAfter(text, end);
  if (phoneWord !== undefined) {
    const effect = strong ? BONUS_VALID : BONUS_WEAK;
    context.push({ word: phoneWord, effect });
    score += effect;
  } else {
    let idWord: string | undefined;
    if (hashBefore(text, from, start)) idWord = '#';
    else {
      const label = labelBefore(text, from, start);
      if (label !== undefined && IDENTIFIER_WORDS.has(label)) idWord = label;
    }
    if (idWord !== undefined) {
      context.push({ word: idWord, effect: PENALTY_IDENTIFIER });
      score += PENALTY_IDENTIFIER;
    }
  }
  score = Math.round(Math.min(MAX_SCORE, Math.max(0.01, score)) * 100) / 100;
  return { score, context };
}

/** '#' or an identifier label (order, invoice no., ...) directly before `start`. */
function identifierBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - CONTEXT_CHARS);
  if (hashBefore(text, from, start)) return true;
  const label = labelBefore(text, from, start);
  return label !== undefined && IDENTIFIER_WORDS.has(label);
}

/** A phone word among the last three words in the `CONTEXT_CHARS` before `start` (a word cut by the window is ignored). */
function phoneWordBefore(text: string, start: number): string | undefined {
  const from = Math.max(0, start - CONTEXT_CHARS);
  return nearestWordIn(text, from, start, 3, from > 0 && letterBefore(text, from), PHONE_WORDS);
}

/** International access codes of a region (only the common ones; used to label a finding, not to find it). */
function accessCodes(region: CountryCode | undefined): readonly string[] {
  if (region === 'US' || region === 'CA') return ['011'];
  if (region === 'AU') return ['0011'];
  return ['00'];
}

interface RegionSetup {
  readonly region: CountryCode | undefined;
  readonly fallback: readonly CountryCode[];
  readonly cache: EvaluationCache;
}
/**
 * Per default region as given; one or two in practice. Cleared past `MAX_REGIONS` spellings, so the caches hold at
 * most MAX_REGIONS × CACHE_MAX entries.
 */
const regionSetups = new Map<string, RegionSetup>();
const MAX_REGIONS = 4;

/** The default region (when libphonenumber knows it), the fallback regions to try and the region's validation cache. */
function resolveRegion(raw: string | undefined): RegionSetup {
  const r = raw ?? '';
  const known = regionSetups.get(r);
  if (known !== undefined) return known;
  const upper = r.toUpperCase();
  const region: CountryCode | undefined = isSupportedCountry(upper) ? upper : undefined;
  const same = [...regionSetups.values()].find((s) => s.region === region);
  const setup: RegionSetup = same ?? { region, fallback: FALLBACK_REGIONS.filter((f) => f !== region), cache: new EvaluationCache() };
  if (regionSetups.size >= MAX_REGIONS) regionSetups.clear();
  regionSetups.set(r, setup);
  return setup;
}

export const phoneDetector: Detector = {
  id: 'phone',
  version: '1',
  types: ['PHONE'],
  detect(text, ctx) {
    DIGIT.lastIndex = 0;
    if (!DIGIT.test(text)) return [];
    const firstDigit = DIGIT.lastIndex - 1;
    const { region, fallback, cache } = resolveRegion(ctx.defaultRegion);

    let budget = 2000 + Math.floor(text.length / 8);

    let lastCallingCode = '';
    const check = (candidate: string, country: CountryCode | undefined): 'valid' | 'possible' | 'none' => {
      budget--;
      try {
        // "(+44) 20 ..." -> "+44 20 ...": libphonenumber does not read a parenthesised country code.
        const normalized = candidate.startsWith('(+') ? candidate.replace(PAREN_CC, '+$1') : candidate;
        const p = parsePhoneNumberFromString(normalized, country === undefined ? NO_EXTRACT : { defaultCountry: country, extract: false });
        if (p === undefined) return 'none';
        lastCallingCode = p.countryCallingCode;
        if (p.isValid()) return 'valid';
        return p.isPossible() ? 'possible' : 'none';
      } catch {
        return 'none';
      }
    };

    const evaluate = (candidate: string, plus: boolean, groupCount: number, digits: number): Evaluation => {
      const cached = cache.get(candidate);
      if (cached !== undefined) return cached;
      // Past the budget, phone-shaped candidates are still reported (unvalidated, at the lowest kept score):
      // an adversarial field must not become a way to slip numbers through.
      if (budget <= 0) return UNVALIDATED;
      let result: Evaluation = NONE;
      if (plus) {
        const r = plausibleInternational(candidate) ? check(candidate, region) : 'none';
        result = r === 'valid' ? VALID : r === 'possible' ? POSSIBLE : NONE;
      } else {
        const nanp = NANP_SHAPE.exec(candidate);
        const viaNanpAccess = nanp !== null && nanp[1] !== undefined && nanp[1].startsWith('00');
        const r = region === undefined || viaNanpAccess ? 'none' : check(candidate, region);
        if (r === 'valid') {
          const digitString = candidate.replace(NON_DIGITS, '');
          const viaAccessCode =
            (region !== undefined && lastCallingCode !== getCountryCallingCode(region)) ||
            accessCodes(region).some((idd) => digitString.startsWith(idd + lastCallingCode));
          result = viaAccessCode ? VALID_VIA_ACCESS : VALID;
        } else {
          if (groupCount >= 2 && !viaNanpAccess && TRUNK_START.test(candidate)) {
            for (const other of fallback) {
              if (!plausibleNational(other, candidate, digits)) continue;
              if (check(candidate, other) === 'valid') {
                result = { tier: 'valid-other-region', region: other };
                break;
              }
            }
          }
          if (result.tier === 'none' && nanp !== null) {
            if (viaNanpAccess) {
              // 001-202-555-0143: the North-American number dialled with the 00 international access code.
              const us = check(`+${candidate.slice(2)}`, undefined);
              if (us === 'valid') result = VALID_VIA_ACCESS;
              else if (us === 'possible') result = POSSIBLE_US;
            } else {
              const us = region === 'US' || region === 'CA' ? r : check(candidate, 'US');
              if (us === 'valid') result = VALID_OTHER_US;
              else if (us === 'possible') result = POSSIBLE_US;
            }
          }
        }
      }
      cache.set(candidate, result);
      return result;
    };

    const findings: Finding[] = [];
    const n = text.length;
    let i = firstDigit;
    while (i < n) {
      if (!isDigit(text.charCodeAt(i))) {
        DIGIT.lastIndex = i;
        if (!DIGIT.test(text)) break;
        i = DIGIT.lastIndex - 1;
      }
      // Most digit runs in free text (times, counts, short ids) are too short to be a phone: skip them without building a run.
      const stop = shortRunEnd(text, i);
      if (stop !== -1) {
        i = stop;
        continue;
      }
      const { run, next } = scanRun(text, i);
      i = next;
      processRun(text, run, evaluate, findings);
    }
    return findings;
  },
};

function processRun(
  text: string,
  run: Run,
  evaluate: (candidate: string, plus: boolean, groupCount: number, digits: number) => Evaluation,
  out: Finding[],
): void {
  const groups = run.groups;
  const G = groups.length;
  let totalDigits = 0;
  for (const g of groups) totalDigits += g.e - g.s;
  if (totalDigits < MIN_CONTEXT_DIGITS) return;
  if (isCardLike(groups, totalDigits)) return;

  const found = out.length;
  /** The whole run, when it passed the shape checks but no validation: reported only with phone context. */
  let whole: Choice | null = null;
  let a = 0;
  while (a < G) {
    const ga = groups[a] as Group;
    const startAllowed = a === 0 ? !run.headGlued : ga.spaceBefore;
    if (!startAllowed) {
      a++;
      continue;
    }
    const plus = a === 0 && run.plus;
    const winStart = a === 0 ? run.start : ga.s - (ga.openBefore ? 1 : 0);
    let accepted: Choice | null = null;
    let possible: Choice | null = null;
    for (let b = Math.min(G - 1, a + MAX_GROUPS - 1); b >= a; b--) {
      const gb = groups[b] as Group;
      if (b === G - 1 ? run.tailGlued : !gb.spaceAfter) continue;
      // Parenthesis balance, digit count, group shapes.
      let depth = 0;
      let digits = 0;
      let balanced = true;
      let shapeOk = true;
      let hasDot = false;
      let hasParens = false;
      let includeClose = false;
      for (let g = a; g <= b; g++) {
        const grp = groups[g] as Group;
        const len = grp.e - grp.s;
        digits += len;
        if (grp.openBefore) {
          depth++;
          hasParens = true;
          if (depth > 1) balanced = false;
        }
        const enclosed = grp.openBefore && grp.closeAfter;
        if (len === 1 && g - a >= 2 && !enclosed) shapeOk = false;
        if (g > a && grp.dotBefore) hasDot = true;
        if (grp.closeAfter) {
          if (depth === 1) {
            depth = 0;
            if (g === b) includeClose = true;
          } else if (g < b) {
            balanced = false;
          }
        }
      }
      if (!balanced || depth !== 0 || !shapeOk) continue;
      if (digits < MIN_CONTEXT_DIGITS || digits > (plus ? 15 : 17)) continue;
      const winEnd = gb.e + (includeClose ? 1 : 0);
      const candidate = text.slice(winStart, winEnd);
      // Long national strings are card/account numbers unless they start with an international access code (00, 011, 0011).
      if (!plus && digits >= 13 && !/^\(?0/.test(candidate)) continue;
      if (hasDot) {
        // Dotted numbers: 555.123.4567 or 01.42.68.53.00, never 1-digit parts.
        let dotted = true;
        for (let g = a; g <= b; g++) {
          const len = (groups[g] as Group).e - (groups[g] as Group).s;
          if (len > 4 || (len < 2 && g > a)) dotted = false;
        }
        if (!dotted) continue;
      }
      if (looksLikeNonPhone(candidate) !== null) continue;
      const groupCount = b - a + 1;
      if (digits < MIN_DIGITS) {
        // Six digits in groups ("61 51 81"): a phone number only when the context says so.
        if (a === 0 && b === G - 1 && groupCount >= 2) whole = { b, end: winEnd, ev: BY_CONTEXT, groupCount, hasParens };
        continue;
      }
      const ev = evaluate(candidate, plus, groupCount, digits);
      if (a === 0 && b === G - 1 && ev.tier === 'none' && digits <= (plus ? 15 : MAX_CONTEXT_DIGITS)) {
        whole = { b, end: winEnd, ev: BY_CONTEXT, groupCount, hasParens };
      }
      if (ev.tier === 'valid' || ev.tier === 'valid-other-region') {
        accepted = { b, end: winEnd, ev, groupCount, hasParens };
        break;
      }
      if (ev.tier === 'possible' && possible === null) possible = { b, end: winEnd, ev, groupCount, hasParens };
    }
    const chosen = accepted ?? possible;
    if (chosen === null) {
      a++;
      continue;
    }
    out.push(buildFinding(text, winStart, withExtension(text, chosen, G), plus, chosen.ev, chosen.groupCount, chosen.hasParens));
    a = chosen.b + 1;
  }
  // "call 785 8949", "9885 1152 (office)": phone-shaped but valid nowhere we look — reported on context alone.
  if (whole !== null && out.length === found) {
    const end = withExtension(text, whole, G);
    const named =
      !identifierBefore(text, run.start) && (phoneWordBefore(text, run.start) !== undefined || labelAfter(text, end) !== undefined);
    if (named) out.push(buildFinding(text, run.start, end, run.plus, whole.ev, whole.groupCount, whole.hasParens));
  }
}

/** The end of a chosen window, extended over an extension (x123, ext. 123) when the window ends the run. */
function withExtension(text: string, chosen: Choice, groupCount: number): number {
  if (chosen.b !== groupCount - 1) return chosen.end;
  const e = extensionEnd(text, chosen.end);
  return e === -1 ? chosen.end : e;
}

function buildFinding(
  text: string,
  start: number,
  end: number,
  plus: boolean,
  ev: Evaluation,
  groupCount: number,
  hasParens: boolean,
): Finding {
  const idd = ev.viaAccessCode === true;
  let base: number;
  let pattern: string;
  let validation: 'passed' | 'failed' | 'none';
  let strong: boolean;
  if (ev.tier === 'valid') {
    const formatted = plus || idd || groupCount > 1 || hasParens;
    base = formatted ? SCORE_VALID : SCORE_VALID_UNFORMATTED;
    pattern = plus || idd ? 'international' : formatted ? 'national' : 'national-unformatted';
    validation = 'passed';
    strong = true;
  } else if (ev.tier === 'valid-other-region') {
    base = SCORE_OTHER_REGION;
    pattern = `national-other-region:${ev.region ?? ''}`;
    validation = 'passed';
    strong = false;
  } else {
    base = SCORE_POSSIBLE;
    pattern = ev.unvalidated
      ? 'unvalidated-over-budget'
      : ev.byContext
        ? 'phone-shaped-with-context'
        : plus
          ? 'international-possible'
          : 'nanp-possible';
    validation = ev.unvalidated ? 'none' : 'failed';
    strong = false;
  }
  const { score, context } = scoreWithContext(text, start, end, base, strong);
  return {
    start,
    end,
    type: 'PHONE',
    score,
    detector: 'phone',
    explanation: { pattern, validation, context },
  };
}
