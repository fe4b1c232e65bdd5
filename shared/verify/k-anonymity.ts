/**
 * Re-identification risk of an export: k-anonymity over its quasi-identifiers (QIs), counted in one streaming pass
 * in bounded memory, without keeping a single value.
 *
 * - Counting: each record's QI tuple (missing = empty, values trimmed) is hashed with a seeded 52-bit hash (two
 *   cyrb53-style 32-bit lanes; a separator word 0x10000 that no UTF-16 code unit can equal keeps ("A","BC") apart
 *   from ("AB","C")) into a table of counts per hash (`HashCounts`). The seed is random per counter unless given,
 *   so the hashes of low-entropy values cannot be looked up in a precomputed table. Values are never stored;
 *   collisions (about 4 in 10,000 at 2 million classes) can only merge classes.
 * - Generalisations: levels per QI come from the kind of its values, judged on the first 500 records (header names
 *   break ties): dates → month → year; ages → 10-year band → suppressed; postal codes → first 2 characters →
 *   suppressed; cities or regions → country → suppressed; anything else → suppressed. At most 3 levels per QI and
 *   at most 5 QIs get levels (the others stay as is, and the result says so), so at most 3^5 = 243 combinations
 *   are counted, in the same pass, each in its own table keyed by the hash of the per-value hashes. While the first
 *   500 records are judged, only the hashes of every candidate level are kept, then replayed. Cost, measured: about
 *   2 µs a record with 3 QIs (26 combinations), 45 µs with 5 levelled QIs (161), mostly memory access.
 * - Memory: the as-is count keeps at most `maxDistinct` classes; past it, records of new classes are counted as
 *   overflow and the result is approximate (classes, unique records and records below the target are then lower
 *   bounds; k is an upper bound). The generalisation tables share another `maxDistinct` classes; past it the one with
 *   the most classes (the finest generalisation) is given up: it is judged "does not reach the target" when it had
 *   more classes than records / target, else it is left out and the result says so.
 * - Suggestions: the combinations that reach the target k, cheapest first (cost: as is 0, each finer level 1, 2,
 *   suppressed 3), without those that generalise more than a cheaper suggestion on every QI; at most 10.
 */
import { KIND_LEVELS, SUPPRESSED, ValueKindTally, candidateLevels, type GeneralisationLevel, type ValueKind } from './quasi-identifiers';

export { generalisationLevels, type GeneralisationLevel, type ValueKind } from './quasi-identifiers';

export interface KAnonymityOptions {
  readonly quasiIdentifiers: readonly string[];
  /** The target k (default 5). */
  readonly k?: number;
  /** Memory bound on the classes kept (default 2,000,000), for the as-is count and again for the generalisations. */
  readonly maxDistinct?: number;
  /** The hash seed (default: 4 random words). */
  readonly seed?: Uint32Array;
  /** How to read ambiguous dates such as 03/04/2024 (US: month first; default 'US'). */
  readonly defaultRegion?: string;
}

export interface KAnonymitySuggestion {
  readonly levels: Readonly<Record<string, string>>;
  readonly k: number;
  readonly uniqueShare: number;
}

export interface KAnonymityResult {
  readonly quasiIdentifiers: readonly string[];
  readonly records: number;
  /** Distinct QI combinations. */
  readonly classes: number;
  /** Smallest class size (0 when no records). */
  readonly k: number;
  /** Records alone in their class. */
  readonly uniqueRecords: number;
  /** uniqueRecords / records (0 when no records). */
  readonly uniqueShare: number;
  /** Records in classes smaller than the target k. */
  readonly recordsBelowTarget: number;
  /** Generalisations that reach the target k, cheapest first: the level per QI and the k it reaches. */
  readonly suggestions: readonly KAnonymitySuggestion[];
  /** True if maxDistinct was exceeded: see `notes` for which numbers are bounds. */
  readonly approximate: boolean;
  /** The value kind judged per QI, and the names of the levels tried for it. */
  readonly levels: Readonly<Record<string, { readonly kind: ValueKind; readonly names: readonly string[] }>>;
  /** What the numbers cannot show (bounds, QIs left as is); names fields, never values. */
  readonly notes: readonly string[];
}

const SAMPLE_RECORDS = 500;
const MAX_LEVELLED_QIS = 5;
const MAX_SUGGESTIONS = 10;
const LEVEL_CACHE_SIZE = 4096;
const SEPARATOR = 0x10000;

/** Two 32-bit lanes of a seeded cyrb53-style hash, fed code units or words, digested to 52 bits. */
class Lanes {
  private h1 = 0;
  private h2 = 0;

  start(a: number, b: number): void {
    this.h1 = 0xdeadbeef ^ a;
    this.h2 = 0x41c6ce57 ^ b;
  }

  word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ w, 2654435761);
    this.h2 = Math.imul(this.h2 ^ w, 1597334677);
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  digest(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 0x100000000 * (0xfffff & h2) + (h1 >>> 0);
  }
}

/**
 * Counts per 52-bit hash: an open-addressing table on typed arrays (linear probing, grown at half full). It does
 * what a `Map<number, number>` would, several times faster on many classes and with 24 to 48 bytes per class: a Map
 * boxes every key above 2^31 as a heap number, which made the counting of generalisations the bulk of the time.
 */
export class HashCounts {
  private keys = new Float64Array(1024);
  private counts = new Uint32Array(1024);
  size = 0;

  /** Adds one to the count of `hash` (when `mayAdd`, or when it is already counted); false when it was not counted. */
  increment(hash: number, mayAdd = true): boolean {
    const key = hash + 1; // 0 marks an empty slot
    const mask = this.keys.length - 1;
    let i = (hash >>> 0) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === key) {
      this.counts[i]!++;
      return true;
    }
    if (!mayAdd) return false;
    this.keys[i] = key;
    this.counts[i] = 1;
    if (++this.size * 2 > this.keys.length) this.grow();
    return true;
  }

  /** Each class size. */
  forEach(f: (count: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) f(this.counts[i]!);
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.counts = new Uint32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0) continue;
      let i = ((keys[j]! - 1) >>> 0) & mask;
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j]!;
      this.counts[i] = counts[j]!;
    }
  }
}

/** Class sizes of one count. */
interface ClassStats {
  readonly classes: number;
  readonly k: number;
  readonly unique: number;
  readonly below: number;
}

function classStats(counts: HashCounts, target: number): ClassStats {
  let k = Infinity;
  let unique = 0;
  let below = 0;
  counts.forEach((n) => {
    if (n < k) k = n;
    if (n === 1) unique++;
    if (n < target) below += n;
  });
  return { classes: counts.size, k: counts.size === 0 ? 0 : k, unique, below };
}

/**
 * Counts equivalence classes of records over their QIs, and of every combination of generalisation levels.
 * Fields are TypeScript-private (not `#`), so that a test can serialise the whole counter and see that it holds no
 * value.
 */
export class KAnonymityCounter {
  private readonly qis: readonly string[];
  private readonly target: number;
  private readonly maxDistinct: number;
  private readonly seed: Uint32Array;
  private readonly candidates: readonly GeneralisationLevel[];
  private readonly lanes = new Lanes();
  private records = 0;
  private readonly counts = new HashCounts();
  private overflowRecords = 0;
  /** While judging kinds: per sampled record, the hash of every QI under every candidate level. */
  private sample: Float64Array[] | undefined = [];
  private readonly tallies: ValueKindTally[];
  /** Once judged: per QI, its kind and its candidate level indexes. */
  private kinds: ValueKind[] = [];
  private qiLevels: (readonly number[])[] = [];
  /** Per combination (not the all-as-is one): the level index per QI, its counts, or its class count when given up. */
  private combos: Uint8Array[] = [];
  private comboCounts: (HashCounts | undefined)[] = [];
  private givenUpAt: number[] = [];
  private comboEntries = 0;
  private readonly levelHashes: Float64Array;
  /** Per QI: value hash → its level hashes, for the values seen lately. */
  private readonly levelCache: Map<number, Float64Array>[];

  constructor(options: KAnonymityOptions) {
    this.qis = [...options.quasiIdentifiers];
    if (new Set(this.qis).size !== this.qis.length) throw new Error('k-anonymity: a quasi-identifier is named twice');
    this.target = options.k ?? 5;
    if (!Number.isInteger(this.target) || this.target < 1) throw new Error('k-anonymity: the target k must be a whole number of at least 1');
    this.maxDistinct = options.maxDistinct ?? 2_000_000;
    if (!Number.isInteger(this.maxDistinct) || this.maxDistinct < 1) throw new Error('k-anonymity: maxDistinct must be a whole number of at least 1');
    const seed = options.seed ?? globalThis.crypto.getRandomValues(new Uint32Array(4));
    if (seed.length === 0) throw new Error('k-anonymity: the seed is empty');
    this.seed = Uint32Array.from({ length: 4 }, (_, i) => seed[i % seed.length]! ^ Math.imul(i, 0x9e3779b9));
    this.candidates = candidateLevels(options.defaultRegion ?? 'US');
    this.tallies = this.qis.map(() => new ValueKindTally());
    this.levelHashes = new Float64Array(this.qis.length * 3);
    this.levelCache = this.qis.map(() => new Map());
  }

  /** One record: the values of its fields by field group (CSV column or folded JSON path); missing = empty. */
  add(values: (field: string) => string | undefined): void {
    this.records++;
    const row = this.qis.map((qi) => (values(qi) ?? '').trim());
    const lanes = this.lanes;
    lanes.start(this.seed[0]!, this.seed[1]!);
    for (const v of row) {
      lanes.text(v);
      lanes.word(SEPARATOR);
    }
    const hash = lanes.digest();
    if (!this.counts.increment(hash, this.counts.size < this.maxDistinct)) this.overflowRecords++;

    if (this.sample) {
      this.sampleRecord(row);
      if (this.sample.length >= SAMPLE_RECORDS) this.judgeKinds();
    } else {
      row.forEach((v, q) => this.levelHashes.set(this.levelHashesOf(q, v), q * 3));
      this.countCombos();
    }
  }

  /** The counts so far. Called before the first 500 records, it judges the kinds on the records seen. */
  result(): KAnonymityResult {
    if (this.sample) this.judgeKinds();
    const main = classStats(this.counts, this.target);
    const notes: string[] = [];
    const approximate = this.overflowRecords > 0 || this.givenUpAt.some((n) => n > 0);
    if (this.overflowRecords > 0) {
      notes.push(
        `more than ${this.maxDistinct} distinct combinations: ${this.overflowRecords} records of later combinations were not told apart, so ` +
          'classes, unique records and records below the target are lower bounds and k is an upper bound',
      );
    }
    if (this.qis.length > MAX_LEVELLED_QIS) {
      const rest = this.qis.slice(MAX_LEVELLED_QIS);
      notes.push(`only the first ${MAX_LEVELLED_QIS} quasi-identifiers get generalisation levels; ${rest.join(', ')} ${rest.length === 1 ? 'stays' : 'stay'} as is in every suggestion`);
    }
    const undecided = this.givenUpAt.filter((n) => n > 0 && n * this.target <= this.records).length;
    if (undecided > 0) notes.push(`${undecided} generalisations were given up at the memory bound before they could be judged; a suggestion may be missing`);

    const candidates: { levels: Uint8Array; cost: number; k: number; uniqueShare: number }[] = [];
    const share = (unique: number): number => (this.records === 0 ? 0 : unique / this.records);
    if (this.overflowRecords === 0 && this.records > 0 && main.k >= this.target) {
      candidates.push({ levels: new Uint8Array(this.qis.length), cost: 0, k: main.k, uniqueShare: share(main.unique) });
    }
    this.comboCounts.forEach((counts, c) => {
      if (!counts || this.records === 0) return;
      const stats = classStats(counts, this.target);
      if (stats.k >= this.target) candidates.push({ levels: this.combos[c]!, cost: this.cost(this.combos[c]!), k: stats.k, uniqueShare: share(stats.unique) });
    });
    candidates.sort((a, b) => a.cost - b.cost || b.k - a.k);
    const kept: typeof candidates = [];
    for (const c of candidates) {
      if (kept.length >= MAX_SUGGESTIONS) break;
      if (!kept.some((k) => k.levels.every((l, q) => l <= c.levels[q]!))) kept.push(c);
    }
    return {
      quasiIdentifiers: this.qis,
      records: this.records,
      classes: main.classes,
      k: main.k,
      uniqueRecords: main.unique,
      uniqueShare: share(main.unique),
      recordsBelowTarget: main.below,
      suggestions: kept.map((c) => ({ levels: this.levelNames(c.levels), k: c.k, uniqueShare: c.uniqueShare })),
      approximate,
      levels: Object.fromEntries(this.qis.map((qi, q) => [qi, { kind: this.kinds[q]!, names: this.qiLevels[q]!.map((c) => this.candidates[c]!.name) }])),
      notes,
    };
  }

  /** The hashes of a QI's value under each of its levels; cached by the value's hash (values repeat, and are not kept). */
  private levelHashesOf(q: number, value: string): Float64Array {
    const cache = this.levelCache[q]!;
    const key = this.valueHash(value);
    let hashes = cache.get(key);
    if (!hashes) {
      const levels = this.qiLevels[q]!;
      hashes = Float64Array.from(levels, (c) => (c === 0 ? key : this.valueHash(this.candidates[c]!.apply(value))));
      if (cache.size >= LEVEL_CACHE_SIZE) cache.clear();
      cache.set(key, hashes);
    }
    return hashes;
  }

  private valueHash(value: string): number {
    this.lanes.start(this.seed[2]!, this.seed[3]!);
    this.lanes.text(value);
    return this.lanes.digest();
  }

  /** Keeps the hash of every QI's value under every candidate level, and tallies the kinds. */
  private sampleRecord(row: readonly string[]): void {
    const n = this.candidates.length;
    const hashes = new Float64Array(row.length * n);
    row.forEach((v, q) => {
      const generalised = this.candidates.map((level) => level.apply(v));
      generalised.forEach((g, c) => (hashes[q * n + c] = this.valueHash(g)));
      this.tallies[q]!.add(v, generalised);
    });
    this.sample!.push(hashes);
  }

  /** Decides each QI's kind and levels, lists the combinations, and replays the sampled records into them. */
  private judgeKinds(): void {
    this.kinds = this.qis.map((qi, q) => (q < MAX_LEVELLED_QIS ? this.tallies[q]!.kind(qi) : 'other'));
    this.qiLevels = this.kinds.map((kind, q) => (q < MAX_LEVELLED_QIS ? KIND_LEVELS[kind] : [0]));
    let combos: number[][] = [[]];
    for (const levels of this.qiLevels) combos = combos.flatMap((combo) => levels.map((_, l) => [...combo, l]));
    this.combos = combos.filter((c) => c.some((l) => l > 0)).map((c) => Uint8Array.from(c));
    this.comboCounts = this.combos.map(() => new HashCounts());
    this.givenUpAt = this.combos.map(() => 0);
    const n = this.candidates.length;
    for (const hashes of this.sample!) {
      this.qiLevels.forEach((levels, q) => levels.forEach((c, l) => (this.levelHashes[q * 3 + l] = hashes[q * n + c]!)));
      this.countCombos();
    }
    this.sample = undefined;
  }

  /** Counts the record whose level hashes are in `levelHashes` under every combination still counted. */
  private countCombos(): void {
    const lanes = this.lanes;
    const qis = this.qis.length;
    for (let c = 0; c < this.combos.length; c++) {
      const counts = this.comboCounts[c];
      if (!counts) continue;
      const combo = this.combos[c]!;
      lanes.start(this.seed[1]!, this.seed[2]!);
      for (let q = 0; q < qis; q++) {
        const h = this.levelHashes[q * 3 + combo[q]!]!;
        lanes.word(h >>> 0);
        lanes.word((h / 0x100000000) | 0);
      }
      const before = counts.size;
      counts.increment(lanes.digest());
      this.comboEntries += counts.size - before;
    }
    while (this.comboEntries > this.maxDistinct) this.giveUpLargest();
  }

  /** Frees the combination with the most classes (the finest one still counted), remembering how many it had. */
  private giveUpLargest(): void {
    let largest = -1;
    this.comboCounts.forEach((counts, c) => {
      if (counts && (largest < 0 || counts.size > this.comboCounts[largest]!.size)) largest = c;
    });
    const size = this.comboCounts[largest]!.size;
    this.givenUpAt[largest] = size;
    this.comboCounts[largest] = undefined;
    this.comboEntries -= size;
  }

  /** As is 0, each finer level 1, 2 (by its place), suppressed 3. */
  private cost(levels: Uint8Array): number {
    let cost = 0;
    levels.forEach((l, q) => (cost += this.candidates[this.qiLevels[q]![l]!]!.name === SUPPRESSED ? 3 : l));
    return cost;
  }

  private levelNames(levels: Uint8Array): Record<string, string> {
    return Object.fromEntries(this.qis.map((qi, q) => [qi, this.candidates[this.qiLevels[q]![levels[q]!]!]!.name]));
  }
}
