/**
 * The audit report of a finished export, summarised for the Export panel: the plain-language statement (its kind
 * and text), every file with its SHA-256, the findings counted by type and the key's fingerprint. Presentational:
 * it shows only what its `report` prop holds. `ReportView` declares the few fields of the audit report
 * (src-main/jobs/audit-report.ts, not importable here) that the renderer reads; `asReportView` checks a job result
 * against it. The report holds locations and counts, never a value from the data.
 */
import { baseName } from '../../../shared/report/acknowledgement-items';
import type { MessageKey } from '../i18n/catalogues';
import { useI18n } from '../i18n/i18n-context';
import './start-export.css';

export type StatementKind = 'pseudonymised' | 'anonymised' | 'de-identified';

/** Where something was found: a 0-based record (`null` outside the record arrays of a JSON file) and a field path. */
export interface ReportLocation {
  readonly record: number | null;
  readonly field: string;
  readonly type: string;
}

export interface ReportFileFacts {
  /** May be a full path: only its base name is shown. */
  readonly path: string;
  readonly sha256: string;
}

/** The audit report's fields the renderer shows. */
export interface ReportView {
  readonly statement: { readonly kind: StatementKind; readonly text: string };
  readonly key: { readonly fingerprint: string; readonly ephemeral: boolean };
  readonly files: readonly { readonly input: ReportFileFacts; readonly output: ReportFileFacts; readonly records: number }[];
  readonly totals: { readonly records: number; readonly findings: number; readonly findingsByType: Readonly<Partial<Record<string, number>>> };
  readonly verification?: {
    readonly passed: boolean;
    readonly notes?: readonly string[];
    readonly files: readonly {
      readonly anonymised: string;
      readonly residual: { readonly count: number; readonly locations: readonly (ReportLocation & { readonly detector: string })[] };
      readonly survival: { readonly count: number; readonly locations: readonly (ReportLocation & { readonly form: string })[] };
      readonly structure?: { readonly passed: boolean; readonly originalRecords: number; readonly anonymisedRecords: number };
    }[];
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The report of a run job's result when it has the fields `ReportView` declares; otherwise undefined. */
export function asReportView(value: unknown): ReportView | undefined {
  if (!isObject(value)) return undefined;
  const { statement, key, files, totals } = value;
  const ok =
    isObject(statement) &&
    typeof statement.text === 'string' &&
    ['pseudonymised', 'anonymised', 'de-identified'].includes(statement.kind as string) &&
    isObject(key) &&
    typeof key.fingerprint === 'string' &&
    Array.isArray(files) &&
    files.every((f) => isObject(f) && isObject(f.input) && isObject(f.output) && typeof f.input.sha256 === 'string') &&
    isObject(totals) &&
    isObject(totals.findingsByType);
  return ok ? (value as unknown as ReportView) : undefined;
}

export { baseName };

export interface ReportSummaryProps {
  readonly report: ReportView;
}

export function ReportSummary({ report }: ReportSummaryProps) {
  const { t } = useI18n();
  const counts = Object.entries(report.totals.findingsByType)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .sort(([a], [b]) => a.localeCompare(b));

  return (
    <section className="report" aria-labelledby="report-title">
      <h3 id="report-title" className="report__title">
        {t('report.title')}
      </h3>

      <div className="report__statement" data-kind={report.statement.kind}>
        <p className="report__statement-kind">{t(`report.statement.${report.statement.kind}` as MessageKey)}</p>
        <p className="report__statement-text">{report.statement.text}</p>
      </div>

      <h4 className="report__heading">{t('report.files')}</h4>
      <table className="report__table">
        <thead>
          <tr>
            <th scope="col">{t('report.file')}</th>
            <th scope="col">{t('report.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {report.files.flatMap((file, index) =>
            (['input', 'output'] as const).map((side) => (
              <tr key={`${index}-${side}`}>
                <td>
                  {t(side === 'input' ? 'report.input' : 'report.output', { name: baseName(file[side].path) })}
                </td>
                <td className="report__hash">{file[side].sha256}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>

      <h4 className="report__heading">{t('report.countsByType')}</h4>
      {counts.length === 0 ? (
        <p>{t('overview.noFindings')}</p>
      ) : (
        <ul className="report__counts">
          {counts.map(([type, count]) => (
            <li key={type}>
              <span>{typeLabel(t, type)}</span> <span className="report__count">{count}</span>
            </li>
          ))}
        </ul>
      )}

      <p className="report__key">
        {t('settings.key.fingerprint', { fingerprint: report.key.fingerprint })}
        {report.key.ephemeral ? <span className="report__note"> {t('report.ephemeralKey')}</span> : null}
      </p>
    </section>
  );
}

/** A finding type's label from the catalogue (`type.EMAIL`), or the type itself when the catalogue has none. */
export function typeLabel(t: (key: MessageKey) => string, type: string): string {
  const key = `type.${type}` as MessageKey;
  const label = t(key);
  return label === key ? type : label;
}
