/**
 * The replacements a run wrote (its pseudonyms), so that the verification recognises the fakes that look exactly
 * like real values (IBANs with a valid checksum, postal codes, format-preserving case numbers), and a fake that
 * happens to equal another record's original (a fictional 555-01xx number, a name from the shipped lists): what
 * stands in the output there is the pseudonym. Pseudonyms are not personal data, so they are kept as they are, in
 * lower case, and for numbers also as digits (with and without a country code of one to three digits). Past a
 * bound the set stops growing; later fakes of those kinds may then be listed (a false alarm, never a miss).
 */
const MIN_DIGITS = 7;

export class WrittenValues {
  readonly #values = new Set<string>();

  constructor(private readonly max = 500_000) {}

  add(text: string): void {
    if (this.#values.size >= this.max) return;
    this.#values.add(text.trim().toLowerCase());
    const digits = text.replace(/\D/g, '');
    if (digits.length >= MIN_DIGITS) {
      for (let cut = 0; cut <= 3 && digits.length - cut >= MIN_DIGITS; cut++) this.#values.add(`#${digits.slice(cut)}`);
    }
  }

  /** True for a text the run wrote, in any case, or a number the run wrote, however separated. */
  has(text: string): boolean {
    if (this.#values.has(text.trim().toLowerCase())) return true;
    const digits = text.replace(/\D/g, '');
    return digits.length >= MIN_DIGITS && /^[\d\s().+/-]+$/.test(text.trim()) && this.#values.has(`#${digits}`);
  }

  get size(): number {
    return this.#values.size;
  }
}
