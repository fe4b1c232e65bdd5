/**
 * Recognises our own replacements in anonymised output, so that the residual scan does not count them as personal
 * data left behind: redact tokens (`[EMAIL]`, `[PERSON_3]`, the policy's own templates, anywhere in the span), hashes
 * (the configured prefix and length), masks (`**** **** **** 1234`, `j***@e***.com`, any configured mask character),
 * generalised values (`10.1.2.0/24`, `30–39`, `2024-03`, `10***`, a country) and the pseudonym operator's fakes
 * (`user-…@example.invalid`, `host-….example`, RFC 5737 / RFC 3849 addresses, `02:00:5e:…`, fictional phone ranges,
 * test card prefixes, shipped names, cities, organisations and streets, coordinates within a degree of 0°, 0°).
 *
 * Strict on purpose: a real value must not pass as ours. What it cannot tell apart from real data:
 * - a real name, city, organisation or street made only of words in the shipped lists passes (the lists are real
 *   names), also with common words around it that a detector's span may take in ("Edna Widgets"); the separate
 *   survival check still catches originals that were detected and left in place;
 * - a real hex string of the configured hash length and prefix passes as a hash;
 * - a phone number of a country without a fictional range passes only when libphonenumber finds it invalid (that is
 *   how such fakes are made), so a mistyped real number of such a country passes too;
 * - a real network written as a CIDR with the configured generalise prefix passes;
 * - fakes that look exactly like real values are NOT recognised: IBANs (valid checksum), postal codes and dates of
 *   birth (same shape), format-preserving fakes (case numbers, national ids, secrets, custom types), prefix-preserving
 *   IPv4 pseudonyms, and date-shifted dates. Recognising those needs the run's own list of what it wrote.
 * A redact template made of `{n}` alone would make every number a token, so it is not recognised as one.
 */
import ipaddr from 'ipaddr.js';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import {
  SUFFIX_STRONG,
  TYPE_AFTER_HOUSE_AFTER,
  TYPE_EN_STRONG,
  TYPE_EN_WEAK,
  TYPE_FIRST_STRONG,
  TYPE_FIRST_WEAK,
} from '../detect/detectors/address/vocabulary';
import { allCommonWords } from '../detect/data/common-words';
import { ENTITY_TYPES, type EntityType } from '../detect/finding';
import { COUNTRY_BY_NAME, COUNTRY_OF_CITY, FAKE_LISTS } from '../transform/data/fake-lists';
import { cityCountryCode, countryCodeOf } from '../transform/data/place-countries';
import { luhnValid } from '../transform/fakes/fake-card';
import { isFakeCoordinates } from '../transform/fakes/fake-coordinates';
import { FAKE_EMAIL_DOMAIN, isKeptDomain } from '../transform/fakes/fake-email';
import { DOCUMENTATION_NETS } from '../transform/fakes/fake-ip';
import { normaliseValue } from '../transform/normalise-value';
import type { GeneraliseParams } from '../transform/operators/generalise';
import type { HashParams } from '../transform/operators/hash';
import type { MaskParams } from '../transform/operators/mask';
import type { PseudonymParams } from '../transform/operators/pseudonym';
import { DEFAULT_REDACT_TEMPLATE, type RedactParams } from '../transform/operators/redact';
import { operatorFor, type OperatorChoice, type Policy } from '../transform/policy';
import { RecentCache } from '../util/recent-cache';

/** True when `text` (the span of a residual finding of this type) is something our operators produce under `policy`. */
export function isOwnReplacement(type: EntityType, text: string, policy: Policy): boolean {
  let test = tests.get(policy);
  if (test === undefined) tests.set(policy, (test = createOwnReplacementTest(policy)));
  return test(type, text);
}

const tests = new WeakMap<Policy, (type: EntityType, text: string) => boolean>();

const PHONE_CACHE_SIZE = 4096;

/** The same, prepared once per policy for speed (compiled token/template regexes, list lookups). */
export function createOwnReplacementTest(policy: Policy): (type: EntityType, text: string) => boolean {
  const c = configOf(policy);
  // the same fake phone comes back in every record of its customer, and each check parses it with libphonenumber
  const fictionalPhones = new RecentCache<boolean>(PHONE_CACHE_SIZE);
  const fictionalPhone = (t: string) => isFictionalPhone(t, policy.defaultRegion);
  return (type, text) => {
    if (tokensOnly(text, c.tokens)) return true;
    const t = text.replace(EDGE_PUNCTUATION, '');
    if (t === '') return false;
    if (c.hash?.test(t) || isMasked(type, t, c.masks) || isGeneralised(type, t, c)) return true;
    if (type === 'LOCATION' && isFakeCoordinates(t)) return true;
    if (NAME_LIKE.has(type)) return isFakeCity(text.trim()) || isFakeNameLike(t);
    switch (type) {
      case 'EMAIL':
        return isFakeEmail(t, c.keepDomains);
      case 'USERNAME':
        return FAKE_USERNAME.test(t);
      case 'HOSTNAME':
        return FAKE_HOST.test(t) || t.toLowerCase() === FAKE_EMAIL_DOMAIN || isKeptDomain(t.toLowerCase(), c.keepDomains);
      case 'URL':
        return FAKE_URL.test(t);
      case 'MAC_ADDRESS':
        return MAC_CHARS.test(t) && FAKE_MAC.test(t.replace(MAC_SEPARATORS, '').toLowerCase());
      case 'IP_ADDRESS':
        return isDocumentationIp(t) || isDocumentationIp(text.trim()); // "[2001:db8::1]:443" keeps its bracket
      case 'PHONE':
        return fictionalPhones.get(text.trim(), fictionalPhone);
      case 'CREDIT_CARD':
        return isTestCard(t);
      default:
        return false;
    }
  };
}

// ------------------------------------------------------------------------------------------------ the policy

interface MaskShape {
  readonly char: string;
  /** Undefined: the type's default. */
  readonly first: number | undefined;
  readonly last: number | undefined;
}

interface OwnConfig {
  /** Every redact token the policy can write (global). */
  readonly tokens: RegExp;
  /** A whole hash of one of the policy's hash operators. */
  readonly hash: RegExp | undefined;
  readonly masks: readonly MaskShape[];
  readonly keepDomains: readonly string[];
  readonly generalise: readonly GeneraliseParams[];
  /** The policy generalises street addresses, which gives the address's own (real) city. */
  readonly streetToCity: boolean;
}

function choicesOf(policy: Policy): OperatorChoice[] {
  const out = [policy.defaultOperator, ...Object.values(policy.operators)];
  for (const rule of policy.columns.values()) if (rule.operator) out.push(rule.operator);
  return out;
}

function configOf(policy: Policy): OwnConfig {
  const choices = choicesOf(policy);
  const params = <P>(name: OperatorChoice['operator']): P[] => choices.filter((c) => c.operator === name).map((c) => c.params as P);
  const templates = new Set([DEFAULT_REDACT_TEMPLATE, policy.redactTemplate, ...params<RedactParams>('redact').map((p) => p.template)]);
  const hashes = params<HashParams>('hash').map((p) => `${escapeRegex(p.prefix)}[0-9a-f]{${p.length}}`);
  const generalise = params<GeneraliseParams>('generalise');
  const masks: MaskShape[] = params<MaskParams>('mask').map((p) => ({ char: p.char, first: p.keepFirst, last: p.keepLast }));
  for (const g of generalise) masks.push({ char: '*', first: g.postalDigits, last: 0 });
  return {
    tokens: new RegExp([...templates].filter((t) => t.replaceAll('{n}', '').trim() !== '').map(templateRegex).join('|'), 'gu'),
    hash: hashes.length > 0 ? new RegExp(`^(?:${hashes.join('|')})$`) : undefined,
    masks,
    keepDomains: params<PseudonymParams>('pseudonym').flatMap((p) => p.keepDomains),
    generalise,
    streetToCity: operatorFor(policy, 'STREET_ADDRESS').operator === 'generalise',
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `[{type}]` → `\[(?:EMAIL|…|DATE)\]`; `{n}` → digits. */
function templateRegex(template: string): string {
  const types = `(?:${[...ENTITY_TYPES, 'DATE'].join('|')})`;
  return template
    .split(/(\{type\}|\{n\})/)
    .map((part) => (part === '{type}' ? types : part === '{n}' ? '\\d+' : escapeRegex(part)))
    .join('');
}

// ------------------------------------------------------------------------------------------------ tokens, masks

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Wrapping punctuation a detector's span may include; not `:` (IPv6) nor `*` (masks). */
const EDGE_PUNCTUATION = /^[\s"'`<>()[\]{},;!?]+|[\s"'`<>()[\]{},;!?]+$/gu;

/** The span holds at least one token and nothing else but separators and punctuation. */
function tokensOnly(text: string, tokens: RegExp): boolean {
  tokens.lastIndex = 0;
  if (!tokens.test(text)) return false;
  return !LETTER_OR_DIGIT.test(text.replace(tokens, ''));
}

const KEEP_FIRST_DEFAULT: Partial<Record<EntityType, number>> = { EMAIL: 1 };
const KEEP_LAST_DEFAULT: Partial<Record<EntityType, number>> = { CREDIT_CARD: 4, IBAN: 4, PHONE: 2 };
/** Visible trailing digits allowed whatever the finding's type (the masked value was perhaps of another type). */
const ANY_TYPE_LAST_DIGITS = 4;

function isMasked(type: EntityType, text: string, masks: readonly MaskShape[]): boolean {
  return masks.some((m) => {
    if (!text.includes(m.char)) return false;
    const first = m.first ?? KEEP_FIRST_DEFAULT[type] ?? 0;
    if (text.includes('@')) return maskedEmail(m.char, Math.max(first, 1)).test(text);
    return maskedPlain(text, m.char, first, m.last ?? KEEP_LAST_DEFAULT[type] ?? 0, m.last === undefined);
  });
}

/** `j***@e***.com`: up to `first` characters then three mask characters, per part; the top-level domain shown. */
function maskedEmail(char: string, first: number): RegExp {
  const c = escapeRegex(char);
  return new RegExp(`^[^@\\s]{0,${first}}${c}{3}@(?:[^@.\\s]{0,${first}}${c}{3}\\.)+[a-z]{2,63}$`, 'iu');
}

/**
 * At most `first` letters and digits before the first mask character, `last` after the last, none in between;
 * with `anyType`, up to four digits after it, as a type's default may have kept (a card's last four).
 */
function maskedPlain(text: string, char: string, first: number, last: number, anyType: boolean): boolean {
  const points = [...text];
  const from = points.indexOf(char);
  const to = points.lastIndexOf(char);
  const visible = (list: string[]): string => list.filter((p) => LETTER_OR_DIGIT.test(p)).join('');
  if (visible(points.slice(from, to)) !== '') return false;
  const after = visible(points.slice(to + 1));
  const lastOk = after.length <= last || (anyType && after.length <= ANY_TYPE_LAST_DIGITS && /^\d*$/.test(after));
  return visible(points.slice(0, from)).length <= first && lastOk;
}

// ------------------------------------------------------------------------------------------------ generalised

const CIDR = /^([0-9a-f.:]+)\/(\d{1,3})$/i;
const AGE_BAND = /^(\d{1,3})–(\d{1,3})$/;
const YEAR = /^(?:19|20)\d\d$/;
const MONTH_YEAR = /^(?:\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{4})$/i;

function isGeneralised(type: EntityType, text: string, c: OwnConfig): boolean {
  if (c.generalise.length === 0) return false;
  if (c.streetToCity && (type === 'LOCATION' || type === 'STREET_ADDRESS') && cityCountryCode(text) !== undefined) return true;
  const band = AGE_BAND.exec(text);
  if (band) {
    const [low, high] = [Number(band[1]), Number(band[2])];
    return c.generalise.some((g) => low % g.ageBand === 0 && high === low + g.ageBand - 1);
  }
  const cidr = CIDR.exec(text);
  if (cidr) return isNetwork(cidr[1]!, Number(cidr[2]), c.generalise);
  return (YEAR.test(text) && c.generalise.some((g) => g.date === 'year')) || (MONTH_YEAR.test(text) && c.generalise.some((g) => g.date === 'month'));
}

/** A network address with a prefix length that the policy's generalise operator writes. */
function isNetwork(address: string, bits: number, generalise: readonly GeneraliseParams[]): boolean {
  try {
    const ip = ipaddr.parse(address);
    const v4 = ip.kind() === 'ipv4';
    if (!generalise.some((g) => (v4 ? g.ipv4Prefix : g.ipv6Prefix) === bits)) return false;
    const network = v4 ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${bits}`);
    return network.toString() === ip.toString();
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------------------------------------ pseudonyms

const FAKE_EMAIL = /^user-[0-9a-f]{10}@([a-z0-9.-]+)$/;
const FAKE_USERNAME = /^user-[0-9a-f]{10}$/;
const FAKE_HOST = /^host-[0-9a-f]{10}(?:\.n[0-9a-f]{4})*\.example$/;
const FAKE_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/)?example\.invalid\/[0-9a-f]{12}$/i;
const MAC_CHARS = /^[0-9a-f]{2}(?:[:.-]?[0-9a-f]{2})+$/i;
const MAC_SEPARATORS = /[:.-]/g;
const FAKE_MAC = /^02005e(?:[0-9a-f]{6}|[0-9a-f]{10})$/;
/** The card-network test prefixes of fake-card.ts. */
const TEST_CARD_PREFIXES = ['400000', '222300', '378282', '601100', '356600', '305693'];
const DOCUMENTATION_V6 = ipaddr.parseCIDR('2001:db8::/32');

function isFakeEmail(text: string, keepDomains: readonly string[]): boolean {
  const m = FAKE_EMAIL.exec(text);
  return m !== null && (m[1] === FAKE_EMAIL_DOMAIN || isKeptDomain(m[1]!, keepDomains));
}

function isDocumentationIp(text: string): boolean {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(normaliseValue('IP_ADDRESS', text, 'US'));
  } catch {
    return false;
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (!v6.isIPv4MappedAddress()) return v6.match(DOCUMENTATION_V6);
    ip = v6.toIPv4Address();
  }
  const [a, b, c, d] = (ip as ipaddr.IPv4).octets as [number, number, number, number];
  return d > 0 && d < 255 && DOCUMENTATION_NETS.some(([x, y, z]) => a === x && b === y && c === z);
}

/** National numbers in the fictional ranges of fake-phone.ts, by calling code. */
const FICTIONAL_RANGES: Readonly<Record<string, RegExp>> = {
  '1': /^(?:\d{3})?55501\d\d$/,
  '44': /^(?:7700900|2079460)\d{3}$/,
  '61': /^(?:4915701[0-5]\d|[2378]5550\d{4})$/,
};

function isFictionalPhone(text: string, defaultRegion: string): boolean {
  const parsed = parsePhoneNumberFromString(text, defaultRegion as CountryCode);
  if (parsed === undefined) return (defaultRegion === 'US' || defaultRegion === 'CA') && /^55501\d\d$/.test(text.replace(/\D/g, ''));
  const range = FICTIONAL_RANGES[parsed.countryCallingCode as string];
  // elsewhere a fake is a number outside every allocated range
  return range !== undefined ? range.test(parsed.nationalNumber as string) : !parsed.isValid();
}

function isTestCard(text: string): boolean {
  if (!/^[\d\s-]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 12 && digits.length <= 19 && TEST_CARD_PREFIXES.some((p) => digits.startsWith(p)) && luhnValid(digits);
}

// ------------------------------------------------------------------------------------------------ names and places

const NAME_LIKE = new Set<EntityType>(['PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS']);
const lower = (list: readonly string[]): Set<string> => new Set(list.map((s) => s.toLowerCase()));
const PERSON_NAMES = lower([...FAKE_LISTS.givenNames, ...FAKE_LISTS.surnames]);
const COMPANY_STEMS = lower([...FAKE_LISTS.companyStems, ...FAKE_LISTS.surnames]);
const COMPANY_WORDS = lower(FAKE_LISTS.companyWords);
const STREET_NAMES = lower(FAKE_LISTS.streetNames);
/** Legal forms the organisation fakes use, folded (lower case, no spaces or dots). */
const LEGAL_FORMS = new Set('gmbh ag kg ug ohg gbr ggmbh ev se inc llc corp co incorporated corporation ltd plc limited llp sa sas sarl sl bv nv ab as oy aps a/s spa srl'.split(' '));
/** Titles a name fake leaves out, but that a residual span may include from the text around it. */
const TITLES = new Set('mr mrs ms mx miss dr prof sir dame herr frau mme mlle'.split(' '));
const STREET_TYPES = new Set([...TYPE_EN_STRONG, ...TYPE_EN_WEAK, ...TYPE_FIRST_STRONG, ...TYPE_FIRST_WEAK, ...TYPE_AFTER_HOUSE_AFTER, 'carrera', 'corso']);
const COMPOUND_SUFFIXES = [...SUFFIX_STRONG, ...TYPE_AFTER_HOUSE_AFTER];
const INITIAL = /^\p{L}\.?$/u;
const HOUSE_NUMBER = /^\d+[a-z]?(?:[-/]\d+[a-z]?)?$/i;
const STATE_CODE = /^\p{Lu}{2,3}$/u;

const MAX_PADDED_WORDS = 8;
let commonWords: Set<string> | undefined;

function isCommonWord(word: string): boolean {
  commonWords ??= new Set(allCommonWords());
  const w = word.toLowerCase().replace(/[.,;:]+$/, '');
  return commonWords.has(w) || (w.endsWith('s') && commonWords.has(w.slice(0, -1)));
}

/**
 * A fake name, place, organisation or street, perhaps with common words around it that the detector's span took in
 * from the text ("Edna Widgets": the fake city "Edna" of "Acme Widgets").
 */
function isFakeNameLike(text: string): boolean {
  const core = (t: string): boolean => isFakeName(t) || isFakeCity(t) || isFakeOrganization(t) || isFakeStreet(t);
  if (core(text)) return true;
  const words = text.split(/\s+/);
  if (words.length > MAX_PADDED_WORDS) return false;
  for (let i = 0; i < words.length && (i === 0 || isCommonWord(words[i - 1]!)); i++) {
    for (let j = words.length; j > i && (j === words.length || isCommonWord(words[j]!)); j--) {
      if ((i > 0 || j < words.length) && core(words.slice(i, j).join(' '))) return true;
    }
  }
  return false;
}

/** Every part a shipped given name or surname (or an initial, or a title), at least one a name. */
function isFakeName(text: string): boolean {
  const parts = text.split(/[\s,]+/).flatMap((p) => p.split('-')).filter((p) => p !== '');
  let named = false;
  for (const part of parts) {
    const p = part.toLowerCase();
    if (PERSON_NAMES.has(p)) named = true;
    else if (!INITIAL.test(part) && !TITLES.has(p.replace(/\.$/, ''))) return false;
  }
  return named;
}

/** A city or a country of the shipped lists. */
function isFakeCity(text: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  return COUNTRY_OF_CITY.has(t) || COUNTRY_BY_NAME.has(t) || countryCodeOf(t) !== undefined;
}

/** A company stem (or listed surname) followed by a company word or a legal form. */
function isFakeOrganization(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  for (let k = 1; k <= Math.min(3, words.length - 1); k++) {
    const tail = words.slice(-k).join(' ');
    const head = words.slice(0, -k).join(' ').replace(/,$/, '');
    const form = LEGAL_FORMS.has(tail.replace(/[\s.]+/g, '')) || (k === 1 && COMPANY_WORDS.has(tail));
    if (form && COMPANY_STEMS.has(head)) return true;
  }
  return false;
}

/** A street line of listed street names, street types and a house number; later parts listed cities and state codes. */
function isFakeStreet(text: string): boolean {
  const [line, ...rest] = text.split(/[,\n]/);
  let named = false;
  for (const token of line!.split(/\s+/).filter((t) => t !== '')) {
    const t = token.toLowerCase().replace(/\.$/, '');
    if (STREET_NAMES.has(t) || isCompoundStreet(t)) named = true;
    else if (!STREET_TYPES.has(t) && !HOUSE_NUMBER.test(t)) return false;
  }
  return named && rest.every(isAddressTail);
}

function isCompoundStreet(word: string): boolean {
  return COMPOUND_SUFFIXES.some((s) => word.endsWith(s) && STREET_NAMES.has(word.slice(0, -s.length)));
}

/** A later part of an address: digits, a state code, a listed city. */
function isAddressTail(part: string): boolean {
  const words = part.replace(/\d+/g, ' ').replace(/^[\s.-]+|[\s.-]+$/g, '').replace(/\s+/g, ' ');
  return words === '' || STATE_CODE.test(words) || COUNTRY_OF_CITY.has(words.toLowerCase()) || words.split(/\s+/).every((w) => STATE_CODE.test(w));
}
