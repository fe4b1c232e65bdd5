/**
 * IDENTIFIER detector for GUIDs / UUIDs: 8-4-4-4-12 hex digits, any case, optionally in braces
 * (`{550E8400-E29B-41D4-A716-446655440000}`, the braces are part of the span). Any version and variant is
 * accepted — this only finds identifiers; the default policy decides to keep them. Score 0.9, so that in the
 * registry a UUID wins over shorter findings inside it (phone-like or card-like digit groups).
 *
 * Prefilter: nothing is done unless the text holds '-'. The scan is one global regex of fixed length with
 * one-group lookarounds, so it is linear. A candidate glued to a word, or part of a longer dash-joined chain
 * of hex groups (`0a-550e8400-…`, `…-446655440000-ff`), is not reported; `req-<uuid>` and `urn:uuid:<uuid>`
 * are.
 */

import type { Detector, Finding } from '../finding';

const SCORE = 0.9;
const H = '[0-9A-Fa-f]';
const BODY = `${H}{8}-${H}{4}-${H}{4}-${H}{4}-${H}{12}`;
const UUID = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}_]|(?<![\\p{L}\\p{N}\\p{M}_])${H}{1,12}-)(?:\\{${BODY}\\}|${BODY})(?![\\p{L}\\p{N}\\p{M}_]|-${H})`,
  'gu',
);

export const uuidDetector: Detector = {
  id: 'uuid',
  version: '1',
  types: ['IDENTIFIER'],
  detect(text) {
    if (!text.includes('-')) return [];
    const out: Finding[] = [];
    for (const m of text.matchAll(UUID)) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        type: 'IDENTIFIER',
        score: SCORE,
        detector: 'uuid',
        explanation: { pattern: m[0].charCodeAt(0) === 0x7b ? 'uuid-braced' : 'uuid', validation: 'none', context: [] },
      });
    }
    return out;
  },
};
