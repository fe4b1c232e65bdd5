/**
 * Finds where and why a JSON text is invalid, without recursion (a record may nest 10,000 deep) and without quoting
 * the text (it may be personal data): Node 20's JSON.parse often gives no position, and its messages quote the input.
 */
import { ARR, BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OBJ, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-chars';

export interface JsonSyntaxError {
  /** Offset in the text where the problem was found (the text length for an early end). */
  readonly pos: number;
  /** What is wrong, without quoting the text (apart from a single offending character). */
  readonly message: string;
}

const WS_SPACE = 32;
const WS_TAB = 9;
const WS_LF = 10;
const WS_CR = 13;

function skipWs(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== WS_SPACE && c !== WS_LF && c !== WS_CR && c !== WS_TAB) break;
    i++;
  }
  return i;
}

/** A printable description of the character at `i` of `text`, for error messages. */
export function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const cp = text.codePointAt(i) as number;
  if (cp < 0x20 || cp === 0x7f) return `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0xfeff) return 'byte order mark U+FEFF';
  return `'${String.fromCodePoint(cp)}'`;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Scan a string token starting at the quote at `i`; returns its end or an error. */
function checkString(text: string, i: number): number | JsonSyntaxError {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) {
      const e = text.charCodeAt(j + 1);
      if (e === 117 /* u */) {
        for (let h = 2; h < 6; h++) {
          if (!isHex(text.charCodeAt(j + h))) {
            return j + h >= n
              ? { pos: n, message: 'unterminated string' }
              : { pos: j, message: 'bad \\u escape in string (expected 4 hex digits)' };
          }
        }
        j += 6;
        continue;
      }
      if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        j += 2;
        continue;
      }
      if (j + 1 >= n) return { pos: n, message: 'unterminated string' };
      return { pos: j, message: `bad escape '\\${String.fromCharCode(e)}' in string` };
    }
    if (c < 0x20) {
      return {
        pos: j,
        message:
          c === WS_LF || c === WS_CR
            ? 'line break inside a string (unterminated string or unescaped newline)'
            : `bad control character U+${c.toString(16).toUpperCase().padStart(4, '0')} in string`,
      };
    }
    j++;
  }
  return { pos: n, message: 'unterminated string' };
}

function checkNumber(text: string, i: number): number | JsonSyntaxError {
  const start = i;
  const bad = (): JsonSyntaxError => ({ pos: start, message: 'invalid number' });
  if (text.charCodeAt(i) === 45 /* - */) i++;
  const c = text.charCodeAt(i);
  if (c === 48 /* 0 */) {
    i++;
  } else if (isDigit(c)) {
    while (isDigit(text.charCodeAt(i))) i++;
  } else {
    return bad();
  }
  if (text.charCodeAt(i) === 46 /* . */) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return bad();
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    const s = text.charCodeAt(i);
    if (s === 43 || s === 45) i++;
    if (!isDigit(text.charCodeAt(i))) return bad();
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

const S_VALUE = 0; // a value is required
const S_VALUE_OR_CLOSE = 1; // just after '['
const S_AFTER_VALUE = 2;
const S_KEY_OR_CLOSE = 3; // just after '{'
const S_KEY = 4; // after ',' in an object
const S_COLON = 5;

/**
 * Find the first syntax error in `text` (one JSON value with optional surrounding whitespace),
 * following RFC 8259 as `JSON.parse` does. Returns `null` when the text is valid.
 */
export function locateJsonError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: number[] = [];
  let state = S_VALUE;
  let i = 0;
  for (;;) {
    i = skipWs(text, i);
    if (i >= n) {
      if (state === S_AFTER_VALUE && stack.length === 0) return null;
      if (stack.length === 0 && state === S_VALUE) return { pos: n, message: 'unexpected end of input (no value)' };
      const open = stack[stack.length - 1] === OBJ ? 'object' : 'array';
      return { pos: n, message: `unexpected end of input (unterminated ${open})` };
    }
    const c = text.charCodeAt(i);
    switch (state) {
      case S_VALUE_OR_CLOSE:
      case S_VALUE: {
        if (c === CLOSE_BRACKET && state === S_VALUE_OR_CLOSE) {
          stack.pop();
          state = S_AFTER_VALUE;
          i++;
          break;
        }
        if (c === OPEN_BRACE) {
          stack.push(OBJ);
          state = S_KEY_OR_CLOSE;
          i++;
          break;
        }
        if (c === OPEN_BRACKET) {
          stack.push(ARR);
          state = S_VALUE_OR_CLOSE;
          i++;
          break;
        }
        let r: number | JsonSyntaxError;
        if (c === QUOTE) r = checkString(text, i);
        else if (c === 45 || isDigit(c)) r = checkNumber(text, i);
        else if (c === 116 /* t */) r = text.startsWith('true', i) ? i + 4 : { pos: i, message: 'invalid literal (expected true)' };
        else if (c === 102 /* f */) r = text.startsWith('false', i) ? i + 5 : { pos: i, message: 'invalid literal (expected false)' };
        else if (c === 110 /* n */) r = text.startsWith('null', i) ? i + 4 : { pos: i, message: 'invalid literal (expected null)' };
        else {
          const trailing =
            (c === CLOSE_BRACKET || c === CLOSE_BRACE) && state === S_VALUE && stack.length > 0 ? ' (trailing comma?)' : '';
          r = { pos: i, message: `expected a value, found ${describeChar(text, i)}${trailing}` };
        }
        if (typeof r !== 'number') return r;
        i = r;
        state = S_AFTER_VALUE;
        break;
      }
      case S_AFTER_VALUE: {
        const t = stack[stack.length - 1];
        if (t === undefined) return { pos: i, message: `unexpected ${describeChar(text, i)} after the end of the value` };
        if (c === COMMA) {
          state = t === OBJ ? S_KEY : S_VALUE;
          i++;
        } else if (t === OBJ && c === CLOSE_BRACE) {
          stack.pop();
          i++;
        } else if (t === ARR && c === CLOSE_BRACKET) {
          stack.pop();
          i++;
        } else {
          return t === OBJ
            ? { pos: i, message: `expected ',' or '}' after a property value, found ${describeChar(text, i)}` }
            : { pos: i, message: `expected ',' or ']' after an array element, found ${describeChar(text, i)}` };
        }
        break;
      }
      case S_KEY_OR_CLOSE:
      case S_KEY: {
        if (c === CLOSE_BRACE && state === S_KEY_OR_CLOSE) {
          stack.pop();
          state = S_AFTER_VALUE;
          i++;
          break;
        }
        if (c !== QUOTE) {
          const what = state === S_KEY_OR_CLOSE ? "a property name in double quotes or '}'" : 'a property name in double quotes';
          const trailing = c === CLOSE_BRACE ? ' (trailing comma?)' : '';
          return { pos: i, message: `expected ${what}, found ${describeChar(text, i)}${trailing}` };
        }
        const r = checkString(text, i);
        if (typeof r !== 'number') return r;
        i = r;
        state = S_COLON;
        break;
      }
      case S_COLON: {
        if (c !== 58 /* : */) return { pos: i, message: `expected ':' after a property name, found ${describeChar(text, i)}` };
        i++;
        state = S_VALUE;
        break;
      }
      default:
        throw new Error('unreachable');
    }
  }
}

/**
 * Why and where `text` (which `JSON.parse` rejected with `err`) is invalid. Uses
 * {@link locateJsonError}; falls back to V8's message (stripped of its quoted snippet) and position.
 */
export function explainJsonError(text: string, err: unknown): JsonSyntaxError {
  const located = locateJsonError(text);
  if (located) return located;
  const raw = err instanceof Error ? err.message : String(err);
  // V8 12+: "... (line L column C)"; V8 10-11: "... in JSON at position N"; "Unexpected token 'x', "<snippet>" is not valid JSON".
  let pos = 0;
  const lc = /\(line (\d+) column (\d+)\)/.exec(raw);
  const at = /at position (\d+)/.exec(raw);
  if (lc) {
    const wantLine = Number(lc[1]);
    let l = 1;
    let p = 0;
    while (l < wantLine) {
      const nl = text.indexOf('\n', p);
      if (nl < 0) break;
      p = nl + 1;
      l++;
    }
    pos = Math.min(text.length, p + Number(lc[2]) - 1);
  } else if (at) {
    pos = Math.min(text.length, Number(at[1]));
  }
  const message = raw
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  return { pos, message };
}
