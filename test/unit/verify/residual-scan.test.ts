import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';
import type { DetectContext, EntityType, Finding } from '../../../shared/detect/finding';
import { FieldTransformer } from '../../../shared/transform/field-transformer';
import { KeyedHash } from '../../../shared/transform/keyed-hash';
import { minScoreFor, type Policy } from '../../../shared/transform/policy';
import { DEFAULT_POLICY, parseProfile } from '../../../shared/transform/profile';
import { createResidualScanner, RESIDUAL_MIN_SCORE } from '../../../shared/verify/residual-scan';
import { TEST_KEY_BYTES } from '../../helpers/policies';

const registry = createDefaultRegistry();
const detect = (text: string, ctx: DetectContext): Finding[] => registry.detect(text, ctx);

/** Support texts full of personal data of the types whose replacements are recognisable. */
const TEXTS = [
  'Hi, this is John Smith from Acme Widgets. Please call me on +1 (212) 555-7834 or mail john.smith@gmail.com.',
  'Customer Maria Garcia (maria.garcia@outlook.com) reports login failures from 81.2.69.160 and 2a00:1450:4001:81b::200e.',
  'Card 4111 1111 1111 1111 was charged twice; ship to 12 Baker Street, London. Thanks, Peter Müller, Müller GmbH',
  'MAC 00:1A:2B:3C:4D:5E, user logged in from C:\\Users\\jdoe\\Desktop. Call 202-456-1414 if it happens again.',
  'Kind regards,\nSarah Connor\nCyberdyne Systems Ltd\nLos Angeles, California',
  'Visit https://portal.acme.com/reset?token=abc123 to reset. Anna from Berlin called about her order.',
];

/** The output of a run of `policy` over TEXTS with `key`, findings from the default registry. */
function anonymise(policy: Policy, key: KeyedHash): string[] {
  const transformer = new FieldTransformer({ policy, key });
  return TEXTS.map((text) => {
    const found = registry.detect(text, { field: 'body', defaultRegion: policy.defaultRegion }).filter((f) => f.score >= minScoreFor(policy, f.detector));
    const out = transformer.transformField(text, found, 'body', '');
    expect(out?.kind).toBe('replace');
    return out?.kind === 'replace' ? out.value : text;
  });
}

/** Real-looking values, each with the type the scan must report, and a cue before it that the detectors read. */
const PLANTED: [EntityType, string, string][] = [
  ['EMAIL', 'write to ', 'jane.doe@gmail.com'],
  ['PHONE', 'call ', '+1 202 456 1111'],
  ['IP_ADDRESS', 'from ', '8.8.8.8'],
  ['PERSON', 'Regards, ', 'Zygmunt Kowalczykowski'],
  ['CREDIT_CARD', 'card ', '5500 0055 5555 5559'],
];

describe('residual scan', () => {
  it('finds nothing in the output of a default-policy run', () => {
    const scan = createResidualScanner(DEFAULT_POLICY, detect);
    for (const value of anonymise(DEFAULT_POLICY, new KeyedHash(TEST_KEY_BYTES))) expect(scan(value, 'body')).toEqual([]);
  });

  it('finds nothing in default-policy output under any key', () => {
    const scan = createResidualScanner(DEFAULT_POLICY, detect);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const outputs = anonymise(DEFAULT_POLICY, new KeyedHash(bytes));
        expect(outputs.map((v) => ({ v, found: scan(v, 'body') }))).toEqual(outputs.map((v) => ({ v, found: [] })));
      }),
      { numRuns: 10 },
    );
  });

  it('finds a real value planted into that output, with its type and offsets, and no text', () => {
    const scan = createResidualScanner(DEFAULT_POLICY, detect);
    const outputs = anonymise(DEFAULT_POLICY, new KeyedHash(TEST_KEY_BYTES));
    fc.assert(
      fc.property(fc.constantFrom(...outputs), fc.constantFrom(...PLANTED), fc.boolean(), (output, [type, cue, value], before) => {
        const planted = before ? `${cue}${value}.\n${output}` : `${output}\n${cue}${value}.`;
        const start = planted.indexOf(value);
        const found = scan(planted, 'body');
        expect(found.map((f) => ({ type: f.type, start: f.start, end: f.end }))).toEqual([{ type, start, end: start + value.length }]);
        expect(Object.keys(found[0]!).sort()).toEqual(['detector', 'end', 'score', 'start', 'type']);
        expect(JSON.stringify(found)).not.toContain(value);
      }),
      { numRuns: 100 },
    );
  });

  it('skips kept types and allow-listed text, and counts them otherwise', () => {
    const value = 'Ticket 6f1c9a2e-1b2c-4d3e-8f00-a1b2c3d4e5f6 by support@acme.example';
    expect(createResidualScanner(DEFAULT_POLICY, detect)(value, 'body').map((f) => f.type)).toEqual(['EMAIL']);
    const allowing = parseProfile({ version: 1, allow: ['support@acme.example'] });
    expect(createResidualScanner(allowing, detect)(value, 'body')).toEqual([]);
    const redactAll = parseProfile({ version: 1, extends: 'none', defaultOperator: 'redact', allow: ['support@acme.example'] });
    expect(createResidualScanner(redactAll, detect)(value, 'body').map((f) => f.type)).toEqual(['IDENTIFIER']);
  });

  it('recognises a replacement whose finding span is smaller than it', () => {
    const masking = parseProfile({ version: 1, extends: 'none', defaultOperator: 'redact', operators: { CREDIT_CARD: 'mask', PERSON: { operator: 'redact', template: '<person {n}>' } } });
    const spans = new Map<string, [EntityType, string]>([
      ['paid with **** **** **** 1234 today', ['POSTAL_CODE', '1234']],
      ['spoke to <person 12> today', ['PERSON', 'person 12']],
    ]);
    for (const [value, [type, part]] of spans) {
      const at = value.indexOf(part);
      const fake = (): Finding[] => [{ start: at, end: at + part.length, type, score: 0.9, detector: 'd', explanation: { pattern: 'p', validation: 'none', context: [] } }];
      expect(createResidualScanner(masking, fake)(value, 'body')).toEqual([]);
      expect(createResidualScanner(DEFAULT_POLICY, fake)(value, 'body')).toHaveLength(1);
    }
  });

  it('reports findings from RESIDUAL_MIN_SCORE on, or from the given minimum', () => {
    const value = 'call 202-456-1111';
    const at = value.indexOf('202');
    const scored = (score: number) => (): Finding[] => [{ start: at, end: value.length, type: 'PHONE', score, detector: 'd', explanation: { pattern: 'p', validation: 'none', context: [] } }];
    expect(createResidualScanner(DEFAULT_POLICY, scored(RESIDUAL_MIN_SCORE))(value, 'f')).toHaveLength(1);
    expect(createResidualScanner(DEFAULT_POLICY, scored(RESIDUAL_MIN_SCORE - 0.01))(value, 'f')).toEqual([]);
    expect(createResidualScanner(DEFAULT_POLICY, scored(0.6), { minScore: 0.7 })(value, 'f')).toEqual([]);
  });

  it('takes what the run wrote as its own when told', () => {
    const value = 'IBAN DE89 3704 0044 0532 0130 00';
    const scan = createResidualScanner(DEFAULT_POLICY, detect, { written: (t) => t === 'DE89 3704 0044 0532 0130 00' });
    expect(createResidualScanner(DEFAULT_POLICY, detect)(value, 'f').map((f) => f.type)).toEqual(['IBAN']);
    expect(scan(value, 'f')).toEqual([]);
  });
});
