/**
 * HOSTNAME detector: names of customer machines.
 *
 * Patterns (explanation.pattern), score:
 *  - internal-fqdn         a dotted name under an internal TLD: .local .lan .corp .internal .intranet .home.arpa
 *                          .localdomain (0.9) and .ad (0.75, because .ad is also Andorra's public ccTLD), e.g.
 *                          SRV-DC01.contoso.local, Zoes-MacBook-Pro.local, ip-10-0-0-12.ec2.internal
 *  - windows-default-name  DESKTOP-7H2K9QX, LAPTOP-ABC123 (4..12 upper alnum with a digit, or 7+ characters) and
 *                          WIN-XXXXXXXXXXX (11), found without context                                       0.85
 *  - labelled-hostname     the value after hostname / host name / computer name / machine name / device name /
 *                          server name / FQDN / NetBIOS name / Rechnername / Computername / Gerätename /
 *                          nom d'hôte / nom de l'ordinateur / nombre del equipo (base 0.4, label +0.45 = 0.85);
 *                          after the weaker words server / host / workstation (+0.4 = 0.8) the value must look
 *                          like a machine name (a letter plus a digit or hyphen: SRV-DC01, fs01) and be a single
 *                          label or a dotted name whose first label does
 *  - unc-host              the server of a UNC path, \\SRV-FS01\share                                          0.85
 *
 * Not reported: ordinary public domains (example.com, microsoft.com — URLs and e-mail domains are other detectors'
 * business), well-known service names under internal TLDs (host.docker.internal, metadata.google.internal,
 * localhost.localdomain), names after '@' (e-mail addresses), file names (appsettings.local.json, setup.exe,
 * report.pdf), dotfiles (.env.local), version strings ("Server 2019", "server v2") and IP addresses.
 *
 * Anchors are literal suffixes or short bounded regexes; each candidate reads a bounded window (a host name is at
 * most 253 characters), so the cost is linear in the text.
 */

import type { Detector, Finding } from '../finding';
import { resolveOverlaps } from '../registry';
import { findingBuilder } from '../finding-builder';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';


const SCORE_INTERNAL = 0.9;
const SCORE_AD = 0.75;
const SCORE_DEFAULT_NAME = 0.85;
const SCORE_UNC = 0.85;
const LABEL_BASE = 0.4;
const STRONG_EFFECT = 0.45;
const WEAK_EFFECT = 0.4;
const MAX_HOST = 253;


const finding = findingBuilder('hostname', 'HOSTNAME', 'passed');

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isHostChar(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x5f || c === 0x2e;
}

const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/** File extensions that end names which are files, not hosts. */
const FILE_EXTENSIONS = new Set([
  'exe', 'msi', 'dll', 'sys', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'sh', 'py', 'js', 'ts', 'jar', 'zip', 'rar', '7z',
  'gz', 'tgz', 'tar', 'iso', 'img', 'vhd', 'vhdx', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'xlsm', 'ppt', 'pptx', 'txt',
  'log', 'csv', 'json', 'xml', 'yml', 'yaml', 'ini', 'cfg', 'conf', 'config', 'png', 'jpg', 'jpeg', 'gif', 'bmp',
  'svg', 'html', 'htm', 'md', 'rtf', 'eml', 'msg', 'pst', 'ost', 'dmp', 'evtx', 'etl', 'cab', 'msu', 'pkg', 'dmg',
  'app', 'apk', 'mp3', 'mp4', 'wav', 'mov', 'avi', 'bak', 'tmp', 'dat', 'db', 'sql', 'mdb', 'accdb', 'lnk', 'reg',
]);

/** Public services whose names turn up after server/host labels; never customer machines. */
const PUBLIC_SUFFIXES = [
  'microsoft.com', 'office365.com', 'office.com', 'outlook.com', 'live.com', 'windows.net', 'azure.com', 'msft.net',
  'amazonaws.com', 'google.com', 'googleapis.com', 'gmail.com', 'apple.com', 'icloud.com', 'github.com',
  'cloudflare.com', 'akamai.net', 'example.com', 'example.org', 'example.net',
];

const IGNORED_HOSTS = new Set([
  'host.docker.internal', 'gateway.docker.internal', 'kubernetes.docker.internal', 'metadata.google.internal',
  'localhost.localdomain', 'localhost.local',
]);

/** Values after a label that are prose or placeholders (lower case). */
const NON_HOSTS = new Set([
  'localhost', 'unknown', 'none', 'null', 'n/a', 'na', 'the', 'a', 'an', 'is', 'was', 'name', 'not', 'and', 'or',
  'to', 'of', 'in', 'on', 'at', 'for', 'with', 'from', 'this', 'that', 'it', 'my', 'your', 'our', 'their', 'see',
  'below', 'above', 'same', 'missing', 'empty', 'tbd', 'hostname', 'computer', 'server', 'host', 'unbekannt',
  'inconnu', 'desconocido', 'tsclient', 'wsl',
]);

/* ------------------------------------------------------------------------------------------------------------ */
/* Internal TLDs                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

const INTERNAL_TLD = /\.(?:localdomain|local|lan|corp|internal|intranet|home\.arpa|ad)(?![A-Za-z0-9_-])/gi;
/** The internal top-level domains above as literals: texts without any skip the search. */
const INTERNAL_TLD_HINT = defineKeywordHint('internal-tld', ['.localdomain', '.local', '.lan', '.corp', '.internal', '.intranet', '.home.arpa', '.ad']);

/** Start of the dotted name that ends at `end`, walking left over host characters; -1 if none is valid. */
function validHostStart(text: string, end: number, tldStart: number): number {
  let s = tldStart;
  while (s > 0 && end - s < MAX_HOST && isHostChar(text.charCodeAt(s - 1))) s--;
  if (s > 0 && isHostChar(text.charCodeAt(s - 1))) return -1; // longer than a host name can be
  // A leading dot: a dotfile (.env.local) or a name glued to sentence punctuation.
  if (text.charCodeAt(s) === 0x2e) return -1;
  const before = s > 0 ? text.charCodeAt(s - 1) : 0x20;
  if (before === 0x40) return -1; // an e-mail domain
  if (before >= 0x80 && /[\p{L}\p{N}]/u.test(text.charAt(s - 1))) return -1;
  const labels = text.slice(s, end).split('.');
  if (labels.some((l) => !LABEL.test(l))) {
    // Drop leading labels that are not valid (e.g. "-x.corp"): give up instead, it is not a host name.
    return -1;
  }
  return s;
}

function detectInternalFqdns(text: string, out: Finding[]): void {
  if (!hasKeywordHint(text, INTERNAL_TLD_HINT)) return;
  const n = text.length;
  INTERNAL_TLD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = INTERNAL_TLD.exec(text)) !== null) {
    const tldStart = m.index;
    const end = tldStart + m[0].length;
    // A file name or a longer name with a public TLD (appsettings.local.json, srv.corp.contoso.com).
    if (end < n && text.charCodeAt(end) === 0x2e && isAlnum(text.charCodeAt(end + 1))) continue;
    if (tldStart <= lastEnd) continue;
    const s = validHostStart(text, end, tldStart);
    if (s === -1 || s === tldStart) continue;
    const host = text.slice(s, end);
    if (IGNORED_HOSTS.has(host.toLowerCase())) continue;
    const tld = m[0].slice(1).toLowerCase();
    out.push(finding(s, end, tld === 'ad' ? SCORE_AD : SCORE_INTERNAL, 'internal-fqdn'));
    lastEnd = end;
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Windows default names                                                                                        */
/* ------------------------------------------------------------------------------------------------------------ */

const DEFAULT_NAME = /(?<![A-Za-z0-9_-])(?:(?:DESKTOP|LAPTOP)-[A-Z0-9]{4,12}|WIN-[A-Z0-9]{11})(?![A-Za-z0-9_-])/g;

function detectDefaultNames(text: string, out: Finding[]): void {
  if (!text.includes('-')) return;
  DEFAULT_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEFAULT_NAME.exec(text)) !== null) {
    const suffix = m[0].slice(m[0].indexOf('-') + 1);
    if (!/\d/.test(suffix) && suffix.length < 7) continue;
    out.push(finding(m.index, m.index + m[0].length, SCORE_DEFAULT_NAME, 'windows-default-name', 'none'));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Host names after a label                                                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

const B = '[ \\t\\u00a0]';
// (No lookbehind at the start: a regex that opens with one tests it at every position of the text. The word
// boundary before the label is checked in code, see `labelStartsWord`.)
const HOST_LABEL = new RegExp(
  `(?<label>host${B}?name|host[_-]name|computer${B}?name|computer[_-]name|machine${B}?name|machine[_-]name|` +
    `device${B}?name|device[_-]name|server${B}?name|server[_-]name|fqdn|netbios${B}name|dns${B}name|rechnername|` +
    `gerätename|geraetename|hostname|nom${B}d['’]hôte|nom${B}de${B}l['’]ordinateur|nombre${B}del${B}equipo|` +
    `nombre${B}de${B}host|server|host|workstation)(?![\\p{L}\\p{N}_])${B}{0,3}(?:[:=#]${B}{0,3})?["'“]?`,
  'giu',
);
const WEAK_LABELS = new Set(['server', 'host', 'workstation']);

function endsWithPublicSuffix(host: string): boolean {
  const h = host.toLowerCase();
  return PUBLIC_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** No letter, digit or underscore right before `i` (what the label's lookbehind used to say). */
function labelStartsWord(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);
  // a letter outside the BMP ends in a low surrogate: test the whole code point
  const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return !WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Every label above holds one of these (with the same flags): texts without any are skipped. */
const LABEL_HINT = defineKeywordHint('hostname-label', ['host', 'name', 'fqdn', 'server', 'workstation', 'hôte', 'ordinateur', 'equipo']);

function detectLabelled(text: string, out: Finding[]): void {
  if (!hasKeywordHint(text, LABEL_HINT)) return;
  const n = text.length;
  HOST_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HOST_LABEL.exec(text)) !== null) {
    if (!labelStartsWord(text, m.index)) {
      HOST_LABEL.lastIndex = m.index + 1;
      continue;
    }
    const label = (m.groups?.label ?? '').toLowerCase().replace(/[\s_-]+/g, ' ');
    const weak = WEAK_LABELS.has(label);
    const s = m.index + m[0].length;
    let e = s;
    while (e < n && e - s <= MAX_HOST && isHostChar(text.charCodeAt(e))) e++;
    HOST_LABEL.lastIndex = Math.max(HOST_LABEL.lastIndex, e);
    if (e - s > MAX_HOST) continue;
    while (e > s && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d)) e--;
    if (e <= s) continue;
    const next = e < n ? text.charCodeAt(e) : 0x20;
    // A path, a version ("Microsoft-IIS/10.0"), a share, an e-mail address or a longer word.
    if (next === 0x2f || next === 0x5c || next === 0x40 || (next >= 0x80 && /[\p{L}\p{N}]/u.test(text.charAt(e)))) continue;
    const value = text.slice(s, e);
    const lower = value.toLowerCase();
    if (NON_HOSTS.has(lower) || !/[A-Za-z]/.test(value) || value.length < 2) continue;
    const labels = value.split('.');
    if (labels.some((l) => !LABEL.test(l))) continue;
    const first = labels[0] ?? '';
    if (labels.length > 1) {
      const last = (labels[labels.length - 1] ?? '').toLowerCase();
      if (FILE_EXTENSIONS.has(last) || !/^[a-z]{2,24}$/.test(last) || endsWithPublicSuffix(value)) continue;
    }
    if (weak) {
      if (value.length < 3 || /^v\d/i.test(first) || !/[A-Za-z]/.test(first) || !/[\d-]/.test(first)) continue;
    }
    const effect = weak ? WEAK_EFFECT : STRONG_EFFECT;
    out.push(finding(s, e, LABEL_BASE + effect, 'labelled-hostname', 'passed', [{ word: label, effect }]));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* UNC paths                                                                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

const UNC = /(?<![A-Za-z0-9_.:/\\-])\\{2,4}([A-Za-z0-9][A-Za-z0-9.-]{0,62})\\{1,2}(?=[^\\\s])/g;

function detectUnc(text: string, out: Finding[]): void {
  if (!text.includes('\\\\')) return;
  UNC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UNC.exec(text)) !== null) {
    const host = m[1] ?? '';
    const s = m.index + m[0].indexOf(host);
    let e = s + host.length;
    while (e > s && text.charCodeAt(e - 1) === 0x2e) e--;
    const h = text.slice(s, e);
    if (!/[A-Za-z]/.test(h) || NON_HOSTS.has(h.toLowerCase()) || IGNORED_HOSTS.has(h.toLowerCase())) continue;
    if (h.split('.').some((l) => !LABEL.test(l))) continue;
    out.push(finding(s, e, SCORE_UNC, 'unc-host'));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */

export const hostnameDetector: Detector = {
  id: 'hostname',
  version: '1',
  types: ['HOSTNAME'],
  detect(text) {
    if (text.length < 3) return [];
    const out: Finding[] = [];
    if (text.includes('.')) detectInternalFqdns(text, out);
    detectDefaultNames(text, out);
    detectLabelled(text, out);
    detectUnc(text, out);
    return resolveOverlaps(out);
  },
};
