/**
 * SECRET detector: credentials, API keys and tokens pasted into tickets.
 *
 * Named patterns (explanation.pattern), each found from a literal or near-literal anchor:
 *  - aws-access-key-id           AKIA/ASIA + 16 upper alnum; 0.95 when the 16 are base32 (validation passed), else 0.9
 *  - aws-secret-access-key       a run of exactly 40 base64 characters (upper, lower and digit) with "aws" or
 *                                "secret" in the 80 characters before it; 0.95
 *  - github-token                ghp_/gho_/ghu_/ghs_/ghr_ + 36..251 alnum; github_pat_ + 22..242; 0.95
 *  - gitlab-token                glpat-/gldt-/glrt-/glptt-/glft-/glsoat-/glcbt- + 20..64; 0.95
 *  - slack-token                 xoxb-/xoxp-/xoxa-/xoxr-/xoxe-/xoxs- + 10..250; 0.95
 *  - slack-webhook               https://hooks.slack.com/services|workflows|triggers/…; 0.97 (beats the URL detector)
 *  - stripe-key                  sk_live_/rk_live_/sk_test_/rk_test_/pk_live_/whsec_ + 10..247; 0.95
 *  - google-api-key              AIza + 35; 0.95
 *  - npm-token, sendgrid-key     npm_ + 36; SG.<22>.<43>; 0.95
 *  - jwt                         three (or five, JWE) base64url segments whose first decodes (atob) to a JSON object
 *                                with a string "alg"; 0.95. Tokens whose header does not decode are not reported.
 *  - private-key-pem             -----BEGIN … PRIVATE KEY----- through -----END … PRIVATE KEY-----; 0.99. A block
 *                                cut off before its END line covers the BEGIN line and the base64 lines that follow
 *                                (validation failed, 0.9).
 *  - bearer-token                "Bearer <token>"; 0.95 after "Authorization", else 0.9
 *  - basic-auth                  "Basic <base64>" that decodes to printable "user:password"; 0.95
 *  - key-value                   password= passwd: pwd: pass: Passwort: Kennwort: "mot de passe :" contraseña:
 *                                api_key= access_key= secret= token= client_secret= (also with prefixes such as
 *                                db_, aws_, refresh_, camelCase, JSON keys and <password>…</password>); the span is the
 *                                value only; 0.9 (base 0.4, the label +0.5, recorded in explanation.context)
 *  - connection-string-url       postgres://user:pass@host/db, mongodb+srv://…, redis://:pass@…, jdbc:…; only with a
 *                                password in it; the whole string; 0.95
 *  - connection-string           Server=…;User Id=…;Password=…; (ADO.NET, ODBC, Npgsql, Azure storage/service bus);
 *                                needs a password/key segment; the whole string; 0.95
 *  - product-key                 XXXXX-XXXXX-XXXXX-XXXXX-XXXXX (upper alnum, with a letter and a digit); 0.85,
 *                                validation passed when every character is in Microsoft's product-key alphabet
 *
 * Cost: every family is one literal search (indexOf or a regex that starts with a literal or a short class with
 * bounded quantifiers); after a candidate is examined, the search resumes behind everything that was scanned, so
 * each character is visited a bounded number of times. Cheap gates skip whole families first: the key-value
 * scan needs '=', ':' or '>' in the text, product keys need two hyphens six characters apart. The detector
 * returns non-overlapping findings.
 */

import type { Detector, Explanation, Finding } from '../finding';
import { resolveOverlaps } from '../registry';
import { findingBuilder, round2 } from '../finding-builder';
import { keptDigitProfile } from './text-scan';

type Validation = Explanation['validation'];

const SCORE_PREFIX = 0.95;
const SCORE_WEAKER = 0.9;
const SCORE_WEBHOOK = 0.97;
const SCORE_PEM = 0.99;
const SCORE_PRODUCT_KEY = 0.85;
const KV_BASE = 0.4;
const KV_LABEL_EFFECT = 0.5;
const AWS_SECRET_BASE = 0.4;

const finding = findingBuilder('secret', 'SECRET', 'none');


function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
function isAlnum(c: number): boolean {
  return isDigit(c) || isUpper(c) || isLower(c);
}
function isBase64Url(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x5f;
}
function isBase64(c: number): boolean {
  return isAlnum(c) || c === 0x2b || c === 0x2f;
}
/** Characters of a configuration key: letters, digits, _ . - */
function isKeyChar(c: number): boolean {
  return isAlnum(c) || c === 0x5f || c === 0x2e || c === 0x2d;
}
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;
}
function isWhitespace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x202f || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}
function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x60;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Prefix patterns                                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

interface PrefixRule {
  readonly pattern: string;
  /** Cheap literal check before the regex runs at all. */
  readonly literals: readonly string[];
  readonly re: RegExp;
  readonly score: number;
  readonly validate?: (match: string) => { validation: Validation; score: number };
}

const AWS_BASE32 = /^[A-Z2-7]+$/;

const PREFIX_RULES: readonly PrefixRule[] = [
  {
    pattern: 'aws-access-key-id',
    literals: ['AKIA', 'ASIA'],
    re: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    score: SCORE_PREFIX,
    validate: (m) =>
      AWS_BASE32.test(m.slice(4)) ? { validation: 'passed', score: SCORE_PREFIX } : { validation: 'failed', score: SCORE_WEAKER },
  },
  {
    pattern: 'github-token',
    literals: ['gh'],
    re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,242})(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'gitlab-token',
    literals: ['gl'],
    re: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|ft|soat|cbt)-[A-Za-z0-9_-]{20,64}(?:\.[A-Za-z0-9_-]{1,64}){0,3}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'slack-token',
    literals: ['xox'],
    re: /(?<![A-Za-z0-9_-])xox[bpaesr]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'slack-webhook',
    literals: ['hooks.slack.com'],
    re: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,300}/g,
    score: SCORE_WEBHOOK,
  },
  {
    pattern: 'stripe-key',
    literals: ['_live_', '_test_', 'whsec_'],
    re: /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)|pk_live|whsec)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'google-api-key',
    literals: ['AIza'],
    re: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'npm-token',
    literals: ['npm_'],
    re: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'sendgrid-key',
    literals: ['SG.'],
    re: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
];

/**
 * One scan for every prefix rule: each rule's regex needs one of these literal starts, so a text without any of
 * them skips the rules (and their per-rule literal checks) at once.
 */
const PREFIX_ANCHORS = /AKIA|ASIA|gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|ft|soat|cbt)-|xox[bpaesr]-|hooks\.slack\.com|_live_|_test_|whsec_|AIza|npm_|SG\./;

function detectPrefixRules(text: string, out: Finding[]): void {
  if (!PREFIX_ANCHORS.test(text)) return;
  for (const rule of PREFIX_RULES) {
    let hit = false;
    for (const l of rule.literals) {
      if (text.includes(l)) {
        hit = true;
        break;
      }
    }
    if (!hit) continue;
    const re = rule.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const v = rule.validate ? rule.validate(m[0]) : { validation: 'none' as const, score: rule.score };
      out.push(finding(m.index, m.index + m[0].length, v.score, rule.pattern, v.validation));
    }
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* AWS secret access key (context)                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

const AWS_CONTEXT = /aws|secret/i;
const AWS_CONTEXT_CHARS = 80;

function detectAwsSecret(text: string, out: Finding[]): void {
  // a key holds a digit (see below)
  if (keptDigitProfile(text)?.digits === 0 || !AWS_CONTEXT.test(text)) return;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isBase64(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    let upper = false;
    let lower = false;
    let digit = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isBase64(c)) break;
      if (isUpper(c)) upper = true;
      else if (isLower(c)) lower = true;
      else if (isDigit(c)) digit = true;
      i++;
    }
    if (i - s !== 40 || !upper || !lower || !digit) continue;
    const before = s > 0 ? text.charCodeAt(s - 1) : 0x20;
    const after = i < n ? text.charCodeAt(i) : 0x20;
    // Part of a longer identifier, a base64 value with padding, or a path segment.
    if (before === 0x5f || before === 0x2d || before === 0x2e || after === 0x5f || after === 0x2d || after === 0x3d) continue;
    const windowText = text.slice(Math.max(0, s - AWS_CONTEXT_CHARS), s);
    const ctx = /aws|secret/gi;
    let word: string | undefined;
    let m: RegExpExecArray | null;
    while ((m = ctx.exec(windowText)) !== null) word = m[0].toLowerCase();
    if (word === undefined) continue;
    out.push(
      finding(s, i, SCORE_PREFIX, 'aws-secret-access-key', 'none', [{ word, effect: round2(SCORE_PREFIX - AWS_SECRET_BASE) }]),
    );
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* JWT                                                                                                          */
/* ------------------------------------------------------------------------------------------------------------ */

function base64UrlDecode(segment: string): string | null {
  if (segment.length % 4 === 1) return null;
  let b64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  while (b64.length % 4 !== 0) b64 += '=';
  try {
    return atob(b64);
  } catch {
    return null;
  }
}

function jwtHeaderValid(segment: string): boolean {
  if (segment.length > 2048) return false;
  const decoded = base64UrlDecode(segment);
  if (decoded === null) return false;
  try {
    const header: unknown = JSON.parse(decoded);
    return typeof header === 'object' && header !== null && !Array.isArray(header) && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

function detectJwt(text: string, out: Finding[]): void {
  const n = text.length;
  let i = text.indexOf('eyJ');
  while (i !== -1) {
    let next = i + 3;
    const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    if (!isBase64Url(before) && before !== 0x2e) {
      // Up to five segments: JWS has three, JWE five.
      const ends: number[] = [];
      let k = i;
      for (;;) {
        const segStart = k;
        while (k < n && isBase64Url(text.charCodeAt(k))) k++;
        ends.push(k);
        if (k === segStart && ends.length < 3) break;
        if (ends.length === 5 || k >= n || text.charCodeAt(k) !== 0x2e) break;
        k++; // the dot
      }
      next = Math.max(next, k);
      const first = ends[0] ?? i;
      const second = ends[1];
      const third = ends[2];
      if (second !== undefined && third !== undefined && first - i >= 10 && second - first - 1 >= 2) {
        let end = ends.length === 5 ? (ends[4] ?? third) : third;
        if (end === third && third === second + 1) end = second; // empty signature: leave the trailing dot out
        if (!isBase64Url(end < n ? text.charCodeAt(end) : 0x20) && jwtHeaderValid(text.slice(i, first))) {
          out.push(finding(i, end, SCORE_PREFIX, 'jwt', 'passed'));
        }
      }
    }
    i = next < n ? text.indexOf('eyJ', next) : -1;
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* PEM private keys                                                                                             */
/* ------------------------------------------------------------------------------------------------------------ */

const PEM_LABEL = /^[A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?$/;
const PEM_MAX_BLOCK = 65_536;

function detectPem(text: string, out: Finding[]): void {
  const n = text.length;
  let cachedEnd = -2; // -2: not searched yet; -1: none after the last search start
  const nextEnd = (from: number): number => {
    if (cachedEnd === -1) return -1;
    if (cachedEnd < from) cachedEnd = text.indexOf('-----END ', from);
    return cachedEnd;
  };
  let b = text.indexOf('-----BEGIN ');
  while (b !== -1) {
    const labelStart = b + 11;
    const close = text.slice(labelStart, labelStart + 48).indexOf('-----');
    let next = labelStart;
    if (close !== -1 && PEM_LABEL.test(text.slice(labelStart, labelStart + close))) {
      const headerEnd = labelStart + close + 5;
      const e = nextEnd(headerEnd);
      const nb = text.indexOf('-----BEGIN ', headerEnd);
      if (e !== -1 && e - b <= PEM_MAX_BLOCK && (nb === -1 || e < nb)) {
        const endLabel = e + 9;
        const endClose = text.slice(endLabel, endLabel + 48).indexOf('-----');
        let end: number;
        if (endClose !== -1) {
          end = endLabel + endClose + 5;
        } else {
          end = endLabel;
          while (end < n && (isUpper(text.charCodeAt(end)) || text.charCodeAt(end) === 0x20)) end++;
        }
        out.push(finding(b, end, SCORE_PEM, 'private-key-pem', 'passed'));
        next = end;
      } else {
        const end = truncatedPemEnd(text, headerEnd);
        out.push(finding(b, end, SCORE_WEAKER, 'private-key-pem', 'failed'));
        next = end;
      }
    }
    b = next < n ? text.indexOf('-----BEGIN ', next) : -1;
  }
}

/** End of the base64 lines after a BEGIN line whose END line is missing. */
function truncatedPemEnd(text: string, from: number): number {
  const n = text.length;
  const limit = Math.min(n, from + PEM_MAX_BLOCK);
  let end = from;
  let k = from;
  while (k < limit) {
    // Separators: whitespace and escaped newlines (\n, \r) written literally in JSON or logs.
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (isWhitespace(c)) k++;
      else if (c === 0x5c && (text.charCodeAt(k + 1) === 0x6e || text.charCodeAt(k + 1) === 0x72)) k += 2;
      else break;
    }
    const s = k;
    while (k < limit && (isBase64(text.charCodeAt(k)) || text.charCodeAt(k) === 0x3d)) k++;
    const len = k - s;
    const stop = k < limit ? text.charCodeAt(k) : 0x20;
    const separated = isWhitespace(stop) || stop === 0x5c;
    if (len >= 16 && separated) {
      end = k;
      continue;
    }
    // The short last line of a block ends with '=' padding.
    if (len >= 2 && separated && text.charCodeAt(k - 1) === 0x3d) end = k;
    break;
  }
  return end;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Authorization: Bearer / Basic                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

const BEARER = /(?<![A-Za-z0-9_-])bearer[ \t]{1,3}/gi;
const BASIC = /(?<![A-Za-z0-9_-])basic[ \t]{1,3}/gi;
const AUTHORIZATION = /authorization/i;
const MAX_TOKEN = 4096;

function isBearerChar(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e || c === 0x2b || c === 0x2f || c === 0x3d;
}

const AUTH_ANCHORS = /earer|EARER|asic|ASIC/;

function detectAuthorization(text: string, out: Finding[]): void {
  if (!AUTH_ANCHORS.test(text)) return;
  const n = text.length;
  const lowerHint = text.includes('earer') || text.includes('EARER');
  if (lowerHint) {
    BEARER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BEARER.exec(text)) !== null) {
      const s = m.index + m[0].length;
      let e = s;
      while (e < n && e - s < MAX_TOKEN && isBearerChar(text.charCodeAt(e))) e++;
      BEARER.lastIndex = e;
      if (e - s >= MAX_TOKEN) continue;
      while (e > s && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2c)) e--;
      if (e - s < 12) continue;
      const token = text.slice(s, e);
      const varied = /[0-9._~+/=-]/.test(token) || (token.length >= 20 && /[A-Z]/.test(token) && /[a-z]/.test(token));
      if (!varied) continue;
      const auth = AUTHORIZATION.test(text.slice(Math.max(0, m.index - 24), m.index));
      out.push(
        auth
          ? finding(s, e, SCORE_PREFIX, 'bearer-token', 'none', [{ word: 'authorization', effect: round2(SCORE_PREFIX - SCORE_WEAKER) }])
          : finding(s, e, SCORE_WEAKER, 'bearer-token', 'none'),
      );
    }
  }
  if (text.includes('asic') || text.includes('ASIC')) {
    BASIC.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BASIC.exec(text)) !== null) {
      const s = m.index + m[0].length;
      let e = s;
      while (e < n && e - s < MAX_TOKEN && isBase64(text.charCodeAt(e))) e++;
      let pad = 0;
      while (e < n && pad < 2 && text.charCodeAt(e) === 0x3d) {
        e++;
        pad++;
      }
      BASIC.lastIndex = e;
      if (e - s < 8 || e - s >= MAX_TOKEN || (e - s) % 4 === 1 || isBase64Url(e < n ? text.charCodeAt(e) : 0x20)) continue;
      let decoded: string | null;
      try {
        decoded = atob(text.slice(s, e));
      } catch {
        decoded = null;
      }
      if (decoded === null || decoded.indexOf(':') < 1) continue;
      let printable = true;
      for (let k = 0; k < decoded.length; k++) {
        const c = decoded.charCodeAt(k);
        if (c < 0x20 || c === 0x7f) {
          printable = false;
          break;
        }
      }
      if (!printable) continue;
      out.push(finding(s, e, SCORE_PREFIX, 'basic-auth', 'passed'));
    }
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* key=value secrets                                                                                            */
/* ------------------------------------------------------------------------------------------------------------ */

const KV_LABEL = /passwor[dt]|passwd|passphrase|passcode|pass|pwd|kennwort|mot de passe|contrase(?:ñ|n)a|secret|token|api[ _-]?key|access[ _-]?key/gi;
/** Keywords that must stand on their own (or after a separator or camelCase boundary): "bypass", "compass". */
const SHORT_KEYWORDS = new Set(['pass', 'pwd']);
/** Keywords whose values are long random strings. */
const TOKEN_KEYWORDS = new Set(['secret', 'token', 'apikey', 'accesskey']);
/** What may follow a keyword inside a label: password_value, secret_key, secret_access_key, token_secret. */
const ALLOWED_SUFFIXES = new Set(['', 'key', 'accesskey', 'value', 'secret', 'string']);
const MAX_LABEL_PREFIX = 48;
const MAX_LABEL_SUFFIX = 24;
const MAX_VALUE = 4096;

/** Values that are prose, placeholders or flags rather than secrets (lower case). */
const NON_SECRET_VALUES = new Set([
  'the', 'a', 'an', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'not', 'no', 'yes', 'none', 'null', 'nil',
  'undefined', 'empty', 'blank', 'unknown', 'unset', 'required', 'optional', 'incorrect', 'invalid', 'wrong',
  'expired', 'expires', 'reset', 'changed', 'change', 'missing', 'same', 'new', 'old', 'true', 'false', 'on', 'off',
  'n/a', 'na', 'tbd', 'todo', 'hidden', 'redacted', 'removed', 'masked', 'omitted', 'see', 'please', 'ok', 'okay',
  'sent', 'set', 'it', 'this', 'that', 'these', 'those', 'my', 'your', 'his', 'her', 'their', 'our', 'its', 'i',
  'we', 'you', 'he', 'she', 'they', 'and', 'or', 'for', 'to', 'of', 'in', 'at', 'by', 'with', 'from', 'has', 'have',
  'had', 'must', 'should', 'will', 'would', 'can', 'cannot', "can't", 'could', 'does', "doesn't", 'did', "didn't",
  "don't", 'do', 'still', 'also', 'only', 'just', 'never', 'always', 'updated', 'expiry', 'policy', 'manager',
  'protected', 'encrypted', 'default', 'provided', 'supplied', 'stored', 'saved', 'attached', 'below', 'above',
  'same', 'used', 'using', 'use', 'enter', 'entered', 'type', 'typed', 'correct', 'valid', 'mismatch', 'locked',
  'forgotten', 'forgot', 'lost', 'sent', 'via', 'when', 'after', 'before', 'if', 'but', 'so', 'then', 'again',
  'hash', 'hashed', 'xxx', 'secret', 'password', 'token', 'string', 'value', 'here', 'there', 'what', 'which',
  'der', 'die', 'das', 'ist', 'nicht', 'le', 'la', 'les', 'est', 'pas', 'el', 'es', 'no', 'ninguno', 'aucun',
]);

function isCamelBoundary(text: string, at: number): boolean {
  return at > 0 && (isLower(text.charCodeAt(at - 1)) || isDigit(text.charCodeAt(at - 1))) && isUpper(text.charCodeAt(at));
}

function normaliseKeyword(k: string): string {
  const l = k.toLowerCase();
  if (l.startsWith('api')) return 'apikey';
  if (l.startsWith('access')) return 'accesskey';
  if (l.startsWith('contrase')) return 'contraseña';
  return l;
}

function isPlaceholder(value: string): boolean {
  const f = value.charAt(0);
  const l = value.charAt(value.length - 1);
  if (f === '$' && (value.charAt(1) === '{' || value.charAt(1) === '(' || /^\$[A-Z_][A-Z0-9_]*$/.test(value))) return true;
  if ((f === '{' && l === '}') || (f === '<' && l === '>') || (f === '[' && l === ']') || (f === '%' && l === '%')) return true;
  // All one character: ***, xxxx, ....
  let same = true;
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) !== value.charCodeAt(0)) {
      same = false;
      break;
    }
  }
  return same;
}

/** Strips trailing sentence punctuation and unbalanced closing brackets from [s, e). */
function trimValue(text: string, s: number, e: number): number {
  const value = text.slice(s, e);
  let end = e;
  while (end > s) {
    const ch = text.charAt(end - 1);
    if (ch === '.' || ch === ',') {
      end--;
      continue;
    }
    const opener = ch === ')' ? '(' : ch === ']' ? '[' : ch === '}' ? '{' : '';
    if (opener === '') break;
    const part = value.slice(0, end - s);
    if (part.split(opener).length >= part.split(ch).length) break;
    end--;
  }
  return end;
}

function detectKeyValue(text: string, out: Finding[]): void {
  const n = text.length;
  KV_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KV_LABEL.exec(text)) !== null) {
    const ks = m.index;
    const ke = ks + m[0].length;
    const keyword = normaliseKeyword(m[0]);
    // The label around the keyword: db_password, clientSecret, "aws_secret_access_key".
    let ls = ks;
    while (ls > 0 && ks - ls < MAX_LABEL_PREFIX && isKeyChar(text.charCodeAt(ls - 1))) ls--;
    let le = ke;
    while (le < n && le - ke < MAX_LABEL_SUFFIX && isKeyChar(text.charCodeAt(le))) le++;
    KV_LABEL.lastIndex = Math.max(KV_LABEL.lastIndex, le);
    if (ls > 0 && isKeyChar(text.charCodeAt(ls - 1))) continue; // label too long: not a key
    if (le < n && isKeyChar(text.charCodeAt(le))) continue;
    if (ls < ks && SHORT_KEYWORDS.has(keyword)) {
      const b = text.charCodeAt(ks - 1);
      if (b !== 0x5f && b !== 0x2e && b !== 0x2d && !isCamelBoundary(text, ks)) continue;
    }
    // Sentence dots and dashes glued to the label ("password." ) are not part of it.
    while (le > ke && (text.charCodeAt(le - 1) === 0x2e || text.charCodeAt(le - 1) === 0x2d)) le--;
    if (!ALLOWED_SUFFIXES.has(text.slice(ke, le).replace(/[_.-]/g, '').toLowerCase())) continue;

    // Separator: optional closing quote, blanks, = : := => or an XML element's '>'.
    let i = le;
    if (text.charCodeAt(i) === 0x5c && isQuote(text.charCodeAt(i + 1))) i++; // JSON-escaped \"password\"
    if (i < n && isQuote(text.charCodeAt(i))) i++;
    let blanks = 0;
    while (i < n && blanks < 3 && isBlank(text.charCodeAt(i))) {
      i++;
      blanks++;
    }
    const c0 = i < n ? text.charCodeAt(i) : -1;
    let xml = false;
    if (c0 === 0x3d) {
      i += text.charCodeAt(i + 1) === 0x3e ? 2 : 1;
    } else if (c0 === 0x3a) {
      i += text.charCodeAt(i + 1) === 0x3d ? 2 : 1;
      if (text.charCodeAt(i) === 0x2f && text.charCodeAt(i + 1) === 0x2f) continue; // a scheme, not a label
    } else if (c0 === 0x3e && ls > 0 && text.charCodeAt(ls - 1) === 0x3c && i === le) {
      i += 1;
      xml = true;
    } else {
      continue;
    }
    blanks = 0;
    while (i < n && blanks < 3 && isBlank(text.charCodeAt(i))) {
      i++;
      blanks++;
    }

    // The value.
    if (text.charCodeAt(i) === 0x5c && isQuote(text.charCodeAt(i + 1))) i++;
    let vs = i;
    let ve = i;
    const q = i < n ? text.charCodeAt(i) : -1;
    let quoted = false;
    if (!xml && isQuote(q)) {
      let k = i + 1;
      while (k < n && k - i <= 256 && text.charCodeAt(k) !== q && text.charCodeAt(k) !== 0x0a && text.charCodeAt(k) !== 0x0d) k++;
      if (k < n && text.charCodeAt(k) === q) {
        vs = i + 1;
        ve = k;
        if (text.charCodeAt(ve - 1) === 0x5c) ve--; // escaped quote inside a JSON string
        quoted = true;
      } else {
        vs = i + 1;
      }
    }
    if (!quoted) {
      ve = vs;
      while (ve < n && ve - vs < MAX_VALUE) {
        const c = text.charCodeAt(ve);
        if (isWhitespace(c) || c === 0x3b || c === 0x26 || isQuote(c) || (xml && c === 0x3c)) break;
        if (c === 0x5c && text.charCodeAt(ve + 1) === 0x22) break; // \" closing a JSON-escaped value
        ve++;
      }
      KV_LABEL.lastIndex = Math.max(KV_LABEL.lastIndex, ve);
      ve = trimValue(text, vs, ve);
    } else {
      KV_LABEL.lastIndex = Math.max(KV_LABEL.lastIndex, ve);
    }
    const value = text.slice(vs, ve);
    const minLength = TOKEN_KEYWORDS.has(keyword) ? 6 : 3;
    if (value.trim().length < minLength) continue;
    if (NON_SECRET_VALUES.has(value.toLowerCase()) || isPlaceholder(value)) continue;
    out.push(finding(vs, ve, KV_BASE + KV_LABEL_EFFECT, 'key-value', 'none', [{ word: keyword, effect: KV_LABEL_EFFECT }]));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Connection strings                                                                                           */
/* ------------------------------------------------------------------------------------------------------------ */

const DB_SCHEMES = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mssql', 'sqlserver', 'oracle', 'mongodb', 'mongodb+srv', 'redis',
  'rediss', 'amqp', 'amqps', 'ldap', 'ldaps', 'smtp', 'smtps', 'cockroachdb', 'clickhouse', 'couchdb', 'neo4j',
  'neo4j+s', 'bolt', 'nats', 'mqtt', 'mqtts', 'db2', 'sybase', 'snowflake', 'jdbc:sqlserver', 'jdbc:postgresql',
  'jdbc:mysql', 'jdbc:mariadb', 'jdbc:db2', 'jdbc:mongodb', 'jdbc:redis',
]);
const PASSWORD_PROPERTY = /[;&?]\s*(?:password|pwd)\s*=\s*[^;&\s]/i;

function isSchemeChar(c: number): boolean {
  return isAlnum(c) || c === 0x2b || c === 0x2e || c === 0x2d || c === 0x3a;
}

function isUrlStop(c: number): boolean {
  return isWhitespace(c) || c === 0x22 || c === 0x27 || c === 0x60 || c === 0x3c || c === 0x3e;
}

function detectConnectionUrls(text: string, out: Finding[]): void {
  const n = text.length;
  let idx = text.indexOf('://');
  while (idx !== -1) {
    let next = idx + 3;
    let s = idx;
    while (s > 0 && idx - s < 32 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    let scheme = text.slice(s, idx).toLowerCase();
    // "url:postgres://…" — drop a leading label that is not part of the scheme.
    const colon = scheme.lastIndexOf(':');
    if (colon !== -1 && !scheme.startsWith('jdbc:')) {
      s += colon + 1;
      scheme = scheme.slice(colon + 1);
    }
    if (DB_SCHEMES.has(scheme) && !(s > 0 && isAlnum(text.charCodeAt(s - 1)))) {
      let e = idx + 3;
      while (e < n && e - idx < MAX_VALUE && !isUrlStop(text.charCodeAt(e))) e++;
      next = e;
      while (e > idx + 3 && '.,;:!?)]}'.includes(text.charAt(e - 1))) e--;
      const rest = text.slice(idx + 3, e);
      let authEnd = rest.length;
      for (const sep of ['/', '?', '#', ';']) {
        const k = rest.indexOf(sep);
        if (k !== -1 && k < authEnd) authEnd = k;
      }
      const authority = rest.slice(0, authEnd);
      const at = authority.lastIndexOf('@');
      const userinfo = at === -1 ? '' : authority.slice(0, at);
      const pc = userinfo.indexOf(':');
      const hasPassword = (pc !== -1 && pc < userinfo.length - 1) || PASSWORD_PROPERTY.test(rest);
      if (hasPassword && (at === -1 || at < authority.length - 1)) {
        out.push(finding(s, e, SCORE_PREFIX, 'connection-string-url', 'passed'));
      }
    }
    idx = next < n ? text.indexOf('://', next) : -1;
  }
}

const CONN_START =
  /(?<![A-Za-z0-9_])(?:server|data source|datasource|host|hostname|address|addr|network address|endpoint|accountname|defaultendpointsprotocol|provider|driver|dsn|user id|userid|uid|username|user|database|initial catalog|password|pwd)[ \t]{0,2}=/gi;
const CONN_SECRET_KEYS = new Set(['password', 'pwd', 'accountkey', 'sharedaccesskey', 'sharedaccesssignature', 'pass']);
const CONN_CONTEXT_KEYS = new Set([
  'server', 'data source', 'datasource', 'host', 'hostname', 'address', 'addr', 'network address', 'endpoint',
  'accountname', 'defaultendpointsprotocol', 'user id', 'userid', 'uid', 'username', 'user', 'database',
  'initial catalog', 'dsn',
]);
const MAX_SEGMENTS = 32;

function detectConnectionStrings(text: string, out: Finding[]): void {
  const n = text.length;
  CONN_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONN_START.exec(text)) !== null) {
    const start = m.index;
    let k = start;
    let segments = 0;
    let secret = false;
    let context = false;
    let end = start;
    let scanned = start;
    while (segments < MAX_SEGMENTS) {
      // Key.
      while (k < n && k - end < 3 && isBlank(text.charCodeAt(k))) k++;
      const keyStart = k;
      while (k < n && k - keyStart < 40) {
        const c = text.charCodeAt(k);
        if (!(isAlnum(c) || c === 0x20 || c === 0x5f || c === 0x2e || c === 0x2d)) break;
        k++;
      }
      if (k === keyStart || text.charCodeAt(k) !== 0x3d || !isAlnum(text.charCodeAt(keyStart))) break;
      const key = text.slice(keyStart, k).trim().toLowerCase().replace(/\s+/g, ' ');
      k++;
      // Value, up to ';' (or the first blank when the list ends here).
      const vs = k;
      while (k < n && k - vs < 512) {
        const c = text.charCodeAt(k);
        if (c === 0x3b || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e) break;
        k++;
      }
      scanned = Math.max(scanned, k);
      let ve = k;
      const terminated = k < n && text.charCodeAt(k) === 0x3b;
      if (!terminated) {
        ve = vs;
        while (ve < k && !isWhitespace(text.charCodeAt(ve))) ve++;
        ve = trimValue(text, vs, ve);
      }
      if (ve > vs) {
        segments++;
        if (CONN_SECRET_KEYS.has(key.replace(/ /g, ''))) secret = true;
        if (CONN_CONTEXT_KEYS.has(key)) context = true;
      } else if (!terminated) {
        break;
      }
      end = terminated ? k + 1 : ve;
      if (!terminated) break;
      k++;
    }
    CONN_START.lastIndex = Math.max(CONN_START.lastIndex, scanned, end);
    if (segments >= 2 && secret && context) out.push(finding(start, end, SCORE_PREFIX, 'connection-string', 'passed'));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Product keys                                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

const PRODUCT_KEY = /(?<![A-Za-z0-9-])[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/g;
/** Microsoft's product-key alphabet (no vowels, no 0/1/5 and no L, S, Z); N has been in it since Windows 8. */
const MS_PRODUCT_KEY = /^[BCDFGHJKMNPQRTVWXY2346789-]+$/;

/** A hyphen with another hyphen six characters further on: every product key has one (XXXXX-XXXXX-…). */
function hasProductKeyHyphens(text: string): boolean {
  for (let i = text.indexOf('-'); i !== -1 && i + 6 < text.length; i = text.indexOf('-', i + 1)) {
    if (text.charCodeAt(i + 6) === 0x2d) return true;
  }
  return false;
}

function detectProductKeys(text: string, out: Finding[]): void {
  if (!hasProductKeyHyphens(text)) return;
  PRODUCT_KEY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRODUCT_KEY.exec(text)) !== null) {
    const key = m[0];
    if (!/[A-Z]/.test(key) || !/[0-9]/.test(key)) continue;
    out.push(finding(m.index, m.index + key.length, SCORE_PRODUCT_KEY, 'product-key', MS_PRODUCT_KEY.test(key) ? 'passed' : 'none'));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */

export const secretDetector: Detector = {
  id: 'secret',
  version: '1',
  types: ['SECRET'],
  detect(text) {
    if (text.length < 8) return [];
    const out: Finding[] = [];
    detectPrefixRules(text, out);
    detectAwsSecret(text, out);
    detectJwt(text, out);
    if (text.includes('-----BEGIN ')) detectPem(text, out);
    detectAuthorization(text, out);
    // A label is always followed by '=', ':' or an XML element's '>'.
    if (text.includes('=') || text.includes(':') || text.includes('>')) detectKeyValue(text, out);
    if (text.includes('://')) detectConnectionUrls(text, out);
    if (text.includes('=') && text.includes(';')) detectConnectionStrings(text, out);
    detectProductKeys(text, out);
    return out.length === 0 ? out : resolveOverlaps(out);
  },
};
