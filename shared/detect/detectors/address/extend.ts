/**
 * Growing street cores into addresses (units, postcodes, cities, leading numbers) and the context-based patterns:
 * address cues, intersections, name-number-city, military addresses and address blocks.
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

import { TK_MIXED, TK_NUM, TK_ORD, TK_PUNCT, TK_WORD, type Tokens } from './tokens';
import { AU_STATES, BLOCK_STOP, CA_PROVINCES, CUE_CONTEXT, CUE_STRONG, CUE_WEAK_PAIRS, FLOOR_SIDES, FUNCTION_WORDS, MILITARY_FIRST, MILITARY_STATES, MONTHS_AND_DAYS, NON_POSTAL_ADDRESS, PARTICLES, POSTCODE_LABELS, PRODUCT_WORDS, SUFFIX_MATCH, TYPE_AFTER_HOUSE_AFTER, TYPE_EN_STRONG, TYPE_EN_WEAK, TYPE_FIRST_STRONG, UNIT_WORDS, US_STATES } from './vocabulary';
import { isCapWord, isHouse, isLowerWord, isPunct, isStopWord, isUpperWord, refBefore, sameLineNext, yearLike } from './token-checks';
import { caPostcodeAt, closesSegment, isFiveDigit, isFourDigit, placeWords, placeWordsRaw, postcodeAt } from './postcodes';
import { type Cand, lineStartOf, nameWord, newCand, segmentEndingAt, streetLine, unitAt } from './candidates';

/**
 * Extends a core to the right over units, postcodes, cities and states on the same line and on directly
 * following lines.
 */
export function extendTail(T: Tokens, c: Cand): void {
  let e = c.e;
  let lines = 0;
  const startChar = T.s[c.b]!;
  let afterUnit = c.pattern === 'unit' || c.pattern === 'unit-block';
  for (let step = 0; step < 6; step++) {
    let k = e + 1;
    if (k >= T.n) break;
    if (
      isPunct(T, k, '.') && T.k[e] === TK_NUM && T.s[k] === T.e[e] && step === 0 && c.postcode === null &&
      (k + 1 >= T.n || T.nl[k + 1]! > 0 || isPunct(T, k + 1, ',') || (T.k[k + 1] === TK_WORD && UNIT_WORDS.has(T.low(k + 1))))
    ) {
      // "Agip u. 96." — the dot after a house number belongs to it
      e = k;
      k++;
      if (k >= T.n) break;
    }
    const nlGap = T.nl[k]!;
    if (nlGap > 1) break;
    let comma = false;
    if (isPunct(T, k, ',') || isPunct(T, k, ';')) {
      comma = true;
      k++;
      if (k >= T.n || T.nl[k]! > 1) break;
      if (T.nl[k]! > 0 && nlGap > 0) break;
    }
    // ", \n" or "\n ,": at most one line break in the separator
    const newline = nlGap > 0 || (k < T.n && T.nl[k]! > 0);
    if (newline && lines >= 4) break;
    if (T.s[k]! - startChar > 220) break;
    if (!newline && !comma && T.s[k]! - T.e[e]! > 3) break;
    let next = -1;
    if (newline && c.postcode !== null) {
      // After the postcode only a country/city line may follow ("75002 Paris\nFrance"); a unit or a number starts
      // the next address of a list.
      const place = T.k[k] === TK_WORD && !UNIT_WORDS.has(T.low(k)) ? placeWords(T, k, c.lower) : -1;
      if (place < 0 || !closesSegment(T, place)) break;
      next = place;
      noteCity(T, c, k);
      lines++;
      e = next;
      afterUnit = false;
      continue;
    }
    // Unit
    if (T.k[k] === TK_WORD && UNIT_WORDS.has(T.low(k)) && T.low(k) !== 'box' && T.low(k) !== 'office') {
      const u = unitAt(T, k);
      if (u >= 0) {
        next = u;
        if (!c.unit) {
          c.unit = true;
          c.evidence.push({ word: T.low(k), effect: 0.05 });
        }
      }
    } else if (comma && !newline && floorAt(T, k) >= 0) {
      // "Calle Mayor 5, 3º izq.", "4º B"
      next = floorAt(T, k);
      if (!c.unit) {
        c.unit = true;
        c.evidence.push({ word: T.low(k), effect: 0.05 });
      }
    } else if (isPunct(T, k, '#') && T.k[k + 1] === TK_NUM && T.nl[k + 1] === 0 && T.s[k + 1] === T.e[k]) {
      next = k + 1;
      if (!c.unit) {
        c.unit = true;
        c.evidence.push({ word: '#', effect: 0.05 });
      }
    }
    // A postcode label: "…, zip 62704", "PLZ 10115"
    if (next < 0 && T.k[k] === TK_WORD && POSTCODE_LABELS.has(T.low(k))) {
      let q = k + 1;
      if (T.k[q] === TK_WORD && T.low(q) === 'code' && T.nl[q] === 0) q++;
      if (isPunct(T, q, ':') && T.nl[q] === 0) q++;
      if (q < T.n && T.nl[q] === 0) {
        const [pc, validated] = postcodeAt(T, q);
        if (pc >= 0) {
          next = pc;
          notePostcode(T, c, q, pc, validated);
        }
      }
    }
    if (next < 0) {
      // Postcode first, then a city after it: "10115 Berlin", "75002 Paris", "1234 AB Amsterdam", "SW1A 1AA"
      const [pc, validated] = postcodeAt(T, k);
      if (pc >= 0 && (isFiveDigit(T, k) || validated || comma || newline)) {
        let last = pc;
        const city = pc + 1 < T.n && T.nl[pc + 1] === 0 ? placeWords(T, pc + 1, c.lower) : -1;
        if (city >= 0 && !T.raw(k).includes('-')) last = city;
        const plainFour = isFourDigit(T, k) && pc === k;
        if (!plainFour || city >= 0) {
          next = last;
          notePostcode(T, c, k, pc, validated);
          if (city >= 0) noteCity(T, c, pc + 1);
        }
      }
    }
    if (next < 0 && T.k[k] === TK_WORD && !BLOCK_STOP.has(T.low(k))) {
      // City words, then: [","] state [ZIP] | postcode | end of segment
      const city = placeWords(T, k, c.lower || newline);
      if (city >= 0) {
        let m = city + 1;
        let done = false;
        if (isPunct(T, m, ',') && T.nl[m] === 0) m++;
        // State (2 capitals) and optional ZIP: "Washington, DC 20500", "Melo, CA 13241", "Ottawa, ON K1A 0B1"
        // A state written any way before a ZIP that closes the segment: "Springfield, il 62701", "Arzier, nan 50522"
        if (
          m + 1 < T.n && T.nl[m] === 0 && T.nl[m + 1] === 0 && T.k[m] === TK_WORD && /^[a-z]{2,3}$/i.test(T.raw(m)) &&
          !/^[A-Z]{2}$/.test(T.raw(m)) && isFiveDigit(T, m + 1)
        ) {
          next = m + 1;
          notePostcode(T, c, m + 1, m + 1, false);
          noteCity(T, c, k);
          done = true;
        }
        if (!done && m < T.n && T.nl[m] === 0 && T.k[m] === TK_WORD && (/^[A-Z]{2}$/.test(T.raw(m)) || AU_STATES.has(T.raw(m)))) {
          const st = T.raw(m);
          const zipTok = m + 1 < T.n && T.nl[m + 1] === 0 ? m + 1 : -1;
          if (zipTok >= 0 && AU_STATES.has(st) && isFourDigit(T, zipTok)) {
            next = zipTok;
            notePostcode(T, c, zipTok, zipTok, true);
            done = true;
          } else if (zipTok >= 0 && isFiveDigit(T, zipTok)) {
            next = zipTok;
            notePostcode(T, c, zipTok, zipTok, US_STATES.has(st));
            done = true;
          } else if (zipTok >= 0 && caPostcodeAt(T, zipTok) >= 0 && CA_PROVINCES.has(st)) {
            next = caPostcodeAt(T, zipTok);
            notePostcode(T, c, zipTok, next, true);
            done = true;
          } else if (zipTok < 0 || closesSegment(T, m)) {
            next = m;
            done = true;
          }
          if (done) noteCity(T, c, k);
        }
        if (!done) {
          const [pc, validated] = postcodeAt(T, m);
          if (pc >= 0 && !isFourDigit(T, m) ? true : pc >= 0 && closesSegment(T, pc)) {
            if (pc >= 0) {
              next = pc;
              notePostcode(T, c, m, pc, validated);
              noteCity(T, c, k);
              done = true;
            }
          }
        }
        if (!done && (closesSegment(T, city) || (afterUnit && !comma && !newline && !c.lower))) {
          next = city;
          noteCity(T, c, k);
        }
      } else if (isUpperWord(T, k) && T.e[k]! - T.s[k]! === 2 && (comma || newline) && closesSegment(T, k)) {
        // a lone state/region code: ", LA", "\nON"
        next = k;
      } else if (c.lower && newline && isLowerWord(T, k) && T.low(k) === 'nan') {
        next = k;
      }
    }
    if (next < 0) break;
    if (newline) lines++;
    afterUnit = c.unit && T.k[next] !== TK_WORD && unitEndsAt(T, next);
    e = next;
  }
  c.e = e;
}

/** Spanish floor and door: "3º izq.", "4º B", "2ª dcha"; returns the last token or -1. */
function floorAt(T: Tokens, k: number): number {
  if (k >= T.n || T.k[k] !== TK_NUM || !/^[0-9]{1,2}[ºª°]$/.test(T.raw(k))) return -1;
  let e = k;
  const n = k + 1;
  if (n < T.n && T.nl[n] === 0 && T.k[n] === TK_WORD && (FLOOR_SIDES.has(T.low(n)) || /^[A-Z]$/.test(T.raw(n)))) {
    e = n;
    if (isPunct(T, n + 1, '.') && T.s[n + 1] === T.e[n] && T.raw(n).length > 1) e = n + 1;
  }
  return e;
}

/** Token i ends a unit ("Apt. 5", "Suite 200", "#12"). */
function unitEndsAt(T: Tokens, i: number): boolean {
  for (let j = i - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
    if (T.k[j] === TK_WORD && UNIT_WORDS.has(T.low(j))) return unitAt(T, j) === i;
    if (isPunct(T, j, '#')) return j === i - 1;
  }
  return false;
}

function notePostcode(T: Tokens, c: Cand, a: number, b: number, validated: boolean): void {
  if (c.postcode === 'validated') return;
  if (validated) {
    c.postcode = 'validated';
    c.evidence = c.evidence.filter((x) => !x.word.startsWith('postcode'));
    c.evidence.push({ word: `postcode ${T.text.slice(T.s[a], T.e[b])}`, effect: 0.15 });
  } else if (c.postcode === null) {
    c.postcode = 'plain';
    c.evidence.push({ word: `postcode ${T.text.slice(T.s[a], T.e[b])}`, effect: 0.1 });
  }
}

function noteCity(T: Tokens, c: Cand, k: number): void {
  if (c.city) return;
  c.city = true;
  c.evidence.push({ word: T.low(k), effect: 0.05 });
}

/** Extends a core to the left: a leading number ("95 Lille Vibyvej 8", "5/12 Smith St") and a unit ("Flat 3, …"). */
export function extendHead(T: Tokens, c: Cand): void {
  let b = c.b;
  // "5/12 Smith St", "12-14 High St" are tokens of their own; a number before a number-less start
  // (unless it is the number of a unit: "suite 085 23 rúa do paseo 11"):
  const p = b - 1;
  if (p >= 0 && T.nl[b] === 0 && !unitEndsAt(T, p)) {
    if (isPunct(T, p, '/') && T.k[p - 1] === TK_NUM && T.nl[p] === 0 && T.e[p - 1] === T.s[p] && T.e[p] === T.s[b]) b = p - 1;
    else if (T.k[p] === TK_NUM && isHouse(T, p) && !refBefore(T, p) && T.raw(p).length <= 5 && /^[ \t]+$/.test(T.text.slice(T.e[p], T.s[b]))) b = p;
  }
  // "Unit 5/12 Smith St": the unit's number opens the slash form
  if (b > 0 && T.nl[b] === 0 && T.k[b - 1] === TK_WORD && UNIT_WORDS.has(T.low(b - 1)) && unitAt(T, b - 1) === b && isPunct(T, b + 1, '/')) {
    b--;
    if (!c.unit) {
      c.unit = true;
      c.evidence.push({ word: T.low(b), effect: 0.05 });
    }
  }
  // Unit before: "Flat 3, 12 High St", "Apt. 434 40 Rue …"
  let q = b - 1;
  if (q >= 0 && T.nl[b] === 0) {
    if (isPunct(T, q, ',')) q--;
    if (q >= 1 && (T.k[q] === TK_NUM || T.k[q] === TK_MIXED) && T.nl[q + 1] === 0) {
      let u = q - 1;
      if (isPunct(T, u, '#')) u--;
      if (isPunct(T, u, '.')) u--;
      if (u >= 0 && T.k[u] === TK_WORD && UNIT_WORDS.has(T.low(u)) && T.low(u) !== 'box' && unitAt(T, u) === q) {
        b = u;
        if (!c.unit) {
          c.unit = true;
          c.evidence.push({ word: T.low(u), effect: 0.05 });
        }
      }
    }
  }
  c.b = b;
}

/** Address cue words in the few tokens before the span: "my address is", "lives at", "ship to". */
export function cueBefore(T: Tokens, b: number): string | null {
  for (let j = b - 1, steps = 0; j >= 0 && steps < 6; j--, steps++) {
    if (T.nl[j + 1]! > 1) return null;
    if (T.k[j] === TK_PUNCT) {
      const ch = T.text.charAt(T.s[j]!);
      if (ch === '.' || ch === '?' || ch === '!') return null;
      continue;
    }
    if (T.k[j] !== TK_WORD) continue;
    const w = T.low(j);
    if (CUE_CONTEXT.has(w)) {
      if ((w === 'address' || w === 'addr') && j > 0 && T.k[j - 1] === TK_WORD && NON_POSTAL_ADDRESS.has(T.low(j - 1))) return null;
      return w;
    }
  }
  return null;
}

/** The value after an address cue: "address is 92 Foo Bar 57\nCity\n 56139 for post mail" → the value. */
export function tryCue(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  let k = i + 1;
  let strong = false;
  if (CUE_STRONG.has(w)) {
    if (i > 0 && T.k[i - 1] === TK_WORD && NON_POSTAL_ADDRESS.has(T.low(i - 1))) return null;
    strong = true;
  } else {
    // The second word of a pair ("is" "at", "mail" "to"): its length is compared first, so that the word after
    // a common first word ("is", "office") rarely becomes a string (lower-casing keeps the length of a word that
    // can equal an ASCII word).
    if (T.k[k] !== TK_WORD) return null;
    const len = T.e[k]! - T.s[k]!;
    let pair = false;
    for (const [a, bb] of CUE_WEAK_PAIRS) {
      if (a === w && bb.length === len && T.low(k) === bb) {
        pair = true;
        break;
      }
    }
    if (!pair) return null;
    k++;
  }
  // Filler: "is", ":", "-", "to", "my new", "here's ...:"
  for (let steps = 0; steps < 4 && k < T.n; steps++) {
    if (T.k[k] === TK_PUNCT && (isPunct(T, k, ':') || isPunct(T, k, '-') || isPunct(T, k, '=') || isPunct(T, k, '–'))) {
      k++;
      continue;
    }
    if (T.k[k] === TK_WORD && ['is', 'to', 'ist', 'lautet', 'est', 'es', 'at', 'my', 'new', 'our', 'the', 'same', 'changed', 'now'].includes(T.low(k)) && T.nl[k]! === 0) {
      k++;
      continue;
    }
    break;
  }
  if (k >= T.n || T.nl[k]! > 1) return null;
  if (T.s[k]! - T.e[i]! > 40) return null;
  const start = k;
  if (!(T.k[start] === TK_NUM || (T.k[start] === TK_WORD && (isCapWord(T, start) || strong)))) return null;
  // Collect the value: up to 4 lines, 18 tokens, stops at sentence ends and function words.
  let last = -1;
  let nums = 0;
  let wordsN = 0;
  let lowerWords = 0;
  let lines = 0;
  let firstLineTokens = 0;
  for (let j = start, count = 0; j < T.n && count < 18; j++, count++) {
    if (j > start && T.nl[j]! > 0) {
      if (T.nl[j]! > 1 || ++lines > 3) break;
    }
    const kind = T.k[j];
    if (kind === TK_PUNCT) {
      const ch = T.text.charAt(T.s[j]!);
      if (ch === ',') continue;
      if (ch === '.' && j > 0 && T.k[j - 1] === TK_WORD && T.e[j - 1] === T.s[j] && T.raw(j - 1).length <= 4) {
        // abbreviation dot: "Apt.", "St.", "u."
        continue;
      }
      // "utca 76." — a dot after a house number, followed by a space or a line break
      if (ch === '.' && T.k[j - 1] === TK_NUM && T.e[j - 1] === T.s[j] && (!sameLineNext(T, j) || T.s[j + 1]! > T.e[j]!)) continue;
      if (ch === '/' || ch === '#' || ch === '-') continue;
      break;
    }
    if (kind === TK_WORD) {
      const lw = T.low(j);
      if (BLOCK_STOP.has(lw) || (isStopWord(lw) && !PARTICLES.has(lw)) || MONTHS_AND_DAYS.has(lw) || PRODUCT_WORDS.has(lw) || CUE_CONTEXT.has(lw)) break;
      if (isLowerWord(T, j) && !PARTICLES.has(lw) && !UNIT_WORDS.has(lw)) {
        // After "lives at", "ship to", ... lower-case words are prose again; after "address" the text may be lower-case.
        if (!strong) break;
        lowerWords++;
      }
      wordsN++;
    } else if (kind === TK_NUM) {
      // IP addresses, versions, decimals, times: not an address value
      if (!isHouse(T, j, 6)) return null;
      nums++;
    } else if (kind === TK_MIXED) {
      if (T.e[j]! - T.s[j]! > 8) break;
    }
    if (lines === 0) firstLineTokens++;
    last = j;
  }
  if (last < 0 || nums === 0 || wordsN === 0) return null;
  if (wordsN < 2 && nums < 2) return null;
  if (firstLineTokens > 12) return null;
  // Trim trailing punctuation
  while (last > start && T.k[last] === TK_PUNCT) last--;
  const c = newCand(start, last, 0.6, 'address-cue', lowerWords > 0);
  c.evidence.push({ word: w, effect: 0.1 });
  return c;
}

/** "corner of Auenweg 85 and Kesä Street", "corner of Maclean Street and Westfall Avenue". Anchor: "corner". */
export function tryCorner(T: Tokens, i: number): Cand | null {
  if (!(T.k[i + 1] === TK_WORD && T.low(i + 1) === 'of')) return null;
  let k = i + 2;
  if (T.k[k] === TK_WORD && T.low(k) === 'the') k++;
  let last = -1;
  let ands = 0;
  let typed = false;
  let nums = 0;
  const lowerOk = isLowerWord(T, i);
  for (let count = 0; k < T.n && count < 12 && T.nl[k] === 0; k++, count++) {
    const kind = T.k[k];
    if (kind === TK_WORD) {
      const lw = T.low(k);
      if (lw === 'and' || lw === '&') {
        if (++ands > 1 || last < 0) break;
        continue;
      }
      if (!nameWord(T, k, lowerOk) && !PARTICLES.has(lw)) break;
      last = k;
      const isType = TYPE_EN_STRONG.has(lw) || TYPE_EN_WEAK.has(lw) || SUFFIX_MATCH.test(lw);
      if (isType || TYPE_FIRST_STRONG.has(lw) || TYPE_AFTER_HOUSE_AFTER.has(lw)) typed = true;
      // The second street ends with its type word ("… and 5th Avenue tonight").
      if (ands === 1 && isType) break;
    } else if (kind === TK_NUM && isHouse(T, k)) {
      nums++;
      last = k;
    } else if (kind === TK_ORD) {
      last = k;
    } else if (isPunct(T, k, '&')) {
      if (++ands > 1 || last < 0) break;
    } else if (isPunct(T, k, '.') && ((T.k[k - 1] === TK_WORD && T.raw(k - 1).length <= 3) || T.k[k - 1] === TK_NUM)) {
      continue;
    } else break;
  }
  if (last < 0 || ands !== 1 || !typed) return null;
  if (T.k[last] === TK_WORD && T.low(last) === 'and') return null;
  // "the corner of": the phrase is the address
  const first = i > 0 && T.nl[i] === 0 && T.k[i - 1] === TK_WORD && T.low(i - 1) === 'the' ? i - 1 : i;
  const c = newCand(first, last, nums > 0 ? 0.65 : 0.6, 'intersection');
  return c;
}

/**
 * "Tylova 1036, Praha, Czech Republic", "30 Veslebakken 48, Harstad": a street name without a type word,
 * its number, a comma and a place. Taken only with a building number before it, an address cue, or a
 * second place segment (city, country). Anchor: the house number.
 */
export function tryNameNumberCity(T: Tokens, h: number): Cand | null {
  if (!isHouse(T, h, 4) || yearLike(T, h)) return null;
  const comma = h + 1;
  const c1 = comma + 1;
  if (!isPunct(T, comma, ',') || T.nl[comma] !== 0 || c1 >= T.n || T.nl[c1] !== 0 || !isCapWord(T, c1)) return null;
  const city = placeWords(T, c1, false);
  if (city < 0) return null;
  let end = city;
  let segments = 1;
  if (isPunct(T, city + 1, ',') && T.nl[city + 1] === 0 && T.nl[city + 2] === 0 && isCapWord(T, city + 2)) {
    const country = placeWords(T, city + 2, false);
    if (country >= 0 && closesSegment(T, country)) {
      end = country;
      segments = 2;
    }
  }
  if (segments === 1 && !closesSegment(T, city)) return null;
  let j = h - 1;
  let names = 0;
  while (j >= 0 && names < 3 && T.nl[j + 1] === 0 && isCapWord(T, j) && nameWord(T, j, false)) {
    names++;
    j--;
  }
  if (names === 0) return null;
  const leading = j >= 0 && T.nl[j + 1] === 0 && T.k[j] === TK_NUM && isHouse(T, j);
  if (!leading) {
    if (j >= 0 && T.nl[j + 1] === 0) {
      const boundary = T.k[j] === TK_PUNCT || (isLowerWord(T, j) && (FUNCTION_WORDS.has(T.low(j)) || CUE_CONTEXT.has(T.low(j))));
      if (!boundary) return null;
    }
    if (segments < 2 && cueBefore(T, j + 1) === null) return null;
  }
  const c = newCand(leading ? j : j + 1, end, 0.6, 'name-number-city');
  noteCity(T, c, c1);
  return c;
}

/** Military: "APO AE 09012" (+ the line above: "Unit 2050 Box 4190", "PSC 802, Box 74", "USS Ship Name"). */
export function tryMilitary(T: Tokens, i: number): Cand | null {
  const st = i + 1;
  const zip = i + 2;
  if (!(st < T.n && T.nl[st] === 0 && T.k[st] === TK_WORD && MILITARY_STATES.has(T.low(st)))) return null;
  if (!(zip < T.n && T.nl[zip] === 0 && isFiveDigit(T, zip))) return null;
  let b = i;
  if (T.nl[i] === 1 && i > 0) {
    // The line above: "Unit 2050 Box 4190", "PSC 802, Box 74", "USS Ship Name" (possibly after other words).
    for (let j = i - 1, steps = 0; j >= 0 && steps < 7; j--, steps++) {
      if (T.k[j] === TK_WORD && MILITARY_FIRST.has(T.low(j))) b = j;
      if (T.nl[j]! > 0) break;
    }
  }
  const c = newCand(b, zip, 0.85, 'military');
  c.postcode = 'validated';
  c.evidence.push({ word: T.low(i), effect: 0.05 });
  return c;
}

/**
 * A postcode line ("10115 Berlin", "Madrid 28013", "Springfield, IL 62704") under a street line: returns the
 * block from the street line's start. Anchor: the postcode token.
 */
export function tryBlock(T: Tokens, i: number): Cand | null {
  const ls = lineStartOf(T, i, 6);
  if (ls < 0 || ls === 0) return null;
  // Postcode line shape.
  let lineEnd = -1;
  let validated = false;
  if (ls === i) {
    // "10115 Berlin"
    const [pc, v] = postcodeAt(T, i);
    if (pc < 0) return null;
    const city = pc + 1 < T.n && T.nl[pc + 1] === 0 ? placeWords(T, pc + 1, false) : -1;
    if (city < 0 || !closesSegment(T, city)) return null;
    lineEnd = city;
    validated = v;
  } else {
    // "Madrid 28013", "Springfield, IL 62704": the code closes the line
    if (!isFiveDigit(T, i) || !closesSegment(T, i)) return null;
    let j = i - 1;
    if (T.k[j] === TK_WORD && /^[A-Z]{2}$/.test(T.raw(j))) {
      validated = US_STATES.has(T.raw(j));
      j--;
      if (isPunct(T, j, ',')) j--;
    }
    if (j < ls) return null;
    // j .. ls must be place words
    if (placeWordsRaw(T, ls, false, j) !== j) return null;
    lineEnd = i;
  }
  // The line above: a street line; or a city-only line and a street line above it.
  let prevEnd = ls - 1;
  if (T.nl[ls] !== 1) return null;
  const streetStart = (end: number): number => {
    const s0 = lineStartOf(T, end, 9);
    return s0 >= 0 && streetLine(T, s0, end) ? s0 : segmentEndingAt(T, end, false);
  };
  let ps = streetStart(prevEnd);
  if (ps < 0) {
    // A city line between the street and the postcode line
    const cs = lineStartOf(T, prevEnd, 6);
    if (cs <= 0 || T.nl[cs] !== 1 || placeWords(T, cs, false) !== prevEnd) return null;
    prevEnd = cs - 1;
    ps = streetStart(prevEnd);
    if (ps < 0) return null;
  }
  const c = newCand(ps, lineEnd, 0.65, 'address-block');
  notePostcode(T, c, i, i, validated);
  return c;
}
