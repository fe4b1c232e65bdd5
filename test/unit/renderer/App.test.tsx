// @vitest-environment jsdom
// The start screen in English and German, the language and theme switches, and the version footer.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src-renderer/src/App';
import type { AppApi } from '../../../src-renderer/src/api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.documentElement.removeAttribute('data-theme');
});

describe('App', () => {
  it('renders the start screen in English', () => {
    render(<App initialLocale="en" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support Export Anonymiser');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Open a support export', 'Recent profiles']);
    expect(screen.getByRole('button', { name: 'Open export…' })).toBeTruthy();
    expect(screen.getByText(/fully offline/)).toBeTruthy();
    expect(document.title).toBe('Support Export Anonymiser');
    expect(document.documentElement.lang).toBe('en');
  });

  it('renders the start screen in German', () => {
    render(<App initialLocale="de" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support-Export-Anonymisierer');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Support-Export öffnen', 'Zuletzt verwendete Profile']);
    expect(screen.getByRole('button', { name: 'Export öffnen…' })).toBeTruthy();
    expect(screen.getByText(/vollständig offline/)).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
  });

  it('starts in the system language', () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'de-DE' });
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support-Export-Anonymisierer');
  });

  it('switches the language from the interface-language select of the settings', () => {
    render(<App initialLocale="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.change(screen.getByLabelText('Interface language'), { target: { value: 'de' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support-Export-Anonymisierer');
    expect(screen.getByLabelText('Sprache der Oberfläche')).toBeTruthy();
    expect(document.title).toBe('Support-Export-Anonymisierer');
    fireEvent.change(screen.getByLabelText('Sprache der Oberfläche'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Support Export Anonymiser');
  });

  it('sets data-theme from the theme select of the settings, and follows the system by default', () => {
    render(<App initialLocale="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const root = document.documentElement;
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(root.style.getPropertyValue('--bg')).toMatch(/^light-dark\(/);
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    expect(root.getAttribute('data-theme')).toBe('dark');
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'system' } });
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('shows the version footer only inside the app, with the same text in German', () => {
    render(<App initialLocale="de" />);
    expect(screen.queryByText(/^Version /)).toBeNull();
    cleanup();
    const settings = { get: async () => ({ ok: true, value: { settings: { theme: 'system', locale: 'system', defaultRegion: 'US' } } }) };
    const profiles = { recent: async () => ({ ok: true, value: [] }) };
    vi.stubGlobal('api', { versions: { app: '1.2.3', electron: 'x', chrome: 'x' }, on: () => () => undefined, settings, profiles } as unknown as AppApi);
    render(<App initialLocale="de" />);
    expect(screen.getByText('Version 1.2.3')).toBeTruthy();
  });
});
