// The preview computed again under a profile: detection with the profile's terms, field-scoped allow terms, column
// rules, and replacement spans that point at the replacement text; and, as a property, spans that tile the
// anonymised text exactly as the findings tile the original, with the same output a run's transformer writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldTransformer } from '../../../shared/transform/field-transformer';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { parseProfile } from '../../../shared/transform/profile';
import type { PreviewRecord } from '../../../src-renderer/src/state/preview-model';
import { dropColumn, ignoreFinding, markSensitive, setTypeOperator, type EditResult, type ProfileJson } from '../../../src-renderer/src/state/profile-edits';
import { recomputePreview, type ReviewedField } from '../../../src-renderer/src/state/recompute-preview';

const key = new KeyedHash(new Uint8Array(32).fill(7));
const EMAIL = 'jane.doe@acme.example';

const records: PreviewRecord[] = [
  {
    index: 0,
    fields: [
      { path: 'subject', value: `Login problem for ${EMAIL}`, findings: [] },
      { path: 'body', value: `Contact ${EMAIL} about Project Quokka today.`, findings: [] },
    ],
  },
  { index: 7, fields: [{ path: 'subject', value: 'Printer jam', findings: [] }, { path: 'body', value: 'No personal data here.', findings: [] }] },
];

function ok(result: EditResult): ProfileJson {
  if (!result.ok) throw new Error(result.error);
  return result.profile;
}

const field = (out: ReturnType<typeof recomputePreview>, row: number, path: string): ReviewedField => out[row]!.fields.find((f) => f.path === path)!;
const typesOf = (f: ReviewedField) => f.findings.map((x) => x.type);

describe('recomputePreview', () => {
  const profile: ProfileJson = { version: 1, operators: { EMAIL: 'redact' } };

  it('keeps records and fields in order, and finds what the engine finds', () => {
    const out = recomputePreview(records, profile, { key });
    expect(out.map((r) => r.index)).toEqual([0, 7]);
    expect(typesOf(field(out, 0, 'body'))).toEqual(['EMAIL']);
    expect(field(out, 1, 'body')).toMatchObject({ outcome: 'unchanged', anonymised: 'No personal data here.', findings: [], spans: [] });
  });

  it('a deny term adds a finding, replaced at the span it points to', () => {
    const denied = ok(markSensitive(profile, { value: 'project quokka', type: 'CUSTOM' }));
    const body = field(recomputePreview(records, denied, { key }), 0, 'body');
    expect(typesOf(body)).toEqual(['EMAIL', 'CUSTOM']);
    expect(body.anonymised).toBe('Contact [EMAIL] about [CUSTOM] today.');
    expect(body.outcome).toBe('replaced');
    const custom = body.findings[1]!;
    const span = body.spans[custom.span!]!;
    expect(body.value.slice(span.start, span.end)).toBe('Project Quokka');
    expect(body.anonymised.slice(span.outStart, span.outEnd)).toBe('[CUSTOM]');
    expect(span).toMatchObject({ findings: [1], changed: true });
  });

  it('a finding ignored in one field is ignored there only', () => {
    const ignored = ok(ignoreFinding(profile, { field: 'body', value: EMAIL }));
    const out = recomputePreview(records, ignored, { key });
    expect(typesOf(field(out, 0, 'body'))).toEqual([]);
    expect(field(out, 0, 'body').anonymised).toBe(records[0]!.fields[1]!.value);
    expect(typesOf(field(out, 0, 'subject'))).toEqual(['EMAIL']);
    expect(field(out, 0, 'subject').anonymised).toBe('Login problem for [EMAIL]');
  });

  it('a dropped column marks its fields dropped, with no spans', () => {
    const out = recomputePreview(records, ok(dropColumn(profile, 'body')), { key });
    for (const row of [0, 1]) expect(field(out, row, 'body')).toMatchObject({ outcome: 'dropped', anonymised: '', spans: [] });
    expect(field(out, 0, 'body').findings.map((f) => f.operator)).toEqual(['drop']);
    expect(field(out, 0, 'subject').outcome).toBe('replaced');
  });

  it('a kept type maps its finding to the unchanged text; a blanked type blanks the field', () => {
    const kept = field(recomputePreview(records, ok(setTypeOperator(profile, 'EMAIL', 'keep')), { key }), 0, 'subject');
    expect(kept).toMatchObject({ outcome: 'unchanged', anonymised: kept.value });
    expect(kept.spans).toEqual([{ start: 18, end: 18 + EMAIL.length, outStart: 18, outEnd: 18 + EMAIL.length, findings: [0], changed: false }]);
    const blanked = field(recomputePreview(records, ok(setTypeOperator(profile, 'EMAIL', 'blank')), { key }), 0, 'subject');
    expect(blanked).toMatchObject({ outcome: 'blanked', anonymised: '', spans: [] });
  });

  it('a column value operator is one span over the whole value', () => {
    const hashed: ProfileJson = { version: 1, columns: { subject: 'redact' } };
    const subject = field(recomputePreview(records, hashed, { key }), 1, 'subject');
    expect(subject).toMatchObject({ outcome: 'replaced', anonymised: '[CUSTOM]', spans: [{ start: 0, end: 11, outStart: 0, outEnd: 8, findings: [], changed: true }] });
  });

  it('carries the worker’s known-value findings and checks them against the allow terms and scores', () => {
    const known = { start: 8, end: 12, type: 'PERSON' as const, score: 0.9, detector: 'known-value', explanation: { pattern: 'known value from column requester', validation: 'none' as const, context: [] } };
    const rows: PreviewRecord[] = [{ index: 0, fields: [{ path: 'note', value: 'Call me Zorq soon', findings: [known] }] }];
    const note = field(recomputePreview(rows, { version: 1, operators: { PERSON: 'redact' } }, { key }), 0, 'note');
    expect(note.anonymised).toBe('Call me [PERSON] soon');
    const allowed = field(recomputePreview(rows, ok(ignoreFinding({ version: 1 }, { field: 'note', value: 'Zorq' })), { key }), 0, 'note');
    expect(allowed.findings).toEqual([]);
    expect(field(recomputePreview(rows, { version: 1, minScore: 0.95 }, { key }), 0, 'note').findings).toEqual([]);
  });

  it('throws the ProfileError of an invalid profile', () => {
    expect(() => recomputePreview(records, { version: 1, minScore: 7 }, { key })).toThrow(/minScore/);
  });
});

describe('recomputePreview: replacement spans (property)', () => {
  const words = fc.constantFrom('hello', 'the printer', 'Case', ' ', ', ', '\n', 'ok.', 'Zürich', '— thanks');
  const pii = fc.constantFrom(EMAIL, 'bob@example.org', '+1 212 555 0123', '192.0.2.44', 'Project Phoenix', '4111 1111 1111 1111', 'John Smith');
  const text = fc.array(fc.oneof(words, pii, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(' '));
  const profile: ProfileJson = { version: 1, deny: [{ value: 'Project Phoenix', match: 'case-insensitive', type: 'CUSTOM' }] };

  it('spans never overlap, lie inside the anonymised text, and the text outside them is the original outside the findings', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (values) => {
        const rows: PreviewRecord[] = [{ index: 0, fields: values.map((value, i) => ({ path: `c${i}`, value, findings: [] })) }];
        const out = recomputePreview(rows, profile, { key })[0]!;
        const run = new FieldTransformer({ policy: parseProfile(profile), key });
        for (const f of out.fields) {
          if (f.outcome === 'dropped' || f.outcome === 'blanked') {
            expect(f.spans).toEqual([]);
            continue;
          }
          let outPos = 0;
          let inPos = 0;
          let outside = '';
          let originalOutside = '';
          for (const s of f.spans) {
            expect(s.outStart).toBeGreaterThanOrEqual(outPos);
            expect(s.outEnd).toBeGreaterThanOrEqual(s.outStart);
            expect(s.outEnd).toBeLessThanOrEqual(f.anonymised.length);
            expect(s.start).toBeGreaterThanOrEqual(inPos);
            outside += f.anonymised.slice(outPos, s.outStart);
            originalOutside += f.value.slice(inPos, s.start);
            outPos = s.outEnd;
            inPos = s.end;
            if (!s.changed) expect(f.anonymised.slice(s.outStart, s.outEnd)).toBe(f.value.slice(s.start, s.end));
          }
          expect(outside + f.anonymised.slice(outPos)).toBe(originalOutside + f.value.slice(inPos));
          // each finding has its own span, over its own text
          f.findings.forEach((x, i) => expect(f.spans[x.span!]).toMatchObject({ start: x.start, end: x.end, findings: [i] }));
          // and the whole is what a run's transformer writes for the field
          const written = run.transformField(f.value, f.findings, f.group, '');
          expect(f.anonymised).toBe(written?.kind === 'replace' ? written.value : f.value);
        }
      }),
      { numRuns: 150 },
    );
  });
});
