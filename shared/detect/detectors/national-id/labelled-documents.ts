/**
 * NATIONAL_ID numbers of documents that have no format of their own to check (driving licences, passports, identity
 * cards, licence plates): only a value right after the document's label is taken. Part of the NATIONAL_ID detector.
 */
import type { Finding } from '../../finding';
import { defineKeywordHint, hasKeywordHint, type KeywordHint } from '../keyword-hints';

/**
 * Document numbers that have no format of their own to check, so only a value right after the document's label is
 * taken:
 *  - `driver-license`: "driver's license number is A1234567", "Driving licence no. LH329609T",
 *    "Führerscheinnummer: B072RRE2I55", "permis de conduire n° 123456789012" (US states use 1-2 letters and 4-14
 *    digits, 7-9 digits, ...): 5-20 letters and digits, at least four digits;
 *  - `passport`: "passport number is 533380006", "Passport No: X1234567", "Reisepassnummer C01X00T47", "numéro de
 *    passeport 12AB34567", "pasaporte: PAA123456": 6-12 letters and digits, at least five digits;
 *  - `id-card`: "ID card number T22000129", "Personalausweisnummer L01X00T47", "carte d'identité n° 880692310285":
 *    6-14 letters and digits, at least five digits;
 *  - `license-plate`: a vehicle's registration, which names its keeper: "license plate ABC-1234", "number plate
 *    AB12 CDE", "Kennzeichen M-AB 1234", "plaque d'immatriculation AB-123-CD", "matrícula 1234 BCD": 4-10 capitals
 *    and digits in up to four groups separated by spaces or hyphens, at least one of each.
 * The value may be hyphen-separated groups, or digit groups separated by spaces ("533 380 006"; not "Office 12345").
 * Bounded quantifiers only: linear.
 */
interface LabelledDocument {
  readonly pattern: string;
  readonly label: RegExp;
  readonly hint: KeywordHint;
  readonly minLength: number;
  readonly maxLength: number;
  readonly minDigits: number;
  /** The value after the label, when not DOCUMENT_VALUE's (its group 1 is the value). */
  readonly value?: RegExp;
  /** Letters the value needs (default none). */
  readonly minLetters?: number;
}

const B = String.raw`(?<![\p{L}\p{N}_])`;
/** One prefilter for driving licences and licence plates (the keyword hints are few: one 32-bit mask). */
const LICENCE_OR_PLATE_HINT = defineKeywordHint('licence-or-plate', [
  'licence', 'license', 'führerschein', 'fuhrerschein', 'permis de', 'de conduc', 'plate', 'kennzeichen', 'nummernschild',
  'immatricul', 'placa', 'matrícula', 'matricula', 'targa',
]);
/** One prefilter for passports and identity cards (the keyword hints are few: one 32-bit mask). */
const IDENTITY_DOCUMENT_HINT = defineKeywordHint('identity-document', [
  'passport', 'reisepass', 'passeport', 'pasaporte', 'passaporto', 'paspoort', 'pass-nr', 'passnr', 'passnummer',
  'pass-nummer', 'card', 'personalausweis', "d'identit", 'd’identit', 'nacional de identidad',
]);
const LABELLED_DOCUMENTS: readonly LabelledDocument[] = [
  {
    pattern: 'driver-license',
    label: new RegExp(String.raw`${B}(?:driver['’]?s?|driving|drivers)[ \t\u00a0-]{0,2}licen[cs]e|${B}f[üu]hrerschein|${B}permis de conduire|${B}(?:licencia|carn[eé]t?) de conduc(?:ir|ción|cion)`, 'giu'),
    hint: LICENCE_OR_PLATE_HINT,
    minLength: 5,
    maxLength: 20,
    minDigits: 4,
  },
  {
    pattern: 'license-plate',
    label: new RegExp(
      String.raw`${B}(?:licen[cs]e|number|registration|reg\.?|tag)[ \t\u00a0-]{0,2}plates?(?:[ \t\u00a0]{0,2}(?:number|no\.?|#))?|${B}plate[ \t\u00a0]{0,2}(?:number|no\.?|#)|` +
        String.raw`${B}(?:kfz-?)?kennzeichen|${B}nummernschild|${B}(?:plaque d['’]|num[ée]ro d['’])?immatriculation|${B}(?:placa|matr[ií]cula)(?: del? (?:coche|veh[ií]culo))?|${B}targa`,
      'giu',
    ),
    hint: LICENCE_OR_PLATE_HINT,
    value: /^(?:[ \t\u00a0]{0,3}(?:is|was|ist|est|es|:|=|#|-))?[ \t\u00a0:]{0,3}["'“(]?([A-Z0-9]{1,7}(?:[ -][A-Z0-9]{1,7}){0,3})(?![\p{L}\p{N}_]|[.,/:-][\p{L}\p{N}])/u,
    minLength: 4,
    maxLength: 10,
    minDigits: 1,
    minLetters: 1,
  },
  {
    pattern: 'passport',
    label: new RegExp(String.raw`${B}(?:passport|reisepass|passeport|pasaporte|passaporto|paspoort)(?:[ \t\u00a0-]?(?:nummer|nr\.?|no\.?))?|${B}pass-?(?:nr\.?|nummer)|${B}(?:numéro|numero|número|n[°º]) de (?:passeport|pasaporte)`, 'giu'),
    hint: IDENTITY_DOCUMENT_HINT,
    minLength: 6,
    maxLength: 12,
    minDigits: 5,
  },
  {
    pattern: 'id-card',
    label: new RegExp(String.raw`${B}(?:national[ \t\u00a0]+)?(?:id|identity)[ \t\u00a0-]?card|${B}personalausweis(?:[ \t\u00a0-]?(?:nummer|nr\.?))?|${B}carte (?:nationale )?d['’]identit[ée]|${B}documento nacional de identidad|${B}carta d['’]identit[àa]`, 'giu'),
    hint: IDENTITY_DOCUMENT_HINT,
    minLength: 6,
    maxLength: 14,
    minDigits: 5,
  },
];
/** After the label: an optional "number/no./#/id" word, an optional "is/:/=", then the value. */
const DOCUMENT_VALUE =
  /^(?:[ \t\u00a0]{0,3}(?:-?nummer|-?nr\.?|number|num\.?|no\.?|nº|n°|#|id|numéro|numero|número))?(?:[ \t\u00a0]{0,3}(?:is|was|ist|est|es|:|=|#|-))?[ \t\u00a0:]{0,3}["'“(]?([0-9]{1,20}(?: [0-9]{2,8}){1,3}|[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,3})(?![\p{L}\p{N}_]|[.,/:-][\p{L}\p{N}])/u;

export function detectLabelledDocuments(text: string, out: Finding[]): void {
  for (const doc of LABELLED_DOCUMENTS) {
    if (!hasKeywordHint(text, doc.hint)) continue;
    const label = doc.label;
    label.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = label.exec(text)) !== null) {
      const after = m.index + m[0].length;
      const v = (doc.value ?? DOCUMENT_VALUE).exec(text.slice(after, after + 64));
      const value = v?.[1];
      if (v === null || value === undefined) continue;
      const compact = value.replace(/[- ]/g, '');
      let digits = 0;
      for (let i = 0; i < compact.length; i++) if (compact.charCodeAt(i) >= 0x30 && compact.charCodeAt(i) <= 0x39) digits++;
      if (compact.length < doc.minLength || compact.length > doc.maxLength || digits < doc.minDigits) continue;
      if (compact.length - digits < (doc.minLetters ?? 0)) continue;
      const start = after + v.index + v[0].length - value.length;
      const word = m[0].toLowerCase().replace(/\s+/g, ' ');
      out.push({
        start,
        end: start + value.length,
        type: 'NATIONAL_ID',
        score: 0.85,
        detector: 'national-id',
        explanation: { pattern: doc.pattern, validation: 'none', context: [{ word, effect: 0.85 }] },
      });
    }
  }
}
