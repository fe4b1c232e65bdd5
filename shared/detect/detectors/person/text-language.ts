/**
 * A guess at a text's language from its function words, for the rules that read capital letters or take lower-case
 * names.
 *
 * Is a text written in German? There every noun is capitalised ("bittet um Rückruf", "Stornierung der Lieferung"),
 * so a capitalised unknown word in mid-sentence says nothing about a name, and the weak proper-noun rule must not
 * fire. The guess counts German and English function words among the first tokens: German when more German ones
 * are found than English ones, and at least two, or one in a text that also holds ä, ö, ü or ß (a short note: "Kunde
 * wünscht Stornierung der Lieferung"). Words both languages use ("in", "an", "am", "die", "was") do not count.
 */
import { TOK_ASCII, type Tokens } from '../../gazetteer';
import { hashKey } from '../../gazetteer/hashing';

const GERMAN = [
  'der', 'das', 'den', 'dem', 'des', 'und', 'oder', 'nicht', 'mit', 'bei', 'von', 'zu', 'zum', 'zur', 'um', 'ist', 'sind', 'wir',
  'ich', 'sie', 'es', 'ein', 'eine', 'einen', 'einem', 'einer', 'wegen', 'bitte', 'auf', 'aus', 'im', 'auch', 'noch', 'nach',
  'wird', 'wurde', 'haben', 'hat', 'habe', 'kann', 'keine', 'kein', 'wie', 'wenn', 'dass', 'sich', 'mir', 'mich', 'uns',
  'ihr', 'ihre', 'ihnen', 'unter', 'vom', 'beim', 'seit', 'aber', 'schon', 'sehr', 'gerne', 'danke',
];
const ENGLISH = [
  'the', 'and', 'or', 'not', 'with', 'for', 'of', 'to', 'is', 'are', 'was', 'were', 'we', 'you', 'it', 'a', 'this', 'that',
  'have', 'has', 'be', 'by', 'from', 'as', 'but', 'can', 'will', 'would', 'your', 'our', 'my', 'on', 'at', 'please', 'thanks',
];
/** French and Spanish function words that English does not use (nor German: "die", "an" are left out). */
const ROMANCE = [
  'le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'avec', 'pas', 'que', 'qui', 'sur', 'au', 'aux',
  'ce', 'cette', 'nous', 'vous', 'je', 'il', 'elle', 'mais', 'très', 'el', 'los', 'las', 'del', 'y', 'por', 'para',
  'con', 'una', 'es', 'se', 'al', 'lo', 'su', 'muy', 'pero', 'como', 'más', 'ya', 'ha', 'hay', 'yo', 'usted', 'gracias',
  'merci', 'bonjour', 'hola', 'ne', 'de',
];
const GERMAN_HASHES = new Set(GERMAN.map(hashKey));
const ROMANCE_HASHES = new Set(ROMANCE.map(hashKey));
const ENGLISH_HASHES = new Set(ENGLISH.map(hashKey));
/** Enough tokens to tell; a long text is judged by its start. */
const SAMPLE_TOKENS = 200;

const GERMAN_LETTER = /[äöüßÄÖÜ]/;

interface Counts {
  readonly de: number;
  readonly en: number;
  /** French and Spanish. */
  readonly ro: number;
}

const counted = new WeakMap<Tokens, Counts>();

/** German and English function words among the first tokens. */
function counts(tokens: Tokens): Counts {
  let c = counted.get(tokens);
  if (c !== undefined) return c;
  let de = 0;
  let en = 0;
  let ro = 0;
  const n = Math.min(tokens.count, SAMPLE_TOKENS);
  for (let t = 0; t < n; t++) {
    if (!(tokens.bits[t]! & TOK_ASCII)) continue;
    const h = tokens.hash(t);
    if (GERMAN_HASHES.has(h)) de++;
    else if (ENGLISH_HASHES.has(h)) en++;
    else if (ROMANCE_HASHES.has(h)) ro++;
  }
  c = { de, en, ro };
  counted.set(tokens, c);
  return c;
}

export function isGermanText(tokens: Tokens): boolean {
  const { de, en } = counts(tokens);
  return de > en && (de >= 2 || GERMAN_LETTER.test(tokens.text));
}

/**
 * Is a text written in English, as far as its function words tell (one or more, and more English than German ones)?
 * ("Kalman: Who are you?" is; "Beschreibung: Drucker druckt nicht", "Sujet : problème de connexion" are not.)
 */
export function isEnglishText(tokens: Tokens): boolean {
  const { de, en, ro } = counts(tokens);
  return en >= 1 && en > de && en > ro;
}

/**
 * Is a text written in French or Spanish, as far as two function words or more and more of theirs than English
 * ones tell? ("la impresora de la oficina no funciona", "le technicien a redémarré le routeur")
 */
export function isRomanceText(tokens: Tokens): boolean {
  const { en, ro } = counts(tokens);
  return ro >= 2 && ro > en;
}
