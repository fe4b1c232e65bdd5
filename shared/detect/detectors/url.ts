/**
 * URL detector.
 *
 * Two anchors, both found with literal searches rather than a regex tried at every character:
 *  - "://" preceded by one of the schemes http, https, ftp, sftp, ws, wss, file;
 *  - "www." at a word boundary (a host without a scheme).
 * A URL stops at whitespace and at characters that cannot appear unescaped in a URL written in text
 * (< > " `). Trailing punctuation . , ; : ! ? ) ] } ' " is stripped unless a closing bracket is balanced
 * by an opening one inside the URL. Credentials and query strings stay inside the span.
 */

import type { Detector, Finding } from '../finding';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';

const SCHEMES = new Set(['http', 'https', 'ftp', 'sftp', 'ws', 'wss', 'file']);
const SCORE_SCHEME = 0.95;
const SCORE_WWW = 0.85;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiWord(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c) || c === 0x5f;
}

/** Characters that end a URL: whitespace, controls and the delimiters < > " `. */
function isUrlStop(c: number): boolean {
  if (c <= 0x20 || c === 0x7f) return true;
  if (c === 0x3c || c === 0x3e || c === 0x22 || c === 0x60) return true;
  if (c < 0x80) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const NON_ASCII_WORD = /^[\p{L}\p{N}\p{M}]$/u;

function isHostChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiLetter(c) || isAsciiDigit(c) || c === 0x2d || c === 0x2e || c === 0x5f;
  return NON_ASCII_WORD.test(text.charAt(i));
}

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"']);
const CLOSER_TO_OPENER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Strips trailing punctuation from [start, end), never going below `minEnd`. A closing bracket is kept
 * when the span holds at least as many matching opening brackets as closing ones.
 */
function trimTrailing(text: string, start: number, end: number, minEnd: number): number {
  const counts: Record<string, number> = { '(': 0, ')': 0, '[': 0, ']': 0, '{': 0, '}': 0 };
  let counted = false;
  while (end > minEnd) {
    const ch = text.charAt(end - 1);
    if (TRAILING.has(ch)) {
      end--;
      continue;
    }
    const opener = CLOSER_TO_OPENER[ch];
    if (opener === undefined) break;
    if (!counted) {
      for (let i = start; i < end; i++) {
        const c = text.charAt(i);
        if (c in counts) counts[c] = (counts[c] ?? 0) + 1;
      }
      counted = true;
    }
    if ((counts[opener] ?? 0) >= (counts[ch] ?? 0)) break; // balanced: the bracket belongs to the URL
    counts[ch] = (counts[ch] ?? 0) - 1;
    end--;
  }
  return end;
}

const LABEL = /^[\p{L}\p{N}\p{M}_-]+$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
const IPV6_LITERAL = /^\[[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.~-]+)?\]$/;

/** Validates the authority (`user:pass@host:port`) of a scheme URL. */
function validAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  let hostPort = at === -1 ? authority : authority.slice(at + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return false;
    const rest = hostPort.slice(close + 1);
    if (rest !== '' && !/^:\d{0,5}$/.test(rest)) return false;
    return IPV6_LITERAL.test(hostPort.slice(0, close + 1));
  }
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1) {
    const port = hostPort.slice(colon + 1);
    if (!/^\d{0,5}$/.test(port)) return false;
    hostPort = hostPort.slice(0, colon);
  }
  if (hostPort.length === 0) return false;
  const host = hostPort.endsWith('.') ? hostPort.slice(0, -1) : hostPort;
  if (host.length === 0) return false;
  const ascii = asciiLabelsValid(host);
  if (ascii !== undefined) return ascii;
  for (const label of host.split('.')) {
    if (!LABEL.test(label)) return false;
  }
  return true;
}

/**
 * Whether every dot-separated label of an ASCII `host` is non-empty and matches LABEL (over ASCII: letters, digits,
 * '_' and '-'), read without cutting strings; undefined when `host` holds a non-ASCII character.
 */
function asciiLabelsValid(host: string): boolean | undefined {
  let valid = true;
  let len = 0;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (c === 0x2e) {
      if (len === 0) valid = false;
      len = 0;
    } else {
      if (!isAsciiWord(c) && c !== 0x2d) valid = false;
      len++;
    }
  }
  return valid && len > 0;
}

function finding(start: number, end: number, score: number, pattern: string): Finding {
  return {
    start,
    end,
    type: 'URL',
    score,
    detector: 'url',
    explanation: { pattern, validation: 'passed', context: [] },
  };
}

function detectSchemeUrls(text: string, out: Finding[]): void {
  const n = text.length;
  let pos = 0;
  let idx = text.indexOf('://');
  while (idx !== -1) {
    let s = idx;
    while (s > 0 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
    const scheme = text.slice(s, idx).toLowerCase();
    const before = s > 0 ? text.charCodeAt(s - 1) : -1;
    let next = idx + 3;
    if (s >= pos && SCHEMES.has(scheme) && !isAsciiDigit(before)) {
      let e = idx + 3;
      while (e < n && !isUrlStop(text.charCodeAt(e))) e++;
      e = trimTrailing(text, s, e, idx + 3);
      if (e > idx + 3) {
        const rest = text.slice(idx + 3, e);
        let ok: boolean;
        if (scheme === 'file') {
          ok = true;
        } else {
          let authEnd = rest.length;
          for (const sep of ['/', '?', '#']) {
            const k = rest.indexOf(sep);
            if (k !== -1 && k < authEnd) authEnd = k;
          }
          ok = validAuthority(rest.slice(0, authEnd));
        }
        if (ok) {
          out.push(finding(s, e, SCORE_SCHEME, `${scheme}-url`));
          pos = e;
          next = e;
        }
      }
    }
    idx = text.indexOf('://', next);
  }
}

function detectWwwHosts(text: string, out: Finding[], schemeUrls: readonly Finding[]): void {
  const n = text.length;
  const re = /www\./gi;
  let urlIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const s = m.index;
    // Skip anchors inside a URL found by scheme.
    while (urlIndex < schemeUrls.length && (schemeUrls[urlIndex]?.end ?? 0) <= s) urlIndex++;
    const covering = schemeUrls[urlIndex];
    if (covering !== undefined && covering.start <= s) {
      re.lastIndex = covering.end;
      continue;
    }
    if (s > 0) {
      const b = text.charCodeAt(s - 1);
      // Part of a longer word, host, path or e-mail address.
      if (isAsciiWord(b) || b === 0x2e || b === 0x2d || b === 0x40 || b === 0x2f || b === 0x5c || (b >= 0x80 && isHostChar(text, s - 1))) {
        continue;
      }
    }
    let hostEnd = s + 4;
    while (hostEnd < n && isHostChar(text, hostEnd)) hostEnd++;
    while (hostEnd > s + 4) {
      const c = text.charCodeAt(hostEnd - 1);
      if (c === 0x2e || c === 0x2d) hostEnd--;
      else break;
    }
    const labels = text.slice(s, hostEnd).split('.');
    if (labels.length < 3 || !TLD.test(labels[labels.length - 1] ?? '') || !labels.every((l) => LABEL.test(l))) {
      re.lastIndex = Math.max(re.lastIndex, hostEnd);
      continue;
    }
    let e = hostEnd;
    const after = e < n ? text.charCodeAt(e) : -1;
    if (after === 0x40 || after === 0x5f) {
      re.lastIndex = Math.max(re.lastIndex, hostEnd);
      continue; // an e-mail address or identifier, not a host
    }
    // Optional port.
    if (after === 0x3a) {
      let p = e + 1;
      while (p < n && p - e <= 6 && isAsciiDigit(text.charCodeAt(p))) p++;
      if (p > e + 1 && p - e <= 6) e = p;
    }
    // Optional path, query or fragment.
    const c = e < n ? text.charCodeAt(e) : -1;
    if (c === 0x2f || c === 0x3f || c === 0x23) {
      let k = e;
      while (k < n && !isUrlStop(text.charCodeAt(k))) k++;
      e = trimTrailing(text, s, k, e);
    }
    out.push(finding(s, e, SCORE_WWW, 'www-host'));
    re.lastIndex = Math.max(re.lastIndex, e);
  }
}

/** Texts without "www." (in any case) skip the search for host names without a scheme. */
const WWW_HINT = defineKeywordHint('www', ['www.']);

export const urlDetector: Detector = {
  id: 'url',
  version: '1',
  types: ['URL'],
  detect(text) {
    const hasScheme = text.includes('://');
    const hasWww = hasKeywordHint(text, WWW_HINT);
    if (!hasScheme && !hasWww) return [];
    const schemeUrls: Finding[] = [];
    if (hasScheme) detectSchemeUrls(text, schemeUrls);
    const out = schemeUrls.slice();
    if (hasWww) detectWwwHosts(text, out, schemeUrls);
    out.sort((a, b) => a.start - b.start);
    return out;
  },
};
