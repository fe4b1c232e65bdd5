/**
 * A fresh copy of a text, in V8's compact one-byte form where its characters allow it.
 *
 * A field cut out of a larger decoded chunk is a slice of that chunk, and it is stored two bytes per character
 * whenever the chunk holds one character above U+00FF (a curly quote, a euro sign, an emoji) — even when the field
 * itself is plain ASCII. V8's regexes run several times slower over such a string than over a one-byte one, and the
 * detectors run dozens of regex scans over every text. Decoding the text's UTF-8 bytes gives a new string that V8
 * stores in one byte per character whenever it can; it is used only if it is equal to the original (a lone
 * surrogate would not survive the round trip), so the detectors see exactly the same text.
 */

/** Longer texts are left as they are: the copy's buffer would be large, and the scans are linear anyway. */
const MAX_COPY_LENGTH = 1 << 16;
/** Shorter texts are left as they are too: their scans are so short that the copy would cost more than it saves. */
const MIN_COPY_LENGTH = 16;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let bytes = new Uint8Array(1 << 12);

/** The last copy made: handed in again (the pipeline compacts a field, then the registry sees it), it is returned as is. */
let lastCopy = '';
/** Whether `bytes` still holds the last copy's characters, one byte each (it was all ASCII). */
let lastAscii = false;

/** `text`, or a copy of it equal to it (===) in the most compact representation V8 gives a decoded string. */
export function compactText(text: string): string {
  if (text.length > MAX_COPY_LENGTH || text.length < MIN_COPY_LENGTH || text === lastCopy) return text;
  // UTF-8 needs at most three bytes per UTF-16 unit
  if (bytes.length < text.length * 3) bytes = new Uint8Array(Math.max(text.length * 3, bytes.length * 2));
  const { written } = encoder.encodeInto(text, bytes);
  const copy = decoder.decode(bytes.subarray(0, written));
  const ascii = written === text.length;
  // one byte per unit: all ASCII, which always survives the round trip (the comparison costs a pass over the text)
  if (!ascii && copy !== text) return text;
  lastCopy = copy;
  lastAscii = ascii;
  return copy;
}

/**
 * The character codes of `text` when it is the last copy `compactText` made and all ASCII (one byte each, in a
 * shared buffer valid until the next `compactText` call), else null. Tokenisers read them instead of encoding the
 * text again.
 */
export function asciiCodesOf(text: string): Uint8Array | null {
  return lastAscii && text === lastCopy ? bytes : null;
}
