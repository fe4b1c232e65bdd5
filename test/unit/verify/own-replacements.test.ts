import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityType } from '../../../shared/detect/finding';
import { FAKE_LISTS } from '../../../shared/transform/data/fake-lists';
import { luhnValid } from '../../../shared/transform/fakes/fake-card';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { normaliseValue } from '../../../shared/transform/normalise-value';
import type { OperatorContext } from '../../../shared/transform/operator';
import { valueOperator } from '../../../shared/transform/operator-registry';
import { pseudonymOperator } from '../../../shared/transform/operators/pseudonym';
import { operatorFor, type Policy, type ValueOperatorName } from '../../../shared/transform/policy';
import { DEFAULT_POLICY, parseProfile } from '../../../shared/transform/profile';
import { createOwnReplacementTest, isOwnReplacement } from '../../../shared/verify/own-replacements';

const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => new KeyedHash(b));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);

function context(key: KeyedHash, defaultRegion = 'US'): OperatorContext {
  let n = 0;
  return { key, defaultRegion, ordinal: () => ++n, entity: 'someone' };
}

/** What the policy's operator for `type` writes for `value`. */
function applyPolicy(policy: Policy, key: KeyedHash, type: EntityType, value: string): string {
  const choice = operatorFor(policy, type);
  const normalised = normaliseValue(type, value, policy.defaultRegion);
  return valueOperator(choice.operator as ValueOperatorName).apply(value, normalised, type, choice.params, context(key, policy.defaultRegion));
}

const KEPT = parseProfile({ version: 1, operators: { EMAIL: { operator: 'pseudonym', keepDomains: ['acme.com'] } } });
const KEPT_GB = parseProfile({ version: 1, defaultRegion: 'GB', operators: { EMAIL: { operator: 'pseudonym', keepDomains: ['acme.com'] } } });

const cardArb = fc.tuple(fc.constantFrom('4', '51', '37', '6011', '35', '36'), digits(15)).map(([p, rest]) => {
  const body = (p + rest).slice(0, p === '37' ? 14 : 15);
  for (let c = 0; c < 10; c++) if (luhnValid(body + c)) return body + c;
  throw new Error('unreachable');
});
const PHONE_PREFIXES: [string, number][] = [
  ['+1 212 ', 7], ['(415) ', 7], ['+1 416 ', 7], ['+44 7', 9], ['+44 20 ', 8], ['+61 4', 8], ['+61 2 ', 8], ['+49 30 ', 7], ['+33 6 ', 8],
];
const phoneArb = fc.tuple(fc.constantFrom(...PHONE_PREFIXES), digits(9)).map(([[p, n], d]) => p + d.slice(0, n));
const macArb = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':'));

/** Values of each type whose pseudonyms the test recognises. */
const PSEUDONYM_VALUES: [EntityType, fc.Arbitrary<string>][] = [
  ['EMAIL', fc.emailAddress()],
  ['EMAIL', fc.stringMatching(/^[a-z]{2,8}\.[a-z]{2,8}@(?:support\.)?acme\.com$/)],
  ['IP_ADDRESS', fc.ipV4()],
  ['IP_ADDRESS', fc.ipV6()],
  ['IP_ADDRESS', fc.tuple(fc.ipV6(), fc.integer({ min: 1, max: 65535 })).map(([ip, port]) => `[${ip}]:${port}`)],
  ['IP_ADDRESS', fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 65535 })).map(([ip, port]) => `${ip}:${port}`)],
  ['CREDIT_CARD', cardArb],
  ['PHONE', phoneArb],
  ['PERSON', fc.constantFrom('Anna', 'John Smith', 'Dr. Anna Maria Schmidt', 'SMITH, John', 'maría garcía', 'J. R. Tolkien', 'Jean-Luc Picard')],
  ['USERNAME', fc.stringMatching(/^[a-z][a-z0-9._]{2,15}$/)],
  ['MAC_ADDRESS', macArb],
  ['MAC_ADDRESS', macArb.map((m) => m.toUpperCase().replaceAll(':', '-'))],
  ['HOSTNAME', fc.stringMatching(/^[a-z]{2,8}(?:\.[a-z]{2,8}){1,3}\.(?:com|net|de)$/)],
  ['URL', fc.stringMatching(/^https?:\/\/[a-z]{3,8}\.com\/[a-z0-9/?=&]{0,20}$/)],
  ['LOCATION', fc.constantFrom('Berlin', 'Zürich', 'Lyon', 'Germany', 'Deutschland', 'Springfield', 'Tokyo', 'Bavaria', 'UK', 'USA')],
  ['LOCATION', fc.constantFrom('51.50740, -0.12780', '40.7128° N, 74.0060° W', '51°30\'26.6"N 0°07\'39.0"W', '-33.8688°, 151.2093°', '48.8566')],
  ['USERNAME', fc.constantFrom('jsmith', 'kwilliams', 'Jane.Doe', 'live:jane_1')],
  ['ORGANIZATION', fc.constantFrom('Müller GmbH', 'Acme, Inc.', 'Globex Ltd', 'Initech', 'Acme Widgets', 'ACME CORP', 'Rossi S.p.A.', 'Vandelay B.V.')],
  ['ORGANIZATION', fc.tuple(word, fc.constantFrom('GmbH', 'LLC', 'SARL', 'Oy', 'Systems', 'AG')).map(([a, b]) => `${a} ${b}`)],
  ['STREET_ADDRESS', fc.constantFrom('12 Baker Street', 'Calle Mayor 5', 'Hauptstraße 5', '221b Baker St.', '1600 Pennsylvania Avenue NW', '5 Rue de Rivoli', '742 Evergreen Terrace, Springfield, IL 62704', 'Lindenweg 12a')],
];

describe('isOwnReplacement: pseudonyms', () => {
  it('recognises every fake the pseudonym operator makes for the recognisable types', () => {
    for (const [type, arb] of PSEUDONYM_VALUES) {
      for (const region of ['US', 'GB']) {
        const policy = region === 'US' ? KEPT : KEPT_GB;
        const params = operatorFor(policy, type).params;
        fc.assert(
          fc.property(keyArb, arb, (key, value) => {
            const fake = pseudonymOperator.apply(value, normaliseValue(type, value, region), type, params as never, context(key, region));
            expect({ type, fake, own: isOwnReplacement(type, fake, policy) }).toEqual({ type, fake, own: true });
          }),
          { numRuns: 30 },
        );
      }
    }
  });

  it('keeps a kept domain only for the policy that keeps it', () => {
    const fake = pseudonymOperator.apply('ann@acme.com', 'ann@acme.com', 'EMAIL', operatorFor(KEPT, 'EMAIL').params as never, context(new KeyedHash(new Uint8Array(32))));
    expect(fake).toMatch(/^user-[0-9a-f]{10}@acme\.com$/);
    expect(isOwnReplacement('EMAIL', fake, KEPT)).toBe(true);
    expect(isOwnReplacement('EMAIL', fake, DEFAULT_POLICY)).toBe(false);
  });
});

/** Policies that each use other operators and parameters. */
const POLICIES: Policy[] = [
  parseProfile({ version: 1, extends: 'none', defaultOperator: 'redact' }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: { operator: 'redact', template: '<{type} #{n}>' } }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: 'redact', redactTemplate: '[[REMOVED]]' }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: 'mask' }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: { operator: 'mask', char: '#', keepFirst: 2, keepLast: 2 } }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: 'hash' }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: { operator: 'hash', length: 40, prefix: 'h:' } }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: 'generalise' }),
  parseProfile({ version: 1, extends: 'none', defaultOperator: { operator: 'generalise', date: 'year', ipv4Prefix: 16, ageBand: 5, postalDigits: 3 } }),
];
/** A template of `{n}` alone: a number alone is not taken for a token, so what it writes is not recognised. */
const NUMBER_ONLY = parseProfile({ version: 1, extends: 'none', defaultOperator: 'redact', operators: { PHONE: { operator: 'redact', template: '{n}' } } });

/** Values of every kind the operators rewrite. */
const OPERATOR_VALUES: [EntityType, fc.Arbitrary<string>][] = [
  ...PSEUDONYM_VALUES,
  ['POSTAL_CODE', fc.oneof(digits(5), fc.constantFrom('SW1A 1AA', 'M1 1AE', '1234 AB'))],
  ['DATE_OF_BIRTH', fc.constantFrom('1984-07-21', '21.07.1984', 'March 15, 1990', '07/21/1984', '34', '34 years', 'unknown')],
  ['IBAN', fc.constantFrom('DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432')],
  ['SECRET', fc.stringMatching(/^sk_live_[A-Za-z0-9]{16,24}$/)],
  ['NATIONAL_ID', fc.constantFrom('123-45-6789', 'AB123456C')],
];

describe('isOwnReplacement: redact, mask, hash and generalise outputs', () => {
  it('recognises what each policy writes for every type', () => {
    for (const policy of POLICIES) {
      const own = createOwnReplacementTest(policy);
      for (const [type, arb] of OPERATOR_VALUES) {
        // generalise keeps a street address's real city, and only that policy says so
        if (operatorFor(policy, type).operator === 'generalise' && type === 'STREET_ADDRESS') continue;
        fc.assert(
          fc.property(keyArb, arb, (key, value) => {
            fc.pre(/[\p{L}\p{N}]/u.test(value)); // "::" has nothing to replace
            const out = applyPolicy(policy, key, type, value);
            expect({ type, out, own: own(type, out) }).toEqual({ type, out, own: true });
          }),
          { numRuns: 15 },
        );
      }
    }
  });

  /** [policy index, type, span, ours?] */
  const CASES: [number, EntityType, string, boolean][] = [
    [1, 'PERSON', '<PERSON #3>, <PERSON #12>', true],
    [1, 'PERSON', '(<PERSON #3>),', true],
    [1, 'PERSON', '[EMAIL] / [DATE]', true],
    [1, 'PERSON', '<PERSON #3> and <PERSON #12>', false],
    [1, 'PERSON', '<PERSON #3> Smith', false],
    [1, 'PERSON', '<PERSON #x>', false],
    [9, 'PHONE', '2024 5551234', false],
    [7, 'IP_ADDRESS', '10.1.2.0/24', true],
    [7, 'IP_ADDRESS', '10.1.2.0/16', false],
    [7, 'IP_ADDRESS', '10.1.2.5/24', false],
    [7, 'CUSTOM', '30–39', true],
    [7, 'CUSTOM', '30–34', false],
    [7, 'POSTAL_CODE', '10***', true],
    [7, 'POSTAL_CODE', '101**', false],
  ];
  it.each(CASES)('tokens anywhere in a span of only tokens and punctuation, generalised values with their parameters: policy %i, %s %s → %s', (at, type, span, ours) => {
    expect(isOwnReplacement(type, span, [...POLICIES, NUMBER_ONLY][at]!)).toBe(ours);
  });
});

describe('isOwnReplacement: real-looking values do not pass', () => {
  const policies = [DEFAULT_POLICY, KEPT, ...POLICIES];
  const REAL: [EntityType, string][] = [
    ['EMAIL', 'john@example.com'],
    ['EMAIL', 'user-12@example.invalid'],
    ['EMAIL', 'user-3f9a2c81d0@gmail.com'],
    ['EMAIL', 'j***@e***.com.john@x.com'],
    ['USERNAME', 'jsmith'],
    ['HOSTNAME', 'mail.acme.org'],
    ['URL', 'https://acme.com/reset?token=abc'],
    ['IP_ADDRESS', '8.8.8.8'],
    ['IP_ADDRESS', '192.0.3.7'],
    ['IP_ADDRESS', '2001:db9::1'],
    ['MAC_ADDRESS', '00:1a:2b:3c:4d:5e'],
    ['PHONE', '+1 202 456 1111'],
    ['PHONE', '+44 7911 123456'],
    ['PHONE', '+49 30 901820'],
    ['CREDIT_CARD', '4111 1111 1111 1111'],
    ['CREDIT_CARD', '5500 0055 5555 5559'],
    ['CREDIT_CARD', '6011 1111 1111 1117'],
    ['PERSON', 'Anna Xqzwyrtl'],
    ['PERSON', 'Zbigniewqq'],
    ['LOCATION', 'Xqzwyrtlburg'],
    ['LOCATION', '51.50740, -0.12780'],
    ['LOCATION', '40.7128° N, 0.4045° W'],
    ['ORGANIZATION', 'Xqzwyrtl GmbH'],
    ['STREET_ADDRESS', '12 Xqzwyrtl Street'],
    ['SECRET', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ];
  it.each(REAL)('%s %s', (type, text) => {
    for (const policy of policies) expect(isOwnReplacement(type, text, policy)).toBe(false);
  });

  it('random e-mail addresses and public IPv4 addresses never pass', () => {
    fc.assert(fc.property(fc.emailAddress(), (e) => !isOwnReplacement('EMAIL', e, DEFAULT_POLICY)));
    const publicV4 = fc.ipV4().filter((ip) => !/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(ip));
    fc.assert(fc.property(publicV4, (ip) => !isOwnReplacement('IP_ADDRESS', ip, DEFAULT_POLICY)));
  });

  it('a name passes only when every part is in the shipped lists', () => {
    const given = fc.constantFrom(...FAKE_LISTS.givenNames);
    const surname = fc.constantFrom(...FAKE_LISTS.surnames);
    fc.assert(fc.property(given, surname, (g, s) => isOwnReplacement('PERSON', `${g} ${s}`, DEFAULT_POLICY)));
    const unlisted = fc.stringMatching(/^[A-Z][a-z]{3,8}qx$/);
    fc.assert(fc.property(given, unlisted, (g, u) => !isOwnReplacement('PERSON', `${g} ${u}`, DEFAULT_POLICY)));
  });
});
