/**
 * The Export panel, presentational (props in, callbacks out): choose the output folder and start; while the job
 * runs, a progress bar with records, MB/s and ETA (m:ss) and Cancel; at the end the verification result (passed,
 * or each residual finding and surviving value to acknowledge; "Share" stays disabled until all are acknowledged)
 * and the report's summary. The pure helpers (`progressFigures`, `formatEta`, `itemsToAcknowledge`, `canShare`)
 * hold the arithmetic and the gate, so they are tested without rendering.
 */
import type { FileHandleInfo, JobProgress, JobProgressFigures } from '../../../shared/ipc-contract';
import { useI18n } from '../i18n/i18n-context';
import { baseName, ReportSummary, typeLabel, type ReportView } from './ReportSummary';
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
  onAcknowledge?(id: string): void;
  readonly acknowledged?: ReadonlySet<string>;
  /** Called by "Share", which is enabled only when the verification passed or every item was acknowledged. */
  onShare?(): void;
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

/** A residual finding or a surviving original value the reviewer must acknowledge. Never holds a value. */
export interface AcknowledgementItem {
  /** "file:record:field:type" (the audit report's residual id), with ":form" added for a surviving value. */
  readonly id: string;
  readonly kind: 'residual' | 'survival';
  readonly file: string;
  readonly record: number | null;
  readonly field: string;
  readonly type: string;
  /** The detector (residual) or the spelling it survived in (survival). */
  readonly detail: string;
}

/** Every listed residual and surviving value of the report, once each; `unlisted` counts those capped away. */
export function itemsToAcknowledge(report: ReportView): { readonly items: readonly AcknowledgementItem[]; readonly unlisted: number } {
  const items = new Map<string, AcknowledgementItem>();
  let unlisted = 0;
  for (const file of report.verification?.files ?? []) {
    const name = baseName(file.anonymised);
    const base = (l: { record: number | null; field: string; type: string }) => ({ file: name, record: l.record, field: l.field, type: l.type });
    const idOf = (l: { record: number | null; field: string; type: string }) => `${name}:${l.record ?? '-'}:${l.field}:${l.type}`;
    for (const l of file.residual.locations) items.set(idOf(l), { id: idOf(l), kind: 'residual', detail: l.detector, ...base(l) });
    for (const l of file.survival.locations) {
      const id = `${idOf(l)}:${l.form}`;
      items.set(id, { id, kind: 'survival', detail: l.form, ...base(l) });
    }
    unlisted += Math.max(0, file.residual.count - file.residual.locations.length) + Math.max(0, file.survival.count - file.survival.locations.length);
  }
  return { items: [...items.values()], unlisted };
}

/** Share is allowed after a passed verification, or when every finding is listed and acknowledged. */
export function canShare(result: { readonly passed: boolean; readonly report: ReportView }, acknowledged: ReadonlySet<string>): boolean {
  if (result.passed) return true;
  const { items, unlisted } = itemsToAcknowledge(result.report);
  return items.length > 0 && unlisted === 0 && items.every((item) => acknowledged.has(item.id));
}

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
      {state === 'done' && props.result ? (
        <ExportResult
          result={props.result}
          acknowledged={props.acknowledged ?? NO_ACKNOWLEDGEMENTS}
          onAcknowledge={props.onAcknowledge}
          onShare={props.onShare}
        />
      ) : null}
    </section>
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
  onAcknowledge?(id: string): void;
  onShare?(): void;
}

function ExportResult({ result, acknowledged, onAcknowledge, onShare }: ExportResultProps) {
  const { t } = useI18n();
  const { items, unlisted } = itemsToAcknowledge(result.report);
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
                    disabled={!onAcknowledge}
                    onChange={() => onAcknowledge?.(item.id)}
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
        </fieldset>
      )}

      <button type="button" className="button button--primary" disabled={!canShare(result, acknowledged)} onClick={onShare}>
        {t('export.share')}
      </button>

      <ReportSummary report={result.report} />
    </div>
  );
}
