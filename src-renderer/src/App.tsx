/**
 * The renderer's root: the interface language (I18nProvider), the theme (palette installed on `<html>`, the
 * preference as state; persisting both settings comes later) and, for now, the start screen with the notice that
 * the review workspace is still being built. Every visible string comes from the catalogues in i18n/.
 */
import { useLayoutEffect, useState } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n-context';
import { LanguageSelect } from './i18n/LanguageSelect';
import { ThemeSelect } from './theme/ThemeSelect';
import { applyThemePreference, installPalette, type ThemePreference } from './theme/theme';

/** Shown as code, so never translated. */
const CLI_EXAMPLE = 'npx anonymise run tickets.csv --out anonymised/';

export interface AppProps {
  /** The interface language to start in; defaults to the system's (i18n/locale.ts). */
  readonly initialLocale?: string;
  readonly initialTheme?: ThemePreference;
}

export function App({ initialLocale, initialTheme = 'system' }: AppProps) {
  return (
    <I18nProvider initialLocale={initialLocale}>
      <StartScreen initialTheme={initialTheme} />
    </I18nProvider>
  );
}

function StartScreen({ initialTheme }: { readonly initialTheme: ThemePreference }) {
  const { t } = useI18n();
  const [theme, setTheme] = useState(initialTheme);
  const appVersion = window.api?.versions.app;
  const title = t('app.title');

  // Before the first paint, so the page never shows without its colours.
  useLayoutEffect(() => installPalette(), []);
  useLayoutEffect(() => applyThemePreference(theme), [theme]);
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <main className="start">
      <header className="start__header">
        <h1 className="start__title">{title}</h1>
        <p className="start__badge">{t('app.offlineBadge')}</p>
      </header>

      <p className="start__intro">{t('start.intro')}</p>

      <section className="notice" aria-labelledby="notice-title">
        <h2 id="notice-title" className="notice__title">
          {t('start.notice.title')}
        </h2>
        <p>{t('start.notice.body')}</p>
        <pre className="notice__command">
          <code>{CLI_EXAMPLE}</code>
        </pre>
      </section>

      <section className="preferences" aria-label={t('settings.title')}>
        <LanguageSelect />
        <ThemeSelect value={theme} onChange={setTheme} />
      </section>

      {appVersion ? <footer className="start__footer">{t('app.version', { version: appVersion })}</footer> : null}
    </main>
  );
}
