/**
 * The report view: the audit report of the finished export, opened in the app. The summary (`ReportSummary`), then
 * the report's sections rendered from its JSON: the verification per file (residual findings, surviving values,
 * structure), what was found per field, the columns and their roles, the re-identification risk, the reviewer's
 * decisions with every acknowledgement, and the profile as applied. Presentational, and it shows only what the
 * report holds: locations, types and counts, never a value from the data (files by base name only).
 */
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalogues';
import { useI18n } from '../i18n/i18n-context';
import { baseName, ReportSummary, typeLabel, type ReportLocation, type ReportView } from './ReportSummary';
import './start-export.css';

type Counts = Readonly<Partial<Record<string, number>>>;

/** The report's further sections, as `ReportScreen` reads them; every one may be missing. */
export interface FullReportView extends ReportView {
  readonly createdAt?: string;
  readonly tool?: { readonly name: string; readonly version: string };
  readonly files: readonly (ReportView['files'][number] & {
    readonly findingsByField?: Readonly<Record<string, Counts>>;
    readonly columns?: readonly { readonly field: string; readonly role: string; readonly type?: string; readonly confidence?: number }[];
  })[];
  readonly risk?: {
    readonly quasiIdentifiers: readonly string[];
    readonly targetK: number;
    readonly perFile: readonly { readonly file: string; readonly records: number; readonly classes: number; readonly k: number; readonly uniqueShare: number }[];
  };
  readonly reviewerDecisions?: {
    readonly allowlisted: number;
    readonly addedTerms: number;
    readonly acknowledgedAll?: boolean;
    readonly acknowledgements: readonly { readonly residual: string; readonly by?: string; readonly at: string; readonly note?: string }[];
  };
  readonly profile?: unknown;
}

export interface ReportScreenProps {
  readonly report: FullReportView;
  onClose(): void;
}

const record = (r: number | null | undefined): string => (r === null || r === undefined ? '–' : String(r + 1));

function Table({ head, rows, caption }: { readonly head: readonly string[]; readonly rows: readonly (readonly ReactNode[])[]; readonly caption?: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="report__none">{t('report.none')}</p>;
  return (
    <table className="report__table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Section({ id, title, children }: { readonly id: string; readonly title: MessageKey; readonly children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="report-screen__section" aria-labelledby={`report-${id}`}>
      <h3 id={`report-${id}`} className="report__heading">
        {t(title)}
      </h3>
      {children}
    </section>
  );
}

export function ReportScreen({ report, onClose }: ReportScreenProps) {
  const { t } = useI18n();
  const type = (ty: string) => typeLabel(t, ty);
  const where = (l: ReportLocation) => [record(l.record), l.field, type(l.type)];
  const decisions = report.reviewerDecisions;
  const verdict = report.verification ? (report.verification.passed ? 'export.verification.passed' : 'export.verification.failed') : 'report.notVerified';

  return (
    <main className="report-screen" aria-labelledby="report-screen-title">
      <header className="report-screen__header">
        <h2 id="report-screen-title" className="report-screen__title">
          {t('report.fullTitle')}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('report.back')}
        </button>
      </header>
      <p className="report-screen__meta">
        {report.createdAt ? t('report.createdAt', { date: report.createdAt }) : null} {report.tool ? `${report.tool.name} ${report.tool.version}` : null}
      </p>
      <p className={report.verification?.passed ? 'verdict verdict--passed' : 'verdict verdict--failed'}>{t(verdict)}</p>

      <ReportSummary report={report} />

      <Section id="verification" title="report.verification">
        {(report.verification?.notes ?? []).map((note) => (
          <p key={note} className="report__note">
            {note}
          </p>
        ))}
        {(report.verification?.files ?? []).map((f) => (
          <div key={f.anonymised} className="report-screen__file">
            <h4 className="report__heading">{baseName(f.anonymised)}</h4>
            <Table
              caption={t('report.residual', { count: f.residual.count })}
              head={[t('report.record'), t('report.field'), t('report.type'), t('report.detector')]}
              rows={f.residual.locations.map((l) => [...where(l), l.detector])}
            />
            <Table
              caption={t('report.survival', { count: f.survival.count })}
              head={[t('report.record'), t('report.field'), t('report.type'), t('report.form')]}
              rows={f.survival.locations.map((l) => [...where(l), l.form])}
            />
            {f.structure ? (
              <p>
                {t(f.structure.passed ? 'report.structure.passed' : 'report.structure.failed', {
                  original: f.structure.originalRecords,
                  anonymised: f.structure.anonymisedRecords,
                })}
              </p>
            ) : null}
          </div>
        ))}
      </Section>

      <Section id="findings" title="report.findingsByField">
        {report.files.map((f) => (
          <Table
            key={f.input.path}
            caption={baseName(f.input.path)}
            head={[t('report.field'), t('report.countsByType')]}
            rows={Object.entries(f.findingsByField ?? {}).map(([field, counts]) => [
              field,
              Object.entries(counts)
                .map(([ty, n]) => `${type(ty)} ${n ?? 0}`)
                .join(', '),
            ])}
          />
        ))}
      </Section>

      <Section id="columns" title="report.columns">
        {report.files.map((f) => (
          <Table
            key={f.input.path}
            caption={baseName(f.input.path)}
            head={[t('report.field'), t('report.role'), t('report.type'), t('report.confidence')]}
            rows={(f.columns ?? []).map((c) => [c.field, c.role, c.type ? type(c.type) : '–', typeof c.confidence === 'number' ? c.confidence.toFixed(2) : '–'])}
          />
        ))}
      </Section>

      <Section id="risk" title="report.risk">
        {report.risk ? (
          <>
            <p>{t('report.risk.quasiIdentifiers', { columns: report.risk.quasiIdentifiers.join(', ') || '–', k: report.risk.targetK })}</p>
            <Table
              head={[t('report.file'), t('report.records'), 'k', t('report.uniqueShare')]}
              rows={report.risk.perFile.map((p) => [baseName(p.file), p.records, p.k, `${(p.uniqueShare * 100).toFixed(1)} %`])}
            />
          </>
        ) : (
          <p className="report__none">{t('report.risk.none')}</p>
        )}
      </Section>

      <Section id="reviewer" title="report.reviewer">
        {decisions ? (
          <>
            <p>{t('report.reviewer.counts', { allowlisted: decisions.allowlisted, added: decisions.addedTerms })}</p>
            {decisions.acknowledgedAll === undefined ? null : (
              <p className={decisions.acknowledgedAll ? 'verdict verdict--passed' : 'verdict verdict--failed'}>
                {t(decisions.acknowledgedAll ? 'report.reviewer.all' : 'report.reviewer.notAll')}
              </p>
            )}
            <Table
              caption={t('report.acknowledgements')}
              head={[t('report.finding'), t('report.by'), t('report.at'), t('report.note')]}
              rows={decisions.acknowledgements.map((a) => [a.residual, a.by ?? '–', a.at, a.note ?? '–'])}
            />
          </>
        ) : null}
      </Section>

      {report.profile === undefined ? null : (
        <Section id="profile" title="report.profile">
          {/* focusable, so that a keyboard can scroll it (it scrolls sideways on long lines) */}
          <pre className="report-screen__profile" tabIndex={0} aria-label={t('report.profile')}>
            {JSON.stringify(report.profile, null, 2)}
          </pre>
        </Section>
      )}
    </main>
  );
}
