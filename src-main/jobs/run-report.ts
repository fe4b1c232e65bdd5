/**
 * The JSON report of a run: what went in, what came out, with what policy, and how much was found where.
 * It names files by path, size and SHA-256 and counts findings; it never holds a value from the data.
 */
import { createHash } from 'node:crypto';
import type { ColumnClassification, EntityType } from '../../shared/detect/finding';
import type { TransformCounts } from '../../shared/transform/field-transformer';
import type { Policy } from '../../shared/transform/policy';
import { saveProfile } from '../../shared/transform/profile';
import type { AnonymiseFileResult } from './anonymise-file';

export interface RunReport {
  readonly tool: { readonly name: 'anonymise'; readonly version: string };
  readonly createdAt: string;
  /** The policy as a self-contained profile (`saveProfile`): loading it back reproduces the run. */
  readonly profile: Record<string, unknown>;
  readonly profileSha256: string;
  /** The key's fingerprint, never the key; `ephemeral` when the run made a fresh key (pseudonyms not reproducible). */
  readonly key: { readonly fingerprint: string; readonly ephemeral: boolean };
  /** How often each operator was applied, and how many fields were dropped or blanked. */
  readonly operators: TransformCounts;
  readonly files: readonly {
    readonly input: AnonymiseFileResult['input'] & { readonly format: string; readonly encoding: string };
    readonly output: AnonymiseFileResult['output'] & { readonly encoding: string };
    readonly records: number;
    readonly recordsChanged: number;
    readonly valuesChanged: number;
    readonly droppedColumns: readonly string[];
    /** CSV: cells written with a leading apostrophe, because a spreadsheet would have run them as formulas. */
    readonly formulaCellsNeutralised: number;
    readonly findingsByType: Partial<Record<EntityType, number>>;
    readonly findingsByField: Record<string, Partial<Record<EntityType, number>>>;
    /** What each column holds (role, type, confidence and why), as classified from its name and sampled values. */
    readonly columns: readonly ColumnClassification[];
    readonly warnings: readonly { readonly line: number; readonly record?: number; readonly message: string }[];
    /** Set when the input was converted to another format before the run (the output is in `to`). */
    readonly conversion?: { readonly from: string; readonly to: string };
  }[];
  readonly totals: { readonly records: number; readonly findings: number; readonly findingsByType: Partial<Record<EntityType, number>> };
}

export function buildRunReport(
  version: string,
  policy: Policy,
  results: readonly AnonymiseFileResult[],
  key: RunReport['key'],
  operators: TransformCounts,
  now = new Date(),
): RunReport {
  const profile = saveProfile(policy);
  const totalsByType: Partial<Record<EntityType, number>> = {};
  for (const r of results) {
    for (const [type, n] of Object.entries(r.summary.findingsByType) as [EntityType, number][]) {
      totalsByType[type] = (totalsByType[type] ?? 0) + n;
    }
  }
  return {
    tool: { name: 'anonymise', version },
    createdAt: now.toISOString(),
    profile,
    profileSha256: createHash('sha256').update(JSON.stringify(profile)).digest('hex'),
    key,
    operators,
    files: results.map((r) => ({
      input: { ...r.input, format: r.format, encoding: r.encoding },
      output: { ...r.output, encoding: r.outputEncoding },
      records: r.summary.records,
      recordsChanged: r.summary.recordsChanged,
      valuesChanged: r.summary.valuesChanged,
      droppedColumns: r.summary.droppedColumns,
      formulaCellsNeutralised: r.formulaCellsNeutralised,
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
