#!/usr/bin/env node
// The `anonymise` command. The CLI is TypeScript, bundled to out/cli by `npm run build:cli`, which `npm ci` and
// `npm install` run on their own (the `prepare` script).
//
// It runs the bundle in a child Node process with a heap limit (768 MiB, or ANONYMISE_HEAP_MB): V8 sizes its heap
// growth from that limit, and with the default (a quarter of the machine's memory) a multi-GB export makes the
// process hold far more memory than it uses. Signals are passed on, and the child's exit code is ours. A signal
// that cannot be passed on (SIGKILL of this process alone) still stops the child: it is told this process's id
// (ANONYMISE_PARENT_PID) and stops as if interrupted when it finds itself orphaned.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/cli/anonymise.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('anonymise: the CLI is not built yet; run `npm run build:cli` (npm install does it too)\n');
  process.exit(2);
}
const heapMb = Number(process.env.ANONYMISE_HEAP_MB ?? 768);
const userSetHeap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '');
const flags = userSetHeap || !(heapMb > 0) ? [] : [`--max-old-space-size=${heapMb}`];
const env = { ...process.env, ANONYMISE_PARENT_PID: String(process.pid) };
const child = spawn(process.execPath, [...flags, bundle, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // a Ctrl-C in a terminal reaches both processes; a signal sent to this one alone is passed on
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
});
