/**
 * Decides where each input's anonymised copy goes, and refuses any plan that could overwrite an input or write two
 * outputs to one place. With one input, `--out` is a file (or an existing folder); with several, a folder.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from './input-error';
import { describeFsError } from './text-input';

export interface PlannedOutput {
  readonly input: string;
  readonly output: string;
}

export async function planOutputs(inputs: readonly string[], out: string): Promise<PlannedOutput[]> {
  if (inputs.length === 0) throw new InputError('no input file given');
  const outStat = await stat(out).catch(() => undefined);
  const outIsFolder = outStat?.isDirectory() || out.endsWith('/') || out.endsWith(sep) || inputs.length > 1;
  if (inputs.length > 1 && outStat && !outStat.isDirectory()) {
    throw new InputError('with several inputs, --out must be a folder', out);
  }
  if (outIsFolder && !outStat) {
    await mkdir(out, { recursive: true }).catch((error: unknown) => {
      throw new InputError(`cannot create the output folder: ${describeFsError(error)}`, out);
    });
  }
  const plan = inputs.map((input) => ({ input, output: outIsFolder ? join(out, basename(input)) : out }));

  const inputIds = await Promise.all(inputs.map((input) => fileIdentity(input)));
  const seen = new Map<string, string>();
  for (const { input, output } of plan) {
    const parent = await stat(dirname(resolve(output))).catch(() => undefined);
    if (!parent?.isDirectory()) throw new InputError('the folder to write into does not exist', output);
    const outputId = await fileIdentity(output);
    const clash = inputs.find((_, i) => outputId !== undefined && inputIds[i] === outputId);
    if (clash !== undefined) throw new InputError(`refusing to overwrite the input ${clash}`, output);
    const key = outputId ?? resolve(output);
    const other = seen.get(key);
    if (other !== undefined) throw new InputError(`${other} and ${input} would both be written here; give them different names`, output);
    seen.set(key, input);
  }
  return plan;
}

/** For a side file (report, findings): refuses a path that is one of the inputs or outputs. */
export async function assertNotAmong(path: string, files: readonly string[], what: string): Promise<void> {
  const id = await fileIdentity(path);
  for (const file of files) {
    if (id !== undefined && (await fileIdentity(file)) === id) throw new InputError(`${what} would overwrite ${file}`, path);
  }
  const parent = await stat(dirname(resolve(path))).catch(() => undefined);
  if (!parent?.isDirectory()) throw new InputError('the folder to write into does not exist', path);
}

/** Device and inode of an existing file (so links and different spellings of one path compare equal), else its real path. */
async function fileIdentity(path: string): Promise<string | undefined> {
  const s = await stat(path).catch(() => undefined);
  if (s) return `${s.dev}:${s.ino}`;
  const parent = await realpath(dirname(resolve(path))).catch(() => undefined);
  return parent === undefined ? undefined : join(parent, basename(path));
}
