/**
 * CONFIDENTIAL_NOTE passages in free text: a paragraph marked internal, confidential, vertraulich, private or
 * "do not share". The finding runs from the marker to the end of its paragraph (a blank line or the end of the
 * value). A marker must look like a label (at a line start, in brackets, or written in capitals) or be an explicit
 * instruction ("do not share"), so that "is my data confidential?" is not a marker. Whole columns of internal
 * notes are the column-value detector's job.
 */
import type { Detector, Finding } from '../finding';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';

const LABELS =
  'internal(?: notes?| only| use)?|confidential|strictly confidential|private notes?|staff only|agent only|' +
  'vertraulich|streng vertraulich|nur intern|interne? notiz|interne?|confidentiel|usage interne|note interne|' +
  'confidencial|uso interno|nota interna|privado';
/** A label at the start of a line, optionally bracketed, followed by ':' / '-' / ']' / end of line. */
const LINE_LABEL = new RegExp(`(?:^|\\n)[ \\t]*[\\[(*#]*[ \\t]*(?:${LABELS})[ \\t]*[\\])*]*[ \\t]*(?::|-|–|\\n|$)`, 'gi');
/** A bracketed label anywhere: "[internal]", "(confidential)". */
const BRACKET_LABEL = new RegExp(`[\\[(](?:${LABELS})[\\])]`, 'gi');
/** Capitals anywhere: CONFIDENTIAL, INTERNAL ONLY, VERTRAULICH. */
const CAPS_LABEL = /\b(?:CONFIDENTIAL|INTERNAL ONLY|INTERNAL USE ONLY|VERTRAULICH|NUR INTERN|CONFIDENTIEL|CONFIDENCIAL)\b/g;
/** Explicit instructions anywhere. */
const INSTRUCTION =
  /\b(?:do not (?:share|forward|disclose)|don't (?:share|forward)|not for (?:distribution|external use|the customer)|nicht weitergeben|nicht an den kunden|ne pas (?:diffuser|partager|transmettre)|no (?:compartir|divulgar|reenviar))\b/gi;

/** Every label and instruction above holds one of these words: texts without any are skipped. */
const HINT = defineKeywordHint('confidential-note', ['intern', 'confiden', 'vertraulich', 'private', 'privado', 'staff only', 'agent only', 'do not', "don't", 'not for', 'nicht weiter', 'nicht an den', 'ne pas', 'no compartir', 'no divulgar', 'no reenviar']);

export const confidentialNoteDetector: Detector = {
  id: 'confidential-note',
  version: '1',
  types: ['CONFIDENTIAL_NOTE'],
  detect(text) {
    if (!hasKeywordHint(text, HINT)) return [];
    const out: Finding[] = [];
    /** The passage from `start` to the end of its paragraph (a blank line, or the end of the value). */
    const add = (start: number, pattern: string, score: number) => {
      while (start < text.length && /\s/.test(text[start]!)) start++;
      const blank = text.slice(start).search(/\n[ \t]*\n/);
      const end = blank === -1 ? text.trimEnd().length : start + blank;
      if (end > start) out.push({ start, end, type: 'CONFIDENTIAL_NOTE', score, detector: 'confidential-note', explanation: { pattern, validation: 'none', context: [] } });
    };
    for (const m of text.matchAll(LINE_LABEL)) add(m.index, 'label', 0.9);
    for (const m of text.matchAll(BRACKET_LABEL)) add(m.index, 'bracketed-label', 0.9);
    for (const m of text.matchAll(CAPS_LABEL)) add(m.index, 'capitals', 0.85);
    // an instruction covers its whole line: "Please do not share: the customer's card was declined twice"
    for (const m of text.matchAll(INSTRUCTION)) add(text.lastIndexOf('\n', m.index) + 1, 'instruction', 0.85);
    return out;
  },
};
