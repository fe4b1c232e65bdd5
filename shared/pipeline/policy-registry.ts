/** The detector registry a policy asks for: the built-in detectors (with its case-number formats) plus its lists. */
import { createDefaultRegistry } from '../detect/default-detectors';
import type { DetectorRegistry } from '../detect/registry';
import { policyCaseNumberPatterns, policyDetectors, type Policy } from '../transform/policy';

export function createPolicyRegistry(policy: Policy): DetectorRegistry {
  const caseNumberPatterns = policyCaseNumberPatterns(policy);
  return createDefaultRegistry(policyDetectors(policy), caseNumberPatterns ? { caseNumberPatterns } : {});
}
