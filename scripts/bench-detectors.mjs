// `npm run bench:detectors`: MB/s of each detector, and of the whole registry, on generated ticket free text.
import { existsSync, mkdirSync } from 'node:fs';
import { bundleAndRun } from './bench/bundle-and-run.mjs';
import { generateExport } from './bench/generate-export.mjs';

const input = 'bench-data/ticket-text-20mb.csv';
mkdirSync('bench-data', { recursive: true });
if (!existsSync(input)) await generateExport(input, 20e6, { textOnly: true });
await bundleAndRun('scripts/bench/detectors-entry.ts', 'detectors', [input, process.argv[2] ?? '20000']);
