/** SECRET: PEM private-key blocks, whole (BEGIN … END) or cut off before their END line. */

import type { Finding } from '../../finding';
import { SCORE_PEM, SCORE_WEAKER, finding } from './scores';
import { isBase64, isUpper, isWhitespace } from './scan';

const PEM_LABEL = /^[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?$/;
const PEM_MAX_BLOCK = 65_536;

export function detectPem(text: string, out: Finding[]): void {
  const n = text.length;
  let cachedEnd = -2; // -2: not searched yet; -1: none after the last search start
  const nextEnd = (from: number): number => {
    if (cachedEnd === -1) return -1;
    if (cachedEnd < from) cachedEnd = text.indexOf('-----END ', from);
    return cachedEnd;
  };
  let b = text.indexOf('-----BEGIN ');
  while (b !== -1) {
    const labelStart = b + 11;
    const close = text.slice(labelStart, labelStart + 48).indexOf('-----');
    let next = labelStart;
    if (close !== -1 && PEM_LABEL.test(text.slice(labelStart, labelStart + close))) {
      const headerEnd = labelStart + close + 5;
      const e = nextEnd(headerEnd);
      const nb = text.indexOf('-----BEGIN ', headerEnd);
      if (e !== -1 && e - b <= PEM_MAX_BLOCK && (nb === -1 || e < nb)) {
        const endLabel = e + 9;
        const endClose = text.slice(endLabel, endLabel + 48).indexOf('-----');
        let end: number;
        if (endClose !== -1) {
          end = endLabel + endClose + 5;
        } else {
          end = endLabel;
          while (end < n && (isUpper(text.charCodeAt(end)) || text.charCodeAt(end) === 0x20)) end++;
        }
        out.push(finding(b, end, SCORE_PEM, 'private-key-pem', 'passed'));
        next = end;
      } else {
        const end = truncatedPemEnd(text, headerEnd);
        out.push(finding(b, end, SCORE_WEAKER, 'private-key-pem', 'failed'));
        next = end;
      }
    }
    b = next < n ? text.indexOf('-----BEGIN ', next) : -1;
  }
}

/** End of the base64 lines after a BEGIN line whose END line is missing. */
function truncatedPemEnd(text: string, from: number): number {
  const n = text.length;
  const limit = Math.min(n, from + PEM_MAX_BLOCK);
  let end = from;
  let k = from;
  while (k < limit) {
    // Separators: whitespace and escaped newlines (\n, \r) written literally in JSON or logs.
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (isWhitespace(c)) k++;
      else if (c === 0x5c && (text.charCodeAt(k + 1) === 0x6e || text.charCodeAt(k + 1) === 0x72)) k += 2;
      else break;
    }
    const s = k;
    while (k < limit && (isBase64(text.charCodeAt(k)) || text.charCodeAt(k) === 0x3d)) k++;
    const len = k - s;
    const stop = k < limit ? text.charCodeAt(k) : 0x20;
    const separated = isWhitespace(stop) || stop === 0x5c;
    if (len >= 16 && separated) {
      end = k;
      continue;
    }
    // The short last line of a block ends with '=' padding.
    if (len >= 2 && separated && text.charCodeAt(k - 1) === 0x3d) end = k;
    break;
  }
  return end;
}
