/**
 * IP_ADDRESS detector: IPv4 (dotted quad, optionally followed by :port) and IPv6 in every textual form
 * (full, compressed, loopback `::1`, zone ids `fe80::1%eth0`, IPv4-mapped `::ffff:192.0.2.1`).
 *
 * Candidates are found by anchoring: IPv6 on a ':' with another one after it in the same run, IPv4 on a '.' between
 * digits (found by regex scans), each expanded to the maximal run of address characters around the anchor, so every
 * character is visited a constant number of times.
 * A run is only a candidate as a whole — `1.2.3.4.5` is not an address and nothing inside it is either.
 * IPv6 candidates are validated with ipaddr.js; IPv4 candidates need exactly four dotted decimal parts.
 *
 * Context: version words just before the address (version, build, release, kb, v, ...) drop the score
 * well below 0.5; network words (ip, host, server, ...) raise it slightly. Both are recorded in
 * `explanation.context`. The span covers the address only; a `:port` suffix is noted in the pattern name.
 */

import ipaddr from 'ipaddr.js';
import type { Detector, Finding } from '../finding';
import { digitProfile } from './text-scan';

const BASE_SCORE = 0.85;
const LEADING_ZERO_SCORE = 0.3;
const VERSION_EFFECT = -0.7;
const NETWORK_EFFECT = 0.1;
const MAX_SCORE = 0.95;
const CONTEXT_CHARS = 20;

const VERSION_WORDS = new Set([
  'version', 'versions', 'ver', 'v', 'build', 'builds', 'release', 'rel', 'kb', 'revision', 'rev', 'patch',
  'firmware', 'fw', 'sdk', 'windows', 'win', 'macos', 'osx', 'ios', 'android', 'chrome', 'chromium', 'firefox',
  'safari', 'msie', 'kernel', 'driver', 'update',
]);
const NETWORK_WORDS = new Set([
  'ip', 'ips', 'ipv4', 'ipv6', 'addr', 'address', 'host', 'hostname', 'server', 'client', 'gateway', 'gw', 'dns',
  'proxy', 'remote', 'src', 'dst', 'source', 'destination', 'peer', 'router', 'subnet', 'vpn', 'ping',
]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isWordUnit(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  return /^[\p{L}\p{N}\p{M}]$/u.test(text.charAt(i));
}

function isV6RunChar(c: number): boolean {
  return isHex(c) || c === 0x3a || c === 0x2e;
}

type ContextEntry = { readonly word: string; readonly effect: number };

/** The last letter-words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  return asciiWordsBefore(text, from, start, max) ?? unicodeWordsBefore(text, from, start, max);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * wordsBefore read backwards from `start` over ASCII only (there \p{L} is [A-Za-z]), without a regex; undefined
 * when a character it reads is not ASCII. It stops after `max` words: the words further left cannot change the
 * last `max` (and the cut first word is dropped only when it would be among them).
 */
function asciiWordsBefore(text: string, from: number, start: number, max: number): string[] | undefined {
  const words: string[] = [];
  let i = start;
  while (words.length < max) {
    while (i > from) {
      const c = text.charCodeAt(i - 1);
      if (c >= 0x80) return undefined;
      if (isAsciiLetter(c)) break;
      i--;
    }
    if (i === from) break;
    const end = i;
    while (i > from) {
      const c = text.charCodeAt(i - 1);
      if (c >= 0x80) return undefined;
      if (!isAsciiLetter(c)) break;
      i--;
    }
    if (i === from && from > 0) {
      const b = text.charCodeAt(from - 1);
      if (b >= 0x80) return undefined;
      if (isAsciiLetter(b)) break; // cut by the window
    }
    words.push(text.slice(i, end).toLowerCase());
  }
  return words.reverse();
}

function unicodeWordsBefore(text: string, from: number, start: number, max: number): string[] {
  const windowText = text.slice(from, start);
  const matches = [...windowText.matchAll(/\p{L}+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /\p{L}/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

function scoreWithContext(text: string, start: number, base: number): { score: number; context: ContextEntry[] } {
  const context: ContextEntry[] = [];
  const words = wordsBefore(text, start, 3);
  const nearest = words.slice(-2);
  const version = nearest.findLast((w) => VERSION_WORDS.has(w));
  let score = base;
  if (version !== undefined) {
    context.push({ word: version, effect: VERSION_EFFECT });
    score += VERSION_EFFECT;
  } else {
    const network = words.findLast((w) => NETWORK_WORDS.has(w));
    if (network !== undefined) {
      context.push({ word: network, effect: NETWORK_EFFECT });
      score += NETWORK_EFFECT;
    }
  }
  score = Math.round(Math.min(MAX_SCORE, Math.max(0.01, score)) * 100) / 100;
  return { score, context };
}

function makeFinding(
  text: string,
  start: number,
  end: number,
  base: number,
  pattern: string,
  validation: 'passed' | 'failed',
): Finding {
  const { score, context } = scoreWithContext(text, start, base);
  return {
    start,
    end,
    type: 'IP_ADDRESS',
    score,
    detector: 'ip-address',
    explanation: { pattern, validation, context },
  };
}

const MAX_V6_RUN = 64;

/**
 * A colon that starts a run holding at least two colons (only hex digits and dots between them): a run with fewer
 * holds no IPv6 candidate (checkV6Run counts two colons at least), so the scan skips it in the regex.
 */
const V6_ANCHOR = /:(?=[0-9A-Fa-f.]*:)/g;

function detectIpv6(text: string, out: Finding[]): void {
  const n = text.length;
  V6_ANCHOR.lastIndex = 0;
  while (V6_ANCHOR.test(text)) {
    const colon = V6_ANCHOR.lastIndex - 1;
    let s = colon;
    while (s > 0 && isV6RunChar(text.charCodeAt(s - 1))) s--;
    let e = colon + 1;
    while (e < n && isV6RunChar(text.charCodeAt(e))) e++;
    checkV6Run(text, s, e, out);
    V6_ANCHOR.lastIndex = e;
  }
}

function checkV6Run(text: string, s: number, e: number, out: Finding[]): void {
  if (e - s > MAX_V6_RUN) return;
  // Trailing sentence dots; a single trailing colon ("fe80::1: ...") is punctuation, "::" is not.
  while (e > s && text.charCodeAt(e - 1) === 0x2e) e--;
  if (e - s >= 2 && text.charCodeAt(e - 1) === 0x3a && text.charCodeAt(e - 2) !== 0x3a) e--;
  // A single leading colon is a label separator ("IP:fe80::1").
  if (text.charCodeAt(s) === 0x3a && text.charCodeAt(s + 1) !== 0x3a) s++;
  if (isWordUnit(text, s - 1) || text.charCodeAt(s - 1) === 0x2e) {
    // Glued to a word ("code:fe80::1" gives the run "de:fe80::1"): retry after the first single colon.
    const first = text.indexOf(':', s);
    if (first === -1 || first >= e || text.charCodeAt(first + 1) === 0x3a) return;
    s = first + 1;
  }
  if (e <= s) return;
  const after = e < text.length ? text.charCodeAt(e) : -1;
  if (isWordUnit(text, e)) return;
  const candidate = text.slice(s, e);
  let colons = 0;
  let decimal = false;
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate.charCodeAt(i);
    if (c === 0x3a) colons++;
    else if (isDigit(c)) decimal = true;
  }
  if (colons < 2 || !decimal) return;
  if (!ipaddr.IPv6.isValid(candidate)) return;
  let end = e;
  let pattern = candidate.includes('.') ? 'ipv6-ipv4-embedded' : 'ipv6';
  if (after === 0x25) {
    // Zone id: fe80::1%eth0
    let z = e + 1;
    while (z < text.length && z - e <= 32 && /[A-Za-z0-9_.~-]/.test(text.charAt(z))) z++;
    while (z > e + 1 && text.charCodeAt(z - 1) === 0x2e) z--;
    if (z > e + 1 && !isWordUnit(text, z)) {
      end = z;
      pattern = 'ipv6-zone';
    }
  }
  out.push(makeFinding(text, s, end, BASE_SCORE, pattern, 'passed'));
}

/**
 * A digit, a dot and a digit: a run of digits and dots without one holds no IPv4 candidate (four non-empty parts),
 * so the scan skips the sentence dots, "v2." and "...", in the regex.
 */
const V4_ANCHOR = /[0-9]\.[0-9]/g;

function detectIpv4(text: string, out: Finding[], v6: readonly Finding[]): void {
  const n = text.length;
  let v6Index = 0;
  V4_ANCHOR.lastIndex = 0;
  while (V4_ANCHOR.test(text)) {
    const dot = V4_ANCHOR.lastIndex - 2;
    let s = dot;
    while (s > 0 && isV4RunChar(text.charCodeAt(s - 1))) s--;
    let e = dot + 1;
    while (e < n && isV4RunChar(text.charCodeAt(e))) e++;
    const runEnd = e;
    while (v6Index < v6.length && (v6[v6Index]?.end ?? 0) <= s) v6Index++;
    const inside = v6[v6Index];
    if (inside === undefined || inside.start > s || inside.end < runEnd) checkV4Run(text, s, e, out);
    V4_ANCHOR.lastIndex = runEnd;
  }
}

function isV4RunChar(c: number): boolean {
  return isDigit(c) || c === 0x2e;
}

function checkV4Run(text: string, s: number, e: number, out: Finding[]): void {
  if (e - s > 64) return;
  // Leading dots: fine after a space (". 10.0.0.1"), not after a word ("host.10.0.0.1").
  if (text.charCodeAt(s) === 0x2e) {
    if (isWordUnit(text, s - 1)) return;
    while (s < e && text.charCodeAt(s) === 0x2e) s++;
  }
  // Trailing dots end a sentence, unless a word follows them ("1.2.3.4.in-addr.arpa").
  const runEnd = e;
  while (e > s && text.charCodeAt(e - 1) === 0x2e) e--;
  if (e < runEnd && isWordUnit(text, runEnd)) return;
  if (e <= s) return;
  if (isWordUnit(text, s - 1) || isWordUnit(text, e)) return;
  // four parts: exactly three dots (counted before any string is cut)
  let dots = 0;
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === 0x2e) dots++;
  if (dots !== 3) return;
  // four parts (between the dots) of one to three digits, none above 255; read without cutting strings
  let leadingZero = false;
  let value = 0;
  let len = 0;
  for (let i = s; i <= e; i++) {
    const c = i < e ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (len === 0 || len > 3 || value > 255) return;
      value = 0;
      len = 0;
    } else {
      if (len === 1 && value === 0) leadingZero = true;
      value = value * 10 + (c - 0x30);
      len++;
    }
  }
  // Port suffix: 10.0.0.1:8080 (the span stays on the address).
  let withPort = false;
  if (text.charCodeAt(e) === 0x3a) {
    let p = e + 1;
    while (p < text.length && p - e <= 6 && isDigit(text.charCodeAt(p))) p++;
    const port = text.slice(e + 1, p);
    if (port.length >= 1 && port.length <= 5 && Number(port) <= 65535 && !isWordUnit(text, p)) withPort = true;
  }
  if (leadingZero) {
    out.push(makeFinding(text, s, e, LEADING_ZERO_SCORE, 'ipv4-leading-zero', 'failed'));
    return;
  }
  // four decimal parts up to 255 without a leading zero: what ipaddr.IPv4.isValidFourPartDecimal accepts
  out.push(makeFinding(text, s, e, BASE_SCORE, withPort ? 'ipv4-with-port' : 'ipv4', 'passed'));
}

export const ipAddressDetector: Detector = {
  id: 'ip-address',
  version: '1',
  types: ['IP_ADDRESS'],
  detect(text) {
    // IPv4 needs four digits, an IPv6 candidate one (checkV6Run). The digit profile is kept for the detectors after
    // this one, and the registry profiles every text anyway (credit-card does), so this gate is free there.
    const digits = digitProfile(text).digits;
    if (digits === 0) return [];
    const hasColon = text.includes(':');
    const hasDot = digits >= 4 && text.includes('.');
    if (!hasColon && !hasDot) return [];
    const v6: Finding[] = [];
    if (hasColon) detectIpv6(text, v6);
    const out = v6.slice();
    if (hasDot) detectIpv4(text, out, v6);
    out.sort((a, b) => a.start - b.start);
    return out;
  },
};
