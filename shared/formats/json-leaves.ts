/**
 * Helpers shared by the JSON and NDJSON readers: list the string leaves of one JSON value's source
 * text, patch some of them, and locate a syntax error (with a message that carries no record data).
 *
 * Everything here is iterative (no recursion: JSON nested 10,000 deep is fine) and linear in the
 * length of the text. Strings are skipped with `indexOf('"')` plus a backslash-parity check, so
 * long string values cost close to nothing.
 *
 * Path syntax (`TextField.path`):
 * - object keys are joined with `.`: `customer.email`;
 * - array elements use brackets: `tags[0]`, `comments[3].body`, `a.b[2][1].c`;
 * - a key that is not a plain identifier (see {@link isPlainKey}: `/^[A-Za-z_$][A-Za-z0-9_$-]*$/`,
 *   ASCII only) uses the bracket-quote form with the key written as a JSON string:
 *   `["first name"]`, `["a.b"]`, `user["prénom"]`, `[""]`;
 * - a bare string value (the whole value is a string) has the path `$`, or `basePath` when one is given;
 * - with `basePath` every path is prefixed with it: `meta.exported_by`, `meta[0]`.
 */

import type { TextField } from './record';

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const COMMA = 44; // ,

/** True when `key` can be written after a dot in a path (`a.key`); otherwise it is written `a["key"]`. */
export function isPlainKey(key: string): boolean {
  const n = key.length;
  if (n === 0) return false;
  let c = key.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36)) return false;
  for (let i = 1; i < n; i++) {
    c = key.charCodeAt(i);
    if (
      !(
        (c >= 65 && c <= 90) ||
        (c >= 97 && c <= 122) ||
        (c >= 48 && c <= 57) ||
        c === 95 ||
        c === 36 ||
        c === 45
      )
    ) {
      return false;
    }
  }
  return true;
}

/** The path of member `key` of the object at `prefix` (`''` for the top of a record). */
export function joinKeyPath(prefix: string, key: string): string {
  if (isPlainKey(key)) return prefix === '' ? key : prefix + '.' + key;
  return prefix + '[' + JSON.stringify(key) + ']';
}

/**
 * Index just after the closing quote of the string token whose opening quote is at `start`,
 * or -1 when the string is not closed in `text`.
 */
export function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let b = q - 1;
    while (b >= from && text.charCodeAt(b) === BACKSLASH) b--;
    if (((q - 1 - b) & 1) === 0) return q + 1;
    from = q + 1; // an escaped quote: what follows starts afresh
  }
}

const OBJ = 0;
const ARR = 1;

/** A node of the path trie: the path of one position, and its children. */
interface PathNode {
  /** The path of a string found here. */
  readonly path: string;
  /** What children's paths start with (`path`, except `''` at the top of a record without base path). */
  readonly prefix: string;
  /** Children are kept (false below a large array index: such paths are built but not remembered). */
  readonly kept: boolean;
  keys: Map<string, PathNode> | null;
  items: PathNode[] | null;
}

const DEFAULT_PATH_CACHE_NODES = 50_000;
/** Array elements from this index on are not remembered (big arrays would flood the cache). */
const MAX_KEPT_INDEX = 64;

/**
 * Remembers path strings between records of the same shape, so that `comments[3].body` is built
 * once rather than once per record. Bounded: elements of large arrays (index 64 on) are not
 * remembered, and when it holds `maxNodes` paths it starts afresh (data with ever-new keys then costs
 * what it would without a cache). A reader keeps one for its lifetime; results never depend on it.
 */
export class PathCache {
  private roots = new Map<string, PathNode>();
  private size = 0;

  constructor(private readonly maxNodes: number = DEFAULT_PATH_CACHE_NODES) {}

  private grow(): void {
    if (++this.size > this.maxNodes) {
      // Start afresh. Nodes still in use by a scan stay valid: a node's path never depends on the cache.
      this.roots = new Map();
      this.size = 1;
    }
  }

  root(basePath: string | undefined): PathNode {
    const id = basePath === undefined ? '\u0000' : basePath;
    let node = this.roots.get(id);
    if (node === undefined) {
      this.grow();
      node = { path: basePath ?? '$', prefix: basePath ?? '', kept: true, keys: null, items: null };
      this.roots.set(id, node);
    }
    return node;
  }

  child(parent: PathNode, key: string): PathNode {
    if (!parent.kept) {
      const path = joinKeyPath(parent.prefix, key);
      return { path, prefix: path, kept: false, keys: null, items: null };
    }
    let map = parent.keys;
    if (map === null) map = parent.keys = new Map();
    let c = map.get(key);
    if (c === undefined) {
      this.grow();
      const path = joinKeyPath(parent.prefix, key);
      c = { path, prefix: path, kept: true, keys: null, items: null };
      map.set(key, c);
    }
    return c;
  }

  item(parent: PathNode, index: number): PathNode {
    if (!parent.kept || index >= MAX_KEPT_INDEX) {
      const path = parent.prefix + '[' + index + ']';
      return { path, prefix: path, kept: false, keys: null, items: null };
    }
    let items = parent.items;
    if (items === null) items = parent.items = [];
    let c = items[index];
    if (c === undefined) {
      const path = parent.prefix + '[' + index + ']';
      const kept = index === items.length;
      c = { path, prefix: path, kept, keys: null, items: null };
      if (kept) {
        this.grow();
        items.push(c);
      }
    }
    return c;
  }
}

/**
 * The decoded value of the escaped string token `text[start, end)`. Never throws: on invalid input
 * (which the readers reject afterwards anyway) it returns the token's content as is.
 */
function decodeToken(text: string, start: number, end: number): string {
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return text.slice(start + 1, end - 1);
  }
}

/** Characters the leaf scanner must look at outside strings (everything else is skipped). */
const STRUCTURAL = new Uint8Array(65536);
STRUCTURAL[QUOTE] = 1;
STRUCTURAL[OPEN_BRACE] = 1;
STRUCTURAL[CLOSE_BRACE] = 1;
STRUCTURAL[OPEN_BRACKET] = 1;
STRUCTURAL[CLOSE_BRACKET] = 1;
STRUCTURAL[COMMA] = 1;

/**
 * The leaf scanner. Scans the JSON value that starts at the first non-whitespace character at or
 * after `start` in `text`, pushing its string leaves to `out` with spans relative to `origin`.
 * Returns the offset just after the value, or -1 when `text` ends before the value does (or when
 * the value is a bare number/literal, whose end this scanner does not look for: then it returns -1
 * after scanning the whole text).
 *
 * Only bracket depth and strings are tracked, as in the splitter, so the end found is the same; the
 * fields are right only if the value turns out to be valid JSON.
 */
export function scanStringLeaves(
  text: string,
  start: number,
  origin: number,
  basePath: string | undefined,
  cache: PathCache,
  out: TextField[],
): number {
  const n = text.length;
  // The container stack, one entry per open object/array (parallel arrays: no allocation per level).
  const kinds: number[] = [];
  const nodes: PathNode[] = []; // the container's own path node
  const counters: number[] = []; // arrays: index of the current element
  const keys: string[] = []; // objects: decoded key of the current member
  let top = -1;
  let expectKey = false;
  // Next backslash at or after the current position (n when none): decode only strings that need it,
  // without rescanning the text for every string.
  let nextBackslash = -1;
  const root = cache.root(basePath);

  const here = (): PathNode => {
    if (top < 0) return root;
    const node = nodes[top] as PathNode;
    return kinds[top] === OBJ ? cache.child(node, keys[top] as string) : cache.item(node, counters[top] as number);
  };

  let i = start;
  while (i < n) {
    let c = text.charCodeAt(i);
    while (STRUCTURAL[c] === 0) {
      if (++i >= n) return -1;
      c = text.charCodeAt(i);
    }
    if (c === QUOTE) {
      const end = endOfString(text, i);
      if (end < 0) return -1;
      if (nextBackslash <= i) {
        nextBackslash = text.indexOf('\\', i + 1);
        if (nextBackslash < 0) nextBackslash = n;
      }
      const value = nextBackslash < end ? decodeToken(text, i, end) : text.slice(i + 1, end - 1);
      if (expectKey) {
        keys[top] = value;
        expectKey = false;
      } else {
        out.push({ path: here().path, value, rawStart: i - origin, rawEnd: end - origin });
        if (top < 0) return end;
      }
      i = end;
      continue;
    }
    switch (c) {
      case OPEN_BRACE:
      case OPEN_BRACKET: {
        const node = here();
        top++;
        kinds[top] = c === OPEN_BRACE ? OBJ : ARR;
        nodes[top] = node;
        keys[top] = ''; // replaced by the first key (a placeholder for invalid input such as `{[`)
        counters[top] = 0;
        expectKey = c === OPEN_BRACE;
        break;
      }
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        expectKey = false;
        if (--top < 0) return i + 1;
        break;
      default: // COMMA
        if (top >= 0) {
          if (kinds[top] === OBJ) expectKey = true;
          else counters[top] = (counters[top] as number) + 1;
        }
        break;
    }
    i++;
  }
  return -1;
}

const sharedPathCache = new PathCache();

/**
 * Every string value (not key) in `raw`, one valid JSON value possibly surrounded by whitespace,
 * in source order. `rawStart`/`rawEnd` span the token including its quotes.
 *
 * `raw` must already be known to be valid JSON (the readers check it with `JSON.parse` first);
 * on invalid input the result is meaningless (but it does not throw). Pass a {@link PathCache}
 * kept across calls to reuse path strings between records (a shared one is used otherwise).
 */
export function listStringLeaves(raw: string, basePath?: string, cache?: PathCache): TextField[] {
  const out: TextField[] = [];
  scanStringLeaves(raw, 0, 0, basePath, cache ?? sharedPathCache, out);
  return out;
}

/**
 * `raw` with the string tokens of `fields` (as listed by {@link listStringLeaves}) replaced by
 * `JSON.stringify(newValues[i])` where `newValues[i]` is defined and differs from the current value.
 * Everything else stays byte-identical; with no change, `raw` itself is returned.
 */
export function renderWithReplacements(
  raw: string,
  fields: readonly TextField[],
  newValues: readonly (string | undefined)[],
): string {
  let parts: string[] | null = null;
  let last = 0;
  const count = Math.min(fields.length, newValues.length);
  for (let k = 0; k < count; k++) {
    const next = newValues[k];
    if (next === undefined) continue;
    const field = fields[k] as TextField;
    if (next === field.value) continue;
    const start = field.rawStart;
    const end = field.rawEnd;
    if (start === undefined || end === undefined) {
      throw new Error(`field ${field.path} has no source span; cannot replace it`);
    }
    if (start < last || end > raw.length || end < start) {
      throw new Error(`field ${field.path} has a source span out of order or out of range`);
    }
    if (parts === null) parts = [];
    parts.push(raw.slice(last, start), JSON.stringify(next));
    last = end;
  }
  if (parts === null) return raw;
  parts.push(raw.slice(last));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Error location. Only used once JSON.parse has rejected a text, to say where and why without
// quoting the text (V8's messages embed a snippet of the input, which may hold personal data,
// and often carry no position).

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

/** Number of '\n' in `text` before offset `end`. */
export function countNewlines(text: string, end: number = text.length): number {
  let count = 0;
  let p = text.indexOf('\n');
  while (p >= 0 && p < end) {
    count++;
    p = text.indexOf('\n', p + 1);
  }
  return count;
}
