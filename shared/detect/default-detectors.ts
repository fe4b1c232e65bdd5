/** The built-in detectors, in a fixed order, and a registry pre-loaded with them. */

import type { Detector } from './finding';
import { createDetectorRegistry, type DetectorRegistry } from './registry';
import { emailDetector } from './detectors/email';
import { ipAddressDetector } from './detectors/ip-address';
import { phoneDetector } from './detectors/phone';
// The shared/ lint rule bans Node's 'url' module with a gitignore-style pattern that also matches this file's name.
import { urlDetector } from './detectors/url';

export function defaultDetectors(): Detector[] {
  return [emailDetector, urlDetector, ipAddressDetector, phoneDetector];
}

export function createDefaultRegistry(): DetectorRegistry {
  return createDetectorRegistry(defaultDetectors());
}
