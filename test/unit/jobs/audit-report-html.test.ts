/**
 * The audit report's HTML page: every section with the report's numbers, escaping of every string that comes from
 * the data, no scripts or external resources, print rules, and no value from the data (canaries) on the page, even
 * from properties the report type does not declare.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';
import { FieldTransformer } from '../../../shared/transform/field-transformer';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { DEFAULT_POLICY } from '../../../shared/transform/profile';
import { anonymiseFile } from '../../../src-main/jobs/anonymise-file';
import { outputStatement, type AuditReport, type VerificationSummary } from '../../../src-main/jobs/audit-report';
import { escapeHtml, MAX_TABLE_ROWS, renderAuditReportHtml } from '../../../src-main/jobs/audit-report-html';
import { buildRunReport } from '../../../src-main/jobs/run-report';

const PROFILE = { version: 1, extends: 'none', operators: { EMAIL: 'pseudonym', SECRET: 'redact' } };
const SHA_IN = 'a'.repeat(64);
const SHA_OUT = 'b'.repeat(64);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function verification(): VerificationSummary {
  return {
    passed: false,
    files: [
      {
        original: 'export/tickets.csv',
        anonymised: 'out/tickets.csv',
        residual: {
          count: 7,
          byType: { EMAIL: 4, PHONE: 3 },
          locations: [
            { record: 12, field: 'description', type: 'EMAIL', detector: 'email', score: 0.95 },
            { record: null, field: 'exported_by', type: 'PHONE', detector: 'phone', score: 0.61 },
          ],
        },
        survival: {
          count: 2,
          byType: { PERSON: 2 },
          byForm: { exact: 1, 'case-folded': 1 },
          locations: [{ record: 3, field: 'subject', type: 'PERSON', form: 'case-folded' }],
        },
        structure: { passed: false, originalRecords: 120, anonymisedRecords: 119, problems: [{ record: 118, kind: 'missing record' }], problemCount: 3 },
      },
    ],
  };
}

function sampleReport(): AuditReport {
  return {
    tool: { name: 'anonymise', version: '0.9.3' },
    createdAt: '2026-11-29T10:15:00.000Z',
    profile: PROFILE,
    profileSha256: createHash('sha256').update(JSON.stringify(PROFILE)).digest('hex'),
    key: { fingerprint: 'kf-9c1e2a77', ephemeral: false },
    operators: { byOperator: { pseudonym: 311, redact: 17 }, fieldsDropped: 5, fieldsBlanked: 2 },
    files: [
      {
        input: { path: 'export/tickets.csv', bytes: 1234567, sha256: SHA_IN, format: 'csv', encoding: 'utf-8' },
        output: { path: 'out/tickets.csv', bytes: 1200001, sha256: SHA_OUT, encoding: 'utf-8' },
        records: 120,
        recordsChanged: 98,
        valuesChanged: 328,
        droppedColumns: ['Internal note'],
        formulaCellsNeutralised: 3,
        findingsByType: { EMAIL: 200, SECRET: 17 },
        findingsByField: { description: { EMAIL: 150, SECRET: 17 }, requester_email: { EMAIL: 50 } },
        columns: [{ field: 'requester_email', role: 'identifier', type: 'EMAIL', confidence: 0.93, reasons: ['92% of 50 sampled values are EMAIL'] }],
        warnings: [{ line: 44, record: 42, message: 'row has 7 fields, expected 6' }],
      },
    ],
    totals: { records: 120, findings: 217, findingsByType: { EMAIL: 200, SECRET: 17 } },
    verification: verification(),
    risk: {
      quasiIdentifiers: ['country', 'created_at'],
      targetK: 5,
      perFile: [
        {
          file: 'out/tickets.csv',
          records: 120,
          classes: 80,
          k: 1,
          uniqueShare: 0.425,
          suggestions: [{ levels: { created_at: 'month', country: 'region' }, k: 6, uniqueShare: 0 }],
        },
      ],
    },
    reviewerDecisions: {
      allowlisted: 13,
      addedTerms: 4,
      acknowledgements: [{ residual: 'out/tickets.csv:12:description:EMAIL', by: 'reviewer-7', at: '2026-11-29T11:00:00Z', note: 'support mailbox' }],
    },
    statement: outputStatement({ usesKey: true, vault: false }),
  };
}

/** The page's text, as a reader sees it: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

/** The body of one section (from its id to the next section). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('<section id="', start + 1);
  return html.slice(start, end < 0 ? undefined : end);
}

const TAGS = new Set(
  'html head meta title style body header h1 h2 h3 h4 p section nav ol li a dl dt dd table thead tbody tr th td strong span br code pre div footer'.split(' '),
);

/** Every tag is one this renderer writes, and every link points inside the page. */
function expectOnlyOwnMarkup(html: string): void {
  expect(html).not.toMatch(/<script/i);
  for (const [, name] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) expect(TAGS.has(name!.toLowerCase()), name).toBe(true);
  for (const [, , target] of html.matchAll(/\b(src|href|action|srcset)\s*=\s*"([^"]*)"/gi)) expect(target!.startsWith('#')).toBe(true);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/url\(|@import/i);
}

describe('renderAuditReportHtml: sections and numbers', () => {
  const html = renderAuditReportHtml(sampleReport());
  const text = visibleText(html);

  it('has the title, date, tool version and the statement up front', () => {
    expect(text).toContain('Anonymisation audit report');
    expect(text).toContain('2026-11-29T10:15:00.000Z');
    expect(text).toContain('anonymise 0.9.3');
    const statement = html.indexOf('class="statement"');
    expect(statement).toBeGreaterThan(0);
    expect(statement).toBeLessThan(html.indexOf('<section id="verification">'));
    expect(text).toContain(sampleReport().statement.text);
  });

  it('has every section', () => {
    for (const id of ['verification', 'files', 'key', 'findings', 'columns', 'risk', 'reviewer', 'profile']) {
      expect(html).toContain(`<section id="${id}">`);
      expect(html).toContain(`<a href="#${id}">`);
    }
  });

  it('shows the verification: failed, residuals by type and where, survival by form, structure problems', () => {
    const v = visibleText(section(html, 'verification'));
    expect(v).toMatch(/Verification\s+FAILED/);
    expect(v).toContain('Residual findings: 7');
    expect(v).toMatch(/EMAIL\s+4\s+PHONE\s+3/);
    expect(v).toMatch(/12\s+description\s+EMAIL\s+email\s+0\.95/);
    expect(v).toMatch(/outside records\s+exported_by\s+PHONE\s+phone\s+0\.61/);
    expect(v).toContain('The verification lists 2 of 7 locations.');
    expect(v).toContain('Original values that survived: 2');
    expect(v).toMatch(/case-folded\s+1/);
    expect(v).toMatch(/3\s+subject\s+PERSON\s+case-folded/);
    expect(v).toMatch(/records in the original\s+120\s+records in the anonymised copy\s+119/);
    expect(v).toMatch(/118\s+missing record/);
    expect(v).toContain('The verification lists 1 of 3 problems.');
  });

  it('says PASSED when the verification passed, and says so when there was none', () => {
    const passed = { ...sampleReport(), verification: { passed: true, files: [] } };
    expect(visibleText(section(renderAuditReportHtml(passed), 'verification'))).toMatch(/Verification\s+PASSED/);
    const { verification: _, ...none } = sampleReport();
    const page = renderAuditReportHtml(none);
    expect(visibleText(section(page, 'verification'))).toContain('not verified');
    expect(page).not.toMatch(/PASSED/);
  });

  it('lists inputs and outputs with sizes and SHA-256, dropped columns and warnings', () => {
    const f = visibleText(section(html, 'files'));
    expect(f).toContain('export/tickets.csv');
    expect(f).toContain('out/tickets.csv');
    expect(f).toContain('1,234,567');
    expect(f).toContain('1,200,001');
    expect(f).toContain(SHA_IN);
    expect(f).toContain(SHA_OUT);
    expect(f).toMatch(/120\s+98\s+328\s+3/);
    expect(f).toContain('formula cells neutralised');
    expect(f).toContain('Columns dropped: Internal note');
    expect(f).toMatch(/44\s+42\s+row has 7 fields, expected 6/);
  });

  it("shows the key's fingerprint, or that the key was fresh for this run only", () => {
    expect(visibleText(section(html, 'key'))).toContain('kf-9c1e2a77');
    const fresh = renderAuditReportHtml({ ...sampleReport(), key: { fingerprint: 'kf-0000', ephemeral: true } });
    expect(visibleText(section(fresh, 'key'))).toContain('Fresh key for this run only');
  });

  it('counts findings by type × field and by operator', () => {
    const f = visibleText(section(html, 'findings'));
    expect(f).toContain('217 findings in 120 records');
    expect(f).toMatch(/field\s+EMAIL\s+SECRET\s+total/);
    expect(f).toMatch(/description\s+150\s+17\s+167/);
    expect(f).toMatch(/requester_email\s+50\s+–\s+50/);
    expect(f).toMatch(/redact\s+17\s+pseudonym\s+311/);
    expect(f).toMatch(/fields dropped\s+5\s+fields blanked\s+2/);
  });

  it('lists the columns and their roles', () => {
    expect(visibleText(section(html, 'columns'))).toMatch(/requester_email\s+identifier\s+EMAIL\s+0\.93\s+92% of 50 sampled values are EMAIL/);
  });

  it('shows the re-identification risk and the suggestions', () => {
    const r = visibleText(section(html, 'risk'));
    expect(r).toContain('country, created_at');
    expect(r).toMatch(/target k\s+5/);
    expect(r).toMatch(/out\/tickets\.csv\s+120\s+80\s+1\s+42\.5%\s+below target/);
    expect(r).toMatch(/created_at: month; country: region\s+6\s+0\.0%/);
    const { risk: _, ...none } = sampleReport();
    expect(visibleText(section(renderAuditReportHtml(none), 'risk'))).toContain('not assessed');
  });

  it("shows the reviewer's decisions", () => {
    const d = visibleText(section(html, 'reviewer'));
    expect(d).toMatch(/allowlisted by the reviewer\s+13/);
    expect(d).toMatch(/terms added by the reviewer\s+4/);
    expect(d).toMatch(/out\/tickets\.csv:12:description:EMAIL\s+reviewer-7\s+2026-11-29T11:00:00Z\s+support mailbox/);
  });

  it('prints the full profile as pretty JSON with its SHA-256, and flags a SHA-256 that does not match it', () => {
    const p = section(html, 'profile');
    expect(p).toContain(`<pre>${escapeHtml(JSON.stringify(PROFILE, null, 2))}</pre>`);
    expect(visibleText(p)).toContain(sampleReport().profileSha256);
    expect(visibleText(p)).toContain('matches the profile below');
    const tampered = renderAuditReportHtml({ ...sampleReport(), profileSha256: 'c'.repeat(64) });
    expect(visibleText(section(tampered, 'profile'))).toContain('does NOT match');
  });

  it('caps long tables and says how many rows are left out', () => {
    const report = sampleReport();
    const many = Array.from({ length: MAX_TABLE_ROWS + 25 }, (_, i) => ({ record: i, field: `f${i}`, type: 'EMAIL' as const, detector: 'email', score: 0.9 }));
    const file = { ...report.verification!.files[0]!, residual: { count: many.length, byType: { EMAIL: many.length }, locations: many } };
    const page = visibleText(renderAuditReportHtml({ ...report, verification: { passed: false, files: [file] } }));
    expect(page).toContain('25 more rows are not shown here.');
    expect(page).toContain(`f${MAX_TABLE_ROWS - 1}`);
    expect(page).not.toContain(`f${MAX_TABLE_ROWS} `);
  });
});

describe('renderAuditReportHtml: a self-contained, printable page', () => {
  const html = renderAuditReportHtml(sampleReport());

  it('loads nothing: a CSP that forbids everything but inline style, no scripts, no URLs, only # links', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expectOnlyOwnMarkup(html);
  });

  it('has print rules: page breaks before big sections, rows never cut, headers repeated, links not printed', () => {
    const print = html.slice(html.indexOf('@media print'));
    expect(html).toContain('@media print');
    expect(print).toMatch(/h2\.page \{[^}]*break-before: page/);
    expect(print).toMatch(/tr[^{]*\{[^}]*break-inside: avoid/);
    expect(print).toMatch(/thead \{ display: table-header-group/);
    expect(print).toMatch(/a\[href\]::after \{ content: none/);
    expect(html).toMatch(/<h2 class="page">Profile<\/h2>/);
  });
});

describe('renderAuditReportHtml: escaping', () => {
  const NASTY = ['<script>alert("x")</script>', 'Tom & Jerry', `"quoted" 'single'`, '</td></tr></table><img src=x onerror=alert(1)>'];

  it('renders field names, paths, reasons and notes from the data as text', () => {
    const report = sampleReport() as Mutable<AuditReport>;
    const file = { ...report.files[0]!, findingsByField: Object.fromEntries(NASTY.map((n) => [n, { EMAIL: 1 }])) };
    file.columns = NASTY.map((n) => ({ field: n, role: 'free-text' as const, confidence: 0.5, reasons: [n] }));
    file.droppedColumns = NASTY;
    report.files = [file];
    report.verification = { passed: false, files: [{ ...verification().files[0]!, original: NASTY[0]!, anonymised: NASTY[3]! }] };
    report.reviewerDecisions = { allowlisted: 0, addedTerms: 0, acknowledgements: NASTY.map((n) => ({ residual: n, at: n, note: n })) };
    report.profile = { version: 1, name: NASTY[0], description: NASTY[3] };
    const html = renderAuditReportHtml(report);
    expectOnlyOwnMarkup(html);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry');
    expect(html).toContain('&quot;quoted&quot; &#39;single&#39;');
    const text = visibleText(html);
    for (const n of NASTY) expect(text).toContain(n);
  });

  it('never lets a field name open a tag, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ' ', 's', 'c', 'r', 'i', 'p', 't', 'a', 'é') }), (name) => {
        const report = sampleReport();
        const file = { ...report.files[0]!, findingsByField: { [name]: { PERSON: 1 } } };
        const html = renderAuditReportHtml({ ...report, files: [file] });
        expectOnlyOwnMarkup(html);
        expect(html).toContain(escapeHtml(name));
      }),
      { numRuns: 200 },
    );
  });
});

describe('renderAuditReportHtml: no value from the data on the page', () => {
  const CANARIES = ['zq7canary.wren@example.org', 'Zebediah Qanarywell', '+44 20 7946 0321', '4111 1111 1111 1111', 'CANARY-PW-Qx81!'];

  it('prints none of the values of a real run on the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-html-'));
    const input = join(dir, 'tickets.csv');
    writeFileSync(
      input,
      'id,requester,requester_email,description\n' +
        `1,${CANARIES[1]},${CANARIES[0]},"Hi, call ${CANARIES[1]} on ${CANARIES[2]}, card ${CANARIES[3]}, password: ${CANARIES[4]}"\n` +
        `2,${CANARIES[1]},${CANARIES[0]},"Regards, ${CANARIES[1]}"\n`,
    );
    const registry = createDefaultRegistry();
    const transformer = new FieldTransformer({ policy: DEFAULT_POLICY, key: KeyedHash.random() });
    const result = await anonymiseFile({ inputPath: input, outputPath: join(dir, 'out.csv'), policy: DEFAULT_POLICY, detect: registry.detect.bind(registry), transformer });
    const run = buildRunReport('0.0.0-test', DEFAULT_POLICY, [result], { fingerprint: 'kf-test', ephemeral: true }, transformer.counts());
    expect(run.totals.findings).toBeGreaterThan(0); // the run did find the canaries
    const html = renderAuditReportHtml({
      ...run,
      reviewerDecisions: { allowlisted: 0, addedTerms: 0, acknowledgements: [] },
      statement: outputStatement({ usesKey: true, vault: false }),
    });
    expect(visibleText(html)).toContain('requester_email');
    for (const canary of CANARIES) {
      expect(html).not.toContain(canary);
      expect(html).not.toContain(escapeHtml(canary));
    }
  });

  it('never prints a property the report type does not declare', () => {
    const CANARY = 'zz-canary-9f31-do-not-print';
    const extra = { secretValue: CANARY, [CANARY]: 1 };
    const report = sampleReport();
    const v = verification();
    const vf = v.files[0]!;
    const tampered = {
      ...report,
      ...extra,
      key: { ...report.key, ...extra },
      operators: { ...report.operators, byOperator: { ...report.operators.byOperator, ...extra }, ...extra },
      files: report.files.map((f) => ({
        ...f,
        ...extra,
        input: { ...f.input, ...extra },
        output: { ...f.output, ...extra },
        findingsByType: { ...f.findingsByType, ...extra },
        columns: f.columns.map((c) => ({ ...c, ...extra })),
        warnings: f.warnings.map((w) => ({ ...w, ...extra })),
      })),
      totals: { ...report.totals, ...extra, findingsByType: { ...report.totals.findingsByType, ...extra } },
      verification: {
        ...v,
        ...extra,
        files: [
          {
            ...vf,
            ...extra,
            residual: { ...vf.residual, ...extra, byType: { ...vf.residual.byType, ...extra }, locations: vf.residual.locations.map((l) => ({ ...l, ...extra })) },
            survival: { ...vf.survival, ...extra, byType: { ...vf.survival.byType, ...extra }, locations: vf.survival.locations.map((l) => ({ ...l, ...extra })) },
            structure: { ...vf.structure, ...extra, problems: vf.structure.problems.map((p) => ({ ...p, ...extra })) },
          },
        ],
      },
      risk: { ...report.risk!, ...extra, perFile: report.risk!.perFile.map((p) => ({ ...p, ...extra, suggestions: p.suggestions.map((s) => ({ ...s, ...extra })) })) },
      reviewerDecisions: { ...report.reviewerDecisions, ...extra, acknowledgements: report.reviewerDecisions.acknowledgements.map((a) => ({ ...a, ...extra })) },
      statement: { ...report.statement, ...extra },
    } as unknown as AuditReport;
    const html = renderAuditReportHtml(tampered);
    expect(visibleText(html)).toContain('kf-9c1e2a77'); // the declared properties are still there
    expect(html).not.toContain(CANARY);
  });
});

describe('outputStatement', () => {
  it('calls keyed output pseudonymised, and names the vault when one was written', () => {
    const keyed = outputStatement({ usesKey: true, vault: false });
    expect(keyed.kind).toBe('pseudonymised');
    expect(keyed.text).toMatch(/not anonymised/);
    expect(keyed.text).toMatch(/project key/);
    expect(keyed.text).not.toMatch(/vault/);
    const vault = outputStatement({ usesKey: false, vault: true });
    expect(vault.kind).toBe('pseudonymised');
    expect(vault.text).toMatch(/vault/);
    expect(vault.text).not.toMatch(/project key/);
  });

  it('calls unkeyed output anonymised only when the risk check reached its target k, else de-identified', () => {
    const plain = outputStatement({ usesKey: false, vault: false });
    expect(plain.kind).toBe('de-identified');
    expect(plain.text).toMatch(/not assessed/);
    expect(plain.text).toMatch(/treat the output as personal data/);
    const unique = outputStatement({ usesKey: false, vault: false, k: 1, targetK: 5 });
    expect(unique.kind).toBe('de-identified');
    expect(unique.text).toMatch(/unique .*\(k = 1\)/);
    expect(outputStatement({ usesKey: false, vault: false, k: 2, targetK: 5 }).kind).toBe('de-identified');
    const anonymous = outputStatement({ usesKey: false, vault: false, k: 5, targetK: 5 });
    expect(anonymous.kind).toBe('anonymised');
    expect(anonymous.text).toMatch(/at least 4 others \(k = 5\)/);
    expect(anonymous.text).toMatch(/detectors may have missed/);
  });
});
