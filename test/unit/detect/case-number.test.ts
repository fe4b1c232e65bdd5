import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  caseNumberDetector,
  createCaseNumberDetector,
  DEFAULT_CASE_NUMBER_PATTERNS,
} from '../../../shared/detect/detectors/case-number';

const ctx = { field: 'subject', defaultRegion: 'US' };
const found = (text: string) => caseNumberDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));
const withPattern = (text: string) => caseNumberDetector.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.explanation.pattern]);

describe('caseNumberDetector', () => {
  it('declares its id, version and type', () => {
    expect(caseNumberDetector.id).toBe('case-number');
    expect(caseNumberDetector.version).toBe('1');
    expect(caseNumberDetector.types).toEqual(['CASE_NUMBER']);
  });

  it.each([
    ['Re: Case #12345678 - printer offline', '12345678', 'case'],
    ['see case 12345678 for details', '12345678', 'case'],
    ['Case No. 00012345', '00012345', 'case'],
    ['Case number: 4567890', '4567890', 'case'],
    ['caso 12345678 abierto', '12345678', 'case'],
    ['Fallnummer 12345', '12345', 'case'],
    ['Your SR 1234567890 was updated', '1234567890', 'service-request'],
    ['SR#1234567890', '1234567890', 'service-request'],
    ['Oracle SR 3-1234567891', '3-1234567891', 'service-request'],
    ['Service Request 1234567', '1234567', 'service-request'],
    ['INC0012345', 'INC0012345', 'servicenow'],
    ['RITM0012345 approved', 'RITM0012345', 'servicenow'],
    ['REQ0012345', 'REQ0012345', 'servicenow'],
    ['CHG0000001', 'CHG0000001', 'servicenow'],
    ['PRB1234567', 'PRB1234567', 'servicenow'],
    ['TASK0012345', 'TASK0012345', 'servicenow'],
    ['Created REQ-1234 for you', 'REQ-1234', 'itsm-hyphen'],
    ['INC-42', 'INC-42', 'itsm-hyphen'],
    ['see ticket ABC-1234', 'ABC-1234', 'jira-key'],
    ['Issue PROJ-77 was closed', 'PROJ-77', 'jira-key'],
    ['Jira: WEB-1', 'WEB-1', 'jira-key'],
    ['[TrackingID#2301010010000123]', '2301010010000123', 'tracking-id'],
    ['Ticket #4711', '4711', 'ticket'],
    ['Ticket-Nr. 4711', '4711', 'ticket'],
    ['Ticket ID: 4711', '4711', 'ticket'],
    ['ticket 4711', '4711', 'ticket'],
    ['Ticketnummer 4711', '4711', 'ticket'],
    ['Vorgangsnummer 12345', '12345', 'vorgang'],
    ['Vorgang 12345', '12345', 'vorgang'],
    ['Vorgangs-Nr. 12345', '12345', 'vorgang'],
    ['numéro de dossier 12345', '12345', 'dossier'],
    ['Numéro de dossier : 99887', '99887', 'dossier'],
    ['dossier n° 12345', '12345', 'dossier'],
    ['número de caso 12345', '12345', 'case'], // the dossier pattern finds the same span
    ['número de solicitud 12345', '12345', 'dossier'],
  ])('finds %j', (text, expected, pattern) => {
    expect(withPattern(text)).toEqual([[expected, pattern]]);
  });

  it('covers the reference, not the word before it', () => {
    const text = 'Bonjour 😀, votre demande (Case #12345678) est résolue — numéro de dossier 4711 ✅';
    const fs = caseNumberDetector.detect(text, ctx);
    const a = text.indexOf('12345678');
    const b = text.indexOf('4711');
    expect(fs.map((f) => [f.start, f.end])).toEqual([
      [a, a + 8],
      [b, b + 4],
    ]);
    expect(fs[0]).toEqual({
      start: a,
      end: a + 8,
      type: 'CASE_NUMBER',
      score: 0.9,
      detector: 'case-number',
      explanation: { pattern: 'case', validation: 'none', context: [] },
    });
  });

  it('finds several references in a realistic subject line', () => {
    const text = 'RE: [TrackingID#2301010010000123] INC0012345 / REQ-1234 — Ticket #4711 (Jira ticket OPS-981)';
    expect(found(text)).toEqual(['2301010010000123', 'INC0012345', 'REQ-1234', '4711', 'OPS-981']);
  });

  it.each([
    'in case 2 people call',
    'case 1234', // too short without # or :
    'ticket 12',
    'Windows 10 build 19041',
    'GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    'call 555-1234',
    'ABC-1234 without context',
    'ISO-9001 certified',
    'UTF-8 and SHA-256',
    'KB5012345 installed', // a Windows update, not a ticket
    'INC001234', // 6 digits
    'XINC0012345',
    'INC00123456789012',
    'sr 1234567890', // lower-case sr is not the abbreviation
    'showcase 12345678',
    'Ticketing system 2023',
    'no digits here at all',
  ])('rejects %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  describe('createCaseNumberDetector', () => {
    it('uses custom patterns, reporting the ref group or the whole match', () => {
      const d = createCaseNumberDetector([
        { name: 'zendesk', regex: 'ZD-(?<ref>\\d{4,8})', flags: 'i' },
        { name: 'acme', regex: 'ACME\\d{6}', score: 0.7 },
      ]);
      const text = 'zd-12345 and ACME123456';
      const fs = d.detect(text, ctx);
      expect(fs.map((f) => [text.slice(f.start, f.end), f.explanation.pattern, f.score])).toEqual([
        ['12345', 'zendesk', 0.85],
        ['ACME123456', 'acme', 0.7],
      ]);
    });

    it('extends the defaults', () => {
      const d = createCaseNumberDetector([...DEFAULT_CASE_NUMBER_PATTERNS, { name: 'acme', regex: 'ACME\\d{6}' }]);
      expect(d.detect('Case #12345678 ACME123456', ctx).map((f) => f.explanation.pattern)).toEqual(['case', 'acme']);
    });

    it('validates every default pattern', () => {
      expect(() => createCaseNumberDetector(DEFAULT_CASE_NUMBER_PATTERNS)).not.toThrow();
    });

    it.each([
      [{ name: 'broken', regex: '(ab' }, /Case number pattern "broken": invalid regular expression/],
      [{ name: 'empty', regex: 'a*' }, /"empty": it can match the empty string/],
      [{ name: 'optional', regex: '(?:INC\\d{7})?' }, /"optional": it can match the empty string/],
      [{ name: 'lookahead', regex: '(?=\\d)' }, /"lookahead": it can match the empty string/],
      [{ name: 'boundary', regex: '\\b' }, /"boundary": it can match the empty string/],
      [{ name: 'nested', regex: '(a+)+b' }, /"nested": nested quantifiers/],
      [{ name: 'nested2', regex: '(?:\\d+){2}x' }, /"nested2": nested quantifiers/],
      [{ name: 'alt', regex: '(a|ab)*c' }, /"alt": an unboundedly repeated group/],
      [{ name: 'rep', regex: '(?:\\w{2})+z' }, /"rep": an unboundedly repeated group/],
      [{ name: 'global', regex: 'INC\\d{7}', flags: 'g' }, /"global": flag "g" is not allowed/],
      [{ name: 'sticky', regex: 'INC\\d{7}', flags: 'y' }, /"sticky": flag "y" is not allowed/],
      [{ name: 'dup', regex: 'INC\\d{7}', flags: 'ii' }, /"dup": flags "ii" repeat a flag/],
      [{ name: 'blank', regex: '' }, /"blank": the regular expression is empty/],
      [{ name: 'long', regex: 'a'.repeat(1001) }, /"long": the regular expression is longer than 1000/],
      [{ name: 'score', regex: 'x\\d', score: 2 }, /"score": the score must be a number/],
      [{ name: '', regex: 'x\\d' }, /needs a non-empty name/],
    ])('rejects pattern %j', (pattern, message) => {
      expect(() => createCaseNumberDetector([pattern])).toThrow(message);
    });

    it('rejects a duplicate name', () => {
      expect(() =>
        createCaseNumberDetector([
          { name: 'a', regex: 'x\\d' },
          { name: 'a', regex: 'y\\d' },
        ]),
      ).toThrow(/"a": the name is used by another pattern/);
    });

    it('accepts safe repeated groups', () => {
      expect(() => createCaseNumberDetector([{ name: 'ok', regex: '(?:-\\d{2}){2}X(?:ab)+' }])).not.toThrow();
    });

    it('returns no findings for an empty pattern list', () => {
      expect(createCaseNumberDetector([]).detect('Case #12345678', ctx)).toEqual([]);
    });
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const big = (chunk: string) => chunk.repeat(Math.ceil(M / chunk.length));
    it('repeated labels, prefixes and digits', () => {
      expect(caseNumberDetector.detect('1'.repeat(M), ctx)).toEqual([]);
      expect(caseNumberDetector.detect(big('case case1'), ctx)).toEqual([]);
      expect(caseNumberDetector.detect(big('ticket - nr. #') + '1', ctx)).toEqual([]);
      expect(caseNumberDetector.detect(big('INC001234 '), ctx)).toEqual([]);
      expect(caseNumberDetector.detect(big('Ticket ABC- 1'), ctx)).toEqual([]);
      expect(caseNumberDetector.detect(' '.repeat(M) + 'case' + ' '.repeat(M) + '1', ctx)).toEqual([]);
      expect(caseNumberDetector.detect(big('Case #12345678 '), ctx).length).toBeGreaterThan(60_000);
    }, 10_000);
  });
});

describe('caseNumberDetector prefilters', () => {
  // The same patterns as custom ones: custom patterns skip no text (no digit-run or keyword prefilter).
  const unfiltered = createCaseNumberDetector(DEFAULT_CASE_NUMBER_PATTERNS.map((p) => ({ ...p })));
  const PIECES = [
    'Case', 'CASO', 'Fallnummer', 'fall-nr.', 'SR', 'Service Request', 'INC', 'REQ', 'RITM', 'SCTASK', 'TKT', 'TICKET', 'Ticket', 'tickets', 'Issue',
    'JIRA', 'bug', 'Story', 'Epic', 'Incident', 'Vorgangs-Nr.', 'Aktenzeichen', 'Störungsnummer', 'Tracking ID', 'numéro', 'n°', 'Número', 'de',
    'dossier', 'cas', 'demande', 'solicitud', 'Expediente', 'No.', 'Nr.', 'number', 'ID', 'Key', '#', ':', '-', ' ', ' ', '\t', '\u00a0', '3-',
    '123', '4711', '12345', '1234567', '0012345', '1234567890', '2301010010000123', 'ABC-', 'PROJ-', 'ſ', '\u212A',
  ];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 9 }).map((parts) => parts.join(''));

  it('finds what the same patterns find without any prefilter (generated texts)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = caseNumberDetector.detect(t, ctx).map((f) => `${f.start}-${f.end}-${f.explanation.pattern}`);
        const b = unfiltered.detect(t, ctx).map((f) => `${f.start}-${f.end}-${f.explanation.pattern}`);
        expect(a).toEqual(b);
      }),
      { numRuns: 5000 },
    );
  });
});
