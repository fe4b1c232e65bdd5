/**
 * A fake place: a country name becomes another country's name in the same language (en, de, fr, es); a city or
 * region becomes another city of its country, found in the shipped lists or else in the GeoNames city → country
 * table (146,000 places); a place of unknown or ambiguous country becomes a city of the default region (or of the
 * United States when the lists have none for it).
 */
import { COUNTRY_BY_NAME, COUNTRY_CODES, COUNTRY_OF_CITY, FAKE_LISTS } from '../data/fake-lists';
import { cityCountryCode, countryCodeOf } from '../data/place-countries';
import { digestInt } from '../keyed-hash';

const FALLBACK_REGION = 'US';

/** @param normalised the place in canonical form (lower case, single spaces) */
export function fakeCity(digest: Uint8Array, normalised: string, defaultRegion: string): string {
  // (a short form that only the country table knows, "uk", "usa", "uae": another country's English name)
  const shortForm = countryCodeOf(normalised);
  const country = COUNTRY_BY_NAME.get(normalised) ?? (shortForm !== undefined ? { code: shortForm, language: 0 } : undefined);
  if (country !== undefined) {
    const other = pickOther(COUNTRY_CODES, digest, (code) => code === country.code);
    return FAKE_LISTS.countries[other]![country.language]!;
  }
  const known = COUNTRY_OF_CITY.get(normalised) ?? cityCountryCode(normalised);
  const region = [known, defaultRegion].find((r) => r !== undefined && FAKE_LISTS.cities[r] !== undefined) ?? FALLBACK_REGION;
  return pickOther(FAKE_LISTS.cities[region]!, digest, (city) => city.toLowerCase() === normalised);
}

/** An item of `list` chosen by the digest, the next one if the first is `same` (lists hold at least two items). */
function pickOther(list: readonly string[], digest: Uint8Array, same: (item: string) => boolean): string {
  const at = digestInt(digest, 0) % list.length;
  const item = list[at]!;
  return same(item) ? list[(at + 1) % list.length]! : item;
}
