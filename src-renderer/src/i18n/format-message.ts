/**
 * The message formatter of the interface's catalogues: a small subset of ICU MessageFormat, enough for our strings.
 *   `{name}`                                             a placeholder (numbers are formatted for the locale)
 *   `{count, plural, =0 {none} one {# file} other {# files}}`  a plural: an exact `=N` branch first, then the
 *                                                        locale's plural category (Intl.PluralRules), then `other`;
 *                                                        `#` in a branch is the number, formatted for the locale
 * Branches may hold placeholders. Literal braces and apostrophe quoting are not supported (no message needs them).
 * Pure: no DOM, no I/O. Parsing is separate from formatting, so a catalogue can be parsed once and checked in tests.
 */

export type MessageParams = Readonly<Record<string, string | number>>;

export type MessagePart =
  | string
  | { readonly kind: 'number-sign' }
  | { readonly kind: 'argument'; readonly name: string }
  | { readonly kind: 'plural'; readonly name: string; readonly branches: ReadonlyMap<string, readonly MessagePart[]> };

/** Thrown for a malformed message; the message quotes the catalogue's template, never a parameter. */
export class MessageSyntaxError extends Error {
  override readonly name = 'MessageSyntaxError';
}

const IDENTIFIER = /^[A-Za-z_][\w.]*$/;

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new MessageSyntaxError(`Unbalanced braces in message "${text}"`);
}

function parseBranches(text: string, whole: string): Map<string, MessagePart[]> {
  const branches = new Map<string, MessagePart[]>();
  let i = 0;
  while (i < text.length) {
    const selector = /^\s*(=\d+|[a-z]+)\s*\{/.exec(text.slice(i));
    if (!selector) {
      if (text.slice(i).trim() === '') break;
      throw new MessageSyntaxError(`Expected a plural branch in message "${whole}"`);
    }
    const open = i + selector[0].length - 1;
    const close = closingBrace(text, open);
    branches.set(selector[1]!, parseParts(text.slice(open + 1, close), whole, true));
    i = close + 1;
  }
  if (!branches.has('other')) throw new MessageSyntaxError(`A plural needs an "other" branch in message "${whole}"`);
  return branches;
}

function parseArgument(body: string, whole: string): MessagePart {
  const [rawName, rawKind, ...rest] = body.split(',');
  const name = rawName!.trim();
  if (!IDENTIFIER.test(name)) throw new MessageSyntaxError(`Bad placeholder name in message "${whole}"`);
  if (rawKind === undefined) return { kind: 'argument', name };
  if (rawKind.trim() !== 'plural') throw new MessageSyntaxError(`Only "plural" arguments are supported in message "${whole}"`);
  return { kind: 'plural', name, branches: parseBranches(rest.join(','), whole) };
}

function parseParts(text: string, whole: string, inPlural: boolean): MessagePart[] {
  const parts: MessagePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '}') throw new MessageSyntaxError(`Unbalanced braces in message "${whole}"`);
    if (ch !== '{' && !(ch === '#' && inPlural)) {
      literal += ch;
      i += 1;
      continue;
    }
    if (literal) parts.push(literal);
    literal = '';
    if (ch === '#') {
      parts.push({ kind: 'number-sign' });
      i += 1;
      continue;
    }
    const close = closingBrace(text, i);
    parts.push(parseArgument(text.slice(i + 1, close), whole));
    i = close + 1;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Parses a catalogue message; throws MessageSyntaxError when it is malformed. */
export function parseMessage(template: string): readonly MessagePart[] {
  return parseParts(template, template, false);
}

/** The names of every placeholder and plural argument in a message, sorted and without repeats. */
export function placeholdersOf(parts: readonly MessagePart[]): string[] {
  const names = new Set<string>();
  const visit = (list: readonly MessagePart[]): void => {
    for (const part of list) {
      if (typeof part === 'string' || part.kind === 'number-sign') continue;
      names.add(part.name);
      if (part.kind === 'plural') for (const branch of part.branches.values()) visit(branch);
    }
  };
  visit(parts);
  return [...names].sort();
}

/** Renders parsed parts. A missing parameter renders as `{name}`, so the gap is visible rather than silent. */
export function formatParts(parts: readonly MessagePart[], params: MessageParams, locale: string): string {
  const numbers = new Intl.NumberFormat(locale);
  const show = (value: string | number): string => (typeof value === 'number' ? numbers.format(value) : value);
  const render = (list: readonly MessagePart[], count: number | undefined): string =>
    list
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part.kind === 'number-sign') return count === undefined ? '#' : numbers.format(count);
        const value = params[part.name];
        if (value === undefined) return `{${part.name}}`;
        if (part.kind === 'argument') return show(value);
        const n = Number(value);
        const branch =
          part.branches.get(`=${n}`) ?? part.branches.get(new Intl.PluralRules(locale).select(n)) ?? part.branches.get('other')!;
        return render(branch, n);
      })
      .join('');
  return render(parts, undefined);
}

/** Parses and renders in one step (the translator caches the parsed form instead). */
export function formatMessage(template: string, params: MessageParams = {}, locale = 'en'): string {
  return formatParts(parseMessage(template), params, locale);
}
