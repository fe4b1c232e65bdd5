/**
 * `anonymise run INPUT... --out PATH`: anonymised copies of each input under one policy and one key (so a customer
 * gets the same pseudonym in every file), and optionally a JSON report, a saved profile and an encrypted vault.
 */
import { parseArgs } from 'node:util';
import { learnPackageKnownValues } from '../jobs/learn-package-known-values';
import { TEXT_ENCODINGS } from '../../shared/formats/text-encoding';
import { FieldTransformer } from '../../shared/transform/field-transformer';
import { KeyedHash } from '../../shared/transform/keyed-hash';
import { policyUsesKey } from '../../shared/transform/policy';
import { saveProfile } from '../../shared/transform/profile';
import { readKeyFile } from '../io/key-file';
import { obtainPassphrase, PASSPHRASE_ENV } from '../io/passphrase';
import { createVaultWriter, type VaultWriter } from '../io/vault-file';
import { assertNotAmong, planOutputs } from '../io/output-plan';
import { anonymiseFile, type AnonymiseFileResult } from '../jobs/anonymise-file';
import { buildRunReport } from '../jobs/run-report';
import { outputStatement, type AuditReport, type RiskSummary } from '../jobs/audit-report';
import { renderAuditReportHtml } from '../jobs/audit-report-html';
import { riskSummary, verificationSummary, verifyRun } from '../jobs/verify-run';
import { DropLog } from '../../shared/verify/drop-log';
import { SurvivalIndex } from '../../shared/verify/survival-index';
import { WrittenValues } from '../../shared/verify/written-values';
import { assertNewPackage, writePackage } from './data-package';
import { formatVerification, parseRiskOptions, RISK_OPTION_SPEC, writeJsonFile, writeTextFile } from './verification-text';
import { COMMON_OPTION_SPEC, fileJob, oneOf, readCommonOptions, UsageError } from './cli-options';
import type { CliContext } from './cli-context';
import { createProgressLine, formatProgress } from './progress-bar';
import { formatRunLine } from './summary-text';
import { RUN_USAGE } from './usage';

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
  // every original that leaves the output, hashed: the verification checks that none is left in it
  const survival = new SurvivalIndex();
  // and every pseudonym written, so that fakes shaped exactly like real values are recognised as ours
  const written = new WrittenValues();
  const transformer = new FieldTransformer({
    policy: common.policy,
    key,
    onTransformed: (type, original) => survival.add(type, original),
    onPseudonym: (type, pseudonym, original) => {
      written.add(pseudonym);
      vault?.add(type, pseudonym, original);
    },
  });
  const drops: DropLog[] = [];

  const progress = createProgressLine(ctx.stderr, !common.quiet);
  const job = fileJob(common, ctx.signal);
  const results: AnonymiseFileResult[] = [];
  try {
    // first pass: the identity columns of every input, so each requester is found in every record of the package
    const known = await learnPackageKnownValues(
      plan.map(({ input }) => ({ ...job(input), onProgress: (p) => progress.update(formatProgress(`${input} (known values)`, p)) })),
    ).finally(() => progress.clear());
    for (const { input, output } of plan) {
      const dropLog = new DropLog();
      drops.push(dropLog);
      const result = await anonymiseFile({
        ...job(input),
        known,
        outputPath: output,
        outputEncoding,
        transformer,
        ...(vault ? { afterBatch: () => vault.drain() } : {}),
        onFieldsDropped: (record, paths) => dropLog.add(record.index ?? -1, paths),
        onProgress: (p) => progress.update(formatProgress(input, p)),
      }).finally(() => progress.clear());
      results.push(result);
      for (const w of result.warnings) {
        ctx.stderr.write(`warning: ${input}, line ${w.line}${w.record !== undefined ? `, record ${w.record}` : ''}: ${w.message}\n`);
      }
      ctx.stdout.write(`${formatRunLine(input, output, result.summary)}\n`);
    }
    await vault?.commit();
  } catch (error) {
    await vault?.abort();
    throw error;
  }
  if (vault) ctx.stdout.write(`vault: ${vault.path}\n`);

  // every output is checked before anyone shares it
  const verified = await verifyRun({
    policy: common.policy,
    detect: common.registry.detect.bind(common.registry),
    results,
    drops,
    survival,
    written,
    risk,
    onMalformedRow: common.onMalformedRow,
    signal: ctx.signal,
    onFile: (path) => progress.update(`verifying ${path}…`),
  }).finally(() => progress.clear());
  for (const v of verified) ctx.stdout.write(formatVerification(v));
  const verification = verificationSummary(verified, survival);
  for (const note of verification.notes ?? []) ctx.stdout.write(`note: ${note}\n`);

  const report: AuditReport = {
    ...buildRunReport(ctx.version, common.policy, results, { fingerprint: key.fingerprint(), ephemeral: key.ephemeral }, transformer.counts()),
    verification,
    ...withRisk(riskSummary(verified, risk.targetK)),
    reviewerDecisions: { allowlisted: common.policy.allow.length, addedTerms: common.policy.deny.length + common.policy.detectors.length, acknowledgements: [] },
    statement: outputStatement({ usesKey: policyUsesKey(common.policy), vault: vault !== undefined, targetK: risk.targetK, ...smallestK(verified) }),
  };
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
    if (verification.passed) {
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
  ctx.stdout.write(verification.passed ? 'verification passed\n' : 'verification FAILED: do not share these files before every finding above is resolved\n');
  // The outputs are written either way. A failed verification fails the command when it had to gate something: a
  // package, or --strict. Otherwise the run succeeded at what it was asked (pipelines that only transform, such as
  // the evaluation scorer, keep working), and the failure stands in the output above and in the report.
  const gated = values.strict === true || values.package !== undefined;
  return verification.passed || !gated ? 0 : 1;
}

/** The smallest k over the files whose risk was checked, for the report's statement. */
function smallestK(files: readonly { readonly risk?: { readonly k: number } }[]): { k?: number } {
  const ks = files.flatMap((f) => (f.risk ? [f.risk.k] : []));
  return ks.length > 0 ? { k: Math.min(...ks) } : {};
}

function withRisk(risk: RiskSummary | undefined): { risk?: RiskSummary } {
  return risk ? { risk } : {};
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

