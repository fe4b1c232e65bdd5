/**
 * PHONE candidates, first step: the linear scanner that proposes "runs" — digit groups joined by phone separators
 * (one space, one of - . / en-dash, parentheses), optionally opened by '+' or '(' — and tells whether a run is
 * glued to the word or number around it.
 */

import { extensionEnd } from './context-scan';

/** Runs are cut after this many groups (a table of numbers, not a phone number); bounds memory. */
const MAX_RUN_GROUPS = 64;
/** Fewest digits of a grouped number reported on context alone: no run with fewer is built. */
export const MIN_CONTEXT_DIGITS = 6;

export function isDigit(c: number): boolean {
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

export interface Group {
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

export interface Run {
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
export function scanRun(text: string, i: number): { run: Run; next: number } {
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
export function shortRunEnd(text: string, i: number): number {
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
