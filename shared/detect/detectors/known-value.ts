/** Finds values already known to be personal (learned from identity columns) again, wherever they occur. */
import type { Detector, Finding, KnownValueMatch } from '../finding';

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
    return joinCompounds(text, ctx.known.find(text).filter((m) => m.column !== own)).map(
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

/** One hyphen or apostrophe between two parts of the same known value ("oyelaran-kowalczyk", "o'brien"). */
const COMPOUND_JOINER = /^[-\u2010\u2011'\u2019]$/;

/** Parts of one known value written as a compound are one finding, not "[PERSON]-[PERSON]". */
function joinCompounds(text: string, matches: KnownValueMatch[]): KnownValueMatch[] {
  if (matches.length < 2) return matches;
  const out: KnownValueMatch[] = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1];
    if (prev && prev.type === m.type && prev.column === m.column && COMPOUND_JOINER.test(text.slice(prev.end, m.start))) {
      out[out.length - 1] = { ...prev, end: m.end, part: prev.part === 'whole' && m.part === 'whole' ? 'whole' : 'part' };
    } else {
      out.push(m);
    }
  }
  return out;
}
