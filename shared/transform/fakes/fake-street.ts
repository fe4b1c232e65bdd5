/**
 * A fake street address: a house number rewritten from the digest (same shape, no leading zero) where the original
 * had it (before or after the street), a street name from the shipped list, and a street type word of the original's
 * language where it had one, another than its own when the language has several ("12 Baker Street" → "47 Albion
 * Road", "Calle Mayor 5" → "Avenida Abbey 8", "Hauptstraße 5" → "Albertweg 3"). Further comma-separated parts (city, region, postcode) keep their shape: numbers rewritten,
 * short capital codes (a state: IL, NSW) kept, words replaced by a city of the default region.
 */
import { applyCasePattern } from '../case-pattern';
import { FAKE_LISTS } from '../data/fake-lists';
import { fakeCity } from './fake-city';
import { derivedDigest, pick, rewriteChars } from './keyed-choice';

/** Street type words, lower case without a final dot. */
const STREET_TYPES = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'court', 'ct',
  'place', 'pl', 'way', 'close', 'crescent', 'cres', 'terrace', 'grove', 'square', 'sq', 'parkway', 'pkwy', 'highway',
  'hwy', 'circle', 'cir', 'trail', 'row', 'mews', 'hill', 'gardens', 'straße', 'strasse', 'str', 'weg', 'allee', 'platz',
  'gasse', 'ring', 'damm', 'ufer', 'rue', 'boulevard', 'chemin', 'allée', 'impasse', 'quai', 'route', 'calle', 'avenida',
  'paseo', 'plaza', 'camino', 'carrera', 'via', 'viale', 'piazza', 'straat', 'laan', 'plein',
]);
/** Street type words by language (and abbreviated or not): a fake takes another of the original's group. */
const TYPE_GROUPS: readonly (readonly string[])[] = [
  ['Street', 'Road', 'Avenue', 'Lane', 'Drive', 'Way', 'Close', 'Court', 'Place', 'Crescent', 'Terrace', 'Grove'],
  ['St', 'Rd', 'Ave', 'Ln', 'Dr', 'Ct', 'Pl', 'Blvd'],
  ['Straße', 'Weg', 'Allee', 'Platz', 'Gasse', 'Ring', 'Damm'],
  ['Rue', 'Avenue', 'Boulevard', 'Chemin', 'Allée', 'Impasse', 'Quai'],
  ['Calle', 'Avenida', 'Paseo', 'Plaza', 'Camino', 'Carrera'],
  ['Via', 'Viale', 'Piazza', 'Corso'],
  ['straat', 'laan', 'plein'],
];
const GROUP_OF = new Map<string, readonly string[]>();
for (const group of TYPE_GROUPS) for (const t of group) if (!GROUP_OF.has(t.toLowerCase())) GROUP_OF.set(t.toLowerCase(), group);
const TYPE_ALIASES: readonly (readonly [string, string])[] = [
  ['strasse', 'straße'], ['str', 'straße'], ['av', 'avenida'], ['pkwy', 'ave'], ['hwy', 'rd'], ['sq', 'pl'], ['cres', 'st'],
];
for (const [alias, canonical] of TYPE_ALIASES) GROUP_OF.set(alias, GROUP_OF.get(canonical)!);

/** Another street type of the same group as `type`, in its case pattern; `type` itself when it has no group. */
function otherType(type: string, digest: Uint8Array): string {
  const bare = type.replace(TRAILING_DOT, '');
  const group = GROUP_OF.get(bare.toLowerCase());
  if (!group) return type;
  const others = group.filter((t) => t.toLowerCase() !== bare.toLowerCase());
  const chosen = pick(others, digest, 10);
  return applyCasePattern(bare, chosen) + (type.endsWith('.') ? '.' : '');
}

/** Endings of one-word street names ("Hauptstraße", "Lindenweg"), longest first. */
const COMPOUND_ENDINGS = ['strasse', 'straße', 'str.', 'allee', 'gasse', 'platz', 'straat', 'plein', 'damm', 'ring', 'ufer', 'laan', 'weg'];
const HOUSE_NUMBER = /^\d+[a-zA-Z]?(?:[-/]\d+[a-zA-Z]?)?,?$/;
const SPACES = /\s+/;
const TRAILING_DOT = /\.$/;
const FIRST_SEGMENT_END = /[,\n]/;
/** A run of words in the later parts. */
const WORD_RUN = /\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*)*/gu;
const STATE_CODE = /^\p{Lu}{2,3}$/u;

export function fakeStreetAddress(digest: Uint8Array, original: string, defaultRegion: string): string {
  const end = original.search(FIRST_SEGMENT_END);
  const first = end < 0 ? original : original.slice(0, end);
  const rest = end < 0 ? '' : original.slice(end);
  return fakeStreetLine(digest, first.trim()) + fakeRest(digest, rest, defaultRegion);
}

function fakeStreetLine(digest: Uint8Array, line: string): string {
  const tokens = line.split(SPACES).filter((t) => t !== '');
  const numberAt = tokens.findIndex((t) => HOUSE_NUMBER.test(t));
  const typeAt = tokens.findIndex((t) => STREET_TYPES.has(t.toLowerCase().replace(TRAILING_DOT, '')));
  const name = pick(FAKE_LISTS.streetNames, digest, 0);
  let street = name;
  const compound = typeAt < 0 ? compoundEnding(tokens) : undefined;
  if (compound !== undefined) street = name + otherType(compound, digest).toLowerCase();
  else if (typeAt >= 0) {
    const type = otherType(tokens[typeAt]!, digest);
    const nameAfterType = tokens.slice(typeAt + 1).some((t, i) => typeAt + 1 + i !== numberAt && !HOUSE_NUMBER.test(t));
    street = nameAfterType && typeAt < tokens.length - 1 ? `${type} ${name}` : `${name} ${type}`;
  }
  if (numberAt < 0) return street;
  const number = houseNumber(digest, tokens[numberAt]!.replace(',', ''));
  return numberAt === 0 ? `${number} ${street}` : `${street} ${number}`;
}

/** The ending as written of the first token that is a one-word street name, if any. */
function compoundEnding(tokens: readonly string[]): string | undefined {
  for (const t of tokens) {
    const lower = t.toLowerCase();
    const ending = COMPOUND_ENDINGS.find((e) => lower.length > e.length + 2 && lower.endsWith(e));
    if (ending !== undefined) return t.slice(t.length - ending.length);
  }
  return undefined;
}

/** The house number with its digits and letters rewritten, never starting with 0. */
function houseNumber(digest: Uint8Array, original: string): string {
  const n = rewriteChars(original, digest.subarray(12));
  return n.startsWith('0') ? '1' + n.slice(1) : n;
}

/** The parts after the street line: digits rewritten, state codes kept, other words one fake city per run. */
function fakeRest(digest: Uint8Array, rest: string, defaultRegion: string): string {
  if (rest === '') return '';
  const city = fakeCity(derivedDigest(digest, 1), '', defaultRegion);
  return rewriteChars(rest, digest.subarray(20), 0, false).replace(WORD_RUN, (run) => (STATE_CODE.test(run) ? run : city));
}
