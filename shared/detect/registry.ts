/**
 * The detector registry: runs every registered detector over a value and resolves overlapping findings.
 *
 * Overlap resolution is greedy and deterministic — it does not depend on the order in which detectors
 * were registered or on the order in which a detector reports its findings:
 *   1. every finding is ranked by (score desc, length desc, start asc, detector id asc, type asc);
 *   2. walking that ranking, a finding is accepted unless it overlaps one already accepted
 *      (identical duplicate spans therefore collapse into the best-ranked one);
 *   3. except that a finding which contains every accepted finding it overlaps absorbs them: an address
 *      "Via Carlo Cattaneo 130" takes the place of the person "Carlo Cattaneo" found inside it. Recall comes
 *      first: the larger span covers all that the smaller did, and more;
 *   4. the accepted findings are returned sorted by start.
 * Findings with an empty or out-of-range span are discarded.
 */

import type { DetectContext, Detector, Finding } from './finding';
import { compactText } from './compact-text';

export interface DetectorRegistry {
  /** The registered detectors, in registration order. */
  readonly detectors: readonly Detector[];
  /** Adds a detector. Throws if a detector with the same id is already registered. */
  register(detector: Detector): void;
  /** Runs every detector over `text` and returns non-overlapping findings sorted by start. */
  detect(text: string, context: DetectContext): Finding[];
}

export function createDetectorRegistry(detectors: readonly Detector[] = []): DetectorRegistry {
  const list: Detector[] = [];
  const ids = new Set<string>();

  const register = (detector: Detector): void => {
    if (ids.has(detector.id)) throw new Error(`Duplicate detector id: ${detector.id}`);
    ids.add(detector.id);
    list.push(detector);
  };

  for (const d of detectors) register(d);

  return {
    get detectors(): readonly Detector[] {
      return list.slice();
    },
    register,
    detect(input: string, context: DetectContext): Finding[] {
      if (input.length === 0) return [];
      // the same text, in the representation the detectors' regexes scan fastest (see compact-text.ts)
      const text = compactText(input);
      const all: Finding[] = [];
      for (const d of list) {
        const found = d.detect(text, context);
        for (let i = 0; i < found.length; i++) {
          const f = found[i]!;
          if (Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end > f.start && f.end <= text.length) {
            all.push(f);
          }
        }
      }
      return resolveOverlaps(all);
    },
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ranking used for greedy acceptance. Exported for tests and for callers that merge findings themselves. */
export function compareFindingRank(a: Finding, b: Finding): number {
  return (
    b.score - a.score ||
    (b.end - b.start) - (a.end - a.start) ||
    a.start - b.start ||
    compareStrings(a.detector, b.detector) ||
    compareStrings(a.type, b.type)
  );
}

const byStart = (a: Finding, b: Finding): number => a.start - b.start;

/** Stable sort: insertion sort for the few findings of most texts (cheaper than the built-in sort's set-up), the built-in sort beyond. */
function sortFindings(findings: Finding[], compare: (a: Finding, b: Finding) => number): Finding[] {
  if (findings.length > 16) return findings.sort(compare);
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i]!;
    let j = i - 1;
    while (j >= 0 && compare(findings[j]!, f) > 0) {
      findings[j + 1] = findings[j]!;
      j--;
    }
    findings[j + 1] = f;
  }
  return findings;
}

/** Whether findings sorted by start are all non-empty and none overlaps the next. */
function disjoint(byStart: readonly Finding[]): boolean {
  let end = -Infinity;
  for (const f of byStart) {
    if (!(f.end > f.start) || f.start < end) return false;
    end = f.end;
  }
  return true;
}

/** Spans up to this many UTF-16 units share one owner array across calls; longer ones get their own. */
const SHARED_OWNER_MAX = 1 << 16;
let sharedOwner = new Int32Array(1 << 10);

/**
 * An owner array of `length` entries, all -1. Allocating a typed array for every text cost more than resolving
 * its overlaps, so one array is reused (resolveOverlaps never runs inside itself).
 */
function ownerMap(length: number): Int32Array {
  if (length > SHARED_OWNER_MAX) return new Int32Array(length).fill(-1);
  if (length > sharedOwner.length) sharedOwner = new Int32Array(Math.min(SHARED_OWNER_MAX, Math.max(length, sharedOwner.length * 2)));
  return sharedOwner.fill(-1, 0, length);
}

/**
 * Greedy, deterministic overlap resolution (see the file comment). Runs in O(n log n) plus the total
 * length of the candidate spans.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  if (findings.length === 0) return [];
  if (findings.length === 1) return [findings[0] as Finding];

  // Most texts' findings do not overlap at all: then every one is accepted, and sorted by start they are the answer.
  const sorted = sortFindings(findings.slice(), byStart);
  if (disjoint(sorted)) return sorted;

  const ranked = sortFindings(findings.slice(), compareFindingRank);

  let lo = Infinity;
  let hi = 0;
  for (const f of ranked) {
    if (f.start < lo) lo = f.start;
    if (f.end > hi) hi = f.end;
  }
  // Which accepted finding covers each UTF-16 unit of [lo, hi) (-1: none). Accepted spans are disjoint.
  const owner = ownerMap(hi - lo);
  const accepted: (Finding | undefined)[] = [];
  // The accepted findings this one overlaps, each once: an accepted span's units are contiguous in `owner`, so a
  // repeated owner is always the one just seen.
  const overlapped: number[] = [];
  for (const f of ranked) {
    const s = f.start - lo;
    const e = f.end - lo;
    overlapped.length = 0;
    for (let i = s; i < e; i++) {
      const o = owner[i]!;
      if (o >= 0 && o !== overlapped[overlapped.length - 1]) overlapped.push(o);
    }
    if (overlapped.length > 0) {
      // absorb only when every overlapped finding lies wholly inside this one, and is shorter
      const length = f.end - f.start;
      let inside = true;
      for (const k of overlapped) {
        const old = accepted[k]!;
        if (old.start < f.start || old.end > f.end || old.end - old.start >= length) {
          inside = false;
          break;
        }
      }
      if (!inside) continue;
      for (const k of overlapped) {
        const old = accepted[k]!;
        owner.fill(-1, old.start - lo, old.end - lo);
        accepted[k] = undefined;
      }
    }
    owner.fill(accepted.length, s, e);
    accepted.push(f);
  }
  return sortFindings(accepted.filter((f): f is Finding => f !== undefined), byStart);
}
