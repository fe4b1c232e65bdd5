/**
 * Writes a JSON value back without some of its string leaves. A dropped object member loses its key, colon, value
 * and exactly one adjacent comma; a dropped array element loses itself and one comma; a container left empty is
 * written `{}` / `[]`; a bare string value that is dropped becomes `null` (a record never disappears). Every other
 * byte, and the formatting around what stays, is kept; kept values may be replaced as in `renderWithReplacements`.
 *
 * Needs only the spans the leaf scanner records (`rawStart`, `rawEnd`, `memberStart`): between two members of a
 * container there is nothing but whitespace and one comma, so every other offset is found by skipping whitespace.
 */
import { renderWithReplacements } from './json-leaves';
import { COMMA, OPEN_BRACE, OPEN_BRACKET } from './json-chars';
import type { TextField } from './record';

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** First offset at or after `i` that is not whitespace (`raw.length` when none). */
function skipWs(raw: string, i: number): number {
  while (i < raw.length && isWs(raw.charCodeAt(i))) i++;
  return i;
}

/** Last offset at or before `i` that is not whitespace (-1 when none). */
function skipWsBack(raw: string, i: number): number {
  while (i >= 0 && isWs(raw.charCodeAt(i))) i--;
  return i;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where field `f` starts as a member of its container: its key for an object member, else its own token. */
function startOf(f: TextField): number {
  const start = f.memberStart ?? f.rawStart;
  if (start === undefined || f.rawEnd === undefined) throw new Error(`field ${f.path} has no source span; cannot drop it`);
  return start;
}

/**
 * The text to cut for the run of dropped fields `first..last` (neighbours in one container) and what to put in
 * its place.
 */
function cutRun(raw: string, first: TextField, last: TextField): Span & { readonly text: string } {
  const start = startOf(first);
  const after = skipWs(raw, last.rawEnd as number);
  if (raw.charCodeAt(after) === COMMA) return { start, end: skipWs(raw, after + 1), text: '' }; // `m, next` → `next`
  const before = skipWsBack(raw, start - 1);
  const c = before < 0 ? -1 : raw.charCodeAt(before);
  if (c === COMMA) return { start: skipWsBack(raw, before - 1) + 1, end: last.rawEnd as number, text: '' }; // `prev, m` → `prev`
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return { start: before + 1, end: after, text: '' }; // the only members → `{}`
  return { start: first.rawStart as number, end: last.rawEnd as number, text: 'null' }; // a bare string value
}

/**
 * `raw` with the fields where `dropped[i]` is true removed and the others replaced by `newValues[i]` where given.
 * Without drops this is `renderWithReplacements` (byte-identical fast path).
 */
export function renderJsonDropping(
  raw: string,
  fields: readonly TextField[],
  newValues: readonly (string | undefined)[],
  dropped: readonly boolean[] | undefined,
): string {
  if (!dropped?.includes(true)) return renderWithReplacements(raw, fields, newValues);
  const parts: string[] = [];
  let last = 0;
  const cut = (start: number, end: number, text: string, path: string) => {
    if (start < last || end > raw.length || end < start) throw new Error(`field ${path} has a source span out of order or out of range`);
    parts.push(raw.slice(last, start), text);
    last = end;
  };
  for (let k = 0; k < fields.length; k++) {
    const field = fields[k] as TextField;
    if (!dropped[k]) {
      const next = newValues[k];
      if (next === undefined || next === field.value) continue;
      if (field.rawStart === undefined || field.rawEnd === undefined) throw new Error(`field ${field.path} has no source span; cannot replace it`);
      cut(field.rawStart, field.rawEnd, JSON.stringify(next), field.path);
      continue;
    }
    // Extend the run while the next field is also dropped and is the very next member of the same container.
    let end = k;
    for (;;) {
      const next = fields[end + 1];
      if (next === undefined || !dropped[end + 1]) break;
      const after = skipWs(raw, (fields[end] as TextField).rawEnd as number);
      if (raw.charCodeAt(after) !== COMMA || skipWs(raw, after + 1) !== startOf(next)) break;
      end++;
    }
    const span = cutRun(raw, field, fields[end] as TextField);
    cut(span.start, span.end, span.text, field.path);
    k = end;
  }
  parts.push(raw.slice(last));
  return parts.join('');
}
