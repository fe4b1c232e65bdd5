// Bundles the CLI (src-main/cli) into out/cli/anonymise.mjs with esbuild. Runs on `npm ci` / `npm install`
// (the `prepare` script), so `npx anonymise` works right after set-up. Dependencies stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { anonymise: 'src-main/cli/cli-main.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
