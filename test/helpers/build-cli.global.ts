// Vitest global set-up: the CLI tests run the real `anonymise` command, so bundle it fresh first.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
