// Per-detector throughput on ticket free text (bundled and run by scripts/bench-detectors.mjs).
//
// Each detector, and then the whole registry, first runs once over other rows of the same file (so the figures are
// for compiled code and filled caches, as in a long export, not for the first seconds of a run), then once (each
// detector) or five times (the registry: the median is printed) over the measured rows. The registry is measured
// twice: on the rows as papaparse returns them, and on the same rows as slices of a two-byte string, which is what
// the CSV reader hands the pipeline whenever a chunk holds a character above U+00FF.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createDefaultRegistry, defaultDetectors } from '../../shared/detect/default-detectors';
import type { DetectContext } from '../../shared/detect/finding';

const [file, limit] = [process.argv[2]!, Number(process.argv[3] ?? 20000)];
const all = Papa.parse<string[]>(readFileSync(file, 'utf8')).data.slice(1).map((r) => r[0] ?? '');
const rows = all.slice(0, limit);
// warm-up rows: others where the file has enough, else the measured rows themselves
const warm = all.length >= 2 * limit ? all.slice(limit, limit + Math.min(limit, 5000)) : rows;
const mb = rows.reduce((n, r) => n + r.length, 0) / 1e6;
const ctx: DetectContext = { field: 'description', defaultRegion: 'US' };

/** MB/s of one pass of `detect` over `texts`, after one pass over the warm-up rows. */
function throughput(detect: (text: string) => unknown, texts: readonly string[]): number {
  for (const r of warm) detect(r);
  const t = performance.now();
  for (const r of texts) detect(r);
  return mb / ((performance.now() - t) / 1000);
}

const results: [string, number][] = defaultDetectors().map((d) => [d.id, throughput((r) => d.detect(r, ctx), rows)]);
results.sort((a, b) => a[1] - b[1]);
for (const [id, v] of results) console.log(`${id.padEnd(20)} ${v.toFixed(1).padStart(8)} MB/s`);

/**
 * The registry, the figure issue #3 sets a goal for, is measured over PASSES passes: on a shared machine one pass
 * moves by ±20 % from run to run, the median of five far less. The best pass is printed too.
 */
const PASSES = 5;
function passes(detect: (text: string) => unknown, texts: readonly string[]): { median: number; best: number } {
  for (const r of warm) detect(r);
  const figures: number[] = [];
  for (let k = 0; k < PASSES; k++) {
    const t = performance.now();
    for (const r of texts) detect(r);
    figures.push(mb / ((performance.now() - t) / 1000));
  }
  figures.sort((a, b) => a - b);
  return { median: figures[PASSES >> 1]!, best: figures[PASSES - 1]! };
}
const registry = createDefaultRegistry();
const line = (label: string, v: { median: number; best: number }) =>
  console.log(`${label.padEnd(20)} ${v.median.toFixed(1).padStart(8)} MB/s over ${mb.toFixed(1)} MB of ticket text (median of ${PASSES} passes; best ${v.best.toFixed(1)})`);
line('whole registry', passes((r) => registry.detect(r, ctx), rows));
// The same rows cut out of one string that holds a character above U+00FF.
const joined = `\u2019${rows.join('')}`;
let at = 1;
const twoByte = rows.map((r) => joined.slice(at, (at += r.length)));
line('  two-byte fields', passes((r) => registry.detect(r, ctx), twoByte));
