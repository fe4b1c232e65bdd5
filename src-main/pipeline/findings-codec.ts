/**
 * The findings of a batch in a compact form for the way back from a detection worker: numbers in typed arrays, and
 * each distinct (type, detector, explanation) once per batch. Structured clone of the plain findings (three objects
 * and several strings each) cost the worker about as much to serialise, and the main thread more to rebuild and to
 * collect, as a tenth of the detection itself; this form is a few typed arrays and a short table. Decoded findings
 * are equal (deep) to the encoded ones; findings of one kind share their `explanation` object, which nothing mutates.
 *
 * Only findings with exactly the `Finding` interface's keys are encoded; a batch with any other shape is sent as is
 * (`encodeDetections` returns undefined), so nothing a detector adds can be lost on the way.
 */
import type { EntityType, Explanation, Finding } from '../../shared/detect/finding';
import type { FieldsDetection } from '../../shared/pipeline/detect-record';

interface Kind {
  readonly type: EntityType;
  readonly detector: string;
  readonly explanation: Explanation;
}

export interface EncodedDetections {
  /** Per field of the batch (the records' fields in order), how many findings it kept. */
  readonly counts: Int32Array;
  /** Per finding, its start and end. */
  readonly spans: Int32Array;
  readonly scores: Float64Array;
  /** Per finding, an index into `kinds`. */
  readonly kindOf: Int32Array;
  readonly kinds: readonly Kind[];
  /** The allowlist's spans of the (rare) fields that have them: the field's index in the batch, and the spans. */
  readonly allowed: readonly (readonly [number, readonly Finding[]])[];
}

const FINDING_KEYS = 6;
const EXPLANATION_KEYS = 3;

function keyCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

export function encodeDetections(results: readonly FieldsDetection[]): EncodedDetections | undefined {
  let fields = 0;
  let findings = 0;
  for (const r of results) {
    fields += r.found.length;
    for (const list of r.found) findings += list.length;
  }
  const counts = new Int32Array(fields);
  const spans = new Int32Array(2 * findings);
  const scores = new Float64Array(findings);
  const kindOf = new Int32Array(findings);
  const kinds: Kind[] = [];
  const kindIndex = new Map<string, number>();
  const allowed: [number, readonly Finding[]][] = [];
  let field = 0;
  let k = 0;
  for (const r of results) {
    for (const [i, list] of r.found.entries()) {
      const spansHere = r.allowedSpans?.get(i);
      if (spansHere) allowed.push([field, spansHere]);
      counts[field++] = list.length;
      for (const f of list) {
        const e = f.explanation;
        if (keyCount(f) !== FINDING_KEYS || keyCount(e) !== EXPLANATION_KEYS) return undefined;
        let key = `${f.type}\u0001${f.detector}\u0001${e.pattern}\u0001${e.validation}`;
        for (const c of e.context) key += `\u0001${c.word}\u0002${c.effect}`;
        let kind = kindIndex.get(key);
        if (kind === undefined) {
          kind = kinds.length;
          kinds.push({ type: f.type, detector: f.detector, explanation: e });
          kindIndex.set(key, kind);
        }
        spans[2 * k] = f.start;
        spans[2 * k + 1] = f.end;
        scores[k] = f.score;
        kindOf[k] = kind;
        k++;
      }
    }
  }
  return { counts, spans, scores, kindOf, kinds, allowed };
}

/** The results `encodeDetections` encoded; `fieldCounts` says how many fields each record of the batch has. */
export function decodeDetections(encoded: EncodedDetections, fieldCounts: readonly number[]): FieldsDetection[] {
  const { counts, spans, scores, kindOf, kinds } = encoded;
  const allowed = new Map(encoded.allowed);
  const out: FieldsDetection[] = [];
  let field = 0;
  let k = 0;
  for (const n of fieldCounts) {
    const found: Finding[][] = [];
    let allowedSpans: Map<number, readonly Finding[]> | undefined;
    for (let i = 0; i < n; i++, field++) {
      const spansHere = allowed.get(field);
      if (spansHere) (allowedSpans ??= new Map()).set(i, spansHere);
      const list: Finding[] = [];
      for (let end = k + counts[field]!; k < end; k++) {
        const kind = kinds[kindOf[k]!]!;
        list.push({ start: spans[2 * k]!, end: spans[2 * k + 1]!, type: kind.type, score: scores[k]!, detector: kind.detector, explanation: kind.explanation });
      }
      found.push(list);
    }
    out.push(allowedSpans ? { found, allowedSpans } : { found });
  }
  return out;
}
