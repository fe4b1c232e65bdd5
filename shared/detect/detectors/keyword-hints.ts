/**
 * Keyword hints: which detectors' prefilter keywords a text holds, found by one scan per text for all of them.
 *
 * Many detectors skip a text that holds none of a few words ("password", "host", "birth", "confidential", …).
 * Each of those prefilters used to be a regex of its own, run over every text: ten scans of the whole text, most
 * of which find nothing. Here every hint's words go into one case-insensitive alternation, and one scan per text
 * gives the set of hints present as a bit mask. The mask of the last text is kept, so the detectors that run one
 * after another over the same text (in the registry) share that one scan.
 *
 * A hint is a prefilter, never the decision: a text that holds a hint's word (in any case) passes, and the
 * detector's own patterns then decide. So a hint may stand for a case-sensitive check (the detector runs that
 * check after the hint), but it must never be narrower than what it replaces: each hint lists every literal that
 * the replaced regex could match, lower-cased.
 *
 * Why every keyword is found even when keywords overlap: the scan tries every position (after a match at `p` it
 * goes on from `p + 1`), and at one position it reports the longest keyword that matches there (the alternation
 * lists longer words first). Every other keyword matching at that position is a prefix of the reported one, so
 * each keyword's bits include the bits of every keyword that is a prefix of it.
 */

export interface KeywordHint {
  /** For messages and tests. */
  readonly name: string;
  /** The hint's bit in a text's mask. */
  readonly bit: number;
  /** Its words, lower-cased. */
  readonly words: readonly string[];
}

/** A mask is one 32-bit integer. */
const MAX_HINTS = 31;
const ALL = -1;

const hints: KeywordHint[] = [];
/** The union of every hint's words, built at the first scan after a hint was defined. */
let union: RegExp | null = null;
/** The mask each lower-cased keyword stands for (its own hints' bits and those of its prefixes). */
let maskOfWord = new Map<string, number>();

/**
 * Defines a hint: a text "has" it when it holds one of `words` in any case. Called once per hint, at module load.
 * Words are literals (no regex syntax); list every spelling the replaced check accepts.
 */
export function defineKeywordHint(name: string, words: readonly string[]): KeywordHint {
  if (hints.length >= MAX_HINTS) throw new Error(`At most ${MAX_HINTS} keyword hints can be defined`);
  if (words.length === 0 || words.some((w) => w.length === 0)) throw new Error(`Keyword hint ${name} needs non-empty words`);
  const hint: KeywordHint = { name, bit: 1 << hints.length, words: words.map((w) => w.toLowerCase()) };
  hints.push(hint);
  union = null;
  return hint;
}

/** Escapes the regex syntax characters. */
const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function buildUnion(): RegExp {
  const own = new Map<string, number>();
  for (const h of hints) for (const w of h.words) own.set(w, (own.get(w) ?? 0) | h.bit);
  const words = [...own.keys()];
  maskOfWord = new Map(words.map((w) => [w, words.reduce((m, p) => (w.startsWith(p) ? m | own.get(p)! : m), 0)]));
  // longest first, so that the word reported at a position is the longest there; ties in a fixed order
  words.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  // `i` without `u`: V8 scans about three times faster without Unicode case folding (see FOLDS_TO_ASCII)
  return new RegExp(words.map(escape).join('|'), 'gi');
}

let scannedText: string | null = null;
let scannedMask = 0;
let scannedWith: RegExp | null = null;

/**
 * The two characters that Unicode case folding maps to ASCII letters (ſ to s, the Kelvin sign to k). The scan's
 * regex folds case the faster, non-Unicode way, which leaves them alone; a text that holds one has every hint, as
 * the `/iu` prefilters that the hints replaced would have read "ſerial" as "serial".
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/** The hints `text` holds, as a mask of their bits. The last text's mask is kept. */
export function keywordMask(text: string): number {
  if (union === null) union = buildUnion();
  if (text === scannedText && scannedWith === union) return scannedMask;
  const re = union;
  let mask = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // a match that lower-cases to no keyword cannot happen with these flags; count it as every hint if it does
    mask |= maskOfWord.get(m[0].toLowerCase()) ?? ALL;
    re.lastIndex = m.index + 1;
  }
  if (mask !== ALL && FOLDS_TO_ASCII.test(text)) mask = ALL;
  scannedText = text;
  scannedMask = mask;
  scannedWith = re;
  return mask;
}

/** Whether `text` holds one of the hint's words, in any case. */
export function hasKeywordHint(text: string, hint: KeywordHint): boolean {
  return (keywordMask(text) & hint.bit) !== 0;
}

/** Every hint defined so far (for tests and diagnostics). */
export function keywordHints(): readonly KeywordHint[] {
  return hints.slice();
}
