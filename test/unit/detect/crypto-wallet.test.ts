import { base58check, bech32 } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { cryptoWalletDetector } from '../../../shared/detect/detectors/crypto-wallet';
import {
  isChecksummedEthereumAddress,
  isValidBase58Address,
  isValidSegwitAddress,
} from '../../../shared/detect/validators/bank-checksums';

const detect = (text: string) => cryptoWalletDetector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
const patterns = (text: string) => detect(text).map((f) => f.explanation.pattern);

// Published examples: the Bitcoin wiki's P2PKH and P2SH addresses, BIP 173's and BIP 350's test vectors, EIP-55's.
const P2PKH = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const SEGWIT_V0 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const SEGWIT_V0_UPPER = 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4';
const TAPROOT = 'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297';
const EIP55 = ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB'];

/** One character changed to another of the same alphabet: the checksum must catch it. */
const mutate = (s: string, at: number, by: string) => s.slice(0, at) + by + s.slice(at + 1);

describe('IBAN type: crypto-currency addresses', () => {
  it('validators accept published addresses and reject one changed character', () => {
    expect(isValidBase58Address(P2PKH)).toBe(true);
    expect(isValidBase58Address(P2SH)).toBe(true);
    expect(isValidBase58Address(mutate(P2PKH, 10, P2PKH[10] === 'a' ? 'b' : 'a'))).toBe(false);
    expect(isValidSegwitAddress(SEGWIT_V0)).toBe(true);
    expect(isValidSegwitAddress(SEGWIT_V0_UPPER)).toBe(true);
    expect(isValidSegwitAddress(TAPROOT)).toBe(true);
    expect(isValidSegwitAddress(mutate(SEGWIT_V0, 12, SEGWIT_V0[12] === 'q' ? 'p' : 'q'))).toBe(false);
    expect(isValidSegwitAddress('bc1qAr0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBe(false); // mixed case
    for (const a of EIP55) expect(isChecksummedEthereumAddress(a)).toBe(true);
    expect(isChecksummedEthereumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    expect(isChecksummedEthereumAddress(EIP55[0]!.toLowerCase())).toBe(false);
  });
  it('a Base58 address of another kind (version byte) or length is not a wallet', () => {
    const payload = new Uint8Array(21).fill(7);
    payload[0] = 0x00;
    expect(isValidBase58Address(base58check(sha256).encode(payload))).toBe(true);
    payload[0] = 0x80; // a private-key WIF prefix, not an address
    expect(isValidBase58Address(base58check(sha256).encode(payload))).toBe(false);
    expect(isValidBase58Address(base58check(sha256).encode(new Uint8Array(20)))).toBe(false);
    payload[0] = 0x30; // Litecoin
    const ltc = base58check(sha256).encode(payload);
    expect(ltc[0]).toBe('L');
    expect(found(`LTC to ${ltc} please`)).toEqual([ltc]);
  });
  it('a segwit address of an unknown network or with a wrong program length is not a wallet', () => {
    expect(isValidSegwitAddress(bech32.encode('xy', [0, ...bech32.toWords(new Uint8Array(20))]))).toBe(false);
    expect(isValidSegwitAddress(bech32.encode('bc', [0, ...bech32.toWords(new Uint8Array(21))]))).toBe(false);
    expect(isValidSegwitAddress(bech32.encode('bc', [0, ...bech32.toWords(new Uint8Array(32))]))).toBe(true);
  });
  it('finds each kind in text, with its pattern and score', () => {
    const text = `send to ${P2PKH}, ${P2SH} or ${SEGWIT_V0} (${TAPROOT})`;
    expect(found(text)).toEqual([P2PKH, P2SH, SEGWIT_V0, TAPROOT]);
    expect(patterns(text)).toEqual(['bitcoin-legacy', 'bitcoin-legacy', 'segwit', 'segwit']);
    expect(detect(P2PKH)[0]).toMatchObject({ type: 'IBAN', detector: 'crypto-wallet', score: 0.9, explanation: { validation: 'passed' } });
  });
  it('Ethereum: a checksummed address always, an unchecksummed one higher after a wallet word', () => {
    expect(found(`from ${EIP55[1]}`)).toEqual([EIP55[1]]);
    expect(detect(EIP55[1]!)[0]!.score).toBe(0.9);
    const lower = EIP55[0]!.toLowerCase();
    expect(detect(`my MetaMask wallet ${lower}`)[0]).toMatchObject({ score: 0.8, explanation: { validation: 'none', context: [{ word: 'metamask' }] } });
    expect(detect(`value ${lower}`)[0]!.score).toBe(0.6);
    expect(found('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toEqual([]); // mixed case, checksum fails
  });
  it('hashes, GUIDs, product keys and words are not wallets', () => {
    expect(found('commit 3f786850e387550fdab836ed7e6dc881de23001b')).toEqual([]);
    expect(found('tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b')).toEqual([]);
    expect(found('{6F9619FF-8B86-D011-B42D-00C04FC964FF}')).toEqual([]);
    expect(found('key 1ABCDEFGHJKLMNPQRSTUVWXYZabcdefgh')).toEqual([]);
    expect(found(`${P2PKH}X`)).toEqual([]);
    expect(found('no long runs here 12345')).toEqual([]);
  });
});
