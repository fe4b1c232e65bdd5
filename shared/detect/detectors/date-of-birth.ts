/**
 * DATE_OF_BIRTH detector: a calendar date written shortly after a birth word.
 *
 * A date alone is not personal data (tickets are full of dates), so the scan is driven by birth words in English,
 * German, French and Spanish — "date of birth", "DOB", "D.O.B.", "born (on)", "birthday", "birth date", "b.",
 * "Geburtsdatum", "geboren (am)", "geb.", "Geburtstag", "né(e) le", "date de naissance", "fecha de nacimiento",
 * "nacido/nacida (el)", "F. Nac." — found by one linear regex. Texts without any of them return at once.
 * After each birth word, a bounded window (48 characters, no sentence end in between, only filler such as ':',
 * 'is', 'on', 'am', 'le', 'el', 'the') is searched for the first date:
 *  - ISO "1990-05-17" (also with '/' or '.');
 *  - numeric "17.05.1990", "17/05/1990", "05/17/1990", "17-05-90" (day-first or month-first: month-first is
 *    tried first when the default region is the US; either reading must be a real date);
 *  - "17 May 1990", "17th of May, 1990", "17. Mai 1990", "17 mai 1990", "1er mai 1990", "17 de mayo de 1990";
 *  - "May 17, 1990", "May 17th 1990".
 * The date is validated: a real calendar date, year from 1900 to the current year, not in the future; two-digit
 * years are read as the most recent past year. Only the date is reported (not the birth word).
 *
 * Scores: 0.9 after an explicit label (date of birth, DOB, birth date, Geburtsdatum, geb., geboren, date de
 * naissance, né le, fecha de nacimiento, nacido), 0.85 after "born"/"birth", 0.8 after "birthday"/"Geburtstag",
 * 0.75 after "b."; 0.05 less for a two-digit year. The birth word is recorded in `explanation.context`.
 */

import type { Detector, Finding } from '../finding';
import { hasDigitRun } from './text-scan';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';

/** Birth words; group 1 is the word. A letter may not directly precede or follow (checked in code for the '.' forms). */
const BIRTH_WORDS =
  /(?<![\p{L}\p{N}])(date of birth|birth ?date|date de naissance|fecha de nacimiento|f\. ?nac\.|d\.o\.b\.?|dob|born(?: on)?|birthday|birth|b\.|geburtsdatum|geburtstag|geboren(?: am)?|geb\.|n[ée]e? le|n[ée]e? en|nacid[oa](?: el)?|nac\.)/giu;

/**
 * Every birth word holds one of these (same flags, so the same case folding): a text without any is not scanned
 * for birth words at all.
 */
const BIRTH_WORD_HINT = defineKeywordHint('birth', ['birth', 'naissance', 'nac', 'd.o.b', 'dob', 'born', 'b.', 'geb', 'ne le', 'nee le', 'né le', 'née le', 'ne en', 'nee en', 'né en', 'née en']);

const EXPLICIT = new Set([
  'date of birth', 'birth date', 'birthdate', 'date de naissance', 'fecha de nacimiento', 'f. nac.', 'f.nac.', 'd.o.b.', 'd.o.b', 'dob',
  'geburtsdatum', 'geb.', 'geboren', 'geboren am', 'né le', 'née le', 'ne le', 'nee le', 'nacido', 'nacida', 'nacido el', 'nacida el',
  'né en', 'née en', 'nac.',
]);

const MONTHS: Record<string, number> = {};
const addMonths = (names: string, offset = 1): void => {
  names.split(' ').forEach((group, i) => {
    for (const n of group.split('|')) MONTHS[n] = i + offset;
  });
};
// English, German, French, Spanish: full names and the usual abbreviations (with or without a dot).
addMonths('january|jan february|feb march|mar april|apr may june|jun july|jul august|aug september|sep|sept october|oct november|nov december|dec');
addMonths('januar|jänner|jän februar|feber märz|mrz|maerz april mai juni juli august september oktober|okt november dezember|dez');
addMonths('janvier|janv février|fevrier|févr|fevr mars avril|avr mai juin juillet|juil août|aout septembre octobre novembre décembre|decembre|déc');
addMonths('enero|ene febrero marzo abril mayo junio julio agosto|ago septiembre|setiembre|set octubre noviembre diciembre|dic');

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const ISO = /(?<![0-9])([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])/y;
const NUMERIC = /(?<![0-9])([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![0-9])/y;
const DAY_MONTH_YEAR = new RegExp(
  `(?<![0-9])([0-9]{1,2})(?:st|nd|rd|th|er|e|º|°)?\\.?[ \\t]{1,3}(?:of[ \\t]{1,3}|de[ \\t]{1,3})?(${MONTH_ALT})(?![\\p{L}])\\.?,?[ \\t]{1,3}(?:de[ \\t]{1,3})?([0-9]{4})(?![0-9])`,
  'iuy',
);
const MONTH_DAY_YEAR = new RegExp(
  `(${MONTH_ALT})(?![\\p{L}])\\.?[ \\t]{1,3}([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9]),?[ \\t]{1,3}([0-9]{4})(?![0-9])`,
  'iuy',
);

const WINDOW = 48;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Full year from a two-digit one: the most recent year not after the current one. */
function fullYear(y2: number, now: Date): number {
  const cur = now.getUTCFullYear();
  const y = 2000 + y2;
  return y <= cur ? y : 1900 + y2;
}

function validDate(y: number, m: number, d: number, now: Date): boolean {
  if (!(y >= 1900 && y <= now.getUTCFullYear())) return false;
  if (!(m >= 1 && m <= 12)) return false;
  if (!(d >= 1 && d <= daysInMonth(y, m))) return false;
  return Date.UTC(y, m - 1, d) <= now.getTime();
}

interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly pattern: string;
  readonly twoDigitYear: boolean;
}

/** Tries each date form at `pos` (sticky). */
function dateAt(text: string, pos: number, monthFirst: boolean, now: Date): DateMatch | null {
  ISO.lastIndex = pos;
  let m = ISO.exec(text);
  if (m !== null && validDate(Number(m[1]), Number(m[3]), Number(m[4]), now)) {
    return { start: pos, end: pos + m[0].length, pattern: 'iso', twoDigitYear: false };
  }
  NUMERIC.lastIndex = pos;
  m = NUMERIC.exec(text);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const yRaw = m[4] ?? '';
    const two = yRaw.length === 2;
    const y = two ? fullYear(Number(yRaw), now) : Number(yRaw);
    const orders: [string, number, number][] = monthFirst
      ? [['numeric-mdy', a, b], ['numeric-dmy', b, a]]
      : [['numeric-dmy', b, a], ['numeric-mdy', a, b]];
    for (const [name, month, day] of orders) {
      if (validDate(y, month, day, now)) return { start: pos, end: pos + m[0].length, pattern: name, twoDigitYear: two };
    }
  }
  DAY_MONTH_YEAR.lastIndex = pos;
  m = DAY_MONTH_YEAR.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month !== undefined && validDate(Number(m[3]), month, Number(m[1]), now)) {
      return { start: pos, end: pos + m[0].length, pattern: 'day-month-year', twoDigitYear: false };
    }
  }
  MONTH_DAY_YEAR.lastIndex = pos;
  m = MONTH_DAY_YEAR.exec(text);
  if (m !== null) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month !== undefined && validDate(Number(m[3]), month, Number(m[2]), now)) {
      return { start: pos, end: pos + m[0].length, pattern: 'month-day-year', twoDigitYear: false };
    }
  }
  return null;
}

/** Words that may stand between the birth word and the date without lowering the score. */
const FILLER_WORDS = new Set([
  'is', 'was', 'on', 'am', 'le', 'el', 'the', 'of', 'his', 'her', 'my', 'their', 'in', 'at', 'date', 'dd', 'mm', 'yyyy',
  'yy', 'jj', 'aaaa', 'tt', 'ist', 'est', 'es', 'fue', 'en', 'à', 'a', 'de',
]);
/** At most this many words between the birth word and the date, of which at most one is not filler ("born in Paris on"). */
const MAX_WORDS_BETWEEN = 5;

/** What lies between the birth word and the date: 'filler', 'words' (one other word) or null (too far / new sentence). */
function between(text: string): 'filler' | 'words' | null {
  if (/[.!?;]\s|\n\s*\n/.test(text)) return null;
  const ws = text.split(/[\s:=\-–—,()/.]+/).filter((w) => w !== '');
  if (ws.length > MAX_WORDS_BETWEEN) return null;
  const other = ws.filter((w) => !FILLER_WORDS.has(w.toLowerCase())).length;
  return other === 0 ? 'filler' : other === 1 ? 'words' : null;
}

function scoreFor(word: string): number {
  if (EXPLICIT.has(word)) return 0.9;
  if (word === 'born' || word === 'born on' || word === 'birth') return 0.85;
  if (word === 'birthday' || word === 'geburtstag') return 0.8;
  return 0.75; // b.
}

function isLetter(ch: string): boolean {
  return ch !== '' && /\p{L}/u.test(ch);
}

/** Finds dates of birth in `text`. `now` is injectable for tests. */
export function detectDatesOfBirth(text: string, defaultRegion: string, now: Date = new Date()): Finding[] {
  if (!hasDigitRun(text, 1) || !hasKeywordHint(text, BIRTH_WORD_HINT)) return [];
  const monthFirst = defaultRegion.toUpperCase() === 'US';
  const out: Finding[] = [];
  let lastEnd = -1;
  BIRTH_WORDS.lastIndex = 0;
  for (let m = BIRTH_WORDS.exec(text); m !== null; m = BIRTH_WORDS.exec(text)) {
    const raw = m[1] ?? '';
    const wordEnd = m.index + raw.length;
    if (!raw.endsWith('.') && isLetter(text.charAt(wordEnd))) continue;
    const word = raw.toLowerCase().replace(/\s+/g, ' ');
    // "b." only directly before the date: "b. 12 May 1990"
    const limit = Math.min(text.length, wordEnd + (word === 'b.' ? 2 : WINDOW));
    let found: DateMatch | null = null;
    let gap: 'filler' | 'words' | null = null;
    for (let p = wordEnd; p < limit; p++) {
      const c = text.charCodeAt(p);
      const digit = c >= 48 && c <= 57;
      // A date starts with a digit or a month name, at a word boundary.
      if (digit) {
        const b = text.charCodeAt(p - 1);
        if (b >= 48 && b <= 57) continue;
      } else if (!isLetter(text.charAt(p)) || isLetter(text.charAt(p - 1))) continue;
      const d = dateAt(text, p, monthFirst, now);
      if (d === null) continue;
      gap = between(text.slice(wordEnd, p));
      if (gap !== null) found = d;
      break;
    }
    if (found === null || found.start < lastEnd) continue;
    const base = scoreFor(word) - (found.twoDigitYear ? 0.05 : 0) - (gap === 'words' ? 0.1 : 0);
    const effect = Math.round((scoreFor(word) - 0.35) * 100) / 100;
    out.push({
      start: found.start,
      end: found.end,
      type: 'DATE_OF_BIRTH',
      score: Math.round(base * 100) / 100,
      detector: 'date-of-birth',
      explanation: { pattern: found.pattern, validation: 'passed', context: [{ word, effect }] },
    });
    lastEnd = found.end;
  }
  return out;
}

export const dateOfBirthDetector: Detector = {
  id: 'date-of-birth',
  version: '1',
  types: ['DATE_OF_BIRTH'],
  detect(text, ctx) {
    return detectDatesOfBirth(text, ctx.defaultRegion ?? '');
  },
};
