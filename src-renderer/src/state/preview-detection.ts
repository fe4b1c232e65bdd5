/**
 * Detection for the review preview, fast enough to run again after every review action. A profile's registry is
 * the built-in detectors plus its own (deny terms, custom regexes, its case-number formats); only the latter change
 * from one edit to the next. So each built-in detector's raw findings are remembered per value and context, the
 * profile's own detectors run afresh (they are a few regexes), and the union is resolved exactly as the registry
 * resolves it (`resolveOverlaps`), giving the same findings as `registry.detect`.
 *
 * Registries are built with the engine's `createPolicyRegistry`, once per detection-relevant part of a profile.
 */
import { compactText } from '../../../shared/detect/compact-text';
import type { DetectContext, Detector, Finding } from '../../../shared/detect/finding';
import { resolveOverlaps, type DetectorRegistry } from '../../../shared/detect/registry';
import { createPolicyRegistry } from '../../../shared/pipeline/policy-registry';
import { policyCaseNumberPatterns, policyDetectors, type Policy } from '../../../shared/transform/policy';

/** A registry and, per detector, the key its findings are remembered under (undefined: run it every time). */
export interface PreviewDetection {
  readonly registry: DetectorRegistry;
  readonly cacheKeys: readonly (string | undefined)[];
}

const MAX_CACHED_REGISTRIES = 8;
/** Values (with their context) whose built-in findings are remembered; past this the memory starts afresh. */
const MAX_CACHED_VALUES = 20_000;

const registries = new Map<string, DetectorRegistry>();
let remembered = new Map<string, Map<string, readonly Finding[]>>();

/** The policy's registry, built once per distinct detectors, terms, case-number formats and thresholds. */
export function policyRegistry(policy: Policy): DetectorRegistry {
  const id = JSON.stringify([policy.deny, policy.detectors, policy.caseNumbers, [...policy.thresholds.keys()]]);
  let registry = registries.get(id);
  if (registry) registries.delete(id);
  else registry = createPolicyRegistry(policy);
  if (registries.size >= MAX_CACHED_REGISTRIES) registries.delete(registries.keys().next().value!);
  registries.set(id, registry);
  return registry;
}

/** How `registry`'s detectors are remembered under `policy`: the profile's own detectors are never remembered. */
export function previewDetection(registry: DetectorRegistry, policy: Policy): PreviewDetection {
  const own = new Set(policyDetectors(policy).map((d) => d.id));
  const caseNumbers = policyCaseNumberPatterns(policy);
  const keyOf = (d: Detector): string | undefined => {
    if (own.has(d.id)) return undefined;
    if (d.id === 'case-number' && caseNumbers) return `${d.id}@${d.version}:${JSON.stringify(caseNumbers)}`;
    return `${d.id}@${d.version}`;
  };
  return { registry, cacheKeys: registry.detectors.map(keyOf) };
}

function contextKey(value: string, context: DetectContext): string {
  const c = context.column;
  return `${context.defaultRegion}\u0000${c ? `${c.role}:${c.type ?? ''}:${c.confidence}` : ''}\u0000${context.field}\u0000${value}`;
}

/** What `detection.registry.detect(value, context)` returns, with the built-in detectors' part remembered. */
export function detectForPreview(detection: PreviewDetection, value: string, context: DetectContext): Finding[] {
  if (value.length === 0) return [];
  const text = compactText(value);
  const id = contextKey(value, context);
  let known = remembered.get(id);
  if (!known) {
    if (remembered.size >= MAX_CACHED_VALUES) remembered = new Map();
    remembered.set(id, (known = new Map()));
  }
  const all: Finding[] = [];
  detection.registry.detectors.forEach((d, i) => {
    const key = detection.cacheKeys[i];
    let found = key === undefined ? undefined : known.get(key);
    if (found === undefined) {
      found = d.detect(text, context).filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end > f.start && f.end <= text.length);
      if (key !== undefined) known.set(key, found);
    }
    all.push(...found);
  });
  return resolveOverlaps(all);
}
