import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../../shared/transform/profile.schema.json';
import { operatorFor, policyDetectors, profileColumnRole } from '../../../shared/transform/policy';
import { DEFAULT_POLICY, DEFAULT_PROFILE, parseProfile, saveProfile } from '../../../shared/transform/profile';
import { PRESETS } from '../../../shared/transform/presets';

describe('profile', () => {
  it('gives the built-in policy when it names nothing: pseudonyms for identities, notes dropped, ids kept', () => {
    const p = parseProfile({ version: 1 });
    expect({ ...p, name: 'Default' }).toEqual(DEFAULT_POLICY);
    for (const type of ['EMAIL', 'PHONE', 'PERSON', 'IP_ADDRESS', 'USERNAME', 'LOCATION'] as const) expect(operatorFor(p, type).operator).toBe('pseudonym');
    expect(operatorFor(p, 'SECRET').operator).toBe('redact');
    expect(operatorFor(p, 'CONFIDENTIAL_NOTE').operator).toBe('drop');
    expect(operatorFor(p, 'IDENTIFIER').operator).toBe('keep');
    expect(operatorFor(p, 'DATE_OF_BIRTH')).toMatchObject({ operator: 'generalise', spec: { operator: 'generalise', date: 'year' } });
  });

  it('overrides the base one type at a time, or starts from nothing with "extends": "none"', () => {
    const over = parseProfile({ version: 1, operators: { EMAIL: 'redact' } });
    expect(operatorFor(over, 'EMAIL').operator).toBe('redact');
    expect(operatorFor(over, 'PHONE').operator).toBe('pseudonym');
    const none = parseProfile({ version: 1, extends: 'none', defaultOperator: 'keep', operators: { EMAIL: 'redact' }, redactTemplate: '<{type}>', defaultRegion: 'GB', minScore: 0.7 });
    expect(operatorFor(none, 'PHONE').operator).toBe('keep');
    expect(operatorFor(none, 'EMAIL')).toEqual({ operator: 'redact', params: { template: '<{type}>' }, spec: 'redact' });
    expect(none).toMatchObject({ redactTemplate: '<{type}>', defaultRegion: 'GB', minScore: 0.7 });
  });

  it('checks each operator\'s parameters and keeps them as written', () => {
    const p = parseProfile({ version: 1, operators: { CREDIT_CARD: { operator: 'mask', keepLast: 4 }, PERSON: { operator: 'redact', template: '[PERSON_{n}]' } } });
    expect(operatorFor(p, 'CREDIT_CARD').spec).toEqual({ operator: 'mask', keepLast: 4 });
    expect(operatorFor(p, 'PERSON').params).toMatchObject({ template: '[PERSON_{n}]' });
  });

  it('makes inherited redactions follow a new template', () => {
    const p = parseProfile({ version: 1, redactTemplate: '<{type}>' });
    expect(operatorFor(p, 'SECRET').params).toMatchObject({ template: '<{type}>' });
  });

  it('reads column rules, and their roles override the classifier', () => {
    const p = parseProfile({
      version: 1,
      columns: { 'Requester email': { role: 'identifier', type: 'EMAIL' }, internal_note: 'drop', Id: { role: 'id', operator: 'keep' } },
      thresholds: { person: 0.8 },
    });
    expect(profileColumnRole(p, 'Requester email')).toMatchObject({ role: 'identifier', type: 'EMAIL', confidence: 1 });
    expect(profileColumnRole(p, 'requester_email')).toMatchObject({ role: 'identifier', type: 'EMAIL' });
    expect(profileColumnRole(p, 'internal_note')).toBeUndefined();
    expect(p.columns.get('internal_note')?.operator?.operator).toBe('drop');
    expect(p.thresholds.get('person')).toBe(0.8);
  });

  it('builds on a preset', () => {
    const preset = PRESETS[0]!;
    const p = parseProfile({ version: 1, extends: preset.id, columns: { extra: 'blank' } });
    const base = parseProfile(preset.profile);
    expect(p.columns.size).toBe(base.columns.size + 1);
  });

  it('saves a policy as a self-contained profile that loads back to the same policy', () => {
    const policies = [
      DEFAULT_POLICY,
      ...PRESETS.map((preset) => parseProfile({ version: 1, extends: preset.id })),
      parseProfile({
        version: 1,
        name: 'mine',
        operators: { CREDIT_CARD: { operator: 'mask', keepLast: 4 }, EMAIL: { operator: 'pseudonym', keepDomains: ['acme.example'] } },
        columns: { notes: 'drop', Anrufer: { role: 'identifier', type: 'PERSON', operator: 'hash' } },
        thresholds: { phone: 0.7 },
        allow: ['support@acme.example', { value: 'Jordan', match: 'exact', field: 'product' }],
        deny: [{ value: 'Phoenix', match: 'case-insensitive', type: 'CUSTOM' }],
        detectors: [{ name: 'emp', type: 'IDENTIFIER', regex: 'EMP\\d{6}' }],
        caseNumbers: { patterns: [{ name: 'ours', regex: 'HD-\\d{6}' }] },
      }),
    ];
    for (const policy of policies) {
      const saved = JSON.parse(JSON.stringify(saveProfile(policy))) as Record<string, unknown>;
      expect(saved.extends).toBe('none');
      expect(parseProfile(saved)).toEqual(policy);
    }
  });

  it.each([
    [[], /must be a JSON object/],
    [{ version: 2 }, /"version" must be 1/],
    [{ version: 1, colour: 'red' }, /unknown key "colour"/],
    [{ version: 1, operators: { EMAIL: 'shred' } }, /"operators.EMAIL" must be one of redact, mask, hash, pseudonym, generalise, drop, blank, keep/],
    [{ version: 1, operators: { EMAIL: { operator: 'mask', keepLast: -1 } } }, /"operators.EMAIL".keepLast/],
    [{ version: 1, operators: { EMAIL: { operator: 'drop', why: 1 } } }, /"operators.EMAIL" has a parameter "why" that the drop operator does not take/],
    [{ version: 1, operators: { SHOE_SIZE: 'keep' } }, /unknown type "SHOE_SIZE"/],
    [{ version: 1, operators: [] }, /"operators" must be an object/],
    [{ version: 1, columns: { a: { role: 'identifier' } } }, /"columns.a": an identifier column needs a "type"/],
    [{ version: 1, columns: { a: { role: 'boss' } } }, /"columns.a".role must be one of/],
    [{ version: 1, columns: { a: { operator: 'shred' } } }, /"columns.a".operator must be one of/],
    [{ version: 1, thresholds: { person: 3 } }, /"thresholds.person" must be a number from 0 to 1/],
    [{ version: 1, extends: 'acme' }, /"extends" names no preset "acme" \(known: default, none, zendesk/],
    [{ version: 1, defaultRegion: 'Britain' }, /two-letter ISO 3166 code/],
    [{ version: 1, minScore: 2 }, /"minScore" must be a number from 0 to 1/],
    [{ version: 1, redactTemplate: '' }, /"redactTemplate" must be a non-empty string/],
    [{ version: 1, deny: [{ value: 'x', field: 'notes' }] }, /"deny\[0\]" has an unknown key "field"/],
    [{ version: 1, allow: [{ value: 'x', field: '' }] }, /"allow\[0\]".field must be a column or field name/],
  ])('rejects %j', (json, message) => {
    expect(() => parseProfile(json)).toThrow(message);
  });
});

describe('profile lists', () => {
  it('reads allow, deny and custom detectors', () => {
    const p = parseProfile({
      version: 1,
      allow: ['support@acme.example', { value: 'acme', match: 'case-insensitive' }],
      deny: [{ value: 'Phoenix', type: 'CONFIDENTIAL_NOTE' }],
      detectors: [{ name: 'emp', type: 'IDENTIFIER', regex: 'EMP\\d{6}' }],
    });
    expect(p.allow).toEqual([{ value: 'support@acme.example', match: 'exact' }, { value: 'acme', match: 'case-insensitive' }]);
    expect(p.deny).toEqual([{ value: 'Phoenix', match: 'exact', type: 'CONFIDENTIAL_NOTE' }]);
    expect(policyDetectors(p).map((d) => d.id)).toEqual(['denylist', 'custom:emp']);
  });

  it.each([
    [{ version: 1, allow: 'x' }, /"allow" must be a list/],
    [{ version: 1, allow: [{ value: 'x', type: 'EMAIL' }] }, /"allow\[0\]" has an unknown key "type"/],
    [{ version: 1, deny: [{ value: 'x', match: 'fuzzy' }] }, /"deny\[0\]".match must be one of exact, case-insensitive, regex/],
    [{ version: 1, deny: [{ value: '(a+)+', match: 'regex' }] }, /deny\[0\]: .*catastrophically/],
    [{ version: 1, detectors: [{ name: 'a', type: 'CUSTOM', regex: 'x' }, { name: 'a', type: 'CUSTOM', regex: 'y' }] }, /used twice/],
    [{ version: 1, detectors: [{ name: 'a', type: 'CUSTOM', regex: '[' }] }, /not a valid regular expression/],
    [{ version: 1, caseNumbers: [] }, /"caseNumbers" must be \{"patterns"/],
    [{ version: 1, caseNumbers: { pattern: [] } }, /"caseNumbers" has an unknown key "pattern"/],
    [{ version: 1, caseNumbers: { keepDefaults: 'no' } }, /"caseNumbers.keepDefaults" must be true or false/],
    [{ version: 1, caseNumbers: { keepDefaults: false } }, /keepDefaults" is false but no "patterns"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x' }] } }, /"caseNumbers.patterns\[0\]" needs a "name" and a "regex"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: 'K\\d+', colour: 1 }] } }, /unknown key "colour"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: '(' }] } }, /"caseNumbers": .*"x".*invalid regular expression/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: '(\\d+)+' }] } }, /"caseNumbers": .*"x"/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: '\\d*' }] } }, /empty string/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'case', regex: 'K\\d+' }] } }, /used by another pattern/],
    [{ version: 1, caseNumbers: { patterns: [{ name: 'x', regex: 'K\\d+', score: 3 }] } }, /score/],
  ])('rejects %j', (json, message) => {
    expect(() => parseProfile(json)).toThrow(message);
  });
});

describe('profile JSON Schema (shared/transform/profile.schema.json)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  it('accepts the built-in profile, every preset and every saved profile', () => {
    const profiles: unknown[] = [DEFAULT_PROFILE, ...PRESETS.map((p) => p.profile), saveProfile(DEFAULT_POLICY), ...PRESETS.map((p) => saveProfile(parseProfile({ version: 1, extends: p.id })))];
    for (const profile of profiles) expect(validate(JSON.parse(JSON.stringify(profile))), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    { version: 1, operators: { EMAIL: 'shred' } },
    { version: 1, operators: { EMAIL: { operator: 'mask', keepLast: 99 } } },
    { version: 1, operators: { EMAIL: { operator: 'drop', why: 1 } } },
    { version: 1, columns: { a: { role: 'identifier' } } },
    { version: 1, colour: 'red' },
    { version: 2 },
  ])('rejects what parseProfile rejects: %j', (profile) => {
    expect(() => parseProfile(profile)).toThrow();
    expect(validate(profile)).toBe(false);
  });
});
