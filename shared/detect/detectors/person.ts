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
 *  - `label`: a form label before the name ("Name: Crystal Grant", "Customer: heather pustivšek", "Kunde:") — 0.85;
 *  - at the start of a sentence, where a capital says nothing (`person/subject.ts`): `sentence-subject`, a word
 *    outside the English vocabulary (SCOWL) and the hand-made lists before a verb ("Tebogo is ...", "michael is"
 *    for a known lower-case given name) — 0.5–0.6; `vocative` ("Brianna, can you ...") — 0.55; `paired-subject`
 *    ("Egede and Walker were ...") — 0.6;
 *  - `proper-noun`: a capitalised word in mid-sentence that no list knows and that is outside the English
 *    vocabulary, not in a headline, not after a determiner, not before a product noun ("Teams app") and without an
 *    ordinary-word ending — 0.5, the weakest rule (a profile with minScore above 0.5 drops it).
 * A name that is also a common word (Will, Mark, Grace, May, Bill) is *ambiguous*: alone it needs a cue.
 * ALL-CAPS words count only as known names or next to a cue; alone (`gazetteer-first-name-caps`, 0.5) only a given
 * name of four letters or more that is no surname, place, common or English word ("CALL JAKE ASAP", not "IBAN").
 * Runs followed by a street word ("Halsey Road"), a legal-form suffix ("Smith Ltd") or an organisation noun ("Clinton
 * Foundation") are left to the other detectors.
 */

import type { Detector } from '../finding';
import {
  AMBIGUOUS, COMMON, COUNTRY, CUE_ADDRESS, CUE_CONJUNCTION, CUE_HONORIFIC, CUE_NAME_SUFFIX, CUE_ORG_HEAD,
  CUE_ORG_PREP, CUE_PARTICLE, CUE_PREP_STRONG, CUE_REPORTING, CUE_STREET, GAP_AMP, GAP_NEWLINE, GAP_SENTENCE,
  GAP_START, GIVEN, MAJOR_CITY, NAME, PLACE, REGION, SHAPE_LOWER, SHAPE_OTHER, SHAPE_TITLE, SHAPE_UPPER, SURNAME,
  TOK_DOT_AFTER, TOK_GLUED, TOK_INNER, TOK_LISTED, joined, longestMatch, sentenceInitial, tokenize, type Gazetteer, type Tokens,
} from '../gazetteer';
import { MAIL_HEADER_LABELS, NAME_LABELS, isLegalSuffix, watchPersonCues } from './person/cue-words';
import { isEnglishText, isGermanText, isRomanceText } from './person/text-language';
import { cueBefore, type Cue } from './person/cues';
import { addListedAfterLabel, PEOPLE_NOUNS } from './person/listed';
import { addCoordinated } from './person/coordinated';
import { properNounAt } from './person/proper-noun';
import { addRelations } from './person/relations';
import { pairedSubjectAt, subjectAt, vocativeAt } from './person/subject';
import { continues, isInitial, isNameShape, isPluralOfCommon, isWord, looksLikeWord, plausibleWord, type PersonSpan } from './person/token-tests';

export { HONORIFICS, LEGAL_SUFFIXES, ORG_HEAD_NOUNS, PARTICLES, STREET_WORDS, isLegalSuffix, watchPersonCues } from './person/cue-words';
export { properNounAt } from './person/proper-noun';
export type { PersonSpan } from './person/token-tests';

type Ctx = { word: string; effect: number };

const WELL_KNOWN_PLACE = COUNTRY | REGION | MAJOR_CITY;

const MAX_RUN = 6;

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
      const pair = cue === null && cap ? pairedSubjectAt(tokens, t) : null;
      if (pair !== null) {
        out.push(...pair);
        t += 3;
        continue;
      }
      const subject = cue === null ? (subjectAt(tokens, g, t) ?? vocativeAt(tokens, g, t)) : null;
      if (subject !== null) out.push(subject);
      t++;
      continue;
    }
    out.push(res);
    t = res.endToken;
  }
  addCoordinated(tokens, out);
  addListedAfterLabel(tokens, out);
  addRelations(tokens, out);
  return out;
}

/** Honorifics that never end a name ("Anna Frau" is none): a run stops before them. */
const RUN_BREAKING_HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'frau', 'herr', 'herrn', 'monsieur', 'madame', 'mme', 'mlle', 'señor', 'señora',
  'sra', 'srta',
]);

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
    // An honorific starts a name of its own: "Büro von Frau Schneider" is no name up to "Frau".
    if (e > t && fe & CUE_HONORIFIC && sh !== SHAPE_LOWER && RUN_BREAKING_HONORIFICS.has(tokens.key(e))) break;
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
      // (GeoNames towns share many surnames: only well-known places stop it.)
      if (f & COMMON || (f & WELL_KNOWN_PLACE && !(f & NAME))) break;
      if (!(f & NAME)) {
        // ... and not an English word ("claudia concert").
        if (classes.length !== 1 || /(?:ing|ed|ly)$/.test(tokens.key(e)) || tokens.englishWord(e)) break;
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
  // (Truncating with `length =` is a runtime call; a cut is rare.)
  const cls = cut === classes.length ? classes : classes.slice(0, cut);

  // Context after the run.
  // Only watched words matter after a run (street words, suffixes, head nouns, reporting verbs, conjunctions).
  const fn = end < n && isWord(tokens, end) && (tokens.bits[end]! & GAP_NEWLINE) === 0 ? tokens.flags(end) : 0;
  const nextJoined = end < n && joined(tokens, end);
  if (nextJoined && fn & CUE_STREET) return null;
  // "Clark Airbase Hospital", "Clinton Foundation": an organisation.
  if (nextJoined && tokens.shape[end] === SHAPE_TITLE && fn & CUE_ORG_HEAD) return null;
  if (fn !== 0 && (tokens.bits[end]! & (GAP_SENTENCE | GAP_NEWLINE)) === 0 && isLegalSuffix(tokens, end)) return null;
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
      // (After an honorific or a form label a name that is also a word counts: "mrs. dawn", "Name: heather".)
      if (open && !plausibleWord(tokens, t, cue.kind === 'honorific' || cue.kind === 'label')) return null;
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
    if (!(c0 & C_KNOWN_GIVEN) || tokens.end[t]! - tokens.start[t]! < 3) return null;
    // A given name that is also a well-known place ("michael" is a region) needs a surname after it.
    if (c0 & C_PLACE && !(words >= 2 && (known >= 2 || unknown >= 1))) return null;
    if (words >= 2 && (known >= 2 || unknown >= 1)) {
      score = known >= 2 ? 0.7 : 0.6;
      pattern = 'gazetteer-full-name-lower';
    } else if (words === 1 && tokens.end[t]! - tokens.start[t]! >= 4 && !isPluralOfCommon(tokens, g, t) && !isRomanceText(tokens) && !isGermanText(tokens)) {
      // (not in French, Spanish or German text, whose words the English lists do not know: "vino", "dame")
      score = 0.5;
      pattern = 'gazetteer-first-name-lower';
    } else return null;
  } else {
    if (words >= 2 && known >= 1) {
      // "São Paulo", "Santa Cruz", "Rio de Janeiro": words of the name lists, but together a well-known place. (A
      // name found inside it then loses to the place, which contains it; see registry.ts.)
      const whole = longestMatch(tokens, g, t, WELL_KNOWN_PLACE);
      if (whole !== null && whole.end === end && !(whole.flags & AMBIGUOUS)) return null;
      if (place === words - known && known === 1 && knownGiven === 0 && unknown === 0) {
        score = 0.55; // one surname among places
      } else {
        score = known >= 2 || (knownGiven >= 1 && unknown === 0 && ambiguous === 0) ? 0.9 : 0.85;
      }
      pattern = knownGiven > 0 ? 'gazetteer-full-name' : 'gazetteer-surname';
      if (allUpper) score -= 0.1;
    } else if (words >= 2 && ambiguousGivenFirst && unknown >= 1 && !allUpper && !isGermanText(tokens)) {
      // "Grace Hopper": a given name that is also a word, with an unknown capitalised word (in German every noun is
      // capitalised: "Der Techniker" is no name).
      score = initial ? 0.55 : 0.65;
      pattern = 'gazetteer-ambiguous-name';
    } else if (words === 1 && known === 1 && !allUpper) {
      const c = cls.find((x) => !(x & (C_PARTICLE | C_INITIAL)))!;
      if (c & C_KNOWN_GIVEN) {
        score = initial ? 0.6 : 0.7;
        pattern = 'gazetteer-first-name';
      } else {
        // A lone surname that is also an English word ("Our Swift app", "the Green button") is a word in capitals.
        if (tokens.englishWord(t + cls.findIndex((x) => !(x & (C_PARTICLE | C_INITIAL))))) return null;
        score = initial ? 0.5 : 0.6;
        pattern = 'gazetteer-surname';
      }
      if (c & C_PLACE) {
        score -= 0.1;
        context.push({ word: '(also a place)', effect: -0.1 });
      }
      if (hasParticle) score += 0.1;
    } else if (words === 1 && allUpper && cls[0] === C_KNOWN_GIVEN && allCapsGivenName(tokens, t)) {
      // "GOOD LUCK MEETING JAKE TOMORROW", "surprise ELLEN tomorrow": a known given name in capitals, that no list
      // and no English word shares (not "MAY", "CHASE", "NOVA" ... nor an acronym such as "ANA").
      score = 0.5;
      pattern = 'gazetteer-first-name-caps';
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
      if (score > 0) context.push({ word: tokens.key(end), effect: 0.05 });
    }
    // Speaker label at the start of a line: "Kalman: Who are you?" (not a form label: "Name:", "Customer:", nor a
    // list label: "Attendees:", nor a mail header: "Von:").
    if (score < 0.6 && tokens.bits[t]! & (GAP_NEWLINE | GAP_START) && end < n && words <= 3 && !allUpper && text(tokens, end) === ':' && (known > 0 || !looksLikeWord(tokens, g, end - 1)) && !(end - t === 1 && (NAME_LABELS.has(tokens.key(t)) || PEOPLE_NOUNS.has(tokens.key(t)) || MAIL_HEADER_LABELS.has(tokens.key(t))))) {
      // (an unknown word only in English text: elsewhere it is a form label, "Beschreibung:", "Priorität:", "Sujet :")
      score = known > 0 || ambiguous > 0 ? 0.75 : isEnglishText(tokens) ? 0.55 : 0;
      if (score > 0) {
        pattern = 'speaker-label';
        context.push({ word: ':', effect: 0.1 });
      }
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

/**
 * Is the all-caps token t a given name that is nothing else: no surname, place or common or English word, and four
 * letters or more (short capitals are acronyms)?
 */
function allCapsGivenName(tokens: Tokens, t: number): boolean {
  if (tokens.end[t]! - tokens.start[t]! < 4) return false;
  return (tokens.flags(t) & (NAME | PLACE | COMMON | AMBIGUOUS)) === GIVEN && !tokens.englishWord(t);
}

/** The first non-space character after token `end - 1`'s end... i.e. the separator before token `end`. */
function text(tokens: Tokens, end: number): string {
  const from = tokens.end[end - 1]!;
  const s = tokens.text;
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) i++;
  return s.charAt(i);
}

let cache: { g: Gazetteer; entry: PersonCache } | null = null;

/** findPersons with a one-entry cache (the ORGANIZATION detector asks for the same value). */
export function findPersonsCached(text: string, g: Gazetteer): PersonSpan[] {
  if (cache !== null && cache.g === g && cache.entry.text === text) return cache.entry.spans;
  const spans = findPersons(text, g);
  cache = { g, entry: { text, spans } };
  return spans;
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

