/** The detector registry a policy asks for: the built-in detectors (with its case-number formats) plus its lists. */
import { createDefaultRegistry } from '../detect/default-detectors';
import type { Finding, DetectContext } from '../detect/finding';
import type { DetectorRegistry } from '../detect/registry';
import { createAllowlist } from '../detect/term-lists';
import { minScoreFor, policyCaseNumberPatterns, policyDetectors, ProfileError, type Policy } from '../transform/policy';
import type { FieldDetection } from './detect-record';
import { FieldDetectionMemo } from './field-detection-memo';

/** Throws a ProfileError when the policy's thresholds name a detector the registry does not have. */
export function createPolicyRegistry(policy: Policy): DetectorRegistry {
  const caseNumberPatterns = policyCaseNumberPatterns(policy);
  const registry = createDefaultRegistry(policyDetectors(policy), caseNumberPatterns ? { caseNumberPatterns } : {});
  const ids = registry.detectors.map((d) => d.id);
  for (const id of policy.thresholds.keys()) {
    if (!ids.includes(id)) throw new ProfileError(`"thresholds.${id}" names no detector (known: ${ids.join(', ')})`);
  }
  return registry;
}

/**
 * How a policy detects the fields of a record (`detectFields`): with `detect` (its registry's), keeping findings at
 * or above its thresholds and off its allowlist. The pipeline and the detection workers build it alike.
 */
export function policyFieldDetection(policy: Policy, detect: (text: string, context: DetectContext) => Finding[]): FieldDetection {
  const isAllowed = createAllowlist(policy.allow);
  return {
    detect,
    defaultRegion: policy.defaultRegion,
    keep: (f, value, field) => f.score >= minScoreFor(policy, f.detector) && !isAllowed(value.slice(f.start, f.end), field),
    ...(policy.allow.length > 0 ? { allowed: isAllowed } : {}),
    // short values that come back in a column are detected once (see field-detection-memo.ts)
    memo: new FieldDetectionMemo(),
  };
}
