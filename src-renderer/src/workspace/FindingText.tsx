/**
 * A value of the diff with its findings highlighted: `FindingText` renders the text with one focusable
 * `<mark class="finding finding--TYPE">` per finding (the type's colours come from styles.css through `data-type`,
 * and each mark's accessible name says the type, so colour is never the only signal). `originalMarks` and
 * `anonymisedMarks` place a reviewed field's findings in its original and in its anonymised text.
 * `FindingExplanation` says why a finding was reported: type, detector, score, pattern, context words, or the column
 * a known value came from.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { EntityType, Finding } from '../../../shared/detect/finding';
import { useI18n } from '../i18n/i18n-context';
import type { ReviewedField, ReviewedFinding } from '../state/recompute-preview';

/** One highlighted stretch of a text, standing for the field's finding `findingIndex`. */
export interface FindingMark {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly findingIndex: number;
}

/** The findings where they stand in the original value. */
export function originalMarks(field: ReviewedField): FindingMark[] {
  return field.findings.map((f, findingIndex) => ({ start: f.start, end: f.end, type: f.type, findingIndex }));
}

/** The replacements where they stand in the anonymised value (one mark per span, for its first finding). */
export function anonymisedMarks(field: ReviewedField): FindingMark[] {
  return field.spans.flatMap((span) => {
    const findingIndex = span.findings[0];
    const finding = findingIndex === undefined ? undefined : field.findings[findingIndex];
    if (finding === undefined || findingIndex === undefined || span.outEnd <= span.outStart) return [];
    return [{ start: span.outStart, end: span.outEnd, type: finding.type, findingIndex }];
  });
}

/** The column a known-value finding was learned from (the known-value detector names it in its pattern). */
export function knownValueColumn(finding: Finding): string | undefined {
  if (finding.detector !== 'known-value') return undefined;
  return /^known value from column (.+?)(?: \(part\))?$/.exec(finding.explanation.pattern)?.[1];
}

export interface FindingTextProps {
  readonly text: string;
  /** Sorted by start, non-overlapping. */
  readonly marks: readonly FindingMark[];
  /** The finding index marked `aria-current` (the selected finding). */
  readonly current?: number;
  /** The id of the explanation panel, for the marks' `aria-describedby`. */
  readonly describedBy?: string;
  /** A finding was hovered or focused (its index), or left (undefined). */
  readonly onExplain?: (findingIndex: number | undefined) => void;
  /** A finding was clicked, or chosen with Enter or Space. */
  readonly onChoose?: (findingIndex: number) => void;
}

export function FindingText({ text, marks, current, describedBy, onExplain, onChoose }: FindingTextProps) {
  const { t } = useI18n();
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const mark of marks) {
    if (mark.start < pos || mark.end > text.length) continue;
    if (mark.start > pos) parts.push(text.slice(pos, mark.start));
    const value = text.slice(mark.start, mark.end);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onChoose?.(mark.findingIndex);
    };
    parts.push(
      <mark
        key={`${mark.start}-${mark.findingIndex}`}
        className={`finding finding--${mark.type}`}
        data-type={mark.type}
        data-finding={mark.findingIndex}
        tabIndex={0}
        aria-label={t('diff.findingLabel', { type: t(`type.${mark.type}`), text: value })}
        aria-current={current === mark.findingIndex ? 'true' : undefined}
        aria-describedby={describedBy}
        onFocus={() => onExplain?.(mark.findingIndex)}
        onMouseEnter={() => onExplain?.(mark.findingIndex)}
        onBlur={() => onExplain?.(undefined)}
        onMouseLeave={() => onExplain?.(undefined)}
        onClick={() => onChoose?.(mark.findingIndex)}
        onKeyDown={onKeyDown}
      >
        {value}
      </mark>,
    );
    pos = mark.end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

export interface FindingExplanationProps {
  readonly id: string;
  /** The finding explained; none: a hint to hover or focus one. */
  readonly finding?: ReviewedFinding;
}

/** Why a finding was reported, as a panel that the marks point at with `aria-describedby`. */
export function FindingExplanation({ id, finding }: FindingExplanationProps) {
  const { t } = useI18n();
  const column = finding && knownValueColumn(finding);
  const words = finding?.explanation.context.map((c) => `${c.word} (${c.effect > 0 ? '+' : ''}${c.effect})`).join(', ');
  return (
    <section id={id} className="explanation" role="status" aria-label={t('diff.explanation.title')}>
      <h3 className="explanation__title">{t('diff.explanation.title')}</h3>
      {finding === undefined ? (
        <p className="explanation__hint">{t('diff.explanation.hint')}</p>
      ) : (
        <ul className="explanation__list">
          <li>{t('diff.explanation.type', { type: t(`type.${finding.type}`) })}</li>
          <li>{t('diff.explanation.detector', { detector: finding.detector })}</li>
          <li>{t('diff.explanation.score', { score: finding.score.toFixed(2) })}</li>
          {column !== undefined ? (
            <li>{t('diff.explanation.knownValue', { column })}</li>
          ) : (
            <li>{t('diff.explanation.pattern', { pattern: finding.explanation.pattern })}</li>
          )}
          {words ? <li>{t('diff.explanation.context', { words })}</li> : null}
        </ul>
      )}
    </section>
  );
}
