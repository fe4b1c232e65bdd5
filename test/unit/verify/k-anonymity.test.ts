import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HashCounts, KAnonymityCounter, generalisationLevels, type KAnonymityOptions } from '../../../shared/verify/k-anonymity';

const SEED = Uint32Array.of(1, 2, 3, 4);
const QIS = ['country', 'birth_date', 'postal_code'] as const;

type Row = Readonly<Record<string, string>>;

function count(rows: readonly Row[], options: Partial<KAnonymityOptions> & { quasiIdentifiers: readonly string[] }) {
  const counter = new KAnonymityCounter({ seed: SEED, ...options });
  for (const row of rows) counter.add((field) => row[field]);
  return counter;
}

/** Class sizes by grouping the rows' QI values naively: the oracle for the property tests. */
function classSizes(rows: readonly Row[], qis: readonly string[]): number[] {
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(qis.map((qi) => (row[qi] ?? '').trim()));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
}

/*
 * The table, by hand (target k = 2):
 *
 *  #  country  birth_date   postal_code   as-is class    year class
 *  1  DE       1985-03-12   10115         a (1)          DE/1985/10115 (3)
 *  2  DE       1985-07-01   10115         b (1)          DE/1985/10115
 *  3  DE       1985-11-30   10115         c (1)          DE/1985/10115
 *  4  DE       1990-01-05   80331         d (1)          DE/1990/80331 (2)
 *  5  DE       1990-06-20   80331         e (1)          DE/1990/80331
 *  6  FR       1978-02-14   75001         f (2)          FR/1978/75001 (3)
 *  7  FR       1978-02-14   75001         f              FR/1978/75001
 *  8  FR       1978-09-09   75001         g (1)          FR/1978/75001
 *  9  ES       2001-04-04   28001         h (1)          ES/2001/28001 (2)
 * 10  ES       2001-12-24   28001         i (1)          ES/2001/28001
 * 11  ES       1965-05-05   08001         j (1)          ES/1965/08001 (2)
 * 12  ES       1965-08-15   08001         k (1)          ES/1965/08001
 *
 * As is: 11 classes (a…k), the smallest of size 1, so k = 1; 10 records alone in their class (all but 6 and 7):
 * unique share 10/12; records in classes below 2: the same 10.
 * Birth date → year (others as is): 5 classes of sizes 3, 2, 3, 2, 2: k = 2, no record unique. Cost 2.
 * Birth date → month leaves every class as is but 1978-02 (rows 6, 7): k = 1. Postal code → 2 characters or
 * suppressed, or country suppressed, splits nothing less (postal code and country follow each other here): k = 1.
 * So the cheapest generalisation reaching k = 2 is birth date → year, and every other one that does also cuts
 * birth dates to the year.
 */
const TABLE: readonly Row[] = [
  ['DE', '1985-03-12', '10115'],
  ['DE', '1985-07-01', '10115'],
  ['DE', '1985-11-30', '10115'],
  ['DE', '1990-01-05', '80331'],
  ['DE', '1990-06-20', '80331'],
  ['FR', '1978-02-14', '75001'],
  ['FR', '1978-02-14', '75001'],
  ['FR', '1978-09-09', '75001'],
  ['ES', '2001-04-04', '28001'],
  ['ES', '2001-12-24', '28001'],
  ['ES', '1965-05-05', '08001'],
  ['ES', '1965-08-15', '08001'],
].map(([country, birth_date, postal_code]) => ({ country: country!, birth_date: birth_date!, postal_code: postal_code! }));

describe('k-anonymity: a table counted by hand', () => {
  const result = count(TABLE, { quasiIdentifiers: QIS, k: 2 }).result();

  it('counts the classes, k, unique records and records below the target', () => {
    expect(result).toMatchObject({ records: 12, classes: 11, k: 1, uniqueRecords: 10, recordsBelowTarget: 10, approximate: false });
    expect(result.uniqueShare).toBeCloseTo(10 / 12, 12);
  });

  it('judges the kinds of the values and offers their levels', () => {
    expect(result.levels).toEqual({
      country: { kind: 'other', names: ['as is', '(suppressed)'] },
      birth_date: { kind: 'date', names: ['as is', 'month', 'year'] },
      postal_code: { kind: 'postal-code', names: ['as is', 'first 2 characters', '(suppressed)'] },
    });
  });

  it('suggests birth date → year first, with the k and unique share it reaches', () => {
    expect(result.suggestions[0]).toEqual({ levels: { country: 'as is', birth_date: 'year', postal_code: 'as is' }, k: 2, uniqueShare: 0 });
    for (const s of result.suggestions) {
      expect(s.levels.birth_date).toBe('year');
      expect(s.k).toBeGreaterThanOrEqual(2);
    }
  });

  it('suggests nothing more generalised than a cheaper suggestion on every QI', () => {
    expect(result.suggestions).toHaveLength(1);
  });

  it('suggests the data as it is when it already reaches the target', () => {
    const doubled = count([...TABLE, ...TABLE], { quasiIdentifiers: QIS, k: 2 }).result();
    expect(doubled).toMatchObject({ records: 24, classes: 11, k: 2, uniqueRecords: 0, recordsBelowTarget: 0 });
    expect(doubled.suggestions).toEqual([{ levels: { country: 'as is', birth_date: 'as is', postal_code: 'as is' }, k: 2, uniqueShare: 0 }]);
  });

  it('gives the same suggestion past the first 500 records (kinds judged, then counted as records come)', () => {
    // the table 50 times: every class 50 times larger, so k = 50 as is and 2 × 50 = 100 with birth dates → year
    const r = count(Array.from({ length: 50 }, () => TABLE).flat(), { quasiIdentifiers: QIS, k: 100 }).result();
    expect(r).toMatchObject({ records: 600, classes: 11, k: 50, uniqueRecords: 0, recordsBelowTarget: 500 });
    expect(r.suggestions).toEqual([{ levels: { country: 'as is', birth_date: 'year', postal_code: 'as is' }, k: 100, uniqueShare: 0 }]);
  });

  it('treats a missing field as empty and trims values', () => {
    const r = count([{ country: ' DE ' }, { country: 'DE', birth_date: '' }], { quasiIdentifiers: QIS, k: 2 }).result();
    expect(r).toMatchObject({ records: 2, classes: 1, k: 2, uniqueRecords: 0 });
  });

  it('reports no records as k = 0', () => {
    expect(count([], { quasiIdentifiers: QIS }).result()).toMatchObject({ records: 0, classes: 0, k: 0, uniqueShare: 0, suggestions: [] });
  });
});

describe('k-anonymity: generalisation levels', () => {
  it('cuts dates to months and years, ages to bands, postal codes to 2 characters', () => {
    const apply = (kind: Parameters<typeof generalisationLevels>[0], value: string) => generalisationLevels(kind).map((l) => l.apply(value));
    expect(apply('date', '2024-03-15T10:22:00Z')).toEqual(['2024-03-15T10:22:00Z', '2024-03', '2024']);
    expect(apply('date', '15.03.2024')).toEqual(['15.03.2024', '2024-03', '2024']);
    expect(apply('date', 'soon')).toEqual(['soon', '(suppressed)', '(suppressed)']);
    expect(apply('age', '34')).toEqual(['34', '30–39', '(suppressed)']);
    expect(apply('postal-code', '10115')).toEqual(['10115', '10***', '(suppressed)']);
    expect(apply('place', 'Lyon')).toEqual(['Lyon', 'France', '(suppressed)']);
    expect(apply('other', '')).toEqual(['', '(suppressed)']);
  });

  it('keeps at most 5 QIs with levels and says so', () => {
    const qis = ['a', 'b', 'c', 'd', 'e', 'f'];
    const r = count([{ a: '1' }], { quasiIdentifiers: qis }).result();
    expect(r.levels.f!.names).toEqual(['as is']);
    expect(r.notes.join(' ')).toMatch(/first 5 quasi-identifiers.*\bf\b/);
  });
});

const rowArb = fc.record({ country: fc.constantFrom('DE', 'FR', 'ES'), birth_date: fc.constantFrom('1980-01-02', '1980-05-06', '1991-07-08', '1991-07-09'), postal_code: fc.constantFrom('10115', '10117', '75001') });

describe('k-anonymity: properties', () => {
  it('k is the smallest class size, no larger than any class; the shares stay in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (rows, k) => {
        const r = count(rows, { quasiIdentifiers: QIS, k }).result();
        const sizes = classSizes(rows, QIS);
        for (const size of sizes) expect(r.k).toBeLessThanOrEqual(size);
        expect(r.k).toBe(Math.min(...sizes));
        expect(r.classes).toBe(sizes.length);
        expect(r.uniqueRecords).toBe(sizes.filter((s) => s === 1).length);
        expect(r.recordsBelowTarget).toBe(sizes.filter((s) => s < k).reduce((a, b) => a + b, 0));
        expect(r.uniqueShare).toBeGreaterThanOrEqual(0);
        expect(r.uniqueShare).toBeLessThanOrEqual(1);
        for (const s of r.suggestions) {
          expect(s.k).toBeGreaterThanOrEqual(Math.max(k, r.k));
          expect(s.uniqueShare).toBeGreaterThanOrEqual(0);
          expect(s.uniqueShare).toBeLessThanOrEqual(r.uniqueShare);
        }
      }),
    );
  });

  it('generalising a column (date → year, postal code → 2 characters, suppressing) never lowers k', () => {
    const generalisers = [
      (row: Row) => ({ ...row, birth_date: row.birth_date!.slice(0, 4) }),
      (row: Row) => ({ ...row, postal_code: row.postal_code!.slice(0, 2) }),
      (row: Row) => ({ ...row, country: '' }),
    ];
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.subarray([0, 1, 2], { minLength: 1 }), (rows, which) => {
        const coarser = rows.map((row) => which.reduce<Row>((r, i) => generalisers[i]!(r), row));
        const before = count(rows, { quasiIdentifiers: QIS }).result();
        const after = count(coarser, { quasiIdentifiers: QIS }).result();
        expect(after.k).toBeGreaterThanOrEqual(before.k);
        expect(after.uniqueShare).toBeLessThanOrEqual(before.uniqueShare);
      }),
    );
  });
});

describe('HashCounts', () => {
  it('counts like a Map, through growth, for keys up to 2^52', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 4000 }), fc.integer({ min: 0, max: 2 ** 52 - 5001 }), (keys, base) => {
        const table = new HashCounts();
        const map = new Map<number, number>();
        for (const key of keys) {
          table.increment(base + key);
          map.set(base + key, (map.get(base + key) ?? 0) + 1);
        }
        const counts: number[] = [];
        table.forEach((n) => counts.push(n));
        expect(table.size).toBe(map.size);
        expect(counts.sort((a, b) => a - b)).toEqual([...map.values()].sort((a, b) => a - b));
      }),
      { numRuns: 30 },
    );
  });

  it('adds no new hash when told not to, and still counts the known ones', () => {
    const table = new HashCounts();
    expect(table.increment(7)).toBe(true);
    expect(table.increment(8, false)).toBe(false);
    expect(table.increment(7, false)).toBe(true);
    const counts: number[] = [];
    table.forEach((n) => counts.push(n));
    expect([table.size, counts]).toEqual([1, [2]]);
  });
});

describe('k-anonymity: bounded memory, no values kept', () => {
  it('counts classes, not rows, over a 1,000,000-row stream', { timeout: 180_000 }, () => {
    const countries = ['DE', 'FR', 'ES', 'IT', 'NL'];
    const postcodes = ['10115', '20095', '75001', '28001', '00118', '1012 AB', '80331'];
    const dates = Array.from({ length: 11 }, (_, i) => `19${60 + i}-0${1 + (i % 9)}-1${i % 10}`);
    const counter = new KAnonymityCounter({ quasiIdentifiers: QIS, k: 5, seed: SEED });
    const rows = 1_000_000;
    for (let i = 0; i < rows; i++) {
      const row: Row = { country: countries[i % 5]!, postal_code: postcodes[i % 7]!, birth_date: dates[i % 11]! };
      counter.add((field) => row[field]);
    }
    const r = counter.result();
    // 5, 7 and 11 are coprime: every combination of the three indexes occurs, equally often (Chinese remainders)
    const classes = countries.length * postcodes.length * dates.length;
    expect(r).toMatchObject({ records: rows, classes, k: Math.floor(rows / classes), uniqueRecords: 0, approximate: false });
  });

  it('keeps at most maxDistinct classes and then says its numbers are bounds', () => {
    const counter = new KAnonymityCounter({ quasiIdentifiers: ['id'], k: 2, maxDistinct: 1000, seed: SEED });
    for (let i = 0; i < 50_000; i++) counter.add(() => `row-${i}`);
    const r = counter.result();
    expect(r.classes).toBe(1000);
    expect(r.records).toBe(50_000);
    expect(r.approximate).toBe(true);
    expect(r.notes.join(' ')).toMatch(/lower bounds.*upper bound/);
  });

  it('gives up the finest generalisations at the bound, and still finds a coarse one that reaches the target', () => {
    const day = (i: number) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rows: Row[] = Array.from({ length: 20_000 }, (_, i) => ({ country: ['DE', 'FR', 'ES'][i % 3]!, birth_date: day(i) }));
    const r = count(rows, { quasiIdentifiers: ['country', 'birth_date'], k: 2, maxDistinct: 500 }).result();
    const byYear = classSizes(rows.map((row) => ({ ...row, birth_date: row.birth_date!.slice(0, 4) })), ['country', 'birth_date']);
    expect(r.approximate).toBe(true);
    expect(r.classes).toBe(500);
    expect(r.suggestions[0]).toEqual({ levels: { country: 'as is', birth_date: 'year' }, k: Math.min(...byYear), uniqueShare: 0 });
    expect(r.notes.join(' ')).toMatch(/given up at the memory bound/);
  });

  it('holds none of the values it counted, while judging kinds and after', () => {
    const values = ['Zanzibar-Q', 'Ulaanbaatar-Q', '1961-02-03', '1977-11-12', 'SW1A 1AA', 'EC1A 1BB'];
    const rows: Row[] = Array.from({ length: 1200 }, (_, i) => ({ country: values[i % 2]!, birth_date: values[2 + (i % 2)]!, postal_code: values[4 + (i % 2)]! }));
    const counter = new KAnonymityCounter({ quasiIdentifiers: QIS, k: 2, seed: SEED });
    // Maps and typed arrays spelled out, so that a value kept in any of them would show
    const dump = () => JSON.stringify(counter, (_, v: unknown) => (v instanceof Map ? [...v] : ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));
    rows.slice(0, 10).forEach((row) => counter.add((field) => row[field]));
    const whileSampling = dump();
    rows.slice(10).forEach((row) => counter.add((field) => row[field]));
    const after = dump() + JSON.stringify(counter.result());
    expect(whileSampling.length).toBeGreaterThan(100);
    for (const value of values) {
      expect(whileSampling).not.toContain(value);
      expect(after).not.toContain(value);
    }
  });
});
