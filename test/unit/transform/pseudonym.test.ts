import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { EntityType } from '../../../shared/detect/finding';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { normaliseValue } from '../../../shared/transform/normalise-value';
import { ProfileError, type OperatorContext } from '../../../shared/transform/operator';
import { pseudonymOperator as op, type PseudonymParams } from '../../../shared/transform/operators/pseudonym';
import { luhnValid } from '../../../shared/transform/fakes/fake-card';
import { withCheckDigits } from '../../../shared/transform/fakes/fake-iban';
import { countryCodeOf } from '../../../shared/transform/data/place-countries';

const keyBytesArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const keyArb = keyBytesArb.map((b) => new KeyedHash(b));
const twoKeysArb = fc
  .tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }))
  .filter(([a, b]) => a.some((x, i) => x !== b[i]))
  .map(([a, b]) => [new KeyedHash(a), new KeyedHash(b)] as const);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

const DEFAULT = op.validate({}, 'operators.X');
const PAN = op.validate({ ipv4: 'prefix-preserving' }, 'operators.IP_ADDRESS');

function context(key: KeyedHash, defaultRegion = 'US', seen?: [EntityType, string, string][]): OperatorContext {
  return { key, defaultRegion, ordinal: () => 1, entity: '', onPseudonym: seen && ((t, p, o) => seen.push([t, p, o])) };
}

function pseudonym(key: KeyedHash, type: EntityType, value: string, params: PseudonymParams = DEFAULT, region = 'US'): string {
  return op.apply(value, normaliseValue(type, value, region), type, params, context(key, region));
}

const cardArb = fc.tuple(fc.constantFrom('4', '51', '37', '6011', '35'), digits(15)).map(([p, rest]) => {
  const body = (p + rest).slice(0, p === '37' ? 14 : 15);
  return body + luhnCheck(body);
});
function luhnCheck(body: string): string {
  for (let c = 0; c < 10; c++) if (luhnValid(body + c)) return String(c);
  throw new Error('unreachable');
}
const ibanArb = fc
  .tuple(fc.constantFrom(['DE', 18], ['NL', 14], ['AT', 16], ['CH', 17]) as fc.Arbitrary<[string, number]>, digits(18))
  .map(([[country, n], d]) => withCheckDigits(country, country === 'NL' ? 'ABNA' + d.slice(0, 10) : d.slice(0, n)));
/** Country prefixes and how many digits follow them in a valid number. */
const PHONE_PREFIXES: [string, number][] = [
  ['+1 212 ', 7], ['+1 416 ', 7], ['+44 7', 9], ['+44 20 ', 8], ['+61 4', 8], ['+61 2 ', 8], ['+49 30 ', 7], ['+33 6 ', 8], ['+34 6', 8],
];
const phoneArb = fc
  .tuple(fc.constantFrom(...PHONE_PREFIXES), digits(9))
  .map(([[p, n], d]) => p + d.slice(0, n))
  .filter((s) => parsePhoneNumberFromString(s)?.isValid() === true);

/** A generator of values of each type the properties run over. */
const VALUES: [EntityType, fc.Arbitrary<string>][] = [
  ['EMAIL', fc.emailAddress()],
  ['IP_ADDRESS', fc.ipV4()],
  ['IP_ADDRESS', fc.ipV6()],
  ['CREDIT_CARD', cardArb],
  ['IBAN', ibanArb],
  ['PHONE', phoneArb],
  ['PERSON', fc.constantFrom('Anna', 'John Smith', 'Dr. Anna Maria Schmidt', 'SMITH, John', 'maría garcía')],
  ['CASE_NUMBER', digits(7).map((d) => 'INC' + d)],
  ['USERNAME', fc.stringMatching(/^[a-z][a-z0-9._]{2,15}$/)],
  ['MAC_ADDRESS', fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':'))],
  ['POSTAL_CODE', digits(5)],
];

function inDocumentationNet(ip: string): boolean {
  const a = ipaddr.IPv4.parse(ip);
  return ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].some((c) => a.match(ipaddr.IPv4.parseCIDR(c)));
}

describe('pseudonym operator: properties over random keys and values', () => {
  it('is deterministic for the same key, type and value, and never equals its original', () => {
    for (const [type, arb] of VALUES) {
      fc.assert(
        fc.property(keyBytesArb, arb, (bytes, value) => {
          const a = pseudonym(new KeyedHash(bytes), type, value);
          expect(pseudonym(new KeyedHash(Uint8Array.from(bytes)), type, value)).toBe(a);
          expect(normaliseValue(type, a, 'US')).not.toBe(normaliseValue(type, value, 'US'));
        }),
        { numRuns: 40 },
      );
    }
  });

  it('differs between keys: high-entropy outputs each time, small ranges over many values', () => {
    for (const [type, arb] of [
      ['EMAIL', fc.emailAddress()],
      ['IP_ADDRESS', fc.ipV6()],
      ['CREDIT_CARD', cardArb],
    ] as const) {
      fc.assert(fc.property(twoKeysArb, arb, ([k1, k2], v) => {
        expect(pseudonym(k1, type, v)).not.toBe(pseudonym(k2, type, v));
      }), { numRuns: 50 });
    }
    fc.assert(
      fc.property(twoKeysArb, fc.uniqueArray(phoneArb, { minLength: 20, maxLength: 20 }), ([k1, k2], phones) => {
        expect(phones.map((p) => pseudonym(k1, 'PHONE', p))).not.toEqual(phones.map((p) => pseudonym(k2, 'PHONE', p)));
      }),
      { numRuns: 20 },
    );
    fc.assert(
      fc.property(twoKeysArb, fc.uniqueArray(fc.ipV4(), { minLength: 20, maxLength: 20 }), ([k1, k2], ips) => {
        expect(ips.map((p) => pseudonym(k1, 'IP_ADDRESS', p))).not.toEqual(ips.map((p) => pseudonym(k2, 'IP_ADDRESS', p)));
      }),
      { numRuns: 20 },
    );
  });

  it('every fake validates for its type', () => {
    fc.assert(fc.property(keyArb, cardArb, (k, v) => {
      expect(luhnValid(pseudonym(k, 'CREDIT_CARD', v))).toBe(true);
    }), { numRuns: 100 });
    fc.assert(
      fc.property(keyArb, ibanArb, (k, v) => {
        const out = pseudonym(k, 'IBAN', v);
        expect(isValidIBAN(out)).toBe(true);
        expect(out.slice(0, 2)).toBe(v.slice(0, 2));
        expect(out.length).toBe(v.length);
      }),
      { numRuns: 100 },
    );
    fc.assert(fc.property(keyArb, fc.ipV4(), (k, v) => {
      expect(inDocumentationNet(pseudonym(k, 'IP_ADDRESS', v))).toBe(true);
    }), { numRuns: 100 });
    fc.assert(
      fc.property(keyArb, fc.ipV6(), (k, v) => {
        const text = pseudonym(k, 'IP_ADDRESS', v);
        const out = ipaddr.IPv6.parse(text);
        const inV6DocNet = out.match(ipaddr.IPv6.parseCIDR('2001:db8::/32'));
        // an IPv4-mapped address ("::ffff:1.2.3.4") stays mapped, with its IPv4 part in the RFC 5737 ranges
        const mappedDoc = out.isIPv4MappedAddress() && inDocumentationNet(out.toIPv4Address().toString());
        expect(inV6DocNet || (v.includes('.') && mappedDoc)).toBe(true);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(keyArb, fc.emailAddress(), (k, v) => {
        const out = pseudonym(k, 'EMAIL', v);
        expect(out.split('@')).toHaveLength(2);
        expect(out).toMatch(/^[a-z0-9-]+@(?:[a-z0-9-]+\.)+invalid$/);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(keyArb, phoneArb, (k, v) => {
        const out = pseudonym(k, 'PHONE', v);
        const p = parsePhoneNumberFromString(out)!;
        const nat = p.nationalNumber as string;
        expect(p.countryCallingCode).toBe(parsePhoneNumberFromString(v)!.countryCallingCode);
        if (p.countryCallingCode === '1') expect(nat).toMatch(/^\d{3}55501\d\d$/);
        else if (p.countryCallingCode === '44') expect(nat).toMatch(/^(7700900|2079460)\d{3}$/);
        else if (p.countryCallingCode === '61') expect(nat).toMatch(/^(4915701[0-5]\d|[2378]5550\d{4})$/);
        else expect(p.isValid()).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('gives every spelling of one value the same pseudonym', () => {
    fc.assert(
      fc.property(keyArb, (k) => {
        expect(pseudonym(k, 'EMAIL', 'John.Smith@X.com')).toBe(pseudonym(k, 'EMAIL', 'john.smith@x.com'));
        const intl = pseudonym(k, 'PHONE', '+49 30 1234567', DEFAULT, 'DE');
        const national = pseudonym(k, 'PHONE', '030 1234567', DEFAULT, 'DE');
        expect(normaliseValue('PHONE', intl, 'DE')).toBe(normaliseValue('PHONE', national, 'DE'));
        expect(pseudonym(k, 'IP_ADDRESS', '2001:DB8:0:0:0:0:0:1')).toBe(pseudonym(k, 'IP_ADDRESS', '2001:db8::1'));
        expect(pseudonym(k, 'PERSON', 'JOHN SMITH')).toBe(pseudonym(k, 'PERSON', 'John Smith').toUpperCase());
      }),
      { numRuns: 30 },
    );
  });

  it('prefix-preserving IPv4 keeps the shared prefix length of any two addresses', () => {
    const toInt = (s: string) => ipaddr.IPv4.parse(s).octets.reduce((n, o) => n * 256 + o, 0);
    const shared = (a: number, b: number) => Math.clz32((a ^ b) >>> 0);
    fc.assert(
      fc.property(keyArb, fc.ipV4(), fc.ipV4(), fc.integer({ min: 0, max: 32 }), (k, a, b, keep) => {
        // b shares at least `keep` leading bits with a, so that long shared prefixes are tested too
        const mask = keep === 0 ? 0 : (0xffffffff << (32 - keep)) >>> 0;
        const bInt = ((toInt(a) & mask) | (toInt(b) & ~mask)) >>> 0;
        const b2 = [24, 16, 8, 0].map((s) => (bInt >>> s) & 255).join('.');
        const fa = toInt(pseudonym(k, 'IP_ADDRESS', a, PAN));
        const fb = toInt(pseudonym(k, 'IP_ADDRESS', b2, PAN));
        expect(shared(fa, fb)).toBe(shared(toInt(a), bInt));
      }),
      { numRuns: 300 },
    );
  });
});

describe('pseudonym operator: parameters and examples', () => {
  const key = new KeyedHash(new Uint8Array(32).fill(1));

  it('validates its parameters with the profile path in the message', () => {
    expect(op.validate({ keepDomains: ['ACME.com', '@corp.example'] }, 'p').keepDomains).toEqual(['acme.com', 'corp.example']);
    expect(() => op.validate({ ipv4: 'random' }, 'operators.IP_ADDRESS')).toThrow(/operators\.IP_ADDRESS\.ipv4 must be one of/);
    expect(() => op.validate({ keepDomains: ['not a domain'] }, 'operators.EMAIL')).toThrow(ProfileError);
    expect(() => op.validate({ keepDomain: ['acme.com'] }, 'operators.EMAIL')).toThrow(/"keepDomain"/);
  });

  it('keeps the kept domains and their subdomains, compared in lower case', () => {
    const params = op.validate({ keepDomains: ['acme.com'] }, 'p');
    expect(pseudonym(key, 'EMAIL', 'Jane.Doe@ACME.com', params)).toMatch(/^user-[0-9a-f]{10}@acme\.com$/);
    expect(pseudonym(key, 'EMAIL', 'jane@support.acme.com', params)).toMatch(/@support\.acme\.com$/);
    expect(pseudonym(key, 'EMAIL', 'jane@gmail.com', params)).toMatch(/@example\.invalid$/);
  });

  it('names, places and organisations keep the case pattern', () => {
    expect(pseudonym(key, 'PERSON', 'ANNA SCHMIDT')).toMatch(/^[\p{Lu}'-]+ [\p{Lu}'-]+$/u);
    expect(pseudonym(key, 'PERSON', 'anna')).toMatch(/^[\p{Ll}'-]+$/u);
    const place = pseudonym(key, 'LOCATION', 'GERMANY');
    expect(place).toBe(place.toUpperCase());
    const org = pseudonym(key, 'ORGANIZATION', 'acme gmbh');
    expect(org).toBe(org.toLowerCase());
  });

  it('coordinates become coordinates within a degree of 0°, 0°, in the same form', () => {
    const pair = pseudonym(key, 'LOCATION', '51.50740, -0.12780');
    expect(pair).toMatch(/^0\.\d{5}, -0\.\d{5}$/);
    expect(pseudonym(key, 'LOCATION', '40.7128° N, 74.0060° W')).toMatch(/^0\.\d{4}° N, 0\.\d{4}° W$/);
    expect(pseudonym(key, 'LOCATION', '51°30\'26.6"N 0°07\'39.0"W')).toMatch(/^0°[0-5]\d'[0-5]\d\.\d"N 0°[0-5]\d'[0-5]\d\.\d"W$/);
    expect(pseudonym(key, 'LOCATION', '48.8566')).toMatch(/^0\.\d{4}$/);
    expect(pseudonym(key, 'LOCATION', '51.50740, -0.12780')).toBe(pair);
  });

  it('a country short form becomes another country', () => {
    for (const short of ['UK', 'USA', 'uae']) {
      const fake = pseudonym(key, 'LOCATION', short);
      expect(fake).not.toBe(short);
      expect(countryCodeOf(fake.toLowerCase())).toBeDefined();
    }
  });

  it('tells each pseudonym and its original to onPseudonym', () => {
    const seen: [EntityType, string, string][] = [];
    const out = op.apply('jane@x.com', 'jane@x.com', 'EMAIL', DEFAULT, context(key, 'US', seen));
    expect(seen).toEqual([['EMAIL', out, 'jane@x.com']]);
  });

  it('derives again when the pseudonym happens to be the original', () => {
    const first = pseudonym(key, 'EMAIL', 'someone@x.com');
    expect(pseudonym(key, 'EMAIL', first)).not.toBe(first);
  });
});
