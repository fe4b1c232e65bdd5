/**
 * `unknown-after-preposition`: "the clubs in Annerstad", "a farm near KAUFMANNBERG". After an English place
 * preposition, in an English sentence (the word before the preposition is an English word), a capitalised word that
 * no list knows, that is outside the English vocabulary (SCOWL) and the software vocabulary ("in Jira", "in
 * Outlook"), is a place. Weak evidence (0.55). German, French and Spanish prepositions are left out: their nouns
 * are capitalised or unknown to the lists ("in Zukunft").
 *
 * `place-label`: a form label at the start of a line or sentence ("Location: Limont", "Where: St Hyacinthe Country
 * Club", "Ort: Kleinwalsertal") followed by capitalised words that are no known person — 0.6.
 */

import type { Finding } from '../../finding';
import {
  CUE_PREP_STRONG, GAP_NEWLINE, NAME, PLACE, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER, TOK_CONTEXT, TOK_GLUED, colonBetween, joined, sentenceInitial, type Gazetteer, type Tokens,
} from '../../gazetteer';
import { PRODUCT_NOUNS } from '../person/cue-words';
import { looksLikeWord } from '../person/token-tests';

/** A LOCATION finding over tokens [t, e) with one context word. */
export function placeFinding(tokens: Tokens, t: number, e: number, score: number, pattern: string, word: string): Finding {
  return {
    start: tokens.start[t]!,
    end: tokens.end[e - 1]!,
    type: 'LOCATION',
    score,
    detector: 'location',
    explanation: { pattern, validation: 'none', context: [{ word, effect: Math.round((score - 0.5) * 100) / 100 }] },
  };
}

const ENGLISH_PLACE_PREPS = new Set(['in', 'near', 'around', 'outside', 'across', 'throughout', 'towards', 'toward']);

export function unknownAfterPreposition(tokens: Tokens, g: Gazetteer, t: number): Finding | null {
  const p = t - 1;
  // (The prepositions are watched as CUE_PREP_STRONG in the small context filter: two bit tests before a string.)
  if (p < 1 || !(tokens.bits[p]! & TOK_CONTEXT) || !joined(tokens, t) || !(tokens.flags(p) & CUE_PREP_STRONG)) return null;
  if (!ENGLISH_PLACE_PREPS.has(tokens.key(p))) return null;
  if (tokens.shape[p - 1] === undefined || !tokens.englishWord(p - 1) || !joined(tokens, p)) return null;
  const sh = tokens.shape[t];
  if ((sh !== SHAPE_TITLE && sh !== SHAPE_UPPER) || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 4) return null;
  if (tokens.flags(t) !== 0 || tokens.knownWord(t) || looksLikeWord(tokens, g, t)) return null;
  // One word only: "in Zorbix Cloud", "in Frobnik app" are products; a capitalised word after it makes a name.
  const n = t + 1;
  if (n < tokens.count && joined(tokens, n)) {
    if (tokens.shape[n] !== SHAPE_LOWER || PRODUCT_NOUNS.has(tokens.key(n))) return null;
  }
  return placeFinding(tokens, t, t + 1, 0.55, 'unknown-after-preposition', tokens.key(p));
}

/** Labels of a place in forms and templates (English, German, French, Spanish). */
const PLACE_LABELS = new Set(['where', 'location', 'city', 'town', 'place', 'venue', 'ort', 'standort', 'wohnort', 'stadt', 'lieu', 'ville', 'ciudad', 'lugar', 'ubicación']);

export function afterPlaceLabel(tokens: Tokens, t: number): Finding | null {
  const p = t - 1;
  if (p < 0 || tokens.bits[t]! & GAP_NEWLINE || tokens.text.charCodeAt(tokens.end[p]!) !== 0x3a) return null;
  // A label: capitalised, or at the start of a line or sentence; only a colon (and spaces) before the value.
  if (!PLACE_LABELS.has(tokens.key(p)) || (tokens.shape[p] === SHAPE_LOWER && !sentenceInitial(tokens, p))) return null;
  if (!colonBetween(tokens, t)) return null;
  let e = t;
  while (e < tokens.count && e - t < 5 && (e === t || joined(tokens, e)) && !(tokens.bits[e]! & TOK_GLUED)) {
    const sh = tokens.shape[e];
    if (sh !== SHAPE_TITLE && sh !== SHAPE_UPPER) break;
    e++;
  }
  if (e === t || tokens.flags(t) & NAME) return null;
  // Ordinary words only ("Location: Building 4") are no place name.
  let named = false;
  for (let i = t; i < e && !named; i++) named = (tokens.flags(i) & PLACE) !== 0 || !tokens.knownWord(i);
  if (!named) return null;
  return placeFinding(tokens, t, e, 0.6, 'place-label', tokens.key(p));
}
