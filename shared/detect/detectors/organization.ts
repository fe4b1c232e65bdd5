/**
 * ORGANIZATION detector: company and institution names in free text.
 *
 * Evidence, strongest first:
 *  - legal-form suffix: a run of capitalised words ending in Inc, Ltd, LLC, LLP, PLC, GmbH, AG, KG, SE, SA, SAS, SARL,
 *    S.L., S.A., BV, B.V., NV, Pty Ltd, Co., Corp ... — 0.85 (the suffix and its dot are part of the span); word-like
 *    suffixes (Company, Group, Holdings, "& Sons", "and Partners", "& Associates") — 0.75. A lower-case run counts
 *    only before an unmistakable suffix ("frost llc"). "Jones, Mitchell and Williams LLP" is taken whole;
 *  - an organisation head noun after a capitalised, non-common word ("Innovest Systems", "Castle Biosciences",
 *    "Northwind Bank"), or "University/Bank/Institute of X" — 0.7;
 *  - employment context before a capitalised run: "works at", "work for", "employed by", "job at", "joined",
 *    "arbeite bei", "tätig bei", "travaille chez", "trabajo en" — 0.7; "the X office/headquarters" — 0.6;
 *  - signature blocks: a line of capitalised words right after a line that is a person's name (optionally with a
 *    job-title line between) — 0.6;
 *  - "X is from <Name>", "I'm from <Name>" with a name no list knows — 0.55; an unknown proper noun after "at",
 *    "for" or "with" ("a year at Solarlist") — 0.5, the weakest rule.
 * Known people and places, and runs of common words only ("Customer Services Group" is kept only with a legal
 * suffix), are not reported here.
 */

import type { Detector, Finding } from '../finding';
import {
  CUE_EMPLOYMENT_END, CUE_FROM_SUBJECT, CUE_OF_HEAD, CUE_ORG_AFTER, CUE_ORG_HEAD, CUE_ORG_PREP,
  COMMON, GAP_AMP, GAP_COMMA, GAP_DOT, GAP_NEWLINE, GAP_OTHER, GAP_SENTENCE, NAME, PLACE, SHAPE_LOWER, SHAPE_MIXED,
  SHAPE_OTHER, SHAPE_TITLE, SHAPE_UPPER, TOK_DOT_AFTER, TOK_GLUED, TOK_LISTED, joined, sentenceInitial, tokenize,
  type Gazetteer, type Tokens,
} from '../gazetteer';
import { LEGAL_SUFFIXES, findPersonsCached, isLegalSuffix, properNounAt, watchPersonCues } from './person';

type Ctx = { word: string; effect: number };

/** Suffixes written as abbreviations with a dot ("Ltd.", "Inc.", "Co."): the dot is part of the name. */
const DOTTED_ABBREVIATIONS = new Set(['ltd', 'inc', 'co', 'corp', 'bros', 'cie', 'pty', 'incorp']);

/** Suffixes that are word-like (a company is likely, but not certain). */
const SOFT_SUFFIXES = new Set(['company', 'group', 'holdings', 'holding', 'gruppe', 'sons', 'partners', 'partner', 'associates', 'corporation', 'incorporated', 'limited', 'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros']);
/** Suffixes joined by "&" or "and": "Smith & Sons", "Dupont et Fils", "Baker and Partners", "Müller & Co". */
const FAMILY_SUFFIXES = new Set(['sons', 'partners', 'partner', 'associates', 'co', 'cie', 'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros', 'company']);
/** Suffixes that are unmistakable even in lower case. */
const LOWER_OK_SUFFIXES = new Set(['inc', 'ltd', 'llc', 'llp', 'plc', 'gmbh', 'corp', 'incorporated', 'corporation']);

/** Head nouns that take "of": "University of Leeds", "Bank of Scotland". */
const OF_HEADS = new Set(['university', 'bank', 'institute', 'college', 'school', 'department', 'ministry', 'museum', 'church', 'society', 'association', 'federation', 'council', 'academy', 'hospital']);

const EMPLOYMENT: readonly (readonly string[])[] = [
  ['works', 'at'], ['work', 'at'], ['working', 'at'], ['worked', 'at'], ['works', 'for'], ['work', 'for'],
  ['working', 'for'], ['worked', 'for'], ['employed', 'by'], ['employed', 'at'], ['employee', 'of'], ['job', 'at'],
  ['joined'], ['employer'], ['employer', 'is'], ['intern', 'at'], ['manager', 'at'], ['engineer', 'at'],
  ['developer', 'at'], ['ceo', 'of'], ['founder', 'of'], ['cto', 'of'], ['on', 'behalf', 'of'], ['company', 'is'],
  ['arbeite', 'bei'], ['arbeitet', 'bei'], ['arbeiten', 'bei'], ['tätig', 'bei'], ['angestellt', 'bei'],
  ['beschäftigt', 'bei'], ['firma'], ['travaille', 'chez'], ['travaillons', 'chez'], ['travaille', 'pour'],
  ['trabajo', 'en'], ['trabaja', 'en'], ['trabajo', 'para'], ['trabaja', 'para'], ['empresa'],
];
const EMPLOYMENT_LAST = new Set(EMPLOYMENT.map((p) => p[p.length - 1]!));
const AFTER_WORDS = new Set(['office', 'offices', 'headquarters', 'hq', 'branch', 'subsidiary', 'inc', 'staff', 'employees']);

function isCapWord(tokens: Tokens, t: number): boolean {
  const sh = tokens.shape[t];
  return (sh === SHAPE_TITLE || sh === SHAPE_UPPER || sh === SHAPE_MIXED) && (tokens.bits[t]! & TOK_GLUED) === 0;
}

function isWord(tokens: Tokens, t: number): boolean {
  return t >= 0 && t < tokens.count && tokens.shape[t] !== SHAPE_OTHER && (tokens.bits[t]! & TOK_GLUED) === 0;
}

/** Dotted initials forming a suffix ("S.A.", "B.V.", "S.p.A."): returns [key, end token] or null. */
function dottedSuffix(tokens: Tokens, t: number): { key: string; end: number } | null {
  let k = '';
  let e = t;
  while (e < tokens.count && tokens.end[e]! - tokens.start[e]! === 1 && tokens.bits[e]! & TOK_DOT_AFTER && (e === t || (tokens.bits[e]! & (GAP_NEWLINE | GAP_COMMA)) === 0)) {
    k += tokens.key(e);
    e++;
    if (e - t >= 3) break;
  }
  if (e - t < 2) return null;
  return LEGAL_SUFFIXES.has(k) ? { key: k, end: e } : null;
}

function round(x: number): number {
  return Math.round(Math.min(0.95, x) * 100) / 100;
}

function make(tokens: Tokens, a: number, b: number, score: number, pattern: string, context: Ctx[]): Finding {
  const dot = tokens.bits[b - 1]! & TOK_DOT_AFTER && DOTTED_ABBREVIATIONS.has(tokens.key(b - 1)) ? 1 : 0;
  const dotted = tokens.end[b - 1]! - tokens.start[b - 1]! === 1 && tokens.bits[b - 1]! & TOK_DOT_AFTER ? 1 : 0;
  return {
    start: tokens.start[a]!,
    end: tokens.end[b - 1]! + Math.max(dot, dotted),
    type: 'ORGANIZATION',
    score: round(score),
    detector: 'organization',
    explanation: { pattern, validation: 'none', context },
  };
}

/**
 * Walks back from the suffix at `s` over the company name. Returns the first token of the name, or -1.
 * Accepts capitalised words, '&'/'and'/'und' between capitalised words, and the "A, B and C" list form.
 */
function nameStartBefore(tokens: Tokens, s: number, lowerOk: boolean): number {
  let a = s;
  let words = 0;
  let i = s - 1;
  while (i >= 0 && words < 5) {
    const b = tokens.bits[i + 1]!;
    if (b & (GAP_NEWLINE | GAP_SENTENCE) && !(b & GAP_DOT && tokens.end[i]! - tokens.start[i]! === 1)) break;
    if (b & GAP_OTHER) break;
    if (!isWord(tokens, i)) break;
    const k = tokens.key(i);
    const comma = (b & GAP_COMMA) !== 0;
    if (comma && !(words > 0 && a < s && hasConjunctionBetween(tokens, a, s))) {
      // a comma is allowed only in the "A, B and C" form
      break;
    }
    if ((k === 'and' || k === 'und' || k === 'et' || k === 'y') && tokens.shape[i] === SHAPE_LOWER) {
      if (words === 0) break;
      i--;
      continue;
    }
    if (isCapWord(tokens, i)) {
      const f = tokens.flags(i);
      // The first word of a sentence that is a common word ("The", "Our") is not part of the name.
      if (f & COMMON && !(f & (NAME | PLACE)) && (sentenceInitial(tokens, i) || (tokens.shape[i] === SHAPE_TITLE && i > 0 && tokens.shape[i - 1] === SHAPE_LOWER && words > 0 && isArticle(k)))) break;
      if (isArticle(k)) break;
      a = i;
      words++;
      i--;
      continue;
    }
    if (lowerOk && tokens.shape[i] === SHAPE_LOWER && !LOWER_STOP.has(k) && words < 3) {
      a = i;
      words++;
      i--;
      continue;
    }
    break;
  }
  // "and" joins names only in the "A, B and C" form: otherwise the name starts after the last conjunction.
  let comma = false;
  for (let i = a + 1; i < s; i++) if (tokens.bits[i]! & GAP_COMMA) comma = true;
  if (!comma) {
    for (let i = s - 1; i >= a; i--) {
      // "Dupont et Fils SARL": a family word after the conjunction keeps the name whole.
      if (tokens.shape[i] === SHAPE_LOWER && CONJUNCTIONS.has(tokens.key(i)) && !(i + 1 < s && FAMILY_SUFFIXES.has(tokens.key(i + 1)))) {
        a = i + 1;
        break;
      }
    }
  }
  // Never start at a conjunction.
  while (a < s && tokens.shape[a] === SHAPE_LOWER && CONJUNCTIONS.has(tokens.key(a))) a++;
  return words > 0 && a < s ? a : -1;
}

const CONJUNCTIONS = new Set(['and', 'und', 'et', 'y']);

/** Function words that end a lower-case company name going backwards ("came from frost llc"). */
const LOWER_STOP = new Set(['the', 'a', 'an', 'from', 'to', 'at', 'by', 'with', 'for', 'of', 'in', 'on', 'and', 'or', 'our',
  'my', 'your', 'their', 'his', 'her', 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'this', 'that', 'these', 'those',
  'via', 'called', 'named', 'der', 'die', 'das', 'von', 'bei', 'mit', 'le', 'la', 'les', 'de', 'du', 'el', 'los']);

function isArticle(k: string): boolean {
  return k === 'the' || k === 'a' || k === 'an' || k === 'die' || k === 'der' || k === 'das' || k === 'le' || k === 'la' || k === 'les' || k === 'el' || k === 'los' || k === 'our' || k === 'my' || k === 'your';
}

function hasConjunctionBetween(tokens: Tokens, a: number, s: number): boolean {
  for (let i = a; i < s; i++) {
    const k = tokens.key(i);
    if (k === 'and' || k === 'und' || k === 'et' || k === 'y' || tokens.bits[i]! & GAP_AMP) return true;
  }
  return false;
}

export function findOrganizations(text: string, g: Gazetteer): Finding[] {
  const tokens = tokenize(text, g);
  const n = tokens.count;
  const out: Finding[] = [];
  let lastEnd = 0; // token index: findings do not overlap
  for (let t = 0; t < n; t++) {
    if (!isWord(tokens, t)) continue;
    // Only capitalised words and watched words (suffixes, head nouns) can start or end a finding here.
    if (!(tokens.bits[t]! & TOK_LISTED) && !isCapWord(tokens, t)) continue;
    // 1. Legal-form suffix (or dotted initials) at t.
    let suffixEnd = -1;
    let suffixKey = '';
    const dotted = tokens.shape[t] === SHAPE_TITLE || tokens.shape[t] === SHAPE_UPPER ? dottedSuffix(tokens, t) : null;
    if (dotted !== null) {
      suffixEnd = dotted.end;
      suffixKey = dotted.key;
    } else if (isLegalSuffix(tokens, t) && t > 0) {
      suffixEnd = t + 1;
      suffixKey = tokens.key(t);
      // "Pty Ltd", "GmbH & Co. KG", "Co., Ltd."
      while (suffixEnd < n && suffixEnd - t < 4 && (joined(tokens, suffixEnd) || tokens.bits[suffixEnd]! & (GAP_AMP | GAP_DOT | GAP_COMMA)) && !(tokens.bits[suffixEnd]! & GAP_NEWLINE) && isLegalSuffix(tokens, suffixEnd) && !SOFT_SUFFIXES.has(tokens.key(suffixEnd))) suffixEnd++;
    }
    if (suffixEnd > 0 && t > lastEnd - 1) {
      const b = tokens.bits[t]!;
      // The suffix must be attached to the name: one space, '&' (for "& Sons", "& Co"), or "and" before it.
      let s = t;
      let viaAnd = false;
      if (t > 0 && (tokens.key(t - 1) === 'and' || tokens.key(t - 1) === 'und') && joined(tokens, t - 1 + 1)) {
        if (FAMILY_SUFFIXES.has(suffixKey)) {
          s = t - 1;
          viaAnd = true;
        }
      }
      const bs = tokens.bits[s]!;
      const attached = (bs & (GAP_NEWLINE | GAP_SENTENCE)) === 0 || (bs & GAP_DOT && tokens.end[s - 1]! - tokens.start[s - 1]! === 1);
      const ampOk = (b & GAP_AMP) !== 0 && FAMILY_SUFFIXES.has(suffixKey);
      if (attached && ((bs & (GAP_COMMA | GAP_OTHER)) === 0 || suffixKey === 'ltd' || suffixKey === 'inc') && (joined(tokens, s) || ampOk || viaAnd || (bs & GAP_COMMA && (suffixKey === 'inc' || suffixKey === 'ltd')))) {
        const lowerOk = tokens.shape[t] === SHAPE_LOWER && LOWER_OK_SUFFIXES.has(suffixKey);
        const a = nameStartBefore(tokens, s, lowerOk || tokens.shape[t] !== SHAPE_LOWER && false);
        const a2 = a === -1 && lowerOk ? nameStartBefore(tokens, s, true) : a;
        if (a2 >= 0 && a2 >= lastEnd) {
          let allCommon = true;
          for (let i = a2; i < s; i++) {
            const f = tokens.flags(i);
            if (!(f & COMMON) || f & NAME) allCommon = false;
          }
          const soft = SOFT_SUFFIXES.has(suffixKey) && dotted === null;
          if (!(allCommon && soft && !viaAnd && !ampOk)) {
            const score = soft ? 0.75 : allCommon ? 0.7 : 0.85;
            out.push(make(tokens, a2, suffixEnd, score, 'legal-suffix', [{ word: tokens.word(t), effect: round(score - 0.5) }]));
            lastEnd = suffixEnd;
            t = suffixEnd - 1;
            continue;
          }
        }
      }
    }
    // 2. Head noun: "Innovest Systems", "University of Leeds".
    const ft = isCapWord(tokens, t) ? tokens.flags(t) : 0;
    if (t >= lastEnd && isCapWord(tokens, t) && tokens.shape[t] !== SHAPE_UPPER && ft & (CUE_ORG_HEAD | CUE_OF_HEAD)) {
      if (ft & CUE_ORG_HEAD && t > 0 && joined(tokens, t)) {
        const a = nameStartBefore(tokens, t, false);
        if (a >= 0 && a >= lastEnd) {
          let distinctive = false;
          for (let i = a; i < t; i++) {
            const f = tokens.flags(i);
            if (!(f & COMMON) && !(f & PLACE && i === a && t - a === 1)) distinctive = true;
          }
          if (distinctive) {
            let e = t + 1;
            while (e < n && e - t < 3 && joined(tokens, e) && isCapWord(tokens, e) && (tokens.flags(e) & CUE_ORG_HEAD || isLegalSuffix(tokens, e))) e++;
            out.push(make(tokens, a, e, 0.7, 'head-noun', [{ word: tokens.word(t), effect: 0.2 }]));
            lastEnd = e;
            t = e - 1;
            continue;
          }
        }
      }
      if (ft & CUE_OF_HEAD && t + 2 < n && joined(tokens, t + 1) && tokens.key(t + 1) === 'of' && joined(tokens, t + 2) && isCapWord(tokens, t + 2)) {
        let e = t + 3;
        while (e < n && e - t < 6 && joined(tokens, e) && isCapWord(tokens, e)) e++;
        out.push(make(tokens, t, e, 0.7, 'head-noun-of', [{ word: `${tokens.word(t)} of`, effect: 0.2 }]));
        lastEnd = e;
        t = e - 1;
        continue;
      }
    }
    // 3. Employment context before a capitalised run.
    if (t >= lastEnd && t > 0 && isCapWord(tokens, t) && (tokens.bits[t]! & (GAP_NEWLINE | GAP_SENTENCE)) === 0) {
      const cue = employmentCueBefore(tokens, t);
      if (cue !== null) {
        let e = capRunEnd(tokens, t);
        let suffixed = e - 1 > t && isLegalSuffix(tokens, e - 1);
        if (!suffixed && e < n && isLegalSuffix(tokens, e) && (joined(tokens, e) || (tokens.bits[e]! & GAP_AMP) !== 0)) {
          suffixed = true;
          e++;
        }
        if (e > t && (suffixed || !isKnownPersonOrPlace(tokens, g, t, e))) {
          out.push(make(tokens, t, e, suffixed ? 0.9 : 0.7, 'employment-context', [{ word: cue, effect: 0.2 }]));
          lastEnd = e;
          t = e - 1;
          continue;
        }
      }
      // "Kelvin is from Innography", "I'm from Acme": a capitalised name the gazetteers do not know.
      const from = fromCueBefore(tokens, t);
      if (from !== null) {
        const e2 = capRunEnd(tokens, t);
        let unknownWords = true;
        for (let i = t; i < e2; i++) if (tokens.flags(i) & (COMMON | PLACE | NAME)) unknownWords = false;
        if (e2 > t && unknownWords) {
          out.push(make(tokens, t, e2, 0.55, 'from-context', [{ word: from, effect: 0.05 }]));
          lastEnd = e2;
          t = e2 - 1;
          continue;
        }
      }
      // "a year at Solarlist", "recorded for Tuvalabs": an unknown proper noun after at/for/with (weak).
      const pn = properNounAt(tokens, g, t);
      if (pn > t && t > 0 && tokens.flags(t - 1) & CUE_ORG_PREP && joined(tokens, t)) {
        out.push(make(tokens, t, pn, 0.5, 'proper-noun-after-preposition', [{ word: tokens.key(t - 1), effect: 0 }]));
        lastEnd = pn;
        t = pn - 1;
        continue;
      }
      // "the X office", "X headquarters"
      const e = capRunEnd(tokens, t);
      if (e < n && e > t && joined(tokens, e) && tokens.flags(e) & CUE_ORG_AFTER && tokens.shape[e] === SHAPE_LOWER && !isKnownPersonOrPlace(tokens, g, t, e)) {
        let allCommon = true;
        for (let i = t; i < e; i++) if (!(tokens.flags(i) & COMMON)) allCommon = false;
        if (!allCommon && !sentenceInitial(tokens, t)) {
          out.push(make(tokens, t, e, 0.6, 'office-context', [{ word: tokens.key(e), effect: 0.1 }]));
          lastEnd = e;
          t = e - 1;
          continue;
        }
      }
    }
  }
  addSignatureOrgs(text, g, tokens, out);
  return out;
}

function employmentCueBefore(tokens: Tokens, t: number): string | null {
  const p = t - 1;
  if (!isWord(tokens, p) || !(tokens.flags(p) & CUE_EMPLOYMENT_END)) return null;
  const k = tokens.key(p);
  for (const phrase of EMPLOYMENT) {
    const m = phrase.length;
    if (phrase[m - 1] !== k || p - m + 1 < 0) continue;
    let ok = true;
    for (let i = 0; i < m - 1; i++) {
      const x = p - m + 1 + i;
      if (!isWord(tokens, x) || tokens.key(x) !== phrase[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase.join(' ');
  }
  return null;
}

const FROM_SUBJECTS = new Set(['is', 'am', "i'm", 'im', 'are', "we're", "he's", "she's", 'was', 'were', 'calling', 'writing']);

/** "X is from", "I'm from", "calling from": the word before 'from' is a form of be or a calling verb. */
function fromCueBefore(tokens: Tokens, t: number): string | null {
  const p = t - 1;
  if (!isWord(tokens, p) || !(tokens.flags(p) & CUE_FROM_SUBJECT) || tokens.key(p) !== 'from' || !isWord(tokens, p - 1)) return null;
  if (!(tokens.flags(p - 1) & CUE_FROM_SUBJECT)) return null;
  const k = tokens.key(p - 1);
  return (tokens.bits[p]! & (GAP_NEWLINE | GAP_SENTENCE)) === 0 ? `${k} from` : null;
}

/** End of a run of capitalised words (max 4) starting at t, allowing "&" and "and" between capitalised words. */
function capRunEnd(tokens: Tokens, t: number): number {
  let e = t;
  while (e < tokens.count && e - t < 4) {
    if (e > t && !(joined(tokens, e) || (tokens.bits[e]! & GAP_AMP && !(tokens.bits[e]! & (GAP_NEWLINE | GAP_COMMA | GAP_SENTENCE))))) break;
    if (!isCapWord(tokens, e)) break;
    const f = tokens.flags(e);
    if (e > t && f & COMMON && !(f & (NAME | PLACE)) && tokens.shape[e] === SHAPE_TITLE && !(f & CUE_ORG_HEAD)) break;
    e++;
  }
  return e;
}

function isKnownPersonOrPlace(tokens: Tokens, g: Gazetteer, a: number, e: number): boolean {
  // Two words with a known given name first: a person ("works for John Smith").
  const f = tokens.flags(a);
  if (e - a >= 2 && f & NAME && !(f & COMMON)) return true;
  if (e - a === 1 && f & (PLACE | NAME) && !(f & COMMON)) return true;
  if (e - a === 1 && f & COMMON) return true;
  void g;
  return false;
}

/** A line of capitalised words after a person's name line (signature block). */
function addSignatureOrgs(text: string, g: Gazetteer, tokens: Tokens, out: Finding[]): void {
  if (text.indexOf('\n') === -1) return;
  const persons = findPersonsCached(text, g);
  if (persons.length === 0) return;
  const taken = (a: number, b: number): boolean => out.some((f) => f.start < tokens.end[b - 1]! && tokens.start[a]! < f.end);
  for (const p of persons) {
    // The person's span must be a whole line.
    const s = p.startToken;
    const e = p.endToken;
    if (!(tokens.bits[s]! & (GAP_NEWLINE | 1)) || e >= tokens.count || !(tokens.bits[e]! & GAP_NEWLINE)) continue;
    if (p.finding.score < 0.7) continue;
    let line = e;
    for (let hop = 0; hop < 2 && line < tokens.count; hop++) {
      let le = line + 1;
      while (le < tokens.count && !(tokens.bits[le]! & GAP_NEWLINE)) le++;
      if (le - line > 6) break;
      let capWords = 0;
      let commonWords = 0;
      let connectors = 0;
      let other = false;
      for (let i = line; i < le; i++) {
        if (!isWord(tokens, i)) {
          other = true;
          break;
        }
        if (isCapWord(tokens, i)) capWords++;
        else if (['and', 'und', 'of', 'for', 'the', 'et', 'y'].includes(tokens.key(i))) connectors++;
        else commonWords++;
        if (tokens.flags(i) & COMMON && isCapWord(tokens, i)) commonWords++;
      }
      if (other) break;
      const allCap = capWords > 0 && capWords + connectors === le - line && !['and', 'und', 'of', 'for', 'et', 'y'].includes(tokens.key(line));
      const knownPlaceOrPerson = le - line <= 3 && isKnownPersonOrPlace(tokens, g, line, le) && le - line === 1;
      if (allCap && commonWords < le - line && !knownPlaceOrPerson && !taken(line, le)) {
        out.push(make(tokens, line, le, 0.6, 'signature-block', [{ word: '(line after a name)', effect: 0.1 }]));
        break;
      }
      // A job-title line (mostly lower-case or common words) may sit between the name and the company.
      if (hop === 0 && commonWords > 0) {
        line = le;
        continue;
      }
      break;
    }
  }
}

export function createOrganizationDetector(g: Gazetteer): Detector {
  watchPersonCues(g);
  g.watch(OF_HEADS, CUE_OF_HEAD, false);
  g.watch(EMPLOYMENT_LAST, CUE_EMPLOYMENT_END, false);
  g.watch(AFTER_WORDS, CUE_ORG_AFTER, false);
  g.watch([...FROM_SUBJECTS, 'from'], CUE_FROM_SUBJECT, false);
  return {
    id: 'organization',
    version: '1',
    types: ['ORGANIZATION'],
    detect(text) {
      return findOrganizations(text, g);
    },
  };
}
