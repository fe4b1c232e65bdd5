// Global set-up for vitest and Playwright: every temp folder a test makes (its own, the CLI's, a library's) goes under one folder per
// run, which the teardown removes. Test workers, the CLI processes and browsers they start inherit TMPDIR, so nothing is left
// in the OS temp folder even when a worker exits without running its own clean-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'anonymise-vitest-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
