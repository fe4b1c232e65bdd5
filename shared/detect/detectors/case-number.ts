/**
 * CASE_NUMBER detector: help-desk references (case, ticket, incident and service-request numbers).
 *
 * Every pattern — the defaults below and any a caller configures — is a regular expression given as a string.
 * If it has a named group `ref`, the finding covers that group (so "Case #12345678" reports "12345678" and not the
 * word "Case"); otherwise it covers the whole match. Prefixes that belong to the reference itself ("INC0012345",
 * "REQ-1234") are inside the group.
 *
 * Patterns are validated when the detector is created; an Error that names the pattern is thrown when:
 *  - the name is empty or used twice, or the source is empty or longer than 1,000 characters;
 *  - the flags hold anything but i, m, s, u (the detector adds g and d itself, so a pattern cannot
 *    change how it is iterated);
 *  - the source is not a valid regular expression;
 *  - it can match the empty string (checked on the empty string and a few probe strings; zero-length matches
 *    that slip through are skipped at run time);
 *  - it has the classic shapes of catastrophic backtracking: a repeated group (+, *, {n,}, {n,m} with m > 1) whose
 *    body holds an unbounded quantifier, or an unboundedly repeated group whose body holds any repetition or an
 *    alternation — e.g. (a+)+, (\d+){2}, (a|ab)*, (\w{2})+.
 * This is a guard, not a proof: adjacent unbounded quantifiers over overlapping classes (\d+\d+x) still cost
 * polynomial time on hostile input. The defaults only use literal anchors and bounded quantifiers, and the whole
 * detector is skipped for text without a digit.
 *
 * Default patterns and scores (explanation.pattern):
 *  - case            Case #12345678, case 12345678, Case No. 12345678, caso 12345678, Fallnummer 12345   0.9
 *  - service-request SR 1234567890, SR#1234567890, SR 3-1234567890, Service Request 1234567          0.9
 *  - servicenow      INC0012345, REQ/RITM/CHG/PRB/TASK/SCTASK/CTASK/PTASK + 7..10 digits          0.9
 *  - itsm-hyphen     REQ-1234, INC-42, CHG-7, SR-15, TKT-99, CASE-1234                              0.85
 *  - jira-key        ABC-1234, only after ticket/issue/Jira/bug/story/epic/incident context         0.85
 *  - tracking-id     TrackingID#2301010010000123 (Microsoft support)                               0.95
 *  - ticket          Ticket #4711, Ticket-Nr. 4711, Ticket ID: 4711, ticket 4711                    0.9
 *  - vorgang         Vorgangsnummer 12345, Vorgang 12345, Vorgangs-Nr. 12345, Aktenzeichen 12345    0.9
 *  - dossier         numéro de dossier 12345, dossier n° 12345, número de caso 12345                0.9
 * Custom patterns score 0.85 unless they give a score.
 */

import type { Detector, Finding } from '../finding';
import { resolveOverlaps } from '../registry';
import { digitProfile, hasDigitRun } from './text-scan';
import { defineKeywordHint, hasKeywordHint, type KeywordHint } from './keyword-hints';

export interface CaseNumberPattern {
  /** Shown as explanation.pattern. */
  readonly name: string;
  /** Regular expression source; a named group `ref` marks the part to report. */
  readonly regex: string;
  /** Any of i, m, s, u. */
  readonly flags?: string;
  /** 0..1; 0.85 when omitted. */
  readonly score?: number;
}

const CUSTOM_SCORE = 0.85;
const MAX_SOURCE = 1000;
const ALLOWED_FLAGS = new Set(['i', 'm', 's', 'u']);

const B = '[ \\t\\u00a0]';
const START = '(?<![\\p{L}\\p{N}_])';
const END = '(?![\\p{N}\\p{L}])';

export const DEFAULT_CASE_NUMBER_PATTERNS: readonly CaseNumberPattern[] = [
  {
    name: 'case',
    regex:
      `${START}(?:case|caso|fallnummer|fall-?nr\\.?)(?:${B}{0,3}(?:no\\.?|nr\\.?|number|num\\.?|n°|id|ref\\.?|número|nummer))?` +
      `${B}{0,3}(?:#${B}{0,2}(?=\\d{3})|:${B}{0,3}(?=\\d{4})|(?=\\d{5}))(?<ref>\\d{3,20})${END}`,
    flags: 'iu',
    score: 0.9,
  },
  {
    name: 'service-request',
    regex: `${START}(?:SR|[Ss]ervice [Rr]equest)${B}{0,3}(?:#|:|[Nn]o\\.?|[Nn]r\\.?|[Nn]umber)?${B}{0,3}(?<ref>(?:\\d-)?\\d{7,16})${END}`,
    flags: 'u',
    score: 0.9,
  },
  {
    name: 'servicenow',
    regex: `${START}(?<ref>(?:INC|REQ|RITM|CHG|PRB|PTASK|SCTASK|CTASK|TASK)\\d{7,10})${END}`,
    flags: 'u',
    score: 0.9,
  },
  {
    name: 'itsm-hyphen',
    regex: `(?<![\\p{L}\\p{N}_-])(?<ref>(?:REQ|INC|CHG|PRB|SR|TKT|TICKET|CASE|RITM)-\\d{1,10})(?![\\p{N}\\p{L}-])`,
    flags: 'u',
    score: 0.85,
  },
  {
    name: 'jira-key',
    regex:
      `${START}(?:[Tt]ickets?|TICKETS?|[Ii]ssues?|ISSUES?|[Jj]ira|JIRA|[Bb]ugs?|BUGS?|[Ss]tory|[Ee]pic|[Ii]ncident|[Vv]organg|[Aa]nfrage)` +
      `(?:${B}{0,3}(?:ID|[Ii]d|[Kk]ey|[Nn]o\\.?|[Nn]r\\.?))?${B}{0,3}[#:]?${B}{0,3}` +
      `(?<ref>[A-Z][A-Z0-9]{1,9}-[1-9]\\d{0,6})(?![\\p{N}\\p{L}]|-[\\p{N}\\p{L}])`,
    flags: 'u',
    score: 0.85,
  },
  {
    name: 'tracking-id',
    regex: `${START}tracking${B}?id${B}{0,3}[#:]?${B}{0,3}(?<ref>\\d{10,20})${END}`,
    flags: 'iu',
    score: 0.95,
  },
  {
    name: 'ticket',
    regex:
      `${START}(?:ticket|tkt)(?:${B}{0,3}-?${B}{0,2}(?:nr\\.?|no\\.?|number|nummer|num[ée]ro|n°|id))?` +
      `${B}{0,3}(?:#${B}{0,2}(?=\\d{3})|:${B}{0,3}(?=\\d{3})|(?=\\d{4}))(?<ref>\\d{3,12})${END}`,
    flags: 'iu',
    score: 0.9,
  },
  {
    name: 'vorgang',
    regex:
      `${START}(?:vorgangs?(?:nummer|-?nr\\.?|-?id)?|aktenzeichen|referenznummer|anfragenummer|meldungsnummer|störungsnummer)` +
      `${B}{0,3}[#:]?${B}{0,3}(?<ref>\\d{4,12})${END}`,
    flags: 'iu',
    score: 0.9,
  },
  {
    name: 'dossier',
    regex:
      `${START}(?:(?:num[ée]ro|n°|no\\.?|n[úu]mero)${B}{1,3}de${B}{1,3}(?:dossier|ticket|cas|demande|incident|caso|incidencia|solicitud|expediente)` +
      `|dossier(?:${B}{0,3}(?:n°|no\\.?|num[ée]ro))?|expediente)${B}{0,3}[#:]?${B}{0,3}(?<ref>\\d{4,12})${END}`,
    flags: 'iu',
    score: 0.9,
  },
];

/**
 * The longest run of ASCII digits that every match of a built-in pattern holds (its reference number): a text
 * without such a run is not scanned with that pattern. Custom patterns are always scanned.
 */
const DEFAULT_MIN_DIGIT_RUN: ReadonlyMap<CaseNumberPattern, number> = new Map(
  DEFAULT_CASE_NUMBER_PATTERNS.map((p) => {
    const run = { case: 3, 'service-request': 7, servicenow: 7, 'itsm-hyphen': 1, 'jira-key': 1, 'tracking-id': 10, ticket: 3, vorgang: 4, dossier: 4 }[p.name];
    if (run === undefined) throw new Error(`no digit run for the built-in case number pattern ${p.name}`);
    return [p, run];
  }),
);

/**
 * Words that every match of a built-in pattern holds (in any case): a text without one of them is not scanned with
 * that pattern. One shared scan per text answers them all (see keyword-hints.ts). Custom patterns are always
 * scanned.
 */
const DEFAULT_HINTS: ReadonlyMap<CaseNumberPattern, KeywordHint> = new Map(
  DEFAULT_CASE_NUMBER_PATTERNS.map((p) => {
    const words = {
      case: ['case', 'caso', 'fall'],
      'service-request': ['sr', 'service request'],
      servicenow: ['inc', 'req', 'ritm', 'chg', 'prb', 'task'],
      'itsm-hyphen': ['req-', 'inc-', 'chg-', 'prb-', 'sr-', 'tkt-', 'ticket-', 'case-', 'ritm-'],
      'jira-key': ['ticket', 'issue', 'jira', 'bug', 'story', 'epic', 'incident', 'vorgang', 'anfrage'],
      'tracking-id': ['tracking'],
      ticket: ['ticket', 'tkt'],
      vorgang: ['vorgang', 'aktenzeichen', 'referenznummer', 'anfragenummer', 'meldungsnummer', 'störungsnummer'],
      // "numéro de dossier", "n° de cas", "número de solicitud", "dossier n°", "expediente"
      dossier: ['dossier', 'ticket', 'cas', 'demande', 'incident', 'incidencia', 'solicitud', 'expediente'],
    }[p.name];
    if (words === undefined) throw new Error(`no keyword hint for the built-in case number pattern ${p.name}`);
    return [p, defineKeywordHint(`case-number/${p.name}`, words)];
  }),
);

interface Compiled {
  readonly name: string;
  readonly re: RegExp;
  readonly score: number;
  readonly hasRef: boolean;
  /** 0: always scanned. */
  readonly minDigitRun: number;
  /** Scanned only in texts that hold one of its words; undefined: always scanned. */
  readonly hint: KeywordHint | undefined;
}

function fail(name: string, why: string): never {
  throw new Error(`Case number pattern "${name}": ${why}`);
}

interface Quantifier {
  /** Characters the quantifier takes (including a lazy '?'). */
  readonly length: number;
  readonly max: number;
}

/** Reads a quantifier at `i` in `src`, if there is one. */
function readQuantifier(src: string, i: number): Quantifier | null {
  const c = src.charAt(i);
  let q: Quantifier | null = null;
  if (c === '*' || c === '+') q = { length: 1, max: Infinity };
  else if (c === '?') q = { length: 1, max: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24));
    if (m) {
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      q = { length: m[0].length, max };
    }
  }
  if (q && src.charAt(i + q.length) === '?') q = { length: q.length + 1, max: q.max };
  return q;
}

interface Frame {
  /** The body holds a quantifier with an unbounded maximum. */
  unbounded: boolean;
  /** The body holds a quantifier that repeats (max > 1). */
  repeats: boolean;
  alternation: boolean;
}

/** Throws on nested quantifiers and repeated alternations (see the file comment). */
function checkBacktracking(name: string, src: string): void {
  const stack: Frame[] = [{ unbounded: false, repeats: false, alternation: false }];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      i++;
      while (i < src.length && src.charAt(i) !== ']') i += src.charAt(i) === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      stack.push({ unbounded: false, repeats: false, alternation: false });
      i++;
      continue;
    } else if (c === ')') {
      const frame = stack.length > 1 ? stack.pop()! : top;
      const parent = stack[stack.length - 1]!;
      i++;
      const q = readQuantifier(src, i);
      if (q) {
        if (q.max > 1 && frame.unbounded) fail(name, 'nested quantifiers (a repeated group holds an unbounded quantifier) can backtrack catastrophically');
        if (q.max === Infinity && (frame.repeats || frame.alternation)) {
          fail(name, 'an unboundedly repeated group holds a repetition or an alternation and can backtrack catastrophically');
        }
        i += q.length;
        if (q.max === Infinity) parent.unbounded = true;
        if (q.max > 1) parent.repeats = true;
      }
      if (frame.unbounded) parent.unbounded = true;
      if (frame.repeats) parent.repeats = true;
      continue;
    } else if (c === '|') {
      top.alternation = true;
      i++;
      continue;
    } else {
      i++;
    }
    // A quantifier on the atom just read.
    const q = readQuantifier(src, i);
    if (q) {
      if (q.max === Infinity) top.unbounded = true;
      if (q.max > 1) top.repeats = true;
      i += q.length;
    }
  }
}

const EMPTY_PROBES = ['', ' ', 'a', 'A1', '-', 'x\ny', 'Case #12345678 INC0012345 REQ-1234 Ticket 4711'];

function compile(pattern: CaseNumberPattern, names: Set<string>): Compiled {
  const name = typeof pattern?.name === 'string' ? pattern.name.trim() : '';
  if (name === '') throw new Error('Case number pattern: every pattern needs a non-empty name');
  if (names.has(name)) fail(name, 'the name is used by another pattern');
  names.add(name);
  const source = pattern.regex;
  if (typeof source !== 'string' || source.length === 0) fail(name, 'the regular expression is empty');
  if (source.length > MAX_SOURCE) fail(name, `the regular expression is longer than ${MAX_SOURCE} characters`);
  const flags = pattern.flags ?? '';
  for (const f of flags) {
    if (!ALLOWED_FLAGS.has(f)) fail(name, `flag "${f}" is not allowed (use only i, m, s, u; g and d are added by the detector)`);
  }
  if (new Set(flags).size !== flags.length) fail(name, `flags "${flags}" repeat a flag`);
  const score = pattern.score ?? CUSTOM_SCORE;
  if (typeof score !== 'number' || !(score > 0 && score <= 1)) fail(name, 'the score must be a number in (0, 1]');
  let re: RegExp;
  try {
    re = new RegExp(source, `${flags}gd`);
  } catch (e) {
    fail(name, `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
  checkBacktracking(name, source);
  if (new RegExp(`^(?:${source})$`, flags).test('')) fail(name, 'it can match the empty string');
  for (const probe of EMPTY_PROBES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(probe)) !== null) {
      if (m[0].length === 0) fail(name, 'it can match the empty string');
    }
  }
  return { name, re, score, hasRef: /\(\?<ref>/.test(source), minDigitRun: DEFAULT_MIN_DIGIT_RUN.get(pattern) ?? 0, hint: DEFAULT_HINTS.get(pattern) };
}

function compileAll(patterns: readonly CaseNumberPattern[]): Compiled[] {
  if (!Array.isArray(patterns)) throw new Error('Case number patterns must be an array');
  const names = new Set<string>();
  return patterns.map((p) => compile(p, names));
}

/**
 * Creates a CASE_NUMBER detector from `patterns` (the defaults when omitted). To extend the defaults, pass
 * `[...DEFAULT_CASE_NUMBER_PATTERNS, mine]`. Throws an Error naming the pattern when one is unusable.
 */
export function createCaseNumberDetector(patterns: readonly CaseNumberPattern[] = DEFAULT_CASE_NUMBER_PATTERNS): Detector {
  const compiled = compileAll(patterns);
  const gated = compiled.some((p) => p.minDigitRun > 0);
  return {
    id: 'case-number',
    version: '1',
    types: ['CASE_NUMBER'],
    detect(text) {
      if (text.length === 0) return [];
      const out: Finding[] = [];
      const digitRun = gated ? digitProfile(text).digitRun : 0;
      for (const p of compiled) {
        if (p.minDigitRun > digitRun || (p.hint !== undefined && !hasKeywordHint(text, p.hint))) continue;
        const re = p.re;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          let start = m.index;
          let end = m.index + m[0].length;
          const ref = p.hasRef ? m.indices?.groups?.ref : undefined;
          if (p.hasRef) {
            if (ref === undefined) continue;
            [start, end] = ref;
          }
          if (end <= start) continue;
          out.push({
            start,
            end,
            type: 'CASE_NUMBER',
            score: p.score,
            detector: 'case-number',
            explanation: { pattern: p.name, validation: 'none', context: [] },
          });
        }
      }
      return resolveOverlaps(out);
    },
  };
}

const defaultDetector = createCaseNumberDetector();

/** The CASE_NUMBER detector with the default patterns. All of them need a digit, so text without one is skipped. */
export const caseNumberDetector: Detector = {
  id: defaultDetector.id,
  version: defaultDetector.version,
  types: defaultDetector.types,
  detect(text, context) {
    if (!hasDigitRun(text, 1)) return [];
    return defaultDetector.detect(text, context);
  },
};
