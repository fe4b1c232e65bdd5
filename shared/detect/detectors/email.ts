/**
 * EMAIL detector.
 *
 * Anchored on '@': each '@' is found with indexOf, then the local part is expanded to the left and the
 * domain to the right over their allowed characters. Every character is visited at most a constant
 * number of times (the expansions stop at '@', which belongs to neither side), so the cost is linear
 * in the length of the text. No general e-mail regex is run over the text.
 *
 * Obfuscated forms ("john at example dot com") are not handled here.
 */

import type { Detector, Finding } from '../finding';

const SCORE = 0.95;

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
    if (!LABEL.test(label)) return -1;
  }
  return end;
}

export const emailDetector: Detector = {
  id: 'email',
  version: '1',
  types: ['EMAIL'],
  detect(text) {
    const findings: Finding[] = [];
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
    return findings;
  },
};
