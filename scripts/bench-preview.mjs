// `npm run bench:preview`: milliseconds to compute the review preview of 1,000 records again after each kind of
// review action (issue #7 asks for ≤ 200 ms). A figure, not a test.
import { existsSync, mkdirSync } from 'node:fs';
import { bundleAndRun } from './bench/bundle-and-run.mjs';
import { generateExport } from './bench/generate-export.mjs';

const input = 'bench-data/support-export-20mb.csv';
mkdirSync('bench-data', { recursive: true });
if (!existsSync(input)) await generateExport(input, 20e6);
await bundleAndRun('scripts/bench/preview-entry.ts', 'preview', [input, process.argv[2] ?? '1000']);
