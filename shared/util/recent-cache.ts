/**
 * A bounded cache of recent results, for values that repeat heavily (the same customer in thousands of tickets).
 * Two generations instead of an LRU list: a hit costs one or two Map look-ups and no bookkeeping; when the current
 * generation is full it becomes the old one, so a value used within the last `size` look-ups stays cached and
 * memory stays at most 2 × `size` entries.
 */
export class RecentCache<V> {
  #current = new Map<string, V>();
  #old = new Map<string, V>();

  constructor(private readonly size: number) {}

  /** The cached value for `key`, or the one `make` computes (then cached). */
  get(key: string, make: (key: string) => V): V {
    let v = this.#current.get(key);
    if (v !== undefined) return v;
    v = this.#old.get(key);
    if (v === undefined) v = make(key);
    if (this.#current.size >= this.size) {
      this.#old = this.#current;
      this.#current = new Map();
    }
    this.#current.set(key, v);
    return v;
  }

  /** Whether `key` was cached (and keeps it cached as `get` would): for a cache used as a set of recent keys. */
  seen(key: string, value: V): boolean {
    let hit = true;
    this.get(key, () => {
      hit = false;
      return value;
    });
    return hit;
  }

  /** Forgets every entry. */
  clear(): void {
    this.#current = new Map();
    this.#old = new Map();
  }
}
