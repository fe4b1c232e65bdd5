/**
 * EMAIL detector.
 *
 * Anchored on '@': each '@' is found with indexOf, then the local part is expanded to the left and the
 * domain to the right over their allowed characters. Every character is visited at most a constant
 * number of times (the expansions stop at '@', which belongs to neither side), so the cost is linear
 * in the length of the text. No general e-mail regex is run over the text.
 *
 * Obfuscated addresses (pattern 'obfuscated') are found from a second anchor, the word or bracket "at":
 * " at " / " AT " between blanks, and (at) [at] {at} <at> (also German (ät)). Around it, the local part is read
 * to the left and the domain to the right, each as words joined by literal dots or by the dot tokens " dot ",
 * (dot) [dot] {dot} <dot> (and (punkt) [punkt]):
 *   "john dot smith at gmail dot com", "john(at)example.com", "john [at] example [dot] com", "john{at}example{dot}com".
 * The domain needs at least two labels and a last label of 2–24 letters (not a file extension). The finding covers
 * the whole obfuscated address; score 0.9 when "at" is bracketed, 0.85 for the bare word, whose false positives
 * are held back by:
 *   - a stop list of words that often precede " at " in prose ("look at", "meet at", "email me at", "works at"): a
 *     local part that is a single such word is not an address;
 *   - when the domain is spelled with the word " dot ", its last label must be a common TLD (com, org, de, …), so
 *     "meet at the office dot" and "Zoe at john dot smith" are not addresses.
 * Each anchor reads a bounded window (at most 8 local words and 10 labels of at most 64 characters), so this too
 * is linear. '@' addresses win over obfuscated ones that overlap them.
 */

import type { Detector, Finding } from '../finding';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';

const SCORE = 0.95;
const SCORE_OBFUSCATED = 0.85;
const SCORE_OBFUSCATED_BRACKETS = 0.9;

/** 1 = allowed in a local part, 2 = allowed in a domain, 3 = both (ASCII only). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let cls = 0;
  if (/[A-Za-z0-9]/.test(ch)) cls = 3;
  else if (ch === '-' || ch === '.') cls = 3;
  else if (ch === '_' || ch === '%' || ch === '+' || ch === "'") cls = 1;
  ASCII_CLASS[c] = cls;
}

const NON_ASCII_WORD = /^[\p{L}\p{N}\p{M}]$/u;

function isNonAsciiWordUnit(text: string, i: number): boolean {
  // Lone surrogate halves never match, so astral characters (emoji) end an expansion.
  return NON_ASCII_WORD.test(text.charAt(i));
}

function isLocalChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ((ASCII_CLASS[c] ?? 0) & 1) !== 0;
  return isNonAsciiWordUnit(text, i);
}

function isDomainChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ((ASCII_CLASS[c] ?? 0) & 2) !== 0;
  return isNonAsciiWordUnit(text, i);
}

const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
const LABEL = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
/** File extensions that are not TLDs and appear after '@' in file names such as `icon@2x.png`. */
const FILE_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'tif', 'tiff', 'ico', 'heic',
  'css', 'js', 'mjs', 'cjs', 'jsx', 'tsx', 'json', 'html', 'htm', 'txt', 'log', 'pdf', 'xml', 'csv', 'yml', 'yaml',
]);

/**
 * Returns the end (exclusive) of a valid domain starting at `start` and extending at most to `limit`,
 * or -1 when there is none.
 */
function validDomainEnd(text: string, start: number, limit: number): number {
  let end = limit;
  const doubleDot = text.slice(start, limit).indexOf('..');
  if (doubleDot !== -1) end = start + doubleDot;
  // Strip trailing dots and hyphens (sentence punctuation, dangling separators).
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 0x2e || c === 0x2d) end--;
    else break;
  }
  if (end <= start) return -1;
  const labels = text.slice(start, end).split('.');
  // Drop trailing labels that cannot be a TLD ("example.com.123" -> "example.com").
  while (labels.length > 2 && !TLD.test(labels[labels.length - 1] ?? '')) {
    const dropped = labels.pop() ?? '';
    end -= dropped.length + 1;
  }
  if (labels.length < 2) return -1;
  const tld = labels[labels.length - 1] ?? '';
  if (!TLD.test(tld)) return -1;
  if (labels.length === 2 && FILE_EXTENSIONS.has(tld.toLowerCase())) return -1;
  for (const label of labels) {
    if (!(asciiLabel(label) ?? LABEL.test(label))) return -1;
  }
  return end;
}

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/**
 * LABEL over an ASCII label, without the regex: 1 to 63 letters, digits and hyphens, starting and ending with a
 * letter or digit. Undefined when the label holds a non-ASCII character.
 */
function asciiLabel(label: string): boolean | undefined {
  const n = label.length;
  let ok = n >= 1 && n <= 63;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (!isAsciiAlnum(c) && (c !== 0x2d || i === 0 || i === n - 1)) ok = false;
  }
  return ok;
}

/* ---------------------------------------------------------------------------------------------------------- */
/* Obfuscated addresses                                                                                       */
/* ---------------------------------------------------------------------------------------------------------- */

/**
 * "at" between blanks (the match is the word alone), or "at"/"ät" before a closing bracket (the opening bracket is
 * checked by hand). The blanks are looked at from the word: a regex that starts at the blank stops at every space
 * of the text, one that starts at the letter pair does not (about 40 % faster over ticket text).
 */
const AT_CANDIDATE = /[aAäÄ][tT](?:(?<=[ \t\u00a0][aA][tT])(?=[ \t\u00a0])| ?[)\]}>])/g;
/** What AT_CANDIDATE can match, as literals (a keyword hint, in the shared scan): texts without one skip it. */
const AT_HINT = defineKeywordHint('obfuscated-at', [
  ' at ', ' at\t', ' at\u00a0', '\tat ', '\tat\t', '\tat\u00a0', '\u00a0at ', '\u00a0at\t', '\u00a0at\u00a0',
  'at)', 'at]', 'at}', 'at>', 'at )', 'at ]', 'at }', 'at >', 'ät)', 'ät]', 'ät}', 'ät>', 'ät )', 'ät ]', 'ät }', 'ät >',
]);
const MAX_WORD = 64;
const MAX_LOCAL_WORDS = 8;
const MAX_LABELS = 10;
const MAX_BLANKS = 2;
const DOT_WORDS = new Set(['dot', 'punkt']);
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
const OBFUSCATED_TLD = /^[A-Za-z]{2,24}$/;
/** Last labels accepted when the domain is spelled with the bare word "dot" (and what makes "@example.com" a domain, not a handle). */
export const COMMON_TLDS = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'io', 'co', 'ai', 'app', 'dev', 'me', 'tv', 'cc',
  'eu', 'uk', 'de', 'fr', 'es', 'it', 'nl', 'be', 'ch', 'at', 'au', 'ca', 'us', 'ru', 'pl', 'se', 'no', 'dk', 'fi',
  'ie', 'pt', 'br', 'mx', 'ar', 'cl', 'cn', 'jp', 'kr', 'in', 'nz', 'za', 'cz', 'sk', 'hu', 'ro', 'gr', 'tr', 'il',
  'ae', 'sg', 'hk', 'tw', 'lu', 'li', 'online', 'email', 'mail', 'xyz', 'tech', 'cloud',
]);
/** Extensions that make "x at report.pdf" a file, not an address. */
const OBFUSCATED_FILE_EXTENSIONS = new Set([
  ...FILE_EXTENSIONS, 'exe', 'msi', 'dll', 'zip', 'rar', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'md', 'ini',
  'cfg', 'conf', 'bat', 'cmd', 'sh', 'py', 'ts', 'iso', 'dmp', 'mp3', 'mp4', 'wav', 'mov', 'avi', 'bak', 'tmp', 'sys',
]);
/** Single words that precede " at " in prose; never the local part of an address written with the bare word. */
const PROSE_WORDS = new Set([
  'look', 'looks', 'looked', 'looking', 'arrive', 'arrived', 'arriving', 'meet', 'meeting', 'met', 'be', 'is', 'was',
  'are', 'were', 'am', 'been', 'being', 'available', 'here', 'there', 'me', 'us', 'him', 'her', 'them', 'it', 'this',
  'that', 'stay', 'stayed', 'staying', 'work', 'works', 'working', 'worked', 'call', 'called', 'calling', 'reach',
  'reached', 'reachable', 'found', 'find', 'located', 'based', 'start', 'starts', 'started', 'end', 'ends', 'ended',
  'home', 'office', 'least', 'most', 'all', 'not', 'once', 'time', 'point', 'anytime', 'back', 'great', 'good', 'bad',
  'best', 'better', 'aim', 'aimed', 'hit', 'laugh', 'stare', 'glance', 'get', 'got', 'sent', 'send', 'email', 'mail',
  'e-mail', 'contact', 'write', 'reply', 'support', 'team', 'help', 'helpdesk', 'service', 'desk', 'online',
  'someone', 'anyone', 'people', 'user', 'users', 'customer', 'customers', 'staff', 'and', 'or', 'but', 'so', 'then',
  'now', 'just', 'only', 'even', 'also', 'still', 'up', 'down', 'out', 'in', 'on', 'off', 'over', 'again', 'yes', 'no',
  'please', 'thanks', "i'm", "we're", "you're", "it's", "they're", 'login', 'logged', 'sign', 'signed', 'registered',
  'account', 'address', 'site', 'page', 'website', 'web', 'domain', 'posted', 'hosted', 'listed', 'shop', 'buy',
  'bought', 'order', 'ordered', 'purchased', 'agent', 'engineer', 'manager', 'admin', 'developer', 'consultant',
  'technician', 'analyst', 'intern', 'student', 'employed', 'job', 'left', 'right', 'open', 'opened', 'click',
  'clicked', 'go', 'went', 'visit', 'visited', 'check', 'checked', 'try', 'tried', 'available', 'registered', 'hosted',
  'the', 'a', 'an', 'of', 'to', 'for', 'with', 'from', 'by', 'as', 'if', 'when', 'where', 'what', 'who', 'which',
  // stack traces and logs: "NullReferenceException thrown at MyApp.Services", "error at AppDelegate.swift"
  'error', 'errors', 'exception', 'exceptions', 'thrown', 'throw', 'threw', 'raised', 'failed', 'fails', 'failure',
  'fail', 'crash', 'crashed', 'crashes', 'occurred', 'occurs', 'stopped', 'hangs', 'hung', 'breakpoint', 'line',
  'stack', 'trace', 'frame', 'caused', 'timeout', 'warning', 'warn', 'info', 'debug', 'fatal', 'panic', 'fault',
  'abort', 'aborted', 'issue', 'problem', 'bug', 'assertion', 'status', 'code',
]);
/** "0x80070005 at System.IO": an error code before " at ". */
const HEX_CODE = /^0x[0-9a-f]+$/i;
/**
 * A domain label written in CamelCase ("FileStream", "AppDelegate", "UserService"): a namespace or class of a stack
 * trace, not a host name (lower-case after an upper-case letter, then upper-case again).
 */
const CAMEL_CASE_LABEL = /[a-z][A-Z]/;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}

function isLabelChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return c === 0x2d || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return isNonAsciiWordUnit(text, i);
}

interface DotToken {
  /** Where the token (with its blanks) starts and ends. */
  readonly start: number;
  readonly end: number;
}

/** A dot token ending exactly at `i` (" dot ", "(dot)", " [dot] "), not reaching below `floor`. */
function dotTokenBefore(text: string, i: number, floor: number): DotToken | null {
  let k = i;
  while (k > floor && i - k < MAX_BLANKS && isBlank(text.charCodeAt(k - 1))) k--;
  const blanksAfter = i - k;
  const close = text.charAt(k - 1);
  let wordStart: number;
  let bracketed = false;
  const opener = OPENERS[close];
  if (opener !== undefined) {
    const open = text.lastIndexOf(opener, k - 2);
    if (open < floor || k - 1 - open > 8) return null;
    if (!DOT_WORDS.has(text.slice(open + 1, k - 1).trim().toLowerCase())) return null;
    wordStart = open;
    bracketed = true;
  } else {
    if (k - 3 < floor || text.slice(k - 3, k).toLowerCase() !== 'dot') return null;
    wordStart = k - 3;
  }
  let s = wordStart;
  while (s > floor && wordStart - s < MAX_BLANKS && isBlank(text.charCodeAt(s - 1))) s--;
  if (!bracketed && (blanksAfter === 0 || s === wordStart)) return null;
  return { start: s, end: i };
}

/** A dot token starting exactly at `i`. */
function dotTokenAfter(text: string, i: number): DotToken | null {
  const n = text.length;
  let k = i;
  while (k < n && k - i < MAX_BLANKS && isBlank(text.charCodeAt(k))) k++;
  const blanksBefore = k - i;
  const closer = CLOSERS[text.charAt(k)];
  let wordEnd: number;
  let bracketed = false;
  if (closer !== undefined) {
    const close = text.indexOf(closer, k + 1);
    if (close === -1 || close - k > 8) return null;
    if (!DOT_WORDS.has(text.slice(k + 1, close).trim().toLowerCase())) return null;
    wordEnd = close + 1;
    bracketed = true;
  } else {
    if (text.slice(k, k + 3).toLowerCase() !== 'dot') return null;
    wordEnd = k + 3;
  }
  let e = wordEnd;
  while (e < n && e - wordEnd < MAX_BLANKS && isBlank(text.charCodeAt(e))) e++;
  if (!bracketed && (blanksBefore === 0 || e === wordEnd)) return null;
  return { start: i, end: e };
}

/** The words "dot" and "at" are separators, never parts of an address. */
function isDotWord(text: string, start: number, end: number): boolean {
  if (end - start > 5) return false;
  const w = text.slice(start, end).toLowerCase();
  return DOT_WORDS.has(w) || w === 'at';
}

/** Start of the local-part word ending at `end`, or `end` when there is none (or it is too long). */
function localWordStart(text: string, end: number, floor: number): number {
  let s = end;
  while (s > floor && end - s <= MAX_WORD && isLocalChar(text, s - 1)) s--;
  return end - s > MAX_WORD ? end : s;
}

/** End of the domain label starting at `start`, or `start` when there is none (or it is too long). */
function labelEnd(text: string, start: number): number {
  let e = start;
  while (e - start <= 63 && isLabelChar(text, e)) e++;
  return e - start > 63 ? start : e;
}

function detectObfuscated(text: string, taken: readonly Finding[], out: Finding[]): void {
  let floor = 0;
  let takenIndex = 0;
  AT_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AT_CANDIDATE.exec(text)) !== null) {
    let atStart: number;
    let atEnd: number;
    let bracketed: boolean;
    if (m[0].length === 2) {
      // " at " (the German umlaut form is only accepted in brackets)
      atStart = m.index;
      atEnd = atStart + 2;
      bracketed = false;
    } else {
      // "(at)", "[ at ]", "{ät}", "<at>"
      const close = m[0].charAt(m[0].length - 1);
      let o = m.index - 1;
      if (text.charCodeAt(o) === 0x20) o--;
      if (CLOSERS[text.charAt(o)] !== close) continue;
      atStart = o;
      atEnd = m.index + m[0].length;
      bracketed = true;
    }
    if (atStart < floor) continue;

    // Local part, right to left.
    let k = atStart;
    while (k > floor && atStart - k < MAX_BLANKS && isBlank(text.charCodeAt(k - 1))) k--;
    if (!bracketed && k === atStart) continue;
    const localEnd = k;
    let s = localWordStart(text, localEnd, floor);
    if (s === localEnd || isDotWord(text, s, localEnd)) continue;
    let words = 1;
    while (words < MAX_LOCAL_WORDS) {
      const tok = dotTokenBefore(text, s, floor);
      if (tok === null) break;
      const ws = localWordStart(text, tok.start, floor);
      if (ws === tok.start || isDotWord(text, ws, tok.start)) break;
      s = ws;
      words++;
    }
    while (s < localEnd) {
      const c = text.charCodeAt(s);
      if (c === 0x2e || c === 0x27) s++;
      else break;
    }
    if (s >= localEnd) continue;
    if (!bracketed && words === 1) {
      const local = text.slice(s, localEnd).toLowerCase();
      if (PROSE_WORDS.has(local) || /^[0-9.]+$/.test(local) || HEX_CODE.test(local)) continue;
      // "NullReferenceException at …", "IOException thrown at …": a type name, not a mailbox
      if (/exception$|error$/.test(local)) continue;
    }

    // Domain, left to right.
    k = atEnd;
    while (k < text.length && k - atEnd < MAX_BLANKS && isBlank(text.charCodeAt(k))) k++;
    if (!bracketed && k === atEnd) continue;
    const labels: [number, number][] = [];
    let le = labelEnd(text, k);
    if (le === k || isDotWord(text, k, le)) continue;
    labels.push([k, le]);
    let wordDot = false;
    while (labels.length < MAX_LABELS) {
      if (text.charCodeAt(le) === 0x2e && isLabelChar(text, le + 1)) {
        const next = labelEnd(text, le + 1);
        if (next === le + 1) break;
        labels.push([le + 1, next]);
        le = next;
        continue;
      }
      const tok = dotTokenAfter(text, le);
      if (tok === null || !isLabelChar(text, tok.end)) break;
      const next = labelEnd(text, tok.end);
      if (next === tok.end || isDotWord(text, tok.end, next)) break;
      if (text.slice(tok.start, tok.end).trim().toLowerCase() === 'dot') wordDot = true;
      labels.push([tok.end, next]);
      le = next;
    }
    const isTld = (l: [number, number]): boolean => OBFUSCATED_TLD.test(text.slice(l[0], l[1]));
    while (labels.length > 2 && !isTld(labels[labels.length - 1]!)) labels.pop();
    if (labels.length < 2) continue;
    const last = labels[labels.length - 1]!;
    const tld = text.slice(last[0], last[1]).toLowerCase();
    if (!isTld(last) || OBFUSCATED_FILE_EXTENSIONS.has(tld)) continue;
    if (!bracketed && wordDot && !COMMON_TLDS.has(tld)) continue;
    if (!labels.every((l) => LABEL.test(text.slice(l[0], l[1])))) continue;
    const end = last[1];
    // A namespace or a method of a stack trace: "at MyApp.Services.UserService.Get()", "at AppDelegate.swift"
    if (!bracketed && (labels.some((l) => CAMEL_CASE_LABEL.test(text.slice(l[0], l[1]))) || text.charCodeAt(labels[labels.length - 1]![1]) === 0x28 ||
      text.charCodeAt(end) === 0x2e && text.charCodeAt(end + 1) === 0x2e)) continue;

    // '@' addresses take precedence.
    while (takenIndex < taken.length && taken[takenIndex]!.end <= s) takenIndex++;
    const t = taken[takenIndex];
    if (t !== undefined && t.start < end) continue;

    out.push({
      start: s,
      end,
      type: 'EMAIL',
      score: bracketed ? SCORE_OBFUSCATED_BRACKETS : SCORE_OBFUSCATED,
      detector: 'email',
      explanation: { pattern: 'obfuscated', validation: 'passed', context: [] },
    });
    floor = end;
    AT_CANDIDATE.lastIndex = Math.max(AT_CANDIDATE.lastIndex, end);
  }
}

function detectAtSign(text: string, findings: Finding[]): void {
  const n = text.length;
  let lastEnd = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    // Local part: expand left.
    let s = at;
    while (s > lastEnd && isLocalChar(text, s - 1)) s--;
    // Leading dots and apostrophes are delimiters ('john@example.com'), not part of the address.
    while (s < at) {
      const c = text.charCodeAt(s);
      if (c === 0x2e || c === 0x27) s++;
      else break;
    }
    // Domain: expand right.
    let e = at + 1;
    while (e < n && isDomainChar(text, e)) e++;

    if (s < at && e > at + 1) {
      const end = validDomainEnd(text, at + 1, e);
      if (end !== -1) {
        findings.push({
          start: s,
          end,
          type: 'EMAIL',
          score: SCORE,
          detector: 'email',
          explanation: { pattern: 'email-address', validation: 'passed', context: [] },
        });
        lastEnd = end;
      }
    }
    at = text.indexOf('@', at + 1);
  }
}

export const emailDetector: Detector = {
  id: 'email',
  version: '2',
  types: ['EMAIL'],
  detect(text) {
    const findings: Finding[] = [];
    detectAtSign(text, findings);
    const obfuscated: Finding[] = [];
    if (hasKeywordHint(text, AT_HINT)) detectObfuscated(text, findings, obfuscated);
    if (obfuscated.length === 0) return findings;
    return findings.concat(obfuscated).sort((a, b) => a.start - b.start);
  },
};
