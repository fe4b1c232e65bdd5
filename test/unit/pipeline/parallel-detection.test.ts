/**
 * The pipeline with detection handed out in batches (a fake BatchDetector that answers out of order, in this
 * thread): the output, the findings and their order are those of the in-thread pipeline, and no more than
 * `maxInFlight` batches are ever out.
 */
import { describe, expect, it } from 'vitest';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import { createJsonReader } from '../../../shared/formats/json-reader';
import type { RecordReader } from '../../../shared/formats/record';
import type { BatchDetector } from '../../../shared/pipeline/batch-detector';
import { detectFields, type FieldsDetection } from '../../../shared/pipeline/detect-record';
import { createPolicyRegistry, policyFieldDetection } from '../../../shared/pipeline/policy-registry';
import { runPipeline } from '../../../shared/pipeline/run-pipeline';
import { parseProfile } from '../../../shared/transform/profile';
import { testTransformer } from '../../helpers/policies';
import { chunksOf } from '../../helpers/streams';
import { supportTickets, ticketsAs } from '../../helpers/support-records';

const policy = parseProfile({ version: 1, extends: 'default', redactTemplate: '[{type}_{n}]', operators: { PERSON: 'redact', PHONE: 'redact' } });
const registry = createPolicyRegistry(policy);
const detect = registry.detect.bind(registry);

/**
 * A detector that holds every batch until `maxInFlight` are out (or the pipeline waits for one), then answers them
 * newest first: the pipeline must put them back in order.
 */
function reversingDetector(maxInFlight: number, batchChars: number) {
  const held: { records: Parameters<BatchDetector['detect']>[1]; resolve: (r: FieldsDetection[]) => void }[] = [];
  const stats = { batches: 0, mostOut: 0, out: 0 };
  const fields = policyFieldDetection(policy, detect);
  const release = () => {
    for (const h of held.splice(0).reverse()) {
      stats.out--;
      h.resolve(h.records.map((r) => detectFields(r, r.columns, fields)));
    }
  };
  const detector: BatchDetector = {
    maxInFlight,
    batchChars,
    detect(p, records) {
      expect(p).toBe(policy);
      stats.batches++;
      stats.out++;
      stats.mostOut = Math.max(stats.mostOut, stats.out);
      return new Promise((resolve) => {
        held.push({ records, resolve });
        if (held.length >= maxInFlight) release();
        else setTimeout(release, 0); // the end of the input: nothing more will come
      });
    },
  };
  return { detector, stats };
}

async function run(reader: () => RecordReader, batchDetector?: BatchDetector) {
  let out = '';
  const found: string[] = [];
  const summary = await runPipeline({
    reader: reader(),
    detect,
    policy,
    transformer: testTransformer(policy),
    write: (t) => void (out += t),
    onFinding: (record, field, f) => found.push(`${record.index}:${field.path}:${f.start}-${f.end}:${f.type}`),
    ...(batchDetector ? { batchDetector } : {}),
  });
  return { out, found, summary };
}

const tickets = supportTickets(300);

describe.each([
  ['CSV', () => createCsvReader(chunksOf(ticketsAs('csv', tickets), 4096))],
  ['JSON', () => createJsonReader(chunksOf(ticketsAs('json', tickets), 4096))],
])('%s through batches answered out of order', (_name, reader) => {
  it('gives the output, findings and summary of the in-thread pipeline, with at most maxInFlight batches out', async () => {
    const here = await run(reader);
    const { detector, stats } = reversingDetector(3, 500);
    const there = await run(reader, detector);
    expect(stats.batches).toBeGreaterThan(20);
    expect(stats.mostOut).toBe(3);
    expect(there.out).toBe(here.out);
    expect(there.found).toEqual(here.found);
    expect(there.summary).toEqual(here.summary);
    expect(here.out).toMatch(/\[PERSON_1\]/);
    expect(here.found.length).toBeGreaterThan(tickets.length);
  });
});

describe('a small input', () => {
  it('is detected in this thread: no batch is handed out', async () => {
    const { detector, stats } = reversingDetector(2, 1 << 20);
    const reader = () => createCsvReader(chunksOf(ticketsAs('csv', tickets.slice(0, 20)), 4096));
    const there = await run(reader, detector);
    expect(stats.batches).toBe(0);
    expect(there.out).toBe((await run(reader)).out);
  });
});

describe('a batch that fails', () => {
  it('fails the pipeline with its error', async () => {
    const failing: BatchDetector = { maxInFlight: 2, batchChars: 200, detect: () => Promise.reject(new Error('worker gone')) };
    await expect(run(() => createCsvReader(chunksOf(ticketsAs('csv', tickets), 4096)), failing)).rejects.toThrow('worker gone');
  });
});
