/** PHONE findings: the chosen window, its extension, and the tier's score, pattern and validation. */

import type { Finding } from '../../finding';
import { extensionEnd } from './context-scan';
import { scoreWithContext } from './context';
import type { Evaluation } from './evaluation';

const SCORE_VALID = 0.9;
const SCORE_VALID_UNFORMATTED = 0.85;
const SCORE_OTHER_REGION = 0.6;
const SCORE_POSSIBLE = 0.5;

export interface Choice {
  readonly b: number;
  readonly end: number;
  readonly ev: Evaluation;
  readonly groupCount: number;
  readonly hasParens: boolean;
}

/** The end of a chosen window, extended over an extension (x123, ext. 123) when the window ends the run. */
export function withExtension(text: string, chosen: Choice, groupCount: number): number {
  if (chosen.b !== groupCount - 1) return chosen.end;
  const e = extensionEnd(text, chosen.end);
  return e === -1 ? chosen.end : e;
}

export function buildFinding(
  text: string,
  start: number,
  end: number,
  plus: boolean,
  ev: Evaluation,
  groupCount: number,
  hasParens: boolean,
): Finding {
  const idd = ev.viaAccessCode === true;
  let base: number;
  let pattern: string;
  let validation: 'passed' | 'failed' | 'none';
  let strong: boolean;
  if (ev.tier === 'valid') {
    const formatted = plus || idd || groupCount > 1 || hasParens;
    base = formatted ? SCORE_VALID : SCORE_VALID_UNFORMATTED;
    pattern = plus || idd ? 'international' : formatted ? 'national' : 'national-unformatted';
    validation = 'passed';
    strong = true;
  } else if (ev.tier === 'valid-other-region') {
    base = SCORE_OTHER_REGION;
    pattern = `national-other-region:${ev.region ?? ''}`;
    validation = 'passed';
    strong = false;
  } else {
    base = SCORE_POSSIBLE;
    pattern = ev.unvalidated
      ? 'unvalidated-over-budget'
      : ev.byContext
        ? 'phone-shaped-with-context'
        : plus
          ? 'international-possible'
          : 'nanp-possible';
    validation = ev.unvalidated ? 'none' : 'failed';
    strong = false;
  }
  const { score, context } = scoreWithContext(text, start, end, base, strong);
  return {
    start,
    end,
    type: 'PHONE',
    score,
    detector: 'phone',
    explanation: { pattern, validation, context },
  };
}
