/** `anonymise scan INPUT`: detection only; a summary on stdout and, with --findings, one JSON line per finding. */
import { parseArgs } from 'node:util';
import type { KnownValueIndex } from '../../shared/detect/known-values';
import { learnPackageKnownValues } from '../jobs/learn-package-known-values';
import { createAtomicFile, type AtomicFile } from '../io/atomic-file';
import { assertNotAmong } from '../io/output-plan';
import { scanFile } from '../jobs/scan-file';
import { totalBytes, withDetectPool, worthWarming, type DetectPool } from '../pipeline/detect-pool';
import { COMMON_OPTION_SPEC, fileJob, readCommonOptions, UsageError } from './cli-options';
import type { CliContext } from './cli-context';
import { createProgressLine, formatProgress } from './progress-bar';
import { formatScanSummary } from './summary-text';
import { SCAN_USAGE } from './usage';

export async function scanCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...COMMON_OPTION_SPEC, findings: { type: 'string' }, 'include-values': { type: 'boolean' } },
  });
  if (values.help) {
    ctx.stdout.write(`${SCAN_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('scan takes exactly one INPUT file');
  const input = positionals[0]!;
  const common = await readCommonOptions(values);
  const includeValues = values['include-values'] ?? false;

  let findingsFile: AtomicFile | undefined;
  if (values.findings !== undefined) {
    await assertNotAmong(values.findings, [input], 'the findings file');
    findingsFile = await createAtomicFile(values.findings);
  }
  const encoder = new TextEncoder();
  let lines: string[] = [];
  const progress = createProgressLine(ctx.stderr, !common.quiet);
  const job = fileJob(common, ctx.signal)(input);
  try {
    const scan = (pool: DetectPool | undefined, known: KnownValueIndex) => scanFile({
      ...job,
      ...(pool ? { batchDetector: pool } : {}),
      known,
      onProgress: (p) => progress.update(formatProgress(input, p)),
      onFinding: findingsFile
        ? (record, field, f) => {
            const line: Record<string, unknown> = {
              record: record.index,
              field: field.path,
              start: f.start,
              end: f.end,
              type: f.type,
              detector: f.detector,
              score: Math.round(f.score * 1000) / 1000,
            };
            if (includeValues) line.value = field.value.slice(f.start, f.end);
            lines.push(JSON.stringify(line));
          }
        : undefined,
      afterBatch: findingsFile
        ? async () => {
            if (lines.length === 0) return;
            const text = `${lines.join('\n')}\n`;
            lines = [];
            await findingsFile!.write(encoder.encode(text));
          }
        : undefined,
    });
    const result = await withDetectPool(common.parallel, async (pool) => {
      // the detection workers start while the first pass reads the identity columns, so each requester is found in every record
      if (pool && worthWarming(pool, await totalBytes([input]))) pool.warm(common.policy);
      const known = await learnPackageKnownValues([{ ...job, onProgress: (p) => progress.update(formatProgress(`${input} (known values)`, p)) }]);
      progress.clear();
      return scan(pool, known);
    }).finally(() => progress.clear());
    if (findingsFile) {
      if (lines.length) await findingsFile.write(encoder.encode(`${lines.join('\n')}\n`));
      await findingsFile.commit();
    }
    for (const w of result.warnings) {
      ctx.stderr.write(`warning: ${input}, line ${w.line}${w.record !== undefined ? `, record ${w.record}` : ''}: ${w.message}\n`);
    }
    ctx.stdout.write(`${formatScanSummary(input, result.summary)}\n`);
    if (findingsFile) ctx.stdout.write(`findings: ${values.findings}${includeValues ? ' (with original values: keep it safe)' : ''}\n`);
    return 0;
  } catch (error) {
    await findingsFile?.abort();
    throw error;
  }
}
