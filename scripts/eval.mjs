// `npm run eval`: per-type precision and recall of `anonymise scan` on the team's own labelled fixtures
// (test/fixtures/eval/*.marked.ndjson, where each personal value is written [[TYPE:value]]). Span level: a labelled
// span is found when a finding of the same type overlaps it; a finding is right when it overlaps a labelled span of
// its type. Labelled text that nobody on the team wrote is scored with ../shared/eval/score.mjs (see
// docs/detection-quality.md). This prints figures; it is not a test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = /\[\[([A-Z_]+):((?:(?!\]\]).)+)\]\]/gs;

/** `Hi [[PERSON:Ann]]` → text `Hi Ann` and the span of Ann. */
export function unmark(marked) {
  let text = '';
  const spans = [];
  let pos = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(pos, m.index);
    spans.push({ type: m[1], start: text.length, end: text.length + m[2].length });
    text += m[2];
    pos = m.index + m[0].length;
  }
  return { text: text + marked.slice(pos), spans };
}

const dir = 'test/fixtures/eval';
const tmp = mkdtempSync(join(tmpdir(), 'eval-'));
const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.marked.ndjson'))) {
  const records = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((l) => unmark(JSON.parse(l).marked));
  const input = join(tmp, file.replace('.marked', ''));
  writeFileSync(input, records.map((r) => JSON.stringify({ text: r.text })).join('\n') + '\n');
  const findingsFile = join(tmp, 'findings.jsonl');
  execFileSync(process.execPath, ['bin/anonymise.mjs', 'scan', input, '--findings', findingsFile, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const findings = readFileSync(findingsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const stats = new Map();
  const stat = (t) => stats.get(t) ?? stats.set(t, { gold: 0, found: 0, reported: 0, right: 0 }).get(t);
  const overlaps = (a, b) => a.start < b.end && b.start < a.end;
  records.forEach((r, i) => {
    const mine = findings.filter((f) => f.record === i);
    for (const g of r.spans) {
      stat(g.type).gold++;
      if (mine.some((f) => f.type === g.type && overlaps(f, g))) stat(g.type).found++;
    }
    for (const f of mine) {
      stat(f.type).reported++;
      if (r.spans.some((g) => g.type === f.type && overlaps(f, g))) stat(f.type).right++;
    }
  });
  rows.push({ file, records: records.length, stats });
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(7);
for (const { file, records, stats } of rows) {
  console.log(`${file}: ${records} records`);
  console.log('type                labelled  reported  recall%  precision%');
  let g = 0, f = 0, r = 0, ok = 0;
  for (const [type, s] of [...stats].sort()) {
    console.log(`${type.padEnd(18)} ${String(s.gold).padStart(9)} ${String(s.reported).padStart(9)}  ${pct(s.found, s.gold)}  ${pct(s.right, s.reported)}`);
    g += s.gold; f += s.found; r += s.reported; ok += s.right;
  }
  console.log(`${'all'.padEnd(18)} ${String(g).padStart(9)} ${String(r).padStart(9)}  ${pct(f, g)}  ${pct(ok, r)}`);
}
