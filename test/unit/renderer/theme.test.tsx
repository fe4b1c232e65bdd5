// @vitest-environment jsdom
// The theme on the page: the palette's variables set on <html>, and data-theme following the preference.
import { afterEach, describe, expect, it } from 'vitest';
import { UI_COLOURS } from '../../../src-renderer/src/theme/palette';
import { applyThemePreference, findingVariable, installPalette, paletteVariables } from '../../../src-renderer/src/theme/theme';

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
});

describe('theme', () => {
  it('names each colour as light-dark(light, dark)', () => {
    const variables = paletteVariables();
    expect(variables['--text']).toBe(`light-dark(${UI_COLOURS.text.light}, ${UI_COLOURS.text.dark})`);
    expect(variables[findingVariable('IP_ADDRESS', 'bg')]).toMatch(/^light-dark\(#[0-9a-f]{6}, #[0-9a-f]{6}\)$/);
    expect(findingVariable('IP_ADDRESS', 'text')).toBe('--finding-ip-address-text');
  });

  it('installs every variable on <html>', () => {
    installPalette();
    const style = document.documentElement.style;
    for (const [name, value] of Object.entries(paletteVariables())) expect(style.getPropertyValue(name), name).toBe(value);
  });

  it('pins light or dark with data-theme, and removes it to follow the system', () => {
    const root = document.documentElement;
    applyThemePreference('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
    applyThemePreference('light');
    expect(root.getAttribute('data-theme')).toBe('light');
    applyThemePreference('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});
