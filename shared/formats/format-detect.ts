/** Decides whether a file is CSV, JSON or NDJSON, from its name and, where the name does not say, its first text. */
import type { FormatKind } from './record';

const BY_EXTENSION: Readonly<Record<string, FormatKind>> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  psv: 'csv',
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

export const FORMAT_EXTENSIONS = Object.keys(BY_EXTENSION);

/**
 * @param fileName the input's name (only its extension is used)
 * @param head the first decoded text of the file (a few KB)
 */
export function detectFormat(fileName: string, head: string): FormatKind {
  const dot = fileName.lastIndexOf('.');
  const byName = dot >= 0 ? BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] : undefined;
  if (byName === 'csv' || byName === 'ndjson') return byName;
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const startsLikeJson = text.startsWith('{') || text.startsWith('[');
  if (byName === 'json' || startsLikeJson) {
    // Many tools write JSON Lines under a .json name: a first line that is a whole value, followed by another value.
    return looksLikeJsonLines(text) ? 'ndjson' : startsLikeJson || byName === 'json' ? 'json' : 'csv';
  }
  return 'csv';
}

function looksLikeJsonLines(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  // the sample may cut its last line short: judge the complete ones only
  const complete = lines.slice(0, Math.min(lines.length - 1, 3));
  return complete.every((line) => {
    const t = line.trim();
    if (!(t.startsWith('{') || t.startsWith('['))) return false;
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  });
}
