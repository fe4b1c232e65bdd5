/**
 * The app's settings (`shared/app-settings.ts`) in one small JSON file of the app's data folder:
 * `{"format": "support-export-anonymiser-settings", "version": 1, "settings": {…}}`, replaced atomically on every
 * change (never half-written). Reading checks every value: a missing file gives the defaults; an unreadable,
 * corrupt or unknown file gives the defaults plus a warning, and a single invalid value falls back to its default
 * with a warning; reading never throws. Before a change replaces an unreadable file, that file is kept beside it
 * (`settings.json.unreadable`), so nothing the user had is lost without a trace. Changes are applied one at a time.
 *
 * Warnings name the setting or what is wrong, never the file's path or content (they are shown in the window).
 */
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSetting, DEFAULT_SETTINGS, SETTING_NAMES, SettingsError, type AppSettings, type SettingsPatch } from '../../shared/app-settings';
import { createAtomicFile, writeAndCommit } from '../io/atomic-file';
import { describeFsError } from '../io/text-input';

export const SETTINGS_FILE = 'settings.json';
/** Where an unreadable settings file is kept when a change replaces it. */
export const UNREADABLE_SUFFIX = '.unreadable';
export const SETTINGS_FORMAT = 'support-export-anonymiser-settings';
export const SETTINGS_VERSION = 1;
/** A settings file is about 100 bytes; anything much larger is not one. */
const MAX_SETTINGS_BYTES = 64 * 1024;

export interface SettingsSnapshot {
  readonly settings: AppSettings;
  /** Set when the file could not be used as it is: what was wrong, and that defaults stand in. */
  readonly warning?: string;
}

export interface SettingsStore {
  /** The settings as stored, checked; never throws. */
  read(): Promise<SettingsSnapshot>;
  /** Applies a checked partial update and stores the whole; resolves with the settings now in force. */
  update(patch: SettingsPatch): Promise<AppSettings>;
}

/** What reading found: the settings to use, a warning, and whether the file on disk is unusable as a whole. */
interface ReadOutcome extends SettingsSnapshot {
  readonly unreadable: boolean;
}

export function createSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, SETTINGS_FILE);
  let queue: Promise<unknown> = Promise.resolve();

  const readOutcome = async (): Promise<ReadOutcome> => {
    let text: string;
    try {
      if ((await stat(path)).size > MAX_SETTINGS_BYTES) return unusable('it is far too large to be a settings file');
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: DEFAULT_SETTINGS, unreadable: false };
      return unusable(describeFsError(error));
    }
    return parseSettingsText(text);
  };

  const update = async (patch: SettingsPatch): Promise<AppSettings> => {
    const current = await readOutcome();
    const next: AppSettings = { ...current.settings };
    for (const name of SETTING_NAMES) {
      if (patch[name] !== undefined) (next as unknown as Record<string, unknown>)[name] = checkSetting(name, patch[name]);
    }
    if (current.unreadable) await rename(path, `${path}${UNREADABLE_SUFFIX}`).catch(() => undefined);
    const text = `${JSON.stringify({ format: SETTINGS_FORMAT, version: SETTINGS_VERSION, settings: next }, null, 2)}\n`;
    await writeAndCommit(await createAtomicFile(path), new TextEncoder().encode(text));
    return next;
  };

  return {
    async read() {
      const { settings, warning } = await readOutcome();
      return warning === undefined ? { settings } : { settings, warning };
    },
    update(patch) {
      const done = queue.then(() => update(patch));
      queue = done.catch(() => undefined);
      return done;
    },
  };
}

function unusable(what: string): ReadOutcome {
  return {
    settings: DEFAULT_SETTINGS,
    warning: `The saved settings could not be read (${what}), so the defaults are in use. The next change replaces them; the old file is kept beside the new one.`,
    unreadable: true,
  };
}

/** Checks a settings file's text: the envelope strictly, then each value on its own. */
export function parseSettingsText(text: string): ReadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unusable('not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return unusable('not a JSON object');
  const { format, version, settings } = json as Record<string, unknown>;
  if (format !== SETTINGS_FORMAT) return unusable('not a settings file of this app');
  if (version !== SETTINGS_VERSION) return unusable('written by a version of the app that this one cannot read');
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return unusable('"settings" is not an object');
  const stored = settings as Record<string, unknown>;
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const invalid: string[] = [];
  for (const name of SETTING_NAMES) {
    if (stored[name] === undefined) continue;
    try {
      result[name] = checkSetting(name, stored[name]);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      invalid.push(name);
    }
  }
  const unknown = Object.keys(stored).filter((name) => !(SETTING_NAMES as readonly string[]).includes(name));
  const problems = [
    ...(invalid.length > 0 ? [`The saved value of ${invalid.join(', ')} was not valid; the default is in use.`] : []),
    ...(unknown.length > 0 ? [`The saved settings held ${unknown.length} unknown ${unknown.length === 1 ? 'entry' : 'entries'}, which the next change drops.`] : []),
  ];
  return { settings: result as unknown as AppSettings, ...(problems.length > 0 ? { warning: problems.join(' ') } : {}), unreadable: false };
}
