import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { fakeCard, luhnDigit, luhnValid } from '../../../shared/transform/fakes/fake-card';
import { fakeCity } from '../../../shared/transform/fakes/fake-city';
import { fakeEmail, isKeptDomain } from '../../../shared/transform/fakes/fake-email';
import {
  fakeDateOfBirth,
  fakeDocumentNumber,
  fakeFormatPreserving,
  fakeHostname,
  fakeMac,
  fakePostalCode,
  fakeUrl,
  keptPrefixLength,
} from '../../../shared/transform/fakes/fake-generic';
import { fakeIban, mod97, withCheckDigits } from '../../../shared/transform/fakes/fake-iban';
import { fakeAccount } from '../../../shared/transform/fakes/fake-account';
import { isChecksummedEthereumAddress, isValidBase58Address, isValidSegwitAddress } from '../../../shared/detect/validators/bank-checksums';
import { fakeIp, PrefixPreservingIpv4 } from '../../../shared/transform/fakes/fake-ip';
import { fakeName } from '../../../shared/transform/fakes/fake-name';
import { fakeOrganization } from '../../../shared/transform/fakes/fake-organization';
import { deadTriples, fakePhone } from '../../../shared/transform/fakes/fake-phone';
import { fakeStreetAddress } from '../../../shared/transform/fakes/fake-street';
import { digestBytes, pourDigits, rewriteChars } from '../../../shared/transform/fakes/keyed-choice';
import { FAKE_LISTS } from '../../../shared/transform/data/fake-lists';

const digestArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const digitsArb = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const digestOf = (s: string) => new KeyedHash(new Uint8Array(32).fill(3)).digest('test', s);

describe('keyed-choice', () => {
  it('rewriteChars keeps the shape: digits to digits, letters to letters of the same case, the rest kept', () => {
    fc.assert(
      fc.property(digestArb, fc.string({ maxLength: 80 }), (d, s) => {
        const out = rewriteChars(s, d);
        expect(out.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) {
          const c = s[i]!;
          const o = out[i]!;
          if (c >= '0' && c <= '9') expect(o).toMatch(/^\d$/);
          else if (c.toLowerCase() !== c.toUpperCase()) expect(c === c.toUpperCase() ? /^[A-Z]$/ : /^[a-z]$/).toSatisfy((r: RegExp) => r.test(o));
          else expect(o).toBe(c);
        }
      }),
    );
  });

  it('digestBytes gives as many bytes as asked, starting with the digest, the same each time', () => {
    const d = digestOf('x');
    const long = digestBytes(d, 100);
    expect(long.length).toBeGreaterThanOrEqual(100);
    expect(Array.from(long.subarray(0, 32))).toEqual(Array.from(d));
    expect(Array.from(digestBytes(d, 100))).toEqual(Array.from(long));
    expect(Array.from(long.subarray(32, 64))).not.toEqual(Array.from(long.subarray(64, 96)));
  });

  it('pourDigits keeps the layout and the first digits', () => {
    expect(pourDigits('+49 (30) 123-45', '9876543', 2)).toBe('+49 (98) 765-43');
  });
});

describe('fake e-mail', () => {
  it('is user-<6 hex>@example.invalid, or keeps a kept domain and its subdomains', () => {
    const d = digestOf('a');
    expect(fakeEmail(d, 'jane@x.com', [])).toMatch(/^user-[0-9a-f]{10}@example\.invalid$/);
    expect(fakeEmail(d, 'jane@acme.com', ['acme.com'])).toMatch(/^user-[0-9a-f]{10}@acme\.com$/);
    expect(fakeEmail(d, 'jane@eu.acme.com', ['acme.com'])).toMatch(/@eu\.acme\.com$/);
    expect(fakeEmail(d, 'jane@notacme.com', ['acme.com'])).toMatch(/@example\.invalid$/);
    expect(isKeptDomain('badacme.com', ['acme.com'])).toBe(false);
  });
});

describe('fake IP', () => {
  it('keeps a port, a zone and an IPv4-mapped form', () => {
    const d = digestOf('ip');
    expect(fakeIp(d, '10.1.2.3:8080', { ipv4: 'documentation' })).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+:8080$/);
    expect(fakeIp(d, '[2001:4860::1]:443', { ipv4: 'documentation' })).toMatch(/^\[2001:db8:[0-9a-f:]+\]:443$/);
    expect(fakeIp(d, '::ffff:8.8.8.8', { ipv4: 'documentation' })).toMatch(/^::ffff:(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(fakeIp(d, 'fe80::1%eth0', { ipv4: 'documentation' })).toMatch(/^2001:db8:.*%eth0$/);
  });

  it('prefix-preserving map: a bijection on a /24 that depends on the keyed bits', () => {
    const key = new KeyedHash(new Uint8Array(32).fill(9));
    const pan = new PrefixPreservingIpv4((p) => key.digest('t', p)[0]!);
    const outs = new Set(Array.from({ length: 256 }, (_, i) => pan.map((0x0a010200 | i) >>> 0) >>> 8));
    expect(outs.size).toBe(1); // one /24 maps into one /24
    const low = new Set(Array.from({ length: 256 }, (_, i) => pan.map((0x0a010200 | i) >>> 0) & 0xff));
    expect(low.size).toBe(256);
  });
});

describe('fake card', () => {
  it('Luhn digit of known numbers', () => {
    expect(luhnDigit('411111111111111')).toBe('1');
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1112')).toBe(false);
  });

  it('keeps brand test prefix, length and grouping', () => {
    const d = digestOf('card');
    expect(fakeCard(d, '3714-496353-98431')).toMatch(/^3782-82\d{4}-\d{5}$/);
    expect(fakeCard(d, '5500 0055 5555 5559')).toMatch(/^2223 00\d\d \d{4} \d{4}$/);
    expect(fakeCard(d, '4111111111111111')).toMatch(/^400000\d{10}$/);
  });
});

describe('fake IBAN', () => {
  it('mod 97 and check digits', () => {
    expect(mod97('370400440532013000DE89')).toBe(1);
    expect(withCheckDigits('DE', '370400440532013000')).toBe('DE89370400440532013000');
  });

  it('keeps country, length and grouping, and passes ibantools (with national check digits)', () => {
    for (const iban of ['DE89 3704 0044 0532 0130 00', 'FR1420041010050500013M02606', 'BE68539007547034', 'ES9121000418450200051332', 'GB29NWBK60161331926819', 'IT60X0542811101000000123456']) {
      const out = fakeIban(digestOf(iban), iban);
      expect(out.length).toBe(iban.length);
      expect(out.slice(0, 2)).toBe(iban.slice(0, 2));
      expect(out.replace(/\S/g, '.')).toBe(iban.replace(/\S/g, '.'));
      expect(isValidIBAN(out.replace(/ /g, ''))).toBe(true);
    }
  });
});

describe('fake bank and payment accounts (the IBAN type)', () => {
  it('an IBAN stays an IBAN of its country', () => {
    const iban = 'DE89 3704 0044 0532 0130 00';
    const out = fakeAccount(digestOf(iban), iban);
    expect(out).toBe(fakeIban(digestOf(iban), iban));
    expect(isValidIBAN(out.replace(/ /g, ''))).toBe(true);
  });

  it('domestic numbers and BICs keep their layout, and change', () => {
    for (const v of ['12345678', '20-00-00', '0012 3456 7890', 'DEUTDEFF', 'NEDSZAJJXXX', '062-000']) {
      const out = fakeAccount(digestOf(v), v);
      expect(out.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A')).toBe(v.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A'));
      expect(out).not.toBe(v);
    }
  });

  it('wallet addresses keep their prefix, alphabet and case, and lose their checksum', () => {
    const cases: [string, (s: string) => boolean, RegExp][] = [
      ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', isValidBase58Address, /^1[1-9A-HJ-NP-Za-km-z]{33}$/],
      ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', isValidSegwitAddress, /^bc1[02-9ac-hj-np-z]{39}$/],
      ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', isValidSegwitAddress, /^BC1[02-9AC-HJ-NP-Z]{39}$/],
      ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', isChecksummedEthereumAddress, /^0x[0-9a-fA-F]{40}$/],
    ];
    for (const [address, valid, shape] of cases) {
      for (let k = 0; k < 20; k++) {
        const out = fakeAccount(digestOf(`${address}#${k}`), address);
        expect(out).toMatch(shape);
        expect(out).not.toBe(address);
        expect(valid(out)).toBe(false);
      }
    }
    const lower = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
    expect(fakeAccount(digestOf(lower), lower)).toMatch(/^0x[0-9a-f]{40}$/);
  });
});

describe('fake phone', () => {
  it('uses the reserved fictional ranges and keeps the layout', () => {
    const d = digestOf('phone');
    expect(fakePhone(d, '+1 (415) 555-2671', 'US')).toMatch(/^\+1 \(\d{3}\) 555-01\d\d$/);
    expect(fakePhone(d, '(415) 555-2671', 'US')).toMatch(/^\(\d{3}\) 555-01\d\d$/);
    expect(fakePhone(d, '555-2671', 'US')).toMatch(/^555-01\d\d$/);
    expect(fakePhone(d, '07911 123456', 'GB')).toMatch(/^07700 900\d{3}$/);
    expect(fakePhone(d, '+44 7911 123456', 'GB')).toMatch(/^\+44 7700 900\d{3}$/);
    expect(fakePhone(d, '0412 345 678', 'AU')).toMatch(/^0491 570 1[0-5]\d$/);
    expect(fakePhone(d, '(02) 9374 4000', 'AU')).toMatch(/^\(02\) 5550 \d{4}$/);
  });

  it('other countries: same calling code and length, not a valid number', () => {
    fc.assert(
      fc.property(digestArb, fc.constantFrom('+49 30 ', '+49 151 ', '+33 6 ', '+34 6', '+91 98', '+39 06 '), digitsArb(7), (d, prefix, rest) => {
        const original = prefix + rest;
        const p = parsePhoneNumberFromString(original);
        fc.pre(p?.isValid() === true);
        const out = fakePhone(d, original, 'DE');
        const q = parsePhoneNumberFromString(out)!;
        expect(q.countryCallingCode).toBe(p!.countryCallingCode);
        expect(out.length).toBe(original.length);
        expect(q.isValid()).toBe(false);
      }),
    );
  });

  it('dead leading triples: those libphonenumber rejects for the calling code and length, never an allocated one', () => {
    for (const [cc, national] of [['33', '142685312'], ['49', '3090182034'], ['91', '9876543210']] as const) {
      const dead = deadTriples(cc, national.length);
      expect(dead.length).toBeGreaterThan(0);
      expect(dead.length).toBeLessThan(1000);
      expect([...dead].sort()).toEqual(dead);
      // the triple of a real, valid number is allocated
      expect(parsePhoneNumberFromString(`+${cc}${national}`)!.isValid()).toBe(true);
      expect(dead).not.toContain(national.slice(0, 3));
      for (const t of dead) expect(parsePhoneNumberFromString(`+${cc}${t}${'5'.repeat(national.length - 3)}`)?.isValid() ?? false).toBe(false);
    }
  });
});

describe('fake name', () => {
  const parts = (s: string) => s.split(/[\s,]+/).filter((x) => x !== '');

  it('keeps the number of name parts and the case pattern of each part, and leaves titles and particles out', () => {
    const d = digestOf('name');
    expect(parts(fakeName(d, 'Anna'))).toHaveLength(1);
    expect(FAKE_LISTS.givenNames).toContain(fakeName(d, 'Anna'));
    const three = parts(fakeName(d, 'Anna Maria Schmidt'));
    expect(three).toHaveLength(3);
    expect(FAKE_LISTS.givenNames).toContain(three[0]);
    expect(FAKE_LISTS.givenNames).toContain(three[1]);
    expect(FAKE_LISTS.surnames).toContain(three[2]);
    expect(fakeName(d, 'Dr. Anna Schmidt')).toMatch(/^\S+ \S+$/);
    expect(fakeName(d, 'Dr. Anna Schmidt')).not.toMatch(/Dr/);
    expect(FAKE_LISTS.surnames).toContain(fakeName(d, 'Mr. Ford'));
    expect(parts(fakeName(d, 'Jacob van Gameren'))).toHaveLength(2);
    const upperFirst = parts(fakeName(d, 'SCHMIDT, Anna'));
    expect(upperFirst[0]).toBe(upperFirst[0]!.toUpperCase());
    expect(FAKE_LISTS.surnames.map((s) => s.toUpperCase())).toContain(upperFirst[0]);
    expect(fakeName(d, 'anna schmidt')).toBe(fakeName(d, 'Anna Schmidt').toLowerCase());
    expect(fakeName(d, 'Anna-Lena Weber')).toMatch(/^\S+-\S+ \S+$/);
    expect(fakeName(d, 'J. Weber')).toMatch(/^\p{Lu}\. \S+$/u);
  });
});

describe('fake place and organisation', () => {
  it('a country becomes another country in the same language; a listed city another city of its country', () => {
    const d = digestOf('place');
    const de = FAKE_LISTS.countries['DE']!;
    const other = fakeCity(d, 'deutschland', 'US');
    expect(other).not.toBe(de[1]);
    expect(Object.values(FAKE_LISTS.countries).map((n) => n[1])).toContain(other);
    const city = FAKE_LISTS.cities['FR']![0]!;
    const fake = fakeCity(d, city.toLowerCase(), 'US');
    expect(fake).not.toBe(city);
    expect(FAKE_LISTS.cities['FR']).toContain(fake);
    expect(FAKE_LISTS.cities['DE']).toContain(fakeCity(d, 'nowhere-on-the-list', 'DE'));
    // a city the pseudonym lists lack, known to the GeoNames city → country table
    for (const [place, country] of [['zürich', 'CH'], ['bavaria', 'DE'], ['toulouse', 'FR']] as const) {
      expect(FAKE_LISTS.cities[country]!.map((c) => c.toLowerCase())).not.toContain(place);
      expect(FAKE_LISTS.cities[country]).toContain(fakeCity(d, place, 'US'));
    }
  });

  it('an organisation gets another legal form of the same family, with the same separator', () => {
    for (const seed of ['org', 'org2', 'org3', 'org4']) {
      const d = digestOf(seed);
      expect(fakeOrganization(d, 'Müller GmbH')).toMatch(/^\S.* (AG|KG|UG|OHG|GbR|gGmbH|e\. V\.|SE)$/);
      expect(fakeOrganization(d, 'Acme, Inc.')).toMatch(/^\S[^,]*, (LLC|Corp\.|Co\.|Incorporated|Corporation)$/);
      expect(fakeOrganization(d, 'Acme Ltd')).toMatch(/^\S.* (PLC|Limited|LLP)$/);
      expect(fakeOrganization(d, 'Acme GmbH & Co. KG')).toMatch(/^\S.* (GmbH|AG|KG|UG|OHG|GbR|gGmbH|e\. V\.|SE)$/);
    }
    const d = digestOf('org');
    expect(fakeOrganization(d, 'Acme Widgets')).toMatch(new RegExp(` (${FAKE_LISTS.companyWords.join('|')})$`));
  });
});

describe('fake street, postal code, date, identifiers', () => {
  it('a street keeps the house number position, and gets another street type of the same language', () => {
    const d = digestOf('street');
    expect(fakeStreetAddress(d, '221B Baker Street', 'GB')).toMatch(/^[1-9]\d\d[A-Z] \S+ (Road|Avenue|Lane|Drive|Way|Close|Court|Place|Crescent|Terrace|Grove)$/);
    expect(fakeStreetAddress(d, 'Hauptstraße 5', 'DE')).toMatch(/^\S+(weg|allee|platz|gasse|ring|damm) [1-9]$/);
    expect(fakeStreetAddress(d, 'Calle Mayor 12', 'ES')).toMatch(/^(Avenida|Paseo|Plaza|Camino|Carrera) \S+ [1-9]\d$/);
    expect(fakeStreetAddress(d, '123 Main St, Springfield, IL 62704', 'US')).toMatch(/^[1-9]\d\d \S+ (Rd|Ave|Ln|Dr|Ct|Pl|Blvd), [^,]+, IL \d{5}$/);
    expect(fakeStreetAddress(d, '5 rue de Rivoli', 'FR')).toMatch(/^[1-9] (avenue|boulevard|chemin|allée|impasse|quai) \S+$/);
    expect(fakeStreetAddress(d, '123 Main St, Springfield, IL 62704', 'US')).not.toContain('Springfield');
  });

  it('a postal code keeps its shape', () => {
    expect(fakePostalCode(digestOf('pc'), 'SW1A 1AA')).toMatch(/^[A-Z]{2}\d[A-Z] \d[A-Z]{2}$/);
  });

  it('a date of birth keeps its layout with a plausible year and a day and month valid in either order', () => {
    fc.assert(
      fc.property(digestArb, (d) => {
        const [y, m, day] = fakeDateOfBirth(d, '1987-03-12').split('-').map(Number) as [number, number, number];
        expect(y).toBeGreaterThanOrEqual(1940);
        expect(y).toBeLessThanOrEqual(2005);
        expect(m >= 1 && m <= 12 && day >= 1 && day <= 12).toBe(true);
      }),
    );
    expect(fakeDateOfBirth(digestOf('dob'), '12 March 1987')).toMatch(/^\d\d March \d{4}$/);
  });

  it('format-preserving values keep a recognisable prefix, and hex stays hex', () => {
    const d = digestOf('id');
    for (const v of ['ABC-1234', 'QQ 12 34 56 C', 'X1234567']) {
      const fake = fakeDocumentNumber(d, v);
      expect(fake.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A')).toBe(v.replace(/[0-9]/g, '9').replace(/[A-Z]/g, 'A'));
    }
    // a document number's letters are not kept as a prefix (a case number's are)
    expect(Array.from({ length: 20 }, (_, k) => fakeDocumentNumber(digestOf(`plate ${k}`), 'ABC-1234').slice(0, 3)).filter((p) => p === 'ABC')).toEqual([]);
    expect(keptPrefixLength('INC0012345')).toBe(3);
    expect(keptPrefixLength('Case #12345')).toBe(6);
    expect(keptPrefixLength('sk_live_4eC39Hq')).toBe(8);
    expect(keptPrefixLength('deadbeef-1234')).toBe(0);
    expect(fakeFormatPreserving(d, 'CS-2024-0042')).toMatch(/^CS-\d{4}-\d{4}$/);
    expect(fakeFormatPreserving(d, 'deadbeef-1234-5678-9abc-def012345678')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('host names, URLs and MAC addresses use reserved names and bits', () => {
    const d = digestOf('net');
    expect(fakeHostname(d, 'db1.prod.acme.com')).toMatch(/^host-[0-9a-f]{10}\.n[0-9a-f]{4}\.n[0-9a-f]{4}\.example$/);
    expect(fakeHostname(d, 'acme.com')).toMatch(/^host-[0-9a-f]{10}\.example$/);
    expect(fakeUrl(d, 'HTTP://portal.acme.com/u/123?x=1')).toMatch(/^http:\/\/example\.invalid\/[0-9a-f]{12}$/);
    expect(fakeMac(d, 'AA-BB-CC-DD-EE-FF')).toMatch(/^02-00-5E(-[0-9A-F]{2}){3}$/);
    expect(fakeMac(d, 'aabb.ccdd.eeff')).toMatch(/^0200\.5e[0-9a-f]{2}\.[0-9a-f]{4}$/);
  });
});
