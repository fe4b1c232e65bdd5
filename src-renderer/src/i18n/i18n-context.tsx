/**
 * The interface language as React state: `I18nProvider` holds the locale (the system's by default, changed by the
 * settings) and the translator for it; `useI18n()` gives components `t`, the locale, `setLocale` and the languages
 * to choose from. It keeps `<html lang>` in step, so screen readers and hyphenation follow the language.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, languagesOf, type Catalogues, type Language } from './catalogues';
import { systemLocale } from './locale';
import { createTranslator, type TranslateFn } from './translator';

export interface I18n {
  readonly locale: string;
  readonly t: TranslateFn;
  readonly setLocale: (locale: string) => void;
  readonly languages: readonly Language[];
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps {
  /** Defaults to the system's language (see locale.ts). */
  readonly initialLocale?: string;
  /** Defaults to the bundled catalogues. */
  readonly catalogues?: Catalogues;
  readonly children: ReactNode;
}

export function I18nProvider({ initialLocale, catalogues = CATALOGUES, children }: I18nProviderProps) {
  const [requested, setLocale] = useState(() => initialLocale ?? systemLocale(catalogues));
  const value = useMemo<I18n>(() => {
    const translator = createTranslator(requested, { catalogues });
    return { locale: translator.locale, t: translator.t, setLocale, languages: languagesOf(catalogues) };
  }, [requested, catalogues]);

  useEffect(() => {
    document.documentElement.lang = value.locale;
  }, [value.locale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}
