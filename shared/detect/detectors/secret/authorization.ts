/** SECRET: HTTP authorization credentials — "Bearer <token>" and "Basic <base64 user:password>". */

import type { Finding } from '../../finding';
import { round2 } from '../../finding-builder';
import { defineKeywordHint, hasKeywordHint } from '../keyword-hints';
import { SCORE_PREFIX, SCORE_WEAKER, finding } from './scores';
import { isAlnum, isBase64, isBase64Url } from './scan';

const BEARER = /(?<![A-Za-z0-9_-])bearer[ \t]{1,3}/gi;
const BASIC = /(?<![A-Za-z0-9_-])basic[ \t]{1,3}/gi;
const AUTHORIZATION = /authorization/i;
const MAX_TOKEN = 4096;

function isBearerChar(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e || c === 0x2b || c === 0x2f || c === 0x3d;
}

const AUTH_ANCHORS = /earer|EARER|asic|ASIC/;
/** The anchors in any case: the shared scan skips most texts before the case-sensitive test. */
const AUTH_HINT = defineKeywordHint('authorization', ['earer', 'asic']);

export function detectAuthorization(text: string, out: Finding[]): void {
  if (!hasKeywordHint(text, AUTH_HINT) || !AUTH_ANCHORS.test(text)) return;
  const n = text.length;
  const lowerHint = text.includes('earer') || text.includes('EARER');
  if (lowerHint) {
    BEARER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BEARER.exec(text)) !== null) {
      const s = m.index + m[0].length;
      let e = s;
      while (e < n && e - s < MAX_TOKEN && isBearerChar(text.charCodeAt(e))) e++;
      BEARER.lastIndex = e;
      if (e - s >= MAX_TOKEN) continue;
      while (e > s && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2c)) e--;
      if (e - s < 12) continue;
      const token = text.slice(s, e);
      const varied = /[0-9._~+/=-]/.test(token) || (token.length >= 20 && /[A-Z]/.test(token) && /[a-z]/.test(token));
      if (!varied) continue;
      const auth = AUTHORIZATION.test(text.slice(Math.max(0, m.index - 24), m.index));
      out.push(
        auth
          ? finding(s, e, SCORE_PREFIX, 'bearer-token', 'none', [{ word: 'authorization', effect: round2(SCORE_PREFIX - SCORE_WEAKER) }])
          : finding(s, e, SCORE_WEAKER, 'bearer-token', 'none'),
      );
    }
  }
  if (text.includes('asic') || text.includes('ASIC')) {
    BASIC.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BASIC.exec(text)) !== null) {
      const s = m.index + m[0].length;
      let e = s;
      while (e < n && e - s < MAX_TOKEN && isBase64(text.charCodeAt(e))) e++;
      let pad = 0;
      while (e < n && pad < 2 && text.charCodeAt(e) === 0x3d) {
        e++;
        pad++;
      }
      BASIC.lastIndex = e;
      if (e - s < 8 || e - s >= MAX_TOKEN || (e - s) % 4 === 1 || isBase64Url(e < n ? text.charCodeAt(e) : 0x20)) continue;
      let decoded: string | null;
      try {
        decoded = atob(text.slice(s, e));
      } catch {
        decoded = null;
      }
      if (decoded === null || decoded.indexOf(':') < 1) continue;
      let printable = true;
      for (let k = 0; k < decoded.length; k++) {
        const c = decoded.charCodeAt(k);
        if (c < 0x20 || c === 0x7f) {
          printable = false;
          break;
        }
      }
      if (!printable) continue;
      out.push(finding(s, e, SCORE_PREFIX, 'basic-auth', 'passed'));
    }
  }
}
