/**
 * Context helpers of the PHONE detector: the words just before a number and a phone label just after it,
 * read with hand-written scans (no regex allocation per finding). All functions are linear in the bounded window.
 */

const LETTER = /^\p{L}$/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Length (1 or 2 code units) of the code point ending just before `k`, never reaching before `from`. */
function cpLenBefore(text: string, k: number, from: number): number {
  const c = text.charCodeAt(k - 1);
  if (c >= 0xdc00 && c <= 0xdfff && k - 2 >= from) {
    const h = text.charCodeAt(k - 2);
    if (h >= 0xd800 && h <= 0xdbff) return 2;
  }
  return 1;
}

function isLetterAt(text: string, k: number, len: number): boolean {
  if (len === 1) {
    const c = text.charCodeAt(k);
    if (c < 0x80) return isAsciiLetter(c);
  }
  return LETTER.test(text.slice(k, k + len));
}

/** Is the character before `i` a letter (used to tell whether a window cuts a word)? */
export function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const len = cpLenBefore(text, i, 0);
  return isLetterAt(text, i - len, len);
}

/**
 * Among the last `max` letter-words (☎ and 📞 count as words of their own) in text[from, end), the nearest one
 * that `words` holds, lower-cased. A word touching `from` is ignored when `cut` (the window cut it).
 */
export function nearestWordIn(
  text: string,
  from: number,
  end: number,
  max: number,
  cut: boolean,
  words: ReadonlySet<string>,
): string | undefined {
  let seen = 0;
  let k = end;
  while (k > from && seen < max) {
    const len = cpLenBefore(text, k, from);
    const ch = text.slice(k - len, k);
    if (ch === '☎' || ch === '📞') {
      if (words.has(ch)) return ch;
      seen++;
      k -= len;
      continue;
    }
    if (!isLetterAt(text, k - len, len)) {
      k -= len;
      continue;
    }
    const wEnd = k;
    while (k > from) {
      const l = cpLenBefore(text, k, from);
      if (!isLetterAt(text, k - l, l)) break;
      k -= l;
    }
    if (k === from && cut) return undefined;
    seen++;
    const word = text.slice(k, wEnd).toLowerCase();
    if (words.has(word)) return word;
  }
  return undefined;
}

function isLabelSep(c: number): boolean {
  // [\s.:=#-]
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x2e || c === 0x3a || c === 0x3d || c === 0x23 || c === 0x2d;
}

const NUMBER_ABBREVIATIONS = new Set(['no', 'nr', 'num', 'number']);

/** Reads the letter-word ending at `k` (after skipping label separators back to `from`): [wordStart, wordEnd]. */
function wordBefore(text: string, from: number, k: number): [number, number] | null {
  while (k > from && isLabelSep(text.charCodeAt(k - 1))) k--;
  const wEnd = k;
  while (k > from) {
    const l = cpLenBefore(text, k, from);
    if (!isLetterAt(text, k - l, l)) break;
    k -= l;
  }
  return k === wEnd ? null : [k, wEnd];
}

/**
 * The label directly before `end` within text[from, end): "Order ", "invoice no. ", "ref nº ", lower-cased;
 * undefined when the text before the number does not end with a word.
 */
export function labelBefore(text: string, from: number, end: number): string | undefined {
  let w = wordBefore(text, from, end);
  if (w === null) {
    // "n°" / "nº": the degree sign is not a letter.
    let k = end;
    while (k > from && isLabelSep(text.charCodeAt(k - 1))) k--;
    const c = text.charCodeAt(k - 1);
    if (k - 2 >= from && (c === 0xb0 || c === 0xba) && (text.charCodeAt(k - 2) | 0x20) === 0x6e) {
      const prev = wordBefore(text, from, k - 2);
      return prev === null ? undefined : text.slice(prev[0], prev[1]).toLowerCase();
    }
    return undefined;
  }
  const word = text.slice(w[0], w[1]).toLowerCase();
  if (NUMBER_ABBREVIATIONS.has(word)) {
    const prev = wordBefore(text, from, w[0]);
    if (prev !== null) w = prev;
  }
  return text.slice(w[0], w[1]).toLowerCase();
}

/** Does text[from, end) end with '#' (and optional white space)? */
export function hashBefore(text: string, from: number, end: number): boolean {
  let k = end;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) k--;
    else return c === 0x23;
  }
  return false;
}

function isSpaceUnit(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x09;
}

function isDigitUnit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Labels that name a phone line when written right after the number: "020 7946 0958 (office)", "555-0143-Fax". */
const PHONE_LABELS_AFTER = new Set(['office', 'fax', 'mobile', 'cell', 'home', 'work', 'tel', 'phone', 'landline', 'direct']);

/**
 * A phone label right after `end`: up to two of space, '-', '(', ',', ':' or '/' and then one of
 * `PHONE_LABELS_AFTER` as a whole word that ends the phrase (not followed by a space and another word).
 * Returns the lower-cased label.
 */
export function labelAfter(text: string, end: number): string | undefined {
  let k = end;
  const n = text.length;
  let seps = 0;
  while (k < n && seps < 2) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0xa0 || c === 0x2d || c === 0x28 || c === 0x2c || c === 0x3a || c === 0x2f || c === 0x2013) {
      k++;
      seps++;
    } else break;
  }
  const ws = k;
  while (k < n && k - ws <= 8 && isAsciiLetter(text.charCodeAt(k))) k++;
  if (k === ws || k - ws > 8) return undefined;
  if (k < n && isLetterAt(text, k, 1)) return undefined;
  // The label must end the phrase ("... office\n", "... -Fax,"), not start one ("555 1234 office hours").
  if (k < n && isSpaceUnit(text.charCodeAt(k)) && k + 1 < n && (isLetterAt(text, k + 1, 1) || isDigitUnit(text.charCodeAt(k + 1)))) return undefined;
  const word = text.slice(ws, k).toLowerCase();
  return PHONE_LABELS_AFTER.has(word) ? word : undefined;
}

/** An extension right after a number: "x123", " x 123", " ext. 123", "ext123", " extension 123". Returns its end or -1. */
const EXTENSION = /[ \u00a0]?(?:x|ext\.?|extn\.?|extension)[ \u00a0.:]{0,2}\d{1,6}/iy;
export function extensionEnd(text: string, end: number): number {
  EXTENSION.lastIndex = end;
  if (!EXTENSION.test(text)) return -1;
  const e = EXTENSION.lastIndex;
  const c = text.charCodeAt(e);
  if (e < text.length && (c >= 0x30 && c <= 0x39)) return -1;
  if (e < text.length && isLetterAt(text, e, 1)) return -1;
  return e;
}
