/**
 * electron-vite 6 build: `npx electron-vite build`
 *   main     src-main/main/index.ts     -> out/main/index.js     (ESM, package.json "type": "module")
 *            src-main/jobs/job-worker.ts -> out/main/job-worker.js (the jobs' worker thread)
 *            src-main/pipeline/detect-worker.ts -> out/main/detect-worker.js (the detection threads a job starts)
 *   preload  src-main/preload/index.ts  -> out/preload/index.cjs (CommonJS: sandboxed preloads cannot be ESM)
 *   renderer src-renderer/index.html    -> out/renderer/         (React)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: {
        // the main process, the worker thread its jobs run in (createJobRunner finds it beside index.js), and the
        // detection threads a job starts (createDetectPool finds them beside job-worker.js)
        entry: {
          index: resolve(root, 'src-main/main/index.ts'),
          'job-worker': resolve(root, 'src-main/jobs/job-worker.ts'),
          'detect-worker': resolve(root, 'src-main/pipeline/detect-worker.ts'),
        },
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
      },
    },
  },
  preload: {
    define: {
      __APP_VERSION__: JSON.stringify(pkg.version),
    },
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can only require('electron') and a few builtins,
      // so bundle everything into one self-contained CommonJS file.
      externalizeDeps: false,
      lib: {
        entry: resolve(root, 'src-main/preload/index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: resolve(root, 'src-renderer/index.html'),
      },
    },
  },
});
