// `npm run bench:peers [-- --size 5MB] [--workers N]`: the peer comparison of issue #8. On the same generated
// ticket text (bench-data/ticket-text-<size>.csv, one free-text column), runs redact-pii's SyncRedactor (a dev
// dependency; in-process: parse the CSV, redact each description, write the CSV) and our `anonymise run` (a child
// process: start-up, the known-value pass, detection, pseudonyms and the verification all included), and prints both
// throughputs, their ratio, and the share of the personal values the generator planted (names, e-mail addresses,
// phone numbers, IP addresses) that survive verbatim in each output. Figures, not tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import redactPii from 'redact-pii';
import { generateExport } from './bench/generate-export.mjs';

const { values } = parseArgs({ options: { size: { type: 'string', default: '5MB' }, workers: { type: 'string', default: String(availableParallelism()) } } });
const sizeMatch = /^(\d+(?:\.\d+)?)\s*(MB|KB)?$/i.exec(values.size);
if (!sizeMatch) throw new Error(`--size must look like 5MB, not ${values.size}`);
const target = Math.round(Number(sizeMatch[1]) * { KB: 1e3, MB: 1e6 }[(sizeMatch[2] ?? 'MB').toUpperCase()]);

const dir = 'bench-data';
mkdirSync(dir, { recursive: true });
const input = join(dir, `ticket-text-${values.size.toLowerCase()}.csv`);
// generated every time (it is deterministic: the same bytes for the same size), to learn what it planted per row
const planted = [];
await generateExport(input, target, { textOnly: true, onRow: (p) => planted.push(p) });
const mb = statSync(input).size / 1e6;
const text = readFileSync(input, 'utf8');

/** Of the planted values, how many are still there, verbatim, in the same row of `descriptions`. */
function survival(descriptions) {
  if (descriptions.length !== planted.length) throw new Error(`${descriptions.length} rows in an output, ${planted.length} generated`);
  let total = 0;
  let survived = 0;
  for (const [i, values] of planted.entries()) {
    for (const v of values) {
      total++;
      if (descriptions[i].includes(v)) survived++;
    }
  }
  return { total, survived, share: survived / total };
}

const descriptionsOf = (csv) => Papa.parse(csv, { header: true, skipEmptyLines: true }).data.map((r) => r.description);

// redact-pii, in-process
const redactor = new redactPii.SyncRedactor();
const peerStarted = performance.now();
const rows = Papa.parse(text, { header: true, skipEmptyLines: true }).data;
const peerOut = Papa.unparse(rows.map((r) => ({ description: redactor.redact(r.description) })), { newline: '\n' });
const peerSeconds = (performance.now() - peerStarted) / 1000;
const peerOutput = join(dir, 'peers-redact-pii.csv');
writeFileSync(peerOutput, peerOut);
const peer = survival(descriptionsOf(peerOut));

// ours, end to end
const ourOutput = join(dir, 'peers-anonymise.csv');
rmSync(ourOutput, { force: true });
const started = performance.now();
const r = spawnSync(process.execPath, ['bin/anonymise.mjs', 'run', input, '--out', ourOutput, '--workers', values.workers, '--quiet'], { encoding: 'utf8' });
const ourSeconds = (performance.now() - started) / 1000;
if (r.status !== 0) throw new Error(`anonymise run failed:\n${r.stderr}`);
const ours = survival(descriptionsOf(readFileSync(ourOutput, 'utf8')));
rmSync(ourOutput, { force: true });
rmSync(peerOutput, { force: true });

const f = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (s) => `${f(100 * s.share, 1)} % (${s.survived.toLocaleString('en-US')} of ${s.total.toLocaleString('en-US')})`;
console.log(`input: ${input}, ${f(mb)} MB, ${planted.length.toLocaleString('en-US')} rows; load average at the start ${f(loadavg()[0], 2)}`);
console.log(`redact-pii 3.4 SyncRedactor (in-process: parse, redact, unparse): ${f(mb / peerSeconds, 2)} MB/s, ${f(peerSeconds, 2)} s; planted values surviving: ${pct(peer)}`);
console.log(`anonymise run, ${values.workers} worker(s) (process start, known values, detection, pseudonyms, verification): ${f(mb / ourSeconds, 2)} MB/s, ${f(ourSeconds, 2)} s; planted values surviving: ${pct(ours)}`);
console.log(`throughput ratio, ours / redact-pii: ${f(peerSeconds / ourSeconds, 2)}`);
