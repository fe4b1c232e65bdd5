import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ENTITY_TYPES, type EntityType } from '../../../shared/detect/finding';
import { KeyedHash, toHex } from '../../../shared/transform/keyed-hash';
import { normaliseValue } from '../../../shared/transform/normalise-value';
import { ProfileError, type OperatorContext } from '../../../shared/transform/operator';
import { hashOperator } from '../../../shared/transform/operators/hash';
import { maskOperator } from '../../../shared/transform/operators/mask';
import { redactOperator } from '../../../shared/transform/operators/redact';

const keyBytes = (seed: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7) & 0xff);
function contextFor(key: Uint8Array, entity = ''): OperatorContext {
  const seen = new Map<string, number>();
  const ordinal = (type: EntityType, v: string): number => seen.get(`${type}\u0000${v}`) ?? (seen.set(`${type}\u0000${v}`, seen.size + 1), seen.size);
  return { key: new KeyedHash(key), defaultRegion: 'US', ordinal, entity };
}
const bytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('HMAC-SHA-256 (@noble/hashes), RFC 4231 test vectors', () => {
  const aa131 = new Uint8Array(131).fill(0xaa);
  it.each([
    ['case 1', new Uint8Array(20).fill(0x0b), text('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['case 2', text('Jefe'), text('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['case 3', new Uint8Array(20).fill(0xaa), new Uint8Array(50).fill(0xdd), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    ['case 4', bytes('0102030405060708090a0b0c0d0e0f10111213141516171819'), new Uint8Array(50).fill(0xcd), '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b'],
    ['case 6', aa131, text('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
    [
      'case 7',
      aa131,
      text('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ])('%s', (_name, key, data, expected) => {
    expect(toHex(hmac(sha256, key, data))).toBe(expected);
  });
});

describe('hash operator', () => {
  const params = hashOperator.validate({}, 'operators.EMAIL');
  const hash = (type: EntityType, value: string, key: Uint8Array, p = params): string =>
    hashOperator.apply(value, normaliseValue(type, value, 'US'), type, p, contextFor(key));

  it('is HMAC-SHA-256(key, "hash:EMAIL" ‖ 0 ‖ normalised value), truncated to 16 lower-case hex digits', () => {
    const key = keyBytes(1);
    const expected = toHex(hmac(sha256, key, text('hash:EMAIL\u0000john.smith@example.com'))).slice(0, 16);
    expect(hash('EMAIL', 'John.Smith@Example.COM', key)).toBe(expected);
    expect(hash('EMAIL', ' john.smith@example.com', key)).toBe(expected);
  });

  it('takes a length and a prefix', () => {
    const p = hashOperator.validate({ length: 64, prefix: 'h_' }, 'operators.EMAIL');
    const out = hash('EMAIL', 'a@b.example', keyBytes(2), p);
    expect(out).toMatch(/^h_[0-9a-f]{64}$/);
    expect(out.slice(2, 18)).toBe(hash('EMAIL', 'a@b.example', keyBytes(2)));
  });

  it('is deterministic per (key, type, value) and differs between keys and between types', () => {
    const type = fc.constantFrom<EntityType>(...ENTITY_TYPES);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), type, type, fc.string({ minLength: 1 }), (k1, k2, t1, t2, v) => {
        fc.pre(k1 !== k2 && t1 !== t2);
        const h = hash(t1, v, keyBytes(k1));
        expect(hash(t1, v, keyBytes(k1))).toBe(h);
        expect(hash(t1, v, keyBytes(k2))).not.toBe(h);
        expect(hash(t2, v, keyBytes(k1))).not.toBe(h);
      }),
    );
  });

  it.each([
    [{ length: 7 }, 'operators.EMAIL.length'],
    [{ length: 65 }, 'operators.EMAIL.length'],
    [{ length: '16' }, 'operators.EMAIL.length'],
    [{ prefix: 3 }, 'operators.EMAIL.prefix'],
    [{ prefix: 'a\nb' }, 'operators.EMAIL.prefix'],
    [{ salt: 'x' }, 'operators.EMAIL has a parameter "salt"'],
  ])('rejects %j', (raw, message) => {
    expect(() => hashOperator.validate(raw, 'operators.EMAIL')).toThrow(ProfileError);
    expect(() => hashOperator.validate(raw, 'operators.EMAIL')).toThrow(message);
  });
});

describe('redact operator', () => {
  it('writes the type into the default template', () => {
    const p = redactOperator.validate({}, 'operators.EMAIL');
    expect(redactOperator.apply('a@b.example', 'a@b.example', 'EMAIL', p, contextFor(keyBytes(1)))).toBe('[EMAIL]');
  });

  it('numbers values by the ordinal of their normalised form', () => {
    const p = redactOperator.validate({ template: '<{type}_{n}>' }, 'operators.PERSON');
    const context = contextFor(keyBytes(1));
    const out = ['John Smith', 'Mary Jones', 'JOHN  SMITH'].map((v) => redactOperator.apply(v, normaliseValue('PERSON', v, 'US'), 'PERSON', p, context));
    expect(out).toEqual(['<PERSON_1>', '<PERSON_2>', '<PERSON_1>']);
  });

  it.each([[''], ['  '], ['[{name}]'], ['{type'], ['x}'], ['{{type}}'], [5]])('rejects the template %j, naming where', (template) => {
    expect(() => redactOperator.validate({ template }, 'columns.notes')).toThrow(/^columns\.notes\.template /);
  });
});

describe('mask operator', () => {
  const mask = (type: EntityType, value: string, raw: Record<string, unknown> = {}): string =>
    maskOperator.apply(value, normaliseValue(type, value, 'US'), type, maskOperator.validate(raw, 'operators.X'), contextFor(keyBytes(1)));

  it('keeps separators and the type’s default characters', () => {
    expect(mask('CREDIT_CARD', '4111 1111 1111 1234')).toBe('**** **** **** 1234');
    expect(mask('IBAN', 'DE89 3704 0044 0532 0130 00')).toBe('**** **** **** **** **30 00');
    expect(mask('PHONE', '+1 (415) 555-0123')).toBe('+* (***) ***-**23');
    expect(mask('USERNAME', 'jsmith_42', { keepFirst: 2, char: '#' })).toBe('js####_##');
    expect(mask('PHONE', '12')).toBe('**');
  });

  it('masks an e-mail address by part', () => {
    expect(mask('EMAIL', 'john@example.com')).toBe('j***@e***.com');
    expect(mask('EMAIL', 'john.smith@mail.example.co.uk', { keepFirst: 2 })).toBe('jo***@ma***.ex***.co***.uk');
    expect(mask('EMAIL', 'not an address')).toBe('n** ** *******'); // keepFirst is 1 for EMAIL
  });

  it('keeps the length and exactly the requested letters and digits', () => {
    const chars = fc.constantFrom(...'aZ9é0 -.@/()_'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), fc.nat({ max: 10 }), fc.nat({ max: 10 }), (value, keepFirst, keepLast) => {
        const out = [...mask('IDENTIFIER', value, { keepFirst, keepLast, char: '#' })];
        const input = [...value];
        expect(out).toHaveLength(input.length);
        const total = input.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
        let i = 0;
        input.forEach((c, at) => {
          if (!/[\p{L}\p{N}]/u.test(c)) return expect(out[at]).toBe(c);
          const kept = keepFirst + keepLast < total && (i < keepFirst || i >= total - keepLast);
          i++;
          expect(out[at]).toBe(kept ? c : '#');
        });
      }),
    );
  });

  it('rejects bad parameters, naming where', () => {
    const bad = fc.oneof(
      fc.record({ keepFirst: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 65 }), fc.double({ min: 0.1, max: 0.9 }), fc.string()) }),
      fc.record({ keepLast: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 65 }), fc.constant(null)) }),
      fc.record({ char: fc.oneof(fc.constantFrom('', '**', 'a', '7', 'Ж', ' ', '\u0301'), fc.integer()) }),
    );
    fc.assert(
      fc.property(bad, fc.constantFrom<EntityType>(...ENTITY_TYPES), (raw, type) => {
        const where = `operators.${type}`;
        expect(() => maskOperator.validate(raw, where)).toThrow(ProfileError);
        expect(() => maskOperator.validate(raw, where)).toThrow(`${where}.${Object.keys(raw)[0]!} `);
      }),
    );
  });
});
