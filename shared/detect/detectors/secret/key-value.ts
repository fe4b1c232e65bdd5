/** SECRET: the value after a password, secret, token or API-key label (key=value, key: value, JSON, XML). */

import type { Finding } from '../../finding';
import { KV_BASE, KV_LABEL_EFFECT, finding } from './scores';
import { defineKeywordHint, hasKeywordHint } from '../keyword-hints';
import { MAX_VALUE, isBlank, isDigit, isKeyChar, isLower, isQuote, isUpper, isWhitespace, trimValue } from './scan';

const KV_LABEL = /passwor[dt]|passwd|passphrase|passcode|pass|pwd|kennwort|mot de passe|contrase(?:ñ|n)a|secret|token|api[ _-]?key|access[ _-]?key/gi;
/**
 * Every match of KV_LABEL holds one of these (in the same case folding): texts without one skip its scan. "api" is
 * listed by what may follow it in a label, so that no word of the hint ends in 'i'.
 */
const KV_HINT = defineKeywordHint('secret-label', ['pass', 'pwd', 'kennwort', 'contrase', 'secret', 'token', 'api ', 'api_', 'api-', 'apik', 'access']);
/** Keywords that must stand on their own (or after a separator or camelCase boundary): "bypass", "compass". */
const SHORT_KEYWORDS = new Set(['pass', 'pwd']);
/** Keywords whose values are long random strings. */
const TOKEN_KEYWORDS = new Set(['secret', 'token', 'apikey', 'accesskey']);
/** What may follow a keyword inside a label: password_value, secret_key, secret_access_key, token_secret. */
const ALLOWED_SUFFIXES = new Set(['', 'key', 'accesskey', 'value', 'secret', 'string']);
const MAX_LABEL_PREFIX = 48;
const MAX_LABEL_SUFFIX = 24;

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

export function detectKeyValue(text: string, out: Finding[]): void {
  if (!hasKeywordHint(text, KV_HINT)) return;
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
