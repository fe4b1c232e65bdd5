/**
 * Where a vault passphrase comes from: a file (its first line), the ANONYMISE_VAULT_PASSPHRASE environment variable,
 * or a prompt on the terminal that does not echo what is typed. Used by `anonymise reveal` and `run --vault`.
 */
import { open } from 'node:fs/promises';
import { InputError } from './input-error';
import { describeFsError } from './text-input';

export const PASSPHRASE_ENV = 'ANONYMISE_VAULT_PASSPHRASE';
/** Only the start of a passphrase file is read: the first line is all that counts. */
const MAX_PASSPHRASE_FILE_BYTES = 64 * 1024;

export interface PassphraseSources {
  /** --passphrase-file */
  file?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The terminal to prompt on; no prompt unless it is a TTY. */
  stdin: NodeJS.ReadStream;
  /** Where the prompt is written (stderr, so that stdout stays clean). */
  prompt: NodeJS.WritableStream;
}

/** The passphrase from the first source that is there: file, environment variable, terminal prompt; undefined if none is. */
export async function obtainPassphrase(sources: PassphraseSources, promptText = 'Vault passphrase: '): Promise<string | undefined> {
  if (sources.file !== undefined) return readPassphraseFile(sources.file);
  const fromEnv = sources.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (sources.stdin.isTTY) return promptHidden(promptText, sources.stdin, sources.prompt);
  return undefined;
}

/** The first line of a file, without its line ending. */
export async function readPassphraseFile(path: string): Promise<string> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(MAX_PASSPHRASE_FILE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
  const newline = text.indexOf('\n');
  const line = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '').replace(/^\uFEFF/, '');
  if (line === '') throw new InputError('the passphrase file is empty (the passphrase is its first line)', path);
  return line;
}

/** Prompts on a terminal with echo off; Enter ends the passphrase, Ctrl-C or Ctrl-D on an empty line cancels. */
export function promptHidden(promptText: string, input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const wasRaw = input.isRaw;
    let chars: string[] = [];
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(chars.join(''));
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && chars.length === 0)) return finish(new InputError('no passphrase entered (cancelled)'));
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else if (ch === '\u0015') chars = []; // Ctrl-U: clear the line
        else if (ch >= ' ') chars.push(ch);
      }
    };
    output.write(promptText);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
