/**
 * The lists the pseudonym fakes draw from (built by scripts/build-fake-lists.mjs into fake-lists.generated.json):
 * given names, surnames, street name stems, company stems, country names and cities by country, plus the lookups
 * built once from them (which country a city or a country name belongs to).
 */
import data from './fake-lists.generated.json';

export interface FakeLists {
  readonly givenNames: readonly string[];
  readonly surnames: readonly string[];
  readonly streetNames: readonly string[];
  readonly companyStems: readonly string[];
  readonly companyWords: readonly string[];
  /** The languages of each entry of `countries`, in order (en, de, fr, es). */
  readonly countryLanguages: readonly string[];
  /** ISO 3166 alpha-2 code → the country's name in each of `countryLanguages`. */
  readonly countries: Readonly<Record<string, readonly string[]>>;
  /** ISO 3166 alpha-2 code → some of its cities (at least two). */
  readonly cities: Readonly<Record<string, readonly string[]>>;
}

export const FAKE_LISTS: FakeLists = data;

/** The alpha-2 codes that have cities, sorted: the countries a city or country may be replaced by. */
export const CITY_COUNTRIES: readonly string[] = Object.keys(FAKE_LISTS.cities).sort();
export const COUNTRY_CODES: readonly string[] = Object.keys(FAKE_LISTS.countries).sort();

export interface CountryName {
  readonly code: string;
  /** Index into `countryLanguages`. */
  readonly language: number;
}

/** Lower-case country name (any listed language) → its code and language. */
export const COUNTRY_BY_NAME: ReadonlyMap<string, CountryName> = (() => {
  const m = new Map<string, CountryName>();
  for (const code of COUNTRY_CODES) {
    FAKE_LISTS.countries[code]!.forEach((name, language) => {
      const k = name.toLowerCase();
      if (!m.has(k)) m.set(k, { code, language });
    });
  }
  return m;
})();

/** Lower-case city name → the first country (in code order) that lists it. */
export const COUNTRY_OF_CITY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const code of CITY_COUNTRIES) {
    for (const city of FAKE_LISTS.cities[code]!) {
      const k = city.toLowerCase();
      if (!m.has(k)) m.set(k, code);
    }
  }
  return m;
})();
