// `npm run bench:preview`: milliseconds to compute the review preview of 1,000 records again after each kind of
// review action (issue #7 asks for ≤ 200 ms). A figure, not a test.
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { generateExport } from './bench/generate-export.mjs';

const input = 'bench-data/support-export-20mb.csv';
mkdirSync('bench-data', { recursive: true });
if (!existsSync(input)) await generateExport(input, 20e6);
await build({
  entryPoints: ['scripts/bench/preview-entry.ts'],
  outfile: 'out/bench/preview.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
spawnSync(process.execPath, ['out/bench/preview.mjs', input, process.argv[2] ?? '1000'], { stdio: 'inherit' });
