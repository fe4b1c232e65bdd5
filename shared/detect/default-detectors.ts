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
import { creditCardDetector } from './detectors/credit-card';
import { ibanDetector } from './detectors/iban';
import { createBankAccountDetector } from './detectors/bank-account';
import { cryptoWalletDetector } from './detectors/crypto-wallet';
import { nationalIdDetector } from './detectors/national-id';
import { macAddressDetector } from './detectors/mac-address';
import { uuidDetector } from './detectors/uuid';
import { deviceIdDetector } from './detectors/device-id';
import { streetAddressDetector } from './detectors/street-address';
import { postalCodeDetector } from './detectors/postal-code';
import { dateOfBirthDetector } from './detectors/date-of-birth';
import { createPersonDetector } from './detectors/person';
import { createLocationDetector } from './detectors/location';
import { createOrganizationDetector } from './detectors/organization';
import { secretDetector } from './detectors/secret';
import { caseNumberDetector, createCaseNumberDetector, type CaseNumberPattern } from './detectors/case-number';
import { userPathDetector } from './detectors/user-path';
import { createUserHandleDetector } from './detectors/user-handle';
import { hostnameDetector } from './detectors/hostname';
import { geoCoordinatesDetector } from './detectors/geo-coordinates';
import { createStreetNameDetector } from './detectors/street-name';
import { createGazetteer, type Gazetteer } from './gazetteer';
// Built by scripts/build-gazetteers.mjs (npm prepare); bundled into the CLI and the app.
import gazetteerData from './data/gazetteers.generated.json';

let gazetteer: Gazetteer | null = null;
/** The gazetteer built from the generated data, once per process. */
export function defaultGazetteer(): Gazetteer {
  gazetteer ??= createGazetteer(gazetteerData);
  return gazetteer;
}

export interface DefaultDetectorOptions {
  /** Replaces the built-in case-number patterns (a profile's `caseNumbers`). */
  readonly caseNumberPatterns?: readonly CaseNumberPattern[];
}

export function defaultDetectors(options: DefaultDetectorOptions = {}): Detector[] {
  const caseNumbers = options.caseNumberPatterns ? createCaseNumberDetector(options.caseNumberPatterns) : caseNumberDetector;
  return [emailDetector, urlDetector, ipAddressDetector, phoneDetector, columnValueDetector, confidentialNoteDetector, knownValueDetector,
    creditCardDetector, ibanDetector, createBankAccountDetector(defaultGazetteer()), cryptoWalletDetector, nationalIdDetector, macAddressDetector, uuidDetector, deviceIdDetector,
    streetAddressDetector, postalCodeDetector, dateOfBirthDetector, createPersonDetector(defaultGazetteer()), createLocationDetector(defaultGazetteer()),
    createOrganizationDetector(defaultGazetteer()),
    secretDetector, caseNumbers, userPathDetector, createUserHandleDetector(defaultGazetteer()), hostnameDetector, createStreetNameDetector(defaultGazetteer()),
    geoCoordinatesDetector];
}

/** The built-in detectors plus `extra` (e.g. a profile's denylist and custom regexes). */
export function createDefaultRegistry(extra: readonly Detector[] = [], options: DefaultDetectorOptions = {}): DetectorRegistry {
  return createDetectorRegistry([...defaultDetectors(options), ...extra]);
}
