/** Replacements keep the case pattern of what they replace: "JOHN" → "MARK", "john" → "mark", "John" → "Mark". */

export function applyCasePattern(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return replacement;
  if (letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  if (letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return replacement.toLowerCase();
  return replacement;
}
