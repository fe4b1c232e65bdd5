/**
 * The interface's colours, light and dark, in one place: styles.css uses only `var(--…)`, and theme.ts sets those
 * variables from here at startup. `CONTRAST_PAIRS` declares every foreground/background pair the CSS uses with the
 * WCAG AA minimum it must meet (4.5:1 for text, 3:1 for focus rings and control borders); the unit test checks
 * each pair in both themes. Each finding type has a highlight (text on background) per theme, for the diff and
 * its legend; the hues are chosen per type, the lightness fixed so every highlight keeps AA contrast.
 */
import type { EntityType } from '../../../shared/detect/finding';
import { hslToHex } from './colour';

export type ThemeName = 'light' | 'dark';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark'];

export interface ThemedColour {
  readonly light: string;
  readonly dark: string;
}

export const UI_COLOURS = {
  bg: { light: '#f6f6f3', dark: '#17191c' },
  surface: { light: '#ffffff', dark: '#1f2226' },
  text: { light: '#1d1f23', dark: '#e7e8ea' },
  muted: { light: '#575d66', dark: '#a3a8b0' },
  border: { light: '#dcdcd6', dark: '#33373d' },
  'control-border': { light: '#767b84', dark: '#8a9099' },
  accent: { light: '#2f6f5e', dark: '#7cc4ad' },
  'accent-soft': { light: '#e3efe9', dark: '#1f3630' },
  'on-accent': { light: '#ffffff', dark: '#10201b' },
  focus: { light: '#1f5fbf', dark: '#8ab4f8' },
  success: { light: '#1e6b3a', dark: '#7fd69a' },
  danger: { light: '#b42318', dark: '#ff9b91' },
  'notice-bg': { light: '#fff8e6', dark: '#2a2518' },
  'notice-border': { light: '#e6c36a', dark: '#806a2e' },
  'code-bg': { light: '#f0f0ec', dark: '#121416' },
} as const satisfies Record<string, ThemedColour>;

export type UiColour = keyof typeof UI_COLOURS;

export interface ContrastPair {
  readonly foreground: UiColour;
  readonly background: UiColour;
  /** 4.5 for text, 3 for non-text (focus ring, control border). */
  readonly minimum: 4.5 | 3;
}

const text = (foreground: UiColour, backgrounds: UiColour[]): ContrastPair[] =>
  backgrounds.map((background) => ({ foreground, background, minimum: 4.5 }));
const nonText = (foreground: UiColour, backgrounds: UiColour[]): ContrastPair[] =>
  backgrounds.map((background) => ({ foreground, background, minimum: 3 }));

/** Every pair styles.css puts together. Add a pair here when the CSS puts a new colour on a new background. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  ...text('text', ['bg', 'surface', 'notice-bg', 'code-bg', 'accent-soft']),
  ...text('muted', ['bg', 'surface']),
  ...text('accent', ['bg', 'surface', 'accent-soft']),
  ...text('on-accent', ['accent']),
  ...text('success', ['bg', 'surface']),
  ...text('danger', ['bg', 'surface']),
  ...nonText('focus', ['bg', 'surface', 'notice-bg']),
  ...nonText('control-border', ['bg', 'surface']),
];

/** The hue of each finding type's highlight, spread so that neighbours in the legend differ. */
const FINDING_HUES: Record<EntityType, number> = {
  EMAIL: 210, PHONE: 150, IP_ADDRESS: 265, MAC_ADDRESS: 290, URL: 195, HOSTNAME: 230, CREDIT_CARD: 0,
  IBAN: 15, NATIONAL_ID: 330, SECRET: 350, CASE_NUMBER: 100, USERNAME: 245, PERSON: 35, LOCATION: 125,
  ORGANIZATION: 55, STREET_ADDRESS: 170, POSTAL_CODE: 80, DATE_OF_BIRTH: 310, IDENTIFIER: 0, CONFIDENTIAL_NOTE: 45,
  CUSTOM: 180,
};

export interface Highlight {
  readonly text: string;
  readonly background: string;
}

/** A finding type's highlight in both themes: dark text on a pale tint, light text on a deep shade. */
function highlight(hue: number, saturation: number): Record<ThemeName, Highlight> {
  return {
    light: { text: hslToHex(hue, saturation, 22), background: hslToHex(hue, saturation, 90) },
    dark: { text: hslToHex(hue, saturation, 90), background: hslToHex(hue, saturation * 0.6, 24) },
  };
}

export const FINDING_COLOURS: Readonly<Record<EntityType, Record<ThemeName, Highlight>>> = Object.fromEntries(
  Object.entries(FINDING_HUES).map(([type, hue]) => [type, highlight(hue, type === 'IDENTIFIER' ? 0 : 70)]),
) as Record<EntityType, Record<ThemeName, Highlight>>;
