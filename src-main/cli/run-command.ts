/** `anonymise run INPUT... --out PATH`: anonymised copies of each input, and optionally a JSON report. */
import { parseArgs } from 'node:util';
import { learnPackageKnownValues } from '../jobs/learn-package-known-values';
import { createPolicyRegistry } from '../../shared/pipeline/policy-registry';
import { TEXT_ENCODINGS } from '../../shared/formats/text-encoding';
import { createAtomicFile } from '../io/atomic-file';
import { assertNotAmong, planOutputs } from '../io/output-plan';
import { anonymiseFile, type AnonymiseFileResult } from '../jobs/anonymise-file';
import { buildRunReport } from '../jobs/run-report';
import { COMMON_OPTION_SPEC, oneOf, readCommonOptions, UsageError } from './cli-options';
import type { CliContext } from './cli-context';
import { createProgressLine, formatProgress } from './progress-bar';
import { formatRunLine } from './summary-text';
import { RUN_USAGE } from './usage';

export async function runCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTION_SPEC, out: { type: 'string', short: 'o' }, report: { type: 'string' }, 'output-encoding': { type: 'string' } },
  });
  if (values.help) {
    ctx.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('run needs at least one INPUT file');
  if (values.out === undefined) throw new UsageError('run needs --out PATH (an output file, or a folder for several inputs)');
  const common = await readCommonOptions(values);
  const outputEncoding = oneOf(values['output-encoding'], TEXT_ENCODINGS, 'output-encoding');
  const plan = await planOutputs(positionals, values.out);
  if (values.report !== undefined) await assertNotAmong(values.report, [...positionals, ...plan.map((p) => p.output)], 'the report');

  const registry = createPolicyRegistry(common.policy);
  const detect = registry.detect.bind(registry);
  const progress = createProgressLine(ctx.stderr, !common.quiet);
  const job = (input: string) => ({
    inputPath: input,
    policy: common.policy,
    detect,
    format: common.format,
    encoding: common.encoding,
    onMalformedRow: common.onMalformedRow,
    signal: ctx.signal,
  });
  // first pass: the identity columns of every input, so each requester is found in every record of the package
  const known = await learnPackageKnownValues(
    plan.map(({ input }) => ({ ...job(input), onProgress: (p) => progress.update(formatProgress(`${input} (known values)`, p)) })),
  ).finally(() => progress.clear());
  const results: AnonymiseFileResult[] = [];
  for (const { input, output } of plan) {
    const result = await anonymiseFile({
      ...job(input),
      known,
      outputPath: output,
      outputEncoding,
      onProgress: (p) => progress.update(formatProgress(input, p)),
    }).finally(() => progress.clear());
    results.push(result);
    for (const w of result.warnings) {
      ctx.stderr.write(`warning: ${input}, line ${w.line}${w.record !== undefined ? `, record ${w.record}` : ''}: ${w.message}\n`);
    }
    ctx.stdout.write(`${formatRunLine(input, output, result.summary)}\n`);
  }

  if (values.report !== undefined) {
    const report = buildRunReport(ctx.version, common.policy, results);
    const file = await createAtomicFile(values.report);
    try {
      await file.write(new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
      await file.commit();
    } catch (error) {
      await file.abort();
      throw error;
    }
    ctx.stdout.write(`report: ${values.report}\n`);
  }
  return 0;
}
