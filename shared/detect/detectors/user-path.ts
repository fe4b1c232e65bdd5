/**
 * USERNAME detector: user names inside profile paths and account forms, Windows SIDs, and device serial numbers
 * written after a serial-number label (USERNAME is the canonical type for device identifiers; see device-id.ts).
 *
 * Patterns (explanation.pattern), score:
 *  - windows-profile-path  C:\Users\jsmith\…, C:/Users/jsmith, C:\\Users\\jsmith (JSON-escaped),
 *                          C:\Documents and Settings\jsmith — the user-name segment only                    0.9
 *  - unc-home-path         \\server\home$\jsmith, \\fs01\users\jsmith, \\srv\profiles$\jsmith.V6 (the .V6
 *                          profile-version suffix is left out) — the user-name segment only                  0.9
 *  - unix-home-path        /home/jsmith/…, /export/home/jsmith, file:///home/jsmith — the segment only        0.85
 *  - macos-home-path       /Users/jsmith/… (also WSL's /mnt/c/Users/jsmith) — the segment only               0.9
 *  - tilde-home            ~jsmith/… 0.85; a bare ~jsmith 0.6
 *  - windows-sid           S-1-5-21-a-b-c[-rid], S-1-12-1-a-b-c-d (Entra ID) — the whole SID; validation
 *                          passed when every sub-authority fits in 32 bits (otherwise not reported)          0.9
 *  - domain-account        DOMAIN\jsmith after user/account/login/logged in as/run as/Benutzer/utilisateur/
 *                          usuario … — the whole DOMAIN\name (base 0.35, label +0.5)                        0.85
 *  - username-label        "Username: jsmith", "User ID=jsmith", "Benutzername: jsmith" — the value
 *                          (base 0.35, label +0.45)                                                          0.8
 *  - serial-number         the value after serial / serial number / S/N / SN: / Seriennummer /
 *                          numéro de série / número de serie / service tag / IMEI; at least 5 characters
 *                          with a digit (base 0.3, label +0.5)                                               0.8
 *
 * Not reported, because they name no person: path segments Public, Default, Default User, defaultuser0,
 * All Users, Administrator(s), admin, Guest, Shared (macOS), root, user(s), username, system accounts
 * (LocalService, NetworkService, systemprofile, WDAGUtilityAccount, DefaultAppPool), CI and cloud image accounts
 * (runner, runneradmin, ubuntu, ec2-user, vagrant, jenkins, git, docker, www-data, nobody, linuxbrew), and
 * placeholders (%USERNAME%, $USER, <user>, {user}, *, yourname). Administrator is treated as a built-in account,
 * not a person; a renamed admin account with a personal name is still reported. Machine accounts (NAME$) and
 * the BUILTIN domain are skipped too.
 *
 * All anchors are literals or short bounded regexes; each candidate reads a bounded window (≤ 64 characters for a
 * name), so the cost is linear in the text.
 */

import type { Detector, Finding } from '../finding';
import { resolveOverlaps } from '../registry';
import { findingBuilder } from '../finding-builder';
import { hasDigitRun } from './text-scan';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';


const SCORE_PROFILE = 0.9;
const SCORE_UNIX = 0.85;
const SCORE_TILDE_PATH = 0.85;
const SCORE_TILDE_BARE = 0.6;
const SCORE_SID = 0.9;
const ACCOUNT_BASE = 0.35;
const ACCOUNT_EFFECT = 0.5;
const LABEL_EFFECT = 0.45;
const SERIAL_BASE = 0.3;
const SERIAL_EFFECT = 0.5;


const finding = findingBuilder('user-path', 'USERNAME', 'none');

/** Lower-cased names that belong to no person. */
const IGNORED_NAMES = new Set([
  'public', 'default', 'default user', 'defaultuser0', 'defaultuser100000', 'all users', 'administrator',
  'administrators', 'admin', 'guest', 'shared', 'root', 'user', 'users', 'username', 'systemprofile',
  'localservice', 'networkservice', 'local service', 'network service', 'wdagutilityaccount', 'defaultapppool',
  'runner', 'runneradmin', 'ubuntu', 'ec2-user', 'vagrant', 'jenkins', 'git', 'docker', 'www-data', 'nobody',
  'daemon', 'linuxbrew', 'lost+found', 'yourname', 'your_name', 'your-name', 'youruser', 'yourusername',
  'your_username', 'your-username', 'me', 'you', 'name', 'example', 'test', 'xxx', 'home', 'system',
]);

/** Label values that are prose, not names (lower case). */
const NON_NAMES = new Set([
  'the', 'a', 'an', 'is', 'was', 'are', 'not', 'none', 'null', 'n/a', 'na', 'unknown', 'empty', 'blank', 'same',
  'required', 'missing', 'invalid', 'incorrect', 'wrong', 'and', 'or', 'for', 'to', 'of', 'in', 'it', 'this',
  'that', 'my', 'your', 'his', 'her', 'their', 'our', 'see', 'below', 'above', 'unable', 'cannot', 'can',
  'does', 'did', 'has', 'have', 'had', 'will', 'should', 'must', 'tbd', 'unbekannt', 'inconnu', 'desconocido',
  'locked', 'disabled', 'enabled', 'changed', 'removed', 'deleted', 'redacted', 'hidden',
]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}
function isWhitespace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x202f || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}
/** Characters of a POSIX-ish user name as written in paths. */
function isUnixNameChar(c: number): boolean {
  return isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x40;
}

function isPlaceholder(name: string): boolean {
  const f = name.charAt(0);
  return f === '%' || f === '$' || f === '<' || f === '{' || f === '[' || f === '*' || f === '.';
}

/** Is a labelled value prose ("not", "none", "unknown") or a built-in account ("admin", "root", "guest")? */
export function isProseOrBuiltInName(value: string): boolean {
  return NON_NAMES.has(value.toLowerCase()) || !acceptableName(value);
}

function acceptableName(name: string): boolean {
  if (name.length === 0 || isPlaceholder(name)) return false;
  if (!/[\p{L}\p{N}]/u.test(name)) return false;
  return !IGNORED_NAMES.has(name.toLowerCase());
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Windows profile paths and UNC home shares                                                                   */
/* ------------------------------------------------------------------------------------------------------------ */

const WINDOWS_PROFILE = /(?<![A-Za-z0-9])[A-Za-z]:(?:\\{1,2}|\/)(?:Users|Documents and Settings|Dokumente und Einstellungen)(?:\\{1,2}|\/)/gi;
const UNC_HOME =
  /(?<!\\)\\{2,4}[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\{1,2}(?:home|homes|users|profiles|userhome|userhomes|homedir|homedirs|home_dirs|redirected|redirect|redirection|userdata|profile|benutzer)\$?\\{1,2}/gi;
const MAX_NAME = 64;

/** Characters that end a Windows path segment outright. */
function isHardStop(c: number): boolean {
  return (
    c === 0x0a || c === 0x0d || c === 0x09 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x7c ||
    c === 0x2a || c === 0x3f || c === 0x3a || c === 0x2c || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x5b ||
    c === 0x5d || c === 0x7b || c === 0x7d || c === 0x60 || c === 0x201c || c === 0x201d
  );
}

/**
 * Reads the Windows path segment that starts at `p`. A segment may hold single spaces ("John Smith") only when
 * a path separator follows it; otherwise it ends at the first whitespace. Returns [start, end) or null.
 */
function windowsSegment(text: string, p: number): [number, number] | null {
  const n = text.length;
  let k = p;
  while (k < n && k - p <= MAX_NAME) {
    const c = text.charCodeAt(k);
    if (c === 0x5c || c === 0x2f || isHardStop(c)) break;
    k++;
  }
  let end: number;
  const c = k < n ? text.charCodeAt(k) : -1;
  const spaced = text.slice(p, k);
  if ((c === 0x5c || c === 0x2f) && k - p <= 32 && !/\s\s|[\t\n\r]/.test(spaced) && (spaced.match(/ /g)?.length ?? 0) <= 2) {
    end = k;
    while (end > p && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x2e)) end--;
  } else {
    end = p;
    while (end < k && !isWhitespace(text.charCodeAt(end))) end++;
    if (end - p > MAX_NAME) return null;
    while (end > p && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2c)) end--;
  }
  if (end <= p || isWhitespace(text.charCodeAt(p))) return null;
  return [p, end];
}

function detectWindowsPaths(text: string, out: Finding[]): void {
  if (text.includes(':')) {
    WINDOWS_PROFILE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WINDOWS_PROFILE.exec(text)) !== null) {
      const seg = windowsSegment(text, m.index + m[0].length);
      if (seg && acceptableName(text.slice(seg[0], seg[1]))) {
        out.push(finding(seg[0], seg[1], SCORE_PROFILE, 'windows-profile-path'));
      }
    }
  }
  if (text.includes('\\\\')) {
    UNC_HOME.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = UNC_HOME.exec(text)) !== null) {
      const seg = windowsSegment(text, m.index + m[0].length);
      if (!seg) continue;
      const s = seg[0];
      let e = seg[1];
      const v = /\.V\d$/i.exec(text.slice(s, e)); // roaming-profile version suffix: jsmith.V6
      if (v) e -= v[0].length;
      if (e > s && acceptableName(text.slice(s, e))) out.push(finding(s, e, SCORE_PROFILE, 'unc-home-path'));
    }
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Unix and macOS home directories, ~user                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

const HOME_ANCHOR = /\/(?:home|Users)\//g;

function isPathChar(c: number): boolean {
  return isAlnum(c) || c === 0x2f || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x7e;
}

function detectUnixPaths(text: string, out: Finding[]): void {
  if (!text.includes('/home/') && !text.includes('/Users/')) return;
  const n = text.length;
  HOME_ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HOME_ANCHOR.exec(text)) !== null) {
    const a = m.index;
    // The path must be absolute: walk back to the start of the path token.
    let t = a;
    while (t > 0 && a - t < 64 && isPathChar(text.charCodeAt(t - 1))) t--;
    if (t > 0 && isPathChar(text.charCodeAt(t - 1))) continue; // too deep inside something long
    const token = text.slice(t, a + 1);
    if (token.charAt(0) !== '/') continue; // relative path (docs/home/x) or a host (example.com/home/x)
    if (token.startsWith('//')) {
      // A URL's authority (https://host/home/x); only file:/// names a local path.
      if (!(token.startsWith('///') && text.slice(Math.max(0, t - 5), t).toLowerCase() === 'file:')) continue;
    } else if (t > 0 && text.charCodeAt(t - 1) === 0x3a && t > 1 && /[A-Za-z]/.test(text.charAt(t - 2)) && !/[A-Za-z]/.test(text.charAt(t - 3))) {
      continue; // C:/Users/… is a Windows path (reported by the Windows pattern)
    }
    const s = a + m[0].length;
    let e = s;
    while (e < n && e - s <= 32 && isUnixNameChar(text.charCodeAt(e))) e++;
    if (e - s > 32) continue;
    while (e > s && text.charCodeAt(e - 1) === 0x2e) e--;
    const name = text.slice(s, e);
    if (!acceptableName(name) || name.startsWith('-')) continue;
    const isMac = m[0] === '/Users/';
    out.push(finding(s, e, isMac ? SCORE_PROFILE : SCORE_UNIX, isMac ? 'macos-home-path' : 'unix-home-path'));
  }
}

const TILDE = /(?<![A-Za-z0-9_~/\\.-])~([A-Za-z_][A-Za-z0-9._-]{0,31})/g;

function detectTilde(text: string, out: Finding[]): void {
  if (!text.includes('~')) return;
  const n = text.length;
  TILDE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TILDE.exec(text)) !== null) {
    const s = m.index + 1;
    let e = s + (m[1]?.length ?? 0);
    const next = e < n ? text.charCodeAt(e) : 0x20;
    if (isAlnum(next) || next === 0x7e) continue; // longer than 32, or ~~strike~~
    while (e > s && text.charCodeAt(e - 1) === 0x2e) e--;
    const name = text.slice(s, e);
    if (!acceptableName(name) || NON_NAMES.has(name.toLowerCase())) continue;
    if (next === 0x2f) out.push(finding(s, e, SCORE_TILDE_PATH, 'tilde-home'));
    else if (e >= n || isWhitespace(next) || ',;:)"\'.!?'.includes(String.fromCharCode(next))) {
      out.push(finding(s, e, SCORE_TILDE_BARE, 'tilde-home'));
    }
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* SIDs                                                                                                         */
/* ------------------------------------------------------------------------------------------------------------ */

const SID = /(?<![A-Za-z0-9-])S-1-(?:5-21|12-1)(?:-\d{1,10}){3,4}(?![A-Za-z0-9-])/g;

function detectSids(text: string, out: Finding[]): void {
  if (!text.includes('S-1-')) return;
  SID.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SID.exec(text)) !== null) {
    const parts = m[0].split('-').slice(3);
    if (!parts.every((p) => Number(p) <= 0xffffffff)) continue;
    out.push(finding(m.index, m.index + m[0].length, SCORE_SID, 'windows-sid', 'passed'));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* DOMAIN\user after an account label, and "Username: value"                                                   */
/* ------------------------------------------------------------------------------------------------------------ */

const B = '[ \\t\\u00a0]';
const ACCOUNT_LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<label>user(?:${B}?name)?|user${B}account|account(?:${B}name)?|login|logon|log(?:ged|ging)?${B}(?:in|on)${B}as|` +
    `signed${B}in${B}as|run${B}?as|benutzer(?:name|konto)?|konto|anmeldename|utilisateur|compte|usuario|cuenta)(?![\\p{L}\\p{N}_])` +
    `${B}{0,4}(?:[:=]${B}{0,4})?["'“]?(?<dom>[A-Za-z0-9][A-Za-z0-9._-]{0,62})\\\\{1,2}(?<name>[A-Za-z0-9][A-Za-z0-9._$-]{0,63})`,
  'giud',
);
const IGNORED_DOMAINS = new Set(['builtin', 'nt authority', 'nt service', 'iis apppool', 'font driver host', 'window manager']);

function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/[\s_-]+/g, ' ');
}

function detectDomainAccounts(text: string, out: Finding[]): void {
  if (!text.includes('\\')) return;
  const n = text.length;
  ACCOUNT_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACCOUNT_LABEL.exec(text)) !== null) {
    const dom = m.indices?.groups?.dom;
    const nm = m.indices?.groups?.name;
    if (!dom || !nm) continue;
    const [s] = dom;
    let [, e] = nm;
    if (e < n && (isAlnum(text.charCodeAt(e)) || text.charCodeAt(e) === 0x5c)) continue; // a longer path
    while (e > nm[0] && text.charCodeAt(e - 1) === 0x2e) e--;
    const domain = text.slice(dom[0], dom[1]);
    const name = text.slice(nm[0], e);
    if (name.endsWith('$') || IGNORED_DOMAINS.has(domain.toLowerCase()) || !acceptableName(name)) continue;
    const word = normaliseLabel(m.groups?.label ?? '');
    out.push(finding(s, e, ACCOUNT_BASE + ACCOUNT_EFFECT, 'domain-account', 'none', [{ word, effect: ACCOUNT_EFFECT }]));
  }
}

const USER_LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<label>user${B}?name|user[_-]name|user${B}?id|user[_-]id|user|login${B}?name|login[_-]name|login${B}?id|` +
    `account${B}name|sam${B}?account${B}?name|benutzer(?:name|kennung)?|anmeldename|nom${B}d['’]utilisateur|identifiant|` +
    `nombre${B}de${B}usuario|usuario)${B}{0,4}[:=]${B}{0,4}["'“]?`,
  'giu',
);

function isLabelValueChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAlnum(c) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x40 || c === 0x5c || c === 0x24;
  return /^[\p{L}\p{N}\p{M}]$/u.test(text.charAt(i));
}

/**
 * Cheap hints before the label regexes (which test a Unicode lookbehind at every position): every user label
 * contains one of these words, every serial label one of those, case-insensitively.
 */
const USER_LABEL_HINT = defineKeywordHint('user-label', ['user', 'login', 'account', 'benutzer', 'anmeldename', 'utilisateur', 'identifiant', 'usuario']);
const SERIAL_LABEL_HINT = defineKeywordHint('serial-label', ['seri', 'série', 'serie', 's/n', 'sn', 'service', 'imei']);

function detectUserLabels(text: string, out: Finding[]): void {
  // The label is always followed by ':' or '='.
  if ((!text.includes(':') && !text.includes('=')) || !hasKeywordHint(text, USER_LABEL_HINT)) return;
  const n = text.length;
  USER_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = USER_LABEL.exec(text)) !== null) {
    const s = m.index + m[0].length;
    let e = s;
    while (e < n && e - s <= MAX_NAME && isLabelValueChar(text, e)) e++;
    USER_LABEL.lastIndex = Math.max(USER_LABEL.lastIndex, e);
    if (e - s > MAX_NAME) continue;
    while (e > s && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d || text.charCodeAt(e - 1) === 0x5c)) e--;
    const value = text.slice(s, e);
    if (value.length < 2 || NON_NAMES.has(value.toLowerCase()) || !acceptableName(value.replace(/^.*\\/, ''))) continue;
    const word = normaliseLabel(m.groups?.label ?? '');
    out.push(finding(s, e, ACCOUNT_BASE + LABEL_EFFECT, 'username-label', 'none', [{ word, effect: LABEL_EFFECT }]));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Serial numbers                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

const SERIAL_LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<label>serial(?:${B}?(?:number|no\\.?|nr\\.?|num\\.?|#)|[_-]number)?|s/n|sn|seriennummer|serien-?nr\\.?|` +
    `num[ée]ro${B}de${B}s[ée]rie|n[úu]mero${B}de${B}serie|service${B}tag|imei)(?<sep>${B}{0,3}[:#=]|${B}{1,3}|(?=\\d))${B}{0,3}`,
  'giu',
);

function detectSerials(text: string, out: Finding[]): void {
  // The value always holds an ASCII digit.
  if (!hasDigitRun(text, 1) || !hasKeywordHint(text, SERIAL_LABEL_HINT)) return;
  const n = text.length;
  SERIAL_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SERIAL_LABEL.exec(text)) !== null) {
    const label = (m.groups?.label ?? '').toLowerCase();
    const sep = m.groups?.sep ?? '';
    if (label === 'sn' && !/[:#=]/.test(sep)) continue; // "sn" alone is too short to trust without a separator
    const s = m.index + m[0].length;
    let e = s;
    while (e < n && e - s <= 40 && (isAlnum(text.charCodeAt(e)) || text.charCodeAt(e) === 0x2d)) e++;
    SERIAL_LABEL.lastIndex = Math.max(SERIAL_LABEL.lastIndex, e);
    if (e - s > 40) continue;
    while (e > s && text.charCodeAt(e - 1) === 0x2d) e--;
    if (e - s < 5 || !isAlnum(text.charCodeAt(s))) continue;
    const next = e < n ? text.charCodeAt(e) : 0x20;
    if (next === 0x5f || next === 0x40 || (next >= 0x80 && /[\p{L}\p{N}]/u.test(text.charAt(e)))) continue;
    if (!/\d/.test(text.slice(s, e))) continue;
    const word = label.replace(/\s+/g, ' ');
    out.push(finding(s, e, SERIAL_BASE + SERIAL_EFFECT, 'serial-number', 'none', [{ word, effect: SERIAL_EFFECT }]));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */

export const userPathDetector: Detector = {
  id: 'user-path',
  version: '1',
  types: ['USERNAME'],
  detect(text) {
    if (text.length < 3) return [];
    const out: Finding[] = [];
    detectWindowsPaths(text, out);
    detectUnixPaths(text, out);
    detectTilde(text, out);
    detectSids(text, out);
    detectDomainAccounts(text, out);
    detectUserLabels(text, out);
    detectSerials(text, out);
    return out.length === 0 ? out : resolveOverlaps(out);
  },
};
