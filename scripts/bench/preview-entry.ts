// How long the review workspace takes to compute its preview again after a review action (bundled and run by
// scripts/bench-preview.mjs). The records are the first 1,000 of the generated support export, as the worker's
// preview job would hand them over; the actions are the workspace's own profile edits, applied one after another
// as a reviewer would, each followed by `recomputePreview` (what the window does after every action).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { recomputePreview } from '../../src-renderer/src/state/recompute-preview';
import { allowEverywhere, dropColumn, ignoreFinding, markSensitive, setColumnOperator, setTypeOperator, type EditResult, type ProfileJson } from '../../src-renderer/src/state/profile-edits';
import type { PreviewRecord } from '../../src-renderer/src/state/preview-model';
import { KeyedHash } from '../../shared/transform/keyed-hash';

const [file, count] = [process.argv[2]!, Number(process.argv[3] ?? 1000)];
// the first few MB hold far more than 1,000 records of the bench export
const rows = Papa.parse<string[]>(readFileSync(file, 'utf8').slice(0, 4_000_000)).data;
const header = rows[0]!;
const records: PreviewRecord[] = rows.slice(1, count + 1).map((r, index) => ({ index, fields: header.map((path, j) => ({ path, value: r[j] ?? '', findings: [] })) }));
const key = KeyedHash.random();

function timed(label: string, profile: ProfileJson): void {
  const t = performance.now();
  recomputePreview(records, profile, { key });
  console.log(`${label.padEnd(44)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
}
const edited = (r: EditResult): ProfileJson => {
  if (!r.ok) throw new Error(r.error);
  return r.profile;
};

console.log(`${records.length} records, ${header.length} columns, ${(records.reduce((n, r) => n + r.fields.reduce((m, f) => m + f.value.length, 0), 0) / 1e6).toFixed(2)} MB of values`);
let profile: ProfileJson = { version: 1 };
timed('first preview (every detector, cold caches)', profile);
const steps: [string, (p: ProfileJson) => EditResult][] = [
  ['ignore a finding', (p) => ignoreFinding(p, { field: header[5] ?? header[0]!, value: 'Berlin' })],
  ['ignore a value everywhere', (p) => allowEverywhere(p, 'Acme Corp')],
  ['mark a term sensitive', (p) => markSensitive(p, { value: 'Project Phoenix', type: 'CONFIDENTIAL_NOTE' })],
  ['change the operator of a type', (p) => setTypeOperator(p, 'EMAIL', 'redact')],
  ['change the operator of a column', (p) => setColumnOperator(p, header[2] ?? header[0]!, 'hash')],
  ['drop a column', (p) => dropColumn(p, header[header.length - 1]!)],
];
for (const [label, edit] of steps) timed(`after: ${label}`, (profile = edited(edit(profile))));
