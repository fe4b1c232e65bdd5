/**
 * ReDoS (issue #9): every default detector, and the verification's survival search, completes on 1 MB of each
 * kind of adversarial text: long runs of one character class (what makes a backtracking regex explode), and
 * repeated near-misses of each pattern family (e-mail, IP, phone, card, IBAN, keys and tokens, paths, SIDs, dates,
 * postcodes, addresses, names, wallets, bank labels, plates, identity numbers, VINs, logins, stack traces). A per-MB bound stands in for a timer: each case has the test's timeout, 8 s for
 * 1 MB, where a linear scan takes well under one second even on a loaded machine; a catastrophic backtrack takes
 * minutes or overflows. A safe-regex lint of the same regexes (safe-regex2) flags about one in seven of them, almost
 * all bounded repetitions it cannot reason about, so the proof here is the run.
 */
import { describe, expect, it } from 'vitest';
import { defaultDetectors } from '../../../shared/detect/default-detectors';
import type { ColumnClassification, DetectContext } from '../../../shared/detect/finding';
import { SurvivalIndex } from '../../../shared/verify/survival-index';

const MB = 1 << 20;
const big = (chunk: string) => chunk.repeat(Math.ceil(MB / chunk.length)).slice(0, MB);

const ADVERSARIAL: Record<string, string> = {
  letters: big('a'),
  capitals: big('A'),
  digits: big('7'),
  spaces: big(' '),
  dots: big('.'),
  hyphens: big('-'),
  'at signs': big('@'),
  backslashes: big('\\'),
  slashes: big('/'),
  colons: big(':'),
  'hex and colons': big('a1:'),
  'alnum and hyphens': big('A1-'),
  'e-mail near-misses': big('a@b.'),
  'obfuscated e-mail near-misses': big('x at y dot '),
  'IP near-misses': big('1.2.3.'),
  'IPv6 near-misses': big('1:2::'),
  'phone near-misses': big('+1 (2) 3-4 '),
  'digit groups': big('1234 '),
  'card near-misses': big('4111 1111 1111 111 '),
  'IBAN near-misses': big('DE89 3704 0044 '),
  'key prefixes': big('AKIA ghp_ xoxb- sk_live_ AIza '),
  'base64 run': big('QUJDRA'),
  'JWT near-misses': big('eyJ.eyJ.'),
  'PEM near-misses': big('-----BEGIN '),
  'password labels': big('password= pwd: '),
  'Windows paths': big('C:\\Users\\'),
  'UNC paths': big('\\\\srv\\'),
  'Unix paths': big('/home/'),
  'SID near-misses': big('S-1-5-21-1-'),
  'date near-misses': big('12/12/'),
  'case labels': big('Case # INC REQ- '),
  'street near-misses': big('12 Main '),
  'capitalised words': big('Anna Maria '),
  'greeting cues': big('Dear Mr Dr '),
  'quotes and brackets': big('"(\'['),
  'mixed scripts': big('é😀ü'),
  'wallet near-misses': big(`1${'A'.repeat(33)} `),
  'segwit near-misses': big(`bc1${'q'.repeat(80)} `),
  'Ethereum near-misses': big(`0x${'aB'.repeat(20)} `),
  'AI key near-misses': big('sk-sk-proj-'),
  'bank labels': big('bank account number 1234 5678 sort code 12-34- '),
  'plate labels': big('license plate AB-12-CD-34 '),
  'ID shapes': big('811218-9876 123.456.789-0 S1234567 '),
  'VIN near-misses': big('1M8GDM9AXKP04278 '),
  'login words': big('user a1 user b.c '),
  'stack traces': big('error at System.IO.File '),
};

const column: ColumnClassification = { field: 'description', role: 'free-text', confidence: 1, reasons: [] };
const ctx: DetectContext = { field: 'description', defaultRegion: 'US', column };

describe.each(defaultDetectors().map((d) => [d.id, d] as const))('detector %s on 1 MB of adversarial text', (_id, detector) => {
  it.each(Object.keys(ADVERSARIAL))('%s: completes, with well-formed findings', (name) => {
    const text = ADVERSARIAL[name]!;
    const found = detector.detect(text, ctx);
    for (const f of found) expect(f.start >= 0 && f.end > f.start && f.end <= text.length).toBe(true);
  }, 8_000);
});

describe("the verification's survival search on 1 MB of adversarial text", () => {
  const index = new SurvivalIndex();
  index.add('EMAIL', 'a@b.cc');
  index.add('PHONE', '+1 202 555 0147');
  index.add('PERSON', 'Anna Maria');
  it.each(Object.keys(ADVERSARIAL))('%s: completes', (name) => {
    expect(Array.isArray(index.find(ADVERSARIAL[name]!))).toBe(true);
  }, 8_000);
});
