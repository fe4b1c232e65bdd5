// `npm run bench:detectors`: MB/s of each detector, and of the whole registry, on generated ticket free text.
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { generateExport } from './bench/generate-export.mjs';

const input = 'bench-data/ticket-text-20mb.csv';
mkdirSync('bench-data', { recursive: true });
if (!existsSync(input)) await generateExport(input, 20e6, { textOnly: true });
await build({
  entryPoints: ['scripts/bench/detectors-entry.ts'],
  outfile: 'out/bench/detectors.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
spawnSync(process.execPath, ['out/bench/detectors.mjs', input, process.argv[2] ?? '20000'], { stdio: 'inherit' });
