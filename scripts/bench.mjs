// `npm run bench [-- --size 200MB] [--workers N] [--preview-2gb] [--keep]`: generates a synthetic support export and
// runs the real CLI on it end to end (`anonymise run`, default policy with pseudonyms, verified), once with 1 worker
// (detection in the main thread) and once with N detection workers (default: one per core), with the same key so
// the two outputs must be byte-identical; and, in the same run, papaparse's parse + unparse alone on the same file
// (the floor). Prints MB/s, records/s, the speedup, the ratio to the floor and each run's peak RSS. With
// --preview-2gb (or when bench-data/support-export-2gb.csv is there already), also the time to the first preview
// of 1,000 records of a 2 GB export. Benchmarks are figures, not tests: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateExport } from './bench/generate-export.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '200MB' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'preview-2gb': { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});
const sizeMatch = /^(\d+(?:\.\d+)?)\s*(MB|GB|KB)?$/i.exec(values.size);
if (!sizeMatch) throw new Error(`--size must look like 200MB or 1GB, not ${values.size}`);
const target = Math.round(Number(sizeMatch[1]) * { KB: 1e3, MB: 1e6, GB: 1e9 }[(sizeMatch[2] ?? 'MB').toUpperCase()]);
const workers = Number(values.workers);
if (!(Number.isInteger(workers) && workers >= 1)) throw new Error(`--workers must be a whole number ≥ 1, not ${values.workers}`);

const dir = 'bench-data';
mkdirSync(dir, { recursive: true });
const input = join(dir, `support-export-${values.size.toLowerCase()}.csv`);
if (!existsSync(input)) {
  process.stderr.write(`generating ${input} …\n`);
  await generateExport(input, target);
}
const mb = statSync(input).size / 1e6;
const key = join(dir, 'bench.key');
if (!existsSync(key)) cli(['key', 'new', key]);

/** Runs a command under GNU time for its peak RSS (of the process and its children), where that exists. */
function measured(cmd, args) {
  const hasTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const rssKb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: rssKb / 1024, stdout: r.stdout };
}

function cli(args) {
  return measured(process.execPath, ['bin/anonymise.mjs', ...args]);
}

async function sha256(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

const load = loadavg()[0];
const runs = [];
for (const n of [...new Set([1, workers])]) {
  const out = join(dir, `out-${n}.csv`);
  rmSync(out, { force: true });
  const run = cli(['run', input, '--out', out, '--key', key, '--workers', String(n), '--quiet']);
  const records = Number(/([\d,]+) records/.exec(run.stdout)?.[1].replaceAll(',', '') ?? NaN);
  runs.push({ n, ...run, records, sha256: await sha256(out) });
  if (!values.keep) rmSync(out, { force: true });
}
const floorRun = measured(process.execPath, ['scripts/bench/papaparse-floor.mjs', input, join(dir, 'floor.csv')]);
const floorSeconds = JSON.parse(floorRun.stdout).seconds;
rmSync(join(dir, 'floor.csv'), { force: true });

const input2gb = join(dir, 'support-export-2gb.csv');
let preview;
if (values['preview-2gb'] || existsSync(input2gb)) {
  if (!existsSync(input2gb)) {
    process.stderr.write(`generating ${input2gb} (about 2 GB; kept for the next runs) …\n`);
    await generateExport(input2gb, 2e9);
  }
  const r = measured(process.execPath, ['scripts/bench/preview-head.mjs', input2gb, '1000']);
  preview = { ...JSON.parse(r.stdout), rssMb: r.rssMb };
}

const f = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const one = runs[0];
const many = runs[runs.length - 1];
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}; load average at the start ${f(load, 2)}`);
console.log(`input: ${input}, ${f(mb)} MB, ${one.records.toLocaleString('en-US')} records`);
for (const r of runs) {
  console.log(
    `anonymise run, ${r.n} worker${r.n === 1 ? ' (main thread)' : 's'}, default policy, verified: ` +
      `${f(mb / r.seconds)} MB/s, ${f(r.records / r.seconds, 0)} records/s, ${f(r.seconds, 2)} s, peak RSS ${f(r.rssMb, 0)} MB`,
  );
}
if (runs.length > 1) {
  console.log(`speedup 1 → ${many.n} workers: ${f(one.seconds / many.seconds, 2)}×; outputs ${many.sha256 === one.sha256 ? 'byte-identical' : 'DIFFER (a bug)'}`);
}
console.log(`papaparse parse+unparse floor: ${f(mb / floorSeconds)} MB/s (${f(floorSeconds, 2)} s in-process), peak RSS ${f(floorRun.rssMb, 0)} MB`);
console.log(`ratio to the floor, ${many.n} worker${many.n === 1 ? '' : 's'}: ${f(floorSeconds / many.seconds, 3)}`);
if (preview) console.log(`first preview of ${preview.records.toLocaleString('en-US')} records of ${input2gb}: ${f(preview.seconds, 2)} s (job start to result), peak RSS ${f(preview.rssMb, 0)} MB`);
else console.log('first preview of a 2 GB file: not measured (pass --preview-2gb; it generates a 2 GB file once)');
