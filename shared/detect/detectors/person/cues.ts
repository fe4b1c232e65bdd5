/** Cues before a name: honorifics, naming phrases, greetings and sign-off lines. */

import {
  CUE_GREETING, CUE_HONORIFIC, CUE_PHRASE_END, CUE_SIGNOFF, CUE_SIGNOFF_FILLER, GAP_COMMA, GAP_DOT, GAP_NEWLINE,
  GAP_SENTENCE, NAME, PLACE, SHAPE_LOWER, SHAPE_UPPER, TOK_DOT_AFTER, sentenceInitial, type Tokens,
} from '../../gazetteer';
import { NAME_LABELS, PHRASES_BY_LAST, TITLES, WEAK_HONORIFICS, type Phrase } from './cue-words';
import { isNameShape, isWord } from './token-tests';
import { isGermanText } from './text-language';

/** Does a known phrase end at token `last`? Returns it (longest first) or null. */
function phraseEndingAt(tokens: Tokens, last: number): Phrase | null {
  if (last < 0 || !isWord(tokens, last)) return null;
  const k = tokens.key(last);
  const candidates = PHRASES_BY_LAST.get(k);
  if (candidates === undefined) return null;
  let best: Phrase | null = null;
  for (const p of candidates) {
    const n = p.words.length;
    if (p.words[n - 1] !== k || last - n + 1 < 0) continue;
    let ok = true;
    for (let i = 0; i < n - 1; i++) {
      const t = last - n + 1 + i;
      if (!isWord(tokens, t) || tokens.key(t) !== p.words[i] || (i > 0 && (tokens.bits[t]! & GAP_NEWLINE) !== 0)) {
        ok = false;
        break;
      }
    }
    if (ok && (best === null || n > best.words.length)) best = p;
  }
  // "im" is an English "I'm" only outside German text ("im Büro von Frau Schneider" is "in the office of")
  if (best !== null && best.words.length === 1 && k === 'im' && isGermanText(tokens)) return null;
  return best;
}

/**
 * Is the line holding token `last` (ending at it) a sign-off ("Best regards,", "Mit freundlichen Grüßen")? The
 * sign-off may also start a sentence on a line with text before it ("please escalate. Best regards,\nLi Smith"),
 * as tickets flattened from e-mails often have it.
 */
function signOffLineEndingAt(tokens: Tokens, last: number): boolean {
  if (last < 0 || !isWord(tokens, last) || !(tokens.flags(last) & CUE_SIGNOFF)) return false;
  let t = last;
  for (let n = 0; n < 6; n++) {
    if (tokens.bits[t]! & (GAP_NEWLINE | GAP_SENTENCE) || t === 0) return true;
    t--;
    if (!isWord(tokens, t) || !(tokens.flags(t) & (CUE_SIGNOFF | CUE_SIGNOFF_FILLER))) return false;
  }
  return false;
}

export interface Cue {
  readonly kind: 'honorific' | 'phrase' | 'label' | 'greeting' | 'sign-off';
  readonly strength: 'naming' | 'strong' | 'medium';
  /** First token of the cue (the span starts there for honorifics). */
  readonly from: number;
  readonly word: string;
}

/** The cue directly before token t, if any. */
/**
 * Is token p a form label before token t: only a colon (and spaces) between them, and the label capitalised or at
 * the start of a line or sentence ("Name: ...", "... 09:13:24 Name: ...")?
 */
function labelBefore(tokens: Tokens, p: number, t: number): boolean {
  const text = tokens.text;
  if (text.charCodeAt(tokens.end[p]!) !== 0x3a) return false;
  for (let i = tokens.end[p]! + 1; i < tokens.start[t]!; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return tokens.shape[p] !== SHAPE_LOWER || sentenceInitial(tokens, p);
}

export function cueBefore(tokens: Tokens, t: number): Cue | null {
  const p = t - 1;
  if (p < 0 || !isWord(tokens, p)) return null;
  const gapBits = tokens.bits[t]!;
  const sameLine = (gapBits & GAP_NEWLINE) === 0;
  const fp = tokens.flags(p);
  if (!(fp & (CUE_HONORIFIC | CUE_PHRASE_END | CUE_GREETING | CUE_SIGNOFF | CUE_SIGNOFF_FILLER))) return null;
  // (The key of the cue word is a string: built only where a branch needs it.)
  if (sameLine && fp & CUE_HONORIFIC) {
    const k = tokens.key(p);
    // "Mr Smith", "Mr. Smith"; a sentence end between them does not count (except the abbreviation dot).
    const b = gapBits & ~GAP_DOT;
    const dotOnly = (b & (GAP_COMMA | GAP_SENTENCE)) === 0 || ((gapBits & GAP_DOT) !== 0 && (tokens.bits[p]! & TOK_DOT_AFTER) !== 0 && (b & GAP_COMMA) === 0);
    // a title ("Agent", "General") is followed by a name, not by an ordinary word ("Agent Portal", "General Electric");
    // so is an honorific in capitals, which is often an acronym ("MS Teams", "DR site", "HR Manager")
    const title = TITLES.has(k);
    const capitals = !title && tokens.shape[p] === SHAPE_UPPER;
    const ft = title || capitals ? tokens.flags(t) : 0;
    const nameAfterTitle = !(title || capitals) || !tokens.knownWord(t) || ((ft & NAME) !== 0 && (capitals || (ft & PLACE) === 0));
    if (dotOnly && (!WEAK_HONORIFICS.has(k) || isNameShape(tokens, t)) && nameAfterTitle) {
      return { kind: 'honorific', strength: 'strong', from: p, word: tokens.word(p) };
    }
  }
  if (sameLine && fp & CUE_PHRASE_END && gapBits & GAP_SENTENCE && NAME_LABELS.has(tokens.key(p)) && labelBefore(tokens, p, t)) {
    // "Name: Crystal Grant", "Customer: heather pustivšek", "Ansprechpartner: Jonas Weber"
    return { kind: 'label', strength: 'naming', from: p, word: `${tokens.word(p)}:` };
  }
  if (sameLine && (gapBits & GAP_SENTENCE) === 0) {
    const phrase = fp & CUE_PHRASE_END ? phraseEndingAt(tokens, p) : null;
    if (phrase !== null) return { kind: 'phrase', strength: phrase.strength, from: p - phrase.words.length + 1, word: phrase.text };
    if (fp & CUE_GREETING) {
      // "Hi Anna", "Thanks Anna", "Good morning Anna", "Dear Anna"; "Thank you Anna".
      return { kind: 'greeting', strength: 'medium', from: p, word: tokens.word(p) };
    }
    if (tokens.key(p) === 'you' && p > 0 && tokens.key(p - 1) === 'thank') return { kind: 'greeting', strength: 'medium', from: p - 1, word: 'thank you' };
  }
  // "Regards,\nAnna" or "Regards, Anna": sign-off line (or phrase) right before.
  if (fp & CUE_SIGNOFF) {
    if (signOffLineEndingAt(tokens, p)) return { kind: 'sign-off', strength: 'medium', from: p, word: tokens.word(p) };
  }
  return null;
}

