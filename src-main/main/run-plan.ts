/**
 * Where an export run from the app writes, inside the output folder the user chose: each input's anonymised copy
 * (its base name, or its stem with the chosen format's extension), the audit report (`<name>.report.json` and
 * `.html`, `<name>` the input's stem, or `export` for several inputs) and the hand-over package
 * (`anonymised-package.zip`). Nothing is ever written over an existing file: a plan that would is refused with the
 * name of the file in the way (never its folder).
 */
import { lstat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { IpcError, type ExportFormat } from '../../shared/ipc-contract';

export const PACKAGE_NAME = 'anonymised-package.zip';

export interface RunPlanOptions {
  readonly format?: ExportFormat;
  readonly report?: boolean;
  readonly package?: boolean;
}

export interface RunPlan {
  /** `outputs[i]` is where `inputs[i]`'s anonymised copy goes. */
  readonly outputs: readonly string[];
  readonly report?: { readonly json: string; readonly html: string };
  readonly package?: string;
}

export async function planRun(inputs: readonly string[], folder: string, options: RunPlanOptions = {}): Promise<RunPlan> {
  const outputs = inputs.map((input) => join(folder, outputName(input, options.format)));
  const name = inputs.length === 1 ? stem(inputs[0]!) : 'export';
  const report = options.report ? { json: join(folder, `${name}.report.json`), html: join(folder, `${name}.report.html`) } : undefined;
  const packagePath = options.package ? join(folder, PACKAGE_NAME) : undefined;
  const planned = [...outputs, ...(report ? [report.json, report.html] : []), ...(packagePath ? [packagePath] : [])];
  const names = planned.map((p) => basename(p));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new IpcError('conflict', `two files of this export would both be named ${twice}; rename an input first`);
  for (const path of planned) {
    if (await lstat(path).then(() => true, () => false)) {
      throw new IpcError('conflict', `${basename(path)} already exists in the output folder and is never replaced: choose another folder, or move it away first`);
    }
  }
  return { outputs, ...(report ? { report } : {}), ...(packagePath ? { package: packagePath } : {}) };
}

function outputName(input: string, format: ExportFormat | undefined): string {
  return format === undefined ? basename(input) : `${stem(input)}.${format}`;
}

/** The base name without its last extension (`tickets.csv` → `tickets`; a dot file keeps its name). */
function stem(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return ext === '' || ext === name ? name : name.slice(0, -ext.length);
}
