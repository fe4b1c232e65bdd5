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
  /** What the field's column holds, when the column was classified (see column-classifier.ts). */
  readonly column?: ColumnClassification;
  /** Values already known to be personal (from identity columns), for finding them again in free text. */
  readonly known?: KnownValueLookup;
}

/** The role of a column (a CSV column, or a JSON field path with array indexes folded). */
export type ColumnRoleKind = 'identifier' | 'free-text' | 'confidential-note' | 'id' | 'date' | 'category' | 'number' | 'other';

export interface ColumnClassification {
  /** The folded field path, e.g. `requester_email` or `comments[].body`. */
  readonly field: string;
  readonly role: ColumnRoleKind;
  /** For `identifier`: the type of value the column holds. */
  readonly type?: EntityType;
  /** 0..1 */
  readonly confidence: number;
  /** Why: e.g. `header "Anrufer" means PERSON`, `92% of sampled values are e-mail addresses`. */
  readonly reasons: readonly string[];
}

/** A known personal value found again in a text. */
export interface KnownValueMatch {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** The column the value was learned from. */
  readonly column: string;
  /** Whether the match is the whole known value or a part of it (a first name, an e-mail local part). */
  readonly part: 'whole' | 'part';
}

export interface KnownValueLookup {
  find(text: string): KnownValueMatch[];
}

export interface Detector {
  readonly id: string;
  readonly version: string;
  readonly types: readonly EntityType[];
  detect(text: string, context: DetectContext): Finding[];
}
