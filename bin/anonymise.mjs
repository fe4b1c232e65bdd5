#!/usr/bin/env node
// The `anonymise` command. The CLI is TypeScript, bundled to out/cli by `npm run build:cli`, which `npm ci` and
// `npm install` run on their own (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../out/cli/anonymise.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('anonymise: the CLI is not built yet; run `npm run build:cli` (npm install does it too)\n');
  process.exit(2);
}
await import(bundle.href);
