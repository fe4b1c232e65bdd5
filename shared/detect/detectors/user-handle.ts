/**
 * USERNAME detector for the names people go by in chat, messaging and social tools, as support text quotes them:
 *
 *  - at-mention      "@jsmith", "cc @jane.doe", "RT @JaneDoe99": the handle (without its @, which stays in the output)
 *                    after an @ at the start of the text, after white space or an opening bracket or quote: 2-30
 *                    letters, digits, '_', '.', '-', starting with a letter or '_' (so "@3pm" is a time) — 0.65.
 *                    Not an e-mail address (an @ after a letter or digit is the e-mail detector's), not a domain
 *                    ("@example.com"), not a package scope ("@types/node"), not a call ("@app.route("), and none
 *                    of the @-words of code, scripts and chat tools ("@echo off", "@Override", "@param", "@media",
 *                    "@here", "@channel").
 *  - account-label   "login: jsmith", "Skype: live:jane_1", "Discord = jd_1234", "Telegram: @jdoe": the value after
 *                    the label and ':' or '=' — 0.8 (the label words of user-path.ts — "Username:", "User ID=" —
 *                    are that detector's).
 *  - account-phrase  "my username is jsmith", "my Skype is jane.doe.42", "his login was jd01": the value after
 *                    a possessive, the account word and "is"/"was" — 0.8.
 *  - role-label      "Assigned to: kwilliams", "Reporter: j.doe", "Closed by: mlopez2": a ticket role's label and a
 *                    value written like a login (lower case, letters first, no space) — 0.75. A name written as a
 *                    name ("Requester: Zhang Wei") is the PERSON detector's.
 *  - user-word       "unlock user jsmith2", "reset for user a.jones", "login admin_2": "user", "username" or "login",
 *                    a space, and a value written like a login that also holds a digit, '.' or '_' (so "user
 *                    interface", "user kevin" and "user v2" are not accounts, nor a file name "user settings.json")
 *                    — 0.7. ("account jdoe42" and the German, French and Spanish words are left out: "account" is in
 *                    a quarter of all tickets, and this prefilter's words would then let most texts through.)
 *
 * Values that are prose ("my login is not working", "Skype: none", "Assigned to: support"), English words or
 * built-in accounts ("login: admin") are not reported (user-path.ts's lists and the gazetteer's English words).
 * Every pattern is a bounded regex or a bounded scan: linear in the text.
 */

import type { Detector, Finding } from '../finding';
import { findingBuilder } from '../finding-builder';
import { COMMON, type Gazetteer } from '../gazetteer';
import { COMMON_TLDS } from './email';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';
import { isProseOrBuiltInName } from './user-path';

const SCORE_MENTION = 0.65;
const ACCOUNT_BASE = 0.35;
const ACCOUNT_EFFECT = 0.45;
const ROLE_EFFECT = 0.4;
const MAX_VALUE = 64;

const finding = findingBuilder('user-handle', 'USERNAME', 'none');

/** The @-words of code (Java/TypeScript/Python annotations, JSDoc, CSS at-rules), scripts and chat tools. */
const AT_WORDS = new Set([
  // scripts and chat tools
  'echo', 'rem', 'here', 'channel', 'everyone', 'all', 'team', 'everybody', 'someone',
  // JSDoc / Javadoc
  'param', 'params', 'return', 'returns', 'throws', 'throw', 'exception', 'see', 'since', 'author', 'deprecated',
  'example', 'type', 'typedef', 'todo', 'link', 'version', 'internal', 'private', 'public', 'protected', 'override',
  'readonly', 'async', 'callback', 'const', 'default', 'description', 'file', 'fileoverview', 'module', 'namespace',
  'property', 'prop', 'template', 'this', 'yields', 'inheritdoc', 'license', 'class', 'constructor', 'enum',
  'function', 'global', 'ignore', 'interface', 'member', 'memberof', 'method', 'name', 'summary', 'test',
  // annotations and decorators
  'functionalinterface', 'suppresswarnings', 'safevarargs', 'retention', 'target', 'documented',
  'inherited', 'nonnull', 'nullable', 'notnull', 'component', 'injectable', 'input', 'output', 'bean', 'autowired',
  'inject', 'entity', 'table', 'id', 'column', 'get', 'post', 'put', 'patch', 'delete', 'path', 'value', 'service',
  'repository', 'controller', 'restcontroller', 'configuration', 'transactional', 'requestmapping', 'getmapping',
  'postmapping', 'putmapping', 'deletemapping', 'requestparam', 'requestbody', 'pathvariable', 'jsonproperty',
  'jsonignore', 'xmlelement', 'before', 'after', 'beforeeach', 'aftereach', 'beforeall', 'afterall', 'disabled',
  'ngmodule', 'directive', 'pipe', 'hostlistener', 'viewchild', 'staticmethod', 'classmethod', 'dataclass',
  'abstractmethod', 'lru_cache', 'cached_property', 'pytest', 'mock', 'synthesize', 'dynamic', 'end',
  'implementation', 'protocol', 'optional', 'required', 'objc', 'available', 'escaping', 'main', 'state',
  'published', 'observedobject', 'environment', 'binding', 'mainactor', 'discardableresult',
  // CSS at-rules and preprocessors
  'media', 'import', 'charset', 'font-face', 'keyframes', 'supports', 'page', 'layer', 'container', 'tailwind',
  'apply', 'mixin', 'include', 'extend', 'use', 'forward', 'each', 'if', 'else', 'for', 'while',
  // Razor / Blade / Windows batch
  'model', 'using', 'section', 'foreach', 'endforeach', 'endif', 'yield', 'csrf',
]);

/** An @-mention at an '@' (sticky): the handle, not followed by more of a name, a domain, a path or a call. */
const MENTION = /@([A-Za-z_][A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])(?![A-Za-z0-9_@]|\.[A-Za-z0-9]|\/|\()/y;
/** What glues an '@' to the word before it (an e-mail address, a package version, a path). */
const GLUED_BEFORE = /[\p{L}\p{N}\p{M}_.+\-@/\\]/u;

const B = '[ \\t\\u00a0]';
/** Account words that are not user-path.ts's labels. */
const ACCOUNT_WORD = `login|logon|skype(?:${B}?(?:id|name))?|discord|telegram|signal|whatsapp${B}?name|handle|alias|gamertag|twitter|instagram|slack${B}?(?:handle|name|id)`;
/** Labels end right before a ':' or '=' (matched on the characters before it). */
const ACCOUNT_LABEL = new RegExp(`(?<![\\p{L}\\p{N}_])(?<label>${ACCOUNT_WORD})${B}{0,4}$`, 'iu');
const ACCOUNT_PHRASE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:my|his|her|their|your|our)${B}+(?<label>user${B}?name|user${B}?id|login${B}?name|login${B}?id|${ACCOUNT_WORD})` +
    `${B}+(?:is|was)${B}+["'“]?`,
  'giu',
);
/** Ticket roles whose value is often a login ("Assigned to: kwilliams"). */
const ROLE_LABEL = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<label>assigned${B}to|assignee|owner|reporter|requester|requestor|submitter|caller|technician|` +
    `(?:created|opened|closed|resolved|updated|modified|approved|assigned|escalated)${B}by)${B}{0,4}$`,
  'iu',
);
/**
 * "user jsmith2": an account word, spaces, and a value that starts in lower case and holds a digit, '.' or '_' (read
 * again by `detectUserWords`). Plain case-insensitive (no `u`: several times faster to scan); what may stand before
 * the word is checked in code.
 */
const USER_WORD = /(user|username|login)[ \t\u00a0]+(?=[a-z][a-z0-9-]*[0-9._])/gi;
/** Before an account word: not a letter, digit or one of the characters that glue it into a path or address. */
const GLUED_WORD_BEFORE = /[\p{L}\p{N}_@./\\-]/u;
/** A login after an account word: lower case, a letter first, with a digit, '.' or '_' in it. */
const LOGIN_WITH_MARK = /^[a-z][a-z0-9._-]{1,38}[a-z0-9]$/;
const LOGIN_MARK = /[0-9._]/;
/** "v2", "v10.1": versions, not logins. */
const VERSION = /^v\d/;
/** File names are not logins ("user settings.json"). */
const FILE_EXTENSION = /\.(?:json|xml|txt|log|exe|dll|cfg|conf|ini|csv|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|html?|js|ts|py|sh|bat|ps1|msi|zip|dmp|yml|yaml|md)$/;
const USER_WORD_EFFECT = 0.35;

/** The longest label and the spaces before its ':' or '='. */
const LABEL_WINDOW = 40;
/** After the ':' or '=': spaces and an opening quote. */
const AFTER_SEPARATOR = /[ \t\u00a0]{0,4}["'“]?/y;
/** A value written like a login: lower case, a letter first, then letters, digits, '.', '_' or '-'. */
const LOGIN_SHAPE = /^[a-z][a-z0-9._-]{2,39}$/;
/** Queue and team names that roles take ("Assigned to: tier2"). */
const QUEUE_VALUES = new Set([
  'helpdesk', 'servicedesk', 'service-desk', 'unassigned', 'nobody', 'tier1', 'tier2', 'tier3', 'l1', 'l2', 'l3',
  'level1', 'level2', 'level3', 'devops', 'dba', 'infra', 'noc', 'soc', 'autoassign', 'auto-assign', 'workflow',
]);
/** One prefilter for the account words and the ticket roles (the keyword hints are few: one 32-bit mask). */
const ACCOUNT_HINT = defineKeywordHint('account-word', [
  'login', 'logon', 'skype', 'discord', 'telegram', 'signal', 'whatsapp', 'handle', 'alias', 'gamertag', 'twitter',
  'instagram', 'slack', 'user', 'assign', 'owner', 'reporter', 'request', 'submitter', 'caller', 'technician', 'created',
  'opened', 'closed', 'resolved', 'updated', 'modified', 'approved', 'escalated',
]);

/** What "my login is …" goes on with when it says how the account is, not what it is called. */
const PROSE_VALUES = new Set([
  'broken', 'working', 'fine', 'ok', 'okay', 'expired', 'blocked', 'gone', 'different', 'correct', 'right', 'new',
  'old', 'hacked', 'compromised', 'suspended', 'deactivated', 'active', 'inactive', 'pending', 'taken', 'available',
  'unavailable', 'also', 'still', 'now', 'currently', 'just', 'below', 'above', 'attached', 'here', 'there', 'correctly',
  'wrongly', 'case', 'sensitive', 'valid', 'too', 'very', 'being', 'been', 'no', 'yes', 'on', 'off', 'linked', 'shown',
  'live',
]);

function isValueChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d || c === 0x40 || c === 0x23;
  }
  return /^[\p{L}\p{N}\p{M}]$/u.test(text.charAt(i));
}

function detectMentions(text: string, out: Finding[]): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && GLUED_BEFORE.test(text.charAt(at - 1))) continue;
    MENTION.lastIndex = at;
    const m = MENTION.exec(text);
    if (m === null) continue;
    const handle = m[1]!;
    if (AT_WORDS.has(handle.toLowerCase()) || isProseOrBuiltInName(handle)) continue;
    // "@example.com", "all @gmail.com addresses": a domain
    const dot = handle.lastIndexOf('.');
    if (dot > 0 && COMMON_TLDS.has(handle.slice(dot + 1).toLowerCase())) continue;
    // the handle without its '@': the pseudonym replaces the name and the mention stays a mention ("@user-…")
    out.push(finding(at + 1, at + m[0].length, SCORE_MENTION, 'at-mention'));
  }
}

/** Is `value` an ordinary word (English, or one of the common words of several languages)? */
type IsWord = (value: string) => boolean;

/** The value that starts at `s` (after a label or phrase), as [start, end), if it may be an account name. */
function accountValue(text: string, s: number, role: boolean, isWord: IsWord): readonly [number, number] | null {
  const n = text.length;
  if (text.charCodeAt(s) === 0x40) s++; // "Telegram: @jdoe": the handle without its @
  let e = s;
  while (e < n && e - s <= MAX_VALUE && isValueChar(text, e)) e++;
  // Skype IDs of Microsoft accounts: "live:jane_1"
  if (e - s === 4 && text.charCodeAt(e) === 0x3a && e + 1 < n && isValueChar(text, e + 1) && text.slice(s, e).toLowerCase() === 'live') {
    e++;
    while (e < n && e - s <= MAX_VALUE && isValueChar(text, e)) e++;
  }
  if (e - s > MAX_VALUE) return null;
  while (e > s && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d)) e--;
  const value = text.slice(s, e);
  if (value.length < 2 || !/[\p{L}\p{N}]/u.test(value) || isProseOrBuiltInName(value) || PROSE_VALUES.has(value.toLowerCase())) return null;
  if (role && (!LOGIN_SHAPE.test(value) || QUEUE_VALUES.has(value))) return null;
  if (isWord(value.toLowerCase())) return null;
  return [s, e];
}

function pushAccount(span: readonly [number, number], pattern: string, label: string, out: Finding[]): void {
  const effect = pattern === 'role-label' ? ROLE_EFFECT : ACCOUNT_EFFECT;
  out.push(finding(span[0], span[1], ACCOUNT_BASE + effect, pattern, 'none', [{ word: label.toLowerCase().replace(/\s+/g, ' '), effect }]));
}

/** Account and role labels: at each ':' or '=', the label words right before it. */
function detectLabels(text: string, isWord: IsWord, out: Finding[]): void {
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c !== 0x3a && c !== 0x3d) continue;
    const before = text.slice(Math.max(0, p - LABEL_WINDOW), p);
    const account = ACCOUNT_LABEL.exec(before);
    const role = account === null ? ROLE_LABEL.exec(before) : null;
    const m = account ?? role;
    if (m === null) continue;
    AFTER_SEPARATOR.lastIndex = p + 1;
    const after = AFTER_SEPARATOR.exec(text);
    const span = accountValue(text, p + 1 + (after?.[0].length ?? 0), role !== null, isWord);
    if (span !== null) pushAccount(span, role !== null ? 'role-label' : 'account-label', m.groups!.label!, out);
  }
}

/** "my username is jsmith". */
function detectPhrases(text: string, isWord: IsWord, out: Finding[]): void {
  ACCOUNT_PHRASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACCOUNT_PHRASE.exec(text)) !== null) {
    const span = accountValue(text, m.index + m[0].length, false, isWord);
    if (span !== null) pushAccount(span, 'account-phrase', m.groups!.label!, out);
  }
}

/** "unlock user jsmith2": an account word and a login-shaped value with a digit, '.' or '_'. */
function detectUserWords(text: string, isWord: IsWord, out: Finding[]): void {
  USER_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = USER_WORD.exec(text)) !== null) {
    if (m.index > 0 && GLUED_WORD_BEFORE.test(text.charAt(m.index - 1))) continue;
    const s = m.index + m[0].length;
    let e = s;
    while (e < text.length && e - s <= MAX_VALUE && isValueChar(text, e)) e++;
    while (e > s && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d)) e--;
    const value = text.slice(s, e);
    if (!LOGIN_WITH_MARK.test(value) || !LOGIN_MARK.test(value) || VERSION.test(value) || FILE_EXTENSION.test(value)) continue;
    // "user x.y@example.com" is the e-mail detector's; "user name.surname" with a word before the dot is still a login
    if (e < text.length && text.charCodeAt(e) === 0x40) continue;
    if (isProseOrBuiltInName(value) || isWord(value.toLowerCase())) continue;
    const label = m[1]!.toLowerCase();
    out.push(finding(s, e, ACCOUNT_BASE + USER_WORD_EFFECT, 'user-word', 'none', [{ word: label, effect: USER_WORD_EFFECT }]));
  }
}

export function createUserHandleDetector(g: Gazetteer): Detector {
  const isWord: IsWord = (value) => g.english.has(value) || (g.lookupWord(value) & COMMON) !== 0;
  return {
    id: 'user-handle',
    version: '1',
    types: ['USERNAME'],
    detect(text) {
      const out: Finding[] = [];
      detectMentions(text, out);
      if (!hasKeywordHint(text, ACCOUNT_HINT)) return out;
      if (text.includes(':') || text.includes('=')) detectLabels(text, isWord, out);
      detectPhrases(text, isWord, out);
      detectUserWords(text, isWord, out);
      return out;
    },
  };
}
