// @vitest-environment jsdom
// The diff view over rows recomputed by the real engine: highlights per type with the legend, the explanation on
// focus (known values name their column), n / p selection, the filters, each review action's payload, the inline
// mode, and the virtualisation bound over 1,000 rows.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { I18nProvider } from '../../../src-renderer/src/i18n/i18n-context';
import type { FindingPosition, RowFilter } from '../../../src-renderer/src/state/navigation';
import type { PreviewRecord } from '../../../src-renderer/src/state/preview-model';
import { recomputePreview, type ReviewedRecord } from '../../../src-renderer/src/state/recompute-preview';
import { DiffView, type DiffViewProps } from '../../../src-renderer/src/workspace/DiffView';

const key = new KeyedHash(new Uint8Array(32).fill(7));
const BODY = 'Please call 202-555-0143 from 192.168.10.20 and ask for Marta Kowalski.';
const known = { start: 56, end: 70, type: 'PERSON' as const, score: 0.9, detector: 'known-value', explanation: { pattern: 'known value from column requester_name', validation: 'none' as const, context: [] } };
const records: PreviewRecord[] = [
  {
    index: 0,
    fields: [
      { path: 'subject', value: 'Login problem for jane.doe@acme.example', findings: [] },
      { path: 'body', value: BODY, findings: [known] },
    ],
  },
  { index: 4, fields: [{ path: 'subject', value: 'Printer jam', findings: [] }, { path: 'body', value: 'No personal data here.', findings: [] }] },
];
const rows = recomputePreview(records, { version: 1 }, { key });

afterEach(cleanup);

/** The view with its filter and selection held as the workspace would hold them. */
function Harness(props: Partial<DiffViewProps> & { initialFilter?: RowFilter }) {
  const [filter, setFilter] = useState<RowFilter>(props.initialFilter ?? {});
  const [selected, setSelected] = useState<FindingPosition | undefined>(props.selected);
  return (
    <I18nProvider initialLocale="en">
      <DiffView
        rows={props.rows ?? rows}
        mode={props.mode ?? 'side-by-side'}
        filter={filter}
        onFilterChange={(f) => {
          props.onFilterChange?.(f);
          setFilter(f);
        }}
        {...(selected ? { selected } : {})}
        onSelect={(p) => {
          props.onSelect?.(p);
          setSelected(p);
        }}
        onAction={props.onAction ?? (() => undefined)}
        {...(props.windowRows ? { windowRows: props.windowRows } : {})}
      />
    </I18nProvider>
  );
}

const marks = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];
const markOf = (text: string) => marks('.diff__original mark').find((m) => m.textContent === text)!;
const currentMark = () => document.querySelector('.diff__original mark[aria-current="true"]')?.textContent;
const shownLines = () => marks('tr.diff__line').map((tr) => `${tr.querySelector('.diff__record')!.textContent}:${tr.querySelector('.diff__field')!.textContent}`);
const view = () => screen.getByRole('region', { name: 'Before and after' });

describe('DiffView', () => {
  it('highlights each finding in its type, in both texts, with a legend of the types present', () => {
    render(<Harness />);
    expect(marks('.diff__original mark').map((m) => [m.className, m.textContent])).toEqual([
      ['finding finding--EMAIL', 'jane.doe@acme.example'],
      ['finding finding--PHONE', '202-555-0143'],
      ['finding finding--IP_ADDRESS', '192.168.10.20'],
      ['finding finding--PERSON', 'Marta Kowalski'],
    ]);
    const body = rows[0]!.fields[1]!;
    const replaced = body.spans.map((s) => body.anonymised.slice(s.outStart, s.outEnd));
    expect(marks('.diff__anonymised mark').map((m) => m.textContent)).toEqual([rows[0]!.fields[0]!.anonymised.slice(18), ...replaced]);
    expect(replaced).not.toContain('192.168.10.20');
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['E-mail address', 'Phone number', 'IP address', 'Person']);
    expect(shownLines()).toEqual(['1:subject', '1:body', '5:subject', '5:body']);
  });

  it('explains a finding on focus or hover: detector, score, pattern, context, or the column of a known value', () => {
    render(<Harness />);
    const phone = markOf('202-555-0143');
    expect(phone.tabIndex).toBe(0);
    expect(phone.getAttribute('aria-label')).toBe('Phone number: 202-555-0143');
    const panel = screen.getByRole('status', { name: 'Why this was found' });
    expect(phone.getAttribute('aria-describedby')).toBe(panel.id);
    expect(panel.textContent).toContain('Hover over or focus a finding');
    fireEvent.focus(phone);
    expect(within(panel).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Type: Phone number',
      'Detector: phone',
      'Score: 0.95',
      'Pattern: national',
      'Context: call (+0.05)',
    ]);
    fireEvent.blur(phone);
    fireEvent.mouseEnter(markOf('Marta Kowalski'));
    expect(panel.textContent).toContain('Known value from column requester_name');
    expect(panel.textContent).toContain('Detector: known-value');
    fireEvent.mouseLeave(markOf('Marta Kowalski'));
    expect(panel.textContent).toContain('Hover over or focus a finding');
  });

  it('moves between findings with n and p, wrapping, and marks the selected one aria-current', () => {
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);
    fireEvent.keyDown(view(), { key: 'n' });
    expect(onSelect).toHaveBeenLastCalledWith({ row: 0, field: 0, findingIndex: 0 });
    expect(currentMark()).toBe('jane.doe@acme.example');
    expect(document.activeElement?.textContent).toBe('jane.doe@acme.example');
    fireEvent.keyDown(document.activeElement!, { key: 'n' });
    expect(currentMark()).toBe('202-555-0143');
    expect(screen.getByText('Finding 2 of 4')).toBeTruthy();
    fireEvent.keyDown(view(), { key: 'p' });
    fireEvent.keyDown(view(), { key: 'p' });
    expect(onSelect).toHaveBeenLastCalledWith({ row: 0, field: 1, findingIndex: 2 });
    expect(currentMark()).toBe('Marta Kowalski');
    expect(marks('[aria-current="true"]')).toHaveLength(1);
    fireEvent.keyDown(screen.getByLabelText('Search'), { key: 'n' });
    expect(onSelect).toHaveBeenCalledTimes(4);
    fireEvent.click(markOf('192.168.10.20'));
    expect(onSelect).toHaveBeenLastCalledWith({ row: 0, field: 1, findingIndex: 1 });
  });

  it('filters by rows with findings, type, column and text search, through onFilterChange', () => {
    const onFilterChange = vi.fn();
    render(<Harness onFilterChange={onFilterChange} />);
    fireEvent.click(screen.getByLabelText('Only rows with findings'));
    expect(onFilterChange).toHaveBeenLastCalledWith({ onlyWithFindings: true });
    expect(shownLines()).toEqual(['1:subject', '1:body']);
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'IP_ADDRESS' } });
    expect(onFilterChange).toHaveBeenLastCalledWith({ onlyWithFindings: true, types: ['IP_ADDRESS'] });
    expect(shownLines()).toEqual(['1:body']);
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Column'), { target: { value: 'subject' } });
    expect(shownLines()).toEqual(['1:subject']);
    fireEvent.keyDown(view(), { key: 'n' });
    fireEvent.keyDown(view(), { key: 'n' });
    expect(currentMark()).toBe('jane.doe@acme.example');
    fireEvent.change(screen.getByLabelText('Column'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Only rows with findings'));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'PRINTER' } });
    expect(onFilterChange).toHaveBeenLastCalledWith({ onlyWithFindings: false, types: [], columns: [], search: 'PRINTER' });
    expect(shownLines()).toEqual(['5:subject', '5:body']);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'nowhere' } });
    expect(screen.getByText('No rows match these filters.')).toBeTruthy();
  });

  it('sends each review action on the selected finding with its payload', () => {
    const onAction = vi.fn();
    render(<Harness onAction={onAction} />);
    const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
    for (const name of ['Ignore this finding', 'Ignore this value everywhere', 'Drop column', 'Mark as sensitive']) expect(button(name).disabled).toBe(true);
    fireEvent.click(markOf('202-555-0143'));
    expect(screen.getByText('Selected: Phone number in body')).toBeTruthy();
    fireEvent.click(button('Ignore this finding'));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'ignore-finding', field: 'body', value: '202-555-0143' });
    fireEvent.click(button('Ignore this value everywhere'));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'allow-everywhere', field: 'body', value: '202-555-0143' });
    fireEvent.click(button('Drop column'));
    expect(onAction).toHaveBeenLastCalledWith({ kind: 'drop-column', column: 'body' });
  });

  it('marks the text selected inside an original value as sensitive, with the chosen type', () => {
    const onAction = vi.fn();
    render(<Harness onAction={onAction} />);
    const cell = [...document.querySelectorAll('td.diff__original')].find((td) => td.textContent === 'Printer jam')!;
    const range = document.createRange();
    range.setStart(cell.firstChild!, 0);
    range.setEnd(cell.firstChild!, 7);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.mouseUp(cell);
    fireEvent.change(screen.getByLabelText('Type of the selected text'), { target: { value: 'ORGANIZATION' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark as sensitive' }));
    expect(onAction).toHaveBeenCalledExactlyOnceWith({ kind: 'mark-sensitive', value: 'Printer', type: 'ORGANIZATION' });
    expect((screen.getByLabelText('Text to mark as sensitive') as HTMLInputElement).value).toBe('Printer');
    // a selection outside the original values does not count: the term stays
    const header = screen.getByRole('columnheader', { name: 'Anonymised' });
    range.selectNodeContents(header);
    fireEvent.mouseUp(cell);
    expect((screen.getByLabelText('Text to mark as sensitive') as HTMLInputElement).value).toBe('Printer');
  });

  it('marks a typed term as sensitive, without a mouse selection; an empty term cannot be marked', () => {
    const onAction = vi.fn();
    render(<Harness onAction={onAction} />);
    const mark = screen.getByRole('button', { name: 'Mark as sensitive' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('Text to mark as sensitive'), { target: { value: '   ' } });
    expect(mark.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Text to mark as sensitive'), { target: { value: ' Project Phoenix ' } });
    fireEvent.change(screen.getByLabelText('Type of the selected text'), { target: { value: 'CONFIDENTIAL_NOTE' } });
    fireEvent.click(mark);
    expect(onAction).toHaveBeenCalledExactlyOnceWith({ kind: 'mark-sensitive', value: 'Project Phoenix', type: 'CONFIDENTIAL_NOTE' });
  });

  it('shows both texts in one column inline', () => {
    render(<Harness mode="inline" />);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Record', 'Field', 'Original and anonymised']);
    const cell = document.querySelector('td.diff__both')!;
    expect(cell.querySelector('.diff__original')!.textContent).toBe('Login problem for jane.doe@acme.example');
    expect(cell.querySelector('.diff__anonymised')!.textContent).toBe(rows[0]!.fields[0]!.anonymised);
  });

  it('renders only the lines in view of 1,000 records, and scrolls the selected finding into the window', () => {
    const many: ReviewedRecord[] = Array.from({ length: 1000 }, (_, i) => ({ ...rows[0]!, index: i }));
    render(<Harness rows={many} selected={{ row: 900, field: 1, findingIndex: 1 }} />);
    expect(marks('tr.diff__line').length).toBeGreaterThan(0);
    expect(marks('tr.diff__line').length).toBeLessThanOrEqual(50);
    expect(shownLines()).toContain('901:body');
    expect(currentMark()).toBe('192.168.10.20');
    const viewport = document.querySelector<HTMLElement>('.diff__viewport')!;
    viewport.scrollTop = 0;
    fireEvent.scroll(viewport);
    expect(shownLines()[0]).toBe('1:subject');
    expect(marks('tr.diff__line').length).toBeLessThanOrEqual(50);
    const spacers = marks('tr.diff__spacer');
    expect(spacers[0]!.style.height).toBe('0px');
    expect(Number.parseInt(spacers[1]!.style.height, 10)).toBeGreaterThan(1900 * 40);
  });
});
