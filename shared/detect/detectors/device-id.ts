/**
 * Device identifiers, reported as USERNAME (the canonical type for IMEIs and device serial numbers).
 * This detector handles IMEIs only (pattern 'imei').
 *
 * An IMEI is 15 digits — TAC (8), serial (6), Luhn check digit (1). Accepted shapes:
 *  - grouped 2-6-6-1 (`35-209900-176148-1`, `35 209900 176148 1`) or 8-6-1 (`35209900-176148-1`), one
 *    separator kind (space or '-') throughout;
 *  - compact `352099001761481`, only when an IMEI word (imei, imeis) is among the three words before it —
 *    without it a 15-digit Luhn-valid number is just as likely to be an order or account number.
 * The Luhn check must always pass. IMEISV (16 digits, no check digit) is not handled.
 *
 * Prefilter: nothing is done unless the text holds six consecutive ASCII digits. The scan is one global regex
 * of bounded length (no nested quantifiers) with one-character lookarounds, so it is linear; a candidate is
 * rejected when it is glued to a letter, a longer number (`1 352099001761481`, `…481.5`) or a '+'.
 *
 * Scores: grouped 0.9 (the 2-6-6-1 / 8-6-1 shape plus Luhn is distinctive, and 0.9 lets the whole IMEI win over
 * a phone number found inside it); an IMEI word just before it adds 0.05 (so 0.95, also for the compact form).
 */

import type { Detector, Finding } from '../finding';
import { luhnValid } from '../validators/national-id-checksums';
import { hasDigitRun } from './text-scan';

const BASE_SCORE = 0.9;
const IMEI_EFFECT = 0.05;
const CONTEXT_CHARS = 30;
const IMEI_WORDS = new Set(['imei', 'imeis']);

const IMEI =
  /(?<![\p{L}\p{N}\p{M}_+]|\p{N}[-.,/: \u00a0]|[\p{L}\p{N}_]-)(?:(\d{2})([ \u00a0-])(\d{6})\2(\d{6})\2(\d)|(\d{8})([ \u00a0-])(\d{6})\7(\d)|(\d{15}))(?![\p{L}\p{N}\p{M}_]|[-.,/: \u00a0]\p{N}|-[\p{L}_])/gu;

/** The last `max` words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const matches = [...text.slice(from, start).matchAll(/[\p{L}\p{M}]+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /[\p{L}\p{M}]/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

export const deviceIdDetector: Detector = {
  id: 'device-id',
  version: '1',
  types: ['USERNAME'],
  detect(text) {
    if (!hasDigitRun(text, 6)) return [];
    const out: Finding[] = [];
    for (const m of text.matchAll(IMEI)) {
      const compact = m[10] !== undefined;
      const digits = compact ? (m[10] ?? '') : m[6] !== undefined ? `${m[6]}${m[8] ?? ''}${m[9] ?? ''}` : `${m[1] ?? ''}${m[3] ?? ''}${m[4] ?? ''}${m[5] ?? ''}`;
      if (!luhnValid(digits)) continue;
      const start = m.index;
      const word = wordsBefore(text, start, 3).findLast((w) => IMEI_WORDS.has(w));
      if (compact && word === undefined) continue;
      const score = Math.round((BASE_SCORE + (word === undefined ? 0 : IMEI_EFFECT)) * 100) / 100;
      // For the compact form the word is what makes it a finding, so its effect is the whole score.
      const effect = compact ? score : IMEI_EFFECT;
      out.push({
        start,
        end: start + m[0].length,
        type: 'USERNAME',
        score,
        detector: 'device-id',
        explanation: { pattern: 'imei', validation: 'passed', context: word === undefined ? [] : [{ word, effect }] },
      });
    }
    return out;
  },
};
