/** SECRET: an AWS secret access key — 40 base64 characters with "aws" or "secret" shortly before them. */

import type { Finding } from '../../finding';
import { round2 } from '../../finding-builder';
import { keptDigitProfile } from '../text-scan';
import { defineKeywordHint, hasKeywordHint } from '../keyword-hints';
import { AWS_SECRET_BASE, SCORE_PREFIX, finding } from './scores';
import { isBase64, isDigit, isLower, isUpper } from './scan';

const AWS_CONTEXT = defineKeywordHint('aws-secret', ['aws', 'secret']);
const AWS_CONTEXT_CHARS = 80;

export function detectAwsSecret(text: string, out: Finding[]): void {
  // a key holds a digit (see below)
  if (keptDigitProfile(text)?.digits === 0 || !hasKeywordHint(text, AWS_CONTEXT)) return;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isBase64(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let upper = false;
    let lower = false;
    let digit = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isBase64(c)) break;
      if (isUpper(c)) upper = true;
      else if (isLower(c)) lower = true;
      else if (isDigit(c)) digit = true;
      i++;
    }
    if (i - s !== 40 || !upper || !lower || !digit) continue;
    const before = s > 0 ? text.charCodeAt(s - 1) : 0x20;
    const after = i < n ? text.charCodeAt(i) : 0x20;
    // Part of a longer identifier, a base64 value with padding, or a path segment.
    if (before === 0x5f || before === 0x2d || before === 0x2e || after === 0x5f || after === 0x2d || after === 0x3d) continue;
    const windowText = text.slice(Math.max(0, s - AWS_CONTEXT_CHARS), s);
    const ctx = /aws|secret/gi;
    let word: string | undefined;
    let m: RegExpExecArray | null;
    while ((m = ctx.exec(windowText)) !== null) word = m[0].toLowerCase();
    if (word === undefined) continue;
    out.push(
      finding(s, i, SCORE_PREFIX, 'aws-secret-access-key', 'none', [{ word, effect: round2(SCORE_PREFIX - AWS_SECRET_BASE) }]),
    );
  }
}
