/**
 * Jobs in a worker thread, end to end: the worker is bundled with esbuild into a temp folder, then real jobs run on
 * fixtures and generated files. Preview (head, seeded reservoir sample over the whole file, columns, findings),
 * progress at most 10 a second with the last figure before the result, a run that writes verified outputs, a
 * cancel within a second that leaves nothing at the outputs, and errors reduced to codes and safe messages.
 */
import { buildJobWorker } from '../../helpers/job-worker-bundle';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { createJobRunner, removePartialFiles, type JobProgress } from '../../../src-main/jobs/job-runner';
import type { JobRunner } from '../../../src-main/main/job-runner-port';

const ZENDESK = resolve('test/fixtures/presets/zendesk.csv');

interface Outcome {
  readonly progress: (JobProgress & { at: number })[];
  readonly result?: unknown;
  readonly error?: { code: string; message: string };
  readonly endedAt: number;
}

let dir: string;
let runner: JobRunner;

/** Starts a job; `settled` resolves with everything the listener was told. */
function startJob(kind: 'preview' | 'scan' | 'run' | 'verify', params: object) {
  const progress: Outcome['progress'] = [];
  let cancel!: () => Promise<void>;
  const settled = new Promise<Outcome>((done) => {
    const job = runner.start(kind as never, params as never, {
      onProgress: (p) => progress.push({ ...(p as JobProgress), at: Date.now() }),
      onDone: (result) => done({ progress, result, endedAt: Date.now() }),
      onFailed: (error) => done({ progress, error, endedAt: Date.now() }),
    });
    cancel = () => job.cancel();
  });
  return { settled, cancel: () => cancel(), progress };
}

/** A CSV of `n` tickets: requester name and e-mail columns, and a note with an e-mail and a phone number. */
async function writeTickets(path: string, n: number, noteWords = 0): Promise<void> {
  const out = createWriteStream(path);
  const filler = ' please check the printer settings again'.repeat(noteWords);
  out.write('id,requester,email,note\n');
  for (let i = 0; i < n; i++) {
    const line = `${i},Customer ${i % 97},user${i}@example.com,"Call me on +44 20 7946 ${String(i % 10000).padStart(4, '0')} about ticket ${i}.${filler}"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'job-runner-'));
  // the CLI's esbuild settings, with every package bundled (the temp folder has no node_modules beside it)
  await buildJobWorker(dir);
  runner = createJobRunner({ workerPath: join(dir, 'job-worker.mjs') });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preview', () => {
  it('returns the head, a sample, the columns and the findings of a help-desk export', async () => {
    const { result, error, progress } = await startJob('preview', { path: ZENDESK, records: 3, sample: 5 }).settled;
    expect(error).toBeUndefined();
    const r = result as {
      format: string;
      encoding: string;
      records: number;
      columns: { field: string }[];
      head: { index: number; fields: { path: string; value: string; findings: { type: string; start: number; end: number; detector: string }[] }[] }[];
      sample: { index: number }[];
    };
    expect(r.format).toBe('csv');
    expect(r.records).toBe(10);
    expect(r.head.map((h) => h.index)).toEqual([0, 1, 2]);
    expect(r.sample).toHaveLength(5);
    expect(new Set(r.sample.map((s) => s.index)).size).toBe(5);
    expect(r.columns.map((c) => c.field)).toContain('Requester email');
    const email = r.head[0]!.fields.find((f) => f.path === 'Requester email')!;
    expect(email.value).toBe('hannah.whitcombe@example.com');
    expect(email.findings.map((f) => f.type)).toContain('EMAIL');
    // the requester's name, learned from its column, is found again in the free text
    const description = r.head[0]!.fields.find((f) => f.path === 'Description')!;
    const names = description.findings.filter((f) => f.type === 'PERSON').map((f) => description.value.slice(f.start, f.end));
    expect(names).toContain('Hannah Whitcombe');
    expect(progress.at(-1)?.bytes).toBe(progress.at(-1)?.totalBytes);
  });

  it('samples every decile of a 20,000-record file, the same sample every time', async () => {
    const path = join(dir, 'twenty-thousand.csv');
    await writeTickets(path, 20_000);
    const params = { path, records: 0, sample: 1000 };
    const [a, b] = await Promise.all([startJob('preview', params).settled, startJob('preview', params).settled]);
    const indexes = (o: Outcome) => (o.result as { sample: { index: number }[] }).sample.map((s) => s.index);
    expect(a.error).toBeUndefined();
    expect((a.result as { head: unknown[]; records: number }).head).toHaveLength(0);
    expect((a.result as { records: number }).records).toBe(20_000);
    const sample = indexes(a);
    expect(sample).toHaveLength(1000);
    expect(new Set(sample).size).toBe(1000);
    const deciles = new Array<number>(10).fill(0);
    for (const i of sample) deciles[Math.floor(i / 2000)]!++;
    // uniform: about 100 per decile; a sample that favours the head or the tail of the file fails this
    for (const n of deciles) expect(n).toBeGreaterThan(60);
    expect(indexes(b)).toEqual(sample);
  }, 60_000);

  it('with headOnly, returns the head as soon as it is read, without reading the rest of the file', async () => {
    const path = join(dir, 'head-only.csv');
    await writeTickets(path, 50_000);
    const { result, error } = await startJob('preview', { path, records: 1000, sample: 0, headOnly: true }).settled;
    expect(error).toBeUndefined();
    const r = result as { head: { index: number; fields: { findings: unknown[] }[] }[]; sample: unknown[]; records: number; headOnly?: boolean; wholeFile?: boolean };
    expect(r.headOnly).toBe(true);
    expect(r.wholeFile).toBe(false);
    expect(r.head.map((h) => h.index)).toEqual([...Array(1000).keys()]);
    expect(r.head[0]!.fields.some((f) => f.findings.length > 0)).toBe(true);
    expect(r.sample).toEqual([]);
    // read up to the column sample and the head, in whole batches: far from the 50,000 records of the file
    expect(r.records).toBeGreaterThanOrEqual(1000);
    expect(r.records).toBeLessThan(50_000);
  }, 60_000);

  it('with headOnly on a file shorter than the head, says that it read the whole file', async () => {
    const path = join(dir, 'head-only-short.csv');
    await writeTickets(path, 40);
    const { result, error } = await startJob('preview', { path, records: 1000, sample: 0, headOnly: true }).settled;
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ headOnly: true, wholeFile: true, records: 40 });
  }, 60_000);
});

describe('progress', () => {
  it('reaches the listener at most 10 times a second, the last figure complete before the result', async () => {
    const path = join(dir, 'progress.csv');
    await writeTickets(path, 20_000, 6);
    const { progress, result, error, endedAt } = await startJob('scan', { paths: [path] }).settled;
    expect(error).toBeUndefined();
    expect((result as { files: { summary: { records: number } }[] }).files[0]!.summary.records).toBe(20_000);
    const span = progress.at(-1)!.at - progress[0]!.at;
    expect(span).toBeGreaterThan(1000); // a job of a few seconds, or the count below proves nothing
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(95);
    for (const p of progress) expect(progress.filter((q) => q.at >= p.at && q.at < p.at + 1000).length).toBeLessThanOrEqual(10);
    const last = progress.at(-1)!;
    expect(last.bytes).toBe(last.totalBytes);
    expect(last.etaMs).toBe(0);
    expect(last.at).toBeLessThanOrEqual(endedAt);
    expect(progress.some((p) => p.etaMs !== undefined && p.etaMs > 0)).toBe(true);
  }, 60_000);
});

describe('run and verify', () => {
  it('writes the outputs and a passing verification; verify on its own agrees', async () => {
    const output = join(dir, 'zendesk.anonymised.csv');
    const { result, error } = await startJob('run', { inputs: [ZENDESK], outputs: [output] }).settled;
    expect(error).toBeUndefined();
    const r = result as { passed: boolean; report: { verification: { passed: boolean } } };
    expect(r.passed).toBe(true);
    expect(r.report.verification.passed).toBe(true);
    expect(existsSync(output)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);

    const verified = await startJob('verify', { originals: [ZENDESK], anonymised: [output] }).settled;
    expect(verified.error).toBeUndefined();
    expect((verified.result as { passed: boolean; files: unknown[] }).files).toHaveLength(1);
    // the original against itself keeps every value: the verification fails
    const against = await startJob('verify', { originals: [ZENDESK], anonymised: [ZENDESK] }).settled;
    expect((against.result as { passed: boolean }).passed).toBe(false);
  }, 60_000);

  it('cancels a large run within a second, leaving nothing at the output and no temp file', async () => {
    const input = join(dir, 'big-input.csv');
    await writeTickets(input, 250_000, 2); // about 30 MB
    const out = mkdtempSync(join(dir, 'big-out-'));
    const output = join(out, 'big.csv');
    const job = startJob('run', { inputs: [input], outputs: [output] });
    // wait until the output is being written
    const deadline = Date.now() + 45_000;
    while (!readdirSync(out).some((n) => n.endsWith('.partial')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(out).some((n) => n.endsWith('.partial'))).toBe(true);
    const t0 = Date.now();
    await job.cancel();
    expect(Date.now() - t0).toBeLessThan(1500);
    const { error } = await job.settled;
    expect(error?.code).toBe('cancelled');
    expect(readdirSync(out)).toEqual([]);
  }, 90_000);
});

describe("the app's stored key (keyBytes)", () => {
  /** The key's bytes in every spelling they could leak in. */
  const spellings = (bytes: Uint8Array) => {
    const b = Buffer.from(bytes);
    return [b.toString('hex'), b.toString('hex').toUpperCase(), b.toString('base64'), b.toString('base64url'), b.toString('latin1')];
  };

  it('runs and verifies with the key handed over: its fingerprint in the report, repeatable output, the key nowhere', async () => {
    const bytes = randomBytes(32);
    const fingerprint = new KeyedHash(bytes).fingerprint();
    const outputs = [join(dir, 'keyed-1.csv'), join(dir, 'keyed-2.csv')];
    const results: unknown[] = [];
    for (const output of outputs) {
      const handedOver = Uint8Array.from(bytes);
      const { result, error } = await startJob('run', { inputs: [ZENDESK], outputs: [output], keyBytes: handedOver }).settled;
      expect(error).toBeUndefined();
      expect((result as { report: { key: unknown } }).report.key).toEqual({ fingerprint, ephemeral: false });
      results.push(result);
    }
    // the same key gives the same pseudonyms in every run
    expect(readFileSync(outputs[0]!, 'utf8')).toBe(readFileSync(outputs[1]!, 'utf8'));
    const verified = await startJob('verify', { originals: [ZENDESK], anonymised: [outputs[0]!], keyBytes: Uint8Array.from(bytes) }).settled;
    expect(verified.error).toBeUndefined();
    expect((verified.result as { passed: boolean }).passed).toBe(true);
    const texts = [JSON.stringify(results), JSON.stringify(verified), ...outputs.map((o) => readFileSync(o, 'latin1'))];
    for (const text of texts) for (const form of spellings(bytes)) expect(text.includes(form)).toBe(false);
  }, 60_000);

  it('without a key a run says its key was fresh; a malformed key is refused without showing it', async () => {
    const { result } = await startJob('run', { inputs: [ZENDESK], outputs: [join(dir, 'fresh.csv')] }).settled;
    expect((result as { report: { key: { ephemeral: boolean } } }).report.key.ephemeral).toBe(true);
    const short = Uint8Array.from(randomBytes(31));
    const { error } = await startJob('run', { inputs: [ZENDESK], outputs: [join(dir, 'short.csv')], keyBytes: short }).settled;
    expect(error).toEqual({ code: 'input', message: 'invalid job parameter "keyBytes": 32 bytes are needed' });
    expect(existsSync(join(dir, 'short.csv'))).toBe(false);
  }, 60_000);
});

describe("the app's default region (defaultRegion)", () => {
  /**
   * The score of the number in a German note with a Berlin number written nationally (no country code): 0.9 when it
   * is valid for the default region, 0.6 when only another region's plan takes it (phone.ts).
   */
  async function phoneScore(params: object): Promise<number | undefined> {
    const path = join(dir, 'berlin.csv');
    writeFileSync(path, 'id,note\n1,"Ruf mich an unter 030 12345678 bitte"\n');
    const { result, error } = await startJob('preview', { path, records: 1, sample: 1, ...params }).settled;
    expect(error).toBeUndefined();
    const r = result as { head: { fields: { findings: { type: string; score: number }[] }[] }[] };
    return r.head.flatMap((record) => record.fields.flatMap((f) => f.findings)).find((f) => f.type === 'PHONE')?.score;
  }

  it('applies where the profile sets no region; a region the profile sets wins', async () => {
    expect(await phoneScore({})).toBe(0.6); // the built-in region, US
    expect(await phoneScore({ defaultRegion: 'DE' })).toBe(0.9);
    expect(await phoneScore({ defaultRegion: 'DE', profile: { version: 1, defaultRegion: 'US' } })).toBe(0.6);
    expect(await phoneScore({ defaultRegion: 'US', profile: { version: 1, defaultRegion: 'DE' } })).toBe(0.9);
  });

  it('refuses a malformed region', async () => {
    const { error } = await startJob('scan', { paths: [ZENDESK], defaultRegion: 'Germany' }).settled;
    expect(error).toEqual({ code: 'input', message: 'invalid job parameter "defaultRegion": a two-letter region is needed' });
  });
});

describe('errors', () => {
  it('a broken file fails with code input, naming the file and line, without its values', async () => {
    const path = join(dir, 'broken.ndjson');
    writeFileSync(path, '{"a":"fine"}\n{"a":"also fine"}\n{"a": "CANARY-SECRET-7731" oops}\n');
    for (const [kind, params] of [['preview', { path }], ['scan', { paths: [path] }]] as const) {
      const { error, result } = await startJob(kind, params).settled;
      expect(result).toBeUndefined();
      expect(error?.code).toBe('input');
      expect(error?.message).toContain(path);
      expect(error?.message).toMatch(/line 3/);
      expect(error?.message).not.toContain('CANARY');
    }
  });

  it('a bad profile fails with code profile; a missing file with code input', async () => {
    const bad = await startJob('preview', { path: ZENDESK, profile: { version: 1, operators: { EMAIL: 'shred' } } }).settled;
    expect(bad.error?.code).toBe('profile');
    const missing = await startJob('scan', { paths: [join(dir, 'no-such.csv')] }).settled;
    expect(missing.error?.code).toBe('input');
  });

  it('removes only the atomic writer\'s temp files of a target', async () => {
    const folder = mkdtempSync(join(dir, 'partials-'));
    const names = ['.out.csv.0123456789ab.partial', '.out.csv.zz.partial', '.other.csv.0123456789ab.partial', 'out.csv'];
    for (const n of names) writeFileSync(join(folder, n), '');
    await removePartialFiles([join(folder, 'out.csv')]);
    expect(readdirSync(folder).sort()).toEqual(names.slice(1).sort());
  });
});
