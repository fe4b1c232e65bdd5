import { describe, expect, it } from 'vitest';
import type { DetectContext, Detector, EntityType, Finding } from '../../../shared/detect/finding';
import { createDetectorRegistry, resolveOverlaps } from '../../../shared/detect/registry';

const ctx: DetectContext = { field: 'body', defaultRegion: 'US' };

function f(start: number, end: number, score: number, detector: string, type: EntityType = 'CUSTOM'): Finding {
  return { start, end, score, detector, type, explanation: { pattern: 'p', validation: 'none', context: [] } };
}

function fixed(id: string, findings: Finding[]): Detector {
  return { id, version: '1', types: ['CUSTOM'], detect: () => findings.map((x) => ({ ...x, detector: id })) };
}

const spans = (fs: Finding[]) => fs.map((x) => [x.start, x.end, x.detector]);

describe('createDetectorRegistry', () => {
  it('lists registered detectors and adds one with a single call', () => {
    const a = fixed('a', []);
    const r = createDetectorRegistry([a]);
    expect(r.detectors.map((d) => d.id)).toEqual(['a']);
    r.register(fixed('b', []));
    expect(r.detectors.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('exposes a read-only snapshot of its detectors', () => {
    const r = createDetectorRegistry([fixed('a', [])]);
    const list = r.detectors as Detector[];
    list.push(fixed('z', []));
    expect(r.detectors.map((d) => d.id)).toEqual(['a']);
  });

  it('throws on duplicate detector ids, at creation and on register', () => {
    expect(() => createDetectorRegistry([fixed('a', []), fixed('a', [])])).toThrow(/Duplicate detector id: a/);
    const r = createDetectorRegistry([fixed('a', [])]);
    expect(() => r.register(fixed('a', []))).toThrow(/Duplicate/);
    expect(r.detectors).toHaveLength(1);
  });

  it('returns [] for empty text and runs every detector otherwise', () => {
    const r = createDetectorRegistry([fixed('a', [f(0, 2, 0.9, 'a')]), fixed('b', [f(5, 7, 0.9, 'b')])]);
    expect(r.detect('', ctx)).toEqual([]);
    expect(spans(r.detect('0123456789', ctx))).toEqual([[0, 2, 'a'], [5, 7, 'b']]);
  });

  it('passes the text and context to detectors', () => {
    const seen: [string, DetectContext][] = [];
    const d: Detector = { id: 'spy', version: '1', types: ['CUSTOM'], detect: (t, c) => (seen.push([t, c]), []) };
    createDetectorRegistry([d]).detect('hello', ctx);
    expect(seen).toEqual([['hello', ctx]]);
  });

  it('drops empty and out-of-range spans', () => {
    const r = createDetectorRegistry([fixed('a', [f(3, 3, 0.9, 'a'), f(-1, 2, 0.9, 'a'), f(8, 12, 0.9, 'a'), f(4, 2, 0.9, 'a'), f(1, 2, 0.9, 'a')])]);
    expect(spans(r.detect('0123456789', ctx))).toEqual([[1, 2, 'a']]);
  });
});

describe('overlap resolution', () => {
  it('prefers the higher score, then the longer span, where spans cross', () => {
    expect(spans(resolveOverlaps([f(0, 6, 0.5, 'a'), f(4, 10, 0.9, 'b')]))).toEqual([[4, 10, 'b']]);
    expect(spans(resolveOverlaps([f(4, 10, 0.9, 'b'), f(0, 6, 0.9, 'a')]))).toEqual([[0, 6, 'a']]);
    expect(spans(resolveOverlaps([f(2, 4, 0.9, 'b'), f(0, 10, 0.9, 'a')]))).toEqual([[0, 10, 'a']]);
  });

  it('lets a finding absorb the higher-scored findings it wholly contains', () => {
    // an address that contains a person's name covers the name and the rest of the address
    expect(spans(resolveOverlaps([f(0, 10, 0.5, 'a'), f(2, 4, 0.9, 'b'), f(6, 8, 0.8, 'c')]))).toEqual([[0, 10, 'a']]);
    // but not one that only crosses it
    expect(spans(resolveOverlaps([f(0, 10, 0.5, 'a'), f(2, 4, 0.9, 'b'), f(8, 12, 0.8, 'c')]))).toEqual([[2, 4, 'b'], [8, 12, 'c']]);
  });

  it('breaks full ties by start, then detector id, then type', () => {
    expect(spans(resolveOverlaps([f(2, 6, 0.9, 'a'), f(0, 4, 0.9, 'z')]))).toEqual([[0, 4, 'z']]);
    expect(spans(resolveOverlaps([f(0, 4, 0.9, 'b'), f(0, 4, 0.9, 'a')]))).toEqual([[0, 4, 'a']]);
    const byType = resolveOverlaps([f(0, 4, 0.9, 'a', 'URL'), f(0, 4, 0.9, 'a', 'EMAIL')]);
    expect(byType.map((x) => x.type)).toEqual(['EMAIL']);
  });

  it('collapses identical duplicate spans', () => {
    const out = resolveOverlaps([f(0, 4, 0.9, 'a'), f(0, 4, 0.9, 'a'), f(0, 4, 0.9, 'a')]);
    expect(out).toHaveLength(1);
  });

  it('keeps adjacent (touching) spans and drops chained overlaps greedily', () => {
    expect(spans(resolveOverlaps([f(0, 3, 0.9, 'a'), f(3, 6, 0.9, 'b')]))).toEqual([[0, 3, 'a'], [3, 6, 'b']]);
    // b wins (highest), a and c both overlap it; d touches nothing accepted.
    const out = resolveOverlaps([f(0, 4, 0.5, 'a'), f(3, 8, 0.9, 'b'), f(7, 10, 0.8, 'c'), f(10, 12, 0.1, 'd')]);
    expect(spans(out)).toEqual([[3, 8, 'b'], [10, 12, 'd']]);
  });

  it('returns accepted findings sorted by start', () => {
    const out = resolveOverlaps([f(20, 22, 0.1, 'a'), f(0, 2, 0.2, 'a'), f(10, 12, 0.9, 'a')]);
    expect(out.map((x) => x.start)).toEqual([0, 10, 20]);
  });

  it('is independent of detector registration order and finding order', () => {
    const a = fixed('a', [f(0, 5, 0.9, 'a'), f(10, 14, 0.7, 'a')]);
    const b = fixed('b', [f(3, 12, 0.9, 'b'), f(0, 5, 0.9, 'b')]);
    const c = fixed('c', [f(12, 20, 0.7, 'c'), f(0, 5, 0.9, 'c')]);
    const text = 'x'.repeat(30);
    const orders = [[a, b, c], [c, b, a], [b, a, c], [c, a, b]];
    const results = orders.map((o) => JSON.stringify(createDetectorRegistry(o).detect(text, ctx)));
    expect(new Set(results).size).toBe(1);
    expect(spans(JSON.parse(results[0] as string) as Finding[])).toEqual([[3, 12, 'b'], [12, 20, 'c']]);
  });

  it('handles many findings quickly (no quadratic blow-up)', () => {
    const many: Finding[] = [];
    for (let i = 0; i < 200_000; i++) many.push(f(i * 2, i * 2 + 3, (i % 7) / 10, 'a'));
    const out = resolveOverlaps(many);
    expect(out.length).toBeGreaterThan(50_000);
    let disjoint = true;
    for (let i = 1; i < out.length; i++) if ((out[i] as Finding).start < (out[i - 1] as Finding).end) disjoint = false;
    expect(disjoint).toBe(true);
  }, 10_000);
});

describe('overlap resolution, call after call', () => {
  it('resolves each call on its own, whatever the calls before covered', () => {
    expect(spans(resolveOverlaps([f(0, 10, 0.9, 'a'), f(20, 30, 0.9, 'b'), f(25, 28, 0.5, 'c')]))).toEqual([[0, 10, 'a'], [20, 30, 'b']]);
    expect(spans(resolveOverlaps([f(5, 8, 0.6, 'd'), f(21, 25, 0.6, 'e')]))).toEqual([[5, 8, 'd'], [21, 25, 'e']]);
    // a span far longer than any before, then short ones again
    expect(spans(resolveOverlaps([f(0, 200_000, 0.7, 'long'), f(10, 20, 0.9, 'inner'), f(199_990, 200_010, 0.8, 'edge')]))).toEqual([[10, 20, 'inner'], [199_990, 200_010, 'edge']]);
    expect(spans(resolveOverlaps([f(3, 4, 0.5, 'x'), f(4, 6, 0.5, 'y')]))).toEqual([[3, 4, 'x'], [4, 6, 'y']]);
  });
});

describe('overlap resolution without overlaps', () => {
  it('keeps every finding, sorted by start, whatever the order given', () => {
    const many = Array.from({ length: 40 }, (_, i) => f((39 - i) * 3, (39 - i) * 3 + 2, 0.5 + (i % 5) / 10, `d${i}`));
    expect(resolveOverlaps(many).map((x) => x.start)).toEqual(Array.from({ length: 40 }, (_, i) => i * 3));
    expect(spans(resolveOverlaps([f(10, 12, 0.5, 'b'), f(0, 10, 0.9, 'a'), f(12, 13, 0.7, 'c')]))).toEqual([[0, 10, 'a'], [10, 12, 'b'], [12, 13, 'c']]);
  });

  it('still resolves findings that share a start (the longer absorbs the one inside it)', () => {
    expect(spans(resolveOverlaps([f(5, 9, 0.6, 'long'), f(5, 6, 0.9, 'short')]))).toEqual([[5, 9, 'long']]);
  });
});
