/**
 * The words around a PHONE candidate: phone words before it or a line label after it raise the score, identifier
 * words (order, invoice, '#', ...) lower it; both are recorded in `explanation.context`.
 */

import { hashBefore, labelAfter, labelBefore, letterBefore, nearestWordIn } from './context-scan';

const PHONE_WORDS = new Set([
  'phone', 'phones', 'telephone', 'tel', 'tele', 'mobile', 'mob', 'cell', 'cellphone', 'call', 'called', 'calling',
  'callback', 'fax', 'ph', 'whatsapp', 'sms', 'telefon', 'telefono', 'teléfono', 'téléphone', 'tél', 'handy',
  'móvil', 'movil', 'portable', 'mobil', 'rufnummer', 'answering', 'dial', 'dialed', 'dialled', 'phoned',
  'hotline', 'landline', 'voicemail', '☎', '📞',
]);
const IDENTIFIER_WORDS = new Set([
  'order', 'orders', 'invoice', 'ticket', 'case', 'ref', 'reference', 'account', 'acct', 'serial', 'sku',
  'tracking', 'transaction', 'txn', 'id', 'po', 'iban', 'card', 'receipt', 'booking', 'confirmation', 'customer',
  'item', 'part', 'isbn', 'bestellung', 'rechnung', 'commande', 'facture', 'pedido', 'factura',
]);

/** How far before a number its context words are read. */
const CONTEXT_CHARS = 30;
/** Score effects: a phone word or label (on a validated number, on a weaker one), an identifier word; the cap. */
const BONUS_VALID = 0.05;
const BONUS_WEAK = 0.25;
const PENALTY_IDENTIFIER = -0.45;
const MAX_SCORE = 0.95;

type ContextEntry = { readonly word: string; readonly effect: number };

export function scoreWithContext(
  text: string,
  start: number,
  end: number,
  base: number,
  strong: boolean,
): { score: number; context: ContextEntry[] } {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const context: ContextEntry[] = [];
  let score = base;
  const phoneWord = phoneWordBefore(text, start) ?? labelAfter(text, end);
  if (phoneWord !== undefined) {
    const effect = strong ? BONUS_VALID : BONUS_WEAK;
    context.push({ word: phoneWord, effect });
    score += effect;
  } else {
    let idWord: string | undefined;
    if (hashBefore(text, from, start)) idWord = '#';
    else {
      const label = labelBefore(text, from, start);
      if (label !== undefined && IDENTIFIER_WORDS.has(label)) idWord = label;
    }
    if (idWord !== undefined) {
      context.push({ word: idWord, effect: PENALTY_IDENTIFIER });
      score += PENALTY_IDENTIFIER;
    }
  }
  score = Math.round(Math.min(MAX_SCORE, Math.max(0.01, score)) * 100) / 100;
  return { score, context };
}

/** '#' or an identifier label (order, invoice no., ...) directly before `start`. */
export function identifierBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - CONTEXT_CHARS);
  if (hashBefore(text, from, start)) return true;
  const label = labelBefore(text, from, start);
  return label !== undefined && IDENTIFIER_WORDS.has(label);
}

/** A phone word among the last three words in the `CONTEXT_CHARS` before `start` (a word cut by the window is ignored). */
export function phoneWordBefore(text: string, start: number): string | undefined {
  const from = Math.max(0, start - CONTEXT_CHARS);
  return nearestWordIn(text, from, start, 3, from > 0 && letterBefore(text, from), PHONE_WORDS);
}
