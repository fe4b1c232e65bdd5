/** Finds values already known to be personal (learned from identity columns) again, wherever they occur. */
import type { Detector, Finding } from '../finding';

const SCORE_WHOLE = 0.9;
const SCORE_PART = 0.7;

export const knownValueDetector: Detector = {
  id: 'known-value',
  version: '1',
  types: ['PERSON', 'EMAIL', 'PHONE', 'USERNAME', 'ORGANIZATION', 'LOCATION'],
  detect(text, ctx) {
    if (!ctx.known) return [];
    // in the column a value was learned from, the column's own classification explains it better
    const own = ctx.column?.field;
    return ctx.known.find(text).filter((m) => m.column !== own).map(
      (m): Finding => ({
        start: m.start,
        end: m.end,
        type: m.type,
        score: m.part === 'whole' ? SCORE_WHOLE : SCORE_PART,
        detector: 'known-value',
        explanation: {
          pattern: `known value from column ${m.column}${m.part === 'part' ? ' (part)' : ''}`,
          validation: 'none',
          context: [],
        },
      }),
    );
  },
};
