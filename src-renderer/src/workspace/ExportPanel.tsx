/**
 * The Export panel, presentational (props in, callbacks out): choose the output folder, the outputs' format, and
 * whether to write the audit report and the hand-over package, then start; while the job runs, a progress bar with
 * records, MB/s and ETA (m:ss) and Cancel; at the end the verification result (passed, or each residual finding and
 * surviving value to acknowledge, with an optional note for the report; "Share" stays disabled until all are
 * acknowledged), the report's summary and "Open report". The pure helpers (`progressFigures`, `formatEta`,
 * `itemsToAcknowledge`, `canShare`) hold the arithmetic and the gate, so they are tested without rendering.
 */
import { useState } from 'react';
import type { ExportFormat, FileHandleInfo, JobProgress, JobProgressFigures } from '../../../shared/ipc-contract';
import { everyItemAcknowledged, itemsToAcknowledge, type AcknowledgementItem } from '../../../shared/report/acknowledgement-items';
import { useI18n } from '../i18n/i18n-context';
import { SelectField } from '../i18n/SelectField';
import { ReportSummary, typeLabel, type ReportView } from './ReportSummary';
import './start-export.css';

export type ExportPanelState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportPanelProps {
  readonly files: readonly FileHandleInfo[];
  readonly outputFolder?: { readonly name: string };
  onChooseFolder(): void;
  onStart(): void;
  onCancel(): void;
  readonly progress?: JobProgress;
  readonly state: ExportPanelState;
  readonly result?: { readonly passed: boolean; readonly report: ReportView };
  readonly error?: string;
  readonly options?: ExportOptions;
  onOptionsChange?(options: ExportOptions): void;
  /** Acknowledges residual findings (by id), with the reviewer's note for the report. */
  onAcknowledge?(ids: readonly string[], note?: string): void;
  readonly acknowledged?: ReadonlySet<string>;
  /** What the finished export wrote besides the outputs: the report (acknowledgements then go into it) and the package. */
  readonly written?: { readonly report: boolean; readonly package: boolean };
  /** Called by "Share", which is enabled only when the verification passed or every item was acknowledged. */
  onShare?(): void;
  /** Opens the report view; the button shows only when given. */
  onOpenReport?(): void;
}

const BYTES_PER_MB = 1_000_000;

export interface ProgressView {
  /** 0 … 1, or undefined when the total is not known. */
  readonly fraction?: number;
  readonly mbPerSecond: number;
  /** The job's own estimate, else the remaining bytes at the speed so far; undefined before anything was read. */
  readonly etaMs?: number;
}

/** Share done, MB/s and ETA from the job's progress figures. */
export function progressFigures(p: JobProgressFigures): ProgressView {
  const fraction = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : undefined;
  const mbPerSecond = p.elapsedMs > 0 ? p.bytes / BYTES_PER_MB / (p.elapsedMs / 1000) : 0;
  const remaining = Math.max(0, p.totalBytes - p.bytes);
  const etaMs = p.etaMs ?? (p.bytes > 0 && p.elapsedMs > 0 && p.totalBytes > 0 ? (remaining / p.bytes) * p.elapsedMs : undefined);
  return { fraction, mbPerSecond, etaMs };
}

/** Milliseconds as m:ss (whole seconds rounded up, so "0:00" only when done); "–" when unknown. */
export function formatEta(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export { itemsToAcknowledge, type AcknowledgementItem };

/** Share is allowed after a passed verification, or when every finding is listed and acknowledged. */
export function canShare(result: { readonly passed: boolean; readonly report: ReportView }, acknowledged: ReadonlySet<string>): boolean {
  return result.passed || everyItemAcknowledged(result.report, acknowledged);
}

/** What the export writes besides the anonymised copies, and in which format. */
export interface ExportOptions {
  /** 'same': each output in its input's format. */
  readonly format: 'same' | ExportFormat;
  /** The audit report, JSON and HTML. */
  readonly report: boolean;
  /** The hand-over package (zip), written only after a passed verification. */
  readonly package: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = Object.freeze({ format: 'same', report: true, package: false });

const NO_ACKNOWLEDGEMENTS: ReadonlySet<string> = new Set();

export function ExportPanel(props: ExportPanelProps) {
  const { t } = useI18n();
  const { files, outputFolder, state } = props;
  const running = state === 'running';

  return (
    <section className="export" aria-labelledby="export-title">
      <h2 id="export-title" className="export__title">
        {t('export.title')}
      </h2>

      <div className="export__folder">
        <span className="export__label">{t('export.outputFolder')}</span>
        <span className={outputFolder ? 'export__folder-name' : 'export__folder-name export__folder-name--none'}>
          {outputFolder ? outputFolder.name : t('export.noFolder')}
        </span>
        <button type="button" className="button" onClick={props.onChooseFolder} disabled={running}>
          {t('export.chooseFolder')}
        </button>
      </div>

      <ExportOptionsFields options={props.options ?? DEFAULT_EXPORT_OPTIONS} onChange={props.onOptionsChange} disabled={running} />

      <div className="export__actions">
        {running ? (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('export.cancel')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={props.onStart} disabled={!outputFolder || files.length === 0}>
            {t('export.start')}
          </button>
        )}
      </div>

      {running && props.progress ? <ExportProgress progress={props.progress} /> : null}
      {state === 'cancelled' ? <p className="export__status">{t('export.cancelled')}</p> : null}
      {state === 'failed' ? (
        <p className="export__error" role="alert">
          {props.error ?? t('export.failed')}
        </p>
      ) : null}
      {state === 'done' && props.written?.package ? <p className="export__status">{t('export.packageWritten')}</p> : null}
      {state === 'done' && props.options?.package && props.written && !props.written.package ? <p className="export__status">{t('export.packageSkipped')}</p> : null}
      {state === 'done' && props.result ? (
        <ExportResult
          result={props.result}
          acknowledged={props.acknowledged ?? NO_ACKNOWLEDGEMENTS}
          reportWritten={props.written?.report ?? false}
          onAcknowledge={props.onAcknowledge}
          onShare={props.onShare}
          onOpenReport={props.onOpenReport}
        />
      ) : null}
    </section>
  );
}

const FORMATS = ['same', 'csv', 'json', 'ndjson'] as const;

function ExportOptionsFields({ options, onChange, disabled }: { readonly options: ExportOptions; onChange?(options: ExportOptions): void; readonly disabled: boolean }) {
  const { t } = useI18n();
  const set = (change: Partial<ExportOptions>) => onChange?.({ ...options, ...change });
  const locked = disabled || !onChange;
  return (
    <fieldset className="export__options" disabled={locked}>
      <legend className="export__label">{t('export.options')}</legend>
      <SelectField
        label="export.format"
        value={options.format}
        options={FORMATS.map((value) => ({ value, label: value === 'same' ? t('export.format.same') : value.toUpperCase() }))}
        onChange={(format) => set({ format })}
      />
      <label className="export__option">
        <input type="checkbox" checked={options.report} onChange={(event) => set({ report: event.target.checked })} />
        <span>{t('export.report')}</span>
      </label>
      <label className="export__option">
        <input type="checkbox" checked={options.package} onChange={(event) => set({ package: event.target.checked })} />
        <span>{t('export.package')}</span>
      </label>
      <p className="export__hint">{t('export.packageHint')}</p>
    </fieldset>
  );
}

function ExportProgress({ progress }: { readonly progress: JobProgress }) {
  const { t, locale } = useI18n();
  const view = progressFigures(progress);
  const mbps = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(view.mbPerSecond);
  return (
    <div className="export__progress">
      <progress
        className="export__bar"
        aria-label={t('export.progress.label')}
        max={1}
        {...(view.fraction === undefined ? {} : { value: view.fraction })}
      />
      <p className="export__figures">
        <span>{t('export.progress.records', { records: progress.records })}</span>
        <span>{t('export.progress.speed', { mbps })}</span>
        <span>{t('export.progress.eta', { eta: formatEta(view.etaMs) })}</span>
      </p>
    </div>
  );
}

interface ExportResultProps {
  readonly result: { readonly passed: boolean; readonly report: ReportView };
  readonly acknowledged: ReadonlySet<string>;
  readonly reportWritten: boolean;
  onAcknowledge?(ids: readonly string[], note?: string): void;
  onShare?(): void;
  onOpenReport?(): void;
}

function ExportResult({ result, acknowledged, reportWritten, onAcknowledge, onShare, onOpenReport }: ExportResultProps) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const { items, unlisted } = itemsToAcknowledge(result.report);
  const open = items.filter((item) => !acknowledged.has(item.id));
  const acknowledge = (ids: readonly string[]) => onAcknowledge?.(ids, note.trim() === '' ? undefined : note.trim());
  return (
    <div className="export__result">
      <p className={result.passed ? 'verdict verdict--passed' : 'verdict verdict--failed'} role="status">
        {t(result.passed ? 'export.verification.passed' : 'export.verification.failed')}
      </p>

      {result.passed ? null : (
        <fieldset className="acknowledge">
          <legend className="acknowledge__legend">{t('export.acknowledge', { count: items.length + unlisted })}</legend>
          <ul className="acknowledge__list">
            {items.map((item) => (
              <li key={item.id}>
                <label className="acknowledge__item">
                  <input
                    type="checkbox"
                    checked={acknowledged.has(item.id)}
                    disabled={!onAcknowledge || acknowledged.has(item.id)}
                    onChange={() => acknowledge([item.id])}
                  />
                  <span>
                    {t(item.kind === 'residual' ? 'export.acknowledge.residual' : 'export.acknowledge.survival', {
                      type: typeLabel(t, item.type),
                      file: item.file,
                      record: item.record === null ? '–' : item.record + 1,
                      field: item.field,
                      detail: item.detail,
                    })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {unlisted > 0 ? <p className="export__status">{t('export.acknowledge.unlisted', { count: unlisted })}</p> : null}
          <label className="acknowledge__note">
            <span>{t('export.acknowledge.note')}</span>
            <textarea className="field__control acknowledge__text" value={note} maxLength={2000} rows={2} onChange={(event) => setNote(event.target.value)} disabled={!onAcknowledge || open.length === 0} />
          </label>
          <button type="button" className="button" disabled={!onAcknowledge || open.length === 0} onClick={() => acknowledge(open.map((item) => item.id))}>
            {t('export.acknowledgeAction')}
          </button>
          <p className="export__hint">{t(reportWritten ? 'export.acknowledge.intoReport' : 'export.acknowledge.windowOnly')}</p>
        </fieldset>
      )}

      <div className="export__actions">
        <button type="button" className="button button--primary" disabled={!canShare(result, acknowledged)} onClick={onShare}>
          {t('export.share')}
        </button>
        {onOpenReport ? (
          <button type="button" className="button" onClick={onOpenReport}>
            {t('export.openReport')}
          </button>
        ) : null}
      </div>

      <ReportSummary report={result.report} />
    </div>
  );
}
