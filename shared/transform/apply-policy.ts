/** Rewrites one value: each finding is replaced as the policy's operator for its type says. */
import type { Finding } from '../detect/finding';
import { operatorFor, type Policy } from './policy';

/**
 * @param findings non-overlapping, sorted by start (as the detector registry returns them)
 * @returns the new value, or `undefined` when nothing changed
 */
export function applyPolicy(value: string, findings: readonly Finding[], policy: Policy): string | undefined {
  let out = '';
  let pos = 0;
  let changed = false;
  for (const f of findings) {
    if (operatorFor(policy, f.type) === 'keep') continue;
    out += value.slice(pos, f.start) + policy.redactTemplate.replaceAll('{type}', f.type);
    pos = f.end;
    changed = true;
  }
  return changed ? out + value.slice(pos) : undefined;
}
