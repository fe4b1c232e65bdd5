/**
 * The NATIONAL_ID detector's patterns (see ../national-id.ts for the table of patterns, validations and scores):
 * each pattern's regex, the digit-profile bounds and gates that let a text skip its scan, and its check, which
 * validates a match and picks its variant (pattern name, base score, context boost, whether its word is required).
 */
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
} from '../../validators/national-id-checksums';
import { defineKeywordHint } from '../keyword-hints';

/** Left edge of a candidate that starts with a digit: not glued to a word, '+', a number, or a hyphenated word. */
const DL = String.raw`(?<![\p{L}\p{N}\p{M}_+]|\p{N}[\-.,/: \u00a0]|[\p{L}\p{N}_]-)`;
/** Left edge of a candidate that starts with a letter. */
const WL = String.raw`(?<![\p{L}\p{N}\p{M}_]|[\p{L}\p{N}_]-)`;
/** Right edge: not glued to a word, not continuing a number or a hyphenated word. */
const R = String.raw`(?![\p{L}\p{N}\p{M}_]|[\-.,/: \u00a0]\p{N}|-[\p{L}_])`;
const SP = String.raw`[ \u00a0]`;

const re = (body: string): RegExp => new RegExp(body, 'gu');

export interface Variant {
  readonly pattern: string;
  /** Score without context. */
  readonly base: number;
  /** Added when a pattern word is the nearest context word. */
  readonly boost: number;
  readonly requireContext: boolean;
}

export interface PatternSpec {
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
export const GROUPED_GATE = wordsRegex(GROUPED_GATE_WORDS);
export const COMPACT_GATE = wordsRegex(COMPACT_GATE_WORDS);
/**
 * The shapes of the personnummer, henkilötunnus, NRIC and RRN patterns (each needs six digits in a row, so this
 * plain scan runs only on texts with such a run), and of the CPF.
 */
export const SHAPES = /\d{6}[-+A-FU-Y]\d{3}|[STFGM]\d{7}[A-Z]/;
export const CPF_SHAPE = /\d{3}\.\d{3}\.\d{3}-\d{2}/;
/** Every word of COMPACT_GATE holds one of these (a plain test before the word regex). */
export const COMPACT_GATE_HINT = /cpf|pesel|bsn|sofi|burgerservice/i;
/** Their prefilter: a text without one of the words anywhere (as a part of a word too) needs no gate test. */
export const WORD_GATED_HINT = defineKeywordHint('national-id-words', [...GROUPED_GATE_WORDS, ...COMPACT_GATE_WORDS]);

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
/** A spec as the scan reads it: its optional bounds and prefilters filled in. */
export type ScannedSpec = PatternSpec & { readonly minChain: number; readonly quick: boolean; readonly cpfShape: boolean };

export const PATTERNS: readonly ScannedSpec[] = SPECS.map((spec) => ({
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
