/**
 * Whole values of classified columns: in a column that holds one kind of personal value (a requester's name, a
 * street address), the whole value is that value, even where no pattern recognises it. In a column of internal
 * or confidential notes, the whole value is a CONFIDENTIAL_NOTE.
 */
import type { Detector, EntityType } from '../finding';

/** Column types whose every value is personal data; IDs and case numbers are left to the policy. */
const WHOLE_VALUE_TYPES: ReadonlySet<EntityType> = new Set([
  'EMAIL', 'PHONE', 'IP_ADDRESS', 'MAC_ADDRESS', 'URL', 'HOSTNAME', 'CREDIT_CARD', 'IBAN', 'NATIONAL_ID', 'USERNAME',
  'PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS', 'POSTAL_CODE', 'DATE_OF_BIRTH',
]);
/** Below this confidence a column's role is shown to the user but not acted on. */
const MIN_CONFIDENCE = 0.7;

export const columnValueDetector: Detector = {
  id: 'column-value',
  version: '1',
  types: [...WHOLE_VALUE_TYPES, 'CONFIDENTIAL_NOTE'],
  detect(text, ctx) {
    const column = ctx.column;
    if (!column || column.confidence < MIN_CONFIDENCE) return [];
    let type: EntityType;
    if (column.role === 'confidential-note') type = 'CONFIDENTIAL_NOTE';
    else if (column.role === 'identifier' && column.type && WHOLE_VALUE_TYPES.has(column.type)) type = column.type;
    else return [];
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    if (end <= start) return [];
    return [
      {
        start,
        end,
        type,
        // a column's word outranks a pattern that covers only part of the value
        score: Math.min(0.97, 0.5 + column.confidence / 2),
        detector: 'column-value',
        explanation: { pattern: `column ${column.field} is classified as ${type}`, validation: 'none', context: [] },
      },
    ];
  },
};
