/**
 * The workspace's overview of one file, presentational: for each column its detected role, the types found, the
 * number of findings, the share of the shown rows it affects, the operator in use (editable in place: a value
 * operator, a field operator, or "by type"), and a bar chart of findings per type (`<meter>` elements, no style
 * attributes); then the operator of each type found. `columnSummaries` computes the numbers.
 */
import { useId } from 'react';
import { ENTITY_TYPES, type ColumnRoleKind, type EntityType } from '../../../shared/detect/finding';
import { useI18n } from '../i18n/i18n-context';
import type { FilePreview } from '../state/preview-model';
import type { OperatorSpec, ProfileJson } from '../state/profile-edits';
import type { ReviewedRecord } from '../state/recompute-preview';
import './workspace.css';

export const OPERATOR_CHOICES = ['redact', 'mask', 'hash', 'pseudonym', 'generalise', 'keep', 'drop', 'blank'] as const;

export interface OverviewProps {
  readonly file: FilePreview;
  readonly reviewed: readonly ReviewedRecord[];
  readonly profile: ProfileJson;
  /** A column's operator chosen; null: "by type" (the column's rule removed). */
  readonly onOperatorChange: (column: string, spec: OperatorSpec | null) => void;
  readonly onTypeOperatorChange: (type: EntityType, spec: OperatorSpec) => void;
}

export interface ColumnSummary {
  readonly column: string;
  readonly role?: ColumnRoleKind;
  /** Findings per type, in the order of ENTITY_TYPES. */
  readonly byType: readonly { readonly type: EntityType; readonly count: number }[];
  readonly findings: number;
  /** Rows with at least one finding in the column. */
  readonly rowsAffected: number;
}

/** One summary per column: the file's classified columns first, then any other field group in the rows. */
export function columnSummaries(file: FilePreview, reviewed: readonly ReviewedRecord[]): ColumnSummary[] {
  const counts = new Map<string, { byType: Map<EntityType, number>; rows: number }>();
  const entry = (column: string) => {
    let e = counts.get(column);
    if (!e) counts.set(column, (e = { byType: new Map(), rows: 0 }));
    return e;
  };
  for (const c of file.columns) entry(c.field);
  for (const record of reviewed) {
    const affected = new Set<string>();
    for (const field of record.fields) {
      const e = entry(field.group);
      for (const f of field.findings) e.byType.set(f.type, (e.byType.get(f.type) ?? 0) + 1);
      if (field.findings.length > 0) affected.add(field.group);
    }
    for (const column of affected) entry(column).rows += 1;
  }
  const roles = new Map(file.columns.map((c) => [c.field, c.role]));
  return [...counts.entries()].map(([column, e]) => {
    const byType = ENTITY_TYPES.filter((type) => e.byType.has(type)).map((type) => ({ type, count: e.byType.get(type)! }));
    const role = roles.get(column);
    return { column, ...(role ? { role } : {}), byType, findings: byType.reduce((n, x) => n + x.count, 0), rowsAffected: e.rows };
  });
}

/** The operator name of a profile entry: `"mask"`, `{"operator": "mask", …}`, or a rule `{"operator": {…}}`. */
function operatorName(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'object' && entry !== null && 'operator' in entry) return operatorName((entry as { operator: unknown }).operator);
  return '';
}

function entryOf(profile: ProfileJson, key: 'columns' | 'operators', name: string): unknown {
  const object = profile[key];
  return typeof object === 'object' && object !== null && Object.hasOwn(object, name) ? (object as Record<string, unknown>)[name] : undefined;
}

interface OperatorSelectProps {
  readonly label: string;
  readonly value: string;
  /** Offer "by type" (value ''). */
  readonly byType: boolean;
  readonly onChange: (value: string) => void;
}

function OperatorSelect({ label, value, byType, onChange }: OperatorSelectProps) {
  const { t } = useI18n();
  const known = value === '' || (OPERATOR_CHOICES as readonly string[]).includes(value);
  return (
    <select className="field__control" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {byType ? <option value="">{t('overview.byType')}</option> : null}
      {known ? null : <option value={value}>{value}</option>}
      {OPERATOR_CHOICES.map((op) => (
        <option key={op} value={op}>
          {t(`operator.${op}`)}
        </option>
      ))}
    </select>
  );
}

export function Overview({ file, reviewed, profile, onOperatorChange, onTypeOperatorChange }: OverviewProps) {
  const { t } = useI18n();
  const id = useId();
  const summaries = columnSummaries(file, reviewed);
  const max = Math.max(1, ...summaries.flatMap((s) => s.byType.map((x) => x.count)));
  const typeOperators = new Map<EntityType, string>();
  for (const record of reviewed) {
    for (const field of record.fields) {
      if (entryOf(profile, 'columns', field.group) !== undefined) continue;
      for (const f of field.findings) if (!typeOperators.has(f.type)) typeOperators.set(f.type, f.operator);
    }
  }
  const types = ENTITY_TYPES.filter((type) => summaries.some((s) => s.byType.some((x) => x.type === type)));
  const percent = (rows: number) => (reviewed.length === 0 ? 0 : Math.round((100 * rows) / reviewed.length));

  return (
    <section className="overview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t('overview.title')}: {file.name}
      </h2>
      <p className="diff__count" aria-live="polite">
        {file.complete ? t('overview.records', { count: file.records }) : t('overview.recordsSoFar', { count: file.records })}
      </p>
      <table className="overview__table">
        <thead>
          <tr>
            <th scope="col">{t('overview.column')}</th>
            <th scope="col">{t('overview.role')}</th>
            <th scope="col">{t('overview.types')}</th>
            <th scope="col">{t('overview.findings')}</th>
            <th scope="col">{t('overview.shareOfRows')}</th>
            <th scope="col">{t('overview.operator')}</th>
            <th scope="col">{t('overview.chart')}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.column} data-column={s.column}>
              <th scope="row">{s.column}</th>
              <td>{s.role ? t(`role.${s.role}`) : ''}</td>
              <td>{s.byType.length > 0 ? s.byType.map((x) => t(`type.${x.type}`)).join(', ') : t('overview.noFindings')}</td>
              <td>{t('overview.findingCount', { count: s.findings })}</td>
              <td>{t('overview.shareValue', { percent: percent(s.rowsAffected) })}</td>
              <td>
                <OperatorSelect
                  label={t('overview.operatorFor', { column: s.column })}
                  value={operatorName(entryOf(profile, 'columns', s.column))}
                  byType
                  onChange={(value) => onOperatorChange(s.column, value === '' ? null : value)}
                />
              </td>
              <td>
                <ul className="overview__chart" aria-label={t('overview.chart')}>
                  {s.byType.map((x) => (
                    <li key={x.type} className="overview__bar">
                      <span className={`finding finding--${x.type}`} data-type={x.type}>
                        {t(`type.${x.type}`)}
                      </span>
                      <meter min={0} max={max} value={x.count} aria-label={t(`type.${x.type}`)} />
                      <span>{x.count}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {types.length > 0 ? (
        <table className="overview__table">
          <caption>{t('overview.typeOperators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.type')}</th>
              <th scope="col">{t('overview.operator')}</th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type}>
                <th scope="row">{t(`type.${type}`)}</th>
                <td>
                  <OperatorSelect
                    label={t('overview.operatorForType', { type: t(`type.${type}`) })}
                    value={operatorName(entryOf(profile, 'operators', type)) || (typeOperators.get(type) ?? '')}
                    byType={false}
                    onChange={(value) => onTypeOperatorChange(type, value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
