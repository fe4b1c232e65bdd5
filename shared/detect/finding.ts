/** What a detector reports, and the canonical names of what it can report. */

export const ENTITY_TYPES = [
  'EMAIL', 'PHONE', 'IP_ADDRESS', 'MAC_ADDRESS', 'URL', 'HOSTNAME', 'CREDIT_CARD', 'IBAN', 'NATIONAL_ID',
  'SECRET', 'CASE_NUMBER', 'USERNAME', 'PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS', 'POSTAL_CODE',
  'DATE_OF_BIRTH', 'IDENTIFIER', 'CONFIDENTIAL_NOTE', 'CUSTOM',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Why a detector reported a span. Shown to the reviewer; never logged, because it points at a value. */
export interface Explanation {
  /** Name of the pattern (or rule) inside the detector that matched. */
  readonly pattern: string;
  /** Result of the detector's validator, if it has one. */
  readonly validation: 'passed' | 'failed' | 'none';
  /** Words near the span that raised (+) or lowered (-) the score. */
  readonly context: readonly { readonly word: string; readonly effect: number }[];
}

export interface Finding {
  /** UTF-16 offsets into the field's value, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** 0..1 */
  readonly score: number;
  /** Id of the detector that reported it. */
  readonly detector: string;
  readonly explanation: Explanation;
}

export interface DetectContext {
  /** The field's path (CSV column or JSON path). */
  readonly field: string;
  /** ISO 3166 region used to read national phone numbers, e.g. 'US'. */
  readonly defaultRegion: string;
}

export interface Detector {
  readonly id: string;
  readonly version: string;
  readonly types: readonly EntityType[];
  detect(text: string, context: DetectContext): Finding[];
}
