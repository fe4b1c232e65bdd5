/**
 * The JSON report of a run: what went in, what came out, with what policy, and how much was found where.
 * It names files by path, size and SHA-256 and counts findings; it never holds a value from the data.
 */
import { createHash } from 'node:crypto';
import type { ColumnClassification, EntityType } from '../../shared/detect/finding';
import type { Policy } from '../../shared/transform/policy';
import type { AnonymiseFileResult } from './anonymise-file';

export interface RunReport {
  readonly tool: { readonly name: 'anonymise'; readonly version: string };
  readonly createdAt: string;
  readonly policy: Policy;
  readonly policySha256: string;
  readonly files: readonly {
    readonly input: AnonymiseFileResult['input'] & { readonly format: string; readonly encoding: string };
    readonly output: AnonymiseFileResult['output'] & { readonly encoding: string };
    readonly records: number;
    readonly recordsChanged: number;
    readonly valuesChanged: number;
    readonly findingsByType: Partial<Record<EntityType, number>>;
    readonly findingsByField: Record<string, Partial<Record<EntityType, number>>>;
    /** What each column holds (role, type, confidence and why), as classified from its name and sampled values. */
    readonly columns: readonly ColumnClassification[];
    readonly warnings: readonly { readonly line: number; readonly record?: number; readonly message: string }[];
  }[];
  readonly totals: { readonly records: number; readonly findings: number; readonly findingsByType: Partial<Record<EntityType, number>> };
}

export function buildRunReport(version: string, policy: Policy, results: readonly AnonymiseFileResult[], now = new Date()): RunReport {
  const totalsByType: Partial<Record<EntityType, number>> = {};
  for (const r of results) {
    for (const [type, n] of Object.entries(r.summary.findingsByType) as [EntityType, number][]) {
      totalsByType[type] = (totalsByType[type] ?? 0) + n;
    }
  }
  return {
    tool: { name: 'anonymise', version },
    createdAt: now.toISOString(),
    policy,
    policySha256: createHash('sha256').update(JSON.stringify(policy)).digest('hex'),
    files: results.map((r) => ({
      input: { ...r.input, format: r.format, encoding: r.encoding },
      output: { ...r.output, encoding: r.outputEncoding },
      records: r.summary.records,
      recordsChanged: r.summary.recordsChanged,
      valuesChanged: r.summary.valuesChanged,
      findingsByType: { ...r.summary.findingsByType },
      findingsByField: { ...r.summary.findingsByField },
      columns: r.summary.columns,
      warnings: r.warnings,
    })),
    totals: {
      records: results.reduce((n, r) => n + r.summary.records, 0),
      findings: results.reduce((n, r) => n + r.summary.findings, 0),
      findingsByType: totalsByType,
    },
  };
}
