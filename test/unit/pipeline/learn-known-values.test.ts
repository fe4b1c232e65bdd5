import { describe, expect, it } from 'vitest';
import { columnValueDetector } from '../../../shared/detect/detectors/column-value';
import { knownValueDetector } from '../../../shared/detect/detectors/known-value';
import { createDetectorRegistry } from '../../../shared/detect/registry';
import { createCsvReader } from '../../../shared/formats/csv-reader';
import { learnKnownValues } from '../../../shared/pipeline/learn-known-values';
import { runPipeline } from '../../../shared/pipeline/run-pipeline';
import { REDACT_POLICY as DEFAULT_POLICY, testTransformer } from '../../helpers/policies';
import { chunksOf } from '../../helpers/streams';

// Only identity columns and known values are detected, so every finding in free text comes from a requester column.
const registry = createDetectorRegistry([columnValueDetector, knownValueDetector]);
const detect = registry.detect.bind(registry);

// The requester of ticket 3 is mentioned in ticket 1, before the record that names her.
const CSV =
  'id,requester_name,requester_email,description\n' +
  '1,Tom Baker,tom.baker@example.com,Forwarded from Marguerite Oyelaran-Kowalczyk yesterday\n' +
  '2,Tom Baker,tom.baker@example.com,No change\n' +
  '3,Marguerite Oyelaran-Kowalczyk,m.oyelaran@example.org,Printer broken again\n';

async function run(known: boolean): Promise<string> {
  let out = '';
  const learned = known ? await learnKnownValues({ reader: createCsvReader(chunksOf(CSV, 7)), detect, defaultRegion: 'US' }) : undefined;
  await runPipeline({ reader: createCsvReader(chunksOf(CSV, 7)), detect, policy: DEFAULT_POLICY, known: learned, transformer: testTransformer(), write: (t) => void (out += t) });
  return out.split('\n')[1]!;
}

describe('learnKnownValues', () => {
  it('learns the identity columns of the whole file, so a name is found in records before the one that names it', async () => {
    expect(await run(false)).toBe('1,[PERSON],[EMAIL],Forwarded from Marguerite Oyelaran-Kowalczyk yesterday');
    expect(await run(true)).toBe('1,[PERSON],[EMAIL],Forwarded from [PERSON] yesterday');
  });

  it('adds to an index shared by every file of a package', async () => {
    const first = await learnKnownValues({ reader: createCsvReader(chunksOf('requester_email\nann.lee@example.com\n', 9)), detect, defaultRegion: 'US' });
    const both = await learnKnownValues({ reader: createCsvReader(chunksOf(CSV, 64)), detect, defaultRegion: 'US', known: first });
    expect(both).toBe(first);
    const ctx = { field: 'description', defaultRegion: 'US', known: both };
    const text = 'ann.lee@example.com and Tom Baker';
    expect(detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.type])).toEqual([['ann.lee@example.com', 'EMAIL'], ['Tom Baker', 'PERSON']]);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(learnKnownValues({ reader: createCsvReader(chunksOf(CSV, 64)), detect, defaultRegion: 'US', signal: controller.signal })).rejects.toThrow();
  });

  it('does not read past the sample of a file that has no identity column', async () => {
    const csv = `description\n${'Printer broken again please help\n'.repeat(5000)}`;
    let read = 0;
    async function* counted() {
      for await (const chunk of chunksOf(csv, 4096)) {
        read += chunk.length;
        yield chunk;
      }
    }
    const known = await learnKnownValues({ reader: createCsvReader(counted()), detect, defaultRegion: 'US' });
    expect(known.size).toBe(0);
    expect(read).toBeLessThan(csv.length / 2);
  });
});
