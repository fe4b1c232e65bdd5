/**
 * The interface's message catalogues: every `*.json` file in this folder, one per language, named by its BCP 47
 * code (`en.json`, `de.json`). Vite's `import.meta.glob` bundles them at build time, so adding a language is adding
 * a file: nothing here or elsewhere lists them. English (`en.json`) is the source; each catalogue names its own
 * language in `language.name`.
 */
/// <reference types="vite/client" />
import type source from './en.json';

/** A message key of the source catalogue; other catalogues must have the same keys (test/unit/renderer). */
export type MessageKey = keyof typeof source;
export type Catalogue = Readonly<Record<string, string>>;
export type Catalogues = ReadonlyMap<string, Catalogue>;

export const SOURCE_LOCALE = 'en';

export interface Language {
  /** The catalogue's file name without `.json`, e.g. `de`. */
  readonly code: string;
  /** The language's name in itself, e.g. `Deutsch`. */
  readonly name: string;
}

const modules = import.meta.glob<Catalogue>('./*.json', { eager: true, import: 'default' });

/** The bundled catalogues by locale code. */
export const CATALOGUES: Catalogues = new Map(
  Object.entries(modules).map(([file, messages]) => [file.replace(/^.*\//, '').replace(/\.json$/, ''), messages]),
);

/** The languages of the given catalogues, ordered by code. */
export function languagesOf(catalogues: Catalogues = CATALOGUES): Language[] {
  return [...catalogues.entries()]
    .map(([code, messages]) => ({ code, name: messages['language.name'] ?? code }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
