/** Plain-text summaries of what a run or scan found, for the terminal. */
import type { PipelineSummary } from '../../shared/pipeline/run-pipeline';

const n = (x: number) => x.toLocaleString('en-US');

export function formatTypeCounts(counts: Readonly<Record<string, number | undefined>>): string {
  const entries = Object.entries(counts)
    .filter((e): e is [string, number] => (e[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([t, c]) => `${t} ${n(c)}`).join(', ') : 'none';
}

export function formatScanSummary(file: string, s: PipelineSummary): string {
  const lines = [`${file}: ${n(s.records)} records, ${n(s.findings)} findings`];
  lines.push(`  by type:  ${formatTypeCounts(s.findingsByType)}`);
  const fields = Object.entries(s.findingsByField).sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]));
  if (fields.length) {
    lines.push('  by field:');
    const width = Math.min(40, Math.max(...fields.map(([f]) => f.length)));
    for (const [field, counts] of fields) lines.push(`    ${field.padEnd(width)}  ${formatTypeCounts(counts)}`);
  }
  const columns = s.columns.filter((c) => c.role !== 'other');
  if (columns.length) {
    lines.push('  columns:');
    const width = Math.min(40, Math.max(...columns.map((c) => c.field.length)));
    for (const c of columns) {
      lines.push(`    ${c.field.padEnd(width)}  ${c.role}${c.type ? ` ${c.type}` : ''} (${Math.round(c.confidence * 100)}%: ${c.reasons.join('; ')})`);
    }
  }
  return lines.join('\n');
}

function total(counts: Readonly<Record<string, number | undefined>>): number {
  return Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function formatRunLine(input: string, output: string, s: PipelineSummary, formulaCells = 0): string {
  const formulas = formulaCells > 0 ? `, ${n(formulaCells)} cells neutralised against formula injection` : '';
  return `${input} → ${output}: ${n(s.records)} records, ${n(s.findings)} findings (${formatTypeCounts(s.findingsByType)}), ${n(s.recordsChanged)} records changed${formulas}`;
}
