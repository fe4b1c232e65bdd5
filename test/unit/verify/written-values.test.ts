import { describe, expect, it } from 'vitest';
import { WrittenValues } from '../../../shared/verify/written-values';

describe('WrittenValues', () => {
  it('knows what the run wrote, in any case, and numbers however separated, with or without the country code', () => {
    const w = new WrittenValues();
    w.add('user-3f9a2c81d0@example.invalid');
    w.add('+1 202-555-0121');
    expect(w.has(' USER-3f9a2c81d0@example.invalid ')).toBe(true);
    for (const phone of ['+1 202-555-0121', '202-555-0121', '(202) 555 0121', '2025550121', '12025550121']) expect(w.has(phone)).toBe(true);
  });

  it('does not take a part, another number, or digits inside words for what it wrote', () => {
    const w = new WrittenValues();
    w.add('+1 202-555-0121');
    w.add('Anna Weber');
    expect(w.has('Anna')).toBe(false);
    expect(w.has('202-555-0122')).toBe(false);
    expect(w.has('order 2025550121')).toBe(false);
  });

  it('stops growing at its bound', () => {
    const w = new WrittenValues(2);
    w.add('a-value');
    w.add('b-value');
    w.add('c-value');
    expect(w.has('c-value')).toBe(false);
  });
});
