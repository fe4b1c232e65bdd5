/**
 * The diff's legend: each finding type present, as its highlight colour next to its name (so the colour is never
 * the only signal). `typesIn` lists the types found in reviewed rows, in the engine's order of types.
 */
import { ENTITY_TYPES, type EntityType } from '../../../shared/detect/finding';
import { useI18n } from '../i18n/i18n-context';
import type { ReviewedRecord } from '../state/recompute-preview';

/** The types of the findings in `rows`, each once, in the order of ENTITY_TYPES. */
export function typesIn(rows: readonly ReviewedRecord[]): EntityType[] {
  const found = new Set<EntityType>();
  for (const row of rows) for (const field of row.fields) for (const f of field.findings) found.add(f.type);
  return ENTITY_TYPES.filter((type) => found.has(type));
}

export interface LegendProps {
  readonly types: readonly EntityType[];
}

export function Legend({ types }: LegendProps) {
  const { t } = useI18n();
  if (types.length === 0) return null;
  return (
    <ul className="legend" aria-label={t('diff.legend')}>
      {types.map((type) => (
        <li key={type} className="legend__item">
          <span className={`finding finding--${type}`} data-type={type}>
            {t(`type.${type}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
