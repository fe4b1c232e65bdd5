/**
 * The `mask` operator: hides the letters and digits of a value behind a mask character and keeps its separators,
 * so its shape stays readable: "4111 1111 1111 1234" → "**** **** **** 1234".
 *
 * - `keepFirst` / `keepLast` (0..64): how many letters and digits stay visible at the start and at the end. The
 *   default of `keepLast` depends on the type: CREDIT_CARD 4, IBAN 4, PHONE 2, otherwise 0; `keepFirst` is 0 (1 for
 *   EMAIL). When they would keep every letter and digit of a value, the whole value is masked instead.
 * - `char`: the mask character, one code point that is not a letter or digit (default `*`).
 * - Everything else (spaces, dashes, dots, `@`, brackets, …) is kept, one mask character per letter or digit, so the
 *   result has as many code points as the value.
 * - EMAIL is masked by part: the first `keepFirst` characters of the local part and of each domain label stay, the
 *   rest becomes three mask characters whatever its length, and the top-level domain stays:
 *   "john.smith@example.com" → "j***@e***.com". A value without exactly one "@" is masked like any other.
 */
import type { EntityType } from '../../detect/finding';
import { Params, type OperatorContext, type ValueOperator } from '../operator';

export interface MaskParams {
  /** Undefined: the type's default. */
  readonly keepFirst: number | undefined;
  readonly keepLast: number | undefined;
  readonly char: string;
}

const MAX_KEEP = 64;
const KEEP_LAST_BY_TYPE: Partial<Record<EntityType, number>> = { CREDIT_CARD: 4, IBAN: 4, PHONE: 2 };
const KEEP_FIRST_BY_TYPE: Partial<Record<EntityType, number>> = { EMAIL: 1 };
const MASKED = /[\p{L}\p{N}]/u;

function optionalInt(p: Params, key: string): number | undefined {
  return p.raw[key] === undefined ? undefined : p.int(key, 0, 0, MAX_KEEP);
}

function charProblem(v: string): string | undefined {
  const points = [...v];
  if (points.length !== 1) return `must be exactly one character, found ${JSON.stringify(v)}`;
  if (MASKED.test(v) || /[\p{M}\p{C}\s]/u.test(v)) return `must not be a letter, digit, mark, space or control character, found ${JSON.stringify(v)}`;
  return undefined;
}

/** Masks the letters and digits of `text` but the first `keepFirst` and the last `keepLast`. */
export function maskCharacters(text: string, keepFirst: number, keepLast: number, char: string): string {
  const points = [...text];
  const total = points.reduce((n, c) => n + (MASKED.test(c) ? 1 : 0), 0);
  const all = keepFirst + keepLast >= total;
  let seen = 0;
  let out = '';
  for (const c of points) {
    if (!MASKED.test(c)) {
      out += c;
      continue;
    }
    const visible = !all && (seen < keepFirst || seen >= total - keepLast);
    out += visible ? c : char;
    seen++;
  }
  return out;
}

/** "j***@e***.com": the first `keepFirst` characters of the local part and of each label but the last. */
function maskEmail(value: string, keepFirst: number, char: string): string | undefined {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return undefined;
  const hide = (part: string): string => [...part].slice(0, keepFirst).join('') + char.repeat(3);
  const labels = value.slice(at + 1).split('.');
  if (labels.length < 2) return undefined;
  const tld = labels.pop()!;
  return `${hide(value.slice(0, at))}@${labels.map(hide).join('.')}.${tld}`;
}

export const maskOperator: ValueOperator<MaskParams> = {
  name: 'mask',
  scope: 'value',
  validate(raw, where) {
    const p = new Params(raw, where);
    const keepFirst = optionalInt(p, 'keepFirst');
    const keepLast = optionalInt(p, 'keepLast');
    const char = p.string('char', '*', charProblem);
    p.done('mask');
    return { keepFirst, keepLast, char };
  },
  apply(value: string, _normalised: string, type: EntityType, params: MaskParams, _context: OperatorContext): string {
    const keepFirst = params.keepFirst ?? KEEP_FIRST_BY_TYPE[type] ?? 0;
    const keepLast = params.keepLast ?? KEEP_LAST_BY_TYPE[type] ?? 0;
    if (type === 'EMAIL') {
      const masked = maskEmail(value.trim(), keepFirst, params.char);
      if (masked !== undefined) return masked;
    }
    return maskCharacters(value, keepFirst, keepLast, params.char);
  },
};
