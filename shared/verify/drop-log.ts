/**
 * Which fields each record lost to a `drop` operator, so that the structure check allows exactly those. Records
 * with no drop cost nothing; past a bound on the records remembered, the log answers "may have been dropped" for
 * any field of a later record and says that it did (the check is then looser, never wrong about a kept field).
 */
export class DropLog {
  readonly #byRecord = new Map<number, ReadonlySet<string>>();
  #overflowFrom: number | null = null;

  constructor(private readonly maxRecords = 500_000) {}

  /** @param index the record's index; -1 for the members of a JSON envelope (outside the record arrays) */
  add(index: number, paths: readonly string[]): void {
    const known = this.#byRecord.get(index);
    if (known) {
      this.#byRecord.set(index, new Set([...known, ...paths]));
      return;
    }
    if (this.#byRecord.size >= this.maxRecords) {
      this.#overflowFrom ??= index;
      return;
    }
    this.#byRecord.set(index, new Set(paths));
  }

  mayDrop(index: number, path: string): boolean {
    if (this.#overflowFrom !== null && index >= this.#overflowFrom && index >= 0) return true;
    return this.#byRecord.get(index)?.has(path) ?? false;
  }

  /** True when the bound was reached: later records were checked loosely. */
  get approximate(): boolean {
    return this.#overflowFrom !== null;
  }
}
