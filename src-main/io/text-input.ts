/**
 * Opens an export for reading: sniffs its encoding from the first bytes, then streams it as decoded text while
 * counting and hashing the bytes, so that the report can name the exact input without a second pass.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createStreamDecoder, TextCodecError } from '../../shared/formats/text-codec';
import { sniffEncoding, type TextEncodingName } from '../../shared/formats/text-encoding';
import { InputError } from './input-error';

const HEAD_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 1 << 20;

export interface TextInput {
  readonly path: string;
  readonly size: number;
  readonly encoding: TextEncodingName;
  /** The first decoded text (up to 64 KB of bytes), for format sniffing. */
  readonly head: string;
  /** The whole file as decoded text chunks. Iterate once. */
  readonly chunks: AsyncIterable<string>;
  bytesRead(): number;
  /** SHA-256 of the bytes read, in hex; complete once `chunks` is exhausted. */
  sha256(): string;
}

export async function openTextInput(path: string, forcedEncoding?: TextEncodingName): Promise<TextInput> {
  const name = path;
  let size: number;
  let headBytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new InputError('not a regular file', name);
      size = stat.size;
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      headBytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), path);
  }
  const encoding = forcedEncoding ?? sniffEncoding(headBytes, headBytes.length >= size);
  const headDecoder = createStreamDecoder(encoding);
  let head = '';
  try {
    head = headDecoder.decode(headBytes);
  } catch {
    head = ''; // the full read below reports the problem with its line
  }

  let bytes = 0;
  const hash = createHash('sha256');
  let digest: string | undefined;

  async function* chunks(): AsyncGenerator<string> {
    const decoder = createStreamDecoder(encoding);
    let lines = 1;
    const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        hash.update(chunk);
        let text: string;
        try {
          text = decoder.decode(chunk);
        } catch (error) {
          throw decodeError(error, name, encoding, lines, chunk);
        }
        lines += countNewlines(text);
        if (text) yield text;
      }
      let rest: string;
      try {
        rest = decoder.end();
      } catch (error) {
        throw decodeError(error, name, encoding, lines, undefined);
      }
      if (rest) yield rest;
      digest = hash.digest('hex');
    } catch (error) {
      if (error instanceof InputError) throw error;
      if (error instanceof Error && 'code' in error) throw new InputError(describeFsError(error), name);
      throw error;
    } finally {
      stream.destroy();
    }
  }

  return {
    path,
    size,
    encoding,
    head,
    chunks: chunks(),
    bytesRead: () => bytes,
    sha256: () => {
      if (digest === undefined) throw new Error('sha256() asked before the input was read to the end');
      return digest;
    },
  };
}

function decodeError(error: unknown, name: string, encoding: TextEncodingName, lineAtChunk: number, chunk: Buffer | undefined): Error {
  if (!(error instanceof TextCodecError)) return error as Error;
  // Find the line of the first bad byte: decode the chunk leniently and count lines up to the first U+FFFD.
  let line = lineAtChunk;
  if (chunk) {
    const lenient = new TextDecoder(encoding, { fatal: false }).decode(chunk);
    const bad = lenient.indexOf('\uFFFD');
    if (bad > 0) line += countNewlines(lenient.slice(0, bad));
  }
  const hint = encoding === 'utf-8' ? ' (if the file is Windows-1252, say so with --encoding windows-1252)' : '';
  return new InputError(`${error.message}${hint}`, name, line);
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
