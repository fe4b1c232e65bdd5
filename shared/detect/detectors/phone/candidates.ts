/**
 * PHONE candidates, second step: inside a run, candidate windows start and end at space separators (or the run's
 * ends); shape checks reject dates, IPv4 addresses, card-like digit runs and version numbers before a window is
 * validated, and the longest valid (else possible) window from each start is reported.
 */

import type { Finding } from '../../finding';
import { labelAfter } from './context-scan';
import { identifierBefore, phoneWordBefore } from './context';
import { BY_CONTEXT, type Evaluation } from './evaluation';
import { buildFinding, withExtension, type Choice } from './findings';
import { MIN_CONTEXT_DIGITS, type Group, type Run } from './runs';

/** Most digit groups in one candidate window. */
const MAX_GROUPS = 7;
/** Most digits of a national number reported on context alone. */
const MAX_CONTEXT_DIGITS = 12;
/** Fewest digits of a validated number. */
const MIN_DIGITS = 7;

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

/** Longest text the three date patterns can match (a year range "2019 - 2020"); longer windows can only be dotted quads. */
const MAX_DATE_LENGTH = 11;

function looksLikeNonPhone(windowText: string): string | null {
  if (windowText.length > MAX_DATE_LENGTH) return windowText.includes('.') && IPV4_SHAPE.test(windowText) ? 'ipv4' : null;
  if (ISO_DATE.test(windowText)) return 'date';
  const dmy = DMY_DATE.exec(windowText);
  if (dmy !== null && Number(dmy[1]) <= 31 && Number(dmy[3]) <= 31) return 'date';
  if (YEAR_RANGE.test(windowText)) return 'year-range';
  if (IPV4_SHAPE.test(windowText)) return 'ipv4';
  return null;
}

export function processRun(
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
