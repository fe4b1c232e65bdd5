/**
 * PERSON detector: names of people in free text, from gazetteers (given names, surnames) and context cues.
 *
 * The value is tokenised once (shared with the LOCATION and ORGANIZATION detectors). Runs of capitalised tokens
 * (with particles such as "van der", "de la" and initials such as "F." inside) are cut at the first common word and
 * scored by their evidence (the pattern name is in `explanation.pattern`, evidence words in `explanation.context`):
 *  - `honorific` before the run (Mr, Mrs, Dr, Frau, Herr, Monsieur, Mme, Señor, Sra ...) — 0.88–0.93; the honorific
 *    is part of the span, and the next word counts even if it is unknown, lower-case or a common word ("Dr. Fields");
 *  - `phrase`: a naming phrase ("my name is", "ich bin", "mein Name ist", "je m'appelle", "me llamo") — 0.85, any
 *    plausible word counts; other phrases ("spoke with", "assigned to", "I am", "this is") — 0.75–0.85;
 *  - `greeting` on the same line (Hi, Hello, Dear, Hallo, Liebe, Bonjour, Hola, Thanks ...) or `sign-off` line before
 *    it (Best regards, Cheers, Mit freundlichen Grüßen, VG, Cordialement, Saludos ...) — 0.78–0.83;
 *  - `gazetteer-full-name`: two or more capitalised words, one a known given name or surname — 0.85–0.9;
 *    `gazetteer-first-name` alone — 0.7 (0.6 at the start of a sentence, where capitals say little);
 *    `gazetteer-surname` alone — 0.6 (0.5); lower-case only for a known given name (0.5, with a surname 0.6–0.7);
 *  - `reporting-verb` after it ("Kovalev said"), `speaker-label` at a line start ("Kalman: ..."), and
 *    `coordinated-name` ("Kovalev, Lee and Phillips": listed with a found name) — 0.5–0.75;
 *  - `proper-noun`: a capitalised word in mid-sentence that no list knows, not in a headline, not after a
 *    determiner, not before a product noun ("Teams app") and without an ordinary-word ending — 0.5, the weakest rule
 *    (a profile with minScore above 0.5 drops it).
 * A name that is also a common word (Will, Mark, Grace, May, Bill) is *ambiguous*: alone it needs a cue.
 * ALL-CAPS words count only as known names or next to a cue. Runs followed by a street word ("Halsey Road"), a
 * legal-form suffix ("Smith Ltd") or an organisation noun ("Clinton Foundation") are left to the other detectors.
 */

import type { Detector, Finding } from '../finding';
import {
  AMBIGUOUS, COMMON, COUNTRY, CUE_ADDRESS, CUE_CONJUNCTION, CUE_GREETING, CUE_HONORIFIC, CUE_LEGAL_SUFFIX,
  CUE_NAME_SUFFIX, CUE_ORG_HEAD, CUE_ORG_PREP, CUE_PARTICLE, CUE_PHRASE_END, CUE_PREP_STRONG, CUE_REPORTING,
  CUE_SIGNOFF, CUE_SIGNOFF_FILLER, CUE_STREET, GAP_AMP, GAP_COMMA, GAP_DOT, GAP_NEWLINE, GAP_SENTENCE, GAP_START, GIVEN,
  MAJOR_CITY, NAME, PLACE, REGION, SHAPE_LOWER, SHAPE_OTHER, SHAPE_TITLE, SHAPE_UPPER, SURNAME, TOK_DOT_AFTER,
  TOK_GLUED, TOK_INNER, TOK_LISTED, joined, sentenceInitial, tokenize, type Gazetteer, type Tokens,
} from '../gazetteer';

type Ctx = { word: string; effect: number };

export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'mister', 'frau', 'herr', 'herrn', 'hr',
  'fr', 'monsieur', 'madame', 'mme', 'mlle', 'mademoiselle', 'señor', 'senor', 'señora', 'senora', 'señorita', 'sr',
  'sra', 'srta', 'doña', 'signor', 'signora', 'sig', 'dott', 'ing', 'mag',
]);
/** Honorifics that are also ordinary words or names: only followed by a capitalised word. */
const WEAK_HONORIFICS = new Set(['miss', 'sir', 'dame', 'fr', 'hr', 'ing', 'mag', 'sig', 'professor']);

/** Name particles allowed inside (or, before a capitalised surname, at the start of) a name. */
export const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'degli', 'di', 'da', 'das', 'dos', 'du', 'des', 'la', 'le', 'ter',
  'ten', 'zu', 'vom', 'zur', 'bin', 'ibn', 'al', 'el', 'af', 'av', 'mac', 'st', 'y', 'e',
]);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'phd', 'md', 'ii', 'iii', 'iv', 'esq']);

const GREETINGS = new Set([
  'hi', 'hello', 'hey', 'dear', 'hallo', 'liebe', 'lieber', 'liebes', 'servus', 'moin', 'bonjour', 'bonsoir', 'salut',
  'hola', 'ciao', 'morning', 'afternoon', 'evening', 'thanks', 'thank', 'thx', 'danke', 'merci', 'gracias', 'cheers',
  'greetings', 'hiya', 'howdy', 'bye', 'goodbye', 'welcome', 'estimado', 'estimada', 'querido', 'querida', 'cher', 'chère', 'yo',
]);
/** Words that end a sign-off line. */
const SIGNOFF_WORDS = new Set([
  'regards', 'rgds', 'thanks', 'thank', 'cheers', 'best', 'sincerely', 'faithfully', 'truly', 'yours', 'wishes', 'br',
  'bw', 'kr', 'grüßen', 'grüssen', 'grüße', 'grüsse', 'gruß', 'gruss', 'mfg', 'vg', 'lg', 'cordialement',
  'salutations', 'saludos', 'atentamente', 'saludo', 'abrazo', 'cordiales', 'merci', 'danke', 'gracias', 'thx', 'ty',
  'love', 'xoxo', 'respectfully', 'warmly', 'tschüss', 'ciao',
]);
/** Other words that may appear on a sign-off line. */
const SIGNOFF_FILLER = new Set([
  'kind', 'warm', 'warmest', 'best', 'many', 'again', 'you', 'very', 'much', 'all', 'the', 'with', 'and', 'a', 'lot',
  'mit', 'freundlichen', 'freundliche', 'viele', 'beste', 'liebe', 'herzliche', 'herzlichen', 'schöne', 'bien', 'à',
  'vous', 'bonne', 'journée', 'un', 'muchas', 'cordial', 'kindest', 'in', 'advance', 'your', 'help', 'for',
]);

interface Phrase {
  readonly words: readonly string[];
  /**
   * 'naming': any plausible word counts, even unknown and lower-case; 'strong': an unknown capitalised word counts,
   * a lower-case one only if it is a known name; 'medium': like strong, but a lone unknown word does not count.
   */
  readonly strength: 'naming' | 'strong' | 'medium';
}
/** Phrases that name someone: after them even an unknown lower-case word counts. */
const NAMING_PHRASES: readonly (readonly string[])[] = [
  ['my', 'name', 'is'], ['my', 'name', "'s"], ['name', 'is'], ['call', 'me'], ['named'], ['ich', 'bin'],
  ['mein', 'name', 'ist'], ['name', 'ist'], ['ich', 'heiße'], ['ich', 'heisse'], ['je', "m'appelle"], ['moi', "c'est"],
  ['me', 'llamo'], ['mi', 'nombre', 'es'], ['name', 'on', 'the', 'account', 'is'],
];
/** Phrases before a person: an unknown capitalised word counts, a lower-case one only if it is a known name. */
const STRONG_PHRASES: readonly (readonly string[])[] = [
  ['spoke', 'with'], ['spoke', 'to'], ['speak', 'to'], ['speak', 'with'], ['speaking', 'with'], ['speaking', 'to'],
  ['talked', 'to'], ['talked', 'with'], ['talking', 'to'], ['talk', 'to'], ['ask', 'for'], ['asked', 'for'],
  ['assigned', 'to'], ['reported', 'by'], ['signed', 'by'], ['contact', 'person'], ['habló', 'con'], ['hablé', 'con'],
  ['gesprochen', 'mit'], ['follow', 'up', 'with'], ['name'], ['account', 'holder'], ['says'], ['said'], ['starring'],
  ['featuring'], ['feat'], ['directed', 'by'], ['written', 'by'], ['produced', 'by'], ['sagt'], ['sagte'], ['dit'],
  ['dijo'],
];
/** Weaker phrases: an unknown word after them must be capitalised, and alone it must be a known name. */
const MEDIUM_PHRASES: readonly (readonly string[])[] = [
  ['i', 'am'], ["i'm"], ['im'], ['this', 'is'], ['it', 'is'], ["it's"], ['called'], ['cc'], ['colleague'], ['manager'],
  ['husband'], ['wife'], ['son'], ['daughter'], ['customer'], ['kollege'], ['kollegin'], ['je', 'suis'], ['soy'],
];
const PHRASES: readonly Phrase[] = [
  ...NAMING_PHRASES.map((words) => ({ words, strength: 'naming' as const })),
  ...STRONG_PHRASES.map((words) => ({ words, strength: 'strong' as const })),
  ...MEDIUM_PHRASES.map((words) => ({ words, strength: 'medium' as const })),
];
const PHRASE_LAST = new Set(PHRASES.map((p) => p.words[p.words.length - 1]!));
const PHRASES_BY_LAST = new Map<string, Phrase[]>();
for (const p of PHRASES) {
  const last = p.words[p.words.length - 1]!;
  const list = PHRASES_BY_LAST.get(last) ?? [];
  list.push(p);
  PHRASES_BY_LAST.set(last, list);
}

const REPORTING_VERBS = new Set([
  'said', 'says', 'wrote', 'writes', 'asked', 'asks', 'replied', 'replies', 'told', 'called', 'mentioned', 'explained',
  'confirmed', 'reported', 'sagte', 'sagt', 'schrieb', 'schreibt', 'meinte', 'fragte', 'dijo', 'escribió',
]);

/** Words after a capitalised run that make it a street, not a person ("Halsey Road"). */
export const STREET_WORDS = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'way', 'court',
  'ct', 'place', 'pl', 'square', 'sq', 'terrace', 'close', 'crescent', 'parkway', 'pkwy', 'highway', 'hwy', 'circle',
  'trail', 'row', 'walk', 'gardens', 'grove', 'hill', 'park', 'straße', 'strasse', 'str', 'weg', 'platz', 'allee',
  'gasse', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'pfad', 'laan', 'straat', 'gracht', 'plein', 'vej', 'gatan',
  'gata', 'gade', 'veien', 'utca', 'ulica', 'ul', 'rue', 'calle', 'via', 'viale', 'piazza', 'avenida', 'rua', 'plaza',
]);
/** Nouns that end an organisation's name ("Innovest Systems", "Castle Biosciences"). */
export const ORG_HEAD_NOUNS = new Set([
  'systems', 'technologies', 'technology', 'solutions', 'software', 'labs', 'laboratories', 'consulting', 'consultants',
  'services', 'industries', 'enterprises', 'ventures', 'bank', 'insurance', 'foundation', 'institute', 'university',
  'college', 'hospital', 'clinic', 'airlines', 'airways', 'motors', 'networks', 'media', 'pharmaceuticals', 'pharma',
  'bioscience', 'biosciences', 'biotech', 'capital', 'studios', 'studio', 'games', 'analytics', 'logistics', 'foods',
  'energy', 'telecom', 'communications', 'electronics', 'dynamics', 'robotics', 'therapeutics', 'diagnostics',
  'healthcare', 'health', 'interactive', 'digital', 'data', 'insights', 'research', 'trust', 'bancorp', 'brands',
  'retail', 'stores', 'markets', 'restaurants', 'hotels', 'resorts', 'realty', 'properties', 'construction',
  'engineering', 'manufacturing', 'automotive', 'aerospace', 'chemicals', 'materials', 'petroleum', 'mining',
  'shipping', 'transport', 'movers', 'agency', 'council', 'association', 'society', 'federation', 'union',
  'gesellschaft', 'verein', 'stiftung', 'versicherung', 'bankhaus', 'werke', 'universität', 'hochschule', 'klinikum',
  'université', 'universidad', 'banque', 'banco', 'société', 'sociedad',
]);

/** Legal-form suffixes (lower-case, without dots) that make a run an organisation. */
export const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'se', 'sa', 'sas',
  'sarl', 'sl', 'bv', 'nv', 'pty', 'co', 'corp', 'corporation', 'company', 'group', 'holdings', 'holding', 'gruppe',
  'spa', 'srl', 'ab', 'oy', 'kft', 'sro', 'as', 'asa', 'aps', 'gbr', 'ev', 'eg', 'kgaa', 'lda', 'cie', 'sons', 'partners',
  'partner', 'associates', 'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros',
]);

/** Short or word-like suffixes that must be capitalised to count ("Co", "AS", "SE", "Group"). */
const SUFFIX_NEEDS_CAPS = new Set(['co', 'as', 'se', 'sa', 'ag', 'kg', 'eg', 'ev', 'ab', 'oy', 'sl', 'lp', 'ug', 'nv', 'bv',
  'group', 'company', 'holding', 'holdings', 'gruppe', 'sons', 'partners', 'partner', 'associates', 'cie', 'spa', 'lda', 'pty',
  'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros']);

/** Is token t a legal-form suffix (in the right case)? */
export function isLegalSuffix(tokens: Tokens, t: number): boolean {
  if (t >= tokens.count || tokens.shape[t] === SHAPE_OTHER) return false;
  if (!(tokens.flags(t) & CUE_LEGAL_SUFFIX)) return false;
  return tokens.shape[t] !== SHAPE_LOWER || !SUFFIX_NEEDS_CAPS.has(tokens.key(t));
}

const MAX_RUN = 6;

/** Words after a capitalised word that make it a product or feature, not a name ("Teams app", "Pro plan"). */
const PRODUCT_NOUNS = new Set([
  'app', 'apps', 'plan', 'plans', 'account', 'version', 'settings', 'button', 'page', 'tab', 'menu', 'feature', 'module',
  'server', 'api', 'integration', 'plugin', 'extension', 'update', 'license', 'licence', 'subscription', 'dashboard',
  'portal', 'login', 'tool', 'file', 'files', 'report', 'reports', 'card', 'browser', 'client', 'device', 'window',
  'screen', 'icon', 'link', 'site', 'website', 'store', 'platform', 'cloud', 'suite', 'edition', 'tier', 'option',
  'field', 'folder', 'workspace', 'channel', 'widget', 'template', 'integration', 'connector', 'sdk', 'cli', 'key',
]);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'their', 'its', 'every', 'any', 'some', 'no',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'le', 'la', 'les', 'un', 'une',
  'el', 'los', 'las', 'una',
]);

/**
 * An unknown proper noun at token t: a capitalised word in mid-sentence that no list knows, is not a common word,
 * and is not in a headline (capitalised common words next to it) or after a determiner, nor followed by a product
 * noun. Returns the end of the run (up to three such words), or t if there is none. Weak evidence: callers score 0.5.
 */
export function properNounAt(tokens: Tokens, g: Gazetteer, t: number): number {
  if (tokens.shape[t] !== SHAPE_TITLE || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 3) return t;
  if (sentenceInitial(tokens, t) || tokens.flags(t) !== 0) return t;
  if (looksLikeWord(tokens, g, t)) return t;
  const p = t - 1;
  if (isWord(tokens, p) && !(tokens.bits[t]! & GAP_NEWLINE)) {
    const fp = tokens.flags(p);
    if (tokens.shape[p] !== SHAPE_LOWER && fp & COMMON) return t; // headline case: "Cautionary Tales"
    if (tokens.shape[p] === SHAPE_UPPER) return t;
    if (DETERMINERS.has(tokens.key(p))) return t;
  }
  let e = t + 1;
  while (e < tokens.count && e - t < 3 && joined(tokens, e) && tokens.shape[e] === SHAPE_TITLE && tokens.flags(e) === 0 && !(tokens.bits[e]! & TOK_GLUED)) e++;
  if (e < tokens.count && joined(tokens, e) && isWord(tokens, e)) {
    const fe = tokens.flags(e);
    if (tokens.shape[e] !== SHAPE_LOWER && fe & COMMON) return t; // headline case
    if (tokens.shape[e] === SHAPE_UPPER) return t;
    if (PRODUCT_NOUNS.has(tokens.key(e))) return t;
  }
  return e;
}

export interface PersonSpan {
  readonly startToken: number;
  readonly endToken: number;
  readonly finding: Finding;
}

function isNameShape(tokens: Tokens, t: number): boolean {
  const sh = tokens.shape[t];
  return (sh === SHAPE_TITLE || sh === SHAPE_UPPER) && (tokens.bits[t]! & TOK_GLUED) === 0;
}

function isWord(tokens: Tokens, t: number): boolean {
  return tokens.shape[t] !== SHAPE_OTHER && (tokens.bits[t]! & TOK_GLUED) === 0;
}

/** Is token t a one-letter initial ("F.")? */
function isInitial(tokens: Tokens, t: number): boolean {
  return tokens.end[t]! - tokens.start[t]! === 1 && tokens.shape[t] === SHAPE_TITLE && (tokens.bits[t]! & TOK_DOT_AFTER) !== 0;
}

/** Can token t continue the name run that ends at t-1? */
function continues(tokens: Tokens, t: number): boolean {
  if (t >= tokens.count) return false;
  if (joined(tokens, t)) return true;
  // "John F. Kennedy": after a one-letter initial, ". " is fine.
  const b = tokens.bits[t]!;
  return (b & GAP_DOT) !== 0 && (b & GAP_NEWLINE) === 0 && isInitial(tokens, t - 1);
}

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
  return best;
}

/** Is the line holding token `last` (ending at it) a sign-off ("Best regards,", "Mit freundlichen Grüßen")? */
function signOffLineEndingAt(tokens: Tokens, last: number): boolean {
  if (last < 0 || !isWord(tokens, last) || !(tokens.flags(last) & CUE_SIGNOFF)) return false;
  let t = last;
  for (let n = 0; n < 6; n++) {
    if (tokens.bits[t]! & GAP_NEWLINE || t === 0) return true;
    t--;
    if (!isWord(tokens, t) || !(tokens.flags(t) & (CUE_SIGNOFF | CUE_SIGNOFF_FILLER))) return false;
  }
  return false;
}

interface Cue {
  readonly kind: 'honorific' | 'phrase' | 'greeting' | 'sign-off';
  readonly strength: 'naming' | 'strong' | 'medium';
  /** First token of the cue (the span starts there for honorifics). */
  readonly from: number;
  readonly word: string;
}

/** The cue directly before token t, if any. */
function cueBefore(tokens: Tokens, t: number): Cue | null {
  const p = t - 1;
  if (p < 0 || !isWord(tokens, p)) return null;
  const gapBits = tokens.bits[t]!;
  const sameLine = (gapBits & GAP_NEWLINE) === 0;
  const fp = tokens.flags(p);
  if (!(fp & (CUE_HONORIFIC | CUE_PHRASE_END | CUE_GREETING | CUE_SIGNOFF | CUE_SIGNOFF_FILLER))) return null;
  const k = tokens.key(p);
  if (sameLine && fp & CUE_HONORIFIC) {
    // "Mr Smith", "Mr. Smith"; a sentence end between them does not count (except the abbreviation dot).
    const b = gapBits & ~GAP_DOT;
    const dotOnly = (b & (GAP_COMMA | GAP_SENTENCE)) === 0 || ((gapBits & GAP_DOT) !== 0 && (tokens.bits[p]! & TOK_DOT_AFTER) !== 0 && (b & GAP_COMMA) === 0);
    if (dotOnly && (!WEAK_HONORIFICS.has(k) || isNameShape(tokens, t))) {
      return { kind: 'honorific', strength: 'strong', from: p, word: tokens.word(p) };
    }
  }
  if (sameLine && (gapBits & GAP_SENTENCE) === 0) {
    const phrase = fp & CUE_PHRASE_END ? phraseEndingAt(tokens, p) : null;
    if (phrase !== null) return { kind: 'phrase', strength: phrase.strength, from: p - phrase.words.length + 1, word: phrase.words.join(' ') };
    if (fp & CUE_GREETING) {
      // "Hi Anna", "Thanks Anna", "Good morning Anna", "Dear Anna"; "Thank you Anna".
      return { kind: 'greeting', strength: 'medium', from: p, word: tokens.word(p) };
    }
    if (k === 'you' && p > 0 && tokens.key(p - 1) === 'thank') return { kind: 'greeting', strength: 'medium', from: p - 1, word: 'thank you' };
  }
  // "Regards,\nAnna" or "Regards, Anna": sign-off line (or phrase) right before.
  if (fp & CUE_SIGNOFF) {
    if (signOffLineEndingAt(tokens, p)) return { kind: 'sign-off', strength: 'medium', from: p, word: tokens.word(p) };
  }
  return null;
}

/**
 * An unknown word that looks like an ordinary word rather than a name: an English derivational ending
 * ("Hopefully", "Networking", "Radiographers", "Presbyterian" is not caught) or the plural of a common word.
 */
function looksLikeWord(tokens: Tokens, g: Gazetteer, t: number): boolean {
  const k = tokens.key(t);
  if (WORD_ENDING.test(k)) return true;
  return k.length > 3 && k.endsWith('s') && g.isCommon(k.slice(0, -1));
}
const WORD_ENDING = /(?:ly|ing|ed|ment|ments|tion|tions|sion|ness|ity|ous|ful|ive|able|ible|ism|ist|ists|ers|ies|ance|ence|ship|less|est|ized|ised)$/;

/** "bars", "tweets": the plural of a common word is not a name. */
function isPluralOfCommon(tokens: Tokens, g: Gazetteer, t: number): boolean {
  const k = tokens.key(t);
  return k.length > 3 && k.endsWith('s') && g.isCommon(k.slice(0, -1));
}

/** Is this lower-case / unknown word acceptable as a name word after a strong cue? */
function plausibleWord(tokens: Tokens, t: number, honorific: boolean): boolean {
  if (!isWord(tokens, t)) return false;
  const len = tokens.end[t]! - tokens.start[t]!;
  if (len < 2) return false;
  const f = tokens.flags(t);
  if (f & COMMON && !(f & NAME)) return false;
  // "mrs. dawn": after an honorific a name that is also a word still counts
  if (f & AMBIGUOUS && tokens.shape[t] === SHAPE_LOWER && !honorific) return false;
  return true;
}

/** Token classes inside a run. */
const C_KNOWN_GIVEN = 1;
const C_KNOWN_SURNAME = 2;
const C_AMBIGUOUS = 4;
const C_UNKNOWN = 8;
const C_PLACE = 16;
const C_COMMON = 32;
const C_PARTICLE = 64;
const C_INITIAL = 128;

function classify(tokens: Tokens, g: Gazetteer, t: number): number {
  if (isInitial(tokens, t)) return C_INITIAL;
  const f = tokens.flags(t);
  let c = 0;
  if (f & NAME) {
    if (f & AMBIGUOUS) c |= C_AMBIGUOUS;
    else {
      if (f & GIVEN) c |= C_KNOWN_GIVEN;
      if (f & SURNAME) c |= C_KNOWN_SURNAME;
    }
  } else if (f & COMMON) {
    c |= C_COMMON;
  } else if (tokens.bits[t]! & TOK_INNER && tokens.key(t).includes('-')) {
    // "Becker-Shaffer", "Jean-Luc": look at the parts.
    const parts = tokens.key(t).split('-');
    let known = 0;
    for (const part of parts) {
      const pf = g.flags(part);
      if (pf & NAME && !(pf & AMBIGUOUS)) known++;
    }
    c |= known > 0 ? (known === parts.length ? C_KNOWN_SURNAME | C_KNOWN_GIVEN : C_KNOWN_SURNAME) : C_UNKNOWN;
  } else {
    c |= C_UNKNOWN;
  }
  // Only well-known places compete with a name (GeoNames towns share many surnames).
  if (f & (COUNTRY | REGION | MAJOR_CITY) && !(f & AMBIGUOUS)) c |= C_PLACE;
  return c;
}

interface PersonCache {
  readonly text: string;
  readonly spans: PersonSpan[];
}

/** Scores and spans of person names in `text` (shared with the ORGANIZATION detector for signature blocks). */
export function findPersons(text: string, g: Gazetteer): PersonSpan[] {
  const tokens = tokenize(text, g);
  const out: PersonSpan[] = [];
  const n = tokens.count;
  const shape = tokens.shape;
  const bits = tokens.bits;
  let t = 0;
  while (t < n) {
    const sh = shape[t]!;
    const b = bits[t]!;
    const cap = sh === SHAPE_TITLE || sh === SHAPE_UPPER;
    // Fast skip: most words are lower-case and neither a possible name nor after an honorific or naming phrase.
    if (sh === SHAPE_OTHER || b & TOK_GLUED || (!cap && (sh !== SHAPE_LOWER || ((b | (t > 0 ? bits[t - 1]! : 0)) & TOK_LISTED) === 0))) {
      t++;
      continue;
    }
    if (cap) {
      // Fast skip: a capitalised common word that is not a name ("The", "Could", "Thanks") starts no run, unless an
      // honorific precedes it ("Dr. Fields"); nor is it an unknown proper noun.
      const f = tokens.flags(t);
      if ((f & (COMMON | NAME)) === COMMON && !isInitial(tokens, t) && !(t > 0 && tokens.flags(t - 1) & CUE_HONORIFIC)) {
        t++;
        continue;
      }
    }
    // Capitalised words always look for a cue before them; a lower-case word only if it may be a known name
    // (TOK_LISTED) or follows a naming phrase or an honorific (in the filter), as only those cues take it.
    let cue: Cue | null = null;
    if (t > 0 && isWord(tokens, t - 1)) cue = cueBefore(tokens, t);
    if (!cap && cue === null) {
      // A lower-case word without a cue counts only as a known, unambiguous given name.
      if (sh !== SHAPE_LOWER || !(tokens.bits[t]! & TOK_LISTED) || (tokens.flags(t) & (GIVEN | COMMON | AMBIGUOUS)) !== GIVEN) {
        t++;
        continue;
      }
    }
    if (cap && t + 1 < n && tokens.flags(t) & CUE_HONORIFIC) {
      // The honorific itself is handled as the cue of the next word.
      t++;
      continue;
    }
    const res = evaluateRun(tokens, g, t, cue);
    if (res === null) {
      // Weakest evidence: an unknown proper noun (not after "at"/"for"/"with": the ORGANIZATION detector's case).
      const pn = cap && cue === null ? properNounAt(tokens, g, t) : t;
      if (pn > t && !(t > 0 && tokens.flags(t - 1) & CUE_ORG_PREP)) {
        out.push({
          startToken: t,
          endToken: pn,
          finding: {
            start: tokens.start[t]!, end: tokens.end[pn - 1]!, type: 'PERSON', score: 0.5, detector: 'person',
            explanation: { pattern: 'proper-noun', validation: 'none', context: [] },
          },
        });
        t = pn;
        continue;
      }
      t++;
      continue;
    }
    out.push(res);
    t = res.endToken;
  }
  addCoordinated(tokens, out);
  return out;
}

/** Address words that end a name run ("Ms. Holly Prošková Apt. 370"). */
const ADDRESS_STOP = new Set(['apt', 'suite', 'ste', 'unit', 'box', 'po', 'flat', 'floor', 'bldg', 'building', 'room', 'dept']);

/** Builds and scores the name run starting at token `t` (with the cue before it, if any). */
function evaluateRun(tokens: Tokens, g: Gazetteer, t: number, cue: Cue | null): PersonSpan | null {
  const n = tokens.count;
  const startLower = tokens.shape[t] === SHAPE_LOWER;
  // Collect the run: capitalised words (with particles and initials), or, for a lower-case start, lower-case words.
  let e = t;
  const classes: number[] = [];
  while (e < n && e - t < MAX_RUN) {
    if (e > t && !continues(tokens, e)) break;
    if (!isWord(tokens, e)) break;
    const sh = tokens.shape[e]!;
    const fe = tokens.flags(e);
    if (fe & CUE_ADDRESS) break;
    if (sh === SHAPE_LOWER && fe & CUE_PARTICLE && e + 1 < n && continues(tokens, e + 1)) {
      // A particle only continues a name if a name word (or another particle) follows.
      let f = e + 1;
      while (f < n && tokens.shape[f] === SHAPE_LOWER && tokens.flags(f) & CUE_PARTICLE && f - e < 3 && continues(tokens, f + 1)) f++;
      const nextOk = f < n && continues(tokens, f) && (isNameShape(tokens, f) || (startLower && e > t && tokens.shape[f] === SHAPE_LOWER && !(tokens.flags(f) & COMMON)));
      if (nextOk) {
        for (let x = e; x < f; x++) classes.push(C_PARTICLE);
        e = f;
        continue;
      }
      break;
    }
    if (!startLower && sh === SHAPE_LOWER && e === t + 1 && classes[0]! & C_KNOWN_GIVEN && tokens.shape[t] === SHAPE_TITLE) {
      // "Donald trump", "Kylie minogue": a known given name and an unknown lower-case word that is not a verb form.
      const f = tokens.flags(e);
      const kk = tokens.key(e);
      if (!(f & (COMMON | PLACE)) && kk.length >= 3 && !/(?:ing|ed|ly)$/.test(kk)) {
        classes.push(f & NAME ? classify(tokens, g, e) : C_UNKNOWN);
        e++;
      }
      break;
    }
    if (startLower ? sh !== SHAPE_LOWER : sh !== SHAPE_TITLE && sh !== SHAPE_UPPER) break;
    if (tokens.end[e]! - tokens.start[e]! < 2 && !isInitial(tokens, e)) break;
    if (e > t && fe & CUE_NAME_SUFFIX && !startLower) {
      classes.push(C_PARTICLE);
      e++;
      break;
    }
    if (startLower && e > t) {
      // Lower-case continuation: known surnames, or one unknown word (not a verb form) right after the first name.
      const f = tokens.flags(e);
      if (f & COMMON || (f & PLACE && !(f & NAME))) break;
      if (!(f & NAME)) {
        if (classes.length !== 1 || /(?:ing|ed|ly)$/.test(tokens.key(e))) break;
        classes.push(classify(tokens, g, e));
        e++;
        break;
      }
    }
    classes.push(classify(tokens, g, e));
    e++;
  }
  if (e === t) return null;

  // Cut the run at the first common (non-name) word; a run that starts with one is not a name here.
  let cut = classes.length;
  for (let i = 0; i < classes.length; i++) {
    if (classes[i]! & C_COMMON) {
      // A capitalised word right after an honorific or a particle is a surname even if it is a word ("Dr. Fields",
      // "William ten Pas").
      const afterParticle = i > 0 && classes[i - 1] === C_PARTICLE;
      const afterHonorific = i === 0 && cue !== null && cue.kind === 'honorific';
      if ((afterParticle || afterHonorific) && tokens.shape[t + i] === SHAPE_TITLE) {
        classes[i] = C_UNKNOWN;
        continue;
      }
      cut = i;
      break;
    }
  }
  // Trailing particles are not part of a name.
  while (cut > 0 && classes[cut - 1] === C_PARTICLE && !(tokens.flags(t + cut - 1) & CUE_NAME_SUFFIX)) cut--;
  if (cut === 0) return null;
  const end = t + cut;
  classes.length = cut;
  const cls = classes;

  // Context after the run.
  // Only watched words matter after a run (street words, suffixes, head nouns, reporting verbs, conjunctions).
  const fn = end < n && isWord(tokens, end) && (tokens.bits[end]! & GAP_NEWLINE) === 0 ? tokens.flags(end) : 0;
  const next = fn !== 0 ? tokens.key(end) : '';
  const nextJoined = end < n && joined(tokens, end);
  if (nextJoined && fn & CUE_STREET) return null;
  // "Clark Airbase Hospital", "Clinton Foundation": an organisation.
  if (nextJoined && tokens.shape[end] === SHAPE_TITLE && fn & CUE_ORG_HEAD) return null;
  if (next !== '' && (tokens.bits[end]! & (GAP_SENTENCE | GAP_NEWLINE)) === 0 && isLegalSuffix(tokens, end)) return null;
  // "Smith & Sons", "Smith and Partners"
  if (end + 1 < n && (tokens.bits[end]! & GAP_AMP || fn & CUE_CONJUNCTION) && isLegalSuffix(tokens, end + (fn & CUE_CONJUNCTION ? 1 : 0))) return null;

  let known = 0;
  let knownGiven = 0;
  let ambiguous = 0;
  let ambiguousGivenFirst = false;
  let unknown = 0;
  let place = 0;
  let words = 0;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i]!;
    if (c & (C_PARTICLE | C_INITIAL)) continue;
    words++;
    if (c & (C_KNOWN_GIVEN | C_KNOWN_SURNAME)) known++;
    if (c & C_KNOWN_GIVEN) knownGiven++;
    if (c & C_AMBIGUOUS) {
      ambiguous++;
      if (words === 1 && tokens.flags(t + i) & GIVEN) ambiguousGivenFirst = true;
    }
    if (c & C_UNKNOWN) unknown++;
    if (c & C_PLACE && !(c & (C_KNOWN_GIVEN | C_KNOWN_SURNAME))) place++;
  }
  if (words === 0) return null;
  const initial = sentenceInitial(tokens, t) && cue === null;
  let allUpper = true;
  for (let i = t; i < end; i++) if (tokens.shape[i] === SHAPE_TITLE && !isInitial(tokens, i)) allUpper = false;
  allUpper &&= tokens.shape[t] === SHAPE_UPPER;
  const context: Ctx[] = [];
  let score = 0;
  let pattern = '';
  const hasParticle = cls.includes(C_PARTICLE);

  if (cue !== null) {
    const naming = cue.strength === 'naming';
    if (startLower || allUpper) {
      // Case says nothing: after a naming phrase or an honorific any plausible word counts, otherwise only known names.
      const open = naming || cue.kind === 'honorific';
      if (!open && known === 0) return null;
      if (open && !plausibleWord(tokens, t, cue.kind === 'honorific')) return null;
    } else if (known === 0 && ambiguous === 0 && words === 1 && !hasParticle && cue.strength === 'medium' && cue.kind === 'phrase') {
      // "I am Unable", "this is Urgent": a medium phrase needs a known (or ambiguous) name or two capitalised words.
      return null;
    }
    const base = cue.kind === 'honorific' ? 0.88 : naming ? 0.85 : cue.strength === 'strong' ? 0.8 : cue.kind === 'phrase' ? 0.75 : 0.78;
    score = base + (known > 0 ? 0.05 : 0) - (startLower && known === 0 ? 0.1 : 0);
    pattern = cue.kind;
    context.push({ word: cue.word, effect: Math.round((base - 0.5) * 100) / 100 });
  } else if (startLower) {
    // Lower-case names without a cue: a known, unambiguous given name, alone (weak) or with a surname.
    const c0 = cls[0]!;
    if (!(c0 & C_KNOWN_GIVEN) || c0 & C_PLACE || tokens.end[t]! - tokens.start[t]! < 3) return null;
    if (words >= 2 && (known >= 2 || unknown >= 1)) {
      score = known >= 2 ? 0.7 : 0.6;
      pattern = 'gazetteer-full-name-lower';
    } else if (words === 1 && tokens.end[t]! - tokens.start[t]! >= 4 && !isPluralOfCommon(tokens, g, t)) {
      score = 0.5;
      pattern = 'gazetteer-first-name-lower';
    } else return null;
  } else {
    if (words >= 2 && known >= 1) {
      if (place === words - known && known === 1 && knownGiven === 0 && unknown === 0) {
        score = 0.55; // one surname among places
      } else {
        score = known >= 2 || (knownGiven >= 1 && unknown === 0 && ambiguous === 0) ? 0.9 : 0.85;
      }
      pattern = knownGiven > 0 ? 'gazetteer-full-name' : 'gazetteer-surname';
      if (allUpper) score -= 0.1;
    } else if (words >= 2 && ambiguousGivenFirst && unknown >= 1 && !allUpper) {
      // "Grace Hopper": a given name that is also a word, with an unknown capitalised word.
      score = initial ? 0.55 : 0.65;
      pattern = 'gazetteer-ambiguous-name';
    } else if (words === 1 && known === 1 && !allUpper) {
      const c = cls.find((x) => !(x & (C_PARTICLE | C_INITIAL)))!;
      if (c & C_KNOWN_GIVEN) {
        score = initial ? 0.6 : 0.7;
        pattern = 'gazetteer-first-name';
      } else {
        score = initial ? 0.5 : 0.6;
        pattern = 'gazetteer-surname';
      }
      if (c & C_PLACE) {
        score -= 0.1;
        context.push({ word: '(also a place)', effect: -0.1 });
      }
      if (hasParticle) score += 0.1;
    } else if (hasParticle && unknown >= 1 && !allUpper && cls[0] === C_PARTICLE) {
      score = 0.65; // "van Gijn", "de la Cruz"
      pattern = 'particle-surname';
    }
    // A reporting verb after the run ("Kovalev said") supports it.
    if (nextJoined && fn & CUE_REPORTING) {
      // (A lone ambiguous word needs such a cue: in German every noun is capitalised, "Name", "Bank", "Rose".)
      if (score === 0 && words <= 3 && !allUpper && !initial && unknown + ambiguous >= 1 && !looksLikeWord(tokens, g, t)) {
        score = 0.6;
        pattern = 'reporting-verb';
      } else if (score > 0) score += 0.05;
      if (score > 0) context.push({ word: next, effect: 0.05 });
    }
    // Speaker label at the start of a line: "Kalman: Who are you?"
    if (score < 0.6 && tokens.bits[t]! & (GAP_NEWLINE | GAP_START) && end < n && words <= 3 && !allUpper && text(tokens, end) === ':' && (known > 0 || !looksLikeWord(tokens, g, end - 1))) {
      score = known > 0 || ambiguous > 0 ? 0.75 : 0.55;
      pattern = 'speaker-label';
      context.push({ word: ':', effect: 0.1 });
    }
    if (score === 0) return null;
  }
  // Location cue right before a lone place-like name: leave it to the LOCATION detector.
  if (cue === null && t > 0 && words === 1 && cls.some((c) => c & C_PLACE) && tokens.flags(t - 1) & CUE_PREP_STRONG) {
    const prev = tokens.key(t - 1);
    if (prev === 'in' || prev === 'nach' || prev === 'near' || prev === 'à' || prev === 'aus') return null;
  }
  score = Math.round(Math.min(0.95, Math.max(0, score)) * 100) / 100;
  if (score < 0.5) return null;
  const startTok = cue !== null && cue.kind === 'honorific' ? cue.from : t;
  return {
    startToken: startTok,
    endToken: end,
    finding: {
      start: tokens.start[startTok]!,
      end: tokens.end[end - 1]! + ((tokens.flags(end - 1) & CUE_NAME_SUFFIX || isInitial(tokens, end - 1)) && tokens.bits[end - 1]! & TOK_DOT_AFTER ? 1 : 0),
      type: 'PERSON',
      score,
      detector: 'person',
      explanation: { pattern, validation: 'none', context },
    },
  };
}

/** The first non-space character after token `end - 1`'s end... i.e. the separator before token `end`. */
function text(tokens: Tokens, end: number): string {
  const from = tokens.end[end - 1]!;
  const s = tokens.text;
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i++;
  return s.charAt(i);
}

const CONJ = new Set(['and', 'und', 'et', 'y', 'or', 'oder', 'ou', 'o']);

/**
 * "Kovalev, Lee and Phillips": a capitalised unknown word listed with found names (comma, "and", "und", "&", "et",
 * "y") is a name too.
 */
function addCoordinated(tokens: Tokens, out: PersonSpan[]): void {
  if (out.length === 0) return;
  const taken = new Set<number>();
  for (const s of out) for (let i = s.startToken; i < s.endToken; i++) taken.add(i);
  const extra: PersonSpan[] = [];
  const tryAt = (t: number, lower: boolean): void => {
    if (t < 0 || t >= tokens.count || taken.has(t) || (tokens.bits[t]! & TOK_GLUED) !== 0) return;
    if (tokens.end[t]! - tokens.start[t]! < (lower ? 3 : 2)) return;
    const f = tokens.flags(t);
    if (lower) {
      // "natalina, thomas, crystal": lower-case names listed with a lower-case name.
      if (tokens.shape[t] !== SHAPE_LOWER || (!(f & NAME) && (f & (COMMON | PLACE) || /(?:ing|ed|ly)$/.test(tokens.key(t))))) return;
    } else if (!isNameShape(tokens, t) || tokens.shape[t] === SHAPE_UPPER) return;
    // Common words and places are not names here, unless they are also names ("Lang and Fowler").
    if (f & (COMMON | PLACE) && !(f & NAME)) return;
    // nor is the last word of a greeting or sign-off ("Mit freundlichen Grüßen, Jonas Weber")
    const lowerWord = tokens.word(t).toLowerCase();
    if (SIGNOFF_WORDS.has(lowerWord) || GREETINGS.has(lowerWord) || SIGNOFF_FILLER.has(lowerWord)) return;
    if (f & COMMON && sentenceInitial(tokens, t)) return;
    const fn = t + 1 < tokens.count && joined(tokens, t + 1) ? tokens.flags(t + 1) : 0;
    if (fn & (CUE_STREET | CUE_LEGAL_SUFFIX)) return;
    if (t + 1 < tokens.count && joined(tokens, t + 1) && isNameShape(tokens, t + 1)) return;
    taken.add(t);
    const added: PersonSpan = {
      startToken: t,
      endToken: t + 1,
      finding: {
        start: tokens.start[t]!, end: tokens.end[t]!, type: 'PERSON', score: lower ? 0.5 : 0.6, detector: 'person',
        explanation: { pattern: 'coordinated-name', validation: 'none', context: [{ word: 'listed with a name', effect: 0.1 }] },
      },
    };
    extra.push(added);
    queue.push(added);
  };
  const queue = out.slice();
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    if (s.finding.score < 0.5) continue;
    const lower = tokens.shape[s.startToken] === SHAPE_LOWER;
    // After: ", X" / " and X"
    const a = s.endToken;
    if (a < tokens.count) {
      const b = tokens.bits[a]!;
      if (b & GAP_COMMA && !(b & (GAP_NEWLINE | GAP_SENTENCE))) tryAt(a, lower);
      else if ((joined(tokens, a) && tokens.flags(a) & CUE_CONJUNCTION) || (b & GAP_AMP && !(b & GAP_NEWLINE))) tryAt(b & GAP_AMP ? a : a + 1, lower);
    }
    // Before: "X, " / "X and "
    const p = s.startToken - 1;
    if (p >= 0) {
      const b = tokens.bits[s.startToken]!;
      if (b & GAP_COMMA && !(b & (GAP_NEWLINE | GAP_SENTENCE))) tryAt(p, lower);
      else if (joined(tokens, s.startToken) && tokens.flags(p) & CUE_CONJUNCTION && p - 1 >= 0 && joined(tokens, p)) tryAt(p - 1, lower);
      else if (b & GAP_AMP && !(b & GAP_NEWLINE)) tryAt(p, lower);
    }
  }
  out.push(...extra);
}

let cache: { g: Gazetteer; entry: PersonCache } | null = null;

/** findPersons with a one-entry cache (the ORGANIZATION detector asks for the same value). */
export function findPersonsCached(text: string, g: Gazetteer): PersonSpan[] {
  if (cache !== null && cache.g === g && cache.entry.text === text) return cache.entry.spans;
  const spans = findPersons(text, g);
  cache = { g, entry: { text, spans } };
  return spans;
}

/** Registers the cue words of the name detectors (PERSON, and the suffix/street words the others share). */
export function watchPersonCues(g: Gazetteer): void {
  // Only honorifics and the last words of naming phrases must be noticed ahead of a lower-case word (filter);
  // the other cues are looked up from a candidate.
  g.watch(HONORIFICS, CUE_HONORIFIC);
  g.watch(NAMING_PHRASES.map((p) => p[p.length - 1]!), CUE_PHRASE_END);
  g.watch(GREETINGS, CUE_GREETING, false);
  g.watch(SIGNOFF_WORDS, CUE_SIGNOFF, false);
  g.watch([...SIGNOFF_FILLER, 'you', 'thank'], CUE_SIGNOFF_FILLER, false);
  g.watch(PHRASE_LAST, CUE_PHRASE_END, false);
  g.watch(PARTICLES, CUE_PARTICLE, false);
  g.watch(NAME_SUFFIXES, CUE_NAME_SUFFIX, false);
  g.watch(ADDRESS_STOP, CUE_ADDRESS, false);
  g.watch(STREET_WORDS, CUE_STREET, false);
  g.watch(LEGAL_SUFFIXES, CUE_LEGAL_SUFFIX); // the ORGANIZATION detector notices "llc", "gmbh" in lower case
  g.watch(ORG_HEAD_NOUNS, CUE_ORG_HEAD, false);
  g.watch(REPORTING_VERBS, CUE_REPORTING, false);
  g.watch(CONJ, CUE_CONJUNCTION, false);
  g.watch(['at', 'for', 'with', 'joined', 'bei', 'chez', 'für', 'pour', 'para'], CUE_ORG_PREP, false);
  g.watch(['in', 'near', 'nach', 'à', 'aus'], CUE_PREP_STRONG, 'context');
}

export function createPersonDetector(g: Gazetteer): Detector {
  watchPersonCues(g);
  return {
    id: 'person',
    version: '1',
    types: ['PERSON'],
    detect(text) {
      return findPersonsCached(text, g).map((s) => s.finding);
    },
  };
}
