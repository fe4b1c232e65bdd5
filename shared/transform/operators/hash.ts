/**
 * The `hash` operator: a keyed one-way hash of the value, HMAC-SHA-256 with the project key over the normalised
 * value, separated by type (domain `hash:<TYPE>`, so the same text as an EMAIL and as a USERNAME hashes apart), as
 * `length` lower-case hex digits (default 16, 8..64) after an optional `prefix`. The same value hashes the same way
 * in every run with the same key, so hashed columns still join; without the key the value cannot be confirmed.
 */
import type { EntityType } from '../../detect/finding';
import { Params, type OperatorContext, type ValueOperator } from '../operator';

export interface HashParams {
  readonly length: number;
  readonly prefix: string;
}

export const hashOperator: ValueOperator<HashParams> = {
  name: 'hash',
  scope: 'value',
  validate(raw, where) {
    const p = new Params(raw, where);
    const length = p.int('length', 16, 8, 64);
    const prefix = p.string('prefix', '', (v) => (/[\p{Cc}]/u.test(v) ? 'must not hold control characters' : undefined));
    p.done('hash');
    return { length, prefix };
  },
  apply(_value: string, normalised: string, type: EntityType, params: HashParams, context: OperatorContext): string {
    return params.prefix + context.key.hex(`hash:${type}`, normalised, params.length);
  },
};
