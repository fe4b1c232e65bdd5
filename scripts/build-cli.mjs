// Bundles the CLI (src-main/cli) into out/cli/anonymise.mjs with esbuild. Runs on `npm ci` / `npm install`
// (the `prepare` script), so `npx anonymise` works right after set-up. Dependencies stay in node_modules; the
// gazetteer data (shared/detect/data/gazetteers.generated.json) is built first if it is missing, and bundled.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from './node-bundle-options.mjs';

if (!existsSync('shared/detect/data/gazetteers.generated.json')) {
  const r = spawnSync(process.execPath, ['scripts/build-gazetteers.mjs', '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Large JSON (the gazetteers) is bundled as `JSON.parse('…')` rather than as an object literal: V8 parses a JSON
 * string much faster, and without keeping a multi-megabyte literal's source and bytecode in memory.
 */
const jsonAsParsedString = {
  name: 'json-as-parsed-string',
  setup(b) {
    b.onLoad({ filter: /\.generated\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

await build({
  // the CLI, and the detection worker threads it starts (detect-pool.ts finds detect-worker.mjs beside anonymise.mjs)
  entryPoints: { anonymise: 'src-main/cli/cli-main.ts', 'detect-worker': 'src-main/pipeline/detect-worker.ts' },
  outdir: 'out/cli',
  ...NODE_BUNDLE_OPTIONS,
  plugins: [jsonAsParsedString],
  sourcemap: true,
});
