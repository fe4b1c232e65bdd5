/** SECRET: JSON Web Tokens (JWS and JWE) whose header decodes to a JSON object with an "alg". */

import type { Finding } from '../../finding';
import { SCORE_PREFIX, finding } from './scores';
import { isBase64Url } from './scan';

function base64UrlDecode(segment: string): string | null {
  if (segment.length % 4 === 1) return null;
  let b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  while (b64.length % 4 !== 0) b64 += '=';
  try {
    return atob(b64);
  } catch {
    return null;
  }
}

function jwtHeaderValid(segment: string): boolean {
  if (segment.length > 2048) return false;
  const decoded = base64UrlDecode(segment);
  if (decoded === null) return false;
  try {
    const header: unknown = JSON.parse(decoded);
    return typeof header === 'object' && header !== null && !Array.isArray(header) && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/**
 * The first "eyJ" at or after `from`, or -1. Found as "yJ" preceded by 'e': indexOf stops at every occurrence of a
 * pattern's first character, and 'e' is the most frequent letter in prose (three times slower over ticket text).
 */
function indexOfEyJ(text: string, from: number): number {
  let j = text.indexOf('yJ', from + 1);
  while (j !== -1 && text.charCodeAt(j - 1) !== 0x65) j = text.indexOf('yJ', j + 1);
  return j === -1 ? -1 : j - 1;
}

export function detectJwt(text: string, out: Finding[]): void {
  const n = text.length;
  let i = indexOfEyJ(text, 0);
  while (i !== -1) {
    let next = i + 3;
    const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    if (!isBase64Url(before) && before !== 0x2e) {
      // Up to five segments: JWS has three, JWE five.
      const ends: number[] = [];
      let k = i;
      for (;;) {
        const segStart = k;
        while (k < n && isBase64Url(text.charCodeAt(k))) k++;
        ends.push(k);
        if (k === segStart && ends.length < 3) break;
        if (ends.length === 5 || k >= n || text.charCodeAt(k) !== 0x2e) break;
        k++; // the dot
      }
      next = Math.max(next, k);
      const first = ends[0] ?? i;
      const second = ends[1];
      const third = ends[2];
      if (second !== undefined && third !== undefined && first - i >= 10 && second - first - 1 >= 2) {
        let end = ends.length === 5 ? (ends[4] ?? third) : third;
        if (end === third && third === second + 1) end = second; // empty signature: leave the trailing dot out
        if (!isBase64Url(end < n ? text.charCodeAt(end) : 0x20) && jwtHeaderValid(text.slice(i, first))) {
          out.push(finding(i, end, SCORE_PREFIX, 'jwt', 'passed'));
        }
      }
    }
    i = next < n ? indexOfEyJ(text, next) : -1;
  }
}
