/**
 * NATIONAL_ID detector: one detector, several named patterns. Validators (pure functions) live in
 * ../validators/national-id-checksums.ts.
 *
 *  pattern               shape                                   validation               context   score (+word)
 *  us-ssn                ddd-dd-dddd                             area/group/serial        optional  0.85 (+0.1)
 *  us-ssn-unformatted    ddddddddd, ddd dd dddd                  area/group/serial        required  0.85
 *  us-itin               9dd-dd-dddd                             ITIN group ranges        optional  0.8 (+0.15)
 *  us-itin-unformatted   9dddddddd, 9dd dd dddd                  ITIN group ranges        required  0.85
 *  uk-nino               AB 12 34 56 C, AB123456C, ab123456c     HMRC prefix rules        optional  0.85 spaced, 0.75 compact (+0.1)
 *  de-steuer-id          dd ddd ddd ddd                          MOD 11,10 + repetition   optional  0.9 (+0.05)
 *  de-steuer-id-compact  ddddddddddd                             MOD 11,10 + repetition   required  0.9
 *  fr-nir                1 84 12 76 451 089 46, 2A/2B, compact   mod-97 key               optional  0.9 spaced (+0.05), 0.65 compact (+0.25)
 *  es-dni                12345678Z, 12345678-Z                   mod-23 letter            optional  0.85 (+0.1)
 *  es-nie                X1234567L, X-1234567-L                  mod-23 letter            optional  0.85 (+0.1)
 *  it-codice-fiscale     RSSMRA85T10A562S, omocodia letters      check letter, month/day  optional  0.9 (+0.05)
 *  in-aadhaar            dddd dddd dddd, dddd-dddd-dddd          Verhoeff, first 2–9      optional  0.8 (+0.15)
 *  in-aadhaar-compact    dddddddddddd                            Verhoeff, first 2–9      required  0.9
 *  in-pan                ABCPE1234F (upper case)                 holder-type letter only  optional  0.75 (+0.15), validation 'none'
 *  uk-nhs                ddd ddd dddd, dddddddddd                mod-11 check digit       required  0.9
 *  ca-sin                ddd-ddd-ddd, ddd ddd ddd, ddddddddd     Luhn, not 0/8 first      required  0.9
 *  au-tfn                ddd ddd ddd, ddd ddd dd, compact        weighted mod-11          required  0.9
 *  br-cpf                ddd.ddd.ddd-dd                          two mod-11 digits        optional  0.9 (+0.05)
 *  br-cpf-compact        ddddddddddd                             two mod-11 digits        required  0.9
 *  pl-pesel              ddddddddddd                             birth date, weighted     required  0.9
 *  nl-bsn                ddddddddd, dddd.dd.ddd                  11-proof                 required  0.9
 *  se-personnummer       yyyymmdd-nnnn, yymmdd-nnnn (+)          date, Luhn               optional for the 12-digit form (0.8 +0.15), else required
 *  fi-hetu               ddmmyy-nnnC (+, A–F, U–Y)               date, mod-31 character   optional  0.9 (+0.05)
 *  sg-nric               S1234567D (S, T, F, G, M)               weighted check letter    optional  0.85 (+0.1)
 *  kr-rrn                yymmdd-snnnnnn                          date, mod-11             optional  0.85 (+0.1)
 *  cn-resident-id        17 digits + 0–9/X                       date, ISO 7064 MOD 11-2  optional  0.8 (+0.15)
 *
 * Labelled document numbers (driver's licence, passport, identity card): see `detectLabelledDocuments`.
 *
 * Required-context words: ssn / social security; itin / taxpayer; nhs; sin / social insurance / nas; tfn / tax; steuer-id, steueridentifikationsnummer, idnr, tin, tax; aadhaar,
 * uid. Lower case is accepted for compact NINOs/NIEs, codici fiscali and DNI letters (not after a space).
 * Scores are capped at 0.95.
 *
 * A failed checksum never produces a finding. The US sample SSN 078-05-1120 (the Woolworth wallet card) and
 * similar published numbers pass the structural rules and ARE reported: the detector cannot tell a voided
 * number from a live one, and redacting a sample costs nothing. HMRC's specimen NINO QQ 12 34 56 C is NOT
 * reported: the Q prefix is never allocated.
 *
 * Scanning: every pattern is one global regex of bounded length (no nested quantifiers) with short
 * lookarounds, so each scan is linear. The digits are profiled first (one regex scan, see text-scan.ts): a
 * pattern is not scanned at all when the text holds fewer digits than a match needs (none at all: nothing is done). A
 * candidate glued to a word, to '+', or continuing a number (`1 078-05-1120`, `078-05-1120-7`, `…1120.5`) is
 * rejected.
 *
 * Context: among the three words before the candidate, the nearest pattern word (e.g. ssn, nino, steuer, nir,
 * dni, codice, aadhaar, pan) adds the pattern's boost; for SSN, Steuer-ID, NIR, DNI, Aadhaar and PAN an
 * identifier word (order, invoice, phone, sku, tracking, ...) subtracts 0.4. Patterns that need context are
 * dropped unless the nearest such word is a pattern word; for those the word is recorded with the whole score
 * as its effect.
 */

import type { Detector, Finding } from '../finding';
import {
  isValidDeSteuerId,
  isValidEsDni,
  isValidEsNie,
  isValidFrNir,
  isValidInAadhaar,
  isValidInPan,
  isValidItCodiceFiscale,
  isValidUkNino,
  isValidAuTfn,
  isValidCaSin,
  isValidUkNhs,
  isValidUsItin,
  isValidUsSsn,
  isValidBrCpf,
  isValidCnResidentId,
  isValidFiHetu,
  isValidKrRrn,
  isValidNlBsn,
  isValidPlPesel,
  isValidSePersonnummer,
  isValidSgNric,
} from '../validators/national-id-checksums';
import { digitProfile } from './text-scan';
import { defineKeywordHint, hasKeywordHint, type KeywordHint } from './keyword-hints';

const IDENTIFIER_EFFECT = -0.4;
const MAX_SCORE = 0.95;
const CONTEXT_CHARS = 30;

const IDENTIFIER_WORDS = new Set([
  'order', 'orders', 'invoice', 'ticket', 'tracking', 'ref', 'reference', 'phone', 'tel', 'fax', 'mobile', 'call',
  'serial', 'sku', 'imei', 'iban', 'card', 'transaction', 'txn', 'case', 'bestellung', 'rechnung', 'commande',
  'facture', 'pedido', 'factura', 'timestamp',
]);

/** Left edge of a candidate that starts with a digit: not glued to a word, '+', a number, or a hyphenated word. */
const DL = String.raw`(?<![\p{L}\p{N}\p{M}_+]|\p{N}[\-.,/: \u00a0]|[\p{L}\p{N}_]-)`;
/** Left edge of a candidate that starts with a letter. */
const WL = String.raw`(?<![\p{L}\p{N}\p{M}_]|[\p{L}\p{N}_]-)`;
/** Right edge: not glued to a word, not continuing a number or a hyphenated word. */
const R = String.raw`(?![\p{L}\p{N}\p{M}_]|[\-.,/: \u00a0]\p{N}|-[\p{L}_])`;
const SP = String.raw`[ \u00a0]`;

const re = (body: string): RegExp => new RegExp(body, 'gu');

interface Variant {
  readonly pattern: string;
  /** Score without context. */
  readonly base: number;
  /** Added when a pattern word is the nearest context word. */
  readonly boost: number;
  readonly requireContext: boolean;
}

interface PatternSpec {
  readonly re: RegExp;
  /** Fewest ASCII digits a match can hold; the scan is skipped when the text holds fewer. */
  readonly minDigits: number;
  /** Longest run of consecutive ASCII digits every match holds; the scan is skipped when the text has none. */
  readonly minDigitRun: number;
  /**
   * Longest run of consecutive ASCII letters and digits every match holds. Every match holds a digit (the codice
   * fiscale's check rejects one without), so only runs that hold a digit count (see text-scan.ts).
   */
  readonly minAlnumRun: number;
  /**
   * Fewest digits in a chain of digit runs joined by single separators that every match is (see text-scan.ts), for
   * the patterns whose digits are joined only by '-', '.', '+' or spaces; 0 for the others (letters inside).
   */
  readonly minChain?: number;
  readonly words: ReadonlySet<string>;
  /** Lowered by identifier words (order, invoice, phone, sku, ...): patterns that look like other references. */
  readonly penalised: boolean;
  readonly validation: 'passed' | 'none';
  /**
   * Every match needs one of its words: the scan is skipped when the text holds none of the words of this regex
   * (GROUPED_GATE or COMPACT_GATE, each tested once per text, and only after the shared keyword hint).
   */
  readonly gate?: RegExp;
  /**
   * Every match has one of the shapes of SHAPES: the pattern's own regex, which tries its lookbehind at every
   * position, runs only on texts where that one plain scan (no lookarounds, no `u` flag: fast) found something.
   */
  readonly quick?: boolean;
  /** Every match has CPF_SHAPE (tested once per text). */
  readonly cpfShape?: boolean;
  /** Returns the variant for a validated match, or undefined to reject it. */
  check(m: RegExpMatchArray): Variant | undefined;
}

const SSN_WORDS = new Set(['ssn', 'ssns', 'social', 'security', 'ssa', 'itin', 'itins', 'taxpayer', 'tin', 'tax']);
const NINO_WORDS = new Set(['nino', 'nin', 'ni', 'insurance']);
const STEUER_WORDS = new Set([
  'steuer', 'steuerid', 'steueridentifikationsnummer', 'identifikationsnummer', 'idnr', 'steuernummer', 'steuerliche',
  'tin', 'tax', 'taxid',
]);
const NIR_WORDS = new Set(['nir', 'insee', 'sécurité', 'securite', 'sociale', 'sécu', 'secu', 'vitale']);
const ES_WORDS = new Set(['dni', 'nie', 'nif', 'documento', 'identidad', 'extranjero', 'extranjería', 'extranjeria']);
const CF_WORDS = new Set(['codice', 'fiscale', 'cf', 'tessera', 'sanitaria']);
const AADHAAR_WORDS = new Set(['aadhaar', 'aadhar', 'adhaar', 'uid', 'uidai', 'आधार']);
const PAN_WORDS = new Set(['pan', 'permanent', 'income', 'tax']);
const NHS_WORDS = new Set(['nhs']);
const SIN_WORDS = new Set(['sin', 'insurance', 'nas', 'sociale']);
const TFN_WORDS = new Set(['tfn', 'tax']);

/**
 * A number in three groups of digits, or compact: with a checksum only (1 in 10 or 11 random numbers passes), and
 * shaped like phone numbers and references, so these patterns always need their word before them.
 */
const CPF_WORDS = new Set(['cpf']);
const PESEL_WORDS = new Set(['pesel']);
const BSN_WORDS = new Set(['bsn', 'burgerservicenummer', 'sofinummer', 'sofi']);
const SE_WORDS = new Set(['personnummer', 'personnr', 'samordningsnummer', 'personal']);
const FI_WORDS = new Set(['henkilötunnus', 'hetu', 'henkilotunnus', 'personbeteckning']);
const SG_WORDS = new Set(['nric', 'fin', 'ic']);
const KR_WORDS = new Set(['rrn', 'resident', 'registration', '주민등록번호']);
const CN_WORDS = new Set(['resident', 'identity', 'id', '身份证', '身份证号']);
const wordsRegex = (words: readonly string[]): RegExp => new RegExp(`(?<![\\p{L}\\p{M}])(?:${words.join('|')})(?![\\p{L}\\p{M}])`, 'iu');
/** Two gates, so that a frequent word of one ("tax") does not open the other's scans. */
const GROUPED_GATE_WORDS = [...NHS_WORDS, ...SIN_WORDS, ...TFN_WORDS];
const COMPACT_GATE_WORDS = [...CPF_WORDS, ...PESEL_WORDS, ...BSN_WORDS];
const GROUPED_GATE = wordsRegex(GROUPED_GATE_WORDS);
const COMPACT_GATE = wordsRegex(COMPACT_GATE_WORDS);
/**
 * The shapes of the personnummer, henkilötunnus, NRIC and RRN patterns (each needs six digits in a row, so this
 * plain scan runs only on texts with such a run), and of the CPF.
 */
const SHAPES = /\d{6}[-+A-FU-Y]\d{3}|[STFGM]\d{7}[A-Z]/;
const CPF_SHAPE = /\d{3}\.\d{3}\.\d{3}-\d{2}/;
/** Every word of COMPACT_GATE holds one of these (a plain test before the word regex). */
const COMPACT_GATE_HINT = /cpf|pesel|bsn|sofi|burgerservice/i;
/** Their prefilter: a text without one of the words anywhere (as a part of a word too) needs no gate test. */
const WORD_GATED_HINT = defineKeywordHint('national-id-words', [...GROUPED_GATE_WORDS, ...COMPACT_GATE_WORDS]);

function groupedDigits(groups: readonly [number, number, string], words: ReadonlySet<string>, pattern: string, valid: (digits: string) => boolean): PatternSpec {
  const [a, b, c] = groups;
  const min = a + b + Number(c.split(',')[0]);
  return {
    re: re(String.raw`${DL}(\d{${a}})([\- \u00a0]?)(\d{${b}})\2(\d{${c}})${R}`),
    minDigits: min,
    minDigitRun: Math.min(a, b),
    minAlnumRun: Math.min(a, b),
    minChain: min,
    words,
    penalised: true,
    validation: 'passed',
    gate: GROUPED_GATE,
    check(m) {
      if (!valid(`${m[1]}${m[3]}${m[4]}`)) return undefined;
      return { pattern, base: 0.7, boost: 0.2, requireContext: true };
    },
  };
}

const isUpperOrLower = (s: string): boolean => s === s.toUpperCase() || s === s.toLowerCase();

const SPECS: readonly PatternSpec[] = [
  groupedDigits([3, 3, '4'], NHS_WORDS, 'uk-nhs', isValidUkNhs),
  groupedDigits([3, 3, '3'], SIN_WORDS, 'ca-sin', isValidCaSin),
  groupedDigits([3, 3, '2,3'], TFN_WORDS, 'au-tfn', isValidAuTfn),
  {
    // ddd-dd-dddd, or ddddddddd / ddd dd dddd / ddd.dd.dddd with context.
    re: re(String.raw`${DL}(\d{3})([\-. \u00a0]?)(\d{2})\2(\d{4})${R}`),
    minDigits: 9,
    minDigitRun: 4,
    minAlnumRun: 4,
    minChain: 9,
    words: SSN_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      const digits = `${m[1]}${m[3]}${m[4]}`;
      if (isValidUsItin(digits)) {
        return m[2] === '-'
          ? { pattern: 'us-itin', base: 0.8, boost: 0.15, requireContext: false }
          : { pattern: 'us-itin-unformatted', base: 0.7, boost: 0.15, requireContext: true };
      }
      if (!isValidUsSsn(digits)) return undefined;
      return m[2] === '-'
        ? { pattern: 'us-ssn', base: 0.85, boost: 0.1, requireContext: false }
        : { pattern: 'us-ssn-unformatted', base: 0.7, boost: 0.15, requireContext: true };
    },
  },
  {
    re: re(String.raw`${WL}([A-Za-z]{2})${SP}?(\d{2})${SP}?(\d{2})${SP}?(\d{2})${SP}?([A-Da-d])${R}`),
    minDigits: 6,
    minDigitRun: 2,
    minAlnumRun: 2,
    words: NINO_WORDS,
    penalised: false,
    validation: 'passed',
    check(m) {
      const spaced = m[0].length > 9;
      // Lower case only in the compact form: "at 12 34 56 a" is prose.
      if (m[0] !== m[0].toUpperCase() && (spaced || m[0] !== m[0].toLowerCase())) return undefined;
      if (!isValidUkNino(`${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}`.toUpperCase())) return undefined;
      return { pattern: 'uk-nino', base: spaced ? 0.85 : 0.75, boost: 0.1, requireContext: false };
    },
  },
  {
    // dd ddd ddd ddd, or 11 digits with context.
    re: re(String.raw`${DL}([1-9]\d)(${SP}?)(\d{3})\2(\d{3})\2(\d{3})${R}`),
    minDigits: 11,
    minDigitRun: 3,
    minAlnumRun: 3,
    minChain: 11,
    words: STEUER_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      if (!isValidDeSteuerId(`${m[1]}${m[3]}${m[4]}${m[5]}`)) return undefined;
      return m[2] !== ''
        ? { pattern: 'de-steuer-id', base: 0.9, boost: 0.05, requireContext: false }
        : { pattern: 'de-steuer-id-compact', base: 0.7, boost: 0.2, requireContext: true };
    },
  },
  {
    // s yy mm dd ccc ooo kk — one separator kind for the body, the key may stand apart.
    re: re(String.raw`${DL}([1-478])(${SP}?)(\d{2})\2(\d{2})\2(\d{2}|2[ABab])\2(\d{3})\2(\d{3})${SP}?(\d{2})${R}`),
    minDigits: 13,
    minDigitRun: 2,
    minAlnumRun: 2,
    words: NIR_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      if (!isValidFrNir(`${m[1]}${m[3]}${m[4]}${m[5]}${m[6]}${m[7]}${m[8]}`)) return undefined;
      const spaced = m[0].length > 15;
      return spaced
        ? { pattern: 'fr-nir', base: 0.9, boost: 0.05, requireContext: false }
        : { pattern: 'fr-nir', base: 0.65, boost: 0.25, requireContext: false };
    },
  },
  {
    re: re(String.raw`${DL}(\d{8})([\- \u00a0]?)([A-Za-z])${R}`),
    minDigits: 8,
    minDigitRun: 8,
    minAlnumRun: 8,
    words: ES_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      // "12345678 a" is more likely prose than a DNI: after a space the letter must be upper case.
      if (m[2] !== '' && m[2] !== '-' && m[3] !== m[3]?.toUpperCase()) return undefined;
      if (!isValidEsDni(`${m[1]}${m[3]}`.toUpperCase())) return undefined;
      return { pattern: 'es-dni', base: 0.85, boost: 0.1, requireContext: false };
    },
  },
  {
    re: re(String.raw`${WL}([XYZxyz])[\- ]?(\d{7})[\- \u00a0]?([A-Za-z])${R}`),
    minDigits: 7,
    minDigitRun: 7,
    minAlnumRun: 7,
    words: ES_WORDS,
    penalised: false,
    validation: 'passed',
    check(m) {
      const letters = `${m[1]}${m[3]}`;
      if (letters !== letters.toUpperCase() && (letters !== letters.toLowerCase() || /[ \u00a0]/.test(m[0]))) return undefined;
      if (!isValidEsNie(`${m[1]}${m[2]}${m[3]}`.toUpperCase())) return undefined;
      return { pattern: 'es-nie', base: 0.85, boost: 0.1, requireContext: false };
    },
  },
  {
    // 16 characters; at least one digit is required (a fully omocodic code is indistinguishable from a word).
    re: re(String.raw`${WL}[A-Za-z]{6}[0-9A-Za-z]{2}[A-Za-z][0-9A-Za-z]{2}[A-Za-z][0-9A-Za-z]{3}[A-Za-z]${R}`),
    minDigits: 1,
    minDigitRun: 1,
    minAlnumRun: 16,
    words: CF_WORDS,
    penalised: false,
    validation: 'passed',
    check(m) {
      const v = m[0];
      if (!/\d/.test(v) || !isUpperOrLower(v) || !isValidItCodiceFiscale(v.toUpperCase())) return undefined;
      return { pattern: 'it-codice-fiscale', base: 0.9, boost: 0.05, requireContext: false };
    },
  },
  {
    // dddd dddd dddd / dddd-dddd-dddd, or 12 digits with context.
    re: re(String.raw`${DL}([2-9]\d{3})([\- \u00a0]?)(\d{4})\2(\d{4})${R}`),
    minDigits: 12,
    minDigitRun: 4,
    minAlnumRun: 4,
    minChain: 12,
    words: AADHAAR_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      if (!isValidInAadhaar(`${m[1]}${m[3]}${m[4]}`)) return undefined;
      return m[2] !== ''
        ? { pattern: 'in-aadhaar', base: 0.8, boost: 0.15, requireContext: false }
        : { pattern: 'in-aadhaar-compact', base: 0.7, boost: 0.2, requireContext: true };
    },
  },
  {
    // ddd.ddd.ddd-dd
    re: re(String.raw`${DL}(\d{3})\.(\d{3})\.(\d{3})-(\d{2})${R}`),
    cpfShape: true,
    minDigits: 11,
    minDigitRun: 3,
    minAlnumRun: 3,
    minChain: 11,
    words: CPF_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      return isValidBrCpf(`${m[1]}${m[2]}${m[3]}${m[4]}`) ? { pattern: 'br-cpf', base: 0.9, boost: 0.05, requireContext: false } : undefined;
    },
  },
  {
    // 11 digits after "CPF"
    re: re(String.raw`${DL}(\d{11})${R}`),
    minDigits: 11,
    minDigitRun: 11,
    minAlnumRun: 11,
    minChain: 11,
    words: CPF_WORDS,
    penalised: true,
    validation: 'passed',
    gate: COMPACT_GATE,
    check(m) {
      return isValidBrCpf(m[1]!) ? { pattern: 'br-cpf-compact', base: 0.7, boost: 0.2, requireContext: true } : undefined;
    },
  },
  {
    re: re(String.raw`${DL}(\d{11})${R}`),
    minDigits: 11,
    minDigitRun: 11,
    minAlnumRun: 11,
    minChain: 11,
    words: PESEL_WORDS,
    penalised: true,
    validation: 'passed',
    gate: COMPACT_GATE,
    check(m) {
      return isValidPlPesel(m[1]!) ? { pattern: 'pl-pesel', base: 0.7, boost: 0.2, requireContext: true } : undefined;
    },
  },
  {
    re: re(String.raw`${DL}(\d{4})(\.?)(\d{2})\2(\d{3})${R}`),
    minDigits: 9,
    minDigitRun: 4,
    minAlnumRun: 4,
    minChain: 9,
    words: BSN_WORDS,
    penalised: true,
    validation: 'passed',
    gate: COMPACT_GATE,
    check(m) {
      return isValidNlBsn(`${m[1]}${m[3]}${m[4]}`) ? { pattern: 'nl-bsn', base: 0.7, boost: 0.2, requireContext: true } : undefined;
    },
  },
  {
    // yyyymmdd-nnnn (a date-shaped reference of 8 digits is rarer than one of 6), yymmdd-nnnn / yymmdd+nnnn with the word
    re: re(String.raw`${DL}(19|20)?(\d{6})([-+])(\d{4})${R}`),
    quick: true,
    minDigits: 10,
    minDigitRun: 6,
    minAlnumRun: 6,
    minChain: 10,
    words: SE_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      if (!isValidSePersonnummer(`${m[2]}${m[4]}`)) return undefined;
      return m[1] !== undefined
        ? { pattern: 'se-personnummer', base: 0.8, boost: 0.15, requireContext: false }
        : { pattern: 'se-personnummer', base: 0.7, boost: 0.2, requireContext: true };
    },
  },
  {
    re: re(String.raw`${DL}(\d{6}[-+A-FU-Y]\d{3}[0-9A-Y])${R}`),
    quick: true,
    minDigits: 9,
    minDigitRun: 6,
    minAlnumRun: 6,
    words: FI_WORDS,
    penalised: false,
    validation: 'passed',
    check(m) {
      return isValidFiHetu(m[1]!) ? { pattern: 'fi-hetu', base: 0.9, boost: 0.05, requireContext: false } : undefined;
    },
  },
  {
    re: re(String.raw`${WL}([STFGM]\d{7}[A-Z])${R}`),
    quick: true,
    minDigits: 7,
    minDigitRun: 7,
    minAlnumRun: 9,
    words: SG_WORDS,
    penalised: false,
    validation: 'passed',
    check(m) {
      return isValidSgNric(m[1]!) ? { pattern: 'sg-nric', base: 0.85, boost: 0.1, requireContext: false } : undefined;
    },
  },
  {
    re: re(String.raw`${DL}(\d{6})-(\d{7})${R}`),
    quick: true,
    minDigits: 13,
    minDigitRun: 7,
    minAlnumRun: 7,
    minChain: 13,
    words: KR_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      return isValidKrRrn(`${m[1]}${m[2]}`) ? { pattern: 'kr-rrn', base: 0.85, boost: 0.1, requireContext: false } : undefined;
    },
  },
  {
    re: re(String.raw`${DL}(\d{17}[0-9Xx])${R}`),
    minDigits: 17,
    minDigitRun: 17,
    minAlnumRun: 18,
    words: CN_WORDS,
    penalised: true,
    validation: 'passed',
    check(m) {
      return isValidCnResidentId(m[1]!.toUpperCase()) ? { pattern: 'cn-resident-id', base: 0.8, boost: 0.15, requireContext: false } : undefined;
    },
  },
  {
    re: re(String.raw`${WL}[A-Z]{5}\d{4}[A-Z]${R}`),
    minDigits: 4,
    minDigitRun: 4,
    minAlnumRun: 10,
    words: PAN_WORDS,
    penalised: true,
    validation: 'none',
    check(m) {
      if (!isValidInPan(m[0])) return undefined;
      return { pattern: 'in-pan', base: 0.75, boost: 0.15, requireContext: false };
    },
  },
];

/**
 * The specs, every one with the same fields in the same order: the scan loop reads them all, and objects of one
 * shape keep its property reads monomorphic (the literals above differ in their optional fields).
 */
const PATTERNS: readonly PatternSpec[] = SPECS.map((spec) => ({
  re: spec.re,
  minDigits: spec.minDigits,
  minDigitRun: spec.minDigitRun,
  minAlnumRun: spec.minAlnumRun,
  minChain: spec.minChain ?? 0,
  words: spec.words,
  penalised: spec.penalised,
  validation: spec.validation,
  gate: spec.gate,
  quick: spec.quick ?? false,
  cpfShape: spec.cpfShape ?? false,
  check: spec.check,
}));

/** The last `max` words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const matches = [...text.slice(from, start).matchAll(/[\p{L}\p{M}]+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /[\p{L}\p{M}]/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

/**
 * Document numbers that have no format of their own to check, so only a value right after the document's label is
 * taken:
 *  - `driver-license`: "driver's license number is A1234567", "Driving licence no. LH329609T",
 *    "Führerscheinnummer: B072RRE2I55", "permis de conduire n° 123456789012" (US states use 1-2 letters and 4-14
 *    digits, 7-9 digits, ...): 5-20 letters and digits, at least four digits;
 *  - `passport`: "passport number is 533380006", "Passport No: X1234567", "Reisepassnummer C01X00T47", "numéro de
 *    passeport 12AB34567", "pasaporte: PAA123456": 6-12 letters and digits, at least five digits;
 *  - `id-card`: "ID card number T22000129", "Personalausweisnummer L01X00T47", "carte d'identité n° 880692310285":
 *    6-14 letters and digits, at least five digits;
 *  - `license-plate`: a vehicle's registration, which names its keeper: "license plate ABC-1234", "number plate
 *    AB12 CDE", "Kennzeichen M-AB 1234", "plaque d'immatriculation AB-123-CD", "matrícula 1234 BCD": 4-10 capitals
 *    and digits in up to four groups separated by spaces or hyphens, at least one of each.
 * The value may be hyphen-separated groups, or digit groups separated by spaces ("533 380 006"; not "Office 12345").
 * Bounded quantifiers only: linear.
 */
interface LabelledDocument {
  readonly pattern: string;
  readonly label: RegExp;
  readonly hint: KeywordHint;
  readonly minLength: number;
  readonly maxLength: number;
  readonly minDigits: number;
  /** The value after the label, when not DOCUMENT_VALUE's (its group 1 is the value). */
  readonly value?: RegExp;
  /** Letters the value needs (default none). */
  readonly minLetters?: number;
}

const B = String.raw`(?<![\p{L}\p{N}_])`;
/** One prefilter for driving licences and licence plates (the keyword hints are few: one 32-bit mask). */
const LICENCE_OR_PLATE_HINT = defineKeywordHint('licence-or-plate', [
  'licence', 'license', 'führerschein', 'fuhrerschein', 'permis de', 'de conduc', 'plate', 'kennzeichen', 'nummernschild',
  'immatricul', 'placa', 'matrícula', 'matricula', 'targa',
]);
/** One prefilter for passports and identity cards (the keyword hints are few: one 32-bit mask). */
const IDENTITY_DOCUMENT_HINT = defineKeywordHint('identity-document', [
  'passport', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort', 'pass-nr', 'passnr', 'passnummer',
  'pass-nummer', 'card', 'personalausweis', "d'identit", 'd’identit', 'nacional de identidad',
]);
const LABELLED_DOCUMENTS: readonly LabelledDocument[] = [
  {
    pattern: 'driver-license',
    label: new RegExp(String.raw`${B}(?:driver['’]?s?|driving|drivers)[ \t\u00a0-]{0,2}licen[cs]e|${B}f[üu]hrerschein|${B}permis de conduire|${B}(?:licencia|carn[eé]t?) de conduc(?:ir|ción|cion)`, 'giu'),
    hint: LICENCE_OR_PLATE_HINT,
    minLength: 5,
    maxLength: 20,
    minDigits: 4,
  },
  {
    pattern: 'license-plate',
    label: new RegExp(
      String.raw`${B}(?:licen[cs]e|number|registration|reg\.?|tag)[ \t\u00a0-]{0,2}plates?(?:[ \t\u00a0]{0,2}(?:number|no\.?|#))?|${B}plate[ \t\u00a0]{0,2}(?:number|no\.?|#)|` +
        String.raw`${B}(?:kfz-?)?kennzeichen|${B}nummernschild|${B}(?:plaque d['’]|num[ée]ro d['’])?immatriculation|${B}(?:placa|matr[ií]cula)(?: del? (?:coche|veh[ií]culo))?|${B}targa`,
      'giu',
    ),
    hint: LICENCE_OR_PLATE_HINT,
    value: /^(?:[ \t\u00a0]{0,3}(?:is|was|ist|est|es|:|=|#|-))?[ \t\u00a0:]{0,3}["'“(]?([A-Z0-9]{1,7}(?:[ -][A-Z0-9]{1,7}){0,3})(?![\p{L}\p{N}_]|[.,/:-][\p{L}\p{N}])/u,
    minLength: 4,
    maxLength: 10,
    minDigits: 1,
    minLetters: 1,
  },
  {
    pattern: 'passport',
    label: new RegExp(String.raw`${B}(?:passport|reisepass|passeport|pasaporte|passaporto|paspoort)(?:[ \t\u00a0-]?(?:nummer|nr\.?|no\.?))?|${B}pass-?(?:nr\.?|nummer)|${B}(?:numéro|numero|número|n[°º]) de (?:passeport|pasaporte)`, 'giu'),
    hint: IDENTITY_DOCUMENT_HINT,
    minLength: 6,
    maxLength: 12,
    minDigits: 5,
  },
  {
    pattern: 'id-card',
    label: new RegExp(String.raw`${B}(?:national[ \t\u00a0]+)?(?:id|identity)[ \t\u00a0-]?card|${B}personalausweis(?:[ \t\u00a0-]?(?:nummer|nr\.?))?|${B}carte (?:nationale )?d['’]identit[ée]|${B}documento nacional de identidad|${B}carta d['’]identit[àa]`, 'giu'),
    hint: IDENTITY_DOCUMENT_HINT,
    minLength: 6,
    maxLength: 14,
    minDigits: 5,
  },
];
/** After the label: an optional "number/no./#/id" word, an optional "is/:/=", then the value. */
const DOCUMENT_VALUE =
  /^(?:[ \t\u00a0]{0,3}(?:-?nummer|-?nr\.?|number|num\.?|no\.?|nº|n°|#|id|numéro|numero|número))?(?:[ \t\u00a0]{0,3}(?:is|was|ist|est|es|:|=|#|-))?[ \t\u00a0:]{0,3}["'“(]?([0-9]{1,20}(?: [0-9]{2,8}){1,3}|[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,3})(?![\p{L}\p{N}_]|[.,/:-][\p{L}\p{N}])/u;

function detectLabelledDocuments(text: string, out: Finding[]): void {
  for (const doc of LABELLED_DOCUMENTS) {
    if (!hasKeywordHint(text, doc.hint)) continue;
    const label = doc.label;
    label.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = label.exec(text)) !== null) {
      const after = m.index + m[0].length;
      const v = (doc.value ?? DOCUMENT_VALUE).exec(text.slice(after, after + 64));
      const value = v?.[1];
      if (v === null || value === undefined) continue;
      const compact = value.replace(/[- ]/g, '');
      let digits = 0;
      for (let i = 0; i < compact.length; i++) if (compact.charCodeAt(i) >= 0x30 && compact.charCodeAt(i) <= 0x39) digits++;
      if (compact.length < doc.minLength || compact.length > doc.maxLength || digits < doc.minDigits) continue;
      if (compact.length - digits < (doc.minLetters ?? 0)) continue;
      const start = after + v.index + v[0].length - value.length;
      const word = m[0].toLowerCase().replace(/\s+/g, ' ');
      out.push({
        start,
        end: start + value.length,
        type: 'NATIONAL_ID',
        score: 0.85,
        detector: 'national-id',
        explanation: { pattern: doc.pattern, validation: 'none', context: [{ word, effect: 0.85 }] },
      });
    }
  }
}

export const nationalIdDetector: Detector = {
  id: 'national-id',
  version: '1',
  types: ['NATIONAL_ID'],
  detect(text) {
    const stats = digitProfile(text);
    if (stats.digits === 0) return [];
    const out: Finding[] = [];
    detectLabelledDocuments(text, out);
    let groupedOpen: boolean | undefined;
    let compactOpen: boolean | undefined;
    let shaped: boolean | undefined;
    let cpfShaped: boolean | undefined;
    for (const spec of PATTERNS) {
      if (stats.digits < spec.minDigits || stats.digitRun < spec.minDigitRun || stats.alnumRun < spec.minAlnumRun || stats.digitChain < spec.minChain!) continue;
      if (spec.gate === GROUPED_GATE && !(groupedOpen ??= hasKeywordHint(text, WORD_GATED_HINT) && GROUPED_GATE.test(text))) continue;
      if (spec.gate === COMPACT_GATE && !(compactOpen ??= hasKeywordHint(text, WORD_GATED_HINT) && COMPACT_GATE_HINT.test(text) && COMPACT_GATE.test(text))) continue;
      if (spec.quick && !(shaped ??= SHAPES.test(text))) continue;
      if (spec.cpfShape && !(cpfShaped ??= CPF_SHAPE.test(text))) continue;
      // exec, not matchAll: matchAll clones the regex on every call.
      const reG = spec.re;
      reG.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = reG.exec(text)) !== null) {
        const variant = spec.check(m);
        if (variant === undefined) continue;
        const words = wordsBefore(text, m.index, 3);
        let context: { word: string; effect: number } | undefined;
        for (let i = words.length - 1; i >= 0 && context === undefined; i--) {
          const w = words[i] ?? '';
          if (spec.words.has(w)) context = { word: w, effect: variant.boost };
          else if (spec.penalised && IDENTIFIER_WORDS.has(w)) context = { word: w, effect: IDENTIFIER_EFFECT };
        }
        if (variant.requireContext && (context === undefined || context.effect <= 0)) continue;
        const score = Math.round(Math.max(0.01, Math.min(MAX_SCORE, variant.base + (context?.effect ?? 0))) * 100) / 100;
        // A word that makes the finding possible at all is recorded with the whole score as its effect.
        if (variant.requireContext && context !== undefined) context = { word: context.word, effect: score };
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          type: 'NATIONAL_ID',
          score,
          detector: 'national-id',
          explanation: { pattern: variant.pattern, validation: spec.validation, context: context === undefined ? [] : [context] },
        });
      }
    }
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    return out;
  },
};
