import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDetectors } from '../../../shared/detect/default-detectors';
import { defineKeywordHint, hasKeywordHint, keywordHints, keywordMask, type KeywordHint } from '../../../shared/detect/detectors/keyword-hints';

// the detectors' modules define their hints when they load
defaultDetectors();

/**
 * The prefilter regexes that the shared keyword scan replaced, as they were: a hint must pass every text that its
 * regex passed (it may pass more; the detector's own patterns decide).
 */
const REPLACED: Record<string, RegExp> = {
  'confidential-note': /intern|confiden|vertraulich|private|privado|staff only|agent only|do not|don't|not for|nicht weiter|nicht an den|ne pas|no compartir|no divulgar|no reenviar/i,
  'hostname-label': /host|name|fqdn|server|workstation|hôte|ordinateur|equipo/iu,
  'internal-tld': /\.(?:localdomain|local|lan|corp|internal|intranet|home\.arpa|ad)(?![A-Za-z0-9_-])/i,
  'user-label': /user|login|account|benutzer|anmeldename|utilisateur|identifiant|usuario/iu,
  'serial-label': /seri|s[ée]rie|s\/n|sn|service|imei/iu,
  'licence-or-plate': /licen[cs]e|f[üu]hrerschein|permis de|de conduc|plate|kennzeichen|nummernschild|immatricul|placa|matr[ií]cula|targa/iu,
  birth: /birth|naissance|nac|d\.o\.b|dob|born|b\.|geb|n[ée]e? (?:le|en)/iu,
  'aws-secret': /aws|secret/i,
  authorization: /earer|EARER|asic|ASIC/,
  'prefixed-key': /AKIA|ASIA|gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|ft|soat|cbt)-|xox[bpaesr]-|hooks\.slack\.com|_live_|_test_|whsec_|AIza|npm_|SG\.|sk-|hf_|shp(?:at|ca|pa|ss)_|pypi-|do[opr]_v1_|sq0(?:atp|csp)-|ATATT3|dapi|PMAK-|glsa_|glc_|lin_api_|ntn_|secret_|sntry[su]_|AGE-SECRET-KEY-1/,
  www: /www\./i,
};

const hintNamed = (name: string): KeywordHint => {
  const h = keywordHints().find((x) => x.name === name);
  if (!h) throw new Error(`no hint ${name}`);
  return h;
};

describe('keyword hints', () => {
  it('defines a hint for every prefilter it replaced, and no two hints share a bit', () => {
    for (const name of Object.keys(REPLACED)) expect(hintNamed(name).words.length).toBeGreaterThan(0);
    const bits = keywordHints().map((h) => h.bit);
    expect(new Set(bits).size).toBe(bits.length);
  });

  it('finds a keyword in any case, anywhere in the text', () => {
    const h = hintNamed('confidential-note');
    expect(hasKeywordHint('This is INTERNAL only', h)).toBe(true);
    expect(hasKeywordHint('Vertraulich: bitte nicht weitergeben', h)).toBe(true);
    expect(hasKeywordHint('Please reset my password', h)).toBe(false);
    expect(hasKeywordHint('', h)).toBe(false);
  });

  it('finds a keyword that starts inside or at the start of another one (every position is tried)', () => {
    // "sn" (serial) is found at the start of "snac", and "nac" (birth) one character later
    expect(hasKeywordHint('snac', hintNamed('serial-label'))).toBe(true);
    expect(hasKeywordHint('snac', hintNamed('birth'))).toBe(true);
    // "hostname" holds host (hostname label) and name
    expect(hasKeywordHint('the hostname', hintNamed('hostname-label'))).toBe(true);
  });

  it('gives a longer keyword the bits of every keyword that is a prefix of it', () => {
    const a = defineKeywordHint('test-prefix-short', ['zqxab']);
    const b = defineKeywordHint('test-prefix-long', ['zqxabcd']);
    // the scan reports the longest keyword at a position ("zqxabcd"); the shorter one matched there too
    expect(hasKeywordHint('..ZQXABCD..', a)).toBe(true);
    expect(hasKeywordHint('..zqxabcd..', b)).toBe(true);
    expect(hasKeywordHint('..zqxab..', b)).toBe(false);
  });

  it('re-scans a text after a hint is defined, and keeps the last mask otherwise', () => {
    const text = 'keyword qwzzyx here';
    const before = keywordMask(text);
    const late = defineKeywordHint('test-late', ['qwzzyx']);
    expect(keywordMask(text)).toBe(before | late.bit);
    expect(keywordMask(text)).toBe(keywordMask(text));
  });

  it('takes the characters that Unicode case folding maps to ASCII as every hint', () => {
    // /serial/iu reads "ſerial" (long s) as "serial", and /secret/i does not; the hint passes both
    expect(REPLACED['serial-label']!.test('ſerial number')).toBe(true);
    expect(hasKeywordHint('ſerial number', hintNamed('serial-label'))).toBe(true);
    expect(hasKeywordHint('\u212Aennwort', hintNamed('www'))).toBe(true);
  });

  it('folds case one unit at a time, as the non-Unicode case-insensitive regex does', () => {
    // 'İ' matches no 'i' (its lower case is two units), so "userİ" does not hold "seri"
    expect(hasKeywordHint('userİ', hintNamed('serial-label'))).toBe(false);
    expect(hasKeywordHint('USERİ', hintNamed('user-label'))).toBe(true);
    expect(hasKeywordHint('FÜHRERSCHEIN', hintNamed('licence-or-plate'))).toBe(true);
  });

  it('rejects more hints than a mask holds, and hints without words', () => {
    expect(() => defineKeywordHint('empty', [])).toThrow(/non-empty/);
    expect(() => defineKeywordHint('blank', [''])).toThrow(/non-empty/);
    expect(() => {
      for (let i = 0; i < 40; i++) defineKeywordHint(`overflow-${i}`, [`overflowword${i}`]);
    }).toThrow(/At most 31/);
  });

  // the replaced prefilters' words, mixed with noise and random case, as generated texts
  const WORDS = ['intern', 'Confidential', 'DO NOT', "don't", 'not for', 'host', 'HÔTE', 'name', 'fqdn', 'server', 'user', 'Login', 'benutzer', 'seri', 'série', 'S/N', 'sn', 'imei', 'licence', 'License', 'Führerschein', 'FUHRERSCHEIN', 'permis de', 'birth', 'D.O.B', 'né le', 'NÉE EN', 'nee le', 'b.', 'geb', 'aws', 'Secret', 'Bearer', 'bEARER', 'basic', 'AKIA', 'akia', 'ghp_', 'GHP_', 'github_pat_', 'glpat-', 'xoxb-', 'hooks.slack.com', 'sk_live_', 'AIza', 'npm_', 'SG.', 'www.', '.local', '.LAN', '.home.arpa', '.ad', 'ſ', '\u212A', 'ß', 'İ', 'ı', 'é', 'É', 'ñ'];
  const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 4 }), fc.constantFrom(' ', '-', '_', '.', ':', 'a', 'e', 'n', 's')), { maxLength: 12 }).map((parts) => parts.join(''));

  it('passes every text that a replaced prefilter passed (generated texts)', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const [name, re] of Object.entries(REPLACED)) {
          if (re.test(t) && !hasKeywordHint(t, hintNamed(name))) return false;
        }
        return true;
      }),
      // "userİ": İ lower-cases to i + a combining dot, which a case-insensitive regex does not read as i
      { numRuns: 3000, examples: [['userİ'], ['İnternal ſerial']] },
    );
  });

  it('passes a text only when it holds a word of the hint, ignoring case, or a character folded to ASCII', () => {
    fc.assert(
      fc.property(text, (t) => {
        // lower case character by character, as a case-insensitive regex without `u` compares: a character whose
        // lower case is longer ("İ" → "i̇") or crosses between ASCII and the rest ("ı", "ſ") stays as it is
        const lower = [...t].map((c) => {
          const l = c.toLowerCase();
          return l.length === c.length && (l.charCodeAt(0) < 0x80) === (c.charCodeAt(0) < 0x80) ? l : c;
        }).join('');
        const folds = /[\u017f\u212a]/.test(t);
        for (const h of keywordHints()) {
          const expected = folds || h.words.some((w) => lower.includes(w));
          if (hasKeywordHint(t, h) !== expected) return false;
        }
        return true;
      }),
      // "userİ": İ lower-cases to i + a combining dot, which a case-insensitive regex does not read as i
      { numRuns: 3000, examples: [['userİ'], ['İnternal ſerial']] },
    );
  });
});
