/**
 * Remembers what detection found in short field values, so that a value that comes back in the same column is not
 * detected again.
 *
 * Exports repeat their short values over and over: a status, a priority, a channel, a group, a subject template,
 * an agent, a requester with many tickets. Each such value went through every detector each time (about ten
 * microseconds), and short values outnumber free-text fields several times over. Detection of a field depends on
 * nothing but its text, its path, its column's classification and the policy (see `FieldsDetection`), so the
 * result for the same text in the same column under the same policy is the same: it is taken from here.
 *
 * Columns whose values do not repeat (ids, timestamps, IP addresses) would only fill the memo: each column is on
 * trial for its first TRIAL_LOOKUPS short values, and is left out from then on if fewer than MIN_HIT_RATE of them
 * were found here.
 *
 * Memory stays bounded whatever the export's size: only values up to MAX_VALUE_LENGTH characters are kept, in two
 * generations of at most `capacity` entries each. When the current generation is full it becomes the previous one
 * and the one before is dropped; an entry found in the previous generation moves to the current one. So values
 * that keep coming back stay, and the others age out. At most MAX_COLUMNS columns are tracked. Every string kept is
 * a copy (`detach`), so that no entry holds on to the reader's chunk that a field's value was cut from.
 *
 * The findings kept here are shared by every record that has the value: they are frozen, so a caller that tried to
 * change them would throw instead of changing other records' findings.
 */
import type { ColumnClassification, Finding } from '../detect/finding';
import { detach } from '../util/detach-string';

/** What `detectFields` computes for one field: the kept findings, and the allowed spans that keep a value whole. */
export interface MemoizedField {
  readonly found: readonly Finding[];
  readonly allowed: readonly Finding[];
}

/** Longer values (free text) rarely repeat: they are always detected. */
export const MAX_VALUE_LENGTH = 64;
/** Short values of a column looked up before the column's hit rate decides whether it stays in the memo. */
export const TRIAL_LOOKUPS = 512;
export const MIN_HIT_RATE = 0.2;
const MAX_COLUMNS = 1024;
const DEFAULT_CAPACITY = 8192;

interface ColumnStats {
  lookups: number;
  hits: number;
  off: boolean;
}

function ownFinding(f: Finding): Finding {
  const e = f.explanation;
  return Object.freeze({
    start: f.start,
    end: f.end,
    type: f.type,
    score: f.score,
    detector: detach(f.detector),
    explanation: Object.freeze({
      pattern: detach(e.pattern),
      validation: e.validation,
      context: Object.freeze(e.context.map((c) => Object.freeze({ word: detach(c.word), effect: c.effect }))),
    }),
  });
}

export class FieldDetectionMemo {
  private current = new Map<string, MemoizedField>();
  private previous = new Map<string, MemoizedField>();
  private readonly columns = new Map<string, ColumnStats>();
  /** The column of the last key made (keys are made and used one at a time). */
  private column: ColumnStats | undefined;

  constructor(private readonly capacity: number = DEFAULT_CAPACITY) {
    if (!(capacity >= 1)) throw new Error('FieldDetectionMemo: capacity must be at least 1');
  }

  /**
   * The key of a value in a column, or undefined when the value is not kept: too long, or in a column left out.
   * Everything the detectors read of the column (see column-value.ts) is in the key, so a path whose
   * classification differs is another column. Counts a lookup for the column: call `get` with the key next.
   */
  keyOf(value: string, path: string, column: ColumnClassification | undefined): string | undefined {
    if (value.length > MAX_VALUE_LENGTH) return undefined;
    const c = column === undefined ? '' : `${column.field}\u0001${column.role}\u0001${column.type ?? ''}\u0001${column.confidence}`;
    const columnKey = `${path}\u0000${c}`;
    let stats = this.columns.get(columnKey);
    if (stats === undefined) {
      if (this.columns.size >= MAX_COLUMNS) return undefined;
      stats = { lookups: 0, hits: 0, off: false };
      this.columns.set(detach(columnKey), stats);
    }
    if (stats.off) return undefined;
    if (++stats.lookups === TRIAL_LOOKUPS && stats.hits < MIN_HIT_RATE * TRIAL_LOOKUPS) stats.off = true;
    this.column = stats;
    return `${columnKey}\u0000${value}`;
  }

  get(key: string): MemoizedField | undefined {
    let hit = this.current.get(key);
    if (hit === undefined) {
      hit = this.previous.get(key);
      if (hit !== undefined) this.put(key, hit);
    }
    if (hit !== undefined && this.column !== undefined) this.column.hits++;
    return hit;
  }

  /** Keeps a frozen copy of `field` under `key`, and returns the copy. */
  set(key: string, field: MemoizedField): MemoizedField {
    const kept: MemoizedField = Object.freeze({
      found: Object.freeze(field.found.map(ownFinding)),
      allowed: Object.freeze(field.allowed.map(ownFinding)),
    });
    this.put(detach(key), kept);
    return kept;
  }

  /** Entries held (both generations; a value moved from the previous one may count twice). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  private put(key: string, field: MemoizedField): void {
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, field);
  }
}
