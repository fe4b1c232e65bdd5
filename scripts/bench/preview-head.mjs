// Time to the first preview of a file: the app's real job runner and job worker (bundled here with esbuild, as the
// app bundles them), a `preview` job with `headOnly` for the first 1,000 records, timed from the start of the job
// to its result (worker start-up, the column sample, reading and detecting the head). Prints {"seconds", "records"}.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../node-bundle-options.mjs';

const [input, records = '1000'] = process.argv.slice(2);
const outdir = resolve('out/bench/preview');
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: {
    'job-runner': 'src-main/jobs/job-runner.ts',
    'job-worker': 'src-main/jobs/job-worker.ts',
    'detect-worker': 'src-main/pipeline/detect-worker.ts',
  },
  outdir,
  ...NODE_BUNDLE_OPTIONS,
});
const { createJobRunner } = await import(pathToFileURL(join(outdir, 'job-runner.mjs')).href);
const runner = createJobRunner({ workerPath: join(outdir, 'job-worker.mjs') });
const started = performance.now();
const result = await new Promise((done, fail) => {
  runner.start('preview', { path: resolve(input), records: Number(records), sample: 0, headOnly: true }, {
    onProgress: () => undefined,
    onDone: done,
    onFailed: (e) => fail(new Error(`${e.code}: ${e.message}`)),
  });
});
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, records: result.head.length }));
