/**
 * Which text encoding a file uses, from its first bytes. A BOM decides; without one, text that is valid UTF-8 is
 * UTF-8 and anything else is read as Windows-1252 (what Excel on Western Windows writes as "CSV").
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/**
 * @param head the first bytes of the file (64 KB or more gives a reliable answer)
 * @param complete whether `head` is the whole file (else a multi-byte character cut at its end is not an error)
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(head, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
