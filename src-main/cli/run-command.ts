/**
 * `anonymise run INPUT... --out PATH`: anonymised copies of each input under one policy and one key (so a customer
 * gets the same pseudonym in every file), and optionally a JSON report, a saved profile and an encrypted vault.
 */
import { parseArgs } from 'node:util';
import { TEXT_ENCODINGS } from '../../shared/formats/text-encoding';
import { KeyedHash } from '../../shared/transform/keyed-hash';
import { policyUsesKey } from '../../shared/transform/policy';
import { saveProfile } from '../../shared/transform/profile';
import { readKeyFile } from '../io/key-file';
import { assertNotAmong, planOutputs } from '../io/output-plan';
import { obtainPassphrase, PASSPHRASE_ENV } from '../io/passphrase';
import { createVaultWriter, type VaultWriter } from '../io/vault-file';
import { renderAuditReportHtml } from '../jobs/audit-report-html';
import { runPackage } from '../jobs/run-package';
import { COMMON_OPTION_SPEC, oneOf, readCommonOptions, UsageError } from './cli-options';
import type { CliContext } from './cli-context';
import { assertNewPackage, writePackage } from './data-package';
import { createProgressLine, formatProgress } from './progress-bar';
import { formatRunLine } from './summary-text';
import { RUN_USAGE } from './usage';
import { formatVerification, parseRiskOptions, RISK_OPTION_SPEC, writeJsonFile, writeTextFile } from './verification-text';

export async function runCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTION_SPEC,
      out: { type: 'string', short: 'o' },
      report: { type: 'string' },
      'output-encoding': { type: 'string' },
      key: { type: 'string' },
      'save-profile': { type: 'string' },
      vault: { type: 'string' },
      'vault-passphrase-file': { type: 'string' },
      package: { type: 'string' },
      strict: { type: 'boolean' },
      'keep-formulas': { type: 'boolean' },
      ...RISK_OPTION_SPEC,
    },
  });
  if (values.help) {
    ctx.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('run needs at least one INPUT file');
  if (values.out === undefined) throw new UsageError('run needs --out PATH (an output file, or a folder for several inputs)');
  const common = await readCommonOptions(values);
  const risk = parseRiskOptions(values);
  const outputEncoding = oneOf(values['output-encoding'], TEXT_ENCODINGS, 'output-encoding');
  const plan = await planOutputs(positionals, values.out);
  const taken = [...positionals, ...plan.map((p) => p.output)];
  const reportHtml = values.report !== undefined ? htmlReportPath(values.report) : undefined;
  if (values.report !== undefined) await assertNotAmong(values.report, taken, 'the report');
  if (reportHtml !== undefined) await assertNotAmong(reportHtml, taken, 'the HTML report');
  if (values.package !== undefined) await assertNewPackage(values.package, taken);
  if (values['save-profile'] !== undefined) await assertNotAmong(values['save-profile'], [...taken, ...(values.report ? [values.report] : [])], 'the saved profile');
  if (values.key !== undefined) await assertNotAmong(values.key, plan.map((p) => p.output), 'the key file');
  const key = values.key !== undefined ? await loadKey(values.key, ctx) : KeyedHash.random();
  const vault = await openVault(values, [...taken, ...(values.report ? [values.report] : []), ...(values.key ? [values.key] : [])], ctx);
  const progress = createProgressLine(ctx.stderr, !common.quiet);
  const { report, passed, results } = await runPackage({
    inputs: plan.map((p) => p.input),
    outputs: plan.map((p) => p.output),
    policy: common.policy,
    key,
    version: ctx.version,
    registry: common.registry,
    ...(vault ? { vault } : {}),
    risk,
    ...(common.format ? { format: common.format } : {}),
    ...(common.encoding ? { encoding: common.encoding } : {}),
    ...(outputEncoding ? { outputEncoding } : {}),
    onMalformedRow: common.onMalformedRow,
    ...(common.maxRecordChars !== undefined ? { maxRecordChars: common.maxRecordChars } : {}),
    ...(values['keep-formulas'] ? { neutraliseFormulas: false } : {}),
    parallel: common.parallel,
    signal: ctx.signal,
    onProgress: (stage, file, p) => progress.update(stage === 'verify' ? `verifying ${file}…` : formatProgress(stage === 'known-values' ? `${file} (known values)` : file, p)),
    onFileDone: (result) => {
      progress.clear();
      for (const w of result.warnings) {
        ctx.stderr.write(`warning: ${result.input.path}, line ${w.line}${w.record !== undefined ? `, record ${w.record}` : ''}: ${w.message}\n`);
      }
      ctx.stdout.write(`${formatRunLine(result.input.path, result.output.path, result.summary, result.formulaCellsNeutralised)}\n`);
    },
    onVerified: (v) => {
      progress.clear();
      ctx.stdout.write(formatVerification(v));
    },
  }).finally(() => progress.clear());
  if (vault) ctx.stdout.write(`vault: ${vault.path}\n`);
  for (const note of report.verification?.notes ?? []) ctx.stdout.write(`note: ${note}\n`);

  if (values.report !== undefined && reportHtml !== undefined) {
    await writeJsonFile(values.report, report);
    await writeTextFile(reportHtml, renderAuditReportHtml(report));
    ctx.stdout.write(`report: ${values.report}, ${reportHtml}\n`);
  }
  if (values['save-profile'] !== undefined) {
    await writeJsonFile(values['save-profile'], saveProfile(common.policy));
    ctx.stdout.write(`profile: ${values['save-profile']}\n`);
  }
  if (values.package !== undefined) {
    if (passed) {
      await writePackage(values.package, results.map((r) => r.output.path), report);
      ctx.stdout.write(`package: ${values.package}\n`);
    } else {
      ctx.stderr.write(`no package written: the verification failed (see above${values.report ? ` and ${reportHtml}` : ''})\n`);
    }
  }
  if (key.ephemeral && policyUsesKey(common.policy)) {
    ctx.stderr.write(
      'note: no --key given, so this run uses a fresh random key: pseudonyms are consistent within this run only.\n' +
        "      Create a key with 'anonymise key new FILE' and pass --key FILE to make runs reproducible.\n",
    );
  }
  ctx.stdout.write(passed ? 'verification passed\n' : 'verification FAILED: do not share these files before every finding above is resolved\n');
  // The outputs are written either way. A failed verification fails the command when it had to gate something: a
  // package, or --strict. Otherwise the run succeeded at what it was asked (pipelines that only transform, such as
  // the evaluation scorer, keep working), and the failure stands in the output above and in the report.
  const gated = values.strict === true || values.package !== undefined;
  return passed || !gated ? 0 : 1;
}

/** `--report FILE.json` also writes `FILE.html`. */
function htmlReportPath(report: string): string {
  return report.toLowerCase().endsWith('.json') ? `${report.slice(0, -5)}.html` : `${report}.html`;
}

/** `--vault FILE`: the encrypted map from each pseudonym back to its original, for authorised staff. */
async function openVault(
  values: { vault?: string; 'vault-passphrase-file'?: string },
  taken: readonly string[],
  ctx: CliContext,
): Promise<VaultWriter | undefined> {
  if (values.vault === undefined) {
    if (values['vault-passphrase-file'] !== undefined) throw new UsageError('--vault-passphrase-file needs --vault FILE');
    return undefined;
  }
  await assertNotAmong(values.vault, taken, 'the vault');
  const passphrase = await obtainPassphrase({ file: values['vault-passphrase-file'], env: process.env, stdin: process.stdin, prompt: ctx.stderr });
  if (passphrase === undefined) {
    throw new UsageError(`--vault needs a passphrase: --vault-passphrase-file FILE, the ${PASSPHRASE_ENV} environment variable, or a terminal to type it`);
  }
  const vault = await createVaultWriter(values.vault, passphrase);
  ctx.stderr.write('note: with the vault, pseudonyms can be turned back into originals: the output stays personal data under the GDPR.\n');
  return vault;
}

async function loadKey(path: string, ctx: CliContext): Promise<KeyedHash> {
  return readKeyFile(path, { onWarning: (message) => ctx.stderr.write(`warning: ${message}\n`) });
}

