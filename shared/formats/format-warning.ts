/** Something a reader accepted but the user must hear about (e.g. a CSV row kept despite a wrong field count). */
export interface FormatWarning {
  readonly line: number;
  readonly record?: number;
  readonly message: string;
}
