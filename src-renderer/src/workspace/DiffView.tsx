/**
 * The diff view, presentational: the reviewed rows as a virtualised table of record × field lines, Original |
 * Anonymised side by side or both in one column, each finding highlighted in its type's colour with a legend and an
 * explanation on hover or focus. The keys n / p move the selection between findings; filters and the review actions
 * on the selected finding (or on the text selected in an original value) go out through callbacks. All state that
 * matters lives with the caller: the filter, the selection; this component keeps only the scroll position, the
 * finding being explained and the text selection.
 *
 * Virtualisation: every line has the same height (ROW_HEIGHT, in workspace.css too); only the lines in the window
 * (`windowRows`, plus a few either side) are rendered, between two spacer rows whose heights are set through the
 * CSSOM (the CSP forbids style attributes).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ENTITY_TYPES, type EntityType } from '../../../shared/detect/finding';
import { useI18n } from '../i18n/i18n-context';
import { findingPositions, nextPosition, previousPosition, visibleRows, type FindingPosition, type RowFilter } from '../state/navigation';
import type { ReviewedField, ReviewedRecord } from '../state/recompute-preview';
import { anonymisedMarks, FindingExplanation, FindingText, originalMarks } from './FindingText';
import { Legend, typesIn } from './Legend';
import './workspace.css';

export type ReviewAction =
  | { readonly kind: 'ignore-finding' | 'allow-everywhere'; readonly field: string; readonly value: string }
  | { readonly kind: 'mark-sensitive'; readonly value: string; readonly type: EntityType }
  | { readonly kind: 'drop-column'; readonly column: string };

export interface DiffViewProps {
  readonly rows: readonly ReviewedRecord[];
  readonly mode: 'side-by-side' | 'inline';
  readonly filter: RowFilter;
  readonly onFilterChange: (filter: RowFilter) => void;
  readonly selected?: FindingPosition;
  readonly onSelect: (position: FindingPosition) => void;
  readonly onAction: (action: ReviewAction) => void;
  /** How many lines the viewport shows (jsdom has no layout, so the window is a count); default 20. */
  readonly windowRows?: number;
}

/** The height of one line in px; workspace.css gives `.diff__line` the same height. */
export const ROW_HEIGHT = 44;
const OVERSCAN = 5;

/** One line of the table: a field of a row. */
interface Line {
  readonly row: number;
  readonly field: number;
}

/** The lines under the filter: every field of the visible rows, or only fields holding a matching finding. */
function diffLines(rows: readonly ReviewedRecord[], filter: RowFilter): Line[] {
  const onlyFindings = filter.onlyWithFindings === true || (filter.types?.length ?? 0) > 0 || (filter.columns?.length ?? 0) > 0;
  if (!onlyFindings) return visibleRows(rows, filter).flatMap((row) => rows[row]!.fields.map((_, field) => ({ row, field })));
  const lines: Line[] = [];
  for (const p of findingPositions(rows, filter)) {
    const last = lines.at(-1);
    if (last?.row !== p.row || last.field !== p.field) lines.push({ row: p.row, field: p.field });
  }
  return lines;
}

const isTextEntry = (target: EventTarget) => target instanceof HTMLElement && target.closest('input, select, textarea') !== null;

/** The text selected inside one original value, or '' (a selection elsewhere or across values does not count). */
function selectedOriginalText(): string {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return '';
  const cellOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('.diff__original');
  const cell = cellOf(selection.anchorNode);
  return cell && cell === cellOf(selection.focusNode) ? selection.toString().trim() : '';
}

function useHeight(px: number) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    ref.current?.style.setProperty('height', `${px}px`);
  }, [px]);
  return ref;
}

export function DiffView({ rows, mode, filter, onFilterChange, selected, onSelect, onAction, windowRows = 20 }: DiffViewProps) {
  const { t } = useI18n();
  const explanationId = useId();
  const [scrollTop, setScrollTop] = useState(0);
  const [explained, setExplained] = useState<FindingPosition>();
  const [selectionText, setSelectionText] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  const focusSelected = useRef(false);

  const lines = useMemo(() => diffLines(rows, filter), [rows, filter]);
  const positions = useMemo(() => findingPositions(rows, filter), [rows, filter]);
  const types = useMemo(() => typesIn(rows), [rows]);
  const columns = useMemo(() => [...new Set(rows.flatMap((r) => r.fields.map((f) => f.group)))], [rows]);

  const first = Math.max(0, Math.min(Math.floor(scrollTop / ROW_HEIGHT), lines.length - windowRows) - OVERSCAN);
  const last = Math.min(lines.length, first + windowRows + 2 * OVERSCAN);
  const viewportRef = useHeight(windowRows * ROW_HEIGHT);
  const topRef = useHeight(first * ROW_HEIGHT);
  const bottomRef = useHeight((lines.length - last) * ROW_HEIGHT);

  // the selected finding's line scrolled into the window, then its mark into view (and focused after n / p)
  const selectedLine = selected ? lines.findIndex((l) => l.row === selected.row && l.field === selected.field) : -1;
  useEffect(() => {
    if (selectedLine < 0) return;
    const top = selectedLine * ROW_HEIGHT;
    if (top >= scrollTop && top < scrollTop + windowRows * ROW_HEIGHT) return;
    if (viewport.current) viewport.current.scrollTop = top;
    setScrollTop(top);
  }, [selectedLine, selected]);
  // only when the selection moves: after every render it would scroll the page under the pointer (a hover or a
  // blur re-renders), and a click on the review actions would land elsewhere
  useEffect(() => {
    const mark = viewport.current?.querySelector<HTMLElement>('.diff__original mark[aria-current="true"]');
    mark?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    if (mark && focusSelected.current) mark.focus();
    focusSelected.current = false;
  }, [selected, selectedLine]);

  const move = (direction: 'next' | 'previous') => {
    const to = direction === 'next' ? nextPosition(positions, selected) : previousPosition(positions, selected);
    if (to) {
      focusSelected.current = true;
      onSelect(to);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
    if (event.key === 'n' || event.key === 'p') {
      event.preventDefault();
      move(event.key === 'n' ? 'next' : 'previous');
    }
  };

  const fieldAt = (p: FindingPosition | undefined): ReviewedField | undefined => (p ? rows[p.row]?.fields[p.field] : undefined);
  const findingAt = (p: FindingPosition | undefined) => fieldAt(p)?.findings[p!.findingIndex];
  const shown = findingAt(explained) ? explained : selected;
  const index = selected ? positions.findIndex((p) => p.row === selected.row && p.field === selected.field && p.findingIndex === selected.findingIndex) : -1;

  const textOf = (line: Line, side: 'original' | 'anonymised') => {
    const field = rows[line.row]!.fields[line.field]!;
    const current = selected?.row === line.row && selected.field === line.field ? selected.findingIndex : undefined;
    if (side === 'anonymised' && field.outcome !== 'replaced' && field.outcome !== 'unchanged') {
      return <span className="diff__outcome">{t(field.outcome === 'dropped' ? 'diff.outcome.dropped' : 'diff.outcome.blanked')}</span>;
    }
    return (
      <FindingText
        text={side === 'original' ? field.value : field.anonymised}
        marks={side === 'original' ? originalMarks(field) : anonymisedMarks(field)}
        {...(side === 'original' && current !== undefined ? { current } : {})}
        describedBy={explanationId}
        onExplain={(findingIndex) => setExplained(findingIndex === undefined ? undefined : { ...line, findingIndex })}
        onChoose={(findingIndex) => onSelect({ ...line, findingIndex })}
      />
    );
  };

  return (
    <section className={`diff diff--${mode}`} aria-label={t('diff.title')} onKeyDown={onKeyDown}>
      <DiffFilters filter={filter} onFilterChange={onFilterChange} columns={columns} />
      <Legend types={types} />
      <div className="diff__navigation">
        <button type="button" onClick={() => move('previous')} disabled={positions.length === 0}>
          {t('diff.previousFinding')}
        </button>
        <button type="button" onClick={() => move('next')} disabled={positions.length === 0}>
          {t('diff.nextFinding')}
        </button>
        <span className="diff__count" aria-live="polite">
          {index >= 0 ? t('diff.findingPosition', { index: index + 1, total: positions.length }) : t('diff.rowsShown', { count: visibleRows(rows, filter).length })}
        </span>
      </div>
      <div className="diff__viewport" ref={(el) => { viewport.current = el; viewportRef.current = el; }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        {lines.length === 0 ? (
          <p className="diff__empty">{t('diff.noRows')}</p>
        ) : (
          <table className="diff__table">
            <thead>
              <tr>
                <th scope="col">{t('diff.header.record')}</th>
                <th scope="col">{t('diff.header.field')}</th>
                {mode === 'side-by-side' ? (
                  <>
                    <th scope="col">{t('diff.original')}</th>
                    <th scope="col">{t('diff.anonymised')}</th>
                  </>
                ) : (
                  <th scope="col">{t('diff.header.values')}</th>
                )}
              </tr>
            </thead>
            <tbody onMouseUp={() => setSelectionText(selectedOriginalText())} onKeyUp={() => setSelectionText(selectedOriginalText())}>
              <tr className="diff__spacer" aria-hidden="true" ref={(el) => { topRef.current = el; }} />
              {lines.slice(first, last).map((line) => {
                const record = rows[line.row]!;
                return (
                  <tr key={`${line.row}:${line.field}`} className="diff__line" data-row={line.row} data-field={line.field}>
                    <td className="diff__record">{record.index + 1}</td>
                    <td className="diff__field">{record.fields[line.field]!.path}</td>
                    {mode === 'side-by-side' ? (
                      <>
                        <td className="diff__original">{textOf(line, 'original')}</td>
                        <td className="diff__anonymised">{textOf(line, 'anonymised')}</td>
                      </>
                    ) : (
                      <td className="diff__both">
                        <div className="diff__original">{textOf(line, 'original')}</div>
                        <div className="diff__anonymised">{textOf(line, 'anonymised')}</div>
                      </td>
                    )}
                  </tr>
                );
              })}
              <tr className="diff__spacer" aria-hidden="true" ref={(el) => { bottomRef.current = el; }} />
            </tbody>
          </table>
        )}
      </div>
      <FindingExplanation id={explanationId} {...(findingAt(shown) ? { finding: findingAt(shown)! } : {})} />
      <ReviewActions field={fieldAt(selected)} findingIndex={selected?.findingIndex} selectionText={selectionText} onAction={onAction} />
    </section>
  );
}

interface DiffFiltersProps {
  readonly filter: RowFilter;
  readonly onFilterChange: (filter: RowFilter) => void;
  readonly columns: readonly string[];
}

/** Only rows with findings, one type, one column, and text search; each change is a new filter for the caller. */
function DiffFilters({ filter, onFilterChange, columns }: DiffFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (change: Partial<RowFilter>) => onFilterChange({ ...filter, ...change });
  return (
    <fieldset className="diff__filters">
      <legend>{t('diff.filters')}</legend>
      <label className="diff__check">
        <input type="checkbox" checked={filter.onlyWithFindings === true} onChange={(e) => set({ onlyWithFindings: e.target.checked })} />
        {t('diff.filter.onlyFindings')}
      </label>
      <label htmlFor={`${id}-type`}>{t('diff.filter.type')}</label>
      <select id={`${id}-type`} className="field__control" value={filter.types?.[0] ?? ''} onChange={(e) => set({ types: e.target.value ? [e.target.value as EntityType] : [] })}>
        <option value="">{t('diff.filter.allTypes')}</option>
        {ENTITY_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`type.${type}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-column`}>{t('diff.filter.column')}</label>
      <select id={`${id}-column`} className="field__control" value={filter.columns?.[0] ?? ''} onChange={(e) => set({ columns: e.target.value ? [e.target.value] : [] })}>
        <option value="">{t('diff.filter.allColumns')}</option>
        {columns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-search`}>{t('diff.filter.search')}</label>
      <input id={`${id}-search`} type="search" className="field__control" value={filter.search ?? ''} onChange={(e) => set({ search: e.target.value })} />
    </fieldset>
  );
}

interface ReviewActionsProps {
  /** The selected finding's field and index, if a finding is selected. */
  readonly field: ReviewedField | undefined;
  readonly findingIndex: number | undefined;
  /** The text selected inside an original value ('' if none). */
  readonly selectionText: string;
  readonly onAction: (action: ReviewAction) => void;
}

/**
 * Ignore the selected finding, allow its value everywhere, drop its column; mark a term sensitive: the text selected
 * in an original value fills the term, which can also be typed, so that the action needs no mouse.
 */
function ReviewActions({ field, findingIndex, selectionText, onAction }: ReviewActionsProps) {
  const { t } = useI18n();
  const id = useId();
  const [type, setType] = useState<EntityType>('CUSTOM');
  // the term to mark: the text last selected in an original value, or typed (the keyboard's way to the action)
  const [term, setTerm] = useState('');
  useEffect(() => {
    if (selectionText !== '') setTerm(selectionText);
  }, [selectionText]);
  const finding = findingIndex === undefined ? undefined : field?.findings[findingIndex];
  const value = finding && field ? field.value.slice(finding.start, finding.end) : undefined;
  return (
    <section className="diff__actions" aria-label={t('actions.title')}>
      <p className="diff__selected">
        {finding && field ? t('actions.selectedFinding', { type: t(`type.${finding.type}`), column: field.group }) : t('actions.noFinding')}
      </p>
      <button type="button" disabled={value === undefined} onClick={() => onAction({ kind: 'ignore-finding', field: field!.path, value: value! })}>
        {t('actions.ignoreFinding')}
      </button>
      <button type="button" disabled={value === undefined} onClick={() => onAction({ kind: 'allow-everywhere', field: field!.path, value: value! })}>
        {t('actions.ignoreEverywhere')}
      </button>
      <button type="button" disabled={field === undefined || finding === undefined} onClick={() => onAction({ kind: 'drop-column', column: field!.group })}>
        {t('actions.dropColumn')}
      </button>
      <label htmlFor={`${id}-term`}>{t('actions.markSensitiveTerm')}</label>
      <input id={`${id}-term`} type="text" className="field__control" value={term} onChange={(e) => setTerm(e.target.value)} />
      <label htmlFor={`${id}-type`}>{t('actions.markSensitiveType')}</label>
      <select id={`${id}-type`} className="field__control" value={type} onChange={(e) => setType(e.target.value as EntityType)}>
        {ENTITY_TYPES.map((option) => (
          <option key={option} value={option}>
            {t(`type.${option}`)}
          </option>
        ))}
      </select>
      <button type="button" disabled={term.trim() === ''} onClick={() => onAction({ kind: 'mark-sensitive', value: term.trim(), type })}>
        {t('actions.markSensitive')}
      </button>
    </section>
  );
}
