/**
 * `run --package DIR`: the folder to hand over: the anonymised files, `report.json`, `report.html` and the profile
 * that reproduces the run. Never the key, never the vault. It is assembled in a hidden folder beside DIR and renamed
 * into place only when complete, and only after the verification passed, so a package either is whole and verified
 * or does not exist.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../io/input-error';
import { describeFsError } from '../io/text-input';
import { renderAuditReportHtml } from '../jobs/audit-report-html';
import type { AuditReport } from '../jobs/audit-report';

/** DIR must not exist yet (a package never replaces anything) and must not be an input. */
export async function assertNewPackage(dir: string, inputs: readonly string[]): Promise<void> {
  if (await lstat(dir).then(() => true, () => false)) {
    throw new InputError('already exists; a package is never written into or over an existing path (choose a new folder name)', dir);
  }
  if (inputs.some((i) => resolve(i) === resolve(dir))) throw new InputError('the package would overwrite an input', dir);
}

export async function writePackage(dir: string, outputs: readonly string[], report: AuditReport): Promise<void> {
  await assertNewPackage(dir, []);
  const names = outputs.map((o) => basename(o));
  const clash = names.find((n, i) => names.indexOf(n) !== i || ['report.json', 'report.html', 'profile.json'].includes(n));
  if (clash !== undefined) throw new InputError(`two files of the package would both be named "${clash}"`, dir);
  const staging = join(dirname(resolve(dir)), `.${basename(dir)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await mkdir(staging, { mode: 0o700 });
    for (const [i, output] of outputs.entries()) await copyFile(output, join(staging, names[i]!));
    await writeFile(join(staging, 'report.json'), `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
    await writeFile(join(staging, 'report.html'), renderAuditReportHtml(report), { mode: 0o600 });
    await writeFile(join(staging, 'profile.json'), `${JSON.stringify(report.profile, null, 2)}\n`, { mode: 0o600 });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error instanceof InputError ? error : new InputError(`cannot write the package: ${describeFsError(error)}`, dir);
  }
}
