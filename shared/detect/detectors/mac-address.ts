/**
 * MAC_ADDRESS detector: EUI-48 hardware addresses in the three usual notations —
 * `00:1A:2B:3C:4D:5E`, `00-1A-2B-3C-4D-5E` (one separator kind throughout) and Cisco `001a.2b3c.4d5e`.
 *
 * Prefilter: a notation's regex runs only when the text holds its separator at the right spacing (':' or '-'
 * five times three characters apart, '.' twice five apart), found with indexOf. Each notation is one global regex of fixed
 * length (no nested quantifiers), so the scan is linear. Lookarounds reject a candidate that is part of a longer
 * run of hex groups — IPv6 addresses (`fe80::1:00:1a:2b:3c:4d:5e`, `00:1a:2b:3c:4d:5e::1`), an 8-group
 * colon string — or glued to a word. A label glued with ':' (`MAC:00:1A:...`) is fine: the letters before the
 * colon only count as a hex group when they stand alone. Times (`12:30:45`) and UUIDs (8-4-4-4-12) never
 * have the shape.
 *
 * Scores: 0.9 when a hex letter appears; all-decimal addresses (`12-34-56-78-90-12`, `1234.5678.9012`), which
 * are as likely to be phone numbers or references, get 0.6. A MAC word just before the address (mac, hwaddr,
 * ether, bssid, ...) adds 0.05 (all-decimal: 0.3). The all-zero and broadcast addresses
 * (00:00:00:00:00:00, ff:ff:ff:ff:ff:ff) identify no one and are not reported.
 */

import type { Detector, Finding } from '../finding';

const SCORE_HEX = 0.9;
const SCORE_DECIMAL = 0.6;
const CONTEXT_EFFECT_HEX = 0.05;
const CONTEXT_EFFECT_DECIMAL = 0.3;
const CONTEXT_CHARS = 30;

const MAC_WORDS = new Set([
  'mac', 'macs', 'macaddr', 'macaddress', 'hwaddr', 'ether', 'ethernet', 'bssid', 'lladdr', 'hw', 'physical',
  'adapter', 'nic', 'wifi', 'wlan', 'eui', 'station', 'sta',
]);

const H = '[0-9A-Fa-f]';
/** Not glued to a word, and not preceded by a standalone hex group and separator, or by '::'. */
const LEFT = `(?<![\\p{L}\\p{N}\\p{M}_]|::|(?<![\\p{L}\\p{N}\\p{M}_])${H}{1,4}[:.-])`;
/** Not glued to a word, not followed by another separator and hex digit, or by '::'. */
const RIGHT = `(?![\\p{L}\\p{N}\\p{M}_]|[:.-]${H}|::)`;
const COLON_OR_DASH = new RegExp(`${LEFT}${H}{2}([:-])${H}{2}\\1${H}{2}\\1${H}{2}\\1${H}{2}\\1${H}{2}${RIGHT}`, 'gu');
const CISCO = new RegExp(`${LEFT}${H}{4}\\.${H}{4}\\.${H}{4}${RIGHT}`, 'gu');

/** The last `max` words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const matches = [...text.slice(from, start).matchAll(/[\p{L}\p{M}]+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /[\p{L}\p{M}]/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

/**
 * Cheap shape test before a regex runs: `sep` at some i and again at i + gap, i + 2·gap, ... (`count` times) —
 * "00:1a:2b:…" has ':' every 3 characters, "001a.2b3c.4d5e" has '.' every 5. indexOf does the searching.
 */
function hasSeparatorRun(text: string, sep: string, gap: number, count: number): boolean {
  const code = sep.charCodeAt(0);
  for (let i = text.indexOf(sep); i !== -1 && i + gap * (count - 1) < text.length; i = text.indexOf(sep, i + 1)) {
    let k = 1;
    while (k < count && text.charCodeAt(i + gap * k) === code) k++;
    if (k === count) return true;
  }
  return false;
}

function scan(text: string, re: RegExp, out: Finding[]): void {
  // exec, not matchAll: matchAll clones the regex on every call.
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const value = m[0];
    const pattern = re === CISCO ? 'mac-cisco' : m[1] === ':' ? 'mac-colon' : 'mac-dash';
    const hexOnly = value.replace(/[:.-]/g, '').toLowerCase();
    if (hexOnly === '000000000000' || hexOnly === 'ffffffffffff') continue;
    const decimal = /^\d+$/.test(hexOnly);
    const word = wordsBefore(text, m.index, 3).findLast((w) => MAC_WORDS.has(w));
    const effect = word === undefined ? 0 : decimal ? CONTEXT_EFFECT_DECIMAL : CONTEXT_EFFECT_HEX;
    const score = Math.round(((decimal ? SCORE_DECIMAL : SCORE_HEX) + effect) * 100) / 100;
    out.push({
      start: m.index,
      end: m.index + value.length,
      type: 'MAC_ADDRESS',
      score,
      detector: 'mac-address',
      explanation: { pattern, validation: 'none', context: word === undefined ? [] : [{ word, effect }] },
    });
  }
}

export const macAddressDetector: Detector = {
  id: 'mac-address',
  version: '1',
  types: ['MAC_ADDRESS'],
  detect(text) {
    const out: Finding[] = [];
    if (hasSeparatorRun(text, ':', 3, 5) || hasSeparatorRun(text, '-', 3, 5)) scan(text, COLON_OR_DASH, out);
    if (hasSeparatorRun(text, '.', 5, 2)) scan(text, CISCO, out);
    if (out.length > 1) out.sort((a, b) => a.start - b.start);
    return out;
  },
};
