/**
 * STREET_ADDRESS detector (English, German, French and Spanish conventions, plus the common Dutch, Nordic,
 * Italian, Portuguese and Central-European street words).
 *
 * The text is cut once into tokens (words, numbers, punctuation; line breaks are recorded between tokens) by a
 * linear scanner. Street cores are then proposed at anchor tokens (one map lookup per word) and checked on a few
 * neighbouring tokens only:
 *  - "en-street":    house number + 1-4 name words + street type ("221B Baker Street", "1600 Pennsylvania Ave NW");
 *  - "type-first":   street type + name + house number, or house number + type + name ("Calle Mayor 5",
 *                    "C/ de Alcalá 45", "12 rue de la Paix", "5 avenue des Champs-Élysées", "Via Roma 10");
 *  - "compound":     a word ending in a street suffix + house number ("Hauptstraße 5", "Lindenallee 7",
 *                    "Musterweg 3b", "Keizersgracht 12"); "street-word": name + separate type word + number
 *                    ("Berliner Straße 5", "Agip u. 96.");
 *  - "de-preposition": Am/Im/Zum/Zur/Alt/An der/... + name + house number ("Am Markt 12a");
 *  - "po-box":       PO Box / P.O. Box / Postfach / Apartado (de Correos) / BP + number, PSC/Unit/CMR … Box;
 *  - "military":     APO/FPO/DPO + AA/AE/AP + ZIP, with the Unit/PSC/ship line above it;
 *  - "unit":         Apt/Apartment/Suite/Flat + number ("Apt 4B", "Suite 200"); "unit-block" when a street
 *                    segment (even without a type word: "Roheline 43") stands right before it or on the line above;
 *  - "address-block": a postcode line ("10115 Berlin", "Madrid 28013", "Springfield, IL 62704") under a short
 *                    street line ("Unter den Linden 5"), possibly with a city line between;
 *  - "name-number-city": "Tylova 1036, Praha, Czech Republic" (needs a building number before it, an address
 *                    cue, or a second place segment);
 *  - "address-cue":  the value after an address cue ("my address is …", "lives at …", "Address: …") when it
 *                    holds a house number and words;
 *  - "intersection": "the corner of X and Y" where X or Y is a street.
 * Each core is extended on the same line and on directly following lines (one line break, no blank line) by a
 * unit (Apt 5, Suite 200, Flat 3, #12, 3º izq.), a postcode with or without a city ("10115 Berlin",
 * "Washington, DC 20500", "London SW1A 1AA", "Fitzroy VIC 3065", "zip 62704"), a city or country, a state, and
 * before it by a unit ("Flat 3, 12 High St", "Unit 5/12 Smith St") or a leading number. After a postcode only a
 * place line may follow (the next line of a list is the next address). Overlapping cores are merged (at most
 * 300 characters).
 *
 * Scores (0.6–0.95): a typed street with a capitalised name and a number is 0.75 (0.7 for ambiguous types such as
 * Way/Place/Drive/Court, 0.65 for Via/Place before the name, 0.6 for lower-case text, German preposition streets,
 * units alone and cue values; blocks 0.65-0.7; PO boxes 0.8; military 0.85); a validated postcode (UK format,
 * US state + ZIP, CA, AU state) adds 0.15, another postcode 0.1, a city 0.05, a unit 0.05, a line break inside a
 * structured address 0.05, an address cue word before it 0.1. Ambiguous forms (lower-case "via", suffixes such as
 * -ring/-gade/-kade/-tie, "flat 3 tyres") need one of those pieces of evidence to be reported at all. The pieces
 * of evidence are listed in `explanation.context`; `validation` is 'passed' when a postcode format was validated.
 *
 * Each address is followed by its pieces (pattern "…/part": its lines/comma segments 0.01 lower, its words and
 * numbers 0.02 lower). The registry keeps the whole address and drops the pieces; when a higher-scored finding
 * inside the address wins (a street named after a person, a country name), the pieces still cover the rest.
 *
 * False positives it avoids: a number directly before the type ("Version 2 Drive", "page 5 Road map"), counts
 * and durations ("5 items", "2 days"), references ("ticket 12 …"), years after product names ("via Outlook
 * 2016"), decimals, IP addresses and times, lower-case prose after an ambiguous type ("2 Google Drive folders").
 *
 * Cost: tokenising is one pass; every anchor looks at a bounded number of tokens (at most a few lines);
 * candidates are merged after one sort. Texts without a digit return at once (only "corner of" may match then).
 * The tokens and the findings of the last text are cached, so the postal-code detector reuses them.
 */

import type { Detector, Finding } from '../finding';

// ---------------------------------------------------------------------------------------------------------------
// Tokens

export const TK_WORD = 1;
export const TK_NUM = 2;
export const TK_ORD = 3;
export const TK_MIXED = 4;
export const TK_PUNCT = 5;

export interface Tokens {
  readonly text: string;
  readonly n: number;
  /** Start (UTF-16) of each token. */
  readonly s: Int32Array;
  /** End (exclusive) of each token. */
  readonly e: Int32Array;
  /** Kind of each token (TK_*). */
  readonly k: Uint8Array;
  /** Line breaks between the previous token and this one (capped at 2). */
  readonly nl: Uint8Array;
  /** Lower-cased token text (computed lazily). */
  low(i: number): string;
  /** Raw token text. */
  raw(i: number): string;
}

const ALNUM_CACHE = new Uint8Array(0x10000); // 0 unknown, 1 alnum, 2 not
const ALNUM_RE = /^[\p{L}\p{M}\p{N}]$/u;

function isAlnumCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let v = ALNUM_CACHE[c];
  if (v === 0) {
    v = ALNUM_RE.test(String.fromCharCode(c)) ? 1 : 2;
    ALNUM_CACHE[c] = v;
  }
  return v === 1;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Punctuation kept as tokens; everything else that is not a letter or digit separates tokens. */
const PUNCT_CHARS = new Set([',', '.', '/', '#', ':', ';', '(', ')', '?', '!', '&', '-', '–', '"', '=', '@', '|', '[', ']', '<', '{', '}'].map((c) => c.charCodeAt(0)));
/** Characters skipped at the start of a line (quote markers, bullets). */
const BULLET_CHARS = new Set(['>', '|', '*', '•', '·', '?', '-', '–', '—', '‣', '◦', '+', '~'].map((c) => c.charCodeAt(0)));
/** Hyphen and apostrophes join letters/digits into one token: Champs-Élysées, d'Alésia, 12-14. */
const isJoiner = (c: number): boolean => c === 0x2d || c === 0x27 || c === 0x2019;

let cachedTokensText: string | null = null;
let cachedTokens: Tokens | null = null;

/** Cuts `text` into tokens in one pass. The last result is cached (the street and postal detectors share it). */
export function tokenize(text: string): Tokens {
  if (cachedTokens !== null && text === cachedTokensText) return cachedTokens;
  const t = tokenizeUncached(text);
  cachedTokensText = text;
  cachedTokens = t;
  return t;
}

function tokenizeUncached(text: string): Tokens {
  const len = text.length;
  let cap = Math.min(len + 1, 1 << 12);
  let s = new Int32Array(cap);
  let e = new Int32Array(cap);
  let k = new Uint8Array(cap);
  let nlArr = new Uint8Array(cap);
  let n = 0;
  const push = (st: number, en: number, kind: number, nl: number): void => {
    if (n === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(s);
      s = s2;
      const e2 = new Int32Array(cap);
      e2.set(e);
      e = e2;
      const k2 = new Uint8Array(cap);
      k2.set(k);
      k = k2;
      const n2 = new Uint8Array(cap);
      n2.set(nlArr);
      nlArr = n2;
    }
    s[n] = st;
    e[n] = en;
    k[n] = kind;
    nlArr[n] = nl;
    n++;
  };
  let nl = 0;
  let lineStart = true;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (nl < 2) nl++;
      lineStart = true;
      i++;
      continue;
    }
    if (isAlnumCode(c)) {
      const st = i;
      let digits = 0;
      let letters = 0;
      let joins = 0;
      let firstLetterAt = -1;
      let lastDigitAt = -1;
      let j = i;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (isAlnumCode(d)) {
          if (isDigitCode(d)) {
            digits++;
            lastDigitAt = j;
          } else {
            letters++;
            if (firstLetterAt < 0) firstLetterAt = j;
          }
          j++;
        } else if (isJoiner(d) && j + 1 < len && isAlnumCode(text.charCodeAt(j + 1)) && j > st) {
          joins++;
          j++;
        } else break;
      }
      let kind: number;
      if (letters === 0) kind = joins <= 1 ? TK_NUM : TK_MIXED;
      else if (digits === 0) kind = TK_WORD;
      else if (isDigitCode(c) && firstLetterAt > lastDigitAt) {
        // digits then letters: 12a, 221B, 3º, 5th, 42nd
        const suffix = text.slice(firstLetterAt, j).toLowerCase();
        if (joins === 0 && letters === 1) kind = TK_NUM;
        else if (joins === 0 && /^(?:st|nd|rd|th|er|e|re|ème|eme|°|º|ª|o|a)$/.test(suffix)) kind = TK_ORD;
        else if (joins === 1 && letters === 1 && text.charAt(firstLetterAt - 1) !== '-' && text.charAt(firstLetterAt - 1) !== "'") kind = TK_NUM; // 12-14a
        else kind = TK_MIXED;
      } else kind = TK_MIXED;
      push(st, j, kind, nl);
      nl = 0;
      lineStart = false;
      i = j;
      continue;
    }
    if (lineStart && BULLET_CHARS.has(c)) {
      i++;
      continue;
    }
    if (PUNCT_CHARS.has(c)) {
      push(i, i + 1, TK_PUNCT, nl);
      nl = 0;
      lineStart = false;
    }
    i++;
  }
  const lows: (string | undefined)[] = new Array<string | undefined>(n);
  return {
    text,
    n,
    s,
    e,
    k,
    nl: nlArr,
    low(t: number): string {
      let v = lows[t];
      if (v === undefined) {
        v = text.slice(s[t], e[t]).toLowerCase();
        lows[t] = v;
      }
      return v;
    },
    raw(t: number): string {
      return text.slice(s[t], e[t]);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
export const CONNECTORS = new Set(['and', 'und', 'et', 'y', 'e', '&']);
/** Inside place names: Frankfurt am Main, Ústí nad Labem, Newcastle upon Tyne, Kámen u Pacova. */
const CITY_PARTICLES = new Set(['nad', 'pod', 'u', 'upon', 'on', 'sur', 'sous', 'lès', 'am', 'an', 'im', 'bei', 'ob', 'aan', 'op', 'in']);

/** English street types, written after the name. Weak ones need more care (common words). */
const TYPE_EN_STRONG = words(`
  street st str road rd avenue ave av lane ln boulevard blvd bvd terrace terr tce crescent cres highway hwy parkway pkwy
  pky gardens gdns mews expressway expy freeway fwy turnpike tpke esplanade parade pde causeway broadway
`);
const TYPE_EN_WEAK = words(`
  drive dr court ct way place pl close square sq circle cir trail trl alley aly row walk wharf quay pike plaza loop
  grove promenade crossing xing
`);
/** Abbreviated street types and directions: a dot right after them belongs to the address ("St.", "Ave."). */
const TYPE_ABBREVIATIONS = words('st str rd ave av ln blvd bvd terr tce cres hwy pkwy pky gdns expy fwy tpke pde dr ct pl sq cir trl aly xing n s e w ne nw se sw');
/** Written before the name (French, Spanish, Catalan, Italian, Portuguese, Polish, Romanian, Greek). */
const TYPE_FIRST_STRONG = words(`
  rue avenue boulevard bd bld allée impasse imp chemin quai faubourg fbg
  calle cl avenida avda paseo camino carretera ctra carrer ronda travesía travesia glorieta rambla passeig plaça avinguda
  viale piazza piazzale corso vicolo lungomare rua rúa travessa praça praca alameda rodovia estrada ulica ul aleja
  strada οδός οδος λεωφόρος
`);
const TYPE_FIRST_WEAK = words(`
  via vía place pl av route rte cours square passage plaza pza pº largo al os plac colonia urb urbanización
`);
/** Single letters that abbreviate a type when followed by '/' or '.': C/ Mayor, R. Augusta. */
const TYPE_FIRST_LETTER = words('c r');
/** Street words written after the name with the house number after (German, Dutch, Hungarian, Slovene, ...). */
const TYPE_AFTER_HOUSE_AFTER = words(`
  straße strasse str weg allee platz gasse ring damm ufer chaussee steig pfad markt
  straat laan plein gracht kade singel dijk
  utca u út útja tér körút krt rakpart fasor sétány köz ulica cesta trg gatan gata vej vei veg gate gränd allé plads stræde torv gade vegur katu tie
`);
const WEAK_HOUSE_AFTER = words('ring markt tie gade kade gate');
/** Compound suffixes ("Hauptstraße", "Keizersgracht", "Drottninggatan", "Mannerheimintie"). */
const SUFFIX_STRONG = [
  'straße', 'strasse', 'str', 'weg', 'allee', 'platz', 'gasse', 'damm', 'ufer', 'chaussee', 'steig', 'pfad',
  'straat', 'laan', 'plein', 'gracht', 'singel', 'dijk', 'gatan', 'gata', 'vägen', 'vagen', 'vegen', 'veien',
  'vej', 'vegur', 'katu', 'kuja', 'polku', 'utca', 'stræde', 'plads', 'torv', 'vei', 'gaten', 'stræti', 'straeti',
  'braut', 'plaats',
];
const SUFFIX_WEAK = ['ring', 'gade', 'kade', 'tie', 'markt', 'berg', 'hof', 'bahn'];
const SUFFIX_RE = new RegExp(`(?:${SUFFIX_STRONG.join('|')})$`);
const SUFFIX_WEAK_RE = new RegExp(`(?:${SUFFIX_WEAK.join('|')})$`);
/** German street prepositions (capitalised): Am Markt 5, Zur Linde 3, An der Kirche 1. */
const PREP_ONE = words('am im zum zur beim alt');
const PREP_TWO = words('an auf in unter hinter vor bei über zu');
const ARTICLES_DE = words('der dem den die das');
/** Particles inside Dutch and Romance street names (not German prepositions such as "an", "in"). */
const NAME_PARTICLES = words('de der van den ter het la le du da di do dos das');
/** Particles allowed inside a street name. */
export const PARTICLES = words(`
  de la le les du des del della delle dei degli di da do dos das van von der den d l y e i of the et zu am an al el
  sur sous en lo los las ter te het 't
`);
const UNIT_WORDS = words(`
  apt apartment appt appartement app suite ste unit flat floor fl room rm bldg building level lvl
  wohnung whg etage stock og eg dg bâtiment bat bât escalier esc étage piso puerta pta planta escalera dpto depto
  departamento interior int lote local oficina of ofc office box
`);
/** Units that may stand alone ("Apt 4B", "Suite 200"). Ambiguous ones need a line start or a comma before. */
const UNIT_STANDALONE = words('apt apartment appt suite ste flat');
const UNIT_STANDALONE_SAFE = words('apt apartment appt');
/** French/Spanish/Italian house number suffixes written as words: 3 bis, 12 ter. */
const HOUSE_SUFFIX = words('bis ter quater');
const FLOOR_SIDES = words('izq izda izquierda dcha dcho der derecha ctro centro int ext');
const DIRECTIONS = words('n s e w ne nw se sw north south east west nord sud ost west nordost');
const PO_BOX_WORDS = words('box postfach pob postbox postboks postbus apartado casilla bp');
const MILITARY_POST = words('apo fpo dpo');
const MILITARY_STATES = words('aa ae ap');
const MILITARY_FIRST = words('unit psc cmr uss usns usnv uscgc');
/** Address cue words/phrases before a value. */
const CUE_STRONG = words(`
  address addr adresse anschrift dirección direccion domicilio indirizzo endereço endereco adres adress postanschrift
  lieferadresse rechnungsadresse wohnadresse
`);
const CUE_WEAK_PAIRS: readonly (readonly [string, string])[] = [
  ['lives', 'at'], ['live', 'at'], ['living', 'at'], ['reside', 'at'], ['resides', 'at'], ['moved', 'to'], ['move', 'to'],
  ['sent', 'to'], ['send', 'to'], ['ship', 'to'], ['shipped', 'to'], ['deliver', 'to'], ['delivered', 'to'],
  ['located', 'at'], ['office', 'at'], ['is', 'at'], ['wohne', 'in'], ['habite', 'au'], ['vivo', 'en'], ['mail', 'to'],
];
const CUE_CONTEXT = words(`
  address addr adresse anschrift dirección direccion domicilio indirizzo endereço lives live living moved move ship
  shipping deliver delivery located resides reside mailing billing postal wohne wohnhaft habite vivo vive residence
  located headquarters hq office
`);
/** Words before "address" that make it a non-postal address. */
const NON_POSTAL_ADDRESS = words('email e-mail mail ip mac web server memory ipv4 ipv6 wallet bitcoin url network hardware physical internet bluetooth wifi');

/** Function words of EN/DE/FR/ES (never street-name words, stop address values). */
export const FUNCTION_WORDS = words(`
  the a an to of in on at for by with from and or but nor is are was were be been being am has have had do does did
  will would can could should may might must shall it its this that these those my your our their his her we you they
  i me us them he she not no yes all any some more most less many much few several each every other another same new
  old first last next only just also than then there here about after before over under into onto up down out off
  again per please thanks thank hi hello dear regards if when while because so as like get got go went see use used
  using what which who whom whose where why how very too still even ever never always often via vs etc ok okay
  der die das den dem des ein eine einen einem einer und oder mit von zu im ist sind war bitte danke für auf nach bei
  ich sie wir es er nicht noch auch aber wenn dass wie was wo
  le la les un une des du et ou est sont pour par avec dans sur je vous nous il elle pas mais que qui quoi où ce cette
  el los las uno y o es son para por con en sobre yo usted no pero que quien donde este esta
`);
/** Capitalised words that are not names (Romance articles are left out: "El Paso", "La Jolla"). */
export const CAP_NOT_NAME = words(`
  the a an and or to of in on at for by with from is are was were be my your our their his her this that these those
  it its we you they i me he she please thanks thank hi hello dear regards if when while because so as not no yes
  der die das und oder mit von zu ist ich wir sie et ou est pour je nous vous il elle y o es para por con yo
`);
/** Nouns that follow counts ("5 items", "2 days") and words that introduce reference numbers. */
export const QUANTITY_WORDS = words(`
  item items day days hour hours hr hrs minute minutes min mins second seconds sec secs week weeks month months year
  years yr yrs time times step steps page pages user users people persons person ticket tickets order orders file files
  mb gb kb tb ms km mi miles mile meters metres kg lb lbs percent pcs pieces units unit copies copy seats licenses
  licences devices machines servers errors warnings tabs points pts euros dollars pounds usd eur gbp bucks cents
  times attempts tries retries emails messages calls
  tage tag stunden stunde minuten jahre jahr mal stück stk wochen monate
  jours jour heures heure fois ans semaines mois
  días dias día dia horas hora veces años semanas meses
`);
export const REF_WORDS = words(`
  page version ver v step steps chapter section part item ticket order invoice case build release error code line row
  column level stage phase option no nr number num id ref total qty quantity size top figure fig table tab rule
  account acct room floor kb sp patch update windows office iphone ipad android ios macos
`);
/** Product and technology words that are followed by numbers but are not streets. */
export const PRODUCT_WORDS = words(`
  windows office outlook excel word powerpoint teams iphone ipad ipod galaxy pixel android ios macos osx ubuntu debian
  fedora centos linux chrome firefox safari edge opera explorer server sql java python node php ruby dotnet net version
  build release usb ssd hdd hard flash external internal network shared google onedrive dropbox icloud zoom slack email
  e-mail sms ftp http https api chat post mail fax web app portal browser link vpn ssh wifi bluetooth playstation xbox
  switch nintendo steam adobe photoshop acrobat reader firmware bios driver drivers update patch plan tier level
  stage phase round season episode chapter volume vol
`);
/** German words after a preposition that are times, not streets: "Am Montag 5 …", "Im Jahr 2020". */
const DE_NOT_STREET = words(`
  montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar märz april mai juni juli august
  september oktober november dezember jahr jahre tag tage ende anfang morgen abend mittag nachmittag vormittag moment
  monat monaten woche wochen test system rahmen fall grunde prinzip vergleich schnitt durchschnitt laufe voraus zuge
  minute sekunde stunde uhr schritt punkt
`);
const POSTCODE_LABELS = words('zip zipcode postcode plz cp');
/** Words that end an address block when they start a line or a segment. */
const BLOCK_STOP = words(`
  zip zipcode postcode plz cp postal
  tel tel. phone telephone mobile mob cell fax email e-mail mail web www http https url regards thanks cheers best
  sincerely kind dear hi hello from sent to subject date cc bcc re fw fwd ticket order invoice note notes telefon
  handy mit freundlichen grüßen gruß danke vielen cordialement merci bonjour saludos gracias atentamente hola
  office direct ext extension
`);

export const MONTHS_AND_DAYS = words(`
  january february march april may june july august september october november december jan feb mar apr jun jul aug sep
  sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  today tomorrow yesterday
`);

/** US states and territories, plus the military "states". */
export const US_STATES = words(
  `AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA
   RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP`,
);
export const CA_PROVINCES = words('AB BC MB NB NL NS NT NU ON PE QC SK YT');
export const AU_STATES = words('NSW VIC QLD SA WA TAS NT ACT');

/** The official UK postcode format (upper case, one optional space). */
export const UK_POSTCODE =
  /^(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9]?|[0-9][ABCDEFGHJKPSTUW]|[A-HK-Y][0-9][0-9]?|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;
/** Canadian postal code: no D F I O Q U; no W or Z in first position. */
export const CA_POSTCODE = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;

// ---------------------------------------------------------------------------------------------------------------
// Token predicates

export function isCapWord(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_WORD) return false;
  const t = T.text;
  const ch = t.charAt(T.s[i]!);
  if (ch !== ch.toLowerCase()) return true;
  // d'Alésia, l'Église
  const two = t.slice(T.s[i]!, T.s[i]! + 3);
  return /^[dlDL]['’]\p{Lu}/u.test(two);
}

function isLowerWord(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_WORD) return false;
  const ch = T.text.charAt(T.s[i]!);
  return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

function isUpperWord(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_WORD) return false;
  const r = T.raw(i);
  return r === r.toUpperCase() && r !== r.toLowerCase();
}

const isPunct = (T: Tokens, i: number, ch: string): boolean =>
  i >= 0 && i < T.n && T.k[i] === TK_PUNCT && T.text.charAt(T.s[i]!) === ch;

/** Tokens i and i+1 are on the same line. */
const sameLineNext = (T: Tokens, i: number): boolean => i + 1 < T.n && T.nl[i + 1] === 0;
/** Token i starts a line (or the text). */
const atLineStart = (T: Tokens, i: number): boolean => i === 0 || T.nl[i]! > 0;

function isStopWord(w: string): boolean {
  return FUNCTION_WORDS.has(w) || QUANTITY_WORDS.has(w);
}

/** A house number: 1-5 digits with an optional letter, or a range 12-14. */
export function isHouse(T: Tokens, i: number, maxDigits = 5): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_NUM) return false;
  const r = T.raw(i);
  const parts = r.split('-');
  for (const p of parts) {
    const d = p.replace(/[^0-9]/g, '').length;
    if (d === 0 || d > maxDigits) return false;
  }
  if (/^0+$/.test(r)) return false;
  // Decimal, time, date or thousands separator around it: 10.5, 10:30, 1,000
  const t = T.text;
  const a = t.charAt(T.e[i]!);
  const b = t.charAt(T.s[i]! - 1);
  if ((a === '.' || a === ',' || a === ':' || a === '/') && isDigitCode(t.charCodeAt(T.e[i]! + 1))) return false;
  if ((b === '.' || b === ',' || b === ':') && isDigitCode(t.charCodeAt(T.s[i]! - 2))) return false;
  if (b === '$' || b === '€' || b === '£' || b === '%' || b === '+') return false;
  if (a === '%' || a === '°') return false;
  return true;
}

const yearLike = (T: Tokens, i: number): boolean => /^(?:19|20)[0-9]{2}$/.test(T.raw(i));

/** The token after a house number that comes last ("Calle Mayor 5 …") does not make it a count or a time. */
function houseFollowerOk(T: Tokens, i: number): boolean {
  if (!sameLineNext(T, i)) return true;
  const j = i + 1;
  if (T.k[j] === TK_WORD) {
    const w = T.low(j);
    if (QUANTITY_WORDS.has(w) || w === 'uhr' || w === 'h' || w === 'am' || w === 'pm' || w === 'x' || w === 'gb' || w === 'mb') return false;
  }
  if (isPunct(T, j, '-') && T.k[j + 1] === TK_NUM) return true;
  return true;
}

/** Word before a house number that makes it a reference or a count ("page 5", "Version 2", "ticket 12"). */
function refBefore(T: Tokens, i: number): boolean {
  let j = i - 1;
  if (j < 0 || T.nl[i]! > 0) return false;
  if (isPunct(T, j, '#') || isPunct(T, j, ':') || isPunct(T, j, '.')) {
    if (isPunct(T, j, '#')) return true;
    if (j - 1 < 0 || T.nl[j]! > 0) return false;
    j--;
  }
  if (T.k[j] !== TK_WORD) return false;
  return REF_WORDS.has(T.low(j));
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates

interface Cand {
  /** First and last token (inclusive). */
  b: number;
  e: number;
  base: number;
  pattern: string;
  lower: boolean;
  needsEvidence: boolean;
  unit: boolean;
  postcode: 'validated' | 'plain' | null;
  city: boolean;
  evidence: { word: string; effect: number }[];
}

const newCand = (b: number, e: number, base: number, pattern: string, lower = false, needsEvidence = false): Cand => ({
  b,
  e,
  base,
  pattern,
  lower,
  needsEvidence,
  unit: false,
  postcode: null,
  city: false,
  evidence: [],
});

/** Name word for a street: capitalised (or, in lower-case text, any non-stop word), not a product/tech word. */
function nameWord(T: Tokens, i: number, lowerOk: boolean): boolean {
  if (i < 0 || i >= T.n) return false;
  if (T.k[i] === TK_ORD) return true;
  if (T.k[i] !== TK_WORD) return false;
  const w = T.low(i);
  if (PRODUCT_WORDS.has(w) || MONTHS_AND_DAYS.has(w)) return false;
  if (isCapWord(T, i)) return !QUANTITY_WORDS.has(w) && !CAP_NOT_NAME.has(w);
  return lowerOk && !isStopWord(w) && !UNIT_WORDS.has(w);
}

/** "1600 Pennsylvania Ave NW", "221B Baker Street", "3503 bicetown road". Anchor: the type word at i. */
function tryEnglish(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  const strong = TYPE_EN_STRONG.has(w);
  const lowerAnchor = isLowerWord(T, i);
  let j = i - 1;
  let names = 0;
  let lowerNames = 0;
  while (j >= 0 && names < 4 && T.nl[j + 1] === 0) {
    if (nameWord(T, j, lowerAnchor)) {
      if (isLowerWord(T, j)) lowerNames++;
      names++;
      j--;
      continue;
    }
    // "St. Marys Road": an abbreviation dot inside the name.
    if (names > 0 && isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.e[j - 1] === T.s[j] && T.raw(j - 1).length <= 3 && (isCapWord(T, j - 1) || lowerAnchor) && T.nl[j] === 0) {
      j--;
      continue;
    }
    break;
  }
  if (names === 0) return null;
  // Then the house number.
  if (j < 0 || T.nl[j + 1] !== 0 || !isHouse(T, j)) return null;
  if (refBefore(T, j)) return null;
  const lower = lowerAnchor || lowerNames > 0;
  if (lower && !lowerAnchor) return null; // "3 different Drive"
  // What follows the type: for ambiguous types and lower-case text, prose is a sign this is not an address.
  let end = i;
  if (isPunct(T, i + 1, '.') && T.s[i + 1] === T.e[i] && TYPE_ABBREVIATIONS.has(w)) end = i + 1;
  if (sameLineNext(T, end) && T.k[end + 1] === TK_WORD && DIRECTIONS.has(T.low(end + 1)) && (isUpperWord(T, end + 1) || isCapWord(T, end + 1))) {
    const d = end + 1;
    const after = d + 1;
    if (!sameLineNext(T, d) || T.k[after] === TK_PUNCT || T.k[after] === TK_NUM || isCapWord(T, after)) end = d;
  }
  if ((!strong || lower) && sameLineNext(T, end) && isLowerWord(T, end + 1)) {
    const f = T.low(end + 1);
    if (!FUNCTION_WORDS.has(f) && !UNIT_WORDS.has(f) && !DIRECTIONS.has(f)) return null;
  }
  const base = lower ? 0.6 : strong ? 0.75 : 0.7;
  return newCand(j, end, base, 'en-street', lower);
}

/** "12 rue de la Paix", "Calle Mayor 5", "C/ de Alcalá 45", "Avenida de la Constitución, 23". Anchor: the type. */
function tryTypeFirst(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  const weak = TYPE_FIRST_WEAK.has(w);
  let k = i + 1;
  if (TYPE_FIRST_LETTER.has(w)) {
    if (!(isPunct(T, k, '/') || isPunct(T, k, '.')) || T.s[k] !== T.e[i] || !isCapWord(T, i)) return null;
    k++;
  } else if (isPunct(T, k, '.') && T.s[k] === T.e[i]) k++;
  else if (isPunct(T, k, '/') && T.s[k] === T.e[i]) k++;
  if (k >= T.n || T.nl[k] !== 0) return null;
  let names = 0;
  let lowerNames = 0;
  let lastName = -1;
  let count = 0;
  while (k < T.n && count < 7 && T.nl[k] === 0) {
    const kind = T.k[k];
    if (kind === TK_WORD) {
      const lw = T.low(k);
      if (PARTICLES.has(lw) && isLowerWord(T, k)) {
        count++;
        k++;
        continue;
      }
      if (nameWord(T, k, true)) {
        if (isLowerWord(T, k)) lowerNames++;
        names++;
        lastName = k;
        count++;
        k++;
        continue;
      }
      break;
    }
    if (kind === TK_ORD) {
      names++;
      lastName = k;
      count++;
      k++;
      continue;
    }
    // abbreviation dot inside the name: "Av. Pres. Kennedy"
    if (isPunct(T, k, '.') && lastName === k - 1 && T.raw(k - 1).length <= 4 && k + 1 < T.n && T.nl[k + 1] === 0 && T.k[k + 1] === TK_WORD) {
      k++;
      continue;
    }
    break;
  }
  if (names === 0) return null;
  // Any lower-case name word ("rua do paseo", "via raffaele conforti") makes it lower-case text: weaker.
  const lower = lowerNames > 0;
  // House number after the name (optionally after a comma), or before the type.
  let houseAfter = -1;
  let h = lastName + 1;
  if (isPunct(T, h, ',') && T.nl[h] === 0) h++;
  if (h < T.n && T.nl[h] === 0 && isHouse(T, h, 4) && houseFollowerOk(T, h)) {
    // At most four digits: a five-digit number after the name is a postcode ("rue X, 75002 Paris").
    houseAfter = h;
  }
  let houseBefore = -1;
  let hb = i - 1;
  if (isPunct(T, hb, ',') && T.nl[i] === 0) hb--;
  // "3 bis avenue Jean Jaurès"
  if (hb > 0 && T.k[hb] === TK_WORD && HOUSE_SUFFIX.has(T.low(hb)) && T.nl[hb] === 0) hb--;
  if (hb >= 0 && T.nl[hb + 1] === 0 && T.nl[i] === 0 && isHouse(T, hb) && !refBefore(T, hb)) houseBefore = hb;
  if (houseAfter < 0 && houseBefore < 0) return null;
  if (houseAfter >= 0 && houseBefore < 0 && yearLike(T, houseAfter) && (weak || lower)) return null;
  let b = i;
  let e = lastName;
  if (houseBefore >= 0) b = houseBefore;
  if (houseAfter >= 0) e = houseAfter;
  // Weak types: capitalised type word or a house number before; lower-case weak needs more evidence.
  const capType = isCapWord(T, i);
  if (weak && !capType && houseBefore < 0 && !lower) {
    // "via Outlook 5": lower-case weak type with capitalised product-like name
    return newCand(b, e, 0.6, 'type-first', lower, true);
  }
  const base = lower ? 0.6 : weak ? 0.65 : 0.75;
  return newCand(b, e, base, 'type-first', lower, weak && lower);
}

/** "Hauptstraße 5", "Lindenallee 7", "hochstrasse 63", "Berliner Straße 5", "Agip u. 96.". Anchor: the street word. */
function tryHouseAfter(T: Tokens, i: number, compound: boolean, weakSuffix: boolean): Cand | null {
  let k = i + 1;
  if (isPunct(T, k, '.') && T.s[k] === T.e[i] && T.nl[k] === 0) k++;
  if (k >= T.n || T.nl[k] !== 0 || !isHouse(T, k, 4) || !houseFollowerOk(T, k)) return null;
  const house = k;
  const lowerAnchor = isLowerWord(T, i);
  let b = i;
  if (!compound) {
    // A separate type word needs a name before it: "Berliner Straße", "Gosposka ulica", "Agip u."
    let j = i - 1;
    let names = 0;
    while (j >= 0 && names < 2 && T.nl[j + 1] === 0 && nameWord(T, j, lowerAnchor) && !PREP_ONE.has(T.low(j)) && !PREP_TWO.has(T.low(j))) {
      names++;
      j--;
    }
    if (names === 0) return null;
    b = j + 1;
  } else {
    // One capitalised word of the name before the compound ("Lille Vibyvej", "Nørre Voldgade"), or a name and a
    // particle ("Dirk de Derdelaan", "Laan van Meerdervoort" style names).
    let j = i - 1;
    if (j >= 1 && T.nl[i] === 0 && T.nl[j] === 0 && isLowerWord(T, j) && NAME_PARTICLES.has(T.low(j)) && isCapWord(T, j - 1) && nameWord(T, j - 1, false)) j -= 2;
    else if (j >= 0 && T.nl[i] === 0 && isCapWord(T, j) && nameWord(T, j, false) && !PREP_ONE.has(T.low(j)) && !PREP_TWO.has(T.low(j))) j--;
    // Keep the extra words only when they open an address segment (line start, comma, number).
    const first = j + 1;
    if (first < i && (atLineStart(T, first) || isPunct(T, j, ',') || isPunct(T, j, ':') || T.k[j] === TK_NUM || (isLowerWord(T, j) && (FUNCTION_WORDS.has(T.low(j)) || CUE_CONTEXT.has(T.low(j)))))) b = first;
  }
  if (!compound && !isCapWord(T, i) && !lowerAnchor) return null;
  if (!isCapWord(T, i) && !lowerAnchor) return null;
  const weakType = compound ? weakSuffix : WEAK_HOUSE_AFTER.has(T.low(i));
  if (T.low(i) === 'u' && !isPunct(T, i + 1, '.')) return null;
  const lower = lowerAnchor;
  if (yearLike(T, house) && (weakType || lower)) return null;
  const base = lower || weakType ? 0.6 : compound ? 0.75 : 0.7;
  return newCand(b, house, base, compound ? 'compound' : 'street-word', lower, weakType);
}

/** "Am Markt 12a", "An der Kirche 3", "Zur Linde 7". Anchor: the preposition. */
function tryPreposition(T: Tokens, i: number): Cand | null {
  if (!isCapWord(T, i)) return null;
  const p = T.low(i);
  let k = i + 1;
  if (PREP_TWO.has(p)) {
    if (!(k < T.n && T.nl[k] === 0 && isLowerWord(T, k) && ARTICLES_DE.has(T.low(k)))) return null;
    k++;
  } else if (!PREP_ONE.has(p)) return null;
  let names = 0;
  while (k < T.n && names < 2 && T.nl[k] === 0 && isCapWord(T, k) && nameWord(T, k, false) && !DE_NOT_STREET.has(T.low(k))) {
    names++;
    k++;
  }
  if (names === 0 || k >= T.n || T.nl[k] !== 0 || !isHouse(T, k, 4)) return null;
  if (yearLike(T, k)) return null;
  // The number must close the segment: "Am Markt 12a, 10115 Berlin"; "Im Test 5 Fehler" is prose.
  if (sameLineNext(T, k)) {
    const f = k + 1;
    if (T.k[f] === TK_WORD && !['in', 'im', 'bei', 'und', 'a', 'à', 'en'].includes(T.low(f))) return null;
    if (T.k[f] === TK_NUM || T.k[f] === TK_MIXED) return null;
  }
  return newCand(i, k, 0.6, 'de-preposition');
}

/** "PO Box 123", "P.O. Box 101", "Postfach 10 20 30", "PSC 1234, Box 5678", "Apartado de Correos 45". Anchor: box word. */
function tryPoBox(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  let b = i;
  let k = i + 1;
  let military = false;
  if (w === 'box') {
    // Look back for P.O. / PO / P O / Post Office / PSC 1234, / Unit 1234 / CMR 123
    const j = i - 1;
    if (j >= 0 && T.nl[i] === 0) {
      if (T.k[j] === TK_WORD && (T.low(j) === 'po' || T.low(j) === 'p.o')) b = j;
      else if (isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.low(j - 1) === 'o' && T.nl[j] === 0) {
        // P.O. Box / P. O. Box
        let q = j - 2;
        if (isPunct(T, q, '.')) q--;
        if (q >= 0 && T.k[q] === TK_WORD && T.low(q) === 'p') b = q;
      } else if (T.k[j] === TK_WORD && T.low(j) === 'o' && T.k[j - 1] === TK_WORD && T.low(j - 1) === 'p') b = j - 1;
      else if (T.k[j] === TK_WORD && T.low(j) === 'office' && T.k[j - 1] === TK_WORD && T.low(j - 1) === 'post') b = j - 1;
      else {
        let q = j;
        if (isPunct(T, q, ',')) q--;
        if (q >= 1 && T.k[q] === TK_NUM && T.k[q - 1] === TK_WORD && ['psc', 'unit', 'cmr'].includes(T.low(q - 1)) && T.nl[q] === 0 && T.nl[q + 1] === 0) {
          b = q - 1;
          military = true;
        }
      }
    }
    if (b === i) return null;
  } else if (w === 'bp') {
    if (T.raw(i) !== 'BP') return null;
  } else if (w === 'apartado') {
    if (T.k[k] === TK_WORD && T.low(k) === 'de' && T.k[k + 1] === TK_WORD && T.low(k + 1) === 'correos') k += 2;
  } else if (w === 'casilla') {
    if (T.k[k] === TK_WORD && T.low(k) === 'de' && T.k[k + 1] === TK_WORD && T.low(k + 1) === 'correo') k += 2;
  }
  if (isPunct(T, k, '.') && T.s[k] === T.e[i]) k++;
  if (isPunct(T, k, '#') || isPunct(T, k, ':')) k++;
  else if (T.k[k] === TK_WORD && (T.low(k) === 'no' || T.low(k) === 'nr') && T.nl[k] === 0) {
    k++;
    if (isPunct(T, k, '.')) k++;
  }
  if (k >= T.n || T.nl[k] !== 0 || T.k[k] !== TK_NUM) return null;
  // Postfach 10 20 30: grouped digits
  let e = k;
  while (e + 1 < T.n && T.nl[e + 1] === 0 && T.k[e + 1] === TK_NUM && T.raw(e + 1).length <= 3 && T.raw(e).length <= 3 && e - k < 3) e++;
  return newCand(b, e, military ? 0.85 : 0.8, military ? 'military' : 'po-box');
}

/** Line start of token i, at most `max` tokens back; -1 if farther. */
function lineStartOf(T: Tokens, i: number, max = 10): number {
  let j = i;
  let steps = 0;
  while (j > 0 && T.nl[j] === 0) {
    j--;
    if (++steps > max) return -1;
  }
  return j;
}

/** A short line [a, b] that can be a street line: a house number, words, no prose, no contact labels. */
function streetLine(T: Tokens, a: number, b: number): boolean {
  if (b < a || b - a > 6) return false;
  // "12 High Street" or "Roheline 43": a number opens or closes it
  if (T.k[a] !== TK_NUM && T.k[b] !== TK_NUM && !(isPunct(T, b, '.') && T.k[b - 1] === TK_NUM)) return false;
  let nums = 0;
  let wordsN = 0;
  for (let i = a; i <= b; i++) {
    const kind = T.k[i];
    if (kind === TK_NUM) {
      if (T.raw(i).replace(/[^0-9]/g, '').length > 5) return false;
      nums++;
    } else if (kind === TK_WORD) {
      const w = T.low(i);
      if (BLOCK_STOP.has(w) || MONTHS_AND_DAYS.has(w) || PRODUCT_WORDS.has(w)) return false;
      if ((isStopWord(w) && !PARTICLES.has(w)) || UNIT_WORDS.has(w)) return false;
      wordsN++;
    } else if (kind === TK_PUNCT) {
      const c = T.text.charAt(T.s[i]!);
      if (c !== ',' && c !== '.' && c !== '/' && c !== '#' && c !== '-') return false;
    } else if (kind === TK_MIXED) {
      return false;
    }
  }
  if (nums === 0 || wordsN === 0 || nums > 3) return false;
  return T.k[a] === TK_NUM || T.k[a] === TK_WORD;
}

/**
 * A street segment without a street type ending at token `last`: name words and a house number ("Roheline 43",
 * "60 Dašická 688", "Agip u. 96."). Used only where the structure says "address" (a unit or postcode line follows).
 * Returns the segment's first token or -1.
 */
function segmentEndingAt(T: Tokens, last: number, lowerOk: boolean): number {
  if (T.k[last] === TK_WORD) return numberFirstSegmentEndingAt(T, last);
  let j = last;
  // "Agip u. 96." (a dot after the number, after a street word); otherwise a dot ends a sentence
  if (isPunct(T, j, '.') && T.k[j - 1] === TK_NUM && T.e[j - 1] === T.s[j] && T.k[j - 2] === TK_WORD && TYPE_AFTER_HOUSE_AFTER.has(T.low(j - 2))) j--;
  if (j < 0 || !isHouse(T, j) || refBefore(T, j)) return -1;
  const house = j;
  let names = 0;
  j--;
  while (j >= 0 && names < 5 && T.nl[j + 1] === 0) {
    if (nameWord(T, j, lowerOk) || (T.k[j] === TK_WORD && PARTICLES.has(T.low(j)) && isLowerWord(T, j))) {
      names++;
      j--;
      continue;
    }
    if (isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.raw(j - 1).length <= 3 && T.e[j - 1] === T.s[j] && T.nl[j] === 0) {
      j--;
      continue;
    }
    break;
  }
  let start = j + 1;
  // Drop leading particles
  while (start < house && T.k[start] === TK_WORD && PARTICLES.has(T.low(start)) && isLowerWord(T, start)) start++;
  if (start >= house) return -1;
  if (j < 0 || T.nl[j + 1]! > 0) return start;
  // A leading number ("60 Dašická 688"); otherwise the segment must follow a boundary.
  if (T.k[j] === TK_NUM && isHouse(T, j)) return j;
  if (T.k[j] === TK_PUNCT) {
    const ch = T.text.charAt(T.s[j]!);
    return ch === ',' || ch === ':' || ch === ';' || ch === '(' ? start : -1;
  }
  if (T.k[j] === TK_WORD && isLowerWord(T, j) && (FUNCTION_WORDS.has(T.low(j)) || CUE_CONTEXT.has(T.low(j)))) return start;
  return -1;
}

/** "79 291 Adelianos Kambos", "124 N. Stadion": house number + capitalised name words ending at `last`. */
function numberFirstSegmentEndingAt(T: Tokens, last: number): number {
  let j = last;
  let names = 0;
  while (j >= 0 && names < 4 && (j === last || T.nl[j + 1] === 0)) {
    if (isCapWord(T, j) && nameWord(T, j, false)) {
      names++;
      j--;
      continue;
    }
    if (names > 0 && isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.raw(j - 1).length <= 3 && T.e[j - 1] === T.s[j]) {
      j--;
      continue;
    }
    break;
  }
  if (names === 0 || j < 0 || T.nl[j + 1]! > 0 || !isHouse(T, j) || refBefore(T, j)) return -1;
  if (j > 0 && T.nl[j] === 0 && T.k[j - 1] === TK_NUM && isHouse(T, j - 1)) return j - 1;
  return j;
}

/** "Apt 4B", "Suite 200", "Flat 3". Anchor: the unit word. Returns the core and its last token. */
function unitAt(T: Tokens, i: number): number {
  let k = i + 1;
  if (isPunct(T, k, '.') && T.s[k] === T.e[i]) k++;
  if (isPunct(T, k, '#')) k++;
  else if (T.k[k] === TK_WORD && (T.low(k) === 'no' || T.low(k) === 'nr' || T.low(k) === 'n°') && T.nl[k] === 0) {
    k++;
    if (isPunct(T, k, '.')) k++;
  }
  if (k >= T.n || T.nl[k] !== 0) return -1;
  if (T.k[k] === TK_NUM && T.raw(k).replace(/[^0-9]/g, '').length <= 5) return k;
  if (T.k[k] === TK_MIXED && T.e[k]! - T.s[k]! <= 5 && /[0-9]/.test(T.raw(k))) return k;
  if (T.k[k] === TK_WORD && T.e[k]! - T.s[k]! === 1 && isUpperWord(T, k) && T.low(i) !== 'suite') return k; // Flat B
  return -1;
}

function tryUnit(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  const last = unitAt(T, i);
  if (last < 0) return null;
  if (!UNIT_STANDALONE_SAFE.has(w)) {
    // Suite / Flat / Ste: line start, after a comma, or after a number; capitalised.
    const prev = i - 1;
    const ok = atLineStart(T, i) || isPunct(T, prev, ',') || isPunct(T, prev, ';') || T.k[prev] === TK_NUM || isPunct(T, prev, ':');
    if (!ok) return null;
  }
  // "flat 3 tyres": prose after it; kept only if a street comes right before it (checked by the caller)
  const proseAfter = sameLineNext(T, last) && isLowerWord(T, last + 1) && !FUNCTION_WORDS.has(T.low(last + 1));
  const c = newCand(i, last, 0.6, 'unit', false, proseAfter);
  c.unit = true;
  return c;
}

/** A 5-digit (or ZIP+4) postcode token. */
export function isFiveDigit(T: Tokens, i: number): boolean {
  return i >= 0 && i < T.n && T.k[i] === TK_NUM && /^[0-9]{5}(?:-[0-9]{4})?$/.test(T.raw(i));
}
export function isFourDigit(T: Tokens, i: number): boolean {
  return i >= 0 && i < T.n && T.k[i] === TK_NUM && /^[0-9]{4}$/.test(T.raw(i));
}

/** UK postcode at token i ("SW1A 1AA" as two tokens, or "SW1A1AA"); returns its last token or -1. */
export function ukPostcodeAt(T: Tokens, i: number): number {
  if (i < 0 || i >= T.n) return -1;
  // The inward code may read as an ordinal ("8TH", "1ST").
  if ((T.k[i] === TK_MIXED || T.k[i] === TK_WORD) && i + 1 < T.n && T.nl[i + 1] === 0 && (T.k[i + 1] === TK_MIXED || T.k[i + 1] === TK_NUM || T.k[i + 1] === TK_ORD)) {
    const v = `${T.raw(i)} ${T.raw(i + 1)}`;
    if (T.s[i + 1]! - T.e[i]! <= 2 && UK_POSTCODE.test(v)) return i + 1;
  }
  if (T.k[i] === TK_MIXED && UK_POSTCODE.test(T.raw(i))) return i;
  return -1;
}
export function caPostcodeAt(T: Tokens, i: number): number {
  if (i < 0 || i + 1 >= T.n || T.k[i] !== TK_MIXED || T.nl[i + 1] !== 0) return -1;
  return CA_POSTCODE.test(`${T.raw(i)} ${T.raw(i + 1)}`) ? i + 1 : -1;
}
/** NL "1234 AB". */
export function nlPostcodeAt(T: Tokens, i: number): number {
  if (!isFourDigit(T, i) || i + 1 >= T.n || T.nl[i + 1] !== 0) return -1;
  const r = T.raw(i + 1);
  return T.k[i + 1] === TK_WORD && /^[A-Z]{2}$/.test(r) && !/^(?:SA|SD|SS)$/.test(r) && T.raw(i)[0] !== '0' ? i + 1 : -1;
}

/** Capitalised place words from i (at most 4, particles inside): returns the last token or -1. */
export function placeWords(T: Tokens, i: number, lowerOk: boolean): number {
  const last = placeWordsRaw(T, i, lowerOk, T.n - 1);
  // "St.", "Street" after a street is not a city ("Frørupvej 58 St."), "St Albans" is.
  if (last >= 0 && (TYPE_EN_STRONG.has(T.low(last)) || TYPE_EN_WEAK.has(T.low(last)))) return last > i ? placeWordsRaw(T, i, lowerOk, last - 1) : -1;
  return last;
}

function placeWordsRaw(T: Tokens, i: number, lowerOk: boolean, maxLast: number): number {
  let k = i;
  let last = -1;
  let count = 0;
  while (k <= maxLast && count < 5 && (k === i || T.nl[k] === 0)) {
    if (T.k[k] !== TK_WORD) break;
    const w = T.low(k);
    if (BLOCK_STOP.has(w) || UNIT_WORDS.has(w) || MONTHS_AND_DAYS.has(w)) break;
    if (k === i && (TYPE_EN_STRONG.has(w) || TYPE_EN_WEAK.has(w) || TYPE_AFTER_HOUSE_AFTER.has(w))) break;
    const cap = isCapWord(T, k);
    if (cap && !CAP_NOT_NAME.has(w) && !QUANTITY_WORDS.has(w)) {
      last = k;
    } else if (last >= 0 && (PARTICLES.has(w) || CONNECTORS.has(w) || CITY_PARTICLES.has(w)) && particleChainToName(T, k, lowerOk)) {
      // "Frankfurt am Main", "Republic of the Congo", "Saint Vincent and the Grenadines"
    } else if (lowerOk && !cap && !isStopWord(w)) {
      last = k;
    } else break;
    count++;
    k++;
  }
  return last;
}

/** Particles/connectors from k (at most 3) followed by a name word on the same line. */
function particleChainToName(T: Tokens, k: number, lowerOk: boolean): boolean {
  for (let j = k, steps = 0; j < T.n && steps < 3; j++, steps++) {
    if (j > k && T.nl[j]! > 0) return false;
    if (T.k[j] !== TK_WORD) return false;
    const w = T.low(j);
    if (PARTICLES.has(w) || CONNECTORS.has(w) || CITY_PARTICLES.has(w)) continue;
    return isCapWord(T, j) || (lowerOk && !isStopWord(w));
  }
  return false;
}

/** A city word run that closes a segment: followed by end, line break, comma, postcode or a full stop. */
export function closesSegment(T: Tokens, last: number): boolean {
  const f = last + 1;
  if (f >= T.n || T.nl[f]! > 0) return true;
  if (T.k[f] === TK_PUNCT) {
    const c = T.text.charAt(T.s[f]!);
    return c === ',' || c === '.' || c === ';' || c === ')' || c === '(' || c === '!' || c === '?' || c === '|';
  }
  return false;
}

/** Postcode (of any supported kind) at token i: returns [last token, validated]. */
function postcodeAt(T: Tokens, i: number): [number, boolean] {
  if (isFiveDigit(T, i)) return [i, false];
  const nlp = nlPostcodeAt(T, i);
  if (nlp >= 0) return [nlp, true];
  const uk = ukPostcodeAt(T, i);
  if (uk >= 0) return [uk, true];
  const ca = caPostcodeAt(T, i);
  if (ca >= 0) return [ca, true];
  if (isFourDigit(T, i) && !yearLike(T, i)) return [i, false];
  return [-1, false];
}

/**
 * Extends a core to the right over units, postcodes, cities and states on the same line and on directly
 * following lines.
 */
function extendTail(T: Tokens, c: Cand): void {
  let e = c.e;
  let lines = 0;
  const startChar = T.s[c.b]!;
  let afterUnit = c.pattern === 'unit' || c.pattern === 'unit-block';
  for (let step = 0; step < 6; step++) {
    let k = e + 1;
    if (k >= T.n) break;
    if (
      isPunct(T, k, '.') && T.k[e] === TK_NUM && T.s[k] === T.e[e] && step === 0 && c.postcode === null &&
      (k + 1 >= T.n || T.nl[k + 1]! > 0 || isPunct(T, k + 1, ',') || (T.k[k + 1] === TK_WORD && UNIT_WORDS.has(T.low(k + 1))))
    ) {
      // "Agip u. 96." — the dot after a house number belongs to it
      e = k;
      k++;
      if (k >= T.n) break;
    }
    const nlGap = T.nl[k]!;
    if (nlGap > 1) break;
    let comma = false;
    if (isPunct(T, k, ',') || isPunct(T, k, ';')) {
      comma = true;
      k++;
      if (k >= T.n || T.nl[k]! > 1) break;
      if (T.nl[k]! > 0 && nlGap > 0) break;
    }
    // ", \n" or "\n ,": at most one line break in the separator
    const newline = nlGap > 0 || (k < T.n && T.nl[k]! > 0);
    if (newline && lines >= 4) break;
    if (T.s[k]! - startChar > 220) break;
    if (!newline && !comma && T.s[k]! - T.e[e]! > 3) break;
    let next = -1;
    if (newline && c.postcode !== null) {
      // After the postcode only a country/city line may follow ("75002 Paris\nFrance"); a unit or a number starts
      // the next address of a list.
      const place = T.k[k] === TK_WORD && !UNIT_WORDS.has(T.low(k)) ? placeWords(T, k, c.lower) : -1;
      if (place < 0 || !closesSegment(T, place)) break;
      next = place;
      noteCity(T, c, k);
      lines++;
      e = next;
      afterUnit = false;
      continue;
    }
    // Unit
    if (T.k[k] === TK_WORD && UNIT_WORDS.has(T.low(k)) && T.low(k) !== 'box' && T.low(k) !== 'office') {
      const u = unitAt(T, k);
      if (u >= 0) {
        next = u;
        if (!c.unit) {
          c.unit = true;
          c.evidence.push({ word: T.low(k), effect: 0.05 });
        }
      }
    } else if (comma && !newline && floorAt(T, k) >= 0) {
      // "Calle Mayor 5, 3º izq.", "4º B"
      next = floorAt(T, k);
      if (!c.unit) {
        c.unit = true;
        c.evidence.push({ word: T.low(k), effect: 0.05 });
      }
    } else if (isPunct(T, k, '#') && T.k[k + 1] === TK_NUM && T.nl[k + 1] === 0 && T.s[k + 1] === T.e[k]) {
      next = k + 1;
      if (!c.unit) {
        c.unit = true;
        c.evidence.push({ word: '#', effect: 0.05 });
      }
    }
    // A postcode label: "…, zip 62704", "PLZ 10115"
    if (next < 0 && T.k[k] === TK_WORD && POSTCODE_LABELS.has(T.low(k))) {
      let q = k + 1;
      if (T.k[q] === TK_WORD && T.low(q) === 'code' && T.nl[q] === 0) q++;
      if (isPunct(T, q, ':') && T.nl[q] === 0) q++;
      if (q < T.n && T.nl[q] === 0) {
        const [pc, validated] = postcodeAt(T, q);
        if (pc >= 0) {
          next = pc;
          notePostcode(T, c, q, pc, validated);
        }
      }
    }
    if (next < 0) {
      // Postcode first, then a city after it: "10115 Berlin", "75002 Paris", "1234 AB Amsterdam", "SW1A 1AA"
      const [pc, validated] = postcodeAt(T, k);
      if (pc >= 0 && (isFiveDigit(T, k) || validated || comma || newline)) {
        let last = pc;
        const city = pc + 1 < T.n && T.nl[pc + 1] === 0 ? placeWords(T, pc + 1, c.lower) : -1;
        if (city >= 0 && !T.raw(k).includes('-')) last = city;
        const plainFour = isFourDigit(T, k) && pc === k;
        if (!plainFour || city >= 0) {
          next = last;
          notePostcode(T, c, k, pc, validated);
          if (city >= 0) noteCity(T, c, pc + 1);
        }
      }
    }
    if (next < 0 && T.k[k] === TK_WORD && !BLOCK_STOP.has(T.low(k))) {
      // City words, then: [","] state [ZIP] | postcode | end of segment
      const city = placeWords(T, k, c.lower || newline);
      if (city >= 0) {
        let m = city + 1;
        let done = false;
        if (isPunct(T, m, ',') && T.nl[m] === 0) m++;
        // State (2 capitals) and optional ZIP: "Washington, DC 20500", "Melo, CA 13241", "Ottawa, ON K1A 0B1"
        if (m < T.n && T.nl[m] === 0 && T.k[m] === TK_WORD && (/^[A-Z]{2}$/.test(T.raw(m)) || AU_STATES.has(T.raw(m)))) {
          const st = T.raw(m);
          const zipTok = m + 1 < T.n && T.nl[m + 1] === 0 ? m + 1 : -1;
          if (zipTok >= 0 && AU_STATES.has(st) && isFourDigit(T, zipTok)) {
            next = zipTok;
            notePostcode(T, c, zipTok, zipTok, true);
            done = true;
          } else if (zipTok >= 0 && isFiveDigit(T, zipTok)) {
            next = zipTok;
            notePostcode(T, c, zipTok, zipTok, US_STATES.has(st));
            done = true;
          } else if (zipTok >= 0 && caPostcodeAt(T, zipTok) >= 0 && CA_PROVINCES.has(st)) {
            next = caPostcodeAt(T, zipTok);
            notePostcode(T, c, zipTok, next, true);
            done = true;
          } else if (zipTok < 0 || closesSegment(T, m)) {
            next = m;
            done = true;
          }
          if (done) noteCity(T, c, k);
        }
        if (!done) {
          const [pc, validated] = postcodeAt(T, m);
          if (pc >= 0 && !isFourDigit(T, m) ? true : pc >= 0 && closesSegment(T, pc)) {
            if (pc >= 0) {
              next = pc;
              notePostcode(T, c, m, pc, validated);
              noteCity(T, c, k);
              done = true;
            }
          }
        }
        if (!done && (closesSegment(T, city) || (afterUnit && !comma && !newline && !c.lower))) {
          next = city;
          noteCity(T, c, k);
        }
      } else if (isUpperWord(T, k) && T.e[k]! - T.s[k]! === 2 && (comma || newline) && closesSegment(T, k)) {
        // a lone state/region code: ", LA", "\nON"
        next = k;
      } else if (c.lower && newline && isLowerWord(T, k) && T.low(k) === 'nan') {
        next = k;
      }
    }
    if (next < 0) break;
    if (newline) lines++;
    afterUnit = c.unit && T.k[next] !== TK_WORD && unitEndsAt(T, next);
    e = next;
  }
  c.e = e;
}

/** Spanish floor and door: "3º izq.", "4º B", "2ª dcha"; returns the last token or -1. */
function floorAt(T: Tokens, k: number): number {
  if (k >= T.n || T.k[k] !== TK_NUM || !/^[0-9]{1,2}[ºª°]$/.test(T.raw(k))) return -1;
  let e = k;
  const n = k + 1;
  if (n < T.n && T.nl[n] === 0 && T.k[n] === TK_WORD && (FLOOR_SIDES.has(T.low(n)) || /^[A-Z]$/.test(T.raw(n)))) {
    e = n;
    if (isPunct(T, n + 1, '.') && T.s[n + 1] === T.e[n] && T.raw(n).length > 1) e = n + 1;
  }
  return e;
}

/** Token i ends a unit ("Apt. 5", "Suite 200", "#12"). */
function unitEndsAt(T: Tokens, i: number): boolean {
  for (let j = i - 1, steps = 0; j >= 0 && steps < 4; j--, steps++) {
    if (T.k[j] === TK_WORD && UNIT_WORDS.has(T.low(j))) return unitAt(T, j) === i;
    if (isPunct(T, j, '#')) return j === i - 1;
  }
  return false;
}

function notePostcode(T: Tokens, c: Cand, a: number, b: number, validated: boolean): void {
  if (c.postcode === 'validated') return;
  if (validated) {
    c.postcode = 'validated';
    c.evidence = c.evidence.filter((x) => !x.word.startsWith('postcode'));
    c.evidence.push({ word: `postcode ${T.text.slice(T.s[a], T.e[b])}`, effect: 0.15 });
  } else if (c.postcode === null) {
    c.postcode = 'plain';
    c.evidence.push({ word: `postcode ${T.text.slice(T.s[a], T.e[b])}`, effect: 0.1 });
  }
}

function noteCity(T: Tokens, c: Cand, k: number): void {
  if (c.city) return;
  c.city = true;
  c.evidence.push({ word: T.low(k), effect: 0.05 });
}

/** Extends a core to the left: a leading number ("95 Lille Vibyvej 8", "5/12 Smith St") and a unit ("Flat 3, …"). */
function extendHead(T: Tokens, c: Cand): void {
  let b = c.b;
  // "5/12 Smith St", "12-14 High St" are tokens of their own; a number before a number-less start
  // (unless it is the number of a unit: "suite 085 23 rúa do paseo 11"):
  const p = b - 1;
  if (p >= 0 && T.nl[b] === 0 && !unitEndsAt(T, p)) {
    if (isPunct(T, p, '/') && T.k[p - 1] === TK_NUM && T.nl[p] === 0 && T.e[p - 1] === T.s[p] && T.e[p] === T.s[b]) b = p - 1;
    else if (T.k[p] === TK_NUM && isHouse(T, p) && !refBefore(T, p) && T.raw(p).length <= 5 && /^[ \t]+$/.test(T.text.slice(T.e[p], T.s[b]))) b = p;
  }
  // "Unit 5/12 Smith St": the unit's number opens the slash form
  if (b > 0 && T.nl[b] === 0 && T.k[b - 1] === TK_WORD && UNIT_WORDS.has(T.low(b - 1)) && unitAt(T, b - 1) === b && isPunct(T, b + 1, '/')) {
    b--;
    if (!c.unit) {
      c.unit = true;
      c.evidence.push({ word: T.low(b), effect: 0.05 });
    }
  }
  // Unit before: "Flat 3, 12 High St", "Apt. 434 40 Rue …"
  let q = b - 1;
  if (q >= 0 && T.nl[b] === 0) {
    if (isPunct(T, q, ',')) q--;
    if (q >= 1 && (T.k[q] === TK_NUM || T.k[q] === TK_MIXED) && T.nl[q + 1] === 0) {
      let u = q - 1;
      if (isPunct(T, u, '#')) u--;
      if (isPunct(T, u, '.')) u--;
      if (u >= 0 && T.k[u] === TK_WORD && UNIT_WORDS.has(T.low(u)) && T.low(u) !== 'box' && unitAt(T, u) === q) {
        b = u;
        if (!c.unit) {
          c.unit = true;
          c.evidence.push({ word: T.low(u), effect: 0.05 });
        }
      }
    }
  }
  c.b = b;
}

/** Address cue words in the few tokens before the span: "my address is", "lives at", "ship to". */
function cueBefore(T: Tokens, b: number): string | null {
  for (let j = b - 1, steps = 0; j >= 0 && steps < 6; j--, steps++) {
    if (T.nl[j + 1]! > 1) return null;
    if (T.k[j] === TK_PUNCT) {
      const ch = T.text.charAt(T.s[j]!);
      if (ch === '.' || ch === '?' || ch === '!') return null;
      continue;
    }
    if (T.k[j] !== TK_WORD) continue;
    const w = T.low(j);
    if (CUE_CONTEXT.has(w)) {
      if ((w === 'address' || w === 'addr') && j > 0 && T.k[j - 1] === TK_WORD && NON_POSTAL_ADDRESS.has(T.low(j - 1))) return null;
      return w;
    }
  }
  return null;
}

/** The value after an address cue: "address is 92 Foo Bar 57\nCity\n 56139 for post mail" → the value. */
function tryCue(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  let k = i + 1;
  let strong = false;
  if (CUE_STRONG.has(w)) {
    if (i > 0 && T.k[i - 1] === TK_WORD && NON_POSTAL_ADDRESS.has(T.low(i - 1))) return null;
    strong = true;
  } else {
    const pair = CUE_WEAK_PAIRS.find(([a, bb]) => a === w && T.k[k] === TK_WORD && T.low(k) === bb);
    if (pair === undefined) return null;
    k++;
  }
  // Filler: "is", ":", "-", "to", "my new", "here's ...:"
  for (let steps = 0; steps < 4 && k < T.n; steps++) {
    if (T.k[k] === TK_PUNCT && (isPunct(T, k, ':') || isPunct(T, k, '-') || isPunct(T, k, '=') || isPunct(T, k, '–'))) {
      k++;
      continue;
    }
    if (T.k[k] === TK_WORD && ['is', 'to', 'ist', 'lautet', 'est', 'es', 'at', 'my', 'new', 'our', 'the', 'same', 'changed', 'now'].includes(T.low(k)) && T.nl[k]! === 0) {
      k++;
      continue;
    }
    break;
  }
  if (k >= T.n || T.nl[k]! > 1) return null;
  if (T.s[k]! - T.e[i]! > 40) return null;
  const start = k;
  if (!(T.k[start] === TK_NUM || (T.k[start] === TK_WORD && (isCapWord(T, start) || strong)))) return null;
  // Collect the value: up to 4 lines, 18 tokens, stops at sentence ends and function words.
  let last = -1;
  let nums = 0;
  let wordsN = 0;
  let lowerWords = 0;
  let lines = 0;
  let firstLineTokens = 0;
  for (let j = start, count = 0; j < T.n && count < 18; j++, count++) {
    if (j > start && T.nl[j]! > 0) {
      if (T.nl[j]! > 1 || ++lines > 3) break;
    }
    const kind = T.k[j];
    if (kind === TK_PUNCT) {
      const ch = T.text.charAt(T.s[j]!);
      if (ch === ',') continue;
      if (ch === '.' && j > 0 && T.k[j - 1] === TK_WORD && T.e[j - 1] === T.s[j] && T.raw(j - 1).length <= 4) {
        // abbreviation dot: "Apt.", "St.", "u."
        continue;
      }
      // "utca 76." — a dot after a house number, followed by a space or a line break
      if (ch === '.' && T.k[j - 1] === TK_NUM && T.e[j - 1] === T.s[j] && (!sameLineNext(T, j) || T.s[j + 1]! > T.e[j]!)) continue;
      if (ch === '/' || ch === '#' || ch === '-') continue;
      break;
    }
    if (kind === TK_WORD) {
      const lw = T.low(j);
      if (BLOCK_STOP.has(lw) || (isStopWord(lw) && !PARTICLES.has(lw)) || MONTHS_AND_DAYS.has(lw) || PRODUCT_WORDS.has(lw) || CUE_CONTEXT.has(lw)) break;
      if (isLowerWord(T, j) && !PARTICLES.has(lw) && !UNIT_WORDS.has(lw)) {
        // After "lives at", "ship to", ... lower-case words are prose again; after "address" the text may be lower-case.
        if (!strong) break;
        lowerWords++;
      }
      wordsN++;
    } else if (kind === TK_NUM) {
      // IP addresses, versions, decimals, times: not an address value
      if (!isHouse(T, j, 6)) return null;
      nums++;
    } else if (kind === TK_MIXED) {
      if (T.e[j]! - T.s[j]! > 8) break;
    }
    if (lines === 0) firstLineTokens++;
    last = j;
  }
  if (last < 0 || nums === 0 || wordsN === 0) return null;
  if (wordsN < 2 && nums < 2) return null;
  if (firstLineTokens > 12) return null;
  // Trim trailing punctuation
  while (last > start && T.k[last] === TK_PUNCT) last--;
  const c = newCand(start, last, 0.6, 'address-cue', lowerWords > 0);
  c.evidence.push({ word: w, effect: 0.1 });
  return c;
}

/** "corner of Auenweg 85 and Kesä Street", "corner of Maclean Street and Westfall Avenue". Anchor: "corner". */
function tryCorner(T: Tokens, i: number): Cand | null {
  if (!(T.k[i + 1] === TK_WORD && T.low(i + 1) === 'of')) return null;
  let k = i + 2;
  if (T.k[k] === TK_WORD && T.low(k) === 'the') k++;
  let last = -1;
  let ands = 0;
  let typed = false;
  let nums = 0;
  const lowerOk = isLowerWord(T, i);
  for (let count = 0; k < T.n && count < 12 && T.nl[k] === 0; k++, count++) {
    const kind = T.k[k];
    if (kind === TK_WORD) {
      const lw = T.low(k);
      if (lw === 'and' || lw === '&') {
        if (++ands > 1 || last < 0) break;
        continue;
      }
      if (!nameWord(T, k, lowerOk) && !PARTICLES.has(lw)) break;
      last = k;
      const isType = TYPE_EN_STRONG.has(lw) || TYPE_EN_WEAK.has(lw) || SUFFIX_RE.test(lw);
      if (isType || TYPE_FIRST_STRONG.has(lw) || TYPE_AFTER_HOUSE_AFTER.has(lw)) typed = true;
      // The second street ends with its type word ("… and 5th Avenue tonight").
      if (ands === 1 && isType) break;
    } else if (kind === TK_NUM && isHouse(T, k)) {
      nums++;
      last = k;
    } else if (kind === TK_ORD) {
      last = k;
    } else if (isPunct(T, k, '&')) {
      if (++ands > 1 || last < 0) break;
    } else if (isPunct(T, k, '.') && ((T.k[k - 1] === TK_WORD && T.raw(k - 1).length <= 3) || T.k[k - 1] === TK_NUM)) {
      continue;
    } else break;
  }
  if (last < 0 || ands !== 1 || !typed) return null;
  if (T.k[last] === TK_WORD && T.low(last) === 'and') return null;
  // "the corner of": the phrase is the address
  const first = i > 0 && T.nl[i] === 0 && T.k[i - 1] === TK_WORD && T.low(i - 1) === 'the' ? i - 1 : i;
  const c = newCand(first, last, nums > 0 ? 0.65 : 0.6, 'intersection');
  return c;
}

/**
 * "Tylova 1036, Praha, Czech Republic", "30 Veslebakken 48, Harstad": a street name without a type word,
 * its number, a comma and a place. Taken only with a building number before it, an address cue, or a
 * second place segment (city, country). Anchor: the house number.
 */
function tryNameNumberCity(T: Tokens, h: number): Cand | null {
  if (!isHouse(T, h, 4) || yearLike(T, h)) return null;
  const comma = h + 1;
  const c1 = comma + 1;
  if (!isPunct(T, comma, ',') || T.nl[comma] !== 0 || c1 >= T.n || T.nl[c1] !== 0 || !isCapWord(T, c1)) return null;
  const city = placeWords(T, c1, false);
  if (city < 0) return null;
  let end = city;
  let segments = 1;
  if (isPunct(T, city + 1, ',') && T.nl[city + 1] === 0 && T.nl[city + 2] === 0 && isCapWord(T, city + 2)) {
    const country = placeWords(T, city + 2, false);
    if (country >= 0 && closesSegment(T, country)) {
      end = country;
      segments = 2;
    }
  }
  if (segments === 1 && !closesSegment(T, city)) return null;
  let j = h - 1;
  let names = 0;
  while (j >= 0 && names < 3 && T.nl[j + 1] === 0 && isCapWord(T, j) && nameWord(T, j, false)) {
    names++;
    j--;
  }
  if (names === 0) return null;
  const leading = j >= 0 && T.nl[j + 1] === 0 && T.k[j] === TK_NUM && isHouse(T, j);
  if (!leading) {
    if (j >= 0 && T.nl[j + 1] === 0) {
      const boundary = T.k[j] === TK_PUNCT || (isLowerWord(T, j) && (FUNCTION_WORDS.has(T.low(j)) || CUE_CONTEXT.has(T.low(j))));
      if (!boundary) return null;
    }
    if (segments < 2 && cueBefore(T, j + 1) === null) return null;
  }
  const c = newCand(leading ? j : j + 1, end, 0.6, 'name-number-city');
  noteCity(T, c, c1);
  return c;
}

/** Military: "APO AE 09012" (+ the line above: "Unit 2050 Box 4190", "PSC 802, Box 74", "USS Ship Name"). */
function tryMilitary(T: Tokens, i: number): Cand | null {
  const st = i + 1;
  const zip = i + 2;
  if (!(st < T.n && T.nl[st] === 0 && T.k[st] === TK_WORD && MILITARY_STATES.has(T.low(st)))) return null;
  if (!(zip < T.n && T.nl[zip] === 0 && isFiveDigit(T, zip))) return null;
  let b = i;
  if (T.nl[i] === 1 && i > 0) {
    // The line above: "Unit 2050 Box 4190", "PSC 802, Box 74", "USS Ship Name" (possibly after other words).
    for (let j = i - 1, steps = 0; j >= 0 && steps < 7; j--, steps++) {
      if (T.k[j] === TK_WORD && MILITARY_FIRST.has(T.low(j))) b = j;
      if (T.nl[j]! > 0) break;
    }
  }
  const c = newCand(b, zip, 0.85, 'military');
  c.postcode = 'validated';
  c.evidence.push({ word: T.low(i), effect: 0.05 });
  return c;
}

/**
 * A postcode line ("10115 Berlin", "Madrid 28013", "Springfield, IL 62704") under a street line: returns the
 * block from the street line's start. Anchor: the postcode token.
 */
function tryBlock(T: Tokens, i: number): Cand | null {
  const ls = lineStartOf(T, i, 6);
  if (ls < 0 || ls === 0) return null;
  // Postcode line shape.
  let lineEnd = -1;
  let validated = false;
  if (ls === i) {
    // "10115 Berlin"
    const [pc, v] = postcodeAt(T, i);
    if (pc < 0) return null;
    const city = pc + 1 < T.n && T.nl[pc + 1] === 0 ? placeWords(T, pc + 1, false) : -1;
    if (city < 0 || !closesSegment(T, city)) return null;
    lineEnd = city;
    validated = v;
  } else {
    // "Madrid 28013", "Springfield, IL 62704": the code closes the line
    if (!isFiveDigit(T, i) || !closesSegment(T, i)) return null;
    let j = i - 1;
    if (T.k[j] === TK_WORD && /^[A-Z]{2}$/.test(T.raw(j))) {
      validated = US_STATES.has(T.raw(j));
      j--;
      if (isPunct(T, j, ',')) j--;
    }
    if (j < ls) return null;
    // j .. ls must be place words
    if (placeWordsRaw(T, ls, false, j) !== j) return null;
    lineEnd = i;
  }
  // The line above: a street line; or a city-only line and a street line above it.
  let prevEnd = ls - 1;
  if (T.nl[ls] !== 1) return null;
  const streetStart = (end: number): number => {
    const s0 = lineStartOf(T, end, 9);
    return s0 >= 0 && streetLine(T, s0, end) ? s0 : segmentEndingAt(T, end, false);
  };
  let ps = streetStart(prevEnd);
  if (ps < 0) {
    // A city line between the street and the postcode line
    const cs = lineStartOf(T, prevEnd, 6);
    if (cs <= 0 || T.nl[cs] !== 1 || placeWords(T, cs, false) !== prevEnd) return null;
    prevEnd = cs - 1;
    ps = streetStart(prevEnd);
    if (ps < 0) return null;
  }
  const c = newCand(ps, lineEnd, 0.65, 'address-block');
  notePostcode(T, c, i, i, validated);
  return c;
}

// ---------------------------------------------------------------------------------------------------------------
// Detector

const A_EN = 1;
const A_FIRST = 2;
const A_HOUSE_AFTER = 4;
const A_PREP = 8;
const A_POBOX = 16;
const A_MILITARY = 32;
const A_UNIT = 64;
const A_CUE = 128;
const A_CORNER = 256;
/** Every anchor word with the patterns it starts (one map lookup per word). */
const ANCHORS = new Map<string, number>();
const addAnchors = (set: Iterable<string>, flag: number): void => {
  for (const w of set) ANCHORS.set(w, (ANCHORS.get(w) ?? 0) | flag);
};
addAnchors(TYPE_EN_STRONG, A_EN);
addAnchors(TYPE_EN_WEAK, A_EN);
addAnchors(TYPE_FIRST_STRONG, A_FIRST);
addAnchors(TYPE_FIRST_WEAK, A_FIRST);
addAnchors(TYPE_FIRST_LETTER, A_FIRST);
addAnchors(TYPE_AFTER_HOUSE_AFTER, A_HOUSE_AFTER);
addAnchors(PREP_ONE, A_PREP);
addAnchors(PREP_TWO, A_PREP);
addAnchors(PO_BOX_WORDS, A_POBOX);
addAnchors(MILITARY_POST, A_MILITARY);
addAnchors(UNIT_STANDALONE, A_UNIT);
addAnchors(CUE_STRONG, A_CUE);
addAnchors(CUE_WEAK_PAIRS.map(([a]) => a), A_CUE);
addAnchors(['corner'], A_CORNER);
/** Last letters of the street suffixes: the suffix regexes run only on words ending in one of them. */
const SUFFIX_LAST = new Set([...SUFFIX_STRONG, ...SUFFIX_WEAK].map((x) => x.charAt(x.length - 1)));

/** Longest span a merged address may reach. */
const MAX_ADDRESS_CHARS = 300;

/**
 * Turns a merged candidate into its finding, followed by its pieces (the address cut at line breaks and commas)
 * at a score 0.01 lower. The resolver accepts the whole address and drops the pieces; if the whole loses to a
 * higher-scored finding inside it (a street named after a person, a country name), the pieces that do not
 * overlap that finding still cover the rest of the address.
 */
function finish(T: Tokens, c: Cand, out: Finding[]): void {
  const cue = cueBefore(T, c.b);
  if (cue !== null && !c.evidence.some((x) => x.word === cue)) c.evidence.push({ word: cue, effect: 0.1 });
  let multiLine = false;
  for (let i = c.b + 1; i <= c.e; i++) if (T.nl[i]! > 0) multiLine = true;
  if (multiLine && (c.unit || c.city || c.postcode !== null)) c.evidence.push({ word: 'line break', effect: 0.05 });
  const extra = c.evidence.reduce((a, x) => a + x.effect, 0);
  if (c.needsEvidence && extra <= 0) return;
  const score = Math.round(Math.min(0.95, c.base + extra) * 100) / 100;
  const start = T.s[c.b]!;
  let end = T.e[c.e]!;
  // Abbreviation dot directly after a street type: "St.", "Ave."
  if (end < T.text.length && T.text.charAt(end) === '.' && T.k[c.e] === TK_WORD && T.e[c.e]! - T.s[c.e]! <= 4 && T.s[c.e + 1] === end) {
    const w = T.low(c.e);
    if (TYPE_ABBREVIATIONS.has(w)) end++;
  }
  const explanation = { pattern: c.pattern, validation: c.postcode === 'validated' ? ('passed' as const) : ('none' as const), context: c.evidence };
  out.push({ start, end, type: 'STREET_ADDRESS', score, detector: 'street-address', explanation });
  // Pieces
  const pieces: [number, number][] = [];
  let ps = -1;
  let pe = -1;
  for (let i = c.b; i <= c.e; i++) {
    const cut = i > c.b && (T.nl[i]! > 0 || isPunct(T, i - 1, ','));
    if (cut && ps >= 0) {
      pieces.push([ps, pe]);
      ps = -1;
    }
    if (T.k[i] === TK_PUNCT) continue;
    if (ps < 0) ps = i;
    pe = i;
  }
  if (ps >= 0) pieces.push([ps, pe]);
  const partExplanation = { ...explanation, pattern: `${c.pattern}/part` };
  if (pieces.length >= 2) {
    for (const [a, b] of pieces) {
      out.push({ start: T.s[a]!, end: b === c.e ? end : T.e[b]!, type: 'STREET_ADDRESS', score: Math.max(0.5, Math.round((score - 0.01) * 100) / 100), detector: 'street-address', explanation: partExplanation });
    }
  }
  // Word and number tokens, one by one, lowest: what is left of the address when a piece loses too.
  let tokens = 0;
  for (let i = c.b; i <= c.e; i++) if (T.k[i] !== TK_PUNCT) tokens++;
  if (tokens < 2) return;
  for (let i = c.b; i <= c.e; i++) {
    if (T.k[i] === TK_PUNCT) continue;
    out.push({ start: T.s[i]!, end: T.e[i]!, type: 'STREET_ADDRESS', score: Math.max(0.5, Math.round((score - 0.02) * 100) / 100), detector: 'street-address', explanation: partExplanation });
  }
}

let cachedText: string | null = null;
let cachedFindings: readonly Finding[] = [];

/**
 * All STREET_ADDRESS findings of `text` (whole addresses and their pieces, see `finish`). The last result is
 * cached, so the postal-code detector can ask for the addresses of the same text without a second scan.
 */
export function detectStreetAddresses(text: string): Finding[] {
  if (text !== cachedText) {
    cachedFindings = scan(text);
    cachedText = text;
  }
  return cachedFindings.slice();
}

function scan(text: string): Finding[] {
  const hasDigit = /[0-9]/.test(text);
  if (!hasDigit && !/corner of/i.test(text)) return [];
  const T = tokenize(text);
  const cands: Cand[] = [];
  const add = (c: Cand | null): void => {
    if (c !== null) cands.push(c);
  };
  for (let i = 0; i < T.n; i++) {
    const kind = T.k[i];
    if (kind === TK_NUM) {
      if (isFiveDigit(T, i) || (T.k[i + 1] === TK_WORD && nlPostcodeAt(T, i) >= 0)) add(tryBlock(T, i));
      if (isPunct(T, i + 1, ',')) add(tryNameNumberCity(T, i));
      continue;
    }
    if (kind !== TK_WORD) continue;
    if (T.e[i]! - T.s[i]! > 40) continue;
    const w = T.low(i);
    const flags = ANCHORS.get(w) ?? 0;
    if (flags & A_CORNER) {
      add(tryCorner(T, i));
      continue;
    }
    if (!hasDigit) continue;
    if (flags & A_EN) add(tryEnglish(T, i));
    if (flags & A_FIRST) add(tryTypeFirst(T, i));
    if (flags & A_HOUSE_AFTER) add(tryHouseAfter(T, i, false, false));
    else if (w.length >= 6 && SUFFIX_LAST.has(w.charAt(w.length - 1)) && (SUFFIX_RE.test(w) || SUFFIX_WEAK_RE.test(w))) {
      const strong = SUFFIX_RE.test(w);
      add(tryHouseAfter(T, i, true, !strong));
    }
    if (flags === 0) continue;
    if (flags & A_PREP) add(tryPreposition(T, i));
    if (flags & A_POBOX) add(tryPoBox(T, i));
    if (flags & A_MILITARY) add(tryMilitary(T, i));
    if (flags & A_UNIT) {
      const u = tryUnit(T, i);
      if (u !== null) {
        // Pull in a street segment before it on the same line, or a street line above it.
        // Lower-case street names only when the unit itself reads as an address (not "flat 3 tyres").
        const lowerOk = isLowerWord(T, u.b) && !u.needsEvidence;
        let prevEnd = u.b - 1;
        if (isPunct(T, prevEnd, ',') && T.nl[u.b] === 0) prevEnd--;
        let seg = -1;
        if (prevEnd >= 0 && (T.nl[u.b] === 0 || (T.nl[u.b] === 1 && !isPunct(T, u.b - 1, ',')))) {
          const ps = T.nl[u.b] === 1 ? lineStartOf(T, prevEnd, 9) : -1;
          seg = ps >= 0 && streetLine(T, ps, prevEnd) ? ps : segmentEndingAt(T, prevEnd, lowerOk);
        }
        if (seg >= 0) {
          u.b = seg;
          u.pattern = 'unit-block';
          u.base = 0.7;
          u.needsEvidence = false;
          u.lower = lowerOk;
          add(u);
        } else if (!u.needsEvidence) add(u);
      }
    }
    if (flags & A_CUE) add(tryCue(T, i));
  }
  if (cands.length === 0) return [];
  for (const c of cands) {
    extendHead(T, c);
    extendTail(T, c);
  }
  // Merge overlapping or touching candidates (same address found from several anchors).
  cands.sort((a, b) => a.b - b.b || b.e - a.e);
  const merged: Cand[] = [];
  for (const c of cands) {
    const prev = merged[merged.length - 1];
    const touching = prev !== undefined && (c.b <= prev.e || (c.b === prev.e + 1 && T.nl[c.b] === 0 && T.s[c.b]! - T.e[prev.e]! <= 2));
    // A run of addresses does not merge into one giant span (lists, tables, adversarial input).
    if (prev !== undefined && touching && T.e[Math.max(c.e, prev.e)]! - T.s[prev.b]! <= MAX_ADDRESS_CHARS) {
      if (c.e > prev.e) prev.e = c.e;
      const better = c.base > prev.base;
      if (better) {
        prev.base = c.base;
        prev.pattern = c.pattern;
        prev.needsEvidence = c.needsEvidence;
      } else if (!c.needsEvidence) prev.needsEvidence = false;
      prev.lower = prev.lower && c.lower;
      for (const x of c.evidence) {
        if (x.word.startsWith('postcode') && prev.postcode !== null) {
          if (c.postcode === 'validated' && prev.postcode !== 'validated') {
            prev.evidence = prev.evidence.filter((y) => !y.word.startsWith('postcode'));
            prev.evidence.push(x);
            prev.postcode = 'validated';
          }
          continue;
        }
        if (!prev.evidence.some((y) => y.word === x.word)) prev.evidence.push(x);
      }
      if (prev.postcode === null) prev.postcode = c.postcode;
      prev.unit ||= c.unit;
      prev.city ||= c.city;
      continue;
    }
    merged.push({ ...c, evidence: c.evidence.slice() });
  }
  const out: Finding[] = [];
  for (const c of merged) finish(T, c, out);
  return out;
}

export const streetAddressDetector: Detector = {
  id: 'street-address',
  version: '1',
  types: ['STREET_ADDRESS'],
  detect(text) {
    return detectStreetAddresses(text);
  },
};
