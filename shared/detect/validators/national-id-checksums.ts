/**
 * Pure validators for the NATIONAL_ID detector (and the Luhn check shared with CREDIT_CARD and IMEI).
 *
 * Every function takes the identifier in a normalised form — separators removed — and returns a boolean;
 * none of them throws, allocates much, or looks at anything but its argument. Each one documents the exact
 * input it expects. Inputs of the wrong shape (length, alphabet) simply return false.
 */

function isAsciiDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Luhn (mod 10) check over a string of ASCII digits, check digit last. */
export function luhnValid(digits: string): boolean {
  if (!isAsciiDigits(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * US Social Security Number, 9 digits. Area (first 3) not 000, 666 or 900–999; group (next 2) not 00;
 * serial (last 4) not 0000. Publicly known sample numbers such as 078-05-1120 pass (see national-id.ts).
 */
export function isValidUsSsn(digits: string): boolean {
  if (digits.length !== 9 || !isAsciiDigits(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area.charCodeAt(0) === 0x39) return false;
  if (digits.slice(3, 5) === '00') return false;
  if (digits.slice(5) === '0000') return false;
  return true;
}

/**
 * US Individual Taxpayer Identification Number (IRS): nine digits starting with 9, the fourth and fifth digits in
 * 50–65, 70–88, 90–92 or 94–99 (the ranges an ITIN is issued in; an SSN never starts with 9).
 */
export function isValidUsItin(digits: string): boolean {
  if (digits.length !== 9 || !isAsciiDigits(digits) || digits.charCodeAt(0) !== 0x39) return false;
  const group = Number(digits.slice(3, 5));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
}

/**
 * UK NHS number (also used in Wales and the Isle of Man): ten digits, the last a mod-11 check digit over the first
 * nine weighted 10 down to 2 (11 - remainder; 11 means 0, 10 is never issued).
 */
export function isValidUkNhs(digits: string): boolean {
  if (digits.length !== 10 || !isAsciiDigits(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48;
}

/** Canadian Social Insurance Number: nine digits, Luhn-valid; none starts with 0 or 8. */
export function isValidCaSin(digits: string): boolean {
  if (digits.length !== 9 || !isAsciiDigits(digits)) return false;
  const first = digits.charCodeAt(0);
  return first !== 0x30 && first !== 0x38 && luhnValid(digits);
}

const TFN_WEIGHTS_9 = [1, 4, 3, 7, 5, 8, 6, 9, 10];
const TFN_WEIGHTS_8 = [10, 7, 8, 4, 6, 3, 5, 1];

/** Australian Tax File Number: eight or nine digits whose weighted sum is a multiple of 11. */
export function isValidAuTfn(digits: string): boolean {
  const weights = digits.length === 9 ? TFN_WEIGHTS_9 : digits.length === 8 ? TFN_WEIGHTS_8 : null;
  if (weights === null || !isAsciiDigits(digits) || /^(\d)\1*$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return sum % 11 === 0;
}

const NINO_FIRST_EXCLUDED = 'DFIQUV';
const NINO_SECOND_EXCLUDED = 'DFIOQUV';
const NINO_PREFIX_EXCLUDED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * UK National Insurance number, upper case, no spaces: two prefix letters, six digits, suffix A–D.
 * HMRC rules: the first letter is not D, F, I, Q, U or V; the second is not D, F, I, O, Q, U or V; the
 * prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated. (So HMRC's specimen QQ 12 34 56 C fails.)
 */
export function isValidUkNino(nino: string): boolean {
  if (!/^[A-Z]{2}\d{6}[A-D]$/.test(nino)) return false;
  const a = nino.charAt(0);
  const b = nino.charAt(1);
  if (NINO_FIRST_EXCLUDED.includes(a) || NINO_SECOND_EXCLUDED.includes(b)) return false;
  return !NINO_PREFIX_EXCLUDED.has(a + b);
}

/**
 * German tax identification number (Steuerliche Identifikationsnummer), 11 digits, no spaces.
 * The first digit is not 0. Among the first ten digits exactly one digit occurs more than once, at most
 * three times, and a digit occurring three times must not occupy three consecutive positions. The last digit
 * is the ISO 7064 MOD 11,10 check digit over the first ten.
 */
export function isValidDeSteuerId(digits: string): boolean {
  if (digits.length !== 11 || !isAsciiDigits(digits) || digits.charCodeAt(0) === 0x30) return false;
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < 10; i++) {
    const d = digits.charCodeAt(i) - 0x30;
    counts[d] = (counts[d] ?? 0) + 1;
  }
  let repeated = -1;
  for (let d = 0; d < 10; d++) {
    const n = counts[d] ?? 0;
    if (n > 3) return false;
    if (n > 1) {
      if (repeated !== -1) return false;
      repeated = d;
    }
  }
  if (repeated === -1) return false;
  if (counts[repeated] === 3) {
    const r = String(repeated);
    if (digits.slice(0, 10).includes(r + r + r)) return false;
  }
  return iso7064Mod11_10(digits.slice(0, 10)) === digits.charCodeAt(10) - 0x30;
}

/** ISO 7064 MOD 11,10 check digit of a string of ASCII digits. */
export function iso7064Mod11_10(digits: string): number {
  let product = 10;
  for (let i = 0; i < digits.length; i++) {
    let sum = (digits.charCodeAt(i) - 0x30 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

/**
 * French social security number (NIR / numéro INSEE), 15 characters, no spaces: sex (1, 2, or 3, 4, 7, 8
 * for provisional numbers), year (2), month (01–12, 20–42 or 50–99 for unknown months), department (2 digits,
 * or 2A / 2B for Corsica), commune (3), order (3), key (2). The key is 97 − (n mod 97) where n is the first
 * 13 characters read as a number, with 2A read as 19 and 2B as 18.
 */
export function isValidFrNir(nir: string): boolean {
  if (nir.length !== 15) return false;
  const upper = nir.toUpperCase();
  let body = upper.slice(0, 13);
  const dept = body.slice(5, 7);
  if (dept === '2A') body = body.slice(0, 5) + '19' + body.slice(7);
  else if (dept === '2B') body = body.slice(0, 5) + '18' + body.slice(7);
  const key = upper.slice(13);
  if (!isAsciiDigits(body) || !isAsciiDigits(key)) return false;
  if (!'123478'.includes(body.charAt(0))) return false;
  const month = Number(body.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  // 13 digits < 2^53, so the arithmetic is exact.
  return 97 - (Number(body) % 97) === Number(key);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI: 8 digits and the control letter DNI_LETTERS[n mod 23], upper case, no separator. */
export function isValidEsDni(dni: string): boolean {
  if (!/^\d{8}[A-Z]$/.test(dni)) return false;
  return DNI_LETTERS.charAt(Number(dni.slice(0, 8)) % 23) === dni.charAt(8);
}

/** Spanish NIE: X, Y or Z (read as 0, 1, 2), 7 digits and the DNI control letter; upper case, no separator. */
export function isValidEsNie(nie: string): boolean {
  if (!/^[XYZ]\d{7}[A-Z]$/.test(nie)) return false;
  const lead = 'XYZ'.indexOf(nie.charAt(0));
  return DNI_LETTERS.charAt(Number(String(lead) + nie.slice(1, 8)) % 23) === nie.charAt(8);
}

/** Values of characters in odd (1st, 3rd, ...) positions of a codice fiscale, indexed by digit or letter. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** Letters that replace digits in omocodia, in digit order (L = 0 ... V = 9). */
const CF_OMOCODIA = 'LMNPQRSTUV';
const CF_MONTHS = 'ABCDEHLMPRST';
/** 0-based positions that hold digits in an ordinary code and may hold omocodia letters. */
const CF_DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

/**
 * Italian codice fiscale for a person, 16 characters, upper case: surname (3 letters), name (3), year (2),
 * month letter (ABCDEHLMPRST), day (2; +40 for women), place code (letter + 3), check letter. Digits may be
 * replaced by omocodia letters (L–V). The check letter is the sum of the odd-position and even-position
 * values of the first 15 characters, mod 26.
 */
export function isValidItCodiceFiscale(cf: string): boolean {
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(cf)) return false;
  if (!CF_MONTHS.includes(cf.charAt(8))) return false;
  const decoded = cf.split('');
  for (const p of CF_DIGIT_POSITIONS) {
    const k = CF_OMOCODIA.indexOf(decoded[p] ?? '');
    if (k !== -1) decoded[p] = String(k);
  }
  const day = Number((decoded[9] ?? '') + (decoded[10] ?? ''));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = cf.charCodeAt(i);
    const v = c <= 0x39 ? c - 0x30 : c - 0x41;
    sum += i % 2 === 0 ? (CF_ODD[v] ?? 0) : v;
  }
  return String.fromCharCode(0x41 + (sum % 26)) === cf.charAt(15);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff check over a string of ASCII digits, check digit last. */
export function verhoeffValid(digits: string): boolean {
  if (!isAsciiDigits(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 0x30;
    c = VERHOEFF_D[c]?.[VERHOEFF_P[i % 8]?.[d] ?? 0] ?? 0;
  }
  return c === 0;
}

/** Indian Aadhaar number: 12 digits, no spaces, first digit 2–9, Verhoeff check digit last. */
export function isValidInAadhaar(digits: string): boolean {
  if (digits.length !== 12 || !isAsciiDigits(digits)) return false;
  const first = digits.charCodeAt(0) - 0x30;
  return first >= 2 && verhoeffValid(digits);
}

/**
 * Indian PAN, upper case: five letters, four digits, one letter, where the fourth letter is the holder type
 * (P person, C company, H HUF, F firm, A AOP, T trust, B BOI, L local authority, J artificial juridical person,
 * G government). The last letter is a check character whose algorithm is not published, so it is not checked.
 */
export function isValidInPan(pan: string): boolean {
  return /^[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z]$/.test(pan);
}

const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** ISO 3779 transliteration of A–Z (I, O and Q are not used: -1). */
const VIN_LETTER_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, -1, 1, 2, 3, 4, 5, -1, 7, -1, 9, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Vehicle identification number, 17 capitals and digits: the North American check digit (position 9) is the
 * weighted sum of the transliterated characters mod 11, written 'X' for 10. (Used in North America and China;
 * European VINs need not carry one.)
 */
export function isValidVinCheckDigit(vin: string): boolean {
  if (vin.length !== 17) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin.charCodeAt(i);
    let v: number;
    if (c >= 0x30 && c <= 0x39) v = c - 0x30;
    else if (c >= 0x41 && c <= 0x5a) v = VIN_LETTER_VALUES[c - 0x41]!;
    else return false;
    if (v < 0) return false;
    sum += v * VIN_WEIGHTS[i]!;
  }
  const check = sum % 11;
  const at = vin.charCodeAt(8);
  return check === 10 ? at === 0x58 : at === 0x30 + check;
}

/** Whether yy/mm/dd (a two-digit year in any century) is a real calendar date. */
function isDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 0x30;

/** Brazilian CPF, 11 digits: two mod-11 check digits (weights 10..2, then 11..2); eleven equal digits are invalid. */
export function isValidBrCpf(digits: string): boolean {
  if (digits.length !== 11 || !isAsciiDigits(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += digitAt(digits, i) * (n + 1 - i);
    if (((sum * 10) % 11) % 10 !== digitAt(digits, n)) return false;
  }
  return true;
}

/**
 * Polish PESEL, 11 digits: a birth date (the month carries the century: +80 for the 1800s, +20 2000s, +40 2100s,
 * +60 2200s) and a check digit (weights 1, 3, 7, 9 repeated).
 */
export function isValidPlPesel(digits: string): boolean {
  if (digits.length !== 11 || !isAsciiDigits(digits)) return false;
  const yy = Number(digits.slice(0, 2));
  let mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  const century = [1900, 2000, 2100, 2200, 1800][Math.floor(mm / 20)];
  if (century === undefined) return false;
  mm %= 20;
  if (!isDate(century + yy, mm, dd)) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += digitAt(digits, i) * w[i]!;
  return (10 - (sum % 10)) % 10 === digitAt(digits, 10);
}

/** Swedish personnummer or samordningsnummer, YYMMDDNNNN (10 digits): a date (day + 60 for a coordination number) and Luhn. */
export function isValidSePersonnummer(digits: string): boolean {
  if (digits.length !== 10 || !isAsciiDigits(digits)) return false;
  const dd = Number(digits.slice(4, 6));
  if (!isDate(2000 + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), dd > 60 ? dd - 60 : dd) && !isDate(1900 + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), dd > 60 ? dd - 60 : dd)) return false;
  return luhnValid(digits);
}

const FI_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/** Finnish henkilötunnus, DDMMYY C NNN K: a date, a century sign (+, -, A–F, U–Y), and a check character (mod 31). */
export function isValidFiHetu(id: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(id);
  if (m === null) return false;
  const sign = m[4]!;
  const century = sign === '+' ? 1800 : /[-U-Y]/.test(sign) ? 1900 : 2000;
  if (!isDate(century + Number(m[3]), Number(m[2]), Number(m[1]))) return false;
  const n = Number(`${m[1]}${m[2]}${m[3]}${m[5]}`);
  return FI_CHECK[n % 31] === m[6];
}

const SG_ST = 'JZIHGFEDCBA';
const SG_FG = 'XWUTRQPNMLK';
const SG_M = 'KLJNPQRTUWX';
/** Singapore NRIC / FIN, [STFGM] + 7 digits + a check letter (weights 2, 7, 6, 5, 4, 3, 2; T and G add 4, M adds 3). */
export function isValidSgNric(id: string): boolean {
  const m = /^([STFGM])(\d{7})([A-Z])$/.exec(id);
  if (m === null) return false;
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += digitAt(m[2]!, i) * w[i]!;
  const first = m[1]!;
  if (first === 'T' || first === 'G') sum += 4;
  if (first === 'M') sum += 3;
  const table = first === 'S' || first === 'T' ? SG_ST : first === 'M' ? SG_M : SG_FG;
  const r = sum % 11;
  return table[first === 'M' ? 10 - r : r] === m[3];
}

/** South Korean resident registration number, YYMMDD-SNNNNNN (13 digits): a date, a sex/century digit 1–8, and the mod-11 check digit (numbers issued before October 2020). */
export function isValidKrRrn(digits: string): boolean {
  if (digits.length !== 13 || !isAsciiDigits(digits)) return false;
  const s = digitAt(digits, 6);
  if (s < 1 || s > 8) return false;
  const century = s <= 2 || s === 5 || s === 6 ? 1900 : 2000;
  if (!isDate(century + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)))) return false;
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += digitAt(digits, i) * w[i]!;
  return (11 - (sum % 11)) % 10 === digitAt(digits, 12);
}

/** Dutch burgerservicenummer, 9 digits: the "11-proof" (weights 9..2 and -1, the sum a multiple of 11, not 0). */
export function isValidNlBsn(digits: string): boolean {
  if (digits.length !== 9 || !isAsciiDigits(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += digitAt(digits, i) * (9 - i);
  sum -= digitAt(digits, 8);
  return sum !== 0 && sum % 11 === 0;
}

/** Chinese resident identity card, 18 characters: a region, a birth date YYYYMMDD, 3 digits, and an ISO 7064 MOD 11-2 check character (0–9 or X). */
export function isValidCnResidentId(id: string): boolean {
  const m = /^(\d{6})(\d{4})(\d{2})(\d{2})(\d{3})([0-9X])$/.exec(id);
  if (m === null) return false;
  const year = Number(m[2]);
  if (year < 1900 || year > 2100 || !isDate(year, Number(m[3]), Number(m[4]))) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += digitAt(id, i) * w[i]!;
  return '10X98765432'[sum % 11] === m[6];
}
