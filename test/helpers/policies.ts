/** Policies and transformers for tests that want predictable output: every finding redacted as [TYPE]. */
import { FieldTransformer } from '../../shared/transform/field-transformer';
import { KeyedHash } from '../../shared/transform/keyed-hash';
import type { Policy } from '../../shared/transform/policy';
import { parseProfile } from '../../shared/transform/profile';

/** Redacts every type as `[TYPE]` and keeps IDENTIFIER, like the first version of the default policy. */
export const REDACT_POLICY: Policy = parseProfile({ version: 1, extends: 'none', defaultOperator: 'redact', operators: { IDENTIFIER: 'keep' } });

/** A fixed key, so that outputs that depend on it are the same in every test run. */
export const TEST_KEY_BYTES = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

export function testTransformer(policy: Policy = REDACT_POLICY, key = new KeyedHash(TEST_KEY_BYTES)): FieldTransformer {
  return new FieldTransformer({ policy, key });
}
