/**
 * `run --package DIR`: the folder to hand over: the anonymised files, `report.json`, `report.html` and the profile
 * that reproduces the run. Never the key, never the vault. It is assembled in a hidden folder beside DIR and renamed
 * into place only when complete, and only after the verification passed, so a package either is whole and verified
 * or does not exist. `--package NAME.zip` writes the same files as one zip archive instead (streamed through
 * fflate's deflate, one megabyte at a time, into a temp file renamed into place when complete).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { InputError } from '../io/input-error';
import { createAtomicNewFile } from '../io/atomic-file';
import { describeFsError } from '../io/text-input';
import { journalAdd, journalRemove } from '../io/write-journal';
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
  if (dir.toLowerCase().endsWith('.zip')) {
    await writeZipPackage(dir, outputs, names, report);
    return;
  }
  const staging = join(dirname(resolve(dir)), `.${basename(dir)}.${randomBytes(6).toString('hex')}.partial`);
  journalAdd(staging);
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
  } finally {
    journalRemove(staging);
  }
}

const CHUNK_BYTES = 1 << 20;

async function writeZipPackage(path: string, outputs: readonly string[], names: readonly string[], report: AuditReport): Promise<void> {
  const file = await createAtomicNewFile(path, 'a package');
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else pending.push(data);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const data of pending.splice(0)) await file.write(data);
  };
  try {
    for (const [i, output] of outputs.entries()) {
      const entry = new ZipDeflate(names[i]!, { level: 6 });
      zip.add(entry);
      const handle = await open(output, 'r');
      try {
        const buffer = new Uint8Array(CHUNK_BYTES);
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
          entry.push(buffer.slice(0, bytesRead), bytesRead === 0);
          await flush();
          if (bytesRead === 0) break;
        }
      } finally {
        await handle.close();
      }
    }
    const texts: [string, string][] = [
      ['report.json', `${JSON.stringify(report, null, 2)}\n`],
      ['report.html', renderAuditReportHtml(report)],
      ['profile.json', `${JSON.stringify(report.profile, null, 2)}\n`],
    ];
    for (const [name, text] of texts) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(new TextEncoder().encode(text), true);
      await flush();
    }
    zip.end();
    await flush();
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error instanceof InputError ? error : new InputError(`cannot write the package: ${describeFsError(error)}`, path);
  }
}
