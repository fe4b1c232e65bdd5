/**
 * Renders an audit report as one self-contained HTML page that a legal team can file or print to PDF (A4 or
 * Letter): inline CSS only, no scripts, no external resources (a CSP forbids them even in a tampered report), and
 * print rules for page breaks and rows that are never cut. Every string of the report is HTML-escaped, and only the
 * properties the report type declares are printed: an unknown property never reaches the page.
 */
import { createHash } from 'node:crypto';
import { ENTITY_TYPES, type EntityType } from '../../shared/detect/finding';
import { OPERATORS } from '../../shared/transform/policy';
import type { AuditReport, RiskSummary, VerificationSummary } from './audit-report';

/** Rows shown per table of locations; the rest is counted, not listed, so that the page stays printable. */
export const MAX_TABLE_ROWS = 500;

/** HTML that is already safe: built by this module from escaped parts. */
interface Html {
  readonly html: string;
}
type Cell = string | number | null | undefined | Html;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: every character that could start markup or end an attribute is escaped. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const raw = (html: string): Html => ({ html });
const NUMBER = new Intl.NumberFormat('en-GB');

function cellHtml(cell: Cell): string {
  if (cell === null || cell === undefined) return '<span class="muted">–</span>';
  if (typeof cell === 'number') return Number.isFinite(cell) ? NUMBER.format(cell) : escapeHtml(cell);
  if (typeof cell === 'string') return escapeHtml(cell);
  return cell.html;
}

const num = (n: unknown): string => (typeof n === 'number' ? cellHtml(n) : escapeHtml(n));
const percent = (share: unknown): string =>
  typeof share === 'number' && Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : escapeHtml(share);
const record = (r: number | null | undefined): Cell => (r === null ? raw('<span class="muted">outside records</span>') : r);
const code = (text: string): Html => raw(`<code>${escapeHtml(text)}</code>`);
const para = (text: string, cls = ''): string => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
const badge = (passed: boolean, yes = 'PASSED', no = 'FAILED'): Html =>
  raw(passed ? `<strong class="pass">${yes}</strong>` : `<strong class="fail">${no}</strong>`);

/** A table; `numeric` names the columns to align right. At most `MAX_TABLE_ROWS` rows, with the rest counted. */
function table(headers: readonly string[], rows: readonly (readonly Cell[])[], numeric: readonly number[] = []): string {
  if (rows.length === 0) return para('None.', 'muted');
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  const head = headers.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .slice(0, MAX_TABLE_ROWS)
    .map((row) => `<tr>${row.map((c, i) => `<td${cls(i)}>${cellHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  const more = rows.length > MAX_TABLE_ROWS ? para(`${NUMBER.format(rows.length - MAX_TABLE_ROWS)} more rows are not shown here.`, 'note') : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}

/** A definition list of label → value, for the facts of one thing. */
function facts(items: readonly (readonly [string, Cell])[]): string {
  return `<dl>${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cellHtml(v)}</dd>`).join('')}</dl>`;
}

/** Counts per entity type, in the canonical order; keys that are not entity types are left out. */
function typeCounts(byType: Partial<Record<EntityType, number>> | undefined): [EntityType, number][] {
  return ENTITY_TYPES.flatMap((t) => (typeof byType?.[t] === 'number' ? [[t, byType[t]!] as [EntityType, number]] : []));
}

function typeTable(byType: Partial<Record<EntityType, number>> | undefined): string {
  return table(['type', 'count'], typeCounts(byType), [1]);
}

/** Says how many locations (or problems) are listed when the verification capped its list below the count. */
function capNote(listed: number, count: number | undefined, what = 'locations'): string {
  return typeof count === 'number' && listed < count ? para(`The verification lists ${NUMBER.format(listed)} of ${NUMBER.format(count)} ${what}.`, 'note') : '';
}

interface Section {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  /** Starts a new printed page. */
  readonly pageBreak?: boolean;
}

function verificationFile(f: VerificationSummary['files'][number], i: number): string {
  const { residual, survival, structure } = f;
  const ok = residual.count === 0 && survival.count === 0 && structure.passed;
  return `<section class="file" id="verification-${i}">
<h3>${escapeHtml(f.original)} → ${escapeHtml(f.anonymised)} ${badge(ok).html}</h3>
<h4>Residual findings: ${num(residual.count)}</h4>
<p class="muted">What the detectors still find in the anonymised output.</p>
${typeTable(residual.byType)}
${capNote(residual.locations.length, residual.count)}
${table(['record', 'field', 'type', 'detector', 'score'], residual.locations.map((l) => [record(l.record), l.field, l.type, l.detector, typeof l.score === 'number' ? l.score.toFixed(2) : l.score]), [0, 4])}
${f.kept && f.kept.count > 0 ? `<h4>Kept by the policy: ${num(f.kept.count)}</h4>
<p class="muted">Personal data of types the profile keeps on purpose (not a failure; check that this is intended).</p>
${typeTable(f.kept.byType)}
${capNote(f.kept.locations.length, f.kept.count)}
${table(['record', 'field', 'type', 'detector', 'score'], f.kept.locations.map((l) => [record(l.record), l.field, l.type, l.detector, typeof l.score === 'number' ? l.score.toFixed(2) : l.score]), [0, 4])}` : ''}
<h4>Original values that survived: ${num(survival.count)}</h4>
<p class="muted">Values replaced by the policy, found again in the output as they were or in another spelling.</p>
${typeTable(survival.byType)}
${table(['form', 'count'], Object.entries(survival.byForm ?? {}).map(([form, n]) => [form, n]), [1])}
${capNote(survival.locations.length, survival.count)}
${table(['record', 'field', 'type', 'form'], survival.locations.map((l) => [record(l.record), l.field, l.type, l.form]), [0])}
<h4>Structure ${badge(structure.passed).html}</h4>
${facts([['records in the original', structure.originalRecords], ['records in the anonymised copy', structure.anonymisedRecords]])}
${capNote(structure.problems.length, structure.problemCount, 'problems')}
${table(['record', 'problem', 'field'], structure.problems.map((p) => [record(p.record), p.kind, p.field]), [0])}
</section>`;
}

function verificationSection(v: VerificationSummary | undefined): string {
  if (!v) return para('The output was not verified in this run.', 'fail-text');
  const summary = `<p class="verdict">Verification ${badge(v.passed).html}</p>` + (v.notes ?? []).map((n) => para(n)).join('\n');
  return summary + v.files.map(verificationFile).join('\n');
}

function filesSection(report: AuditReport): string {
  const files = report.files.flatMap((f) => [
    ['input', f.input.path, f.input.format, f.input.encoding, f.input.bytes, code(f.input.sha256)],
    ['output', f.output.path, f.conversion?.to ?? f.input.format, f.output.encoding, f.output.bytes, code(f.output.sha256)],
  ] as Cell[][]);
  const changes = report.files.map((f) => [f.input.path, f.records, f.recordsChanged, f.valuesChanged, f.formulaCellsNeutralised]);
  const perFile = report.files.map((f) => {
    const dropped = f.droppedColumns.length ? para(`Columns dropped: ${f.droppedColumns.join(', ')}`) : '';
    const warnings = f.warnings.length
      ? `<h4>Warnings in ${escapeHtml(f.input.path)}</h4>` + table(['line', 'record', 'warning'], f.warnings.map((w) => [w.line, w.record, w.message]), [0, 1])
      : '';
    return dropped || warnings ? `<div class="file"><h3>${escapeHtml(f.input.path)}</h3>${dropped}${warnings}</div>` : '';
  });
  return (
    table(['', 'file', 'format', 'encoding', 'bytes', 'SHA-256'], files, [4]) +
    table(['input', 'records', 'records changed', 'values changed', 'formula cells neutralised'], changes, [1, 2, 3, 4]) +
    perFile.join('\n')
  );
}

function keySection(key: AuditReport['key']): string {
  if (key.ephemeral) {
    return para(
      'Fresh key for this run only: a random key was made for this run and not kept, so its pseudonyms are consistent within this run only and cannot be reproduced.',
    );
  }
  return facts([['project key fingerprint', code(key.fingerprint)]]) + para('The fingerprint identifies the key; the key itself is never in a report.', 'muted');
}

/** Per file: a table of fields × the types found in them, with totals. */
function findingsSection(report: AuditReport): string {
  const totals = `<h3>All files: ${num(report.totals.findings)} findings in ${num(report.totals.records)} records</h3>${typeTable(report.totals.findingsByType)}`;
  const perFile = report.files.map((f) => {
    const byField = Object.entries(f.findingsByField ?? {});
    const types = ENTITY_TYPES.filter((t) => byField.some(([, counts]) => typeof counts?.[t] === 'number'));
    const rows = byField.map(([field, counts]) => [field, ...types.map((t) => counts?.[t] ?? null), typeCounts(counts).reduce((s, [, n]) => s + n, 0)]);
    return `<h3>${escapeHtml(f.input.path)}</h3>` + table(['field', ...types, 'total'], rows, types.map((_, i) => i + 1).concat(types.length + 1));
  });
  const ops = OPERATORS.flatMap((o) => (typeof report.operators.byOperator?.[o] === 'number' ? [[o, report.operators.byOperator[o]!] as Cell[]] : []));
  const operators =
    '<h3>By operator</h3>' +
    table(['operator', 'values'], ops, [1]) +
    facts([['fields dropped', report.operators.fieldsDropped], ['fields blanked', report.operators.fieldsBlanked]]);
  return totals + perFile.join('\n') + operators;
}

function columnsSection(report: AuditReport): string {
  return report.files
    .map((f) => {
      const rows = f.columns.map((c) => [c.field, c.role, c.type, typeof c.confidence === 'number' ? c.confidence.toFixed(2) : c.confidence, c.reasons.join('; ')]);
      return `<h3>${escapeHtml(f.input.path)}</h3>` + table(['column', 'role', 'type', 'confidence', 'why'], rows, [3]);
    })
    .join('\n');
}

function riskSection(risk: RiskSummary | undefined): string {
  if (!risk) return para('The re-identification risk was not assessed in this run.');
  const intro =
    facts([
      ['quasi-identifiers', risk.quasiIdentifiers.length ? risk.quasiIdentifiers.join(', ') : 'none'],
      ['target k', risk.targetK],
    ]) +
    para(
      'k is the size of the smallest group of records that share the same quasi-identifiers; a record alone in its group (k = 1) can be singled out by whoever knows those facts about a person.',
      'muted',
    );
  const rows = risk.perFile.map((p) => [p.file, p.records, p.classes, p.k, percent(p.uniqueShare), badge(p.k >= risk.targetK, 'meets target', 'below target')]);
  const suggestions = risk.perFile
    .filter((p) => p.suggestions.length > 0)
    .map((p) => {
      const srows = p.suggestions.map((s) => [
        Object.entries(s.levels ?? {}).map(([qi, level]) => `${qi}: ${level}`).join('; '),
        s.k,
        percent(s.uniqueShare),
      ]);
      return `<h4>Generalisations that would raise k in ${escapeHtml(p.file)}</h4>` + table(['generalise', 'k', 'unique records'], srows, [1, 2]);
    });
  return intro + table(['file', 'records', 'groups', 'k', 'unique records', 'target'], rows, [1, 2, 3, 4]) + suggestions.join('\n');
}

function reviewerSection(d: AuditReport['reviewerDecisions']): string {
  const status =
    d.acknowledgedAll === undefined
      ? ''
      : d.acknowledgedAll
        ? para('Every residual finding and surviving value of the verification was acknowledged by the reviewer.')
        : para('Not every residual finding or surviving value of the verification was acknowledged: do not share the output.', 'fail-text');
  return (
    facts([
      ['findings allowlisted by the reviewer', d.allowlisted],
      ['terms added by the reviewer', d.addedTerms],
    ]) +
    '<h3>Residual findings acknowledged</h3>' +
    status +
    // the id names the file, the record, the field and the type: "file:record:field:type"
    table(['residual', 'by', 'at', 'note'], d.acknowledgements.map((a) => [a.residual, a.by, a.at, a.note]))
  );
}

function profileSection(report: AuditReport): string {
  const json = JSON.stringify(report.profile, null, 2) ?? 'null';
  const actual = createHash('sha256').update(JSON.stringify(report.profile) ?? 'null').digest('hex');
  const check = actual === report.profileSha256 ? badge(true, 'matches the profile below') : badge(false, '', 'does NOT match the profile below');
  return (
    facts([['profile SHA-256', raw(`${code(report.profileSha256).html} ${check.html}`)]]) +
    para('The policy exactly as applied; loading it back with the same key reproduces the run byte for byte.', 'muted') +
    `<pre>${escapeHtml(json)}</pre>`
  );
}

const CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; margin: 2em auto; max-width: 64em; padding: 0 1.5em; }
h1 { font-size: 1.7em; margin: 0 0 .2em; } h2 { font-size: 1.3em; border-bottom: 2px solid #333; padding-bottom: .15em; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.4em; } h4 { font-size: 1em; margin: 1em 0 .3em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: .9em; }
th, td { border: 1px solid #999; padding: .25em .45em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eee; overflow-wrap: normal; } td.num, th.num { text-align: right; white-space: nowrap; overflow-wrap: normal; font-variant-numeric: tabular-nums; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; } code { word-break: break-all; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #999; padding: .6em; background: #f7f7f7; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.statement { border: 3px solid #111; padding: .8em 1em; font-size: 1.1em; margin: 1.2em 0; }
.statement strong { text-transform: uppercase; letter-spacing: .05em; }
.pass { color: #0a5c1f; } .fail, .fail-text { color: #a00000; } .muted { color: #555; } .note { font-style: italic; }
.verdict { font-size: 1.3em; } nav ol { columns: 2; } .file { margin-left: .5em; }
@page { margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; color: #000; background: #fff; }
  * { color: #000 !important; background: #fff !important; box-shadow: none !important; }
  th { background: #e6e6e6 !important; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav { display: none; }
  h2.page { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, dt, dd, .statement { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; } a[href]::after { content: none !important; }
  pre { white-space: pre-wrap; break-inside: auto; }
}`;

/** The audit report as one self-contained HTML page. */
export function renderAuditReportHtml(report: AuditReport): string {
  const sections: Section[] = [
    { id: 'verification', title: 'Verification', body: verificationSection(report.verification) },
    { id: 'files', title: 'Inputs and outputs', body: filesSection(report), pageBreak: true },
    { id: 'key', title: 'Key', body: keySection(report.key) },
    { id: 'findings', title: 'What was found, and what was done', body: findingsSection(report), pageBreak: true },
    { id: 'columns', title: 'Columns and their roles', body: columnsSection(report), pageBreak: true },
    { id: 'risk', title: 'Re-identification risk', body: riskSection(report.risk), pageBreak: true },
    { id: 'reviewer', title: 'Reviewer decisions', body: reviewerSection(report.reviewerDecisions) },
    { id: 'profile', title: 'Profile', body: profileSection(report), pageBreak: true },
  ];
  const tool = `${report.tool.name} ${report.tool.version}`;
  const verdict = report.verification ? (report.verification.passed ? 'verification passed' : 'verification FAILED') : 'not verified';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Anonymisation audit report, ${escapeHtml(report.createdAt)}</title>
<style>${CSS}</style>
</head>
<body>
<header id="top">
<h1>Anonymisation audit report</h1>
${facts([['run date', report.createdAt], ['tool', tool], ['files', report.files.length], ['records', report.totals.records], ['findings', report.totals.findings], ['result', verdict]])}
</header>
<section class="statement" id="statement"><strong>${escapeHtml(report.statement.kind)}</strong><p>${escapeHtml(report.statement.text)}</p></section>
<nav><h2>Contents</h2><ol>${sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
${sections.map((s) => `<section id="${s.id}">\n<h2${s.pageBreak ? ' class="page"' : ''}>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`).join('\n')}
<footer><p class="muted">This report names files, records, fields and types, and counts; it holds no value from the data. Generated by ${escapeHtml(tool)}.</p></footer>
</body>
</html>
`;
}
