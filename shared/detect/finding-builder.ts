/** Building findings the same way in every detector: scores rounded to two decimals, explanation filled in. */
import type { EntityType, Explanation, Finding } from './finding';

export type ContextEntry = Explanation['context'][number];

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A `finding(start, end, score, pattern, validation?, context?)` function for one detector and type. */
export function findingBuilder(detector: string, type: EntityType, defaultValidation: Explanation['validation']) {
  return (
    start: number,
    end: number,
    score: number,
    pattern: string,
    validation: Explanation['validation'] = defaultValidation,
    context: readonly ContextEntry[] = [],
  ): Finding => ({ start, end, type, score: round2(score), detector, explanation: { pattern, validation, context } });
}
