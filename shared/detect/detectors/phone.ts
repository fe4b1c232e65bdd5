/**
 * PHONE detector.
 *
 * A cheap linear scanner proposes "runs": digit groups joined by phone separators (one space, one of
 * - . / en-dash, parentheses), optionally opened by '+' or '('. Inside a run, candidate windows start and
 * end at space separators (or the run's ends), so "Ticket 12345 020 7946 0958" still yields the phone.
 * Cheap shape checks reject dates, IPv4 addresses, card-like digit runs, version numbers and oversized
 * digit counts; cheap plausibility checks (known country calling code, digit count of the fallback region's
 * national numbers) come next, and only the survivors are validated with libphonenumber-js (max metadata), which
 * is never run over the whole text. Validation results are cached across calls (bounded, per default region —
 * support exports repeat the same numbers), and validation calls are capped per call by a budget proportional
 * to the text length, so adversarial input cannot make the detector slow; candidates past the budget are
 * reported unvalidated (score 0.5) rather than dropped.
 * An extension right after the number (x123, ext. 123) is part of the finding.
 *
 * Tiers:
 *  - valid for `context.defaultRegion` (or international '+'/'00' form) — 0.9 (0.85 when written as one
 *    unseparated digit string);
 *  - not valid for the default region, but a separated national form starting with a trunk '0' that is
 *    valid in one of US, GB, DE, FR, ES, IN, AU, or a North-American (ddd) ddd-dddd shape valid in the
 *    US — 0.6 (the region is named in the pattern);
 *  - '+' or North-American shapes (also dialled as 001-ddd-ddd-dddd) that are merely *possible* (e.g. the
 *    fictional 555 numbers) — 0.5;
 *  - a whole run of 6–12 digits in groups (or one 7–12 digit string) that is valid nowhere we look, reported only
 *    when the context names it a phone: a phone word before it, or a line label after it ("9885 1152 office",
 *    "...-Fax"), and no identifier word directly before it — 0.5 plus the context bonus (pattern 'phone-shaped-with-context').
 * Validation runs against the whole window (`extract: false`), so libphonenumber never picks a number out
 * of a larger string by itself.
 * Phone words just before the number (phone, tel, mobile, cell, call, fax, ☎ ...) or a line label just after it
 * (office, fax, mobile, home, work ...) raise the score;
 * identifier words (order, invoice, ticket, #, ...) lower it. Both are recorded in `explanation.context`.
 *
 * The steps live under phone/: runs.ts scans runs, candidates.ts picks and shape-checks the windows in a run,
 * validation.ts (with evaluation.ts and validation-cache.ts) validates them, context.ts and context-scan.ts read
 * the words around them, findings.ts scores what is reported.
 */

import type { Detector, Finding } from '../finding';
import { processRun } from './phone/candidates';
import { isDigit, MIN_CONTEXT_DIGITS, scanRun, shortRunEnd } from './phone/runs';
import { digitProfile } from './text-scan';
import { createEvaluator } from './phone/validation';
import { resolveRegion } from './phone/validation-cache';

/** Finds the next digit (scan from lastIndex). */
const DIGIT = /[0-9]/g;

export const phoneDetector: Detector = {
  id: 'phone',
  version: '1',
  types: ['PHONE'],
  detect(text, ctx) {
    // No run holds fewer digits than MIN_CONTEXT_DIGITS. The profile is kept for the detectors after this one, and
    // the registry profiles every text anyway (credit-card does): skipping the texts with fewer digits is free there.
    if (digitProfile(text).digits < MIN_CONTEXT_DIGITS) return [];
    DIGIT.lastIndex = 0;
    if (!DIGIT.test(text)) return [];
    const firstDigit = DIGIT.lastIndex - 1;
    const evaluate = createEvaluator(resolveRegion(ctx.defaultRegion), text.length);

    const findings: Finding[] = [];
    const n = text.length;
    let i = firstDigit;
    while (i < n) {
      if (!isDigit(text.charCodeAt(i))) {
        DIGIT.lastIndex = i;
        if (!DIGIT.test(text)) break;
        i = DIGIT.lastIndex - 1;
      }
      // Most digit runs in free text (times, counts, short ids) are too short to be a phone: skip them without building a run.
      const stop = shortRunEnd(text, i);
      if (stop !== -1) {
        i = stop;
        continue;
      }
      const { run, next } = scanRun(text, i);
      i = next;
      processRun(text, run, evaluate, findings);
    }
    return findings;
  },
};
