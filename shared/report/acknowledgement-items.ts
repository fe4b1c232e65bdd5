/**
 * The residual findings and surviving original values of a run's verification that a reviewer must acknowledge
 * before the output is shared, each with a stable id ("file:record:field:type", ":form" added for a surviving
 * value; the file by its base name). One definition for the window (which lists them) and main (which writes the
 * acknowledgements into the report). Items hold locations and types, never a value from the data.
 */

/** The part of an audit report's verification that the items come from. */
export interface VerificationLocations {
  readonly verification?: {
    readonly files: readonly {
      readonly anonymised: string;
      readonly residual: { readonly count: number; readonly locations: readonly VerificationLocation<{ readonly detector: string }>[] };
      readonly survival: { readonly count: number; readonly locations: readonly VerificationLocation<{ readonly form: string }>[] };
    }[];
  };
}

type VerificationLocation<T> = { readonly record: number | null; readonly field: string; readonly type: string } & T;

export interface AcknowledgementItem {
  readonly id: string;
  readonly kind: 'residual' | 'survival';
  /** The anonymised file's base name. */
  readonly file: string;
  readonly record: number | null;
  readonly field: string;
  readonly type: string;
  /** The detector (residual) or the spelling it survived in (survival). */
  readonly detail: string;
}

/** The last segment of a path (either separator), so no folder is shown or stored. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Every listed residual and surviving value of the report, once each; `unlisted` counts those the report capped away. */
export function itemsToAcknowledge(report: VerificationLocations): { readonly items: readonly AcknowledgementItem[]; readonly unlisted: number } {
  const items = new Map<string, AcknowledgementItem>();
  let unlisted = 0;
  for (const file of report.verification?.files ?? []) {
    const name = baseName(file.anonymised);
    const base = (l: VerificationLocation<object>) => ({ file: name, record: l.record, field: l.field, type: l.type });
    const idOf = (l: VerificationLocation<object>) => `${name}:${l.record ?? '-'}:${l.field}:${l.type}`;
    for (const l of file.residual.locations) items.set(idOf(l), { id: idOf(l), kind: 'residual', detail: l.detector, ...base(l) });
    for (const l of file.survival.locations) {
      const id = `${idOf(l)}:${l.form}`;
      items.set(id, { id, kind: 'survival', detail: l.form, ...base(l) });
    }
    unlisted += Math.max(0, file.residual.count - file.residual.locations.length) + Math.max(0, file.survival.count - file.survival.locations.length);
  }
  return { items: [...items.values()], unlisted };
}

/** True when every item is listed (none capped away) and acknowledged. */
export function everyItemAcknowledged(report: VerificationLocations, acknowledged: ReadonlySet<string>): boolean {
  const { items, unlisted } = itemsToAcknowledge(report);
  return items.length > 0 && unlisted === 0 && items.every((item) => acknowledged.has(item.id));
}
