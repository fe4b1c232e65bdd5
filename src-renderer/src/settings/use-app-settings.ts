/**
 * The app's settings in the window: loaded from main once at start (`settings:get`), changed through `update`, which
 * applies a change at once and stores it (`settings:set`). The interface language follows the stored `locale`
 * (unless it is 'system', or no catalogue has it); the theme is the caller's to apply. Without `window.api` (tests,
 * a plain browser) the settings live in this window only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type AppSettings, type SettingsPatch } from '../../../shared/app-settings';
import type { AppApi } from '../api';
import { useI18n } from '../i18n/i18n-context';

export interface AppSettingsState {
  readonly settings: AppSettings;
  /** What main said was wrong with the stored settings (the defaults then stand in). */
  readonly warning?: string;
  /** The last failure to load or store a setting. */
  readonly error?: string;
  update(patch: SettingsPatch): void;
}

export function useAppSettings(api: AppApi | undefined, initial: Partial<AppSettings> = {}): AppSettingsState {
  const { setLocale, languages } = useI18n();
  const [settings, setSettings] = useState<AppSettings>(() => ({ ...DEFAULT_SETTINGS, ...initial }));
  const [warning, setWarning] = useState<string>();
  const [error, setError] = useState<string>();
  // changes made before the stored settings arrived win over them
  const early = useRef<SettingsPatch | null>({});

  const follow = useCallback(
    (locale: string | undefined) => {
      if (locale !== undefined && locale !== 'system' && languages.some((l) => l.code === locale)) setLocale(locale);
    },
    [languages, setLocale],
  );

  useEffect(() => {
    if (!api) return undefined;
    let live = true;
    void api.settings.get().then((result) => {
      if (!live) return;
      const patch = early.current ?? {};
      early.current = null;
      if (!result.ok) return setError(result.error.message);
      const next = { ...result.value.settings, ...patch };
      setSettings(next);
      setWarning(result.value.warning);
      if (patch.locale === undefined) follow(next.locale);
    });
    return () => {
      live = false;
    };
  }, [api, follow]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      setSettings((current) => ({ ...current, ...patch }));
      follow(patch.locale);
      if (early.current) early.current = { ...early.current, ...patch };
      if (!api) return;
      void api.settings.set(patch).then((result) => setError(result.ok ? undefined : result.error.message));
    },
    [api, follow],
  );

  return { settings, ...(warning !== undefined ? { warning } : {}), ...(error !== undefined ? { error } : {}), update };
}
