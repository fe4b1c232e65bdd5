/**
 * Names that open a sentence, where a capital letter says nothing about them.
 *
 * `sentence-subject`: a name that opens a sentence and is followed by a verb ("Tebogo is from Durban", "Kotoya
 * shouted at ...", "michael is on leave"). At the start of a sentence a capital letter says nothing, so the word
 * must be outside the English vocabulary (SCOWL) and, lower-case, a known given name or surname; the verb after it
 * says it is the subject. Ordinary words ("Reading is ..."), well-known places ("Paris is ..."; a small town shares
 * many surnames: "Bramley is ..." counts) and the software vocabulary of
 * `common-words.ts` ("Okta is down", "Jira was slow") are not names here.
 *
 * The same holds for a capitalised word opening a clause ("stated that Trifonov was ...", "because Womble had ...").
 *
 * `paired-subject`: two capitalised words joined by "and" open a sentence before a plural verb ("Egede and Walker
 * were ...", "Mazzi and Bowman have ..."); each is a name or outside the vocabulary, and one is a known name or both
 * are unknown — 0.6.
 *
 * `vocative`: a capitalised word outside the vocabulary, alone before a comma and a request or question, addresses
 * someone ("Brianna, can you check the invoice?", "Mimount, thanks for ...").
 */

import {
  COMMON, COUNTRY, GAP_COMMA, GAP_NEWLINE, GAP_SENTENCE, GIVEN, MAJOR_CITY, NAME, PLACE, REGION, SHAPE_LOWER, SHAPE_TITLE, TOK_GLUED, joined, sentenceInitial,
  type Gazetteer, type Tokens,
} from '../../gazetteer';
import { looksLikeWord, type PersonSpan } from './token-tests';

const WELL_KNOWN_PLACE = COUNTRY | REGION | MAJOR_CITY;

/** Verbs (and adverbs before them) that follow a person as the subject of a sentence. */
export const SUBJECT_VERBS = new Set([
  'is', 'was', 'has', 'had', 'said', 'says', 'told', 'asked', 'asks', 'wrote', 'writes', 'called', 'calls', 'will',
  'would', 'can', 'could', 'should', 'did', 'does', 'knew', 'knows', 'thinks', 'thought', 'looks', 'looked', 'seems',
  'seemed', 'went', 'came', 'made', 'got', 'gets', 'wants', 'wanted', 'loves', 'loved', 'likes', 'liked', 'needs',
  'needed', 'sent', 'sends', 'shouted', 'spent', 'continues', 'continued', 'stated', 'works', 'worked', 'lives',
  'lived', 'left', 'joined', 'replied', 'mentioned', 'confirmed', 'reported', 'explained', 'noticed', 'tried', 'tries',
  'became', 'just', 'also', 'never', 'always', 'really', 'still', 'already',
]);

/** Words after "Name," that make it a form of address. */
export const VOCATIVE_NEXT = new Set([
  'can', 'could', 'would', 'will', 'please', 'pls', 'do', 'did', 'are', 'have', 'thanks', 'thank', 'i', "i'm", 'we',
  'you', 'just', 'sorry', 'hope', 'let', 'is', 'was', 'any', 'what', 'when', 'where', 'how', 'why',
]);

export function span(tokens: Tokens, t: number, score: number, pattern: string, word: string): PersonSpan {
  return {
    startToken: t,
    endToken: t + 1,
    finding: {
      start: tokens.start[t]!, end: tokens.end[t]!, type: 'PERSON', score, detector: 'person',
      explanation: { pattern, validation: 'none', context: [{ word, effect: Math.round((score - 0.5) * 100) / 100 }] },
    },
  };
}

/** Is token t a word at the start of a sentence that may be a name opening it ("Tebogo", "michael")? */
function openingWord(tokens: Tokens, t: number): boolean {
  const sh = tokens.shape[t];
  if ((sh !== SHAPE_TITLE && sh !== SHAPE_LOWER) || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 3) return false;
  return sentenceInitial(tokens, t);
}

/** Verbs that only people do, after which a given name that is also a word is a name. */
const HUMAN_VERBS = new Set([
  'said', 'says', 'told', 'asked', 'wrote', 'replied', 'shouted', 'spent', 'knew', 'thinks', 'thought', 'wants',
  'wanted', 'loves', 'loved', 'likes', 'liked', 'lives', 'lived', 'mentioned', 'explained', 'confirmed', 'noticed',
]);

const AGENT_NOUN = /(?:ator|izer|iser|ifier)$/;

/** Words that open a clause inside a sentence ("stated that Trifonov was ..."). */
const CLAUSE_OPENERS = new Set(['that', 'because', 'when', 'while', 'if', 'since', 'until', 'although', 'but', 'so']);

/** Does a clause open at token t (a capitalised word right after "that", "because", ...)? */
function clauseOpening(tokens: Tokens, t: number): boolean {
  if (t === 0 || tokens.shape[t] !== SHAPE_TITLE || tokens.bits[t]! & TOK_GLUED || !joined(tokens, t) || tokens.end[t]! - tokens.start[t]! < 3) return false;
  return tokens.shape[t - 1] === SHAPE_LOWER && CLAUSE_OPENERS.has(tokens.key(t - 1));
}

export function subjectAt(tokens: Tokens, g: Gazetteer, t: number): PersonSpan | null {
  if (!openingWord(tokens, t) && !clauseOpening(tokens, t)) return null;
  const sh = tokens.shape[t];
  const v = t + 1;
  if (v >= tokens.count || !joined(tokens, v) || tokens.shape[v] !== SHAPE_LOWER || !SUBJECT_VERBS.has(tokens.key(v))) return null;
  const f = tokens.flags(t);
  // (a well-known place is not a person here; GeoNames towns share many surnames: "Simpson is ...")
  if (f & WELL_KNOWN_PLACE && !(f & NAME)) return null;
  // Words of SCOWL or of the hand-made lists (German, French, Spanish, software: "Jira" is also a given name), unless
  // a known given name does what only people do ("Sue spent", "Mark replied", "Julio shouted").
  if (f & COMMON || tokens.englishWord(t)) {
    if (sh !== SHAPE_TITLE || !(f & GIVEN) || !HUMAN_VERBS.has(tokens.key(v))) return null;
    return span(tokens, t, 0.55, 'sentence-subject', tokens.key(v));
  }
  if (sh === SHAPE_LOWER && !(f & NAME)) return null;
  // (Agent nouns are products and tools more often than names: "Frobnicator is broken".)
  if (!(f & NAME) && (looksLikeWord(tokens, g, t) || AGENT_NOUN.test(tokens.key(t)))) return null;
  return span(tokens, t, sh === SHAPE_LOWER ? 0.5 : f & NAME ? 0.6 : 0.55, 'sentence-subject', tokens.key(v));
}

export function vocativeAt(tokens: Tokens, g: Gazetteer, t: number): PersonSpan | null {
  if (!openingWord(tokens, t) || tokens.shape[t] !== SHAPE_TITLE) return null;
  const v = t + 1;
  if (v >= tokens.count || (tokens.bits[v]! & (GAP_COMMA | GAP_NEWLINE | GAP_SENTENCE)) !== GAP_COMMA || !VOCATIVE_NEXT.has(tokens.key(v))) return null;
  const f = tokens.flags(t);
  if (f & (COMMON | PLACE) || tokens.englishWord(t) || looksLikeWord(tokens, g, t)) return null;
  return span(tokens, t, 0.55, 'vocative', ',');
}

/** Verbs after two people as the subject. */
const PLURAL_VERBS = new Set(['were', 'are', 'have', 'had', 'said', 'met', 'went', 'both', 'will', 'would', 'can', 'could', 'did', 'do', 'called', 'asked', 'agreed']);

/** Is token t a word that may be one of two names in a paired subject? 1 a known name, 2 unknown, 0 neither. */
function pairedWord(tokens: Tokens, t: number): number {
  if (tokens.shape[t] !== SHAPE_TITLE || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 3) return 0;
  const f = tokens.flags(t);
  if (f & NAME) return 1;
  if (f & (COMMON | PLACE) || tokens.englishWord(t)) return 0;
  return 2;
}

export function pairedSubjectAt(tokens: Tokens, t: number): PersonSpan[] | null {
  if (t + 3 >= tokens.count || !sentenceInitial(tokens, t)) return null;
  if (!joined(tokens, t + 1) || tokens.key(t + 1) !== 'and' || !joined(tokens, t + 2) || !joined(tokens, t + 3)) return null;
  if (tokens.shape[t + 3] !== SHAPE_LOWER || !PLURAL_VERBS.has(tokens.key(t + 3))) return null;
  const a = pairedWord(tokens, t);
  const b = pairedWord(tokens, t + 2);
  if (a === 0 || b === 0) return null;
  const verb = tokens.key(t + 3);
  return [span(tokens, t, 0.6, 'paired-subject', verb), span(tokens, t + 2, 0.6, 'paired-subject', verb)];
}
