/**
 * Moving through the findings of the diff view: which rows are visible under the filters (only rows with
 * findings, by type, by column, and a case-insensitive text search over the original values, all composed), the
 * ordered list of finding positions over those rows, and the next or previous position from anywhere (wrapping),
 * for the n / p keys.
 *
 * A row is the index of a record in the list given (the preview's rows), not in the filtered list, so a position
 * stays meaningful when the filters change.
 */
import type { EntityType } from '../../../shared/detect/finding';
import { fieldGroup } from '../../../shared/formats/field-group';

/** What navigation reads of a record: both the preview's records and the recomputed ones fit. */
export interface NavigableRecord {
  readonly fields: readonly { readonly path: string; readonly value: string; readonly findings: readonly { readonly type: EntityType }[] }[];
}

export interface RowFilter {
  /** Only rows with at least one finding (of the selected types and columns). */
  readonly onlyWithFindings?: boolean;
  /** Only findings of these types (and rows holding one); empty or absent: every type. */
  readonly types?: readonly EntityType[];
  /** Only findings in these columns or field groups (and rows holding one); empty or absent: every column. */
  readonly columns?: readonly string[];
  /** Only rows where some original value contains this text, ignoring case; blank: no search. */
  readonly search?: string;
}

export interface FindingPosition {
  /** Index into the records given. */
  readonly row: number;
  /** Index into the row's fields. */
  readonly field: number;
  /** Index into the field's findings. */
  readonly findingIndex: number;
}

type Field = NavigableRecord['fields'][number];

/** Whether a finding of `type` in `field` passes the type and column filters. */
function findingMatcher(filter: RowFilter): (field: Field, type: EntityType) => boolean {
  const types = filter.types?.length ? new Set(filter.types) : undefined;
  const columns = filter.columns?.length ? new Set(filter.columns) : undefined;
  return (field, type) => (types === undefined || types.has(type)) && (columns === undefined || columns.has(fieldGroup(field.path)));
}

/** Whether rows must hold a matching finding: asked for, or implied by a type or column filter. */
function needsFinding(filter: RowFilter): boolean {
  return filter.onlyWithFindings === true || (filter.types?.length ?? 0) > 0 || (filter.columns?.length ?? 0) > 0;
}

/** The indexes of the records that the filters let through, in order. */
export function visibleRows(records: readonly NavigableRecord[], filter: RowFilter = {}): number[] {
  const matches = findingMatcher(filter);
  const needle = filter.search?.trim() ? filter.search.toLowerCase() : undefined;
  const needFinding = needsFinding(filter);
  const out: number[] = [];
  records.forEach((record, row) => {
    if (needle !== undefined && !record.fields.some((f) => f.value.toLowerCase().includes(needle))) return;
    if (needFinding && !record.fields.some((f) => f.findings.some((x) => matches(f, x.type)))) return;
    out.push(row);
  });
  return out;
}

/** Every finding that passes the filters, in visible rows, ordered by row, then field, then finding. */
export function findingPositions(records: readonly NavigableRecord[], filter: RowFilter = {}): FindingPosition[] {
  const matches = findingMatcher(filter);
  const out: FindingPosition[] = [];
  for (const row of visibleRows(records, filter)) {
    records[row]!.fields.forEach((f, field) => {
      f.findings.forEach((x, findingIndex) => {
        if (matches(f, x.type)) out.push({ row, field, findingIndex });
      });
    });
  }
  return out;
}

export function comparePositions(a: FindingPosition, b: FindingPosition): number {
  return a.row - b.row || a.field - b.field || a.findingIndex - b.findingIndex;
}

/** The first position after `from` (the first of all without one), wrapping to the first; undefined if there is none. */
export function nextPosition(positions: readonly FindingPosition[], from?: FindingPosition): FindingPosition | undefined {
  if (from === undefined) return positions[0];
  return positions.find((p) => comparePositions(p, from) > 0) ?? positions[0];
}

/** The last position before `from` (the last of all without one), wrapping to the last; undefined if there is none. */
export function previousPosition(positions: readonly FindingPosition[], from?: FindingPosition): FindingPosition | undefined {
  if (from === undefined) return positions.at(-1);
  return positions.findLast((p) => comparePositions(p, from) < 0) ?? positions.at(-1);
}
