/**
 * Known values: personal values read from a record's identity columns (requester name, e-mail, phone, user name,
 * company), found again wherever they occur: in the same record's free text, or any record of the file or
 * package (the pipeline learns every identity column in a first pass, see pipeline/learn-known-values.ts).
 * Their parts count too: a first name, a surname, the words of an e-mail's local part.
 *
 * Lookups hash word tokens, so the cost does not grow with the number of known values. Memory is bounded: past
 * `maxEntries` keys, the oldest are forgotten first.
 */
import { detach } from '../util/detach-string';
import type { EntityType, KnownValueLookup, KnownValueMatch } from './finding';

interface Entry {
  readonly type: EntityType;
  readonly column: string;
}

/** Words too common to stand for a person on their own, even when they are part of a known value. */
const TOO_COMMON = new Set(
  ('the and for you your our are not but all any can has have had was were will with this that from info mail admin ' +
    'support team help desk service sales billing office contact noreply reply user test hello home work main none ' +
    'null true false unknown customer client company group inc ltd llc gmbh und der die das den dem des ein eine ' +
    'mit von für ist les des une pour avec los las del con por para que www com net org')
    .split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DIGIT_RUN = /\+?\d[\d\s()./-]{5,}\d/g;

export const DEFAULT_MAX_KNOWN = 50_000;


export class KnownValueIndex implements KnownValueLookup {
  /** Whole values, keyed by their word tokens joined with a space (lower case). */
  private readonly phrases = new Map<string, Entry>();
  /** First token of each whole multi-word value → how many tokens it has (to bound phrase lookups). */
  private readonly phraseLengths = new Map<string, Set<number>>();
  /** Single words that are part of a known value. */
  private readonly parts = new Map<string, Entry>();
  /** Whole e-mail addresses (lower case). */
  private readonly emails = new Map<string, Entry>();
  /** Phone numbers, digits only. */
  private readonly phones = new Map<string, Entry>();

  /** One Entry object per (type, column): entries are shared, not allocated per key. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = DEFAULT_MAX_KNOWN) {}

  private entry(type: EntityType, column: string): Entry {
    const id = `${type} ${column}`;
    let e = this.entries.get(id);
    if (!e) this.entries.set(id, (e = { type, column: detach(column) }));
    return e;
  }

  get size(): number {
    return this.phrases.size + this.parts.size + this.emails.size + this.phones.size;
  }

  /** Remembers a value from an identity column. */
  learn(value: string, type: EntityType, column: string): void {
    const entry = this.entry(type, column);
    const trimmed = value.trim();
    if (trimmed.length < 2) return;
    if (type === 'PHONE') {
      const digits = trimmed.replace(/\D/g, '');
      if (digits.length >= 7) this.put(this.phones, digits, entry);
      return;
    }
    if (type === 'EMAIL') {
      for (const m of trimmed.matchAll(EMAIL)) {
        const address = m[0].toLowerCase();
        this.put(this.emails, address, entry);
        const local = address.slice(0, address.indexOf('@'));
        const person = this.entry('PERSON', column);
        for (const piece of local.split(/[._+-]+/)) this.learnPart(piece, person);
      }
      return;
    }
    const tokens = (trimmed.toLowerCase().match(WORD) ?? []).filter((t) => t.length > 0);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (tokens.length > 1 || !TOO_COMMON.has(key)) {
      this.put(this.phrases, key, entry);
      let lengths = this.phraseLengths.get(tokens[0]!);
      if (!lengths) this.phraseLengths.set(tokens[0]!, (lengths = new Set()));
      lengths.add(tokens.length);
    }
    if (tokens.length > 1) for (const t of tokens) this.learnPart(t, entry);
  }

  private learnPart(token: string, entry: Entry): void {
    if (token.length < 3 || /^\d+$/.test(token) || TOO_COMMON.has(token)) return;
    this.put(this.parts, token, entry);
  }

  private put(map: Map<string, Entry>, key: string, entry: Entry): void {
    if (map.has(key)) return;
    map.set(detach(key), entry);
    if (this.size > this.maxEntries) {
      // forget the oldest key of the map that just grew
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
  }

  find(text: string): KnownValueMatch[] {
    if (this.size === 0 || text.length < 2) return [];
    const out: KnownValueMatch[] = [];
    if (this.emails.size > 0 && text.includes('@')) {
      for (const m of text.matchAll(EMAIL)) {
        const e = this.emails.get(m[0].toLowerCase());
        if (e) out.push({ start: m.index, end: m.index + m[0].length, type: e.type, column: e.column, part: 'whole' });
      }
    }
    if (this.phones.size > 0) {
      for (const m of text.matchAll(DIGIT_RUN)) {
        const e = this.phones.get(m[0].replace(/\D/g, ''));
        if (e) out.push({ start: m.index, end: m.index + m[0].length, type: e.type, column: e.column, part: 'whole' });
      }
    }
    if (this.phrases.size > 0 || this.parts.size > 0) this.findWords(text, out);
    return out;
  }

  private findWords(text: string, out: KnownValueMatch[]): void {
    const tokens: { t: string; s: number; e: number }[] = [];
    for (const m of text.matchAll(WORD)) tokens.push({ t: m[0].toLowerCase(), s: m.index, e: m.index + m[0].length });
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      const lengths = this.phraseLengths.get(first.t);
      let matched = 0;
      if (lengths) {
        // the longest known phrase starting here, whose words are separated by spaces or light punctuation only
        for (const n of [...lengths].sort((a, b) => b - a)) {
          if (i + n > tokens.length) continue;
          const slice = tokens.slice(i, i + n);
          if (!slice.every((tok, k) => k === 0 || /^[\s'’-]{1,3}$/.test(text.slice(slice[k - 1]!.e, tok.s)))) continue;
          const e = this.phrases.get(slice.map((tok) => tok.t).join(' '));
          if (e) {
            out.push({ start: first.s, end: slice[n - 1]!.e, type: e.type, column: e.column, part: 'whole' });
            matched = n;
            break;
          }
        }
      }
      if (matched) {
        i += matched - 1;
        continue;
      }
      const part = this.parts.get(first.t);
      if (part) out.push({ start: first.s, end: first.e, type: part.type, column: part.column, part: 'part' });
    }
  }
}
