/**
 * Domestic bank details after their label, reported as IBAN (the type of bank-account data; see docs/detection.md):
 * a refund request or a direct-debit form in a ticket names the account the way its country writes it, not as an
 * IBAN. Every pattern needs its label, because the values alone are plain numbers.
 *
 * Patterns (explanation.pattern), value, score:
 *  - account-number  6–20 digits, in up to five groups separated by spaces or hyphens, after "bank account",
 *                    "checking account", "Kontonummer", "Konto-Nr.", "numéro de compte", "compte bancaire", "número de
 *                    cuenta", "cuenta corriente" …; after "account number", "acct #", "A/C no." or a bare "account"
 *                    only in a text that also names a bank, a routing number, a sort code, an IBAN, a BIC or a wire
 *                    (elsewhere an account number is the customer's account with the vendor, not a bank account);
 *                    after a bare "account", "Konto", "compte" or "cuenta" at least 8 digits               0.85
 *  - routing-number  a US ABA routing number after "routing", "ABA", "RTN" or "transit number": 9 digits
 *                    with a valid checksum and district prefix (validation 'passed'; a failed one is dropped)   0.85
 *  - sort-code       a UK sort code after "sort code": 12-34-56, 12 34 56 or 123456                      0.85
 *  - bsb             an Australian BSB after "BSB": 062-000 or 062000                                     0.85
 *  - bank-code       a German Bankleitzahl after "BLZ" or "Bankleitzahl": 8 digits, or 3 3 2               0.85
 *  - bic             a BIC/SWIFT code after "BIC" or "SWIFT": 8 or 11 characters in capitals, with a valid
 *                    country code (ibantools' isValidBIC; validation 'passed'), and not an ordinary word in
 *                    capitals ("BIC: REQUIRED" has the shape of a BIC with the country code IR)           0.8
 * The label is recorded in the explanation's context, with the whole score as its effect. A value that runs on into
 * a word or another number ("12345678-AB", "12345678.5") is not one of these.
 * Every regex is bounded (no nested quantifiers); the scan is linear, and it runs only on texts that hold one of the
 * labels' words (the shared keyword scan) and, except for BICs, at least six digits.
 */
import { isValidBIC } from 'ibantools';
import type { Detector, Finding } from '../finding';
import { findingBuilder } from '../finding-builder';
import type { Gazetteer } from '../gazetteer';
import { COMMON } from '../gazetteer/flags';
import { isValidAbaRouting } from '../validators/bank-checksums';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';
import { digitProfile } from './text-scan';

const finding = findingBuilder('bank-account', 'IBAN', 'none');

const SCORE = 0.85;
const BIC_SCORE = 0.8;
/** Digits needed after a bare "account", "Konto", "compte" or "cuenta" (after a label that says bank or number: 6). */
const BARE_LABEL_MIN_DIGITS = 8;

/** Every label holds one of these words (a prefilter: the label regexes decide). */
const HINT = defineKeywordHint('bank-details', [
  'bank', 'checking acc', 'savings acc', 'chequing', 'current acc', 'deposit acc', 'acct', 'a/c', 'konto', 'kto',
  'compte', 'cuenta', 'routing', 'aba', 'rtn', 'transit', 'sort', 'bsb', 'blz', 'bic', 'swift', 'iban', 'wire',
]);
/** What makes "account number", "acct" or "A/C" a bank account's label (every word here is in HINT, or holds one). */
const BANK_CONTEXT = /bank|routing|sort[ -]?code|iban|swift|\bbic\b|\bbsb\b|\bblz\b|\baba\b|wire|konto|compte|cuenta/i;

const SP = String.raw`[ \t\u00a0]`;
/** A number word after a label: "number", "no.", "nr.", "#", "n°". */
const NO = String.raw`(?:number|num\.?|no\.?|nr\.?|nummer|#|n[°º])`;

interface LabelledValue {
  readonly pattern: string;
  /** The label (regex source; the `bare` group marks a label that says neither bank nor number: more digits needed). */
  readonly label: string;
  /** The value (sticky: tried at one position). */
  readonly value: RegExp;
  readonly needsDigits: boolean;
  readonly check: (compact: string, bare: boolean, isWord: (lower: string) => boolean) => boolean;
  readonly validation: 'passed' | 'none';
  readonly score: number;
}

/** Not followed by a letter or digit, nor by a separator and one (the value would go on). */
const END = String.raw`(?![\p{L}\p{N}_]|[.,/-][\p{L}\p{N}])`;

const LABELLED: readonly LabelledValue[] = [
  {
    pattern: 'account-number',
    label: [
      // (the prefilter holds "bank", "chequing" and these words followed by one space and "acc")
      `(?:bank|chequing)${SP}{1,2}account(?:${SP}{0,2}${NO})?`,
      `(?:checking|savings|current|deposit) account(?:${SP}{0,2}${NO})?`,
      `(?<generic>account${SP}{0,2}${NO}|acct\\.?(?:${SP}{0,2}${NO})?|a/c(?:${SP}{0,2}${NO})?)`,
      `konto(?:nummer|${SP}{0,2}-?${SP}{0,2}nr\\.?)`,
      `kto\\.?${SP}{0,2}-?${SP}{0,2}nr\\.?`,
      `(?:num[ée]ro|n[°º]|no)${SP}{0,2}de${SP}{1,2}compte`,
      `compte${SP}{1,2}(?:bancaire|courant|n[°º])`,
      `(?:n[úu]mero|n[°º]|no)${SP}{0,2}de${SP}{1,2}cuenta`,
      `cuenta${SP}{1,2}(?:bancaria|corriente|n[°º])`,
      `(?<bare>account|konto|compte|cuenta)`,
    ].join('|'),
    value: new RegExp(`[0-9]{2,20}(?:[ -][0-9]{2,10}){0,4}${END}`, 'uy'),
    needsDigits: true,
    check: (compact, bare) => compact.length >= (bare ? BARE_LABEL_MIN_DIGITS : 6) && compact.length <= 20,
    validation: 'none',
    score: SCORE,
  },
  {
    pattern: 'routing-number',
    label: `(?:aba|routing)(?:${SP}{0,2}(?:transit|routing))?(?:${SP}{0,2}(?:${NO}|code))?|rtn|transit${SP}{1,2}number`,
    value: new RegExp(`[0-9]{9}${END}`, 'uy'),
    needsDigits: true,
    check: isValidAbaRouting,
    validation: 'passed',
    score: SCORE,
  },
  {
    pattern: 'sort-code',
    label: `sort${SP}{0,2}-?${SP}{0,2}code`,
    value: new RegExp(`(?:[0-9]{2}-[0-9]{2}-[0-9]{2}|[0-9]{2} [0-9]{2} [0-9]{2}|[0-9]{6})${END}`, 'uy'),
    needsDigits: true,
    check: () => true,
    validation: 'none',
    score: SCORE,
  },
  {
    pattern: 'bsb',
    label: `bsb(?:${SP}{0,2}${NO})?`,
    value: new RegExp(`[0-9]{3}[- ]?[0-9]{3}${END}`, 'uy'),
    needsDigits: true,
    check: () => true,
    validation: 'none',
    score: SCORE,
  },
  {
    pattern: 'bank-code',
    label: `blz|bankleitzahl`,
    value: new RegExp(`(?:[0-9]{8}|[0-9]{3} [0-9]{3} [0-9]{2})${END}`, 'uy'),
    needsDigits: true,
    check: () => true,
    validation: 'none',
    score: SCORE,
  },
  {
    pattern: 'bic',
    label: `(?:bic(?:${SP}{0,2}/${SP}{0,2}swift)?|swift(?:${SP}{0,2}/${SP}{0,2}bic)?)(?:${SP}{0,2}(?:code|${NO}))?`,
    value: new RegExp(`[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?${END}`, 'uy'),
    needsDigits: false,
    check: (compact, _bare, isWord) => isValidBIC(compact) && !isWord(compact.toLowerCase()),
    validation: 'passed',
    score: BIC_SCORE,
  },
];

/**
 * All labels in one regex, a group per pattern (`l0`, `l1`, …), so a text is scanned once; and the labels of the
 * patterns that need no digits (BICs), for texts with fewer than six. Without the `u` flag (V8 scans a plain
 * case-insensitive regex several times faster): the labels are Latin words, so "not followed by a letter" is the
 * Latin letters, and the start of a word is checked in code (see `detectLabelled`), as a lookbehind at the front
 * would be tried at every position of the text.
 */
const labelRegex = (specs: readonly LabelledValue[]): RegExp =>
  new RegExp(`(?:${specs.map((spec) => `(?<l${LABELLED.indexOf(spec)}>${spec.label})`).join('|')})(?![A-Za-z\\u00c0-\\u024f])`, 'gi');
const ALL_LABELS = labelRegex(LABELLED);
const DIGITLESS_LABELS = labelRegex(LABELLED.filter((spec) => !spec.needsDigits));
/** Every label of DIGITLESS_LABELS holds one of these. */
const DIGITLESS_WORDS = /bic|swift/i;

/** Between a label and its value: "is", ":", "=", "#", "-", spaces and an opening quote or bracket. */
const CONNECTOR = /(?:[ \t\u00a0]{0,3}(?:is|was|ist|est|es|:|=|#|-|–))?[ \t\u00a0:]{0,3}["'“(]?/uy;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function detectLabelled(text: string, label: RegExp, isWord: (lower: string) => boolean, out: Finding[]): void {
  label.lastIndex = 0;
  let m: RegExpExecArray | null;
  let bankContext: boolean | undefined;
  while ((m = label.exec(text)) !== null) {
    // not inside a word ("myaccount"): try again from the next character
    if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) {
      label.lastIndex = m.index + 1;
      continue;
    }
    const groups = m.groups!;
    const spec = LABELLED.find((_, i) => groups[`l${i}`] !== undefined)!;
    const after = m.index + m[0].length;
    CONNECTOR.lastIndex = after;
    CONNECTOR.test(text);
    const start = CONNECTOR.lastIndex;
    const valueRe = spec.value;
    valueRe.lastIndex = start;
    const v = valueRe.exec(text);
    if (v === null) continue;
    const value = v[0];
    const compact = value.replace(/[ -]/g, '');
    if (!spec.check(compact, groups.bare !== undefined, isWord)) continue;
    // "account number 12345678" is a bank account only where the text speaks of banks
    if ((groups.generic !== undefined || groups.bare?.toLowerCase() === 'account') && !(bankContext ??= BANK_CONTEXT.test(text))) continue;
    const word = m[0].toLowerCase().replace(/\s+/g, ' ');
    out.push(finding(start, start + value.length, spec.score, spec.pattern, spec.validation, [{ word, effect: spec.score }]));
  }
}

export function createBankAccountDetector(g: Gazetteer): Detector {
  const isWord = (lower: string): boolean => g.english.has(lower) || (g.lookupWord(lower) & COMMON) !== 0;
  return {
    id: 'bank-account',
    version: '1',
    types: ['IBAN'],
    detect(text) {
      if (!hasKeywordHint(text, HINT)) return [];
      const out: Finding[] = [];
      if (digitProfile(text).digits >= 6) detectLabelled(text, ALL_LABELS, isWord, out);
      else if (DIGITLESS_WORDS.test(text)) detectLabelled(text, DIGITLESS_LABELS, isWord, out);
      return out;
    },
  };
}
