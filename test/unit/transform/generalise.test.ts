import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import type { EntityType } from '../../../shared/detect/finding';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { normaliseValue } from '../../../shared/transform/normalise-value';
import { ProfileError, type OperatorContext } from '../../../shared/transform/operator';
import { generaliseOperator, parseDate } from '../../../shared/transform/operators/generalise';

const keyBytes = (seed: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (seed * 131 + i * 11) & 0xff);
const contextFor = (seed: number, entity = '', defaultRegion = 'US'): OperatorContext => ({ key: new KeyedHash(keyBytes(seed)), defaultRegion, ordinal: () => 1, entity });

function generalise(type: EntityType, value: string, raw: Record<string, unknown> = {}, context = contextFor(1)): string {
  const params = generaliseOperator.validate(raw, `operators.${type}`);
  return generaliseOperator.apply(value, normaliseValue(type, value, context.defaultRegion), type, params, context);
}

/** Days from the date written in `a` to the one in `b` (both must parse). */
function daysBetween(a: string, b: string, region = 'US'): number {
  const utc = (s: string): number => {
    const d = parseDate(s, region)!;
    return Date.UTC(d.year, d.month - 1, d.day);
  };
  return (utc(b) - utc(a)) / 86_400_000;
}

describe('generalise: dates cut to a precision, in their own format', () => {
  it.each([
    ['2024-03-15T10:22:00Z', 'day', '2024-03-15'],
    ['2024-03-15T10:22:00Z', 'month', '2024-03'],
    ['2024-03-15T10:22:00Z', 'year', '2024'],
    ['2024/03/15', 'month', '2024/03'],
    ['15.03.2024', 'month', '03.2024'],
    ['15.03.2024 10:22', 'day', '15.03.2024'],
    ['03/15/2024', 'month', '03/2024'],
    ['March 15, 2024', 'month', 'March 2024'],
    ['15 March 2024', 'month', 'March 2024'],
    ['Mar. 15th, 2024', 'day', 'Mar. 15th, 2024'],
    ['Fri, 15 Mar 2024 10:22:00 +0000', 'day', '15 Mar 2024'],
    ['Fri, 15 Mar 2024 10:22:00 +0000', 'month', 'Mar 2024'],
  ])('%s by %s → %s', (value, date, expected) => {
    expect(generalise('DATE_OF_BIRTH', value, { date })).toBe(expected);
    expect(generalise('CUSTOM', value, { date })).toBe(expected);
  });

  it('reads an ambiguous slash date by the default region', () => {
    expect(generalise('DATE_OF_BIRTH', '03/04/2024', {}, contextFor(1, '', 'US'))).toBe('03/2024');
    expect(generalise('DATE_OF_BIRTH', '03/04/2024', {}, contextFor(1, '', 'GB'))).toBe('04/2024');
    expect(generalise('DATE_OF_BIRTH', '13/04/2024', {}, contextFor(1, '', 'US'))).toBe('04/2024');
  });

  it('does not let a value that is no date through', () => {
    expect(generalise('DATE_OF_BIRTH', 'sometime in spring')).toBe('[DATE]');
    expect(generalise('DATE_OF_BIRTH', '2024-02-30')).toBe('[DATE]');
    expect(generalise('DATE_OF_BIRTH', 'Someday, March 15, 2024')).toBe('[DATE]');
    expect(generalise('CUSTOM', 'hello')).toBe('[CUSTOM]');
  });
});

describe('generalise: date shift', () => {
  it('moves ISO dates by 1..maxShiftDays days and keeps the time', () => {
    const out = generalise('DATE_OF_BIRTH', '2024-03-15T10:22:00Z', { date: 'shift', maxShiftDays: 5 }, contextFor(1, 'customer-17'));
    expect(out).toMatch(/^\d{4}-\d{2}-\d{2}T10:22:00Z$/);
    const days = Math.abs(daysBetween('2024-03-15', out));
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(5);
  });

  it('recomputes the weekday and the ordinal suffix', () => {
    const shifted = (value: string): string => generalise('CUSTOM', value, { date: 'shift', maxShiftDays: 3650 }, contextFor(2, 'e-1'));
    const out = shifted('Friday, March 1st, 2024');
    const d = parseDate(out, 'US')!;
    const moved = new Date(Date.UTC(d.year, d.month - 1, d.day));
    expect(out.split(',')[0]).toBe(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][moved.getUTCDay()]);
    expect(out).toMatch(d.day % 10 === 1 && d.day !== 11 ? /\d1st,/ : /\d(nd|rd|th),/);
    expect(daysBetween('2024-03-01', out)).not.toBe(0);
  });

  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
  const pad = (n: number): string => String(n).padStart(2, '0');
  const FORMATS: ((d: Date) => string)[] = [
    (d) => d.toISOString().slice(0, 10),
    (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    (d) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`,
    (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  ];

  it('keeps the format (length and separators) and moves one entity’s dates by the same offset', () => {
    fc.assert(
      fc.property(date, date, fc.constantFrom(...FORMATS), fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 3650 }), (d1, d2, format, entity, maxShiftDays) => {
        const [a, b] = [format(d1), format(d2)];
        const context = contextFor(3, entity);
        const [sa, sb] = [a, b].map((v) => generalise('DATE_OF_BIRTH', v, { date: 'shift', maxShiftDays }, context)) as [string, string];
        expect(sa.replace(/\d/g, '0')).toBe(a.replace(/\d/g, '0'));
        const offset = daysBetween(a, sa);
        expect(Math.abs(offset)).toBeGreaterThanOrEqual(1);
        expect(Math.abs(offset)).toBeLessThanOrEqual(maxShiftDays);
        expect(daysBetween(b, sb)).toBe(offset);
      }),
    );
  });

  it('gives another key other offsets', () => {
    const offsets = (seed: number): number[] =>
      Array.from({ length: 20 }, (_, i) => daysBetween('2024-06-15', generalise('DATE_OF_BIRTH', '2024-06-15', { date: 'shift' }, contextFor(seed, `entity-${i}`))));
    expect(offsets(4)).toEqual(offsets(4));
    expect(offsets(4)).not.toEqual(offsets(5));
    expect(new Set(offsets(4)).size).toBeGreaterThan(5);
  });
});

describe('generalise: IP addresses, postal codes, ages', () => {
  it.each([
    ['10.1.2.3', {}, '10.1.2.0/24'],
    ['10.1.2.3', { ipv4Prefix: 16 }, '10.1.0.0/16'],
    ['[10.1.2.3]:8080', {}, '10.1.2.0/24'],
    ['::ffff:10.1.2.3', {}, '10.1.2.0/24'],
    ['2001:db8:1:2::5', {}, '2001:db8:1::/48'],
    ['2001:DB8:1:2::5', { ipv6Prefix: 64 }, '2001:db8:1:2::/64'],
    ['not-an-ip', {}, '[IP_ADDRESS]'],
  ])('%s %j → %s', (value, raw, expected) => {
    expect(generalise('IP_ADDRESS', value, raw)).toBe(expected);
  });

  it('keeps every IPv4 address inside its generalised prefix', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 8, max: 32 }), (ip, ipv4Prefix) => {
        const out = generalise('IP_ADDRESS', ip, { ipv4Prefix });
        const [network, bits] = ipaddr.IPv4.parseCIDR(out);
        expect(bits).toBe(ipv4Prefix);
        expect(ipaddr.IPv4.parse(ip).match(network, bits)).toBe(true);
      }),
    );
  });

  it.each([
    ['10115', {}, '10***'],
    ['SW1A 1AA', {}, 'SW** ***'],
    ['M1 1AE', {}, 'M* ***'],
    ['1234 AB', {}, '12** **'],
    ['10115', { postalDigits: 0 }, '*****'],
    ['10115', { postalDigits: 10 }, '1011*'],
  ])('postal code %s %j → %s', (value, raw, expected) => {
    expect(generalise('POSTAL_CODE', value, raw)).toBe(expected);
  });

  it.each([
    ['34', {}, '30–39'],
    ['34 years', { ageBand: 5 }, '30–34'],
    ['7y', {}, '0–9'],
    ['129 Jahre', {}, '120–129'],
    ['130', {}, '[CUSTOM]'],
    ['-3', {}, '[CUSTOM]'],
  ])('age %s %j → %s', (value, raw, expected) => {
    expect(generalise('CUSTOM', value, raw)).toBe(expected);
  });

  it('puts the redact token in place of the types it does not generalise', () => {
    expect(generalise('EMAIL', 'john@example.com')).toBe('[EMAIL]');
    expect(generalise('PERSON', 'John Smith')).toBe('[PERSON]');
  });
});

describe('generalise: places', () => {
  it.each([
    ['Zürich', 'Switzerland'],
    ['Bavaria', 'Germany'],
    ['texas', 'united states of america'],
    ['California', '[LOCATION]'], // GeoNames also has towns called California outside the US
    ['BERLIN', 'GERMANY'],
    ['london', 'united kingdom'],
    ['Lyon, France', 'France'],
    ['Berlin, Deutschland', 'Germany'],
    ['Germany', 'Germany'],
    ['Deutschland', 'Deutschland'],
    ['Springfield', '[LOCATION]'],
    ['Xqzvillebury', '[LOCATION]'],
  ])('location %s → %s', (value, expected) => {
    expect(generalise('LOCATION', value)).toBe(expected);
  });

  it.each([
    ['Hauptstraße 5, 10115 Berlin', 'Berlin'],
    ['Hauptstraße 5 10115 Berlin', 'Berlin'],
    ['221B Baker Street, London NW1 6XE', 'London'],
    ['1234 Elm St, Springfield, IL 62704', '62***'],
    ['12 Baker Street', '[STREET_ADDRESS]'],
  ])('street address %s → %s', (value, expected) => {
    expect(generalise('STREET_ADDRESS', value)).toBe(expected);
  });
});

describe('generalise: parameters', () => {
  it('rejects bad parameters, naming where', () => {
    const outside = (min: number, max: number) => fc.oneof(fc.integer({ max: min - 1 }), fc.integer({ min: max + 1 }), fc.constant('3'), fc.double({ min: min + 0.1, max: min + 0.9 }));
    const bad = fc.oneof(
      fc.record({ date: fc.oneof(fc.constantFrom('week', 'DAY', ''), fc.integer()) }),
      fc.record({ maxShiftDays: outside(1, 3650) }),
      fc.record({ ipv4Prefix: outside(8, 32) }),
      fc.record({ ipv6Prefix: outside(16, 128) }),
      fc.record({ postalDigits: outside(0, 10) }),
      fc.record({ ageBand: outside(2, 50) }),
    );
    fc.assert(
      fc.property(bad, fc.constantFrom('operators.DATE_OF_BIRTH', 'columns.created_at'), (raw, where) => {
        expect(() => generaliseOperator.validate(raw, where)).toThrow(ProfileError);
        expect(() => generaliseOperator.validate(raw, where)).toThrow(`${where}.${Object.keys(raw)[0]!} `);
      }),
    );
    expect(() => generaliseOperator.validate({ precision: 'day' }, 'operators.X')).toThrow('operators.X has a parameter "precision"');
  });
});
