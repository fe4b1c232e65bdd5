import { describe, expect, it } from 'vitest';
import { cardBrand, creditCardDetector } from '../../../shared/detect/detectors/credit-card';
import { luhnValid } from '../../../shared/detect/validators/national-id-checksums';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => creditCardDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('luhnValid / cardBrand', () => {
  it('checks Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111')).toBe(false);
  });

  it.each([
    ['4111111111111111', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['378282246310005', 'amex'],
    ['371449635398431', 'amex'],
    ['6011111111111117', 'discover'],
    ['6445644564456445', 'discover'],
    ['6221260000000000', 'discover'],
    ['3530111333300000', 'jcb'],
    ['3566002020360505', 'jcb'],
    ['30569309025904', 'diners'],
    ['38520000023237', 'diners'],
    ['36227206271667', 'diners'],
    ['6200000000000005', 'unionpay'],
    ['6205500000000000004', 'unionpay'],
    ['6759649826438453', 'maestro'],
    ['5018000000000009', 'maestro'],
  ])('names the brand of %s', (digits, brand) => {
    expect(cardBrand(digits)).toBe(brand);
  });

  it('knows no brand for unknown prefixes or wrong lengths', () => {
    expect(cardBrand('1234567812345670')).toBeUndefined();
    expect(cardBrand('2220000000000000')).toBeUndefined();
    expect(cardBrand('2721000000000000')).toBeUndefined();
    expect(cardBrand('411111111111111')).toBeUndefined(); // Visa has no 15-digit numbers
    expect(cardBrand('37828224631000')).toBeUndefined(); // Amex is 15 digits
    expect(cardBrand('55555555555544')).toBeUndefined(); // Mastercard is 16 digits
  });
});

describe('creditCardDetector — finds', () => {
  it('declares its id, version and type', () => {
    expect(creditCardDetector.id).toBe('credit-card');
    expect(creditCardDetector.version).toBe('1');
    expect(creditCardDetector.types).toEqual(['CREDIT_CARD']);
  });

  it.each([
    ['4111111111111111', 'card-visa'],
    ['4111 1111 1111 1111', 'card-visa'],
    ['4111-1111-1111-1111', 'card-visa'],
    ['4111\u00a01111\u00a01111\u00a01111', 'card-visa'],
    ['4222222222222', 'card-visa'],
    ['5555 5555 5555 4444', 'card-mastercard'],
    ['2221 0000 0000 0009', 'card-mastercard'],
    ['3782 822463 10005', 'card-amex'],
    ['378282246310005', 'card-amex'],
    ['3056 930902 5904', 'card-diners'],
    ['6011 1111 1111 1117', 'card-discover'],
    ['3530 1113 3330 0000', 'card-jcb'],
    ['6200 0000 0000 0005', 'card-unionpay'],
    ['6205 5000 0000 0000 004', 'card-unionpay'],
    ['6759 6498 2643 8453', 'card-maestro'],
  ])('finds %j as %s with score 0.9', (card, pattern) => {
    const text = `paid with ${card} yesterday`;
    const fs = detect(text);
    expect(fs).toHaveLength(1);
    const start = text.indexOf(card);
    expect(fs[0]).toEqual({
      start,
      end: start + card.length,
      type: 'CREDIT_CARD',
      score: 0.9,
      detector: 'credit-card',
      explanation: { pattern, validation: 'passed', context: [] },
    });
  });

  it.each([
    ['Card: 4111 1111 1111 1111', 'card'],
    ['VISA 4111111111111111', 'visa'],
    ['Mastercard no. 5555555555554444', 'mastercard'],
    ['Kreditkarte 4111 1111 1111 1111', 'kreditkarte'],
    ['numéro de carte 4111 1111 1111 1111', 'carte'],
    ['tarjeta 4111-1111-1111-1111', 'tarjeta'],
  ])('raises the score for card words: %j', (text, word) => {
    const [f] = detect(text);
    expect(f?.score).toBe(0.95);
    expect(f?.explanation.context).toEqual([{ word, effect: 0.05 }]);
  });

  it('takes the card out of a longer space-joined run (expiry, CVV)', () => {
    expect(found('card 4111 1111 1111 1111 123')).toEqual(['4111 1111 1111 1111']);
    expect(found('card 4111111111111111 12/25')).toEqual(['4111111111111111']);
    expect(found('ref 12 4111 1111 1111 1111')).toEqual(['4111 1111 1111 1111']);
  });

  it('finds several cards in one value', () => {
    expect(found('4111111111111111, 5555555555554444 and 3782 822463 10005.')).toEqual([
      '4111111111111111',
      '5555555555554444',
      '3782 822463 10005',
    ]);
    expect(found('4111111111111111 5555555555554444')).toEqual(['4111111111111111', '5555555555554444']);
  });

  it('accepts an unknown IIN only next to a card word, at 0.55', () => {
    expect(detect('1234 5678 1234 5670')).toEqual([]);
    const [f] = detect('card number 1234 5678 1234 5670');
    expect(f?.score).toBe(0.55);
    expect(f?.explanation).toEqual({ pattern: 'card-unknown-iin', validation: 'passed', context: [{ word: 'card', effect: 0.55 }] });
  });

  it('lowers the score well below 0.5 after identifier words', () => {
    const [f] = detect('Order 4111111111111111');
    expect(f?.score).toBe(0.4);
    expect(f?.explanation.context).toEqual([{ word: 'order', effect: -0.5 }]);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve 😀 carte: 4111 1111 1111 1111 💳 et 5555-5555-5555-4444';
    const a = text.indexOf('4111');
    const b = text.indexOf('5555');
    expect(detect(text).map((f) => [f.start, f.end])).toEqual([
      [a, a + 19],
      [b, b + 19],
    ]);
  });
});

describe('creditCardDetector — does not report', () => {
  it.each([
    ['Luhn-invalid', '4111 1111 1111 1112'],
    ['Luhn-invalid compact', 'card 4111111111111112'],
    ['Luhn-invalid Amex', '3782 822463 10006'],
    ['inside a longer digit run', '14111111111111111'],
    ['inside a 20-digit run', '41111111111111111111'],
    ['glued to letters', 'x4111111111111111'],
    ['glued to letters (right)', '4111111111111111x'],
    ['a decimal', '4111111111111111.5'],
    ['after a decimal point', '0.4111111111111111'],
    ['with a plus sign', '+4111111111111111'],
    ['mixed separators', '4111 1111-1111 1111'],
    ['a dash-joined run', '4111-1111-1111-1111-1234'],
    ['a hyphenated token', 'REF-4111111111111111'],
    ['too short', '4111 1111 1111'],
    ['oddly grouped', '41 11 11 11 11 11 11 11'],
    ['a repeated digit with context', 'card 0000 0000 0000 0000'],
    ['a phone number', 'call +44 20 7946 0958'],
    ['an international phone number', 'Tel 0044 20 7946 0958'],
    ['a US phone number', '+1 (415) 555-2671'],
    ['an order number', 'Order 1234567812345670'],
    ['a short order number', 'Order #100234567 total 4,111.11 EUR'],
    ['an order total', 'Total: 1,234,567,890,123.45'],
    ['a timestamp', '20240115093000'],
    ['a Luhn-valid timestamp', 'card 20240115093005'],
    ['a timestamp with ms', '2024011509300013'],
    ['a version number', 'version 4.1.1.1111 build 4111.1111.1111.1111'],
    ['a GUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['an all-digit GUID', '12345678-1234-4111-1111-111111111111'],
    ['a GUID with card-like groups', '4111-1111-1111-1111-111111111111'],
    ['an IMEI', 'IMEI 490154203237518'],
    ['an IBAN', 'DE89 3704 0044 0532 0130 00'],
  ])('%s: %j', (_name, text) => {
    expect(detect(text)).toEqual([]);
  });

  it('returns nothing without four consecutive digits', () => {
    expect(detect('no 123 cards 45 here')).toEqual([]);
  });
});

describe('creditCardDetector — adversarial input (must complete)', () => {
  const M = 1 << 20;
  it('long digit runs and separator runs', () => {
    expect(detect('4'.repeat(M))).toEqual([]);
    expect(detect('1 '.repeat(M / 2))).toEqual([]);
    expect(detect('1-'.repeat(M / 2))).toEqual([]);
    expect(detect(' '.repeat(M))).toEqual([]);
    expect(detect('-'.repeat(M))).toEqual([]);
    expect(detect('1234 '.repeat(M / 5))).toEqual([]);
    expect(detect('4111-'.repeat(M / 5))).toEqual([]);
  }, 10_000);
  it('many cards', () => {
    const fs = detect('4111 1111 1111 1111 x '.repeat(50_000));
    expect(fs).toHaveLength(50_000);
    expect(fs.every((f) => f.end - f.start === 19)).toBe(true);
    expect(detect('4111 1111 1111 1111 '.repeat(50_000))).toHaveLength(50_000);
  }, 10_000);
});
