/**
 * A fake e-mail address: `user-3f9a2c81d0@example.invalid` (RFC 2606 reserves `.invalid`), ten hex digits from the
 * digest and nothing of the original's local part. A kept domain (the company's own) stays: `user-3f9a2c81d0@acme.com`.
 * Ten digits are 40 bits: among ten thousand distinct addresses two share a pseudonym with a chance of about 1 in
 * 22,000 (six digits would merge identities from a few thousand on); among a million, about 1 in 2.
 */
import { hexFrom } from './keyed-choice';

export const FAKE_EMAIL_DOMAIN = 'example.invalid';

/**
 * @param keepDomains lower-case domains kept as they are; a subdomain of one is kept too
 * @param normalised the address in canonical form (lower case, obfuscations resolved)
 */
export function fakeEmail(digest: Uint8Array, normalised: string, keepDomains: readonly string[]): string {
  const at = normalised.lastIndexOf('@');
  const domain = at >= 0 ? normalised.slice(at + 1) : '';
  const kept = domain !== '' && isKeptDomain(domain, keepDomains);
  return `user-${hexFrom(digest, 10)}@${kept ? domain : FAKE_EMAIL_DOMAIN}`;
}

/** True when `domain` (lower case) is one of `keepDomains` or a subdomain of one. */
export function isKeptDomain(domain: string, keepDomains: readonly string[]): boolean {
  for (const k of keepDomains) {
    if (domain === k || (domain.length > k.length && domain.endsWith(k) && domain[domain.length - k.length - 1] === '.')) return true;
  }
  return false;
}
