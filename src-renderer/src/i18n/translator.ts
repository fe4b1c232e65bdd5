/**
 * `createTranslator(locale)` → `t(key, params)`: looks a key up in the locale's catalogue and formats it
 * (format-message.ts). A key missing from that catalogue falls back to English, the source; a key missing from
 * English too renders as the key itself. Either is passed to `onMissing` (keys only, never parameters: those may
 * come from the user's data). Parsed messages are cached per translator.
 */
import { CATALOGUES, SOURCE_LOCALE, type Catalogues, type MessageKey } from './catalogues';
import { formatParts, parseMessage, type MessageParams, type MessagePart } from './format-message';

export type TranslateFn = (key: MessageKey, params?: MessageParams) => string;

export interface Translator {
  /** The locale of the catalogue in use (the source locale when the requested one has none). */
  readonly locale: string;
  readonly t: TranslateFn;
}

export interface TranslatorOptions {
  /** Defaults to the bundled catalogues. */
  readonly catalogues?: Catalogues;
  /** Told once per key that fell back to English (`fellBackTo: 'en'`) or to the key (`fellBackTo: 'key'`). */
  readonly onMissing?: (key: string, locale: string, fellBackTo: 'en' | 'key') => void;
}

export function createTranslator(locale: string, options: TranslatorOptions = {}): Translator {
  const catalogues = options.catalogues ?? CATALOGUES;
  const active = catalogues.has(locale) ? locale : SOURCE_LOCALE;
  const messages = catalogues.get(active) ?? {};
  const source = catalogues.get(SOURCE_LOCALE) ?? {};
  const parsed = new Map<string, { parts: readonly MessagePart[]; locale: string }>();

  const lookup = (key: string): { parts: readonly MessagePart[]; locale: string } => {
    const cached = parsed.get(key);
    if (cached) return cached;
    let entry: { parts: readonly MessagePart[]; locale: string };
    if (messages[key] !== undefined) {
      entry = { parts: parseMessage(messages[key]), locale: active };
    } else if (source[key] !== undefined) {
      options.onMissing?.(key, active, 'en');
      entry = { parts: parseMessage(source[key]), locale: SOURCE_LOCALE };
    } else {
      options.onMissing?.(key, active, 'key');
      entry = { parts: [key], locale: active };
    }
    parsed.set(key, entry);
    return entry;
  };

  return {
    locale: active,
    t: (key, params = {}) => {
      const entry = lookup(key);
      return formatParts(entry.parts, params, entry.locale);
    },
  };
}
