/**
 * A fake person name from the shipped name lists, with as many name parts as the original ("Anna" → one given name,
 * "Anna Maria Schmidt" → given, given, surname; "Schmidt, Anna" → surname first), an initial replaced by an initial,
 * a double name by a double name, and each part in its original case pattern ("SCHMIDT Anna" → "WEBER Lena").
 * Titles, particles and suffixes ("Dr.", "Frau", "von", "Jr.") are left out: a title tells the gender, a particle
 * the origin, and nothing of the original should survive in its pseudonym. A lone name after a title ("Mr. Ford")
 * is a surname.
 */
import { applyCasePattern } from '../case-pattern';
import { FAKE_LISTS } from '../data/fake-lists';
import { digestBytes, pick } from './keyed-choice';

/** Titles, particles and suffixes, left out; compared in lower case without a final dot. */
const LEFT_OUT = new Set([
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
  const words = original.split(SEPARATOR).filter((p, i) => i % 2 === 0 && p !== '');
  const parts = words.filter((w) => !LEFT_OUT.has(w.toLowerCase().replace(TRAILING_DOT, '')));
  if (parts.length === 0) return pick(FAKE_LISTS.givenNames, digest);
  const titled = parts.length < words.length;
  const surnameFirst = parts.length > 1 && original.includes(',');
  const surnameAt = parts.length === 1 ? (titled ? 0 : -1) : surnameFirst ? 0 : parts.length - 1;
  const subparts = parts.reduce((n, part) => n + part.split('-').length, 0);
  const bytes = digestBytes(digest, (subparts + 1) * BYTES_PER_PART);
  let next = 0;
  const fakes = parts.map((part, at) => {
    const list = at === surnameAt ? FAKE_LISTS.surnames : FAKE_LISTS.givenNames;
    return part
      .split('-')
      .map((sub) => {
        const name = pick(list, bytes, BYTES_PER_PART * next++);
        if (INITIAL.test(sub)) return name[0]! + sub.slice(1);
        return applyCasePattern(sub, name);
      })
      .join('-');
  });
  return surnameFirst ? `${fakes[0]!}, ${fakes.slice(1).join(' ')}` : fakes.join(' ');
}
