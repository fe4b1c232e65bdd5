// Bundles a TypeScript bench entry into out/bench/NAME.mjs (the Node bundle options the CLI uses) and runs it.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from '../node-bundle-options.mjs';

export async function bundleAndRun(entry, name, args) {
  await build({ ...NODE_BUNDLE_OPTIONS, entryPoints: { [name]: entry }, outdir: 'out/bench' });
  const r = spawnSync(process.execPath, [`out/bench/${name}.mjs`, ...args], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
