/**
 * ORGANIZATION rules read from a text's layout rather than its sentences: the recipient line above an address, the
 * company line of a signature block, and names listed with an organisation already found (see organization.ts).
 */

import type { Finding } from '../../finding';
import { COMMON, GAP_AMP, GAP_COMMA, GAP_NEWLINE, GAP_OTHER, GAP_SENTENCE, NAME, PLACE, SHAPE_LOWER, SHAPE_OTHER, joined, sentenceInitial, type Gazetteer, type Tokens } from '../../gazetteer';
import { findPersonsCached } from '../person';
import { make } from './make-finding';
import { CONJUNCTIONS, isCapWord, isKnownPersonOrPlace, isWord } from './runs';

/** Index of the token that holds offset `offset` (or the first after it). */
function tokenAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.end[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Marks the tokens inside the findings (1), so that overlap checks are O(1). */
export function coveredTokens(tokens: Tokens, out: readonly Finding[]): Uint8Array {
  const covered = new Uint8Array(tokens.count);
  for (const f of out) for (let i = tokenAt(tokens, f.start); i < tokens.count && tokens.start[i]! < f.end; i++) covered[i] = 1;
  return covered;
}

function anyCovered(covered: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (covered[i]) return true;
  return false;
}

let personMaskFor: { tokens: Tokens; text: string; mask: Uint8Array } | null = null;

/** Does a PERSON finding (score ≥ 0.6, not a bare proper noun) overlap tokens [a, e)? */
export function isPersonSpan(text: string, g: Gazetteer, tokens: Tokens, a: number, e: number): boolean {
  if (personMaskFor === null || personMaskFor.tokens !== tokens || personMaskFor.text !== text) {
    const mask = new Uint8Array(tokens.count);
    for (const p of findPersonsCached(text, g)) {
      if (p.finding.score < 0.6 || p.finding.explanation.pattern === 'proper-noun') continue;
      for (let i = p.startToken; i < p.endToken; i++) mask[i] = 1;
    }
    personMaskFor = { tokens, text, mask };
  }
  return anyCovered(personMaskFor.mask, a, e);
}

/** Does the line starting at token t begin with a house number followed by a word ("24 Schietboompleinstraat")? */
function addressLineAt(tokens: Tokens, t: number): boolean {
  if (t + 1 >= tokens.count || tokens.shape[t] !== SHAPE_OTHER) return false;
  const s = tokens.start[t]!;
  const c = tokens.text.charCodeAt(s);
  if (c < 0x30 || c > 0x39 || tokens.end[t]! - s > 6) return false;
  return (tokens.bits[t + 1]! & GAP_NEWLINE) === 0;
}

/**
 * "Mapquest\n\n39 Laugarvegur 77": a short line of capitalised words that no detector takes for a person, right above
 * an address line, is the recipient (an organisation).
 */
export function addRecipientLines(text: string, g: Gazetteer, tokens: Tokens, out: Finding[]): void {
  const n = tokens.count;
  let covered: Uint8Array | null = null;
  let line = 0;
  for (let le = 1; le < n; le++) {
    if (!(tokens.bits[le]! & GAP_NEWLINE)) continue;
    // Only a line that starts with a number (cheap test first) makes the line before it a candidate.
    const start = line;
    line = le;
    if (tokens.shape[le] !== SHAPE_OTHER || le - start > 4 || !addressLineAt(tokens, le)) continue;
    covered ??= coveredTokens(tokens, out);
    {
      const line = start;
      let ok = true;
      let common = 0;
      for (let i = line; i < le; i++) {
        if (!isCapWord(tokens, i) || (i > line && !joined(tokens, i) && !(tokens.bits[i]! & GAP_AMP))) {
          ok = false;
          break;
        }
        const f = tokens.flags(i);
        if (f & COMMON && !(f & NAME)) common++;
      }
      if (ok && !(le - line === 1 && tokens.flags(line) & (PLACE | NAME) && !(tokens.flags(line) & COMMON)) && !isKnownPersonOrPlace(tokens, g, line, le) &&
        !isPersonSpan(text, g, tokens, line, le) && !(common === le - line && le - line > 1) && !anyCovered(covered, line, le)) {
        out.push(make(tokens, line, le, 0.55, 'recipient-line', [{ word: '(line above an address)', effect: 0.05 }]));
      }
    }
  }
}

/** Labels of a signature's contact lines, which follow a company name after a comma. */
const CONTACT_LABELS = new Set(['tel', 'tél', 'fax', 'phone', 'telephone', 'telefon', 'teléfono', 'tfno', 'mobile', 'mob', 'cell', 'handy',
  'móvil', 'movil', 'portable', 'email', 'e-mail', 'mail', 'web', 'www', 'website', 'ph', 'direct', 'office', 'hotline']);

/** "Flightstats, Transunion and Impaq International": capitalised runs listed with a found organisation. */
export function addCoordinatedOrgs(text: string, g: Gazetteer, tokens: Tokens, out: Finding[], covered: Uint8Array): void {
  const n = tokens.count;
  const queue = out.slice();
  for (let qi = 0; qi < queue.length; qi++) {
    const f = queue[qi]!;
    if (f.score < 0.55 || f.explanation.pattern === 'recipient-line') continue;
    const a = tokenAt(tokens, f.start);
    let e = a;
    while (e < n && tokens.start[e]! < f.end) e++;
    if (e === a) continue;
    const lower = tokens.shape[a] === SHAPE_LOWER;
    const tryRun = (s: number, forward: boolean): void => {
      if (s < 0 || s >= n || !isWord(tokens, s)) return;
      let r0 = s;
      let r1 = s + 1;
      const ok = (i: number): boolean => (lower ? tokens.shape[i] === SHAPE_LOWER && !(tokens.flags(i) & COMMON) : isCapWord(tokens, i));
      if (!ok(s)) return;
      if (forward) while (r1 < n && r1 - r0 < 4 && joined(tokens, r1) && ok(r1)) r1++;
      else while (r0 > 0 && r1 - r0 < 4 && joined(tokens, r0) && ok(r0 - 1)) r0--;
      if (anyCovered(covered, r0, r1) || isKnownPersonOrPlace(tokens, g, r0, r1) || tokens.flags(r0) & PLACE || isPersonSpan(text, g, tokens, r0, r1)) return;
      if (tokens.flags(r0) & COMMON && sentenceInitial(tokens, r0)) return;
      if (lower && tokens.end[r0]! - tokens.start[r0]! < 4) return;
      // "Müller GmbH, Tel. 089 …": a contact label in a signature, not a second company
      if (r1 - r0 === 1 && CONTACT_LABELS.has(tokens.key(r0))) return;
      const found = make(tokens, r0, r1, 0.55, 'coordinated-org', [{ word: '(listed with an organisation)', effect: 0.05 }]);
      for (let i = r0; i < r1; i++) covered[i] = 1;
      out.push(found);
      queue.push(found);
    };
    // After: ", X" / " and X" / " & X"
    if (e < n) {
      const b = tokens.bits[e]!;
      if (!(b & (GAP_NEWLINE | GAP_SENTENCE | GAP_OTHER))) {
        if (b & GAP_COMMA) tryRun(e, true);
        else if (joined(tokens, e) && CONJUNCTIONS.has(tokens.key(e)) && e + 1 < n && joined(tokens, e + 1)) tryRun(e + 1, true);
      }
    }
    // Before: "X, " / "X and "
    if (a > 0) {
      const b = tokens.bits[a]!;
      if (!(b & (GAP_NEWLINE | GAP_SENTENCE | GAP_OTHER))) {
        if (b & GAP_COMMA) tryRun(a - 1, false);
        else if (joined(tokens, a) && a >= 2 && CONJUNCTIONS.has(tokens.key(a - 1)) && joined(tokens, a - 1)) tryRun(a - 2, false);
      }
    }
  }
}

/**
 * Is there a short line (a name: at most 8 tokens) followed by another short line (at most 6 tokens)? Signature
 * blocks need one; the check spares finding the persons of most values.
 */
function hasShortLinePair(tokens: Tokens): boolean {
  let prevStart = -1;
  let start = 0;
  for (let t = 1; t <= tokens.count; t++) {
    if (t < tokens.count && !(tokens.bits[t]! & GAP_NEWLINE)) continue;
    // [start, t) is a line; [prevStart, start) the one before it.
    if (prevStart >= 0 && start - prevStart <= 8 && t - start <= 6) return true;
    prevStart = start;
    start = t;
  }
  return false;
}

/** A line of capitalised words after a person's name line (signature block). */
export function addSignatureOrgs(text: string, g: Gazetteer, tokens: Tokens, out: Finding[]): void {
  if (text.indexOf('\n') === -1 || !hasShortLinePair(tokens)) return;
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
