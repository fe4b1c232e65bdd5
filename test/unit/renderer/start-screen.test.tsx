// @vitest-environment jsdom
// The Start screen as a presentational component: open button, drop of several files, drag highlight, busy state,
// error text, German catalogue, and the version footer only inside the app.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../src-renderer/src/api';
import { I18nProvider } from '../../../src-renderer/src/i18n/i18n-context';
import { StartScreen, type StartScreenProps } from '../../../src-renderer/src/workspace/StartScreen';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderStart(props: Partial<StartScreenProps> = {}, locale = 'en') {
  const handlers = { onOpen: vi.fn(), onDropFiles: vi.fn() };
  render(
    <I18nProvider initialLocale={locale}>
      <StartScreen busy={false} {...handlers} {...props} />
    </I18nProvider>,
  );
  return handlers;
}

const file = (name: string) => new File(['a,b\n1,2\n'], name, { type: 'text/csv' });

describe('StartScreen', () => {
  it('shows the app name as h1 and the offline promise', () => {
    renderStart();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support Export Anonymiser');
    expect(screen.getByText(/nothing leaves this computer/)).toBeTruthy();
  });

  it('calls onOpen from the "Open export…" button', () => {
    const { onOpen } = renderStart();
    fireEvent.click(screen.getByRole('button', { name: 'Open export…' }));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('passes every dropped file to onDropFiles', () => {
    const { onDropFiles } = renderStart();
    const files = [file('tickets.csv'), file('users.ndjson')];
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files, types: ['Files'] } });
    expect(onDropFiles).toHaveBeenCalledTimes(1);
    expect(onDropFiles.mock.calls[0]![0]).toEqual(files);
  });

  it('highlights the zone and counts the files while dragging, and clears it on leave', () => {
    renderStart();
    const zone = screen.getByTestId('drop-zone');
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], items: [{}, {}] } });
    expect(zone.classList.contains('drop-zone--active')).toBe(true);
    expect(screen.getByText('Release to open 2 files')).toBeTruthy();
    fireEvent.dragLeave(zone);
    expect(zone.classList.contains('drop-zone--active')).toBe(false);
    expect(screen.getByText('Drop CSV, JSON or NDJSON files here')).toBeTruthy();
  });

  it('ignores drops and disables the button while busy', () => {
    const { onDropFiles, onOpen } = renderStart({ busy: true });
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file('a.csv')], types: ['Files'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Open export…' }));
    expect(onDropFiles).not.toHaveBeenCalled();
    expect(onOpen).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Opening…');
  });

  it('shows the error text as an alert', () => {
    renderStart({ error: 'notes.txt is not a CSV, JSON or NDJSON file.' });
    expect(screen.getByRole('alert').textContent).toBe('notes.txt is not a CSV, JSON or NDJSON file.');
  });

  it('has no alert without an error', () => {
    renderStart();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders in German with the German locale', () => {
    renderStart({}, 'de');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support-Export-Anonymisierer');
    expect(screen.getByRole('button', { name: 'Export öffnen…' })).toBeTruthy();
    expect(screen.getByText('CSV-, JSON- oder NDJSON-Dateien hier ablegen')).toBeTruthy();
  });

  it('shows "Version {version}" only when window.api exists', () => {
    renderStart();
    expect(screen.queryByText(/^Version /)).toBeNull();
    cleanup();
    vi.stubGlobal('api', { versions: { app: '1.2.3', electron: 'x', chrome: 'x' } } as unknown as AppApi);
    renderStart();
    expect(screen.getByText('Version 1.2.3')).toBeTruthy();
  });

  it('offers the sample export one click away for first-time users', () => {
    const onOpenSample = vi.fn();
    renderStart({ onOpenSample });
    expect(screen.getByText(/Try the app on a small made-up export first/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try the sample export' }));
    expect(onOpenSample).toHaveBeenCalledTimes(1);
    cleanup();
    renderStart({ onOpenSample, busy: true });
    expect((screen.getByRole('button', { name: 'Try the sample export' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists the recent profiles in order; choosing one loads it by handle, "Open profile…" opens the dialog', () => {
    const onLoadProfile = vi.fn();
    const recentProfiles = [
      { id: 'h'.repeat(43), name: 'zendesk-team.json' },
      { id: 'k'.repeat(43), name: 'billing.json' },
    ];
    renderStart({ onLoadProfile, recentProfiles, profileName: 'Billing' });
    const list = screen.getByRole('region', { name: 'Recent profiles' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['zendesk-team.json', 'billing.json']);
    expect(within(list).getByText('Profile in use: Billing')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'billing.json' }));
    expect(onLoadProfile).toHaveBeenLastCalledWith('k'.repeat(43));
    fireEvent.click(within(list).getByRole('button', { name: 'Open profile…' }));
    expect(onLoadProfile).toHaveBeenLastCalledWith();
  });

  it('says when no profile was used yet, and shows no picker or sample button without their callbacks', () => {
    renderStart({ onLoadProfile: vi.fn() });
    expect(screen.getByText('No profiles used yet.')).toBeTruthy();
    cleanup();
    renderStart();
    expect(screen.queryByRole('region', { name: 'Recent profiles' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try the sample export' })).toBeNull();
  });
});
