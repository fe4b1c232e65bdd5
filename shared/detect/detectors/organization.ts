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
 *  - "X is from <Name>", "I'm from <Name>" with a name no list knows (or two capitalised words that are not a known
 *    person or place) — 0.55; an unknown proper noun or acronym after "at", "for" or "with" ("a year at Solarlist",
 *    "at BBC") — 0.5. After an employment or "is from" cue the run also takes capitalised common words ("Amazon Web
 *    Services");
 *  - `org-verb`: a capitalised run that is no known person or place, followed by a verb that companies do
 *    ("invested", "acquired", "announced", "is headquartered", "is the brainchild") — 0.6;
 *  - strong head nouns (Technologies, Robotics, Biosciences, Networks, Airlines, Insurance ...) also after ordinary
 *    capitalised words in mid-sentence ("Earth Networks", "Liquid Robotics") — 0.6;
 *  - `coordinated-org`: capitalised runs listed with a found organisation ("Flightstats, Transunion and Impaq
 *    International") — 0.55;
 *  - `recipient-line`: a short line of capitalised words that is no known person, right above an address line
 *    (a line starting with a house number) — 0.55.
 * Known people and places, and runs of common words only ("Customer Services Group" is kept only with a legal
 * suffix), are not reported here.
 *
 * Files: this one holds the sentence rules; ./organization/ holds the cue phrases and capitalised runs (runs.ts),
 * the rules read from a text's layout: recipient lines, signature blocks, listed names (layout-rules.ts), and the
 * finding of a span (make-finding.ts).
 */

import type { Detector, Finding } from '../finding';
import {
  CUE_EMPLOYMENT_END, CUE_ORG_VERB, CUE_FROM_SUBJECT, CUE_OF_HEAD, CUE_ORG_AFTER, CUE_ORG_HEAD, CUE_ORG_PREP, COMMON,
  GAP_AMP, GAP_COMMA, GAP_DOT, GAP_NEWLINE, GAP_OTHER, GAP_SENTENCE, NAME, PLACE, SHAPE_LOWER, SHAPE_OTHER,
  SHAPE_MIXED, SHAPE_TITLE, SHAPE_UPPER, TOK_ASCII, TOK_DOT_AFTER, TOK_GLUED, TOK_LISTED, hashKey, joined, sentenceInitial, tokenize, type Gazetteer,
  type Tokens,
} from '../gazetteer';
import {
  CONJUNCTIONS, EMPLOYMENT_LAST, FROM_SUBJECTS, acronymEnd, capRunEnd, cuedRunEnd, employmentCueBefore, fromCueBefore, isCapWord,
  isKnownPersonOrPlace, isWord, unknownRunAfterPreposition,
} from './organization/runs';
import { addCoordinatedOrgs, addRecipientLines, addSignatureOrgs, coveredTokens, isPersonSpan } from './organization/layout-rules';
import { make, round } from './organization/make-finding';
import { LEGAL_SUFFIXES, isLegalSuffix, properNounAt, watchPersonCues } from './person';

/** Suffixes that are word-like (a company is likely, but not certain). */
const SOFT_SUFFIXES = new Set(['company', 'group', 'holdings', 'holding', 'gruppe', 'sons', 'partners', 'partner', 'associates', 'corporation', 'incorporated', 'limited', 'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros']);
/** Suffixes joined by "&" or "and": "Smith & Sons", "Dupont et Fils", "Baker and Partners", "Müller & Co". */
const FAMILY_SUFFIXES = new Set(['sons', 'partners', 'partner', 'associates', 'co', 'cie', 'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros', 'company']);
/** Suffixes that are unmistakable even in lower case. */
const LOWER_OK_SUFFIXES = new Set(['inc', 'ltd', 'llc', 'llp', 'plc', 'gmbh', 'corp', 'incorporated', 'corporation']);

/** Head nouns that take "of": "University of Leeds", "Bank of Scotland". */
const OF_HEADS = new Set(['university', 'bank', 'institute', 'college', 'school', 'department', 'ministry', 'museum', 'church', 'society', 'association', 'federation', 'council', 'academy', 'hospital']);

/** Verbs after a company as subject; "is"/"was" phrases are checked word by word (`orgVerbAfter`). */
const ORG_VERBS = new Set(['invested', 'invests', 'acquired', 'acquires', 'announced', 'announces', 'launched', 'launches',
  'headquartered', 'hired', 'hires', 'merged', 'partnered', 'partners', 'raised', 'reported', 'employs', 'employed',
  'manufactures', 'sells', 'sold', 'ships', 'shipped', 'filed', 'unveiled', 'released', 'outsourced', 'laid']);
/** "X is the brainchild", "X is headquartered", "X was founded", "X is a 501(c)3 / company / nonprofit / startup". */
const ORG_IS_NEXT = new Set(['brainchild', 'headquartered', 'founded', 'based', 'incorporated', 'listed', 'acquired']);
const ORG_IS_A_NEXT = new Set(['company', 'nonprofit', 'non-profit', 'startup', 'start-up', 'firm', 'corporation', 'charity',
  'subsidiary', 'manufacturer', 'provider', 'vendor', 'retailer', 'bank', 'publisher', 'consultancy', 'agency']);
/** The tokeniser's hashes of those words: an ASCII token whose hash is not here is not one of them (no string needed). */
const ORG_IS_A_NEXT_HASHES = new Set([...ORG_IS_A_NEXT].map(hashKey));

/** Head nouns that make a company even after ordinary capitalised words ("Earth Networks", "Liquid Robotics"). */
const STRONG_HEADS = new Set(['technologies', 'robotics', 'biosciences', 'bioscience', 'networks', 'airlines', 'airways',
  'insurance', 'pharmaceuticals', 'therapeutics', 'diagnostics', 'analytics', 'logistics', 'laboratories', 'motors',
  'bancorp', 'biotech', 'telecom', 'aerospace', 'movers', 'realty']);
const AFTER_WORDS = new Set(['office', 'offices', 'headquarters', 'hq', 'branch', 'subsidiary', 'inc', 'staff', 'employees']);

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
  const shapes = tokens.shape;
  const bits = tokens.bits;
  for (let t = 0; t < n; t++) {
    // (isWord, and then TOK_LISTED or isCapWord, read once.)
    const sh = shapes[t]!;
    const bt = bits[t]!;
    if (sh === SHAPE_OTHER || bt & TOK_GLUED) continue;
    // Only capitalised words and watched words (suffixes, head nouns) can start or end a finding here.
    if (!(bt & TOK_LISTED) && sh !== SHAPE_TITLE && sh !== SHAPE_UPPER && sh !== SHAPE_MIXED) continue;
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
          // Ordinary words before a strong head noun, in mid-sentence and in title case: "Earth Networks".
          let strong = false;
          if (!distinctive && STRONG_HEADS.has(tokens.key(t)) && tokens.shape[a] === SHAPE_TITLE && !sentenceInitial(tokens, a) && !(a > 0 && isArticleAt(tokens, a - 1))) {
            strong = true;
            for (let i = a; i <= t; i++) if (tokens.shape[i] !== SHAPE_TITLE) strong = false;
          }
          if (distinctive || strong) {
            let e = t + 1;
            while (e < n && e - t < 3 && joined(tokens, e) && isCapWord(tokens, e) && (tokens.flags(e) & CUE_ORG_HEAD || isLegalSuffix(tokens, e))) e++;
            out.push(make(tokens, a, e, distinctive ? 0.7 : 0.6, 'head-noun', [{ word: tokens.word(t), effect: distinctive ? 0.2 : 0.1 }]));
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
    // 2b. A company as the subject of a company verb: "Innography invested", "Osisoft is the brainchild of".
    if (t >= lastEnd && isCapWord(tokens, t) && (t === 0 || !isCapWord(tokens, t - 1) || !joined(tokens, t))) {
      const e = capRunEnd(tokens, t);
      const verb = e > t && e < n && joined(tokens, e) ? orgVerbAfter(tokens, e) : null;
      if (verb !== null && !isKnownPersonOrPlace(tokens, g, t, e) && !(tokens.flags(t) & PLACE) && !isPersonSpan(text, g, tokens, t, e)) {
        let allCommon = true;
        for (let i = t; i < e; i++) {
          const f = tokens.flags(i);
          if (!(f & COMMON) || f & NAME) allCommon = false;
        }
        if (!allCommon || (e - t >= 2 && !sentenceInitial(tokens, t))) {
          out.push(make(tokens, t, e, 0.6, 'org-verb', [{ word: verb, effect: 0.1 }]));
          lastEnd = e;
          t = e - 1;
          continue;
        }
      }
    }
    // 3. Employment context before a capitalised run.
    if (t >= lastEnd && t > 0 && isCapWord(tokens, t) && (tokens.bits[t]! & (GAP_NEWLINE | GAP_SENTENCE)) === 0) {
      const cue = employmentCueBefore(tokens, t);
      if (cue !== null) {
        let e = cuedRunEnd(tokens, t);
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
        const e2 = cuedRunEnd(tokens, t);
        let unknownWords = true;
        for (let i = t; i < e2; i++) if (tokens.flags(i) & (COMMON | PLACE | NAME)) unknownWords = false;
        // Two capitalised words or more that are no known person or place ("Solar Census") count too.
        const longRun = e2 - t >= 2 && !isKnownPersonOrPlace(tokens, g, t, e2) && !(tokens.flags(t) & PLACE) && !isPersonSpan(text, g, tokens, t, e2);
        if (e2 > t && (unknownWords || longRun)) {
          out.push(make(tokens, t, e2, 0.55, 'from-context', [{ word: from, effect: 0.05 }]));
          lastEnd = e2;
          t = e2 - 1;
          continue;
        }
      }
      // "a year at Solarlist", "recorded for Tuvalabs": an unknown proper noun after at/for/with (weak).
      const afterPrep = t > 0 && (tokens.flags(t - 1) & CUE_ORG_PREP) !== 0 && joined(tokens, t);
      const pn = !afterPrep ? t : tokens.shape[t] === SHAPE_UPPER ? acronymEnd(tokens, t) : Math.max(properNounAt(tokens, g, t), unknownRunAfterPreposition(tokens, g, t));
      if (pn > t) {
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
  if (text.indexOf('\n') !== -1) addRecipientLines(text, g, tokens, out);
  if (out.length > 0) addCoordinatedOrgs(text, g, tokens, out, coveredTokens(tokens, out));
  return out;
}

function isArticleAt(tokens: Tokens, t: number): boolean {
  return isWord(tokens, t) && tokens.shape[t] !== SHAPE_UPPER && isArticle(tokens.key(t));
}

/** The company verb (or "is the brainchild", "is a company" ...) starting at token e, or null. */
function orgVerbAfter(tokens: Tokens, e: number): string | null {
  if (!isWord(tokens, e) || tokens.shape[e] !== SHAPE_LOWER || tokens.bits[e]! & (GAP_SENTENCE | GAP_NEWLINE)) return null;
  const f = tokens.flags(e);
  if (!(f & CUE_ORG_VERB)) return null;
  const k = tokens.key(e);
  if (ORG_VERBS.has(k)) return k;
  if (k !== 'is' && k !== 'was') return null;
  let x = e + 1;
  if (!isWord(tokens, x) || !joined(tokens, x)) return null;
  let k2 = tokens.key(x);
  if (ORG_IS_NEXT.has(k2)) return `${k} ${k2}`;
  if (k2 === 'the' && isWord(tokens, x + 1) && joined(tokens, x + 1) && tokens.key(x + 1) === 'brainchild') return `${k} the brainchild`;
  if (k2 !== 'a' && k2 !== 'an') return null;
  x++;
  // "is a 501(c)3", "is a small company", "is a software vendor"
  if (x < tokens.count && tokens.shape[x] === SHAPE_OTHER && tokens.word(x) === '501') return `${k} a 501(c)`;
  for (let y = x; y < x + 3 && y < tokens.count && joined(tokens, y) && isWord(tokens, y); y++) {
    if (tokens.bits[y]! & TOK_ASCII && !ORG_IS_A_NEXT_HASHES.has(tokens.hash(y))) continue;
    k2 = tokens.key(y);
    if (ORG_IS_A_NEXT.has(k2)) return `${k} a ${k2}`;
  }
  return null;
}

export function createOrganizationDetector(g: Gazetteer): Detector {
  watchPersonCues(g);
  g.watch(OF_HEADS, CUE_OF_HEAD, false);
  g.watch(EMPLOYMENT_LAST, CUE_EMPLOYMENT_END, false);
  g.watch(AFTER_WORDS, CUE_ORG_AFTER, false);
  g.watch([...ORG_VERBS, 'is', 'was'], CUE_ORG_VERB, false);
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
