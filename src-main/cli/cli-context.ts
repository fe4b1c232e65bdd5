/** What a command needs from its surroundings; tests pass their own. */
export interface CliContext {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly signal: AbortSignal;
  readonly version: string;
}
