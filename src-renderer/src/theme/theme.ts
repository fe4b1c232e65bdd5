/**
 * Puts the palette on the page and applies the theme preference. `installPalette` sets one CSS variable per
 * colour on `<html>` as `light-dark(LIGHT, DARK)` (through the CSSOM, which the CSP's `style-src 'self'` allows;
 * no style attribute or inline `<style>`); CSS picks the half from `color-scheme`, which follows the OS
 * (`prefers-color-scheme`) unless `data-theme="light|dark"` on `<html>` pins it (styles.css).
 */
import type { EntityType } from '../../../shared/detect/finding';
import { FINDING_COLOURS, UI_COLOURS } from './palette';

export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The CSS variable of a finding type's highlight text or background, e.g. `--finding-ip-address-bg`. */
export function findingVariable(type: EntityType, part: 'text' | 'bg'): string {
  return `--finding-${type.toLowerCase().replace(/_/g, '-')}-${part}`;
}

const lightDark = (light: string, dark: string): string => `light-dark(${light}, ${dark})`;

/** Every CSS variable of the palette with its value. */
export function paletteVariables(): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [name, colour] of Object.entries(UI_COLOURS)) variables[`--${name}`] = lightDark(colour.light, colour.dark);
  for (const [type, colours] of Object.entries(FINDING_COLOURS) as [EntityType, (typeof FINDING_COLOURS)[EntityType]][]) {
    variables[findingVariable(type, 'text')] = lightDark(colours.light.text, colours.dark.text);
    variables[findingVariable(type, 'bg')] = lightDark(colours.light.background, colours.dark.background);
  }
  return variables;
}

export function installPalette(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(paletteVariables())) root.style.setProperty(name, value);
}

/** `system` removes `data-theme`, so the OS decides; `light` or `dark` pins it. */
export function applyThemePreference(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', preference);
}
