import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../../shared/transform/profile';
import { PRESETS, presetById, type Preset } from '../../../shared/transform/presets';

const FIXTURES = fileURLToPath(new URL('../../fixtures/presets/', import.meta.url));
/** How each vendor names the person who raised the ticket. */
const REQUESTER_COLUMN = /requester|caller|reporter|supplied|contact/i;

interface Fixture {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly text: string;
}

/** A preset's fixture export: `<id>.csv` (read with papaparse) or `<id>.json` (an array of flat records). */
function readFixture(id: string): Fixture {
  const csv = `${FIXTURES}${id}.csv`;
  if (existsSync(csv)) {
    const text = readFileSync(csv, 'utf8');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header = [], ...rows] = parsed.data;
    return { header, rows, text };
  }
  const text = readFileSync(`${FIXTURES}${id}.json`, 'utf8');
  const records = JSON.parse(text) as Record<string, unknown>[];
  const header = Object.keys(records[0] ?? {});
  return { header, rows: records.map((r) => Object.values(r).map(String)), text };
}

const columnsOf = (preset: Preset) => {
  const policy = parseProfile(preset.profile);
  return [...policy.columns].map(([name, rule]) => ({ name, ...rule }));
};

describe('presets', () => {
  it('have distinct ids, names and profiles, found by id', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) expect(presetById(preset.id)).toBe(preset);
  });

  it('finds no preset for any other id', () => {
    const ids = new Set(PRESETS.map((p) => p.id));
    fc.assert(fc.property(fc.string(), (id) => ids.has(id) || presetById(id) === undefined));
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (id, preset) => {
    it('parses as a profile, keeping its name and every column', () => {
      const policy = parseProfile(preset.profile);
      expect(policy.name).toBe(preset.name);
      expect(policy.columns.size).toBe(Object.keys((preset.profile as { columns: object }).columns).length);
    });

    it('marks a requester identity, an internal-note column and an id column', () => {
      const columns = columnsOf(preset);
      const requester = columns.filter((c) => c.role === 'identifier' && REQUESTER_COLUMN.test(c.name) && (c.type === 'PERSON' || c.type === 'EMAIL'));
      expect(requester.length).toBeGreaterThan(0);
      expect(columns.filter((c) => c.role === 'confidential-note').length).toBeGreaterThan(0);
      expect(columns.filter((c) => c.role === 'id').length).toBeGreaterThan(0);
      for (const c of columns.filter((c) => c.role === 'identifier')) expect(c.type, c.name).toBeDefined();
    });

    it('has a fixture export with 8–15 records and the same number of fields on every row', () => {
      const { header, rows } = readFixture(id);
      expect(rows.length).toBeGreaterThanOrEqual(8);
      expect(rows.length).toBeLessThanOrEqual(15);
      expect(new Set(header).size).toBe(header.length);
      for (const row of rows) expect(row.length).toBe(header.length);
    });

    it('names only columns that its fixture export has', () => {
      const { header } = readFixture(id);
      expect(columnsOf(preset).map((c) => c.name).filter((name) => !header.includes(name))).toEqual([]);
    });

    it("repeats each requester's name in the free text and fills the internal notes", () => {
      const { header, rows } = readFixture(id);
      const columns = columnsOf(preset);
      const at = (names: readonly string[]) => names.map((n) => header.indexOf(n));
      const person = at(columns.filter((c) => c.role === 'identifier' && c.type === 'PERSON' && REQUESTER_COLUMN.test(c.name)).map((c) => c.name));
      const freeText = at(columns.filter((c) => c.role === 'free-text').map((c) => c.name));
      const notes = at(columns.filter((c) => c.role === 'confidential-note').map((c) => c.name));
      expect(person.length).toBeGreaterThan(0);
      for (const row of rows) {
        const name = row[person[0]!]!;
        expect(name).not.toBe('');
        expect(freeText.some((i) => row[i]!.includes(name)), `${name} in the free text of ${row[0]}`).toBe(true);
        expect(notes.some((i) => row[i]!.includes(name)), `${name} in the internal note of ${row[0]}`).toBe(true);
      }
    });

    it('holds only reserved e-mail domains, documentation IPs and fictional phone numbers', () => {
      const { text } = readFixture(id);
      for (const [, domain] of text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)) expect(domain).toMatch(/^example\.(com|org|net)$/);
      for (const [ip] of text.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)) expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/);
      for (const [phone] of text.matchAll(/\b\d{3}-\d{3}-\d{4}\b/g)) expect(phone).toMatch(/-555-01\d\d$/);
    });
  });
});
