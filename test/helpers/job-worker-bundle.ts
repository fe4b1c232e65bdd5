/**
 * The app's job worker (src-main/jobs/job-worker.ts) bundled with esbuild into `outDir`, for tests that run real
 * jobs, with the detection worker the jobs start found beside it, as in the app.
 */
import { join } from 'node:path';
import { build } from 'esbuild';

export async function buildJobWorker(outDir: string): Promise<string> {
  await build({
    entryPoints: { 'job-worker': 'src-main/jobs/job-worker.ts', 'detect-worker': 'src-main/pipeline/detect-worker.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    loader: { '.json': 'json' },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(outDir, 'job-worker.mjs');
}
