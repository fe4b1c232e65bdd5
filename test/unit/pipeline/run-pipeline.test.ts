import { describe, expect, it } from 'vitest';
import type { DetectContext, Finding } from '../../../shared/detect/finding';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import { createJsonReader } from '../../../shared/formats/json-reader';
import { fieldGroup, runPipeline, type PipelineProgress } from '../../../shared/pipeline/run-pipeline';
import { REDACT_POLICY as DEFAULT_POLICY, testTransformer } from '../../helpers/policies';
import { parseProfile } from '../../../shared/transform/profile';
import { chunksOf } from '../../helpers/streams';

/** A detector for the tests: every "secret" is an EMAIL scoring 0.9, every "maybe" a PHONE scoring 0.3. */
function fakeDetect(text: string, _ctx: DetectContext): Finding[] {
  const out: Finding[] = [];
  for (const [word, type, score] of [['secret', 'EMAIL', 0.9], ['maybe', 'PHONE', 0.3]] as const) {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
      out.push({ start: i, end: i + word.length, type, score, detector: 'fake', explanation: { pattern: word, validation: 'none', context: [] } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const CSV = 'id,a,b\n1,a secret here,maybe\n2,nothing,secret and secret\n3,x,y\n';

describe('runPipeline', () => {
  it('replaces findings at or above the minimum score, and writes unchanged records as they were', async () => {
    let out = '';
    const summary = await runPipeline({ reader: createCsvReader(chunksOf(CSV, 5)), detect: fakeDetect, policy: DEFAULT_POLICY, transformer: testTransformer(), write: (t) => void (out += t) });
    expect(out).toBe('id,a,b\n1,a [EMAIL] here,maybe\n2,nothing,[EMAIL] and [EMAIL]\n3,x,y\n');
    expect(summary.columns.map((c) => c.field)).toEqual(['id', 'a', 'b']);
    expect(summary).toEqual({
      columns: summary.columns,
      records: 3,
      recordsChanged: 2,
      findings: 3,
      findingsByType: { EMAIL: 3 },
      findingsByField: { a: { EMAIL: 1 }, b: { EMAIL: 2 } },
      valuesChanged: 2,
      droppedColumns: [],
    });
  });

  it('keeps the types the policy keeps, but still counts them', async () => {
    let out = '';
    const policy = parseProfile({ version: 1, extends: 'none', operators: { EMAIL: 'keep', IDENTIFIER: 'keep' }, minScore: 0.2 });
    const summary = await runPipeline({ reader: createCsvReader(chunksOf(CSV, 64)), detect: fakeDetect, policy, transformer: testTransformer(policy), write: (t) => void (out += t) });
    expect(out).toBe('id,a,b\n1,a secret here,[PHONE]\n2,nothing,secret and secret\n3,x,y\n');
    expect(summary.findingsByType).toEqual({ EMAIL: 3, PHONE: 1 });
    expect(summary.recordsChanged).toBe(1);
  });

  it('only detects when there is nothing to write, and reports each finding with its record and field', async () => {
    const seen: string[] = [];
    const summary = await runPipeline({
      reader: createCsvReader(chunksOf(CSV, 64)),
      detect: fakeDetect,
      policy: DEFAULT_POLICY,
      onFinding: (record, field, f) => seen.push(`${record.index}:${field.path}:${f.start}-${f.end}`),
    });
    expect(seen).toEqual(['0:a:2-8', '1:b:0-6', '1:b:11-17']);
    expect(summary.valuesChanged).toBe(0);
    expect(summary.recordsChanged).toBe(0);
  });

  it('folds array indexes in the per-field counts and counts envelope values without counting them as records', async () => {
    const json = '{"owner":"secret","tickets":[{"c":[{"b":"secret"},{"b":"secret"}]}]}';
    const summary = await runPipeline({ reader: createJsonReader(chunksOf(json, 7)), detect: fakeDetect, policy: DEFAULT_POLICY });
    expect(summary.records).toBe(1);
    expect(summary.findingsByField).toEqual({ owner: { EMAIL: 1 }, 'c[].b': { EMAIL: 2 } });
    expect(fieldGroup('a[10].b[2]["x y"]')).toBe('a[].b[]["x y"]');
  });

  it('counts a field named __proto__ like any other', async () => {
    const summary = await runPipeline({ reader: createCsvReader(chunksOf('__proto__\nsecret\n', 64)), detect: fakeDetect, policy: DEFAULT_POLICY });
    expect(Object.getOwnPropertyNames(summary.findingsByField)).toEqual(['__proto__']);
  });

  it('reports progress at most once per interval, and once at the end', async () => {
    let clock = 0;
    const reports: PipelineProgress[] = [];
    // > 64 KB, so that the CSV reader (which sniffs the first 64 KB) yields many batches
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},secret,${'x'.repeat(20)}`).join('\n');
    await runPipeline({
      reader: createCsvReader(chunksOf(`id,a,b\n${rows}\n`, 4096)),
      detect: (text, ctx) => {
        clock += 7; // every detection call takes 7 "ms"
        return fakeDetect(text, ctx);
      },
      policy: DEFAULT_POLICY,
      now: () => clock,
      bytesRead: () => clock,
      onProgress: (p) => reports.push(p),
    });
    for (let i = 1; i < reports.length - 1; i++) expect(reports[i]!.elapsedMs - reports[i - 1]!.elapsedMs).toBeGreaterThanOrEqual(100);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.at(-1)).toMatchObject({ records: 5000, findings: 5000 });
  });

  it('stops when aborted, before reading on', async () => {
    const controller = new AbortController();
    let batches = 0;
    const run = runPipeline({
      reader: createCsvReader(chunksOf(`id,a\n${'1,secret\n'.repeat(20_000)}`, 4096)),
      detect: fakeDetect,
      policy: DEFAULT_POLICY,
      afterBatch: async () => {
        if (++batches === 3) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(batches).toBe(3);
  });

  it('hands output to the writer in pieces and waits for each', async () => {
    const writes: number[] = [];
    let pending = 0;
    const big = `id,a\n${'1,some secret text that is long enough to matter\n'.repeat(60_000)}`;
    await runPipeline({
      reader: createCsvReader(chunksOf(big, 1 << 16)),
      detect: fakeDetect,
      policy: DEFAULT_POLICY,
      transformer: testTransformer(),
      write: async (t) => {
        expect(pending).toBe(0);
        pending++;
        await new Promise((r) => setTimeout(r, 1));
        pending--;
        writes.push(t.length);
      },
    });
    expect(writes.length).toBeGreaterThan(1);
    expect(Math.max(...writes)).toBeLessThan(4 << 20);
  });
});

describe('runPipeline with the default detectors', () => {
  it('classifies columns, learns identity values and finds them again in free text, later records included', async () => {
    const { createDefaultRegistry } = await import('../../../shared/detect/default-detectors');
    const registry = createDefaultRegistry();
    const csv =
      'id,requester_name,requester_email,description,internal_note\n' +
      '1,Maria Jensen,maria.jensen@example.com,"Hi, this is Maria. Jensen here again.",VIP - handle with care\n' +
      '2,Tom Becker,tom@example.net,Maria Jensen asked me to write,\n';
    let out = '';
    const seen: string[] = [];
    const summary = await runPipeline({
      reader: createCsvReader(chunksOf(csv, 1 << 16)),
      detect: registry.detect.bind(registry),
      policy: DEFAULT_POLICY,
      transformer: testTransformer(), write: (t) => void (out += t),
      onFinding: (r, f, finding) => seen.push(`${r.index}:${f.path}:${finding.type}:${finding.explanation.pattern}`),
    });
    expect(summary.columns.find((c) => c.field === 'requester_name')).toMatchObject({ role: 'identifier', type: 'PERSON' });
    expect(summary.columns.find((c) => c.field === 'internal_note')).toMatchObject({ role: 'confidential-note' });
    expect(out).toBe(
      'id,requester_name,requester_email,description,internal_note\n' +
        '1,[PERSON],[EMAIL],"Hi, this is [PERSON]. [PERSON] here again.",[CONFIDENTIAL_NOTE]\n' +
        '2,[PERSON],[EMAIL],[PERSON] asked me to write,\n',
    );
    expect(seen).toContain('0:description:PERSON:known value from column requester_name (part)');
    expect(seen.filter((s) => s.startsWith('1:description:PERSON:'))).toHaveLength(1); // "Maria Jensen", by whichever detector scores it highest
    expect(seen).toContain('0:requester_name:PERSON:column requester_name is classified as PERSON');
  });
});

describe('runPipeline: values learned from findings', () => {
  it('finds a user name again wherever it occurs, once a path has shown it to be one', async () => {
    const { createDefaultRegistry } = await import('../../../shared/detect/default-detectors');
    const registry = createDefaultRegistry();
    const csv = 'id,note\n1,"jsmith cannot open C:\\Users\\jsmith\\AppData, says jsmith"\n2,"ticket from jsmith again"\n3,"the word jsmithery is not the name"\n';
    let out = '';
    await runPipeline({ reader: createCsvReader(chunksOf(csv, 1 << 16)), detect: registry.detect.bind(registry), policy: DEFAULT_POLICY, transformer: testTransformer(), write: (t) => void (out += t) });
    expect(out).toBe(
      'id,note\n1,"[USERNAME] cannot open C:\\Users\\[USERNAME]\\AppData, says [USERNAME]"\n2,"ticket from [USERNAME] again"\n3,"the word jsmithery is not the name"\n',
    );
  });
});
