/**
 * Keyword hints: which detectors' prefilter keywords a text holds, found by one scan per text for all of them.
 *
 * Many detectors skip a text that holds none of a few words ("password", "host", "birth", "confidential", …).
 * Each of those prefilters used to be a regex of its own, run over every text: ten scans of the whole text, most
 * of which find nothing. Here every hint's words go into one scan per text, which gives the set of hints present
 * as a bit mask. The mask of the last text is kept, so the detectors that run one after another over the same text
 * (in the registry) share that one scan.
 *
 * A hint is a prefilter, never the decision: a text that holds a hint's word (in any case) passes, and the
 * detector's own patterns then decide. So a hint may stand for a case-sensitive check (the detector runs that
 * check after the hint), but it must never be narrower than what it replaces: each hint lists every literal that
 * the replaced regex could match, lower-cased.
 *
 * What the scan computes is defined by a regex: one case-insensitive alternation of every word, tried at every
 * position (after a match at `p` it goes on from `p + 1`), reporting at one position the longest keyword that
 * matches there (the alternation lists longer words first). Every other keyword matching at that position is a
 * prefix of the reported one, so each keyword's bits include the bits of every keyword that is a prefix of it.
 * That regex cost a try of the whole alternation at every character; the words are run instead as an automaton
 * that reads each character once and gives the same mask (see buildAutomaton). The regex is kept for the word sets
 * that the automaton cannot answer exactly.
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

/**
 * Defines a hint: a text "has" it when it holds one of `words` in any case. Called once per hint, at module load.
 * Words are literals (no regex syntax); list every spelling the replaced check accepts.
 */
export function defineKeywordHint(name: string, words: readonly string[]): KeywordHint {
  if (hints.length >= MAX_HINTS) throw new Error(`At most ${MAX_HINTS} keyword hints can be defined`);
  if (words.length === 0 || words.some((w) => w.length === 0)) throw new Error(`Keyword hint ${name} needs non-empty words`);
  const hint: KeywordHint = { name, bit: 1 << hints.length, words: words.map((w) => w.toLowerCase()) };
  hints.push(hint);
  scanner = null;
  return hint;
}

/** Escapes the regex syntax characters. */
const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The two characters that Unicode case folding maps to ASCII letters (ſ to s, the Kelvin sign to k). The scan's
 * regex folds case the faster, non-Unicode way, which leaves them alone; a text that holds one has every hint, as
 * the `/iu` prefilters that the hints replaced would have read "ſerial" as "serial".
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
const FOLD_CODES = [0x17f, 0x212a];

/**
 * The keywords as a table-driven automaton (Aho–Corasick): one step per UTF-16 unit of the text, with no regex
 * tried at every position. `classOf` maps a unit to its column: 0 for a unit that matches no keyword character,
 * `fold` for ſ and the Kelvin sign, else the keyword character it matches. A state is the offset of its row in
 * `table`; a row holds the offset of the next state per column, then (at `out`) the bits of every keyword that ends
 * at this state (its own word's and those of the keywords that are suffixes of it). One extra state, entered on
 * `fold`, never leaves and has every bit.
 */
interface Automaton {
  readonly classOf: Uint8Array;
  readonly table: Int32Array;
  readonly out: number;
}

/** Every UTF-16 unit, in order (lone surrogates included): what the regex engine is asked about case folding. */
let everyUnit: string | null = null;

function allUnits(): string {
  if (everyUnit === null) {
    const parts: string[] = [];
    const chunk: number[] = new Array<number>(4096);
    for (let c = 0; c < 0x10000; c += 4096) {
      for (let k = 0; k < 4096; k++) chunk[k] = c + k;
      parts.push(String.fromCharCode(...chunk));
    }
    everyUnit = parts.join('');
  }
  return everyUnit;
}

/**
 * The automaton for `own` (each keyword's own bits), or null when it could not answer exactly as the regex does.
 *
 * Why it gives the regex scan's mask: that scan ORs, at every position, the bits of the longest keyword matching
 * there and of its keyword prefixes — which are all the keywords matching at that position — so its mask is the
 * OR of the bits of every keyword occurrence, and that is what the automaton ORs. Which text units match which
 * keyword character is asked of the regex engine itself (a scan over every unit with the alternation of the keyword
 * characters, the same case-insensitive matching the union regex does, one unit at a time). The automaton is used only when every unit matching a
 * keyword character lower-cases to that character: then no unit matches two characters, and the regex scan's
 * lookup of the lower-cased match always finds its keyword (never the "every hint" fallback). The first scan after
 * hints were defined pays for the build (a few milliseconds).
 */
function buildAutomaton(own: ReadonlyMap<string, number>): Automaton | null {
  const chars = [...new Set([...own.keys()].join(''))];
  // a column per character, 0 (none) and the fold column; the last column holds the state's bits
  const fold = chars.length + 1;
  const out = fold + 1;
  const width = out + 1;
  if (fold > 255) return null;
  if (chars.some((k) => k.charCodeAt(0) >= 0xd800 && k.charCodeAt(0) <= 0xdfff)) return null;
  // one group per character: a match's group is the first character, in this order, that the unit matches
  const anyChar = new RegExp(chars.map((k) => `(${escape(k)})`).join('|'), 'gi');
  const group = (m: RegExpExecArray): number => {
    let g = 1;
    while (m[g] === undefined) g++;
    return g;
  };
  // no keyword character matches another (then no unit matches two: matching is equality after case folding)
  for (let i = 0; i < chars.length; i++) {
    anyChar.lastIndex = 0;
    const m = anyChar.exec(chars[i]!);
    if (m === null || group(m) !== i + 1) return null;
  }
  const classOf = new Uint8Array(0x10000);
  const units = allUnits();
  anyChar.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = anyChar.exec(units)) !== null) {
    const g = group(m);
    if (m[0].toLowerCase() !== chars[g - 1]) return null;
    classOf[m.index] = g;
  }
  for (const c of FOLD_CODES) classOf[c] = fold;
  // the trie: next[s][column] (-1: none), bits[s]
  const next: number[][] = [new Array<number>(fold).fill(-1)];
  const bits: number[] = [0];
  for (const [w, b] of own) {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const col = classOf[w.charCodeAt(i)]!;
      let t = next[s]![col]!;
      if (t === -1) {
        t = next.length;
        next[s]![col] = t;
        next.push(new Array<number>(fold).fill(-1));
        bits.push(0);
      }
      s = t;
    }
    bits[s] = bits[s]! | b;
  }
  // failure links, breadth first: a missing edge goes where the failure state's edge goes
  const failure = new Array<number>(next.length).fill(0);
  const queue: number[] = [];
  for (let col = 0; col < fold; col++) {
    const t = next[0]![col]!;
    if (t === -1) next[0]![col] = 0;
    else queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    bits[s] = bits[s]! | bits[failure[s]!]!;
    for (let col = 0; col < fold; col++) {
      const t = next[s]![col]!;
      const via = next[failure[s]!]![col]!;
      if (t === -1) next[s]![col] = via;
      else {
        failure[t] = via;
        queue.push(t);
      }
    }
  }
  const dead = next.length * width;
  const table = new Int32Array(dead + width);
  for (let s = 0; s < next.length; s++) {
    const row = s * width;
    for (let col = 0; col < fold; col++) table[row + col] = next[s]![col]! * width;
    table[row + fold] = dead;
    table[row + out] = bits[s]!;
  }
  table.fill(dead, dead, dead + out);
  table[dead + out] = ALL;
  return { classOf, table, out };
}

interface Scanner {
  /** Null: the automaton could not be used, the regex scans. */
  readonly automaton: Automaton | null;
  readonly regex: RegExp;
  /** The mask each lower-cased keyword stands for (its own hints' bits and those of its prefixes). */
  readonly maskOfWord: ReadonlyMap<string, number>;
}

/** Built at the first scan after a hint was defined. */
let scanner: Scanner | null = null;

function buildScanner(): Scanner {
  const own = new Map<string, number>();
  for (const h of hints) for (const w of h.words) own.set(w, (own.get(w) ?? 0) | h.bit);
  const words = [...own.keys()];
  const maskOfWord = new Map(words.map((w) => [w, words.reduce((m, p) => (w.startsWith(p) ? m | own.get(p)! : m), 0)]));
  // longest first, so that the word reported at a position is the longest there; ties in a fixed order
  words.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  // `i` without `u`: V8 scans about three times faster without Unicode case folding (see FOLDS_TO_ASCII)
  const regex = new RegExp(words.map(escape).join('|'), 'gi');
  return { automaton: buildAutomaton(own), regex, maskOfWord };
}

let scannedText: string | null = null;
let scannedMask = 0;
let scannedWith: Scanner | null = null;

/** The hints `text` holds, as a mask of their bits. The last text's mask is kept. */
export function keywordMask(text: string): number {
  if (scanner === null) scanner = buildScanner();
  if (text === scannedText && scannedWith === scanner) return scannedMask;
  const a = scanner.automaton;
  const mask = a === null ? regexMask(text, scanner) : automatonMask(text, a);
  scannedText = text;
  scannedMask = mask;
  scannedWith = scanner;
  return mask;
}

function automatonMask(text: string, a: Automaton): number {
  const { classOf, table, out } = a;
  const n = text.length;
  let s = 0;
  let mask = 0;
  for (let i = 0; i < n; i++) {
    s = table[s + classOf[text.charCodeAt(i)]!]!;
    mask |= table[s + out]!;
  }
  return mask;
}

/** The scan the automaton stands for: the union regex, tried at every position. */
function regexMask(text: string, { regex: re, maskOfWord }: Scanner): number {
  let mask = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // a match that lower-cases to no keyword cannot happen with these flags; count it as every hint if it does
    mask |= maskOfWord.get(m[0].toLowerCase()) ?? ALL;
    re.lastIndex = m.index + 1;
  }
  if (mask !== ALL && FOLDS_TO_ASCII.test(text)) mask = ALL;
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
