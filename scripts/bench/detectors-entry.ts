// Per-detector throughput on ticket free text (bundled and run by scripts/bench-detectors.mjs).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createDefaultRegistry, defaultDetectors } from '../../shared/detect/default-detectors';

const [file, limit] = [process.argv[2]!, Number(process.argv[3] ?? 20000)];
const rows = Papa.parse<string[]>(readFileSync(file, 'utf8')).data.slice(1).map((r) => r[0] ?? '').slice(0, limit);
const mb = rows.reduce((n, r) => n + r.length, 0) / 1e6;
const ctx = { field: 'description', defaultRegion: 'US' };
const results: [string, number][] = [];
for (const d of defaultDetectors()) {
  const t = performance.now();
  for (const r of rows) d.detect(r, ctx);
  results.push([d.id, mb / ((performance.now() - t) / 1000)]);
}
results.sort((a, b) => a[1] - b[1]);
for (const [id, v] of results) console.log(`${id.padEnd(20)} ${v.toFixed(1).padStart(8)} MB/s`);
const registry = createDefaultRegistry();
const t = performance.now();
for (const r of rows) registry.detect(r, ctx);
console.log(`${'whole registry'.padEnd(20)} ${(mb / ((performance.now() - t) / 1000)).toFixed(1).padStart(8)} MB/s over ${mb.toFixed(1)} MB of ticket text`);
