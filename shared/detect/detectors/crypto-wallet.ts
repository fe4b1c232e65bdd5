/**
 * Crypto-currency addresses, reported as IBAN (the type of payment-account data; see docs/detection.md): a wallet
 * address in an exchange's or a shop's support ticket identifies its owner as surely as a bank account does.
 *
 * Patterns (explanation.pattern), score:
 *  - bitcoin-legacy     a Base58Check address of Bitcoin or Litecoin ("1…", "3…", "L…", "M…"): 26–35 characters,
 *                       25 bytes decoded, a known version byte and a valid checksum (validation 'passed')     0.9
 *  - segwit             a bech32 / bech32m address ("bc1…", "ltc1…", "tb1…") with a valid checksum, witness
 *                       version and program length (BIP 173 / 350; validation 'passed')                       0.9
 *  - ethereum           `0x` and 40 hex digits: with a valid EIP-55 mixed-case checksum 0.9 ('passed'); a
 *                       mixed-case one whose checksum fails is dropped; all-lower or all-upper (no checksum) 0.8
 *                       after a wallet word (wallet, address, ETH, ERC-20, MetaMask, …) within 40 characters
 *                       before it, else 0.6 (an EVM address is hardly anything else; a transaction hash has 64
 *                       digits, not 40)
 * Checksums are checked by @scure/base and @noble/hashes (see ../validators/bank-checksums.ts), so a random word of
 * the right alphabet is not reported. Every address holds a digit ("1", "3", "bc1", "0x"; a Litecoin "L…"/"M…" address
 * without any digit, about 1 in 250, is missed), so the scan runs only on texts whose longest run of ASCII letters
 * and digits with a digit in it is long enough (the shared digit profile). One bounded regex; the scan is linear.
 */
import type { Detector, Finding } from '../finding';
import { findingBuilder } from '../finding-builder';
import { isChecksummedEthereumAddress, isValidBase58Address, isValidSegwitAddress } from '../validators/bank-checksums';
import { digitProfile } from './text-scan';

const finding = findingBuilder('crypto-wallet', 'IBAN', 'passed');

const SCORE_VALID = 0.9;
const SCORE_ETH_CONTEXT = 0.8;
const SCORE_ETH_PLAIN = 0.6;
/** The shortest address: a Base58Check one of 26 characters. */
const MIN_RUN = 26;

const CANDIDATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:(?<eth>0x[0-9a-fA-F]{40})|(?<segwit>(?:bc|tb|ltc|tltc)1[02-9ac-hj-np-z]{6,87}|(?:BC|TB|LTC|TLTC)1[02-9AC-HJ-NP-Z]{6,87})|(?<legacy>[13LM][1-9A-HJ-NP-Za-km-z]{25,34}))(?![\p{L}\p{N}_])`,
  'gu',
);

const WALLET_WORDS = /(?<![\p{L}])(?:wallet|address|addr|eth|ether|ethereum|erc-?20|bep-?20|metamask|usdt|usdc|crypto|polygon|bsc)(?![\p{L}])/iu;
const CONTEXT_CHARS = 40;

export const cryptoWalletDetector: Detector = {
  id: 'crypto-wallet',
  version: '1',
  types: ['IBAN'],
  detect(text) {
    if (digitProfile(text).alnumRun < MIN_RUN) return [];
    const out: Finding[] = [];
    CANDIDATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CANDIDATE.exec(text)) !== null) {
      const value = m[0];
      const start = m.index;
      const end = start + value.length;
      const g = m.groups!;
      if (g.legacy !== undefined) {
        if (isValidBase58Address(value)) out.push(finding(start, end, SCORE_VALID, 'bitcoin-legacy'));
      } else if (g.segwit !== undefined) {
        if (isValidSegwitAddress(value)) out.push(finding(start, end, SCORE_VALID, 'segwit'));
      } else {
        const hex = value.slice(2);
        if (hex !== hex.toLowerCase() && hex !== hex.toUpperCase()) {
          if (isChecksummedEthereumAddress(value)) out.push(finding(start, end, SCORE_VALID, 'ethereum'));
          continue;
        }
        const before = WALLET_WORDS.exec(text.slice(Math.max(0, start - CONTEXT_CHARS), start));
        out.push(before === null
          ? finding(start, end, SCORE_ETH_PLAIN, 'ethereum', 'none')
          : finding(start, end, SCORE_ETH_CONTEXT, 'ethereum', 'none', [{ word: before[0].toLowerCase(), effect: SCORE_ETH_CONTEXT - SCORE_ETH_PLAIN }]));
      }
    }
    return out;
  },
};
