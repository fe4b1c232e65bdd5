// @vitest-environment jsdom
// The Export panel as a presentational component: progress figures and ETA, cancel, passed and failed results,
// acknowledgements gating "Share", and the report summary showing its statement and nothing beyond its props.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileHandleInfo, JobProgress } from '../../../shared/ipc-contract';
import { I18nProvider } from '../../../src-renderer/src/i18n/i18n-context';
import {
  canShare,
  ExportPanel,
  formatEta,
  itemsToAcknowledge,
  progressFigures,
  type ExportPanelProps,
} from '../../../src-renderer/src/workspace/ExportPanel';
import { asReportView, type ReportView } from '../../../src-renderer/src/workspace/ReportSummary';

afterEach(cleanup);

const FILES: readonly FileHandleInfo[] = [{ id: 'h1', name: 'tickets.csv', size: 4_000_000, format: 'csv' }];
const SHA_IN = 'a'.repeat(64);
const SHA_OUT = 'b'.repeat(64);

function report(verification?: ReportView['verification']): ReportView {
  return {
    statement: { kind: 'pseudonymised', text: 'The output is pseudonymised, not anonymised.' },
    key: { fingerprint: 'fp:1234abcd', ephemeral: false },
    files: [{ input: { path: '/home/ana/exports/tickets.csv', sha256: SHA_IN }, output: { path: '/tmp/out/tickets.csv', sha256: SHA_OUT }, records: 3 }],
    totals: { records: 3, findings: 5, findingsByType: { EMAIL: 3, PERSON: 2 } },
    ...(verification ? { verification } : {}),
  };
}

const FAILED = report({
  passed: false,
  files: [
    {
      anonymised: '/tmp/out/tickets.csv',
      residual: { count: 1, locations: [{ record: 0, field: 'body', type: 'EMAIL', detector: 'email' }] },
      survival: { count: 1, locations: [{ record: 2, field: 'subject', type: 'PERSON', form: 'lowercase' }] },
    },
  ],
});

function renderPanel(props: Partial<ExportPanelProps> = {}, locale = 'en') {
  const handlers = { onChooseFolder: vi.fn(), onStart: vi.fn(), onCancel: vi.fn(), onAcknowledge: vi.fn(), onShare: vi.fn() };
  const view = (p: Partial<ExportPanelProps>) => (
    <I18nProvider initialLocale={locale}>
      <ExportPanel files={FILES} outputFolder={{ name: 'out' }} state="idle" {...handlers} {...p} />
    </I18nProvider>
  );
  const { rerender } = render(view(props));
  return { ...handlers, rerender: (p: Partial<ExportPanelProps>) => rerender(view(p)) };
}

/** The acknowledgement checkboxes (the export options have checkboxes too). */
const ackBoxes = (): HTMLInputElement[] => screen.queryAllByRole('checkbox').filter((box) => box.closest('.acknowledge') !== null) as HTMLInputElement[];

const progress = (over: Partial<JobProgress> = {}): JobProgress => ({
  jobId: 'j1',
  kind: 'run',
  bytes: 1_000_000,
  totalBytes: 4_000_000,
  records: 1234,
  findings: 10,
  elapsedMs: 2000,
  ...over,
});

describe('progress figures', () => {
  it('computes the share, MB/s and the ETA from the remaining bytes', () => {
    const view = progressFigures(progress());
    expect(view.fraction).toBe(0.25);
    expect(view.mbPerSecond).toBeCloseTo(0.5);
    expect(view.etaMs).toBe(6000);
  });

  it("prefers the job's own ETA, and has none before anything was read", () => {
    expect(progressFigures(progress({ etaMs: 90_500 })).etaMs).toBe(90_500);
    expect(progressFigures(progress({ bytes: 0, elapsedMs: 0 }))).toEqual({ fraction: 0, mbPerSecond: 0, etaMs: undefined });
    expect(progressFigures(progress({ totalBytes: 0 })).fraction).toBeUndefined();
  });

  it('formats the ETA as m:ss, rounding seconds up', () => {
    expect(formatEta(0)).toBe('0:00');
    expect(formatEta(1)).toBe('0:01');
    expect(formatEta(59_000)).toBe('0:59');
    expect(formatEta(61_000)).toBe('1:01');
    expect(formatEta(754_200)).toBe('12:35');
    expect(formatEta(undefined)).toBe('–');
    expect(formatEta(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('ExportPanel', () => {
  it('chooses the folder and starts; Start needs a folder and files', () => {
    const { onChooseFolder, onStart, rerender } = renderPanel();
    expect(screen.getByText('out')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start export' }));
    expect(onChooseFolder).toHaveBeenCalledTimes(1);
    expect(onStart).toHaveBeenCalledTimes(1);
    rerender({ outputFolder: undefined });
    expect(screen.getByText('No folder chosen')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Start export' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a progress bar with records, MB/s and ETA while running, and cancels', () => {
    const { onCancel } = renderPanel({ state: 'running', progress: progress({ records: 1234, elapsedMs: 2000, etaMs: 75_000 }) });
    const bar = screen.getByRole('progressbar', { name: 'Export progress' }) as HTMLProgressElement;
    expect(bar.value).toBe(0.25);
    expect(screen.getByText('1,234 records')).toBeTruthy();
    expect(screen.getByText('0.5 MB/s')).toBeTruthy();
    expect(screen.getByText('ETA 1:15')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start export' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('formats the figures in German', () => {
    renderPanel({ state: 'running', progress: progress({ bytes: 3_000_000, elapsedMs: 2000 }) }, 'de');
    expect(screen.getByText('1.234 Datensätze')).toBeTruthy();
    expect(screen.getByText('1,5 MB/s')).toBeTruthy();
    expect(screen.getByText('Restzeit 0:01')).toBeTruthy();
  });

  it('says when the export was cancelled, and shows the error when it failed', () => {
    const { rerender } = renderPanel({ state: 'cancelled' });
    expect(screen.getByText('Export cancelled. No output was written.')).toBeTruthy();
    rerender({ state: 'failed', error: 'The output folder is not writable.' });
    expect(screen.getByRole('alert').textContent).toBe('The output folder is not writable.');
  });

  it('shows a passed verification with Share enabled and nothing to acknowledge', () => {
    const { onShare } = renderPanel({ state: 'done', result: { passed: true, report: report({ passed: true, files: [] }) } });
    expect(screen.getByRole('status').textContent).toBe('Verification passed');
    expect(ackBoxes()).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect(onShare).toHaveBeenCalledTimes(1);
  });

  it('lists residual findings and surviving values to acknowledge, with no value, and gates Share on all of them', () => {
    const { onAcknowledge, rerender } = renderPanel({ state: 'done', result: { passed: false, report: FAILED } });
    expect(screen.getByRole('status').textContent).toBe('Verification failed');
    expect(screen.getByText('2 findings to acknowledge')).toBeTruthy();
    const boxes = ackBoxes();
    expect(boxes).toHaveLength(2);
    expect(screen.getByText('E-mail address still found in tickets.csv, record 1, field body (detector email)')).toBeTruthy();
    expect(screen.getByText('An original Person value survived in tickets.csv, record 3, field subject (as lowercase)')).toBeTruthy();
    const share = () => screen.getByRole('button', { name: 'Share' }) as HTMLButtonElement;
    expect(share().disabled).toBe(true);

    fireEvent.click(boxes[0]!);
    expect(onAcknowledge).toHaveBeenCalledWith(['tickets.csv:0:body:EMAIL'], undefined);
    rerender({ state: 'done', result: { passed: false, report: FAILED }, acknowledged: new Set(['tickets.csv:0:body:EMAIL']) });
    expect(share().disabled).toBe(true);
    rerender({
      state: 'done',
      result: { passed: false, report: FAILED },
      acknowledged: new Set(['tickets.csv:0:body:EMAIL', 'tickets.csv:2:subject:PERSON:lowercase']),
    });
    expect(ackBoxes().every((box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(share().disabled).toBe(false);
  });

  it('acknowledges every open finding at once, with the note for the report; acknowledged ones cannot be unticked', () => {
    const { onAcknowledge, rerender } = renderPanel({ state: 'done', result: { passed: false, report: FAILED }, written: { report: true, package: false } });
    expect(screen.getByText('Acknowledgements are written into the audit report.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Note for the report (optional)'), { target: { value: '  known test address  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge all listed' }));
    expect(onAcknowledge).toHaveBeenCalledWith(['tickets.csv:0:body:EMAIL', 'tickets.csv:2:subject:PERSON:lowercase'], 'known test address');
    rerender({ state: 'done', result: { passed: false, report: FAILED }, written: { report: true, package: false }, acknowledged: new Set(['tickets.csv:0:body:EMAIL']) });
    const [first, second] = ackBoxes();
    expect(first!.checked && first!.disabled).toBe(true);
    expect(second!.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge all listed' }));
    expect(onAcknowledge).toHaveBeenLastCalledWith(['tickets.csv:2:subject:PERSON:lowercase'], 'known test address');
  });

  it('says when acknowledgements stay in the window, and whether the package was written', () => {
    const { rerender } = renderPanel({ state: 'done', result: { passed: false, report: FAILED }, written: { report: false, package: false }, options: { format: 'same', report: false, package: true } });
    expect(screen.getByText('No report was written for this export: acknowledgements stay in this window.')).toBeTruthy();
    expect(screen.getByText('No package was written: the verification did not pass.')).toBeTruthy();
    rerender({ state: 'done', result: { passed: true, report: report({ passed: true, files: [] }) }, written: { report: true, package: true }, options: { format: 'same', report: true, package: true } });
    expect(screen.getByText('The hand-over package was written.')).toBeTruthy();
  });

  it('offers the format, report and package options, report on and package off by default, locked while running', () => {
    const onOptionsChange = vi.fn();
    const { rerender } = renderPanel({ onOptionsChange });
    const format = screen.getByLabelText('Format') as HTMLSelectElement;
    expect([...format.options].map((o) => o.textContent)).toEqual(['Same as the input', 'CSV', 'JSON', 'NDJSON']);
    expect(format.value).toBe('same');
    const reportBox = screen.getByRole('checkbox', { name: 'Write the audit report (JSON and HTML)' }) as HTMLInputElement;
    const packageBox = screen.getByRole('checkbox', { name: 'Write a hand-over package (zip)' }) as HTMLInputElement;
    expect([reportBox.checked, packageBox.checked]).toEqual([true, false]);
    fireEvent.change(format, { target: { value: 'ndjson' } });
    expect(onOptionsChange).toHaveBeenLastCalledWith({ format: 'ndjson', report: true, package: false });
    fireEvent.click(packageBox);
    expect(onOptionsChange).toHaveBeenLastCalledWith({ format: 'same', report: true, package: true });
    fireEvent.click(reportBox);
    expect(onOptionsChange).toHaveBeenLastCalledWith({ format: 'same', report: false, package: false });
    rerender({ onOptionsChange, state: 'running', progress: progress() });
    expect((screen.getByRole('group', { name: 'Options' }) as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('opens the report from the result', () => {
    const onOpenReport = vi.fn();
    renderPanel({ state: 'done', result: { passed: true, report: report({ passed: true, files: [] }) }, onOpenReport });
    fireEvent.click(screen.getByRole('button', { name: 'Open report' }));
    expect(onOpenReport).toHaveBeenCalledTimes(1);
  });

  it('keeps Share disabled when findings were capped out of the list, or a failure lists none', () => {
    const capped = report({
      passed: false,
      files: [{ anonymised: 'x.csv', residual: { count: 3, locations: [{ record: 0, field: 'f', type: 'EMAIL', detector: 'email' }] }, survival: { count: 0, locations: [] } }],
    });
    const { items, unlisted } = itemsToAcknowledge(capped);
    expect(items.map((i) => i.id)).toEqual(['x.csv:0:f:EMAIL']);
    expect(unlisted).toBe(2);
    expect(canShare({ passed: false, report: capped }, new Set(['x.csv:0:f:EMAIL']))).toBe(false);
    expect(canShare({ passed: false, report: report({ passed: false, files: [] }) }, new Set())).toBe(false);
    renderPanel({ state: 'done', result: { passed: false, report: capped }, acknowledged: new Set(['x.csv:0:f:EMAIL']) });
    expect(screen.getByText(/2 more findings are not listed here/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Share' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ReportSummary', () => {
  it('shows the statement, the files by base name with SHA-256, counts by type and the key fingerprint', () => {
    renderPanel({ state: 'done', result: { passed: true, report: report() } });
    const summary = within(screen.getByRole('region', { name: 'Report' }));
    expect(summary.getByText('Pseudonymised')).toBeTruthy();
    expect(summary.getByText('The output is pseudonymised, not anonymised.')).toBeTruthy();
    expect(summary.getByText('Input: tickets.csv')).toBeTruthy();
    expect(summary.getByText('Output: tickets.csv')).toBeTruthy();
    expect(summary.getByText(SHA_IN)).toBeTruthy();
    expect(summary.getByText(SHA_OUT)).toBeTruthy();
    expect(summary.getByText('E-mail address').parentElement!.textContent).toBe('E-mail address 3');
    expect(summary.getByText('Person').parentElement!.textContent).toBe('Person 2');
    expect(summary.getByText('Fingerprint: fp:1234abcd')).toBeTruthy();
  });

  it('shows nothing that is not in its props: no folder, no extra field of the report', () => {
    const leaky = { ...report(), profile: { deny: ['CANARY-SECRET'] }, createdAt: 'CANARY-DATE' } as ReportView;
    renderPanel({ state: 'done', result: { passed: true, report: leaky } });
    const text = screen.getByRole('region', { name: 'Report' }).textContent ?? '';
    expect(text).not.toContain('/home/ana');
    expect(text).not.toContain('/tmp/out');
    expect(text).not.toContain('CANARY');
    expect(text).not.toContain('fresh key');
  });

  it('says when the key was made for this run only', () => {
    renderPanel({ state: 'done', result: { passed: true, report: { ...report(), key: { fingerprint: 'fp', ephemeral: true } } } }, 'de');
    expect(screen.getByText(/neuer Schlüssel erzeugt/)).toBeTruthy();
    expect(screen.getByText('Pseudonymisiert')).toBeTruthy();
  });

  it('accepts a run result that has the shown fields, and rejects one that does not', () => {
    expect(asReportView(report())).toBeDefined();
    expect(asReportView({ ...report(), statement: { kind: 'other', text: 'x' } })).toBeUndefined();
    expect(asReportView({ statement: report().statement })).toBeUndefined();
    expect(asReportView(null)).toBeUndefined();
  });
});
