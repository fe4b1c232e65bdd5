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
}

const NO_DIGITS: DigitProfile = { digits: 0, digitRun: 0, alnumRun: 0 };
const DIGIT = /[0-9]/g;

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiAlnumCode = (c: number): boolean => isDigitCode(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** The digit profile of `text`: one regex scan from digit to digit, plus the letters and digits around each. */
export function digitProfile(text: string): DigitProfile {
  DIGIT.lastIndex = 0;
  if (!DIGIT.test(text)) return NO_DIGITS;
  let digits = 0;
  let digitRun = 0;
  let alnumRun = 0;
  const n = text.length;
  do {
    // the run of letters and digits around this digit, read once
    let s = DIGIT.lastIndex - 1;
    while (s > 0 && isAsciiAlnumCode(text.charCodeAt(s - 1))) s--;
    let d = 0;
    let e = s;
    for (; e < n; e++) {
      const c = text.charCodeAt(e);
      if (isDigitCode(c)) {
        digits++;
        if (++d > digitRun) digitRun = d;
      } else if (isAsciiAlnumCode(c)) d = 0;
      else break;
    }
    if (e - s > alnumRun) alnumRun = e - s;
    DIGIT.lastIndex = e;
  } while (DIGIT.test(text));
  return { digits, digitRun, alnumRun };
}
