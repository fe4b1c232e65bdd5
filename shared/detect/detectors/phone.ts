/**
 * PHONE detector.
 *
 * A cheap linear scanner proposes "runs": digit groups joined by phone separators (one space, one of
 * - . / en-dash, parentheses), optionally opened by '+' or '('. Inside a run, candidate windows start and
 * end at space separators (or the run's ends), so "Ticket 12345 020 7946 0958" still yields the phone.
 * Cheap shape checks reject dates, IPv4 addresses, card-like digit runs, version numbers and oversized
 * digit counts; only the survivors are validated with libphonenumber-js (max metadata), which is never
 * run over the whole text. Validation calls are cached per call and capped by a budget proportional to
 * the text length, so adversarial input cannot make the detector slow; candidates past the budget are
 * reported unvalidated (score 0.5) rather than dropped.
 *
 * Tiers:
 *  - valid for `context.defaultRegion` (or international '+'/'00' form) — 0.9 (0.85 when written as one
 *    unseparated digit string);
 *  - not valid for the default region, but a separated national form starting with a trunk '0' that is
 *    valid in one of US, GB, DE, FR, ES, IN, AU, or a North-American (ddd) ddd-dddd shape valid in the
 *    US — 0.6 (the region is named in the pattern);
 *  - '+' or North-American shapes that are merely *possible* (e.g. the fictional 555 numbers) — 0.5.
 * Validation runs against the whole window (`extract: false`), so libphonenumber never picks a number out
 * of a larger string by itself.
 * Phone words just before the number (phone, tel, mobile, cell, call, fax, ☎ ...) raise the score;
 * identifier words (order, invoice, ticket, #, ...) lower it. Both are recorded in `explanation.context`.
 */

import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Detector, Finding } from '../finding';

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
  'móvil', 'movil', 'portable', 'mobil', 'rufnummer', '☎', '📞',
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
  // Extension written as x123.
  if ((c === 0x78 || c === 0x58) && isDigit(text.charCodeAt(end + 1))) return true;
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
const IPV4_SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;

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
}

interface Choice {
  readonly b: number;
  readonly end: number;
  readonly ev: Evaluation;
  readonly groupCount: number;
  readonly hasParens: boolean;
}

type ContextEntry = { readonly word: string; readonly effect: number };

/** Letter-words (and ☎ 📞) in the `CONTEXT_CHARS` before `start`, lower-cased; a word cut by the window is dropped. */
function contextWords(windowText: string, cut: boolean): string[] {
  const matches = [...windowText.matchAll(/\p{L}+|☎|📞/gu)];
  const first = matches[0];
  if (cut && first !== undefined && first.index === 0) matches.shift();
  return matches.map((m) => m[0].toLowerCase());
}

/** An identifier label directly before the number: "Order 123...", "invoice no. 123...", "#123...". */
const ID_LABEL = /(\p{L}+)[\s.:=#-]*(?:(?:no|nr|num|number|n°|nº)[\s.:=#-]*)?$/iu;

function scoreWithContext(text: string, start: number, base: number, strong: boolean): { score: number; context: ContextEntry[] } {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const windowText = text.slice(from, start);
  const words = contextWords(windowText, from > 0 && /\p{L}/u.test(text.charAt(from - 1)));
  const context: ContextEntry[] = [];
  let score = base;
  const phoneWord = words.slice(-3).findLast((w) => PHONE_WORDS.has(w));
  if (phoneWord !== undefined) {
    const effect = strong ? BONUS_VALID : BONUS_WEAK;
    context.push({ word: phoneWord, effect });
    score += effect;
  } else {
    let idWord: string | undefined;
    if (/#\s*$/.test(windowText)) idWord = '#';
    else {
      const label = ID_LABEL.exec(windowText)?.[1]?.toLowerCase();
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

/** International access codes of a region (only the common ones; used to label a finding, not to find it). */
function accessCodes(region: CountryCode | undefined): readonly string[] {
  if (region === 'US' || region === 'CA') return ['011'];
  if (region === 'AU') return ['0011'];
  return ['00'];
}

export const phoneDetector: Detector = {
  id: 'phone',
  version: '1',
  types: ['PHONE'],
  detect(text, ctx) {
    const firstDigit = text.search(/[0-9]/);
    if (firstDigit === -1) return [];
    const regionRaw = (ctx.defaultRegion ?? '').toUpperCase();
    const region: CountryCode | undefined = isSupportedCountry(regionRaw) ? regionRaw : undefined;
    const fallback = FALLBACK_REGIONS.filter((r) => r !== region);

    let budget = 2000 + Math.floor(text.length / 8);
    const cache = new Map<string, Evaluation>();

    let lastCallingCode = '';
    const check = (candidate: string, country: CountryCode | undefined): 'valid' | 'possible' | 'none' => {
      budget--;
      try {
        // "(+44) 20 ..." -> "+44 20 ...": libphonenumber does not read a parenthesised country code.
        const normalized = candidate.startsWith('(+') ? candidate.replace(/^\(\+(\d{1,4})\)/, '+$1') : candidate;
        const p = parsePhoneNumberFromString(normalized, country === undefined ? { extract: false } : { defaultCountry: country, extract: false });
        if (p === undefined) return 'none';
        lastCallingCode = p.countryCallingCode;
        if (p.isValid()) return 'valid';
        return p.isPossible() ? 'possible' : 'none';
      } catch {
        return 'none';
      }
    };

    const evaluate = (candidate: string, plus: boolean, groupCount: number): Evaluation => {
      const key = `${plus ? '+' : ''}${candidate}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      // Past the budget, phone-shaped candidates are still reported (unvalidated, at the lowest kept score):
      // an adversarial field must not become a way to slip numbers through.
      if (budget <= 0) return { tier: 'possible', unvalidated: true };
      let result: Evaluation = { tier: 'none' };
      if (plus) {
        const r = check(candidate, region);
        result = r === 'valid' ? { tier: 'valid' } : r === 'possible' ? { tier: 'possible' } : { tier: 'none' };
      } else {
        const r = region === undefined ? 'none' : check(candidate, region);
        if (r === 'valid') {
          const digits = candidate.replace(/\D/g, '');
          const viaAccessCode =
            (region !== undefined && lastCallingCode !== getCountryCallingCode(region)) ||
            accessCodes(region).some((idd) => digits.startsWith(idd + lastCallingCode));
          result = { tier: 'valid', viaAccessCode };
        } else {
          if (groupCount >= 2 && /^\(?0/.test(candidate)) {
            for (const other of fallback) {
              if (check(candidate, other) === 'valid') {
                result = { tier: 'valid-other-region', region: other };
                break;
              }
            }
          }
          if (result.tier === 'none' && NANP_SHAPE.test(candidate)) {
            const us = region === 'US' || region === 'CA' ? r : check(candidate, 'US');
            if (us === 'valid') result = { tier: 'valid-other-region', region: 'US' };
            else if (us === 'possible') result = { tier: 'possible', region: 'US' };
          }
        }
      }
      cache.set(key, result);
      return result;
    };

    const findings: Finding[] = [];
    const n = text.length;
    let i = firstDigit;
    while (i < n) {
      if (!isDigit(text.charCodeAt(i))) {
        i++;
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
  evaluate: (candidate: string, plus: boolean, groupCount: number) => Evaluation,
  out: Finding[],
): void {
  const groups = run.groups;
  const G = groups.length;
  let totalDigits = 0;
  for (const g of groups) totalDigits += g.e - g.s;
  if (totalDigits < 7) return;
  if (isCardLike(groups, totalDigits)) return;

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
      if (digits < 7 || digits > (plus ? 15 : 17)) continue;
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
      const ev = evaluate(candidate, plus, groupCount);
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
    out.push(buildFinding(text, winStart, chosen.end, plus, chosen.ev, chosen.groupCount, chosen.hasParens));
    a = chosen.b + 1;
  }
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
    pattern = ev.unvalidated ? 'unvalidated-over-budget' : plus ? 'international-possible' : 'nanp-possible';
    validation = ev.unvalidated ? 'none' : 'failed';
    strong = false;
  }
  const { score, context } = scoreWithContext(text, start, base, strong);
  return {
    start,
    end,
    type: 'PHONE',
    score,
    detector: 'phone',
    explanation: { pattern, validation, context },
  };
}
