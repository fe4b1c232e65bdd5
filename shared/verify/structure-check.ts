/**
 * The structure check of the verification: an anonymised file keeps its original's records, columns (CSV) or keys
 * (JSON, NDJSON) and JSON shape, except where the policy dropped fields.
 *
 * Both files are read as streams, in lockstep, one batch per side at a time, so memory stays flat on multi-GB files.
 * Per record pair:
 * - CSV: the number of cells, against the original's minus the dropped columns (cell values never matter); the
 *   headers once: the original's names minus the dropped columns against the anonymised names.
 * - JSON / NDJSON: the string-leaf paths, in order, with array indices folded (`comments[].body`): the original's
 *   minus the dropped field groups, and minus single fields that `mayDrop` allows to be missing. Then, when the
 *   paths agree, the skeleton: both records parsed with `JSON.parse` and compared with every string left out
 *   (strings are what the path list checks) and every other value reduced to its kind (number, boolean, null,
 *   object with its keys in order, array with its length). A record above 1 MB on either side is compared by its
 *   string-leaf paths only (no parse). A skeleton difference in a JSON envelope member is named relative to the
 *   member.
 *
 * Paths are aligned with the fewest problems (exactly up to 4 M table cells, greedily above); values are never
 * compared, so when one of several elements of an array group is missing, the last one may be named.
 *
 * Problems carry a record index, a kind and a field path, never a value. A reader's `FormatError` on either side
 * ends the check with a `format` problem (its message is not kept).
 */
import Papa from 'papaparse';
import type { CsvDialect } from '../formats/csv-dialect';
import { uniqueColumnNames } from '../formats/csv-reader';
import { FieldGroupFilter, fieldGroup } from '../formats/field-group';
import { joinKeyPath } from '../formats/json-leaves';
import { FormatError, type RecordReader, type SourceRecord, type TextField } from '../formats/record';

export interface StructureProblem {
  readonly record: number | null;
  readonly kind: 'missing-record' | 'extra-record' | 'missing-field' | 'extra-field' | 'header' | 'format';
  readonly field?: string;
}

export interface StructureResult {
  readonly passed: boolean;
  readonly originalRecords: number;
  readonly anonymisedRecords: number;
  /** The first 100 problems. */
  readonly problems: readonly StructureProblem[];
  readonly problemCount: number;
}

export interface StructureOptions {
  /** Columns / field groups the policy removed from the whole file (CSV header included). */
  readonly droppedColumns: ReadonlySet<string>;
  /**
   * True when the policy may drop single fields (an operator `drop` on a type): then a string field missing from
   * one anonymised record is allowed if `mayDrop(record, path)` says so. `record` is the record index (-1 for a
   * JSON envelope member), `path` the field's path in the original.
   */
  readonly mayDrop?: (recordIndex: number, path: string) => boolean;
  readonly signal?: AbortSignal;
}

const MAX_PROBLEMS = 100;
/** Records longer than this (UTF-16 code units) are compared by their string-leaf paths only. */
const MAX_SKELETON_CHARS = 1024 * 1024;
/** Path lists whose alignment table would exceed this many cells are aligned greedily. */
const MAX_ALIGN_CELLS = 4_000_000;

type Report = (problem: StructureProblem) => void;

/** One reader pulled one batch at a time; catches the CSV header on the way. */
class RecordCursor {
  private readonly iterator: AsyncIterator<unknown>;
  private batch: readonly { kind: string; text?: string; record?: SourceRecord }[] = [];
  private pos = 0;
  /** CSV: the header's names, once read. */
  header: readonly string[] | undefined;
  /** Records with an index (JSON envelope members are not counted). */
  count = 0;

  constructor(
    private readonly reader: RecordReader,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.iterator = reader[Symbol.asyncIterator]();
  }

  async next(): Promise<SourceRecord | undefined> {
    for (;;) {
      while (this.pos < this.batch.length) {
        const item = this.batch[this.pos++]!;
        if (item.kind === 'record') {
          if (item.record!.index !== null) this.count++;
          return item.record;
        }
        if (this.reader.format === 'csv' && !this.header && item.text !== '\uFEFF') this.header = this.parseHeader(item.text!);
      }
      this.signal?.throwIfAborted();
      const step = await this.iterator.next();
      if (step.done) return undefined;
      this.batch = step.value as typeof this.batch;
      this.pos = 0;
    }
  }

  private parseHeader(text: string): string[] {
    const dialect = (this.reader as { readonly dialect?: CsvDialect }).dialect;
    const parsed = Papa.parse<string[]>(text, { delimiter: dialect?.delimiter, newline: dialect?.newline, quoteChar: '"' });
    const names = parsed.data[0] ?? [];
    return names.length === 1 && names[0] === '' ? [] : names; // every column dropped: an empty line
  }
}

/** CSV: which columns of the original the options drop (by header name or unique column name). */
function droppedMask(header: readonly string[], dropped: ReadonlySet<string>): boolean[] {
  const unique = uniqueColumnNames(header);
  return header.map((name, i) => dropped.has(name) || dropped.has(unique[i]!));
}

function compareHeaders(original: readonly string[], anonymised: readonly string[], mask: readonly boolean[], report: Report): void {
  const kept = original.filter((_, i) => !mask[i]);
  const n = Math.max(kept.length, anonymised.length);
  for (let i = 0; i < n; i++) {
    if (kept[i] === anonymised[i]) continue;
    report({ record: null, kind: 'header', field: kept[i] ?? anonymised[i] });
    return;
  }
}

function compareCsvRow(original: SourceRecord, anonymised: SourceRecord, mask: readonly boolean[], report: Report): void {
  let expected = 0;
  for (let i = 0; i < original.fields.length; i++) if (!mask[i]) expected++;
  // every column dropped: the row is an empty line, read back as one empty cell
  const got = expected === 0 && anonymised.fields.length === 1 && anonymised.fields[0]!.value === '' ? 0 : anonymised.fields.length;
  if (got < expected) report({ record: original.index, kind: 'missing-field', field: fieldAt(original.fields, mask, got) });
  else if (got > expected) report({ record: original.index, kind: 'extra-field', field: anonymised.fields[expected]?.path });
}

/** The path of the `n`-th kept cell of an original row. */
function fieldAt(fields: readonly TextField[], mask: readonly boolean[], n: number): string | undefined {
  for (let i = 0, k = 0; i < fields.length; i++) if (!mask[i] && k++ === n) return fields[i]!.path;
  return undefined;
}

/**
 * Aligns the original's kept paths with the anonymised ones by field group: the fewest problems, where leaving out
 * an original field that `allowed` says may be missing costs nothing. Small lists are aligned exactly (a table),
 * large ones greedily.
 */
function compareFieldPaths(
  record: number | null,
  original: readonly TextField[],
  anonymised: readonly TextField[],
  allowed: (path: string) => boolean,
  report: Report,
): boolean {
  const o = original.map((f) => fieldGroup(f.path));
  const a = anonymised.map((f) => fieldGroup(f.path));
  if (o.length === a.length && o.every((g, i) => g === a[i])) return true;
  const missing = (i: number) => report({ record, kind: 'missing-field', field: original[i]!.path });
  const extra = (j: number) => report({ record, kind: 'extra-field', field: anonymised[j]!.path });
  const free = original.map((f) => allowed(f.path));
  const n = o.length;
  const m = a.length;
  let problems = 0;
  const count = (f: () => void) => {
    problems++;
    f();
  };
  if ((n + 1) * (m + 1) <= MAX_ALIGN_CELLS) {
    // cost[i][j]: fewest problems aligning o[i..] with a[j..]
    const w = m + 1;
    const cost = new Uint32Array((n + 1) * w);
    for (let i = n; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        if (i === n && j === m) continue;
        let best = Number.MAX_SAFE_INTEGER;
        if (i < n && j < m && o[i] === a[j]) best = cost[(i + 1) * w + j + 1]!;
        if (i < n) best = Math.min(best, cost[(i + 1) * w + j]! + (free[i] ? 0 : 1));
        if (j < m) best = Math.min(best, cost[i * w + j + 1]! + 1);
        cost[i * w + j] = best;
      }
    }
    for (let i = 0, j = 0; i < n || j < m; ) {
      const here = cost[i * w + j]!;
      if (i < n && j < m && o[i] === a[j] && cost[(i + 1) * w + j + 1] === here) {
        i++;
        j++;
      } else if (i < n && cost[(i + 1) * w + j]! + (free[i] ? 0 : 1) === here) {
        if (!free[i]) count(() => missing(i));
        i++;
      } else {
        count(() => extra(j));
        j++;
      }
    }
    return problems === 0;
  }
  // greedy: counts of each group still ahead on both sides decide between matching, dropping and an extra field
  const ahead = (list: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const g of list) counts.set(g, (counts.get(g) ?? 0) + 1);
    return counts;
  };
  const leftO = ahead(o);
  const leftA = ahead(a);
  const take = (counts: Map<string, number>, g: string) => counts.set(g, counts.get(g)! - 1);
  for (let i = 0, j = 0; i < n || j < m; ) {
    const g = o[i]!;
    if (i < n && j < m && g === a[j] && !(free[i] && leftO.get(g)! > leftA.get(g)!)) {
      take(leftO, g);
      take(leftA, a[j++]!);
      i++;
    } else if (i < n && (free[i] || j >= m || (leftO.get(a[j]!) ?? 0) > 0)) {
      if (!free[i]) count(() => missing(i));
      take(leftO, o[i++]!);
    } else {
      count(() => extra(j));
      take(leftA, a[j++]!);
    }
  }
  return problems === 0;
}

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as Kind;
}

const notString = (value: unknown) => typeof value !== 'string';

/** The first place where two parsed records differ in shape, strings left out; null when they agree. */
export function firstShapeDifference(original: unknown, anonymised: unknown): { kind: StructureProblem['kind']; path: string } | null {
  const stack: [unknown, unknown, string][] = [[original, anonymised, '']];
  while (stack.length > 0) {
    const [x, y, path] = stack.pop()!;
    const kind = kindOf(x);
    if (kind !== kindOf(y)) return { kind: 'format', path: path || '$' };
    if (kind === 'array') {
      const xs = (x as unknown[]).filter(notString);
      const ys = (y as unknown[]).filter(notString);
      const p = path + '[]';
      if (xs.length !== ys.length) return { kind: xs.length > ys.length ? 'missing-field' : 'extra-field', path: p };
      for (let i = xs.length - 1; i >= 0; i--) stack.push([xs[i], ys[i], p]);
    } else if (kind === 'object') {
      const xo = x as Record<string, unknown>;
      const yo = y as Record<string, unknown>;
      const xk = Object.keys(xo).filter((k) => notString(xo[k]));
      const yk = Object.keys(yo).filter((k) => notString(yo[k]));
      const xs = new Set(xk);
      const ys = new Set(yk);
      for (let i = 0; i < Math.max(xk.length, yk.length); i++) {
        const kx = xk[i];
        const ky = yk[i];
        if (kx === ky) continue;
        if (kx !== undefined && !ys.has(kx)) return { kind: 'missing-field', path: joinKeyPath(path, kx) };
        if (ky !== undefined && !xs.has(ky)) return { kind: 'extra-field', path: joinKeyPath(path, ky) };
        return { kind: 'format', path: joinKeyPath(path, (kx ?? ky)!) }; // the same keys in another order
      }
      for (let i = xk.length - 1; i >= 0; i--) stack.push([xo[xk[i]!], yo[xk[i]!], joinKeyPath(path, xk[i]!)]);
    }
  }
  return null;
}

function compareJsonRecord(
  original: SourceRecord,
  anonymised: SourceRecord,
  groups: FieldGroupFilter,
  options: StructureOptions,
  report: Report,
): void {
  const record = original.index;
  if (anonymised.index !== record) {
    report({ record, kind: 'format' }); // an envelope member against a record, or the other way round
    return;
  }
  const kept = options.droppedColumns.size === 0 ? original.fields : original.fields.filter((f) => !groups.drops(f.path));
  const mayDrop = options.mayDrop;
  const allowed = mayDrop ? (path: string) => mayDrop(record ?? -1, path) : () => false;
  if (!compareFieldPaths(record, kept, anonymised.fields, allowed, report)) return;
  if (original.raw.length > MAX_SKELETON_CHARS || anonymised.raw.length > MAX_SKELETON_CHARS) return;
  const before = JSON.parse(original.raw) as unknown;
  if (typeof before === 'string') return; // a bare string: its path says it all (dropped, it becomes null)
  const difference = firstShapeDifference(before, JSON.parse(anonymised.raw));
  if (difference) report({ record, kind: difference.kind, field: difference.path });
}

/** Compares the structure of an anonymised file with its original's, record by record, in constant memory. */
export async function compareStructure(original: RecordReader, anonymised: RecordReader, options: StructureOptions): Promise<StructureResult> {
  const problems: StructureProblem[] = [];
  let problemCount = 0;
  const report: Report = (problem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const left = new RecordCursor(original, options.signal);
  const right = new RecordCursor(anonymised, options.signal);
  const groups = new FieldGroupFilter(options.droppedColumns);
  const sameFormat = original.format === anonymised.format;
  if (!sameFormat) report({ record: null, kind: 'format' });
  let mask: boolean[] | undefined;
  const headers = () => {
    if (mask || !sameFormat || original.format !== 'csv') return;
    mask = droppedMask(left.header ?? [], options.droppedColumns);
    compareHeaders(left.header ?? [], right.header ?? [], mask, report);
  };
  try {
    for (;;) {
      const a = await left.next();
      const b = await right.next();
      if (!a && !b) break;
      headers();
      if (a && b) {
        if (!sameFormat) continue;
        if (mask) compareCsvRow(a, b, mask, report);
        else compareJsonRecord(a, b, groups, options, report);
        continue;
      }
      // one side has ended: say where once, then count the rest of the other side
      report(a ? { record: a.index, kind: 'missing-record' } : { record: b!.index, kind: 'extra-record' });
      const rest = a ? left : right;
      while (await rest.next());
      break;
    }
    headers();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    report({ record: error.record ?? null, kind: 'format' });
  }
  return { passed: problemCount === 0, originalRecords: left.count, anonymisedRecords: right.count, problems, problemCount };
}
