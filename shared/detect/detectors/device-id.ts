/**
 * Device identifiers, reported as USERNAME (the canonical type for IMEIs and device serial numbers): IMEIs (pattern
 * 'imei') and vehicle identification numbers (pattern 'vin', below).
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
import { isValidVinCheckDigit, luhnValid } from '../validators/national-id-checksums';
import { digitProfile, hasDigitRun } from './text-scan';

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

/**
 * A vehicle identification number (ISO 3779): 17 capitals and digits without I, O and Q, ending in three digits,
 * with at least two letters and three digits. A vehicle is its owner's as surely as a phone is.
 *  - with a valid North American check digit (position 9, mod 11, 'X' for 10), 0.85 (validation 'passed');
 *  - after a VIN word (VIN, vehicle, chassis, Fahrgestellnummer, FIN, bastidor, véhicule, telaio …) among the four
 *    words before it, 0.95 with a valid check digit and 0.9 without (European VINs have none).
 * Anything else of this shape (an order number, a serial) is not reported. Prefilter: a run of 17 ASCII letters and
 * digits holding a digit (the shared digit profile).
 */
const VIN = /(?<![A-Za-z0-9_-])[A-HJ-NPR-Z0-9]{14}[0-9]{3}(?![A-Za-z0-9_-])/g;
const VIN_WORDS = new Set(['vin', 'vins', 'vehicle', 'chassis', 'fahrgestellnummer', 'fahrgestell', 'fahrzeug', 'fin', 'bastidor',
  'vehículo', 'vehiculo', 'véhicule', 'vehicule', 'châssis', 'telaio', 'veicolo']);
const VIN_SCORE_CHECKED = 0.85;
const VIN_SCORE_WORD = 0.9;
const VIN_SCORE_BOTH = 0.95;

function detectVins(text: string, out: Finding[]): void {
  VIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VIN.exec(text)) !== null) {
    const vin = m[0];
    let letters = 0;
    for (let i = 0; i < vin.length; i++) if (vin.charCodeAt(i) >= 0x41) letters++;
    if (letters < 2 || vin.length - letters < 3) continue;
    const checked = isValidVinCheckDigit(vin);
    const word = wordsBefore(text, m.index, 4).findLast((w) => VIN_WORDS.has(w));
    if (!checked && word === undefined) continue;
    const score = word === undefined ? VIN_SCORE_CHECKED : checked ? VIN_SCORE_BOTH : VIN_SCORE_WORD;
    out.push({
      start: m.index,
      end: m.index + vin.length,
      type: 'USERNAME',
      score,
      detector: 'device-id',
      explanation: {
        pattern: 'vin',
        validation: checked ? 'passed' : 'none',
        context: word === undefined ? [] : [{ word, effect: checked ? VIN_SCORE_BOTH - VIN_SCORE_CHECKED : VIN_SCORE_WORD }],
      },
    });
  }
}

export const deviceIdDetector: Detector = {
  id: 'device-id',
  version: '1',
  types: ['USERNAME'],
  detect(text) {
    const out: Finding[] = [];
    if (digitProfile(text).alnumRun >= 17) detectVins(text, out);
    if (!hasDigitRun(text, 6)) return out;
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
    if (out.length > 1) out.sort((a, b) => a.start - b.start);
    return out;
  },
};
