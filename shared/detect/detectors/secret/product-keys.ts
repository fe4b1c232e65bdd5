/** SECRET: product keys in five groups of five (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). */

import type { Finding } from '../../finding';
import { SCORE_PRODUCT_KEY, finding } from './scores';

const PRODUCT_KEY = /(?<![A-Za-z0-9-])[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/g;
/** Microsoft's product-key alphabet (no vowels, no 0/1/5 and no L, S, Z); N has been in it since Windows 8. */
const MS_PRODUCT_KEY = /^[BCDFGHJKMNPQRTVWXY2346789-]+$/;

/** A hyphen with another hyphen six characters further on: every product key has one (XXXXX-XXXXX-…). */
function hasProductKeyHyphens(text: string): boolean {
  for (let i = text.indexOf('-'); i !== -1 && i + 6 < text.length; i = text.indexOf('-', i + 1)) {
    if (text.charCodeAt(i + 6) === 0x2d) return true;
  }
  return false;
}

export function detectProductKeys(text: string, out: Finding[]): void {
  if (!hasProductKeyHyphens(text)) return;
  PRODUCT_KEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRODUCT_KEY.exec(text)) !== null) {
    const key = m[0];
    if (!/[A-Z]/.test(key) || !/[0-9]/.test(key)) continue;
    out.push(finding(m.index, m.index + key.length, SCORE_PRODUCT_KEY, 'product-key', MS_PRODUCT_KEY.test(key) ? 'passed' : 'none'));
  }
}
