// `npm run bench [-- --size 200MB]`: generates a synthetic support export, runs `anonymise run` on it end to end,
// and, in the same run, papaparse's parse + unparse alone on the same file (the floor). Prints MB/s, records/s and
// peak RSS. Benchmarks are figures, not tests: nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateExport } from './bench/generate-export.mjs';

const { values } = parseArgs({ options: { size: { type: 'string', default: '200MB' }, keep: { type: 'boolean' } } });
const sizeMatch = /^(\d+(?:\.\d+)?)\s*(MB|GB|KB)?$/i.exec(values.size);
if (!sizeMatch) throw new Error(`--size must look like 200MB or 1GB, not ${values.size}`);
const factor = { KB: 1e3, MB: 1e6, GB: 1e9 }[(sizeMatch[2] ?? 'MB').toUpperCase()];
const target = Math.round(Number(sizeMatch[1]) * factor);

const dir = 'bench-data';
mkdirSync(dir, { recursive: true });
const input = join(dir, `support-export-${values.size.toLowerCase()}.csv`);
if (!existsSync(input)) {
  process.stderr.write(`generating ${input} …\n`);
  await generateExport(input, target);
}
const textInput = join(dir, `ticket-text-${values.size.toLowerCase()}.csv`);
if (!existsSync(textInput)) {
  process.stderr.write(`generating ${textInput} …\n`);
  await generateExport(textInput, Math.min(target, 100e6), { textOnly: true });
}
const bytes = statSync(input).size;
const mb = bytes / 1e6;

/** Runs a command under GNU time for its peak RSS, where that exists. */
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

const out = join(dir, 'out.csv');
rmSync(out, { force: true });
const run = measured(process.execPath, ['bin/anonymise.mjs', 'run', input, '--out', out, '--quiet']);
const records = Number(/([\d,]+) records/.exec(run.stdout)?.[1].replaceAll(',', '') ?? NaN);
const scan = measured(process.execPath, ['bin/anonymise.mjs', 'scan', textInput, '--quiet']);
const textMb = statSync(textInput).size / 1e6;
const floorRun = measured(process.execPath, ['scripts/bench/papaparse-floor.mjs', input, join(dir, 'floor.csv')]);
const floorSeconds = JSON.parse(floorRun.stdout).seconds;
if (!values.keep) rmSync(join(dir, 'floor.csv'), { force: true });
rmSync(out, { force: true });

const f = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}`);
console.log(`input: ${input}, ${f(mb)} MB, ${records.toLocaleString('en-US')} records`);
console.log(`anonymise run (1 process, default policy, verified):   ${f(mb / run.seconds)} MB/s, ${f(records / run.seconds, 0)} records/s, ${f(run.seconds, 2)} s, peak RSS ${f(run.rssMb, 0)} MB`);
console.log(`anonymise scan of ticket free text only (${f(textMb)} MB):          ${f(textMb / scan.seconds)} MB/s, ${f(scan.seconds, 2)} s, peak RSS ${f(scan.rssMb, 0)} MB`);
console.log(`papaparse parse+unparse floor:                         ${f(mb / floorSeconds)} MB/s (${f(floorSeconds, 2)} s in-process), peak RSS ${f(floorRun.rssMb, 0)} MB`);
console.log(`ratio to the floor: ${f(floorSeconds / run.seconds, 2)}`);
