/** SECRET: database connection strings with a password — URLs (postgres://user:pass@host) and key=value lists (Server=…;Password=…). */

import type { Finding } from '../../finding';
import { SCORE_PREFIX, finding } from './scores';
import { MAX_VALUE, isAlnum, isBlank, isWhitespace, trimValue } from './scan';

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

export function detectConnectionUrls(text: string, out: Finding[]): void {
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

export function detectConnectionStrings(text: string, out: Finding[]): void {
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
