// @vitest-environment jsdom
// The report view: the audit report's sections rendered from its JSON (verification per file, findings by field,
// columns, risk, reviewer decisions with acknowledgements, profile), files by base name only, and "back".
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src-renderer/src/i18n/i18n-context';
import { ReportScreen, type FullReportView } from '../../../src-renderer/src/workspace/ReportScreen';

afterEach(cleanup);

const REPORT: FullReportView = {
  createdAt: '2026-03-01T10:00:00.000Z',
  tool: { name: 'anonymise', version: '0.1.0' },
  statement: { kind: 'de-identified', text: 'The output is de-identified but not shown to be anonymous.' },
  key: { fingerprint: 'fp:1234', ephemeral: true },
  files: [
    {
      input: { path: 'tickets.csv', sha256: 'a'.repeat(64) },
      output: { path: 'tickets.ndjson', sha256: 'b'.repeat(64) },
      records: 30,
      findingsByField: { requester_email: { EMAIL: 30 } },
      columns: [{ field: 'requester_email', role: 'identifier', type: 'EMAIL', confidence: 0.97 }],
    },
  ],
  totals: { records: 30, findings: 30, findingsByType: { EMAIL: 30 } },
  verification: {
    passed: false,
    notes: ['tickets.csv was converted from CSV to NDJSON before it was anonymised.'],
    files: [
      {
        anonymised: 'tickets.ndjson',
        residual: { count: 1, locations: [{ record: 4, field: 'description', type: 'PHONE', detector: 'phone' }] },
        survival: { count: 0, locations: [] },
        structure: { passed: true, originalRecords: 30, anonymisedRecords: 30 },
      },
    ],
  },
  risk: { quasiIdentifiers: ['city'], targetK: 5, perFile: [{ file: 'tickets.ndjson', records: 30, classes: 10, k: 2, uniqueShare: 0.1 }] },
  reviewerDecisions: {
    allowlisted: 1,
    addedTerms: 2,
    acknowledgedAll: true,
    acknowledgements: [{ residual: 'tickets.ndjson:4:description:PHONE', by: 'reviewer in the app', at: '2026-03-01T10:05:00.000Z', note: 'hotline number' }],
  },
  profile: { version: 1, operators: { EMAIL: 'redact' } },
};

function renderReport(report: FullReportView = REPORT) {
  const onClose = vi.fn();
  render(
    <I18nProvider initialLocale="en">
      <ReportScreen report={report} onClose={onClose} />
    </I18nProvider>,
  );
  return { onClose };
}

describe('ReportScreen', () => {
  it('renders every section of the report from its JSON', () => {
    renderReport();
    expect(screen.getByRole('heading', { name: 'Audit report' })).toBeTruthy();
    expect(screen.getByText('Created 2026-03-01T10:00:00.000Z', { exact: false })).toBeTruthy();
    const verification = screen.getByRole('region', { name: 'Verification' });
    expect(within(verification).getByText('tickets.csv was converted from CSV to NDJSON before it was anonymised.')).toBeTruthy();
    const residual = within(verification).getByRole('table', { name: '1 residual finding' });
    expect(within(residual).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', 'description', 'Phone number', 'phone']);
    expect(within(verification).getByText('None.')).toBeTruthy();
    expect(within(verification).getByText('Structure intact: 30 records in, 30 out.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'What was found, by field' })).getByText('E-mail address 30')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Columns and their roles' })).getByText('0.97')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Re-identification risk' })).getByText('Quasi-identifiers: city; target k = 5.')).toBeTruthy();
    const reviewer = screen.getByRole('region', { name: 'Reviewer decisions' });
    expect(within(reviewer).getByText('Every residual finding was acknowledged.')).toBeTruthy();
    expect(within(within(reviewer).getByRole('table', { name: 'Acknowledgements' })).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'tickets.ndjson:4:description:PHONE',
      'reviewer in the app',
      '2026-03-01T10:05:00.000Z',
      'hotline number',
    ]);
    expect(within(screen.getByRole('region', { name: 'Profile as applied' })).getByText(/"EMAIL": "redact"/)).toBeTruthy();
  });

  it('names files by base name even if a report held a path, and says when the risk was not assessed', () => {
    const { risk: _risk, ...rest } = REPORT;
    renderReport({ ...rest, verification: { ...REPORT.verification!, files: [{ ...REPORT.verification!.files[0]!, anonymised: '/home/ana/out/tickets.ndjson' }] } });
    expect(document.body.textContent).not.toContain('/home/ana');
    expect(screen.getByRole('heading', { name: 'tickets.ndjson' })).toBeTruthy();
    expect(screen.getByText('The re-identification risk was not assessed in this run.')).toBeTruthy();
  });

  it('goes back to the review', () => {
    const { onClose } = renderReport();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the review' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
