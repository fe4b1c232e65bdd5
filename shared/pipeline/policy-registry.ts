/** The detector registry a policy asks for: the built-in detectors (with its case-number formats) plus its lists. */
import { createDefaultRegistry } from '../detect/default-detectors';
import type { DetectorRegistry } from '../detect/registry';
import { policyCaseNumberPatterns, policyDetectors, ProfileError, type Policy } from '../transform/policy';

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
