/**
 * The desktop app's settings: what they hold, their defaults, and the strict check of one value or a partial update
 * (used by the IPC validator for `settings:set` and by the settings store when it reads its file).
 *
 * - `theme`: 'system' follows the OS; 'light' or 'dark' pins it.
 * - `locale`: 'system' follows the OS language; otherwise a message catalogue's code ('en', 'de'). Any well-formed
 *   language code is accepted here, so that adding a catalogue needs no code change; the renderer falls back to
 *   English when it has no catalogue for it.
 * - `defaultRegion`: the ISO 3166 region for national phone numbers (and day/month order of dates) when a profile
 *   does not set its own `defaultRegion`; one of the regions libphonenumber-js knows.
 *
 * The detectors have no language switch (their word lists cover English, German, French and Spanish at once), so
 * there is no "languages of the data" setting: offering one would promise something the engine does not do.
 */
import { getCountries } from 'libphonenumber-js/max';

export type ThemeSetting = 'system' | 'light' | 'dark';
export const THEME_SETTINGS: readonly ThemeSetting[] = Object.freeze(['system', 'light', 'dark']);

export interface AppSettings {
  readonly theme: ThemeSetting;
  /** 'system' or a catalogue code. */
  readonly locale: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly defaultRegion: string;
}

export type SettingsPatch = Partial<AppSettings>;

/** The engine's own default region (`shared/transform/profile.ts`), so that the defaults change nothing. */
export const DEFAULT_SETTINGS: AppSettings = Object.freeze({ theme: 'system', locale: 'system', defaultRegion: 'US' });

export const SETTING_NAMES: readonly (keyof AppSettings)[] = Object.freeze(['theme', 'locale', 'defaultRegion']);

/** The regions libphonenumber-js has numbering plans for, sorted. */
export const PHONE_REGIONS: readonly string[] = Object.freeze([...getCountries()].sort());
const REGION_SET: ReadonlySet<string> = new Set(PHONE_REGIONS);

/** A BCP 47 primary language subtag, optionally with a region: `en`, `de`, `pt-BR`. */
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

/** Thrown for a value that is not a valid setting; the message names the setting, never the value sent. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Checks one setting's value and returns it. */
export function checkSetting<K extends keyof AppSettings>(name: K, value: unknown): AppSettings[K] {
  switch (name) {
    case 'theme':
      if (typeof value !== 'string' || !(THEME_SETTINGS as readonly string[]).includes(value)) {
        throw new SettingsError(`theme must be one of ${THEME_SETTINGS.join(', ')}`);
      }
      return value as AppSettings[K];
    case 'locale':
      if (typeof value !== 'string' || (value !== 'system' && !LOCALE_PATTERN.test(value))) {
        throw new SettingsError("locale must be 'system' or a language code such as 'en' or 'de'");
      }
      return value as AppSettings[K];
    case 'defaultRegion':
      if (typeof value !== 'string' || !REGION_SET.has(value)) {
        throw new SettingsError('defaultRegion must be a two-letter ISO 3166 region with a phone numbering plan, such as GB or DE');
      }
      return value as AppSettings[K];
    default:
      throw new SettingsError('unknown setting');
  }
}

/** Checks a partial update: a plain object of known settings, each valid, at least one. Returns a fresh copy. */
export function checkSettingsPatch(value: unknown): SettingsPatch {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsError('the settings must be an object');
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new SettingsError('the settings must be a plain object');
  const entries = Object.entries(value);
  if (entries.length === 0) throw new SettingsError('name at least one setting to change');
  const patch: Record<string, unknown> = {};
  for (const [name, v] of entries) {
    if (!(SETTING_NAMES as readonly string[]).includes(name)) throw new SettingsError(`unknown setting (known: ${SETTING_NAMES.join(', ')})`);
    patch[name] = checkSetting(name as keyof AppSettings, v);
  }
  return patch as SettingsPatch;
}
