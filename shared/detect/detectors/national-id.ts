/**
 * NATIONAL_ID detector: one detector, several named patterns, and the scan and scoring they share. The patterns live in
 * ./national-id/patterns.ts, the labelled document numbers in ./national-id/labelled-documents.ts, and the validators
 * (pure functions) in ../validators/national-id-checksums.ts.
 *
 *  pattern               shape                                   validation               context   score (+word)
 *  us-ssn                ddd-dd-dddd                             area/group/serial        optional  0.85 (+0.1)
 *  us-ssn-unformatted    ddddddddd, ddd dd dddd                  area/group/serial        required  0.85
 *  us-itin               9dd-dd-dddd                             ITIN group ranges        optional  0.8 (+0.15)
 *  us-itin-unformatted   9dddddddd, 9dd dd dddd                  ITIN group ranges        required  0.85
 *  uk-nino               AB 12 34 56 C, AB123456C, ab123456c     HMRC prefix rules        optional  0.85 spaced, 0.75 compact (+0.1)
 *  de-steuer-id          dd ddd ddd ddd                          MOD 11,10 + repetition   optional  0.9 (+0.05)
 *  de-steuer-id-compact  ddddddddddd                             MOD 11,10 + repetition   required  0.9
 *  fr-nir                1 84 12 76 451 089 46, 2A/2B, compact   mod-97 key               optional  0.9 spaced (+0.05), 0.65 compact (+0.25)
 *  es-dni                12345678Z, 12345678-Z                   mod-23 letter            optional  0.85 (+0.1)
 *  es-nie                X1234567L, X-1234567-L                  mod-23 letter            optional  0.85 (+0.1)
 *  it-codice-fiscale     RSSMRA85T10A562S, omocodia letters      check letter, month/day  optional  0.9 (+0.05)
 *  in-aadhaar            dddd dddd dddd, dddd-dddd-dddd          Verhoeff, first 2–9      optional  0.8 (+0.15)
 *  in-aadhaar-compact    dddddddddddd                            Verhoeff, first 2–9      required  0.9
 *  in-pan                ABCPE1234F (upper case)                 holder-type letter only  optional  0.75 (+0.15), validation 'none'
 *  uk-nhs                ddd ddd dddd, dddddddddd                mod-11 check digit       required  0.9
 *  ca-sin                ddd-ddd-ddd, ddd ddd ddd, ddddddddd     Luhn, not 0/8 first      required  0.9
 *  au-tfn                ddd ddd ddd, ddd ddd dd, compact        weighted mod-11          required  0.9
 *  br-cpf                ddd.ddd.ddd-dd                          two mod-11 digits        optional  0.9 (+0.05)
 *  br-cpf-compact        ddddddddddd                             two mod-11 digits        required  0.9
 *  pl-pesel              ddddddddddd                             birth date, weighted     required  0.9
 *  nl-bsn                ddddddddd, dddd.dd.ddd                  11-proof                 required  0.9
 *  se-personnummer       yyyymmdd-nnnn, yymmdd-nnnn (+)          date, Luhn               optional for the 12-digit form (0.8 +0.15), else required
 *  fi-hetu               ddmmyy-nnnC (+, A–F, U–Y)               date, mod-31 character   optional  0.9 (+0.05)
 *  sg-nric               S1234567D (S, T, F, G, M)               weighted check letter    optional  0.85 (+0.1)
 *  kr-rrn                yymmdd-snnnnnn                          date, mod-11             optional  0.85 (+0.1)
 *  cn-resident-id        17 digits + 0–9/X                       date, ISO 7064 MOD 11-2  optional  0.8 (+0.15)
 *
 * Labelled document numbers (driver's licence, passport, identity card, licence plate): see ./national-id/labelled-documents.ts.
 *
 * Required-context words: ssn / social security; itin / taxpayer; nhs; sin / social insurance / nas; tfn / tax; steuer-id, steueridentifikationsnummer, idnr, tin, tax; aadhaar,
 * uid. Lower case is accepted for compact NINOs/NIEs, codici fiscali and DNI letters (not after a space).
 * Scores are capped at 0.95.
 *
 * A failed checksum never produces a finding. The US sample SSN 078-05-1120 (the Woolworth wallet card) and
 * similar published numbers pass the structural rules and ARE reported: the detector cannot tell a voided
 * number from a live one, and redacting a sample costs nothing. HMRC's specimen NINO QQ 12 34 56 C is NOT
 * reported: the Q prefix is never allocated.
 *
 * Scanning: every pattern is one global regex of bounded length (no nested quantifiers) with short
 * lookarounds, so each scan is linear. The digits are profiled first (one regex scan, see text-scan.ts): a
 * pattern is not scanned at all when the text holds fewer digits than a match needs (none at all: nothing is done). A
 * candidate glued to a word, to '+', or continuing a number (`1 078-05-1120`, `078-05-1120-7`, `…1120.5`) is
 * rejected.
 *
 * Context: among the three words before the candidate, the nearest pattern word (e.g. ssn, nino, steuer, nir,
 * dni, codice, aadhaar, pan) adds the pattern's boost; for SSN, Steuer-ID, NIR, DNI, Aadhaar and PAN an
 * identifier word (order, invoice, phone, sku, tracking, ...) subtracts 0.4. Patterns that need context are
 * dropped unless the nearest such word is a pattern word; for those the word is recorded with the whole score
 * as its effect.
 */

import type { Detector, Finding } from '../finding';
import { digitProfile } from './text-scan';
import { hasKeywordHint } from './keyword-hints';
import { detectLabelledDocuments } from './national-id/labelled-documents';
import { COMPACT_GATE, COMPACT_GATE_HINT, CPF_SHAPE, GROUPED_GATE, PATTERNS, SHAPES, WORD_GATED_HINT } from './national-id/patterns';

const IDENTIFIER_EFFECT = -0.4;
const MAX_SCORE = 0.95;
const CONTEXT_CHARS = 30;

const IDENTIFIER_WORDS = new Set([
  'order', 'orders', 'invoice', 'ticket', 'tracking', 'ref', 'reference', 'phone', 'tel', 'fax', 'mobile', 'call',
  'serial', 'sku', 'imei', 'iban', 'card', 'transaction', 'txn', 'case', 'bestellung', 'rechnung', 'commande',
  'facture', 'pedido', 'factura', 'timestamp',
]);

/** The last `max` words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const matches = [...text.slice(from, start).matchAll(/[\p{L}\p{M}]+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /[\p{L}\p{M}]/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

export const nationalIdDetector: Detector = {
  id: 'national-id',
  version: '1',
  types: ['NATIONAL_ID'],
  detect(text) {
    const stats = digitProfile(text);
    if (stats.digits === 0) return [];
    const out: Finding[] = [];
    detectLabelledDocuments(text, out);
    let groupedOpen: boolean | undefined;
    let compactOpen: boolean | undefined;
    let shaped: boolean | undefined;
    let cpfShaped: boolean | undefined;
    for (const spec of PATTERNS) {
      if (stats.digits < spec.minDigits || stats.digitRun < spec.minDigitRun || stats.alnumRun < spec.minAlnumRun || stats.digitChain < spec.minChain) continue;
      if (spec.gate === GROUPED_GATE && !(groupedOpen ??= hasKeywordHint(text, WORD_GATED_HINT) && GROUPED_GATE.test(text))) continue;
      if (spec.gate === COMPACT_GATE && !(compactOpen ??= hasKeywordHint(text, WORD_GATED_HINT) && COMPACT_GATE_HINT.test(text) && COMPACT_GATE.test(text))) continue;
      if (spec.quick && !(shaped ??= SHAPES.test(text))) continue;
      if (spec.cpfShape && !(cpfShaped ??= CPF_SHAPE.test(text))) continue;
      // exec, not matchAll: matchAll clones the regex on every call.
      const reG = spec.re;
      reG.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = reG.exec(text)) !== null) {
        const variant = spec.check(m);
        if (variant === undefined) continue;
        const words = wordsBefore(text, m.index, 3);
        let context: { word: string; effect: number } | undefined;
        for (let i = words.length - 1; i >= 0 && context === undefined; i--) {
          const w = words[i] ?? '';
          if (spec.words.has(w)) context = { word: w, effect: variant.boost };
          else if (spec.penalised && IDENTIFIER_WORDS.has(w)) context = { word: w, effect: IDENTIFIER_EFFECT };
        }
        if (variant.requireContext && (context === undefined || context.effect <= 0)) continue;
        const score = Math.round(Math.max(0.01, Math.min(MAX_SCORE, variant.base + (context?.effect ?? 0))) * 100) / 100;
        // A word that makes the finding possible at all is recorded with the whole score as its effect.
        if (variant.requireContext && context !== undefined) context = { word: context.word, effect: score };
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          type: 'NATIONAL_ID',
          score,
          detector: 'national-id',
          explanation: { pattern: variant.pattern, validation: spec.validation, context: context === undefined ? [] : [context] },
        });
      }
    }
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    return out;
  },
};
