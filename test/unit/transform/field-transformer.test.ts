import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/detect/finding';
import { FieldTransformer } from '../../../shared/transform/field-transformer';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { DEFAULT_POLICY, parseProfile } from '../../../shared/transform/profile';
import { TEST_KEY_BYTES, testTransformer } from '../../helpers/policies';

const finding = (text: string, value: string, type: Finding['type'], from = 0): Finding => {
  const start = text.indexOf(value, from);
  if (start < 0) throw new Error(`${value} not in ${text}`);
  return { start, end: start + value.length, type, score: 0.9, detector: 't', explanation: { pattern: 'p', validation: 'none', context: [] } };
};

describe('FieldTransformer', () => {
  it('replaces each finding with its operator, keeping the text around it', () => {
    const text = 'mail a@b.co or call 555-0100';
    const t = testTransformer();
    expect(t.transformField(text, [finding(text, 'a@b.co', 'EMAIL'), finding(text, '555-0100', 'PHONE')], 'note', '')).toEqual({
      kind: 'replace',
      value: 'mail [EMAIL] or call [PHONE]',
    });
    expect(t.counts().byOperator).toEqual({ redact: 2 });
  });

  it('leaves a field alone when nothing in it changes', () => {
    const text = 'ticket 6f1c9a2e-0000-4000-8000-000000000000';
    expect(testTransformer().transformField(text, [finding(text, '6f1c9a2e-0000-4000-8000-000000000000', 'IDENTIFIER')], 'note', '')).toBeUndefined();
    expect(testTransformer().transformField('plain', [], 'note', '')).toBeUndefined();
  });

  it('drops or blanks the whole field when a type in it says so', () => {
    const text = 'INTERNAL: customer threatens to sue, call a@b.co';
    const found = [finding(text, 'INTERNAL: customer threatens to sue', 'CONFIDENTIAL_NOTE'), finding(text, 'a@b.co', 'EMAIL')];
    const t = testTransformer(DEFAULT_POLICY);
    expect(t.transformField(text, found, 'comment', '')).toEqual({ kind: 'drop' });
    const blank = testTransformer(parseProfile({ version: 1, operators: { CONFIDENTIAL_NOTE: 'blank' } }));
    expect(blank.transformField(text, found, 'comment', '')).toEqual({ kind: 'replace', value: '' });
    expect(t.counts()).toMatchObject({ fieldsDropped: 1, fieldsBlanked: 0 });
  });

  it("applies a column's rule before the types' operators", () => {
    const policy = parseProfile({
      version: 1,
      extends: 'none',
      columns: { notes: 'drop', agent: 'keep', requester: { operator: { operator: 'redact', template: '[REQUESTER]' } }, comment: 'blank' },
    });
    const t = testTransformer(policy);
    const text = 'Ann Lee';
    const found = [finding(text, 'Ann Lee', 'PERSON')];
    expect(t.transformField(text, found, 'notes', '')).toEqual({ kind: 'drop' });
    expect(t.transformField(text, found, 'agent', '')).toBeUndefined();
    expect(t.transformField(text, found, 'Requester', '')).toEqual({ kind: 'replace', value: '[REQUESTER]' });
    expect(t.transformField('no findings here', [], 'comment', '')).toEqual({ kind: 'replace', value: '' });
  });

  it("applies a column's value operator to the whole value, found or not, and to repeated columns (Comment_2)", () => {
    const policy = parseProfile({
      version: 1,
      extends: 'none',
      columns: { 'Requester id': 'hash', created_at: { operator: { operator: 'generalise', date: 'month' } }, Comment: 'drop' },
    });
    const t = testTransformer(policy);
    const hashed = t.transformField(' 361129874 ', [], 'Requester id', '');
    expect(hashed).toEqual({ kind: 'replace', value: expect.stringMatching(/^ [0-9a-f]{16} $/) });
    expect(t.transformField('361129874', [], 'requester_id', '')).toEqual(hashed && { kind: 'replace', value: hashed.kind === 'replace' ? hashed.value.trim() : '' });
    expect(t.transformField('2024-05-02T08:14:11Z', [], 'created_at', '')).toEqual({ kind: 'replace', value: '2024-05' });
    expect(t.transformField('   ', [], 'created_at', '')).toBeUndefined();
    expect(t.transformField('first comment', [], 'Comment_2', '')).toEqual({ kind: 'drop' });
  });

  it('lists the columns that leave the output: dropped by the profile, or confidential-note columns', () => {
    const columns = [
      { field: 'internal_note', role: 'confidential-note' as const },
      { field: 'legacy', role: 'other' as const },
      { field: 'subject', role: 'free-text' as const },
    ];
    expect([...testTransformer(parseProfile({ version: 1, columns: { legacy: 'drop' } })).droppedColumns(columns)]).toEqual(['internal_note', 'legacy']);
    expect([...testTransformer(parseProfile({ version: 1, operators: { CONFIDENTIAL_NOTE: 'redact' } })).droppedColumns(columns)]).toEqual([]);
    expect([...testTransformer(parseProfile({ version: 1, columns: { internal_note: 'keep' } })).droppedColumns(columns)]).toEqual([]);
  });

  it('numbers values with {n}: the same value, however spelled, keeps its number in every field', () => {
    const t = testTransformer(parseProfile({ version: 1, extends: 'none', operators: { PERSON: { operator: 'redact', template: '[PERSON_{n}]' } } }));
    const one = 'Ann Lee met Bo Chan';
    const two = 'bo chan thanked ANN LEE';
    expect(t.transformField(one, [finding(one, 'Ann Lee', 'PERSON'), finding(one, 'Bo Chan', 'PERSON')], 'a', '')).toEqual({ kind: 'replace', value: '[PERSON_1] met [PERSON_2]' });
    expect(t.transformField(two, [finding(two, 'bo chan', 'PERSON'), finding(two, 'ANN LEE', 'PERSON')], 'b', '')).toEqual({ kind: 'replace', value: '[PERSON_2] thanked [PERSON_1]' });
  });

  it('gives the same pseudonyms for the same key, and others for another key', () => {
    const text = 'Ann Lee (ann.lee@example.com, +44 20 7946 0958) wrote from 198.51.100.23';
    const found = [
      finding(text, 'Ann Lee', 'PERSON'),
      finding(text, 'ann.lee@example.com', 'EMAIL'),
      finding(text, '+44 20 7946 0958', 'PHONE'),
      finding(text, '198.51.100.23', 'IP_ADDRESS'),
    ];
    const run = (key: KeyedHash) => new FieldTransformer({ policy: DEFAULT_POLICY, key }).transformField(text, found, 'description', '');
    const a = run(new KeyedHash(TEST_KEY_BYTES));
    expect(run(new KeyedHash(TEST_KEY_BYTES))).toEqual(a);
    const b = run(new KeyedHash(TEST_KEY_BYTES.map((x) => x ^ 0xff)));
    expect(b).not.toEqual(a);
    for (const outcome of [a, b]) {
      expect(outcome?.kind).toBe('replace');
      const value = outcome?.kind === 'replace' ? outcome.value : '';
      for (const original of ['Ann Lee', 'ann.lee@example.com', '7946 0958', '198.51.100.23']) expect(value).not.toContain(original);
      expect(value).toMatch(/@example\.invalid/);
    }
  });

  it('tells the vault each pseudonym and its original', () => {
    const seen: [string, string, string][] = [];
    const t = new FieldTransformer({ policy: DEFAULT_POLICY, key: new KeyedHash(TEST_KEY_BYTES), onPseudonym: (type, p, o) => seen.push([type, p, o]) });
    const text = 'write to ann.lee@example.com';
    const outcome = t.transformField(text, [finding(text, 'ann.lee@example.com', 'EMAIL')], 'x', '');
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe('EMAIL');
    expect(seen[0]![2]).toBe('ann.lee@example.com');
    expect(outcome).toEqual({ kind: 'replace', value: `write to ${seen[0]![1]}` });
  });

  it('tells the survival check every original that leaves the output, and none that stays', () => {
    const told: [string, string][] = [];
    const policy = parseProfile({ version: 1, columns: { agent: 'keep', notes: 'drop' } });
    const t = new FieldTransformer({ policy, key: new KeyedHash(TEST_KEY_BYTES), onTransformed: (type, o) => told.push([type, o]) });
    const text = 'Ann Lee wrote from 6f1c9a2e-0000-4000-8000-000000000000';
    const found = [finding(text, 'Ann Lee', 'PERSON'), finding(text, '6f1c9a2e-0000-4000-8000-000000000000', 'IDENTIFIER')];
    t.transformField(text, found, 'description', '');
    t.transformField(text, found, 'agent', '');
    t.transformField(text, found, 'notes', '');
    const note = 'INTERNAL: Bo Chan is unhappy';
    t.transformField(note, [finding(note, note, 'CONFIDENTIAL_NOTE'), finding(note, 'Bo Chan', 'PERSON')], 'comment', '');
    expect(told).toEqual([
      ['PERSON', 'Ann Lee'],
      ['PERSON', 'Ann Lee'],
      ['CONFIDENTIAL_NOTE', note],
      ['PERSON', 'Bo Chan'],
    ]);
  });
});
