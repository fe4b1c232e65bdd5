/**
 * Helpers shared by the JSON and NDJSON readers: list the string leaves of one JSON value's source
 * text, and patch some of them.
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

import { ARR, BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OBJ, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-chars';
import { detach } from '../util/detach-string';
import type { TextField } from './record';

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
      // kept strings are detached: cut from a record, they would otherwise keep its input chunk alive
      const path = detach(joinKeyPath(parent.prefix, key));
      c = { path, prefix: path, kept: true, keys: null, items: null };
      map.set(detach(key), c);
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
  const keyStarts: number[] = []; // objects: offset of the current member's key
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
        keyStarts[top] = i;
        expectKey = false;
      } else {
        const memberStart = top >= 0 && kinds[top] === OBJ ? (keyStarts[top] as number) - origin : undefined;
        out.push({ path: here().path, value, rawStart: i - origin, rawEnd: end - origin, memberStart });
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
        keyStarts[top] = i + 1;
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
 * in source order. `rawStart`/`rawEnd` span the token including its quotes; `memberStart` is where an
 * object member's key starts.
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
