import { describe, expect, it } from 'vitest';
import { createBankAccountDetector } from '../../../shared/detect/detectors/bank-account';
import { createDefaultRegistry, defaultGazetteer } from '../../../shared/detect/default-detectors';
import { isValidAbaRouting } from '../../../shared/detect/validators/bank-checksums';

const detector = createBankAccountDetector(defaultGazetteer());
const detect = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
const patterns = (text: string) => detect(text).map((f) => f.explanation.pattern);

describe('IBAN type: domestic bank details after their label', () => {
  it('account numbers after an account label, in four languages', () => {
    expect(found('Please refund to my bank, account number 12345678, thanks')).toEqual(['12345678']);
    expect(found('Bank account: 0012 3456 7890')).toEqual(['0012 3456 7890']);
    expect(found('wire to acct # 000123456789')).toEqual(['000123456789']);
    expect(found('Barclays Bank A/C No. 55512345')).toEqual(['55512345']);
    expect(found('savings account 55512345')).toEqual(['55512345']);
    expect(found('Kontonummer 1234567890, Konto-Nr. 7654321')).toEqual(['1234567890', '7654321']);
    expect(found('numéro de compte : 12345678901')).toEqual(['12345678901']);
    expect(found('número de cuenta 2100 0418 45 0200051332')).toEqual(['2100 0418 45 0200051332']);
    const f = detect('Bank: Chase, account number is 12345678')[0]!;
    expect(f).toMatchObject({ type: 'IBAN', detector: 'bank-account', score: 0.85 });
    expect(f.explanation).toEqual({ pattern: 'account-number', validation: 'none', context: [{ word: 'account number', effect: 0.85 }] });
  });
  it('"account number" and a bare "account" are a bank account only where the text speaks of banks', () => {
    expect(found('Your account number 12345678 has been upgraded to the Pro plan')).toEqual([]);
    expect(found('my account 12345678 was charged twice')).toEqual([]);
    expect(found('my bank says account 12345678 was charged twice')).toEqual(['12345678']);
  });
  it('a bare "account" needs eight digits; counts, dates and words are not accounts', () => {
    expect(found('bank transfer: my account 1234567 was charged twice')).toEqual([]);
    expect(found('bank: account number 12345')).toEqual([]);
    expect(found('bank: this account has 12345 items')).toEqual([]);
    expect(found('bank: account 2 of 3')).toEqual([]);
    expect(found('bank: account number 12345678-AB')).toEqual([]);
    expect(found('bank: account number 12345678.50')).toEqual([]);
    expect(found('bank: the accountant 12345678')).toEqual([]);
  });
  it('US routing numbers need a valid ABA checksum', () => {
    expect(isValidAbaRouting('021000021')).toBe(true);
    expect(isValidAbaRouting('011000015')).toBe(true);
    expect(isValidAbaRouting('021000022')).toBe(false);
    expect(isValidAbaRouting('991000021')).toBe(false); // no such district prefix
    expect(found('Routing number: 021000021')).toEqual(['021000021']);
    expect(found('ABA 011000015 and RTN 021000021')).toEqual(['011000015', '021000021']);
    expect(detect('routing 021000021')[0]!.explanation.validation).toBe('passed');
    expect(found('routing number 123456789')).toEqual([]);
    expect(found('database 021000021')).toEqual([]);
  });
  it('sort codes, BSBs and German bank codes', () => {
    expect(found('sort code 20-00-00, account 12345678')).toEqual(['20-00-00', '12345678']);
    expect(found('Sort-code: 20 00 00')).toEqual(['20 00 00']);
    expect(found('BSB 062-000')).toEqual(['062-000']);
    expect(found('BLZ 100 200 30 und Bankleitzahl 10020030')).toEqual(['100 200 30', '10020030']);
    expect(patterns('sort code 200000 BSB 062000 BLZ 10020030')).toEqual(['sort-code', 'bsb', 'bank-code']);
    expect(found('sort code 20-00-0')).toEqual([]);
    expect(found('sort by 20-00-00')).toEqual([]);
  });
  it('BIC/SWIFT codes in capitals with a valid country, not words in capitals', () => {
    expect(found('BIC: DEUTDEFF')).toEqual(['DEUTDEFF']);
    expect(found('SWIFT code NEDSZAJJXXX')).toEqual(['NEDSZAJJXXX']);
    expect(found('BIC/SWIFT ABNANL2A')).toEqual(['ABNANL2A']);
    expect(detect('BIC DEUTDEFF')[0]).toMatchObject({ score: 0.8, explanation: { pattern: 'bic', validation: 'passed' } });
    expect(found('BIC: REQUIRED')).toEqual([]);
    expect(found('BIC: deutdeff')).toEqual([]);
    expect(found('BIC: DEUTXXFF')).toEqual([]); // XX is no country
    expect(found('swift code will follow')).toEqual([]);
  });
  it('a text whose lower case is longer ("İ") is still read at the right offsets', () => {
    const text = 'İstanbul şubesi, bank account number 12345678';
    expect(found(text)).toEqual(['12345678']);
  });
  it('texts without a label word are skipped before any pattern runs', () => {
    expect(found('Order 12345678 shipped to 20-00-00')).toEqual([]);
  });
  it('in the registry, a labelled account number is one IBAN finding, not a phone number', () => {
    const text = 'Please pay back to my checking account 4412345678 (routing 021000021).';
    const findings = createDefaultRegistry().detect(text, { field: 'body', defaultRegion: 'US' });
    expect(findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([['IBAN', '4412345678'], ['IBAN', '021000021']]);
  });
});
