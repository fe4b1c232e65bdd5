/**
 * The entry of a detection worker thread (see detect-pool.ts): runs `detectFields` over the batches it is sent,
 * with the detectors and thresholds of the policy each batch names, and replies with the findings of every field.
 * It keeps no state from one batch to the next apart from the policies it has been sent (and the detectors' own
 * caches, which depend on the text alone), so the findings are the same whichever worker gets a batch.
 */
import { parentPort } from 'node:worker_threads';
import type { ColumnClassification } from '../../shared/detect/finding';
import { detectFields, type FieldDetection, type FieldsDetection } from '../../shared/pipeline/detect-record';
import { createPolicyRegistry, policyFieldDetection } from '../../shared/pipeline/policy-registry';
import type { Policy } from '../../shared/transform/policy';
import { parseProfile } from '../../shared/transform/profile';
import type { DetectMessage, FromWorker, ToWorker } from './batch-protocol';
import { encodeDetections } from './findings-codec';

/**
 * A text with one value of each common kind, detected once when a policy arrives: the detectors' lazy tables (phone
 * metadata, name and address vocabularies) are built and their code compiled before the first batch. Its findings
 * are discarded; the detectors' caches depend on the text alone, so it changes nothing that a batch gets.
 */
const WARM_UP_TEXT =
  'Hello, this is Maria Jensen from Example Ltd in Berlin, 10 Downing Street, London SW1A 2AA. Call +44 20 7946 0123 ' +
  'or mail maria.jensen@example.com; the VPN at 10.2.3.4 (host vpn.example.org) fails for C:\\Users\\mjensen, case #123456.';

/** The detection of a policy, built from its profile as the main thread builds it (policyFieldDetection). */
export function fieldDetectionFor(policy: Policy): FieldDetection {
  const registry = createPolicyRegistry(policy);
  const detection = policyFieldDetection(policy, registry.detect.bind(registry));
  detectFields({ fields: [{ path: 'description', value: WARM_UP_TEXT }] }, [undefined], detection);
  return detection;
}

/** `detectFields` over every record of one batch. */
export function detectBatch(message: DetectMessage, detection: FieldDetection): FieldsDetection[] {
  const results: FieldsDetection[] = [];
  let at = 0;
  for (const count of message.fieldCounts) {
    const fields: { path: string; value: string }[] = [];
    const columns: (ColumnClassification | undefined)[] = [];
    for (let i = at; i < at + count; i++) {
      fields.push({ path: message.paths[i]!, value: message.values[i]! });
      const c = message.columnOf[i]!;
      columns.push(c >= 0 ? message.columns[c] : undefined);
    }
    at += count;
    results.push(detectFields({ fields }, columns, detection));
  }
  return results;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function serve(port: NonNullable<typeof parentPort>): void {
  const policies = new Map<number, FieldDetection>();
  const reply = (m: FromWorker) => port.postMessage(m);
  port.on('message', (m: ToWorker) => {
    try {
      if (m.type === 'policy') {
        policies.set(m.policy, fieldDetectionFor(parseProfile(m.profile)));
        return;
      }
      const detection = policies.get(m.policy);
      if (!detection) throw new Error(`no policy ${m.policy} was sent before the batch`);
      const results = detectBatch(m, detection);
      const encoded = encodeDetections(results);
      if (encoded) {
        const { counts, spans, scores, kindOf } = encoded;
        port.postMessage({ type: 'detected', id: m.id, results: encoded } satisfies FromWorker, [counts.buffer, spans.buffer, scores.buffer, kindOf.buffer] as ArrayBuffer[]);
      } else {
        reply({ type: 'detected', id: m.id, results: { plain: results } });
      }
    } catch (error) {
      reply({ type: 'failed', ...(m.type === 'detect' ? { id: m.id } : {}), message: describe(error) });
    }
  });
}

if (parentPort) serve(parentPort);
