/**
 * Field groups: a record path with its array indices folded (`comments[3].body` → `comments[].body`), the name
 * under which one field of every record and every array element is reported, and dropped.
 */

/** `comments[3].body` → `comments[].body`: one name per field, not per array element. */
export function fieldGroup(path: string): string {
  return path.includes('[') ? path.replace(/\[\d+\]/g, '[]') : path;
}

/** A column or field group as profiles name it: case, spaces, `_` and `-` do not matter ("Requester email" = "requester_email"). */
export function foldFieldName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

const MAX_CACHED_PATHS = 50_000;

/**
 * Tells which fields of a record belong to a set of dropped field groups. Remembers the answer per path (bounded:
 * it starts afresh past 50,000 paths), so records of one shape cost one map look-up per field.
 */
export class FieldGroupFilter {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly groups: ReadonlySet<string>) {}

  /** True when the field at `path` is in a dropped group. */
  drops(path: string): boolean {
    let hit = this.known.get(path);
    if (hit === undefined) {
      hit = this.groups.has(fieldGroup(path));
      if (this.known.size >= MAX_CACHED_PATHS) this.known.clear();
      this.known.set(path, hit);
    }
    return hit;
  }

  /**
   * `dropped` widened with the fields of dropped groups: `undefined` when no field is dropped at all, `dropped`
   * itself when the groups add nothing.
   */
  widen(paths: readonly { readonly path: string }[], dropped: readonly boolean[] | undefined): readonly boolean[] | undefined {
    let out: boolean[] | undefined;
    for (let i = 0; i < paths.length; i++) {
      if (dropped?.[i] || !this.drops((paths[i] as { path: string }).path)) continue;
      out ??= dropped ? [...dropped] : new Array<boolean>(paths.length).fill(false);
      out[i] = true;
    }
    return out ?? dropped;
  }
}
