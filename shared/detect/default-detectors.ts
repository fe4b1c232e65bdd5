/** The built-in detectors, in a fixed order, and a registry pre-loaded with them. */

import type { Detector } from './finding';
import { createDetectorRegistry, type DetectorRegistry } from './registry';
import { emailDetector } from './detectors/email';
import { ipAddressDetector } from './detectors/ip-address';
import { phoneDetector } from './detectors/phone';
import { urlDetector } from './detectors/url';
import { columnValueDetector } from './detectors/column-value';
import { confidentialNoteDetector } from './detectors/confidential-note';
import { knownValueDetector } from './detectors/known-value';

export function defaultDetectors(): Detector[] {
  return [emailDetector, urlDetector, ipAddressDetector, phoneDetector, columnValueDetector, confidentialNoteDetector, knownValueDetector];
}

/** The built-in detectors plus `extra` (e.g. a profile's denylist and custom regexes). */
export function createDefaultRegistry(extra: readonly Detector[] = []): DetectorRegistry {
  return createDetectorRegistry([...defaultDetectors(), ...extra]);
}
