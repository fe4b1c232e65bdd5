// @vitest-environment jsdom
// The settings: the button and its dialog (keyboard: focus in, Escape out, focus back), the project key's status and
// actions with the destroy confirmation, the region and appearance pickers, and the App loading and storing them.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type AppSettings, type SettingsPatch } from '../../../shared/app-settings';
import type { IpcResult, KeyStatus } from '../../../shared/ipc-contract';
import { App } from '../../../src-renderer/src/App';
import type { AppApi } from '../../../src-renderer/src/api';
import { I18nProvider } from '../../../src-renderer/src/i18n/i18n-context';
import { SettingsButton } from '../../../src-renderer/src/settings/SettingsPanel';

const FINGERPRINT = '1a2b-3c4d-5e6f-7081';
const KEY_HANDLE = 'K'.repeat(43);
const ok = <T,>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });

/** An api whose settings and key live in memory, with spies on every call. */
function fakeApi(options: { settings?: Partial<AppSettings>; available?: boolean; warning?: string } = {}) {
  let settings: AppSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  let key: KeyStatus = { available: options.available ?? true, stored: false };
  const api = {
    versions: { app: '1.0.0', electron: 'x', chrome: 'x' },
    on: () => () => undefined,
    files: { open: vi.fn(() => ok([{ id: KEY_HANDLE, name: 'project.key', size: 90, format: 'json' as const }])) },
    // the start screen lists the recent profiles when the app renders
    profiles: { recent: vi.fn(() => ok([])) },
    settings: {
      get: vi.fn(() => ok({ settings, ...(options.warning ? { warning: options.warning } : {}) })),
      set: vi.fn((patch: SettingsPatch) => ok((settings = { ...settings, ...patch }))),
    },
    keys: {
      status: vi.fn(() => ok(key)),
      create: vi.fn(() => ok((key = { ...key, stored: true, fingerprint: FINGERPRINT }))),
      import: vi.fn(() => ok((key = { ...key, stored: true, fingerprint: FINGERPRINT }))),
      destroy: vi.fn(() => ok((key = { available: key.available, stored: false }))),
    },
  };
  return { api, asApi: api as unknown as AppApi, settings: () => settings };
}

function renderButton(api: AppApi | undefined, settings: AppSettings = DEFAULT_SETTINGS, locale = 'en') {
  const onChange = vi.fn();
  render(
    <I18nProvider initialLocale={locale}>
      <SettingsButton api={api} settings={settings} onChange={onChange} />
    </I18nProvider>,
  );
  return { onChange, open: () => fireEvent.click(screen.getByRole('button', { name: locale === 'de' ? 'Einstellungen' : 'Settings' })) };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute('data-theme');
});

describe('the settings dialog', () => {
  it('opens from the button with the focus inside; Escape closes it and the focus returns to the button', () => {
    const { open } = renderButton(undefined);
    const button = screen.getByRole('button', { name: 'Settings' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    open();
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(within(dialog).getByRole('heading', { name: 'Project key' })).toBeTruthy();
    expect(within(dialog).getByRole('heading', { name: 'Detection' })).toBeTruthy();
    expect(within(dialog).getByRole('heading', { name: 'Appearance' })).toBeTruthy();
    fireEvent.keyDown(within(dialog).getByLabelText('Theme'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    // and the Close button does the same
    open();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('creates a key and shows its fingerprint, never more', async () => {
    const { api, asApi } = fakeApi();
    renderButton(asApi).open();
    await screen.findByText(/No project key yet/);
    const create = screen.getByRole('button', { name: 'Create key' });
    create.focus(); // as a click or the keyboard would
    fireEvent.click(create);
    expect(await screen.findByText(`Fingerprint: ${FINGERPRINT}`)).toBeTruthy();
    expect(screen.getByText(/A project key is stored/)).toBeTruthy();
    expect(api.keys.create).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Create key' })).toBeNull();
    // the pressed button is gone: the focus goes to the next action, not back to the page
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Destroy key…' }));
  });

  it('imports a key file picked for that purpose', async () => {
    const { api, asApi } = fakeApi();
    renderButton(asApi).open();
    fireEvent.click(await screen.findByRole('button', { name: 'Import key…' }));
    expect(await screen.findByText(`Fingerprint: ${FINGERPRINT}`)).toBeTruthy();
    expect(api.files.open).toHaveBeenCalledWith({ purpose: 'key' });
    expect(api.keys.import).toHaveBeenCalledWith({ file: KEY_HANDLE });
  });

  it('destroys the key only after a confirmation that says what is lost; the safe choice has the focus', async () => {
    const { api, asApi } = fakeApi();
    renderButton(asApi).open();
    fireEvent.click(await screen.findByRole('button', { name: 'Create key' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Destroy key…' }));
    expect(screen.getByText(/Pseudonyms made with it can then never be reproduced/)).toBeTruthy();
    const keep = screen.getByRole('button', { name: 'Keep the key' });
    expect(document.activeElement).toBe(keep);
    fireEvent.click(keep);
    expect(api.keys.destroy).not.toHaveBeenCalled();
    expect(screen.getByText(`Fingerprint: ${FINGERPRINT}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Destroy key…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Destroy for good' }));
    expect(await screen.findByText(/No project key yet/)).toBeTruthy();
    expect(api.keys.destroy).toHaveBeenCalledOnce();
    expect(screen.queryByText(/Fingerprint/)).toBeNull();
  });

  it('says so when the keychain cannot hold a key, and offers nothing to press', async () => {
    const { asApi } = fakeApi({ available: false });
    renderButton(asApi).open();
    expect(await screen.findByText(/keychain cannot store a key safely/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create key' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Import key…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the phone regions by name in the interface language, and the theme; each change is reported', () => {
    const { onChange, open } = renderButton(undefined, DEFAULT_SETTINGS, 'de');
    open();
    const region = screen.getByLabelText('Standardregion für Telefonnummern') as HTMLSelectElement;
    expect(region.value).toBe('US');
    expect(within(region).getByRole('option', { name: 'Deutschland (DE)' })).toBeTruthy();
    fireEvent.change(region, { target: { value: 'DE' } });
    expect(onChange).toHaveBeenLastCalledWith({ defaultRegion: 'DE' });
    fireEvent.change(screen.getByLabelText('Erscheinungsbild'), { target: { value: 'dark' } });
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'dark' });
    expect(screen.getByText(/Englisch, Deutsch, Französisch und Spanisch/)).toBeTruthy();
    expect(screen.getByText('Der Projektschlüssel lässt sich nur in der Desktop-App verwalten.')).toBeTruthy();
  });
});

describe('the App with stored settings', () => {
  it('starts in the stored theme and language, and stores each change', async () => {
    const { api, asApi, settings } = fakeApi({ settings: { theme: 'dark', locale: 'de', defaultRegion: 'GB' } });
    vi.stubGlobal('api', asApi);
    render(<App initialLocale="en" />);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support-Export-Anonymisierer'));
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen' }));
    expect((screen.getByLabelText('Standardregion für Telefonnummern') as HTMLSelectElement).value).toBe('GB');
    fireEvent.change(screen.getByLabelText('Erscheinungsbild'), { target: { value: 'light' } });
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    fireEvent.change(screen.getByLabelText('Sprache der Oberfläche'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support Export Anonymiser');
    fireEvent.change(screen.getByLabelText('Default phone region'), { target: { value: 'DE' } });
    expect(api.settings.set.mock.calls.map(([patch]) => patch)).toEqual([{ theme: 'light' }, { locale: 'en' }, { defaultRegion: 'DE' }]);
    await waitFor(() => expect(settings()).toEqual({ theme: 'light', locale: 'en', defaultRegion: 'DE' }));
  });

  it('shows what was wrong with the stored settings', async () => {
    const { asApi } = fakeApi({ warning: 'The saved settings could not be read (not valid JSON), so the defaults are in use.' });
    vi.stubGlobal('api', asApi);
    render(<App initialLocale="en" />);
    await waitFor(() => expect(asApi.settings.get).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText(/could not be read \(not valid JSON\)/)).toBeTruthy();
  });
});
