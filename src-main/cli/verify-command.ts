/**
 * `anonymise verify ORIGINAL... --against ANONYMISED...`: checks anonymised files against their originals before
 * they are shared (residual scan, survival check, structure check, and the re-identification risk), and exits 1 when
 * a check fails. The policy is replayed over the originals to learn what the run took out; nothing is written but
 * the optional JSON report.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SurvivalIndex } from '../../shared/verify/survival-index';
import { WrittenValues } from '../../shared/verify/written-values';
import { readKeyFile } from '../io/key-file';
import { InputError } from '../io/input-error';
import { replayPolicy } from '../jobs/replay-policy';
import { filePassed, verifyFile, type FileVerification } from '../jobs/verify-file';
import { survivalNotes } from '../jobs/verify-run';
import { withDetectPool } from '../pipeline/detect-pool';
import { COMMON_OPTION_SPEC, fileJob, readCommonOptions, UsageError } from './cli-options';
import type { CliContext } from './cli-context';
import { createProgressLine } from './progress-bar';
import { formatVerification, parseRiskOptions, RISK_OPTION_SPEC, writeJsonFile } from './verification-text';
import { VERIFY_USAGE } from './usage';

export async function verifyCommand(args: string[], ctx: CliContext): Promise<number> {
  const split = args.indexOf('--against');
  if (split < 0 && !args.includes('--help') && !args.includes('-h')) throw new UsageError('verify needs --against ANONYMISED... after the originals');
  const rest = split < 0 ? args : args.slice(0, split);
  let after = split < 0 ? [] : args.slice(split + 1);
  const end = after.findIndex((a) => a.startsWith('-'));
  const against = end < 0 ? after : after.slice(0, end);
  after = end < 0 ? [] : after.slice(end);
  const { values, positionals } = parseArgs({
    args: [...rest, ...after],
    allowPositionals: true,
    options: { ...COMMON_OPTION_SPEC, ...RISK_OPTION_SPEC, report: { type: 'string' }, key: { type: 'string' } },
  });
  if (values.help) {
    ctx.stdout.write(`${VERIFY_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('verify needs at least one ORIGINAL file');
  const pairs = await pairUp(positionals, against);
  const common = await readCommonOptions(values);
  const risk = parseRiskOptions(values);
  const progress = createProgressLine(ctx.stderr, !common.quiet);
  const inThread = fileJob(common, ctx.signal);

  const survival = new SurvivalIndex();
  const written = new WrittenValues();
  const key = values.key === undefined ? undefined : await readKeyFile(values.key, { onWarning: (m) => ctx.stderr.write(`warning: ${m}\n`) });
  const results = await withDetectPool(common.parallel, async (pool) => {
    const job = (path: string) => ({ ...inThread(path), ...(pool ? { batchDetector: pool } : {}) });
    progress.update('replaying the policy over the originals…');
    const replayed = await replayPolicy(pairs.map(([original]) => job(original)), { survival, written, ...(key ? { key } : {}) }).finally(() => progress.clear());
    const verified: FileVerification[] = [];
    for (const [i, [original, anonymised]] of pairs.entries()) {
      progress.update(`verifying ${anonymised}…`);
      const r = replayed[i]!;
      const result = await verifyFile({
        ...job(original),
        originalPath: original,
        anonymisedPath: anonymised,
        survival,
        written,
        droppedColumns: r.droppedColumns,
        mayDrop: (index, path) => r.drops.mayDrop(index, path),
        ...risk.forColumns(r.columns),
      }).finally(() => progress.clear());
      verified.push(result);
      ctx.stdout.write(formatVerification(result));
    }
    return verified;
  });
  const passed = results.every(filePassed);
  for (const note of survivalNotes(survival)) ctx.stdout.write(`note: ${note}\n`);
  if (!passed && key === undefined) {
    ctx.stderr.write("note: without the run's --key, pseudonyms shaped exactly like real values (IBANs, postal codes, case numbers) cannot be told from real ones and are listed as residual\n");
  }
  ctx.stdout.write(passed ? 'verification passed\n' : 'verification FAILED: do not share these files before every finding above is resolved\n');
  if (values.report !== undefined) {
    await writeJsonFile(values.report, { tool: { name: 'anonymise', version: ctx.version }, createdAt: new Date().toISOString(), passed, files: results });
    ctx.stdout.write(`report: ${values.report}\n`);
  }
  return passed ? 0 : 1;
}

/** ORIGINAL... with ANONYMISED... one to one, or with one folder holding files of the same names. */
async function pairUp(originals: readonly string[], against: readonly string[]): Promise<[string, string][]> {
  if (against.length === 1 && (await stat(against[0]!).then((s) => s.isDirectory(), () => false))) {
    return originals.map((o) => [o, join(against[0]!, basename(o))]);
  }
  if (against.length !== originals.length) {
    throw new UsageError(`verify pairs each ORIGINAL with one ANONYMISED file (or one folder): ${originals.length} originals, ${against.length} anonymised`);
  }
  for (const path of against) {
    if (!(await stat(path).then((s) => s.isFile(), () => false))) throw new InputError('no such file', path);
  }
  return originals.map((o, i) => [o, against[i]!]);
}
