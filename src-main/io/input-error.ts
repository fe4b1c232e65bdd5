/** An input or usage problem the user can fix. Printed as one line naming the file and, where known, the line and record. */
export class InputError extends Error {
  constructor(
    readonly detail: string,
    readonly file?: string,
    readonly line?: number,
    readonly record?: number | null,
  ) {
    super(formatInputError(detail, file, line, record));
    this.name = 'InputError';
  }
}

export function formatInputError(detail: string, file?: string, line?: number, record?: number | null): string {
  const where = [file, line !== undefined ? `line ${line}` : undefined, record != null ? `record ${record}` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${detail}` : detail;
}
