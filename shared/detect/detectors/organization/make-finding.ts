/** The ORGANIZATION finding of tokens [a, b): its span (with a suffix's dot), its score and its explanation. */

import type { Finding } from '../../finding';
import { TOK_DOT_AFTER, type Tokens } from '../../gazetteer';

/** Suffixes written as abbreviations with a dot ("Ltd.", "Inc.", "Co."): the dot is part of the name. */
const DOTTED_ABBREVIATIONS = new Set(['ltd', 'inc', 'co', 'corp', 'bros', 'cie', 'pty', 'incorp']);

/** A score to two decimals, at most 0.95. */
export function round(x: number): number {
  return Math.round(Math.min(0.95, x) * 100) / 100;
}

export function make(tokens: Tokens, a: number, b: number, score: number, pattern: string, context: { word: string; effect: number }[]): Finding {
  const dot = tokens.bits[b - 1]! & TOK_DOT_AFTER && DOTTED_ABBREVIATIONS.has(tokens.key(b - 1)) ? 1 : 0;
  const dotted = tokens.end[b - 1]! - tokens.start[b - 1]! === 1 && tokens.bits[b - 1]! & TOK_DOT_AFTER ? 1 : 0;
  return {
    start: tokens.start[a]!,
    end: tokens.end[b - 1]! + Math.max(dot, dotted),
    type: 'ORGANIZATION',
    score: round(score),
    detector: 'organization',
    explanation: { pattern, validation: 'none', context },
  };
}
