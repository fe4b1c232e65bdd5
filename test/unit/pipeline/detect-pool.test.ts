/**
 * The detection pool with real worker threads: the built worker (out/cli/detect-worker.mjs, bundled by the test
 * set-up) finds what `detectFields` finds in this thread; and a worker that throws, exits or reports an error fails
 * the whole run with a DetectWorkerError, leaving nothing at the output path and no temp file beside it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFields } from '../../../shared/pipeline/detect-record';
import { createPolicyRegistry, policyFieldDetection } from '../../../shared/pipeline/policy-registry';
import { fieldGroup } from '../../../shared/formats/field-group';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { DEFAULT_POLICY, parseProfile } from '../../../shared/transform/profile';
import { runPackage } from '../../../src-main/jobs/run-package';
import { createDetectPool, DetectWorkerError } from '../../../src-main/pipeline/detect-pool';
import { ROOT } from '../../helpers/cli';
import { chunksOf, collectRecords } from '../../helpers/streams';
import { supportTickets, ticketsAs } from '../../helpers/support-records';

const BUILT_WORKER = join(ROOT, 'out/cli/detect-worker.mjs');
const dir = mkdtempSync(join(tmpdir(), 'detect-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built detection worker', () => {
  it('finds what detectFields finds in this thread, for two policies, and fails batches after close', async () => {
    const csv = ticketsAs('csv', supportTickets(60));
    const records = await collectRecords(createCsvReader(chunksOf(csv, 1024)));
    const strict = parseProfile({ version: 1, extends: 'default', minScore: 0.9, allow: ['angela.support@example.org'] });
    const pool = createDetectPool({ workers: 2, workerPath: BUILT_WORKER });
    try {
      for (const policy of [DEFAULT_POLICY, strict]) {
        const registry = createPolicyRegistry(policy);
        const here = policyFieldDetection(policy, registry.detect.bind(registry));
        const batch = records.map((r) => ({ fields: r.fields, columns: r.fields.map((f) => ({ field: fieldGroup(f.path), role: 'free-text' as const, confidence: 1, reasons: [] })) }));
        const [a, b] = await Promise.all([pool.detect(policy, batch.slice(0, 30)), pool.detect(policy, batch.slice(30))]);
        const there = [...a!, ...b!];
        expect(there).toEqual(batch.map((r) => detectFields(r, r.columns, here)));
        expect(there.flatMap((d) => d.found.flat()).length).toBeGreaterThan(records.length);
      }
    } finally {
      await pool.close();
    }
    await expect(pool.detect(DEFAULT_POLICY, [])).rejects.toBeInstanceOf(DetectWorkerError);
  });
});

/** Worker scripts that go wrong in each way a worker can. */
const BROKEN_WORKERS = {
  throws: "parentPort.on('message', (m) => { if (m.type === 'detect') throw new Error('boom'); });",
  exits: "parentPort.on('message', (m) => { if (m.type === 'detect') process.exit(7); });",
  'reports an error': "parentPort.on('message', (m) => { if (m.type === 'detect') parentPort.postMessage({ type: 'failed', id: m.id, message: 'Error: boom' }); });",
};

describe.each(Object.entries(BROKEN_WORKERS))('a worker that %s', (name, body) => {
  it('fails the run with a DetectWorkerError, and leaves nothing at the output', async () => {
    const workerPath = join(dir, `${name.replaceAll(' ', '-')}.mjs`);
    writeFileSync(workerPath, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
    const input = join(dir, 'tickets.csv');
    writeFileSync(input, ticketsAs('csv', supportTickets(200)));
    const outDir = mkdtempSync(join(dir, 'out-'));
    const output = join(outDir, 'tickets.csv');
    const run = runPackage({
      inputs: [input],
      outputs: [output],
      policy: DEFAULT_POLICY,
      key: KeyedHash.random(),
      version: 'test',
      parallel: { workers: 2, batchChars: 1000, workerPath },
    });
    await expect(run).rejects.toBeInstanceOf(DetectWorkerError);
    await expect(run).rejects.toThrow(/detection (failed in )?worker thread \d|worker thread \d (failed|stopped)/);
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
