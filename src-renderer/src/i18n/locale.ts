/**
 * Which interface language to start in: the OS language (`navigator.language`) when a catalogue exists for its
 * primary subtag (`de-AT` → `de`), else English. The user's choice in the settings overrides it (state for now;
 * persisting it comes later).
 */
import { CATALOGUES, SOURCE_LOCALE, type Catalogues } from './catalogues';

/** The catalogue locale for a BCP 47 tag, or the source locale when no catalogue matches. */
export function pickLocale(tag: string | undefined, catalogues: Catalogues = CATALOGUES): string {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return catalogues.has(primary) ? primary : SOURCE_LOCALE;
}

/** The locale the interface starts in on this machine. */
export function systemLocale(catalogues: Catalogues = CATALOGUES): string {
  return pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language, catalogues);
}
