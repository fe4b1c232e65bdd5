/**
 * Cheap whole-text checks that detectors run before their costly patterns.
 *
 * V8's compiled regexes skip through a string several times faster than a `charCodeAt` loop in JavaScript, so
 * each check finds its anchors with a native regex scan and reads characters one by one only around them.
 */

/** What a text's ASCII digits look like: enough to skip every pattern that needs more of them. */
export interface DigitProfile {
  /** ASCII digits in the text. */
  readonly digits: number;
  /** Longest run of consecutive ASCII digits. */
  readonly digitRun: number;
  /** Longest run of consecutive ASCII letters and digits that holds at least one digit. */
  readonly alnumRun: number;
  /**
   * Most digits in a chain of digit-only runs joined by single separators ('-', '.', '/', '+', a space or a no-break
   * space): "078-05-1120" and "529.982.247-25" are chains of 9 and 11 digits. A number written in groups has its
   * whole length here.
   */
  readonly digitChain: number;
}

const NO_DIGITS: DigitProfile = { digits: 0, digitRun: 0, alnumRun: 0, digitChain: 0 };
const isChainSeparator = (c: number): boolean => c === 0x2d || c === 0x2e || c === 0x2f || c === 0x2b || c === 0x20 || c === 0xa0;
const DIGIT = /[0-9]/g;

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiAlnumCode = (c: number): boolean => isDigitCode(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

let profiledText: string | null = null;
let profile: DigitProfile = NO_DIGITS;

/**
 * The digit profile of `text`. The last text's profile is kept, so the detectors that run one after another over
 * the same text (national IDs, cards, IMEIs, dates, case numbers, addresses) profile it once.
 */
export function digitProfile(text: string): DigitProfile {
  if (text !== profiledText) {
    profile = profileDigits(text);
    profiledText = text;
  }
  return profile;
}

const DIGIT_RUN = new Map<number, RegExp>();

/**
 * Whether `text` holds at least `run` ASCII digits in a row. Read from the kept profile when `text` was the last
 * text profiled (in the registry, the detectors before have done so), otherwise one regex test: cheaper than a
 * profile for a detector that needs nothing else.
 */
export function hasDigitRun(text: string, run: number): boolean {
  if (text === profiledText) return profile.digitRun >= run;
  let re = DIGIT_RUN.get(run);
  if (re === undefined) {
    re = new RegExp(`[0-9]{${run}}`);
    DIGIT_RUN.set(run, re);
  }
  return re.test(text);
}

/**
 * The digit profile of `text` if it is the one kept (the last text profiled), else undefined: for a prefilter that
 * is worth reading from the profile when the detectors before have made it, but not worth a scan of its own.
 */
export function keptDigitProfile(text: string): DigitProfile | undefined {
  return text === profiledText ? profile : undefined;
}

/** One regex scan from digit to digit, plus the letters and digits around each. */
function profileDigits(text: string): DigitProfile {
  DIGIT.lastIndex = 0;
  if (!DIGIT.test(text)) return NO_DIGITS;
  let digits = 0;
  let digitRun = 0;
  let alnumRun = 0;
  let digitChain = 0;
  // the chain being read: its digits, and where its last run ended (-2: no chain)
  let chain = 0;
  let chainEnd = -2;
  const n = text.length;
  do {
    // the run of letters and digits around this digit, read once
    let s = DIGIT.lastIndex - 1;
    while (s > 0 && isAsciiAlnumCode(text.charCodeAt(s - 1))) s--;
    let d = 0;
    let e = s;
    let letters = false;
    for (; e < n; e++) {
      const c = text.charCodeAt(e);
      if (isDigitCode(c)) {
        digits++;
        if (++d > digitRun) digitRun = d;
      } else if (isAsciiAlnumCode(c)) {
        d = 0;
        letters = true;
      } else break;
    }
    if (e - s > alnumRun) alnumRun = e - s;
    if (letters) {
      chain = 0;
      chainEnd = -2;
    } else {
      chain = s === chainEnd + 1 && isChainSeparator(text.charCodeAt(chainEnd)) ? chain + (e - s) : e - s;
      chainEnd = e;
      if (chain > digitChain) digitChain = chain;
    }
    DIGIT.lastIndex = e;
  } while (DIGIT.test(text));
  return { digits, digitRun, alnumRun, digitChain };
}
