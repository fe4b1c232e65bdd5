/**
 * LOCATION detector: countries, first-level regions and cities in free text, from gazetteers and context cues.
 *
 * At each word the longest gazetteer entry is matched (up to the longest multi-word entry: "New York",
 * "San José", "Bosnia and Herzegovina"), case-insensitively. The score depends on what the entry is and on context:
 *  - country 0.85, major (well-known) city 0.8, region 0.75, when capitalised;
 *  - any other GeoNames town needs context: a place preposition before it ("in", "from", "to", "at", "near",
 *    "nach", "aus", "bei", "à", "en", "desde" ...) — 0.7; a postcode before it on the line ("10115 Berlin"), or a
 *    comma and a region, country or state code after it ("Ipswich, QLD") — 0.75; without context a capitalised
 *    town in mid-sentence scores 0.5 and one at the start of a sentence is not reported;
 *  - entries that are also common words ("Mobile", "Reading", "Nice", "Bath") need a place preposition and a
 *    capital letter, or the comma/postcode context;
 *  - lower-case and ALL-CAPS forms count only for countries, regions and major cities after a preposition, or
 *    with postcode/comma context (a lower-case country or major city alone scores 0.55); months and weekdays
 *    ("in May") are never places;
 *  - `place-phrase`: after "grew up in", "lives in", "moved here from", "originally from", "I am in", "wohne in",
 *    "j'habite à", "vivo en" ... a capitalised word the gazetteer does not know counts too (0.6; lower-case 0.55);
 *  - `unknown-after-preposition`: after an English place preposition in an English sentence, a capitalised word
 *    outside every list and the English vocabulary ("the depot in Kwaxuma") — 0.55; `place-label`: "Location:",
 *    "Where:", "Ort:", "Lieu:" before capitalised words — 0.6 (`location/unknown-place.ts`);
 *  - a place that is also a given name ("Victoria", "Jordan") is left to the PERSON detector unless a place
 *    preposition precedes it; one followed by a street word ("Washington Street") is an address, not a place.
 * Evidence words are listed in `explanation.context`.
 */

import type { Detector, Finding } from '../finding';
import {
  CUE_CONJUNCTION, CUE_HONORIFIC, CUE_LEGAL_SUFFIX, CUE_PLACE_PHRASE_END, CUE_PREP_STRONG, CUE_PREP_WEAK, CUE_STREET,
  AMBIGUOUS, COMMON, COUNTRY, GAP_COMMA, GAP_NEWLINE, GAP_OTHER, GAP_SENTENCE, GIVEN, MAJOR_CITY, NAME, PLACE,
  PREFIX, REGION, SHAPE_LOWER, SHAPE_OTHER, SHAPE_TITLE, SHAPE_UPPER, SURNAME, TOK_CONTEXT, TOK_GLUED, TOK_LISTED, joined, longestMatch,
  sentenceInitial, tokenize, type Gazetteer, type Tokens,
} from '../gazetteer';
import { isLegalSuffix, watchPersonCues } from './person';
import { afterPlaceLabel, placeFinding, unknownAfterPreposition } from './location/unknown-place';
import { COMMON_WORDS } from '../data/common-words';

type Ctx = { word: string; effect: number };

/** Prepositions and verbs that announce a place strongly. */
const STRONG_PREPS = new Set([
  'in', 'near', 'nach', 'aus', 'bei', 'à', 'en', 'desde', 'hacia', 'cerca', 'nahe', 'around', 'outside', 'inside',
  'across', 'throughout', 'towards', 'toward', 'via', 'im', 'nähe', 'près', 'vers', 'dans', 'hasta',
]);
/** Prepositions that also introduce people and companies ("from Anna", "at Google"). */
const WEAK_PREPS = new Set(['from', 'to', 'at', 'von', 'de', 'of', 'into', 'visit', 'visiting', 'visited', 'located',
  'based', 'live', 'lives', 'living', 'lived', 'moved', 'move', 'relocated', 'born', 'wohne', 'wohnt', 'vive', 'vivo',
  'habite', 'para', 'por', 'zu', 'nach', 'fly', 'flying', 'flew', 'travel', 'travelling', 'traveling', 'drive', 'ship',
  'shipped', 'shipping', 'deliver', 'delivered', 'between', 'and', 'or']);

/** US states, Canadian provinces and Australian states as two/three-letter codes after "City, ". */
const STATE_CODES = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'ON', 'QC', 'BC', 'AB', 'MB', 'SK', 'NS', 'NB', 'NL',
  'PE', 'NSW', 'VIC', 'QLD', 'WA', 'SA', 'TAS', 'ACT', 'NT', 'UK', 'USA', 'EU',
]);

/**
 * State and province codes that are also English words or common acronyms in support text ("in IN", "in OR", "GA"
 * release, "MD" files, "QA", "CA" certificates, "UT" unit tests, "MS" Teams, "AR", "NT"): never taken alone.
 */
const AMBIGUOUS_CODES: ReadonlySet<string> = new Set([
  'IN', 'OR', 'ME', 'OK', 'HI', 'ON', 'ID', 'AR', 'GA', 'MD', 'CO', 'DE', 'CA', 'QC', 'AB', 'NT', 'ACT', 'PE', 'MT',
  'NE', 'SD', 'UT', 'MS', 'CT', 'IA', 'AL', 'MA', 'SC', 'NS', 'VA', 'NB', 'SK', 'MB', 'TAS', 'VIC', 'EU', 'NL', 'PA',
]);
/** Well-known city short forms, taken like the state codes. */
const CITY_CODES: ReadonlySet<string> = new Set(['NYC', 'LA', 'SF', 'DC']);

/**
 * "in TX", "moved to NYC", "back in DC.": a state, province or city code in capitals right after a place preposition
 * (or "to"/"from"), with no capitalised or numbered word joined after it ("in MS Teams", "in CA 2"). 0.6.
 */
function stateCodeAfterPreposition(tokens: Tokens, t: number): Finding | null {
  if (tokens.shape[t] !== SHAPE_UPPER || tokens.bits[t]! & (GAP_NEWLINE | GAP_SENTENCE | GAP_COMMA | GAP_OTHER)) return null;
  const len = tokens.end[t]! - tokens.start[t]!;
  if (len < 2 || len > 3) return null;
  const w = tokens.word(t);
  if (!(STATE_CODES.has(w) || CITY_CODES.has(w)) || AMBIGUOUS_CODES.has(w)) return null;
  const p = t - 1;
  if (tokens.shape[p] !== SHAPE_LOWER) return null; // "IN TX" in capitals: no telling
  const fp = tokens.flags(p);
  const key = tokens.key(p);
  if (!(fp & CUE_PREP_STRONG) && key !== 'to' && key !== 'from') return null;
  const n = t + 1;
  if (n < tokens.count && joined(tokens, n) && tokens.shape[n] !== SHAPE_LOWER) return null;
  return {
    start: tokens.start[t]!,
    end: tokens.end[t]!,
    type: 'LOCATION',
    score: 0.6,
    detector: 'location',
    explanation: { pattern: 'state-code', validation: 'none', context: [{ word: key, effect: 0.1 }] },
  };
}

function isPostcodeToken(tokens: Tokens, t: number): boolean {
  if (t < 0 || tokens.shape[t] !== SHAPE_OTHER) return false;
  const len = tokens.end[t]! - tokens.start[t]!;
  if (len < 4 || len > 8) return false;
  const w = tokens.word(t);
  return /^(?:[A-Z]{1,2}-?)?\d{4,6}$/.test(w) || /^[A-Z]{1,2}\d[A-Z\d]?$/.test(w);
}

/** The postcode token is not the tail of a phone number or a longer digit sequence. */
function postcodeStandsAlone(tokens: Tokens, p: number): boolean {
  if (p === 0 || tokens.bits[p]! & (GAP_NEWLINE | GAP_COMMA)) return true;
  const s = tokens.text;
  const c = s.charCodeAt(tokens.start[p]! - 1);
  // "D-10115" is fine; "722-5949", "(764)722 5949" and "12 34567" are not.
  if (c === 0x2d || c === 0x29 || c === 0x2e || c === 0x2f) return false;
  return tokens.shape[p - 1] !== SHAPE_OTHER;
}

interface Context {
  readonly strong: boolean;
  readonly weak: boolean;
  readonly words: Ctx[];
}

/** Articles that stand between a place preposition and a country or region ("in the Netherlands", "aus der Schweiz"). */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'der', 'die', 'dem', 'den', 'le', 'la', 'les', "l'", 'el', 'los', 'las']);

/** Token t's separator is plain space on the same line, after a word (no sentence end or other punctuation). */
function wordJustBefore(tokens: Tokens, t: number): boolean {
  return t > 0 && (tokens.bits[t]! & (GAP_NEWLINE | GAP_SENTENCE | GAP_OTHER)) === 0 && tokens.shape[t - 1] !== SHAPE_OTHER;
}

/** Nouns that a place name before them qualifies: an organisation's sites ("our Denver office", "the Paris branch") and areas ("the London area"). */
const SITE_NOUNS: ReadonlySet<string> = new Set([
  'office', 'offices', 'branch', 'store', 'shop', 'site', 'campus', 'warehouse', 'headquarters', 'hq', 'plant',
  'factory', 'depot', 'datacenter', 'datacentre', 'hub', 'airport', 'area', 'metro', 'suburbs', 'niederlassung',
  'filiale', 'standort', 'büro', 'werk', 'lager', 'bureau', 'agence', 'usine', 'oficina', 'sucursal', 'tienda', 'almacén',
]);

/** Is token t after a place preposition and an article ("in the", "aus der"; not "and the")? */
function afterPrepositionAndArticle(tokens: Tokens, t: number): boolean {
  const a = t - 1;
  if (!wordJustBefore(tokens, t) || tokens.shape[a] !== SHAPE_LOWER || !ARTICLES.has(tokens.key(a)) || !wordJustBefore(tokens, a)) return false;
  const fp = tokens.flags(a - 1);
  return (fp & (CUE_PREP_STRONG | CUE_PREP_WEAK)) !== 0 && (fp & CUE_CONJUNCTION) === 0;
}

/**
 * Context of the place tokens [t, end). `throughArticle`: a preposition before an article counts too ("in the
 * Middle East", "from the Netherlands") — for countries and regions only, since "in the Mobile app" is no city.
 */
function contextAround(tokens: Tokens, g: Gazetteer, t: number, end: number, throughArticle: boolean): Context {
  const words: Ctx[] = [];
  let strong = false;
  let weak = false;
  const sameLineBefore = (tokens.bits[t]! & GAP_NEWLINE) === 0;
  if (wordJustBefore(tokens, t)) {
    const p = throughArticle && afterPrepositionAndArticle(tokens, t) ? t - 2 : t - 1;
    const fp = tokens.flags(p);
    const word = p === t - 1 ? tokens.key(p) : `${tokens.key(p)} ${tokens.key(t - 1)}`;
    if (fp & CUE_PREP_STRONG) {
      strong = true;
      words.push({ word, effect: 0.15 });
    } else if (fp & CUE_PREP_WEAK) {
      weak = true;
      words.push({ word, effect: 0.1 });
    }
  }
  // A postcode right before on the same line: "10115 Berlin", "75001 PARIS".
  if (t > 0 && sameLineBefore && isPostcodeToken(tokens, t - 1) && joined(tokens, t) && tokens.shape[t] !== SHAPE_LOWER && postcodeStandsAlone(tokens, t - 1)) {
    strong = true;
    words.push({ word: '(postcode before)', effect: 0.2 });
  }
  // After: ", <country/region/state code/postcode>" or a postcode; or a site of an organisation ("our Denver office").
  if (end < tokens.count) {
    const b = tokens.bits[end]!;
    if (joined(tokens, end) && (tokens.shape[end] === SHAPE_LOWER || tokens.shape[end] === SHAPE_TITLE) && SITE_NOUNS.has(tokens.key(end))) {
      strong = true;
      words.push({ word: tokens.key(end), effect: 0.15 });
    } else if (b & GAP_COMMA || (b & GAP_NEWLINE && tokens.shape[end] !== SHAPE_LOWER)) {
      const w = tokens.word(end);
      if (tokens.shape[end] === SHAPE_UPPER && STATE_CODES.has(w)) {
        strong = true;
        words.push({ word: w, effect: 0.2 });
      } else if (tokens.shape[end] !== SHAPE_OTHER && !(tokens.bits[end]! & TOK_GLUED)) {
        const m = longestMatch(tokens, g, end, COUNTRY | REGION);
        if (m !== null && !(m.flags & AMBIGUOUS)) {
          strong = true;
          words.push({ word: '(region/country after)', effect: 0.2 });
        }
      } else if (isPostcodeToken(tokens, end)) {
        strong = true;
        words.push({ word: '(postcode after)', effect: 0.2 });
      }
    } else if (joined(tokens, end) && isPostcodeToken(tokens, end) && tokens.shape[t] !== SHAPE_LOWER) {
      strong = true;
      words.push({ word: '(postcode after)', effect: 0.15 });
    }
  }
  return { strong, weak, words };
}

export function findLocations(text: string, g: Gazetteer): Finding[] {
  const tokens = tokenize(text, g);
  const out: Finding[] = [];
  const n = tokens.count;
  const bits = tokens.bits;
  let t = 0;
  while (t < n) {
    const sh = tokens.shape[t]!;
    if (sh === SHAPE_OTHER || bits[t]! & TOK_GLUED) {
      t++;
      continue;
    }
    if (sh !== SHAPE_LOWER && t > 0 && tokens.bits[t]! & GAP_SENTENCE) {
      // "Location: Limont", "Where: Malmesbury Country Club"
      const labelled = afterPlaceLabel(tokens, t);
      if (labelled !== null) {
        out.push(labelled);
        t = tokenAfter(tokens, labelled.end, t);
        continue;
      }
    }
    const listed = (tokens.bits[t]! & TOK_LISTED) !== 0;
    // Lower-case words are looked up only after a preposition ("from bahrain").
    const lowerOk = sh !== SHAPE_LOWER || listed || (t > 0 && (tokens.bits[t - 1]! & TOK_CONTEXT) !== 0 && (tokens.flags(t - 1) & (CUE_PREP_STRONG | CUE_PREP_WEAK)) !== 0);
    const f0 = lowerOk ? tokens.flags(t) : 0;
    const m = f0 & (PLACE | PREFIX) ? longestMatch(tokens, g, t, PLACE) : null;
    // (two letters only for the two-letter country forms, "UK" and "US")
    if (m === null || (tokens.end[m.end - 1]! - tokens.start[t]! < 3 && !(m.flags & COUNTRY && tokens.shape[t] === SHAPE_UPPER))) {
      // Not in the gazetteer: a capitalised word after a strong place phrase ("grew up in Kalatsova").
      // (Both rules need a place phrase or preposition before, words watched in the context filter: TOK_CONTEXT.)
      const u = t > 0 && bits[t - 1]! & TOK_CONTEXT && (sh === SHAPE_TITLE || sh === SHAPE_UPPER || sh === SHAPE_LOWER)
        ? (stateCodeAfterPreposition(tokens, t) ?? unknownAfterPlacePhrase(tokens, t) ?? (sh !== SHAPE_LOWER ? unknownAfterPreposition(tokens, g, t) : null))
        : null;
      if (u !== null) {
        out.push(u);
        t = tokenAfter(tokens, u.end, t);
        continue;
      }
      t++;
      continue;
    }
    const found = scoreMatch(tokens, g, t, m.end, m.flags);
    if (found === null) {
      t++;
      continue;
    }
    out.push(m.flags & COUNTRY ? withStateForm(text, found) : found);
    t = m.end;
  }
  return out;
}

/**
 * The long form of a country's name before it: "Kingdom of the Netherlands", "Federated States of Micronesia",
 * "Democratic Republic of the Congo", "République de Guinée". Bounded: at most 60 characters before the name.
 */
const STATE_FORM = new RegExp(
  "(?<![\\p{L}\\p{N}])(?:(?:democratic|federal|federated|islamic|people'?s|united|socialist|plurinational|bolivarian|arab|independent|cooperative)[ \\t]+){0,3}" +
    "(?:kingdom|republic|states|commonwealth|state|principality|grand[ \\t]+duchy|sultanate|emirates|union|république|königreich|republik|república|reino)" +
    "[ \\t]+(?:of|de|del|des|du|der|von)(?:[ \\t]+(?:the|la|l'|las|los))?[ \\t]+$",
  'iu',
);

function withStateForm(text: string, found: Finding): Finding {
  const before = text.slice(Math.max(0, found.start - 60), found.start);
  const m = STATE_FORM.exec(before);
  if (m === null) return found;
  return { ...found, start: found.start - m[0].length };
}

/** Phrases that announce a place even for a word the gazetteer does not know. */
const PLACE_PHRASES: readonly (readonly string[])[] = [
  ['grew', 'up', 'in'], ['live', 'in'], ['lives', 'in'], ['living', 'in'], ['lived', 'in'], ['born', 'in'],
  ['moved', 'to'], ['moved', 'here', 'from'], ['moved', 'from'], ['originally', 'from'], ['relocated', 'to'],
  ['located', 'in'], ['based', 'in'], ['resident', 'of'], ['wohne', 'in'], ['wohnt', 'in'], ['wohnen', 'in'],
  ['geboren', 'in'], ['umgezogen', 'nach'], ['ziehe', 'nach'], ['j\'habite', 'à'], ['habite', 'à'], ['vis', 'à'],
  ['vit', 'à'], ['né', 'à'], ['née', 'à'], ['vivo', 'en'], ['vive', 'en'], ['nací', 'en'], ['nació', 'en'],
  ['friend', 'lives', 'in'], ['trip', 'to'], ['flight', 'to'], ['flight', 'from'], ['travelling', 'to'],
  ['traveling', 'to'], ['shipped', 'to'], ['ship', 'to'], ['deliver', 'to'], ['delivered', 'to'], ['office', 'in'],
  ['branch', 'in'], ['store', 'in'], ['hotel', 'in'], ['city', 'of'], ['town', 'of'], ['village', 'of'],
  ['am', 'in'], ["i'm", 'in'], ['im', 'in'], ['are', 'in'], ['home', 'city'], ['hometown'], ['home', 'town'],
  ['arrived', 'at'], ['arrived', 'in'], ['staying', 'in'], ['stay', 'in'], ['stayed', 'in'],
  ['bin', 'in'], ['bin', 'aus'], ['komme', 'aus'], ['stamme', 'aus'], ['je', 'suis', 'à'], ['estoy', 'en'], ['soy', 'de'],
];
const PLACE_PHRASE_LAST = new Set(PLACE_PHRASES.map((p) => p[p.length - 1]!));
const PLACE_PHRASES_BY_LAST = new Map<string, (readonly string[])[]>();
for (const p of PLACE_PHRASES) {
  const last = p[p.length - 1]!;
  PLACE_PHRASES_BY_LAST.set(last, [...(PLACE_PHRASES_BY_LAST.get(last) ?? []), p]);
}

function tokenAfter(tokens: Tokens, offset: number, from: number): number {
  let t = from + 1;
  while (t < tokens.count && tokens.start[t]! < offset) t++;
  return t;
}

function placePhraseBefore(tokens: Tokens, t: number): string | null {
  const p = t - 1;
  if (p < 0 || tokens.shape[p] === SHAPE_OTHER || tokens.bits[t]! & (GAP_NEWLINE | GAP_SENTENCE | GAP_COMMA)) return null;
  if (!(tokens.flags(p) & CUE_PLACE_PHRASE_END)) return null;
  for (const ph of PLACE_PHRASES_BY_LAST.get(tokens.key(p)) ?? []) {
    const m = ph.length;
    if (p - m + 1 < 0) continue;
    let ok = true;
    for (let i = 0; i < m - 1; i++) {
      const x = p - m + 1 + i;
      if (tokens.shape[x] === SHAPE_OTHER || tokens.key(x) !== ph[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return ph.join(' ');
  }
  return null;
}

/** "grew up in Kalatsova", "lives in Poggiovalle Di Borgorose": up to four capitalised words (with particles). */
function unknownAfterPlacePhrase(tokens: Tokens, t: number): Finding | null {
  const f = tokens.flags(t);
  if (f & COMMON && !(f & PLACE)) return null;
  if (f & NAME && !(f & PLACE)) return null;
  const phrase = placePhraseBefore(tokens, t);
  if (phrase === null) return null;
  if (tokens.shape[t] === SHAPE_LOWER) {
    // "grew up in onnezies": a lower-case word that is not a common word, alone.
    if (f & (COMMON | AMBIGUOUS) || tokens.end[t]! - tokens.start[t]! < 4 || /(?:ing|ed|ly)$/.test(tokens.key(t))) return null;
    return placeFinding(tokens, t, t + 1, 0.55, 'place-phrase', phrase);
  }
  let e = t + 1;
  while (e < tokens.count && e - t < 4 && joined(tokens, e) && !(tokens.bits[e]! & TOK_GLUED)) {
    const sh = tokens.shape[e];
    const k = tokens.key(e);
    if (sh === SHAPE_TITLE || sh === SHAPE_UPPER) {
      if (tokens.flags(e) & COMMON && !(tokens.flags(e) & PLACE)) break;
      e++;
    } else if (sh === SHAPE_LOWER && (k === 'de' || k === 'del' || k === 'di' || k === 'la' || k === 'am' || k === 'an' || k === 'sur' || k === 'upon' || k === 'pri') && e + 1 < tokens.count && joined(tokens, e + 1) && tokens.shape[e + 1] === SHAPE_TITLE) {
      e += 2;
    } else break;
  }
  const fn = e < tokens.count && joined(tokens, e) ? tokens.flags(e) : 0;
  if (fn & CUE_STREET || isLegalSuffix(tokens, e)) return null;
  return placeFinding(tokens, t, e, 0.6, 'place-phrase', phrase);
}

const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober',
  'dezember', 'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'enero', 'febrero', 'marzo', 'abril',
  'mayo', 'junio', 'julio', 'agosto',
]);

const SURNAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'ter', 'ten', 'zu', 'vom', 'zur', 'bin', 'ibn', 'al']);

function scoreMatch(tokens: Tokens, g: Gazetteer, t: number, end: number, flags: number): Finding | null {
  const n = tokens.count;
  // Case of the match: title (every main word capitalised), upper, or lower.
  let upperWords = 0;
  let titleWords = 0;
  for (let i = t; i < end; i++) {
    const sh = tokens.shape[i];
    if (sh === SHAPE_UPPER) upperWords++;
    else if (sh === SHAPE_TITLE) titleWords++;
  }
  const firstShape = tokens.shape[t]!;
  const isLower = firstShape === SHAPE_LOWER && titleWords + upperWords === 0;
  const isUpper = upperWords > 0 && titleWords === 0;
  const isCap = firstShape === SHAPE_TITLE || (firstShape === SHAPE_UPPER && tokens.end[t]! - tokens.start[t]! > 1 && titleWords > 0);
  if (firstShape === SHAPE_LOWER && !isLower) return null; // "de Paris": start at the capital
  const single = end === t + 1;
  const ambiguous = (flags & AMBIGUOUS) !== 0 || (single && (flags & COMMON) !== 0);
  const personName = single && (flags & NAME) !== 0;

  // Next word: a street word makes it an address; a capitalised name after a given name makes it a person.
  const nextJoined = end < n && joined(tokens, end);
  const fn = nextJoined && tokens.shape[end] !== SHAPE_OTHER ? tokens.flags(end) : 0;
  if (fn & CUE_STREET) return null;
  if (fn & CUE_LEGAL_SUFFIX && isLegalSuffix(tokens, end)) return null;
  if (t > 0 && (tokens.bits[t]! & GAP_NEWLINE) === 0 && tokens.shape[t - 1] !== SHAPE_OTHER) {
    const fp = tokens.flags(t - 1);
    if (fp & CUE_HONORIFIC) return null;
    // "van der Berg", "von Bremen": a surname particle, not a place preposition.
    // ("in der Schweiz": an article after a place preposition)
    if (tokens.shape[t - 1] === SHAPE_LOWER && SURNAME_PARTICLES.has(tokens.key(t - 1)) && !(flags & (COUNTRY | REGION) && afterPrepositionAndArticle(tokens, t))) return null;
    // "rue de Paris", "Calle Madrid", "Berliner Str." are addresses; "Av. Brasil"
    if (fp & CUE_STREET && tokens.end[t - 1]! - tokens.start[t - 1]! > 2) return null;
  }
  // A capitalised word joined before or after that is a person name: "Paris Hilton", "Anna Berlin".
  if (personName && tokens.shape[end] === SHAPE_TITLE && fn & NAME && !(fn & (PLACE | COMMON))) return null;

  // "in May", "in August": a month or weekday, not a place.
  if (single && ambiguous && MONTHS_AND_DAYS.has(tokens.key(t))) return null;
  // "stuck in Outlook", "open it in Teams": software named like a town needs the town's region or country after it
  // ("Outlook, Saskatchewan").
  if (single && ambiguous && TECH_WORDS.has(tokens.key(t)) && !regionOrCountryAfter(tokens, end)) return null;
  const ctx = contextAround(tokens, g, t, end, (flags & (COUNTRY | REGION)) !== 0);
  const initial = sentenceInitial(tokens, t);
  const words = ctx.words; // (a fresh array per call: the finding may keep it)
  let score = 0;
  const kind = flags & COUNTRY ? 'country' : flags & REGION ? 'region' : flags & MAJOR_CITY ? 'major-city' : 'city';
  const base = kind === 'country' ? 0.85 : kind === 'major-city' ? 0.8 : kind === 'region' ? 0.75 : 0.7;

  if (isLower && ambiguous) return null;
  // A short word in capitals among other capitals says nothing about case: "NEAR US".
  if (isUpper && ambiguous && tokens.end[end - 1]! - tokens.start[t]! <= 3 && ((t > 0 && tokens.shape[t - 1] === SHAPE_UPPER) || (end < n && tokens.shape[end] === SHAPE_UPPER))) return null;
  // A short all-caps word is an acronym ("VAT number", "LAX") unless it names a country or the context says place.
  if (isUpper && single && tokens.end[t]! - tokens.start[t]! <= 3 && kind !== 'country' && !ctx.strong) return null;
  if (isLower || isUpper) {
    // Case says nothing: need context.
    if (kind === 'city' && !ctx.strong && !(ctx.weak && isUpper)) return null;
    if (!ctx.strong && !ctx.weak) {
      // Lower-case countries and big cities that are not words ("germany", "london") still count, weakly.
      if (isLower && (kind === 'country' || kind === 'major-city') && !ambiguous && !personName && tokens.end[end - 1]! - tokens.start[t]! >= 5) {
        score = 0.55;
      } else if (isUpper && kind !== 'city' && !ambiguous && !personName) {
        score = 0.65;
      } else return null;
    } else {
      if (ambiguous && !ctx.strong) return null;
      score = base - 0.1 + (ctx.strong ? 0.1 : 0);
    }
  } else if (isCap) {
    if (ambiguous) {
      if (!ctx.strong && !(ctx.weak && !initial)) return null;
      if (initial && !ctx.strong) return null;
      score = base - 0.1;
    } else if (kind === 'city') {
      if (ctx.strong) score = 0.75;
      else if (ctx.weak) score = 0.7;
      else if (initial) return null;
      else if (personName) return null;
      else score = 0.5;
    } else {
      score = base + (ctx.strong ? 0.05 : 0);
    }
  } else return null;

  if (personName && !ctx.strong) {
    // Given names and surnames that are also places: "Jackson", "Florence", "Chad".
    if (flags & GIVEN || !(flags & (COUNTRY | REGION))) {
      if (!ctx.weak) return null;
      score -= 0.1;
      words.push({ word: '(also a name)', effect: -0.1 });
    }
  } else if (personName && flags & (GIVEN | SURNAME)) {
    score -= 0.05;
  }
  score = Math.round(Math.min(0.95, score) * 100) / 100;
  if (score < 0.5) return null;

  // "Austin, TX": take the state code into the span.
  let endOffset = tokens.end[end - 1]!;
  if (end < n && tokens.bits[end]! & GAP_COMMA && !(tokens.bits[end]! & GAP_NEWLINE) && tokens.shape[end] === SHAPE_UPPER && STATE_CODES.has(tokens.word(end))) {
    endOffset = tokens.end[end]!;
  }
  return {
    start: tokens.start[t]!,
    end: endOffset,
    type: 'LOCATION',
    score,
    detector: 'location',
    explanation: { pattern: `gazetteer-${kind}`, validation: 'none', context: words },
  };
}

/** Software and support vocabulary (Outlook, Teams, Office, …), some of which are also towns. */
const TECH_WORDS: ReadonlySet<string> = new Set(COMMON_WORDS.tech);

/** A region or country right after token `end - 1`, after a comma ("Outlook, Saskatchewan"). */
function regionOrCountryAfter(tokens: Tokens, end: number): boolean {
  return end < tokens.count && (tokens.bits[end]! & GAP_COMMA) !== 0 && (tokens.flags(end) & (REGION | COUNTRY)) !== 0;
}

export function createLocationDetector(g: Gazetteer): Detector {
  watchPersonCues(g);
  g.watch(STRONG_PREPS, CUE_PREP_STRONG, 'context');
  g.watch(WEAK_PREPS, CUE_PREP_WEAK, 'context');
  g.watch(PLACE_PHRASE_LAST, CUE_PLACE_PHRASE_END, 'context');
  return {
    id: 'location',
    version: '1',
    types: ['LOCATION'],
    detect(text) {
      return findLocations(text, g);
    },
  };
}

