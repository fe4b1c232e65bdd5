/**
 * A fake geographic position, for a LOCATION written as coordinates ("51.50740, -0.12780", "40.7128° N",
 * 51°30'26.6"N, the value of a "lat=" field): the same form, with every degree value brought to 0° and the other
 * digits keyed. The position lands within a degree of 0°, 0° in the Gulf of Guinea, where nobody lives: like the
 * documentation IP ranges of the IP pseudonyms, a fake that the verification can tell from a real position
 * (`isFakeCoordinates`), and that tells a reader it was replaced.
 */
import { digestBytes } from './keyed-choice';

/** A number, and what follows it: a degree sign, or a minute or second mark. */
const NUMBER = /(\d+)([.,]\d+)?(?=([ \t\u00a0]?[°'′"″])?)/g;

/** Is a LOCATION value written as coordinates (a degree sign, or a number with decimals), not as a place name? */
export function isCoordinatesValue(value: string): boolean {
  return COORDINATES_SHAPE.test(value);
}
const COORDINATES_SHAPE = /°|\d[.,]\d{2}/;

/** Is the number that ends at `mark` (what follows it, if anything) a degree value? */
function isDegrees(fraction: string | undefined, mark: string | undefined): boolean {
  const m = mark?.trim();
  if (m === '°') return true;
  return fraction !== undefined && m === undefined; // a plain decimal: decimal degrees
}

export function fakeCoordinates(digest: Uint8Array, value: string): string {
  const bytes = digestBytes(digest, value.length);
  let at = 0;
  const keyed = (digits: string) => {
    let out = '';
    for (let i = 0; i < digits.length; i++) out += String(bytes[at++ % bytes.length]! % 10);
    return out;
  };
  return value.replace(NUMBER, (whole: string, int: string, fraction: string | undefined, mark: string | undefined) => {
    if (isDegrees(fraction, mark)) return `0${fraction === undefined ? '' : fraction[0]! + keyed(fraction.slice(1))}`;
    // minutes and seconds keep their length (and stay below 60)
    const digits = keyed(int);
    const capped = digits.length === 2 && digits[0]! >= '6' ? `${Number(digits[0]) - 6}${digits[1]!}` : digits;
    return `${capped}${fraction === undefined ? '' : fraction[0]! + keyed(fraction.slice(1))}`;
  });
}

/** Is `text` coordinates as `fakeCoordinates` writes them: at least one degree value, and every degree value 0? */
export function isFakeCoordinates(text: string): boolean {
  let degrees = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (!isDegrees(m[2], m[3])) continue;
    if (m[1] !== '0') return false;
    degrees++;
  }
  return degrees > 0;
}
