// @vitest-environment jsdom
// The overview over rows recomputed by the real engine: per column its role, types, count, share of rows and bar
// chart; the column's operator from the profile, changed in place ("by type" removes the rule); the type operators.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { I18nProvider } from '../../../src-renderer/src/i18n/i18n-context';
import type { FilePreview } from '../../../src-renderer/src/state/preview-model';
import type { ProfileJson } from '../../../src-renderer/src/state/profile-edits';
import { recomputePreview } from '../../../src-renderer/src/state/recompute-preview';
import { Overview, type OverviewProps } from '../../../src-renderer/src/workspace/Overview';

const key = new KeyedHash(new Uint8Array(32).fill(3));
const file: FilePreview = {
  name: 'tickets.csv',
  format: 'csv',
  records: 120,
  complete: true,
  columns: [
    { field: 'requester', role: 'identifier', type: 'EMAIL', confidence: 0.9, reasons: [] },
    { field: 'notes', role: 'free-text', confidence: 0.8, reasons: [] },
    { field: 'status', role: 'category', confidence: 0.7, reasons: [] },
  ],
  rows: [
    { index: 0, fields: [{ path: 'requester', value: 'ann@acme.example', findings: [] }, { path: 'notes', value: 'Mail ann@acme.example or bo@acme.example', findings: [] }, { path: 'status', value: 'open', findings: [] }] },
    { index: 1, fields: [{ path: 'requester', value: 'bo@acme.example', findings: [] }, { path: 'notes', value: 'Server 10.1.2.3 is down', findings: [] }, { path: 'status', value: 'closed', findings: [] }] },
    { index: 2, fields: [{ path: 'requester', value: 'cy@acme.example', findings: [] }, { path: 'notes', value: 'Thanks, solved.', findings: [] }, { path: 'status', value: 'open', findings: [] }] },
    { index: 3, fields: [{ path: 'requester', value: 'di@acme.example', findings: [] }, { path: 'notes', value: 'n/a', findings: [] }, { path: 'status', value: 'open', findings: [] }] },
  ],
};
const profile: ProfileJson = { version: 1, operators: { EMAIL: 'redact' }, columns: { status: 'drop', notes: { operator: { operator: 'mask' } } } };

afterEach(cleanup);

function renderOverview(props: Partial<OverviewProps> = {}) {
  const used = props.profile ?? profile;
  const all: OverviewProps = {
    file,
    reviewed: recomputePreview(file.rows, used, { key, columns: file.columns }),
    profile: used,
    onOperatorChange: vi.fn(),
    onTypeOperatorChange: vi.fn(),
    ...props,
  };
  render(
    <I18nProvider initialLocale="en">
      <Overview {...all} />
    </I18nProvider>,
  );
  return all;
}

const rowOf = (column: string) => document.querySelector<HTMLElement>(`tr[data-column="${column}"]`)!;
const cells = (column: string) => [...rowOf(column).querySelectorAll('th, td')].slice(0, 5).map((c) => c.textContent);

describe('Overview', () => {
  it('shows per column its role, types, findings and share of rows', () => {
    renderOverview({ profile: { version: 1 } });
    expect(screen.getByRole('heading', { name: 'Overview: tickets.csv' })).toBeTruthy();
    expect(screen.getByText('120 records')).toBeTruthy();
    expect(cells('requester')).toEqual(['requester', 'Identifier', 'E-mail address', '4 findings', '100% of rows']);
    expect(cells('notes')).toEqual(['notes', 'Free text', 'E-mail address, IP address', '3 findings', '50% of rows']);
    expect(cells('status')).toEqual(['status', 'Category', 'Nothing found', '0 findings', '0% of rows']);
  });

  it('draws a bar per type, scaled to the largest count', () => {
    renderOverview({ profile: { version: 1 } });
    const bars = within(rowOf('notes')).getAllByRole('listitem');
    expect(bars.map((li) => li.textContent)).toEqual(['E-mail address2', 'IP address1']);
    const meters = [...rowOf('notes').querySelectorAll('meter')];
    expect(meters.map((m) => [m.getAttribute('value'), m.getAttribute('max')])).toEqual([['2', '4'], ['1', '4']]);
    expect(rowOf('notes').querySelector('[style]')).toBeNull();
  });

  it("shows each column's operator from the profile, and changes it in place", () => {
    const { onOperatorChange } = renderOverview();
    const select = (column: string) => screen.getByLabelText(`Operator for ${column}`) as HTMLSelectElement;
    expect(select('status').value).toBe('drop');
    expect(select('notes').value).toBe('mask');
    expect(select('requester').value).toBe('');
    expect(select('requester').selectedOptions[0]!.textContent).toBe('By type');
    expect([...select('requester').options].map((o) => o.value)).toEqual(['', 'redact', 'mask', 'hash', 'pseudonym', 'generalise', 'keep', 'drop', 'blank']);
    fireEvent.change(select('requester'), { target: { value: 'hash' } });
    expect(onOperatorChange).toHaveBeenLastCalledWith('requester', 'hash');
    fireEvent.change(select('status'), { target: { value: '' } });
    expect(onOperatorChange).toHaveBeenLastCalledWith('status', null);
  });

  it('shows the operator of each type found, and changes it', () => {
    const { onTypeOperatorChange } = renderOverview({ profile: { version: 1, operators: { EMAIL: 'redact' } } });
    const email = screen.getByLabelText('Operator for E-mail address') as HTMLSelectElement;
    expect(email.value).toBe('redact');
    expect((screen.getByLabelText('Operator for IP address') as HTMLSelectElement).value).toBe('pseudonym');
    fireEvent.change(email, { target: { value: 'hash' } });
    expect(onTypeOperatorChange).toHaveBeenCalledExactlyOnceWith('EMAIL', 'hash');
  });
});
