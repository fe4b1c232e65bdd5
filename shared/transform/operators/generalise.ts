/**
 * The `generalise` operator: replaces a value by a coarser one that still serves analysis. By type:
 *
 * - IP_ADDRESS: the network it is in. IPv4 to `ipv4Prefix` bits (default 24, 8..32): "10.1.2.3" → "10.1.2.0/24";
 *   IPv6 (also an IPv4-mapped one is treated as IPv4) to `ipv6Prefix` bits (default 48, 16..128):
 *   "2001:db8:1:2::5" → "2001:db8:1::/48". Not an address: "[IP_ADDRESS]".
 * - POSTAL_CODE: the leading `postalDigits` letters and digits (default 2, 0..10) stay, every other letter and digit
 *   becomes "*", spaces stay: "10115" → "10***", "1234 AB" → "12** **". A UK postcode keeps at most its area letters
 *   (the outward code's leading letters): "SW1A 1AA" → "SW** ***", "M1 1AE" → "M* ***". At least one character is
 *   always hidden, however large `postalDigits` is.
 * - LOCATION: a country stays as written; a city or region (state, province) becomes its country's English name, in
 *   the value's case pattern ("Zürich" → "Switzerland", "Bavaria" → "Germany"); "City, Country" becomes the country
 *   ("Lyon, France" → "France"). A place whose country is unknown or ambiguous (a name GeoNames lists in several
 *   countries, such as Springfield): "[LOCATION]".
 * - STREET_ADDRESS: its city if one of its comma-separated parts (without a postal code) is a known city ("Hauptstr.
 *   5, 10115 Berlin" → "Berlin"), else its postal-code area as for POSTAL_CODE ("…, IL 62704" → "62***"), else
 *   "[STREET_ADDRESS]".
 * - Every other type, in this order:
 *   - a date (DATE_OF_BIRTH, or any value that parses as one, such as a `created_at` column) by `date`:
 *     `day` | `month` (default) | `year` cut the date to that precision in its own format family:
 *     "2024-03-15T10:22:00Z" → "2024-03-15" | "2024-03" | "2024"; "15.03.2024" → month "03.2024";
 *     "03/15/2024" → "03/2024"; "March 15, 2024" and "15 March 2024" → "March 2024". `shift` moves the date by a
 *     keyed number of days, ±1..`maxShiftDays` (default 30, 1..3650), the same for every date of one entity
 *     (`context.entity`; without one, the date itself), and keeps the exact format: a time stays as written,
 *     "15.03.2024" stays DD.MM.YYYY, a weekday or "15th" is recomputed. Slash and dash dates whose order is
 *     ambiguous ("03/04/2024") are month-first when `context.defaultRegion` is US, else day-first; dotted dates are
 *     day-first. Understood: ISO (Y-M-D with -, / or .), D.M.Y, D/M/Y or M/D/Y, D-M-Y or M-D-Y, "March 15, 2024",
 *     "15 March 2024", "Fri, 15 Mar 2024 10:22:00 +0000" (English month and weekday names, full or abbreviated).
 *   - an age, a whole number 0..129 with an optional unit ("34", "34 years", "34y", "34 Jahre"): its band of
 *     `ageBand` years (default 10, 2..50): "34" → "30–39".
 *   - otherwise the redact token: "[TYPE]", and "[DATE]" for a DATE_OF_BIRTH that is no date, so nothing leaks.
 */
import ipaddr from 'ipaddr.js';
import type { EntityType } from '../../detect/finding';
import { applyCasePattern } from '../case-pattern';
import { cityCountryCode, countryCodeOf, englishCountryName } from '../data/place-countries';
import { digestInt } from '../keyed-hash';
import { Params, type OperatorContext, type ValueOperator } from '../operator';
import { maskCharacters } from './mask';
import { redactToken } from './redact';

export type DatePrecision = 'day' | 'month' | 'year' | 'shift';

export interface GeneraliseParams {
  readonly date: DatePrecision;
  readonly maxShiftDays: number;
  readonly ipv4Prefix: number;
  readonly ipv6Prefix: number;
  readonly postalDigits: number;
  readonly ageBand: number;
}

export const generaliseOperator: ValueOperator<GeneraliseParams> = {
  name: 'generalise',
  scope: 'value',
  validate(raw, where) {
    const p = new Params(raw, where);
    const params: GeneraliseParams = {
      date: p.oneOf<DatePrecision>('date', 'month', ['day', 'month', 'year', 'shift']),
      maxShiftDays: p.int('maxShiftDays', 30, 1, 3650),
      ipv4Prefix: p.int('ipv4Prefix', 24, 8, 32),
      ipv6Prefix: p.int('ipv6Prefix', 48, 16, 128),
      postalDigits: p.int('postalDigits', 2, 0, 10),
      ageBand: p.int('ageBand', 10, 2, 50),
    };
    p.done('generalise');
    return params;
  },
  apply(value: string, normalised: string, type: EntityType, params: GeneraliseParams, context: OperatorContext): string {
    const v = value.trim();
    switch (type) {
      case 'IP_ADDRESS':
        return generaliseIp(normalised, params) ?? redactToken(type);
      case 'POSTAL_CODE':
        return generalisePostalCode(v, params.postalDigits);
      case 'LOCATION':
        return generaliseLocation(v) ?? redactToken(type);
      case 'STREET_ADDRESS':
        return generaliseStreetAddress(v, params.postalDigits) ?? redactToken(type);
      default: {
        const date = parseDate(v, context.defaultRegion);
        if (date !== undefined) return generaliseDate(v, date, params, context);
        return ageBand(v, params.ageBand) ?? redactToken(type === 'DATE_OF_BIRTH' ? 'DATE' : type);
      }
    }
  },
};

// ------------------------------------------------------------------------------------------------ IP addresses

/** "10.1.2.0/24" for "10.1.2.3", or undefined when the value is not an address. */
export function generaliseIp(address: string, params: Pick<GeneraliseParams, 'ipv4Prefix' | 'ipv6Prefix'>): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address);
  } catch {
    return undefined;
  }
  if (ip.kind() === 'ipv4') {
    return `${ipaddr.IPv4.networkAddressFromCIDR(`${ip.toString()}/${params.ipv4Prefix}`).toString()}/${params.ipv4Prefix}`;
  }
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${ip.toString()}/${params.ipv6Prefix}`).toString()}/${params.ipv6Prefix}`;
}

// ------------------------------------------------------------------------------------------------ postal codes

/** A UK postcode: the area letters, the rest of the outward code, the inward code. */
const UK_POSTCODE = /^([A-Z]{1,2})(\d[A-Z\d]?)\s*(\d[A-Z]{2})$/i;

export function generalisePostalCode(code: string, postalDigits: number): string {
  const characters = code.replace(/[^\p{L}\p{N}]/gu, '').length;
  const uk = UK_POSTCODE.exec(code);
  const keep = Math.min(postalDigits, characters - 1, uk ? uk[1]!.length : Infinity);
  return maskCharacters(code, Math.max(keep, 0), 0, '*');
}

// ------------------------------------------------------------------------------------------------ places

/** The English name of the country a place is in, in the place's case pattern; undefined when unknown. */
export function generaliseLocation(place: string): string | undefined {
  if (countryCodeOf(place) !== undefined) return place;
  const parts = place.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const part of [...parts].reverse()) {
    const code = countryCodeOf(part);
    if (code !== undefined) return countryName(place, code);
  }
  for (const part of parts) {
    const code = cityCountryCode(part);
    if (code !== undefined) return countryName(place, code);
  }
  return undefined;
}

function countryName(original: string, code: string): string | undefined {
  const name = englishCountryName(code);
  return name === undefined ? undefined : applyCasePattern(original, name);
}

/** Postal codes inside an address: UK postcodes, then runs of 4 to 5 digits (with a ZIP+4 extension). */
const POSTAL_IN_ADDRESS = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b\d{4,5}(?:-\d{4})?\b/gi;

export function generaliseStreetAddress(address: string, postalDigits: number): string | undefined {
  // the last code: a 4-digit house number ("1234 Elm St, …, IL 62704") comes before it
  const postal = [...address.matchAll(POSTAL_IN_ADDRESS)].at(-1);
  // the street comes first, so the first part is not a city whatever it says; the words after a postal code are
  // a candidate even without a comma ("Hauptstr. 5 10115 Berlin")
  const parts = address.split(/[,\n]/).map((s) => s.replace(POSTAL_IN_ADDRESS, '').trim()).slice(1);
  if (postal) parts.push(address.slice(postal.index! + postal[0].length).split(/[,\n]/)[0]!.trim());
  for (const part of parts) {
    // two letters are a state or region code ("IL"), not a city, even where GeoNames knows a place of that name
    if (part.length > 2 && cityCountryCode(part) !== undefined) return part;
  }
  return postal ? generalisePostalCode(postal[0], postalDigits) : undefined;
}

// ------------------------------------------------------------------------------------------------ ages

const AGE = /^(\d{1,3})\s*(?:years?(?: old)?|yrs?\.?|y\.?|jahre|ans|años)?$/i;

/** "30–39" for "34" with bands of 10; undefined when the value is not an age. */
export function ageBand(value: string, band: number): string | undefined {
  const m = AGE.exec(value);
  if (!m) return undefined;
  const age = Number(m[1]);
  if (age > 129) return undefined;
  const low = Math.floor(age / band) * band;
  return `${low}–${low + band - 1}`;
}

// ------------------------------------------------------------------------------------------------ dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

/** What may follow a date: a time, with seconds, fractions, am/pm and a zone, all optional. */
const TIME = String.raw`(?:(?:[T ]|,?\s+(?:at\s+)?)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?`;
const WEEKDAY = String.raw`(?:(?<wd>\p{L}+)\.?,?\s+)?`;
const DATE_FORMS: readonly RegExp[] = [
  new RegExp(String.raw`^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})${TIME}$`, 'diu'),
  new RegExp(String.raw`^(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})\k<sep>(?<y>\d{4})${TIME}$`, 'diu'),
  new RegExp(String.raw`^${WEEKDAY}(?<mn>\p{L}+)\.?\s+(?<d>\d{1,2})(?<ord>st|nd|rd|th)?,?\s+(?<y>\d{4})${TIME}$`, 'diu'),
  new RegExp(String.raw`^${WEEKDAY}(?<d>\d{1,2})(?<ord>st|nd|rd|th)?\.?\s+(?:of\s+)?(?<mn>\p{L}+)\.?,?\s+(?<y>\d{4})${TIME}$`, 'diu'),
];

type Span = readonly [start: number, end: number];

/** A date found in a value, with where each of its parts is written. */
export interface ParsedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly spans: { readonly y: Span; readonly m: Span; readonly d: Span; readonly ord?: Span; readonly wd?: Span };
  /** The separator between numeric parts, or a space for month names. */
  readonly sep: string;
}

/** Index 0..n-1 of the name that `word` is, in full or abbreviated to 3 or more letters ("Sept"), or -1. */
function nameIndex(names: readonly string[], word: string): number {
  const w = word.toLowerCase();
  return w.length < 3 ? -1 : names.findIndex((n) => n.toLowerCase().startsWith(w));
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date in a value written as one of DATE_FORMS, or undefined. */
export function parseDate(value: string, defaultRegion: string): ParsedDate | undefined {
  for (const form of DATE_FORMS) {
    const m = form.exec(value);
    if (!m) continue;
    const g = m.groups!;
    const at = m.indices!.groups!;
    let spans: { y: Span; m: Span; d: Span; ord?: Span; wd?: Span };
    if (g.a !== undefined) {
      // D/M/Y or M/D/Y: dots are day-first; a number above 12 is the day; else the region decides
      const a = Number(g.a);
      const b = Number(g.b);
      const dayFirst = g.sep === '.' || a > 12 || (b <= 12 && defaultRegion.toUpperCase() !== 'US');
      spans = dayFirst ? { y: at.y!, m: at.b!, d: at.a! } : { y: at.y!, m: at.a!, d: at.b! };
    } else if (g.mn !== undefined) {
      spans = { y: at.y!, m: at.mn!, d: at.d! };
      if (at.ord) spans.ord = at.ord;
      if (g.wd !== undefined) {
        if (nameIndex(WEEKDAYS, g.wd) < 0) continue;
        spans.wd = at.wd!;
      }
    } else {
      spans = { y: at.y!, m: at.m!, d: at.d! };
    }
    const part = (s: Span): string => value.slice(s[0], s[1]);
    const year = Number(part(spans.y));
    const month = g.mn !== undefined ? nameIndex(MONTHS, g.mn) + 1 : Number(part(spans.m));
    const day = Number(part(spans.d));
    if (!validDay(year, month, day)) continue;
    return { year, month, day, spans, sep: g.sep ?? ' ' };
  }
  return undefined;
}

function generaliseDate(value: string, date: ParsedDate, params: GeneraliseParams, context: OperatorContext): string {
  const text = (s: Span): string => value.slice(s[0], s[1]);
  const { y, m, d, ord } = date.spans;
  switch (params.date) {
    case 'year':
      return text(y);
    case 'month':
      return y[0] < m[0] ? text(y) + date.sep + text(m) : text(m) + date.sep + text(y);
    case 'day':
      return value.slice(Math.min(y[0], m[0], d[0]), Math.max(y[1], m[1], (ord ?? d)[1]));
    case 'shift':
      return shiftDate(value, date, dateShiftDays(context, date, params.maxShiftDays));
  }
}

/** ±1..max days, keyed by the entity (or, without one, by the date itself), so one person's dates move together. */
export function dateShiftDays(context: OperatorContext, date: Pick<ParsedDate, 'year' | 'month' | 'day'>, max: number): number {
  const iso = `${date.year}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
  const digest = context.key.digest('generalise:date-shift', context.entity !== '' ? context.entity : iso);
  const days = 1 + (digestInt(digest, 0) % max);
  return digestInt(digest, 6) % 2 === 0 ? days : -days;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** names[index] in the style of `original`: abbreviated to 3 letters if that was shorter than its full name, same case. */
function nameLike(original: string, names: readonly string[], index: number): string {
  const was = names[nameIndex(names, original)] ?? '';
  const name = names[index]!;
  return applyCasePattern(original, original.length < was.length ? name.slice(0, 3) : name);
}

function ordinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

/** The value with its date moved by `days`, every other character as it was. */
export function shiftDate(value: string, date: ParsedDate, days: number): string {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  const year = moved.getUTCFullYear();
  const month = moved.getUTCMonth() + 1;
  const day = moved.getUTCDate();
  const { spans } = date;
  const text = (s: Span): string => value.slice(s[0], s[1]);
  const numeric = (s: Span, n: number): string => pad(n, text(s).length === 2 ? 2 : 1);
  const edits: [Span, string][] = [
    [spans.y, pad(year, 4)],
    [spans.d, numeric(spans.d, day)],
    [spans.m, /\d/.test(text(spans.m)) ? numeric(spans.m, month) : nameLike(text(spans.m), MONTHS, month - 1)],
  ];
  if (spans.ord) edits.push([spans.ord, applyCasePattern(text(spans.ord), ordinalSuffix(day))]);
  if (spans.wd) edits.push([spans.wd, nameLike(text(spans.wd), WEEKDAYS, moved.getUTCDay())]);
  let out = value;
  for (const [[start, end], replacement] of edits.sort((p, q) => q[0][0] - p[0][0])) {
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}
