/** What the report says about a file: its name, size and SHA-256, never its content. */
export interface FileFacts {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}
