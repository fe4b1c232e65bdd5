/**
 * What `run` and `verify` share about verification: the risk options (`--quasi-identifiers`, `--k`), the lines that
 * tell the user what each check found (locations and types, never values), and writing a JSON report atomically.
 */
import type { EntityType } from '../../shared/detect/finding';
import { createAtomicFile, writeAndCommit } from '../io/atomic-file';
import { filePassed, type FileVerification } from '../jobs/verify-file';
import { suggestedRisk, type RiskChoice } from '../jobs/verify-run';
import { UsageError } from './cli-options';

export const RISK_OPTION_SPEC = {
  'quasi-identifiers': { type: 'string' },
  k: { type: 'string' },
} as const;

/** Locations printed per check; the report holds more. */
const PRINTED_LOCATIONS = 10;

export function parseRiskOptions(values: { 'quasi-identifiers'?: string; k?: string }): RiskChoice {
  const k = values.k === undefined ? 5 : Number(values.k);
  if (!Number.isInteger(k) || k < 2 || k > 1000) throw new UsageError(`--k must be a whole number from 2 to 1000, not "${values.k}"`);
  const given = values['quasi-identifiers'];
  const listed = given === undefined || given === 'suggested' || given === 'none' ? undefined : given.split(',').map((c) => c.trim()).filter(Boolean);
  if (listed !== undefined && listed.length === 0) throw new UsageError('--quasi-identifiers needs column names separated by commas, "suggested" or "none"');
  if (given === 'none') return { targetK: k, forColumns: () => ({ targetK: k }) };
  if (listed === undefined) return suggestedRisk(k);
  return { targetK: k, forColumns: () => ({ quasiIdentifiers: listed, targetK: k }) };
}

/** The lines for one file: passed, or what failed and where. */
export function formatVerification(v: FileVerification): string {
  const where = (l: { record: number | null; field: string }) => `${l.record === null ? 'envelope' : `record ${l.record}`}, field ${l.field}`;
  const lines = [`verify ${v.original} ⇄ ${v.anonymised}: ${filePassed(v) ? 'passed' : 'FAILED'}`];
  if (v.residual.count > 0) {
    lines.push(`  ${v.residual.count} residual finding${v.residual.count === 1 ? '' : 's'} (${byType(v.residual.byType)}):`);
    for (const l of v.residual.locations.slice(0, PRINTED_LOCATIONS)) lines.push(`    ${where(l)}: ${l.type} (${l.detector}, score ${l.score})`);
    if (v.residual.count > PRINTED_LOCATIONS) lines.push(`    … and ${v.residual.count - PRINTED_LOCATIONS} more`);
  }
  if (v.kept && v.kept.count > 0) {
    lines.push(`  ${v.kept.count} finding${v.kept.count === 1 ? '' : 's'} of types the policy keeps (${byType(v.kept.byType)}): listed in the report, not a failure`);
  }
  if (v.survival.count > 0) {
    lines.push(`  ${v.survival.count} original value${v.survival.count === 1 ? '' : 's'} still in the output (${byType(v.survival.byType)}):`);
    for (const l of v.survival.locations.slice(0, PRINTED_LOCATIONS)) lines.push(`    ${where(l)}: ${l.type}, found ${l.form}`);
    if (v.survival.count > PRINTED_LOCATIONS) lines.push(`    … and ${v.survival.count - PRINTED_LOCATIONS} more`);
  }
  if (!v.structure.passed) {
    lines.push(`  structure differs: ${v.structure.originalRecords} records in, ${v.structure.anonymisedRecords} out, ${v.structure.problemCount ?? v.structure.problems.length} problem(s):`);
    for (const p of v.structure.problems.slice(0, PRINTED_LOCATIONS)) {
      lines.push(`    ${p.record === null ? 'file' : `record ${p.record}`}: ${p.kind}${p.field !== undefined ? ` ${p.field}` : ''}`);
    }
  }
  if (v.risk) {
    const r = v.risk;
    lines.push(`  re-identification risk over ${r.quasiIdentifiers.join(', ') || '(no quasi-identifiers)'}: k = ${r.k}, ${(100 * r.uniqueShare).toFixed(1)} % of records unique`);
  }
  return `${lines.join('\n')}\n`;
}

function byType(counts: Partial<Record<EntityType, number>>): string {
  return Object.entries(counts).map(([type, n]) => `${type} ${n}`).join(', ');
}

export async function writeJsonFile(path: string, json: unknown): Promise<void> {
  await writeTextFile(path, `${JSON.stringify(json, null, 2)}\n`);
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  await writeAndCommit(await createAtomicFile(path), new TextEncoder().encode(text));
}
