/**
 * A fake IP address. IPv4 goes into the RFC 5737 documentation networks (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24), or through a Crypto-PAn-style prefix-preserving map; IPv6 goes into 2001:db8::/32 (RFC 3849);
 * an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) maps its IPv4 part. A port (`10.1.2.3:8080`, `[2001:db8::1]:443`)
 * and a zone (`%eth0`) are kept.
 */
import ipaddr from 'ipaddr.js';
import { pick } from './keyed-choice';

export type Ipv4Mode = 'documentation' | 'prefix-preserving';

/** The RFC 5737 networks, as their first three octets. */
export const DOCUMENTATION_NETS: readonly (readonly [number, number, number])[] = [
  [192, 0, 2],
  [198, 51, 100],
  [203, 0, 113],
];

const BRACKETED = /^\[([^\]]+)\](:\d+)?$/;
const V4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3})(:\d+)$/;
const V4_MAPPED = /^::ffff:/i;
const CACHE_LIMIT = 65536;

/**
 * Crypto-PAn-style prefix-preserving map of IPv4 addresses: bit i of the output is bit i of the input XOR f(the
 * input's first i bits), so two addresses sharing a k-bit prefix map to two sharing a k-bit prefix. The map of the
 * first 24 bits is cached per /24 (bounded); the last 8 bits cost 8 lookups of `f`.
 */
export class PrefixPreservingIpv4 {
  readonly #f: (prefixBits: string) => number;
  #top = new Map<number, number>();

  /** @param f one keyed bit (0 or 1) for a prefix written as a string of '0' and '1' ('' for the empty prefix) */
  constructor(f: (prefixBits: string) => number) {
    this.#f = f;
  }

  /** Maps an address given as an unsigned 32-bit integer. */
  map(address: number): number {
    const top = address >>> 8;
    let outTop = this.#top.get(top);
    if (outTop === undefined) {
      outTop = this.#bits(top, 24, '');
      if (this.#top.size >= CACHE_LIMIT) this.#top.clear();
      this.#top.set(top, outTop);
    }
    const low = this.#bits(address & 0xff, 8, top.toString(2).padStart(24, '0'));
    return ((outTop << 8) | low) >>> 0;
  }

  /** The `n` bits of `value` (most significant first), each XOR f(prefix so far), the prefix starting as `prefix`. */
  #bits(value: number, n: number, prefix: string): number {
    let out = 0;
    let p = prefix;
    for (let i = n - 1; i >= 0; i--) {
      const bit = (value >>> i) & 1;
      out = (out << 1) | (bit ^ (this.#f(p) & 1));
      p += bit === 1 ? '1' : '0';
    }
    return out >>> 0;
  }
}

export interface FakeIpOptions {
  readonly ipv4: Ipv4Mode;
  /** Required for `ipv4: 'prefix-preserving'`. */
  readonly pan?: PrefixPreservingIpv4;
}

export function fakeIp(digest: Uint8Array, original: string, options: FakeIpOptions): string {
  let host = original.trim();
  let before = '';
  let after = '';
  const bracketed = BRACKETED.exec(host);
  const withPort = bracketed ? null : V4_WITH_PORT.exec(host);
  if (bracketed) {
    host = bracketed[1]!;
    before = '[';
    after = ']' + (bracketed[2] ?? '');
  } else if (withPort) {
    host = withPort[1]!;
    after = withPort[2]!;
  }
  const zone = host.indexOf('%');
  if (zone >= 0) {
    after = host.slice(zone) + after;
    host = host.slice(0, zone);
  }
  return before + fakeHost(digest, host, options) + after;
}

function fakeHost(digest: Uint8Array, host: string, options: FakeIpOptions): string {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 | undefined;
  try {
    parsed = ipaddr.parse(host);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) return host.includes(':') ? fakeIpv6(digest) : fakeIpv4(digest, undefined, options);
  if (parsed.kind() === 'ipv4') return fakeIpv4(digest, parsed as ipaddr.IPv4, options);
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) {
    const prefix = V4_MAPPED.test(host) ? host.slice(0, 7) : '::ffff:';
    return prefix + fakeIpv4(digest, v6.toIPv4Address(), options);
  }
  return fakeIpv6(digest);
}

function fakeIpv4(digest: Uint8Array, original: ipaddr.IPv4 | undefined, options: FakeIpOptions): string {
  if (options.ipv4 === 'prefix-preserving' && original !== undefined) {
    if (options.pan === undefined) throw new Error('prefix-preserving IPv4 needs its keyed map');
    const [a, b, c, d] = original.octets as [number, number, number, number];
    const out = options.pan.map(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
    return `${out >>> 24}.${(out >>> 16) & 0xff}.${(out >>> 8) & 0xff}.${out & 0xff}`;
  }
  const [a, b, c] = pick(DOCUMENTATION_NETS, digest, 0);
  return `${a}.${b}.${c}.${1 + (digest[6]! % 254)}`;
}

/** 2001:db8:: followed by 96 bits of the digest, in the RFC 5952 form. */
function fakeIpv6(digest: Uint8Array): string {
  const parts = [0x2001, 0x0db8];
  for (let i = 0; i < 6; i++) parts.push((digest[8 + 2 * i]! << 8) | digest[9 + 2 * i]!);
  return new ipaddr.IPv6(parts).toRFC5952String();
}
