/**
 * Classifies a file's columns before its records are processed: reads the first batches (up to a few hundred
 * records), samples each column's values, and classifies every column from its name and sample. The batches read
 * are handed back to be processed first, so nothing is read twice. Columns first seen later are classified from
 * their name alone.
 */
import { classifyColumn } from '../detect/column-classifier';
import type { ColumnClassification, DetectContext, Finding } from '../detect/finding';
import type { Item } from '../formats/record';

export const SAMPLE_RECORDS = 500;
export const SAMPLE_CHARS = 8 << 20;
const SAMPLES_PER_COLUMN = 100;
const SAMPLE_VALUE_CHARS = 500;
const MAX_COLUMNS = 2000;

export interface ColumnRoles {
  /** The classification of a folded field path, or undefined past the column limit. */
  roleOf(group: string): ColumnClassification | undefined;
  all(): ColumnClassification[];
}

export async function sampleColumns(
  batches: AsyncIterator<Item[]>,
  fieldGroup: (path: string) => string,
  detect: (text: string, context: DetectContext) => Finding[],
  defaultRegion: string,
  /** A role set by the profile, which wins over the classifier's. */
  override?: (group: string) => ColumnClassification | undefined,
): Promise<{ roles: ColumnRoles; buffered: Item[][] }> {
  const buffered: Item[][] = [];
  const samples = new Map<string, string[]>();
  let records = 0;
  let chars = 0;
  while (records < SAMPLE_RECORDS && chars < SAMPLE_CHARS) {
    const next = await batches.next();
    if (next.done) break;
    buffered.push(next.value);
    for (const item of next.value) {
      if (item.kind !== 'record') continue;
      records++;
      chars += item.record.raw.length;
      for (const field of item.record.fields) {
        const group = fieldGroup(field.path);
        let list = samples.get(group);
        if (!list) {
          if (samples.size >= MAX_COLUMNS) continue;
          samples.set(group, (list = []));
        }
        if (list.length < SAMPLES_PER_COLUMN && field.value.trim() !== '') list.push(field.value.slice(0, SAMPLE_VALUE_CHARS));
      }
    }
  }
  const roles = new Map<string, ColumnClassification>();
  for (const [group, values] of samples) roles.set(group, override?.(group) ?? classifyColumn(group, values, detect, defaultRegion));
  return {
    buffered,
    roles: {
      roleOf(group) {
        let role = roles.get(group);
        if (!role && roles.size < MAX_COLUMNS) {
          role = override?.(group) ?? classifyColumn(group, [], detect, defaultRegion);
          roles.set(group, role);
        }
        return role;
      },
      all: () => [...roles.values()],
    },
  };
}
