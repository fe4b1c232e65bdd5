/**
 * A fake person name from the shipped name lists, with the original's shape: as many parts ("Anna" → one given
 * name, "Anna Maria Schmidt" → given, given, surname; "Schmidt, Anna" → surname first), titles, particles and
 * suffixes kept ("Dr.", "Frau", "von", "Jr."), an initial replaced by an initial, a double name by a double name,
 * and each part in its original case pattern ("SCHMIDT Anna" → "WEBER Lena").
 */
import { applyCasePattern } from '../case-pattern';
import { FAKE_LISTS } from '../data/fake-lists';
import { digestBytes, pick } from './keyed-choice';

/** Words kept as they are, compared in lower case without a final dot. */
const KEPT_WORDS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'sir', 'dame', 'herr', 'frau', 'mme', 'mlle', 'm', 'sr', 'sra', 'srta', 'sta',
  'don', 'doña', 'dott', 'ing', 'jr', 'ii', 'iii', 'iv', 'phd', 'md', 'von', 'van', 'der', 'den', 'de', 'del', 'della', 'la',
  'le', 'du', 'da', 'di', 'dos', 'zu',
]);
/** Spaces and commas between parts (kept as they are). */
const SEPARATOR = /([\s,]+)/;
const TRAILING_DOT = /\.$/;
const INITIAL = /^\p{L}\.?$/u;
const BYTES_PER_PART = 6;

export function fakeName(digest: Uint8Array, original: string): string {
  const pieces = original.split(SEPARATOR);
  const partAt: number[] = [];
  pieces.forEach((p, i) => {
    if (i % 2 === 0 && p !== '' && !KEPT_WORDS.has(p.toLowerCase().replace(TRAILING_DOT, ''))) partAt.push(i);
  });
  if (partAt.length === 0) return pick(FAKE_LISTS.givenNames, digest);
  const surnameFirst = original.includes(',');
  const surnameAt = partAt.length === 1 ? -1 : surnameFirst ? partAt[0]! : partAt[partAt.length - 1]!;
  const subparts = partAt.reduce((n, at) => n + pieces[at]!.split('-').length, 0);
  const bytes = digestBytes(digest, (subparts + 1) * BYTES_PER_PART);
  let next = 0;
  for (const at of partAt) {
    const list = at === surnameAt ? FAKE_LISTS.surnames : FAKE_LISTS.givenNames;
    pieces[at] = pieces[at]!
      .split('-')
      .map((sub) => {
        const name = pick(list, bytes, BYTES_PER_PART * next++);
        if (INITIAL.test(sub)) return name[0]! + sub.slice(1);
        return applyCasePattern(sub, name);
      })
      .join('-');
  }
  return pieces.join('');
}
