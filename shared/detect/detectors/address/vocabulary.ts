/**
 * Word lists of the street-address and postal-code detectors (street types, units, cues, stop words, regions).
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));
export const CONNECTORS = new Set(['and', 'und', 'et', 'y', 'e', '&']);
/** Inside place names: Frankfurt am Main, Ústí nad Labem, Newcastle upon Tyne, Kámen u Pacova. */
export const CITY_PARTICLES = new Set(['nad', 'pod', 'u', 'upon', 'on', 'sur', 'sous', 'lès', 'am', 'an', 'im', 'bei', 'ob', 'aan', 'op', 'in']);

/** English street types, written after the name. Weak ones need more care (common words). */
export const TYPE_EN_STRONG = words(`
  street st str road rd avenue ave av lane ln boulevard blvd bvd terrace terr tce crescent cres highway hwy parkway pkwy
  pky gardens gdns mews expressway expy freeway fwy turnpike tpke esplanade parade pde causeway broadway
`);
export const TYPE_EN_WEAK = words(`
  drive dr court ct way place pl close square sq circle cir trail trl alley aly row walk wharf quay pike plaza loop
  grove promenade crossing xing
`);
/** Abbreviated street types and directions: a dot right after them belongs to the address ("St.", "Ave."). */
export const TYPE_ABBREVIATIONS = words('st str rd ave av ln blvd bvd terr tce cres hwy pkwy pky gdns expy fwy tpke pde dr ct pl sq cir trl aly xing n s e w ne nw se sw');
/** Written before the name (French, Spanish, Catalan, Italian, Portuguese, Polish, Romanian, Greek). */
export const TYPE_FIRST_STRONG = words(`
  rue avenue boulevard bd bld allée impasse imp chemin quai faubourg fbg
  calle cl avenida avda paseo camino carretera ctra carrer ronda travesía travesia glorieta rambla passeig plaça avinguda
  viale piazza piazzale corso vicolo lungomare rua rúa travessa praça praca alameda rodovia estrada ulica ul aleja
  strada οδός οδος λεωφόρος
`);
export const TYPE_FIRST_WEAK = words(`
  via vía place pl av route rte cours square passage plaza pza pº largo al os plac colonia urb urbanización
`);
/** Single letters that abbreviate a type when followed by '/' or '.': C/ Mayor, R. Augusta. */
export const TYPE_FIRST_LETTER = words('c r');
/** Street words written after the name with the house number after (German, Dutch, Hungarian, Slovene, ...). */
export const TYPE_AFTER_HOUSE_AFTER = words(`
  straße strasse str weg allee platz gasse ring damm ufer chaussee steig pfad markt
  straat laan plein gracht kade singel dijk
  utca u út útja tér körút krt rakpart fasor sétány köz ulica cesta trg gatan gata vej vei veg gate gränd allé plads stræde torv gade vegur katu tie
  náměstí namesti třída trida nábřeží nabrezi
`);
export const WEAK_HOUSE_AFTER = words('ring markt tie gade kade gate');
/** Compound suffixes ("Hauptstraße", "Keizersgracht", "Drottninggatan", "Mannerheimintie"). */
export const SUFFIX_STRONG = [
  'straße', 'strasse', 'str', 'weg', 'allee', 'platz', 'gasse', 'damm', 'ufer', 'chaussee', 'steig', 'pfad',
  'straat', 'laan', 'plein', 'gracht', 'singel', 'dijk', 'gatan', 'gata', 'vägen', 'vagen', 'vegen', 'veien',
  'vej', 'vegur', 'katu', 'kuja', 'polku', 'utca', 'stræde', 'plads', 'torv', 'vei', 'gaten', 'stræti', 'straeti',
  'braut', 'plaats',
];
export const SUFFIX_WEAK = ['ring', 'gade', 'kade', 'tie', 'markt', 'berg', 'hof', 'bahn'];

/** Whether a word ends with one of a fixed set of suffixes. */
export interface SuffixMatcher {
  test(word: string): boolean;
}

/**
 * A matcher for `suffixes` (each at least three characters long): the word's last two characters select the few
 * suffixes that can match, so a word costs one map lookup with a small-integer key (a regex `(?:a|b|…)$` tries every
 * position of the word) and `endsWith` on those few.
 */
export function suffixMatcher(suffixes: readonly string[]): SuffixMatcher {
  const key = (w: string, end: number): number => (w.charCodeAt(end - 2) << 16) | w.charCodeAt(end - 1);
  const byEnd = new Map<number, string[]>();
  for (const x of suffixes) {
    if (x.length < 3) throw new Error(`suffix "${x}" is shorter than three characters`);
    const k = key(x, x.length);
    const list = byEnd.get(k);
    if (list === undefined) byEnd.set(k, [x]);
    else list.push(x);
  }
  return {
    test(word: string): boolean {
      if (word.length < 3) return false;
      const list = byEnd.get(key(word, word.length));
      if (list === undefined) return false;
      for (const x of list) if (word.endsWith(x)) return true;
      return false;
    },
  };
}
export const SUFFIX_MATCH = suffixMatcher(SUFFIX_STRONG);
export const SUFFIX_WEAK_MATCH = suffixMatcher(SUFFIX_WEAK);
/** German street prepositions (capitalised): Am Markt 5, Zur Linde 3, An der Kirche 1. */
export const PREP_ONE = words('am im zum zur beim alt');
export const PREP_TWO = words('an auf in unter hinter vor bei über zu');
export const ARTICLES_DE = words('der dem den die das');
/** Particles inside Dutch and Romance street names (not German prepositions such as "an", "in"). */
export const NAME_PARTICLES = words('de der van den ter het la le du da di do dos das');
/** Particles allowed inside a street name. */
export const PARTICLES = words(`
  de la le les du des del della delle dei degli di da do dos das van von der den d l y e i of the et zu am an al el
  sur sous en lo los las ter te het 't
`);
export const UNIT_WORDS = words(`
  apt apartment appt appartement app suite ste unit flat floor fl room rm bldg building level lvl
  wohnung whg etage stock og eg dg bâtiment bat bât escalier esc étage piso puerta pta planta escalera dpto depto
  departamento interior int lote local oficina of ofc office box
`);
/** Units that may stand alone ("Apt 4B", "Suite 200"). Ambiguous ones need a line start or a comma before. */
export const UNIT_STANDALONE = words('apt apartment appt suite ste flat');
export const UNIT_STANDALONE_SAFE = words('apt apartment appt');
/** French/Spanish/Italian house number suffixes written as words: 3 bis, 12 ter. */
export const HOUSE_SUFFIX = words('bis ter quater');
export const FLOOR_SIDES = words('izq izda izquierda dcha dcho der derecha ctro centro int ext');
export const DIRECTIONS = words('n s e w ne nw se sw north south east west nord sud ost west nordost');
export const PO_BOX_WORDS = words('box postfach pob postbox postboks postbus apartado casilla bp');
export const MILITARY_POST = words('apo fpo dpo');
export const MILITARY_STATES = words('aa ae ap');
export const MILITARY_FIRST = words('unit psc cmr uss usns usnv uscgc');
/** Address cue words/phrases before a value. */
export const CUE_STRONG = words(`
  address addr adresse anschrift dirección direccion domicilio indirizzo endereço endereco adres adress postanschrift
  lieferadresse rechnungsadresse wohnadresse
`);
export const CUE_WEAK_PAIRS: readonly (readonly [string, string])[] = [
  ['lives', 'at'], ['live', 'at'], ['living', 'at'], ['reside', 'at'], ['resides', 'at'], ['moved', 'to'], ['move', 'to'],
  ['sent', 'to'], ['send', 'to'], ['ship', 'to'], ['shipped', 'to'], ['deliver', 'to'], ['delivered', 'to'],
  ['located', 'at'], ['office', 'at'], ['is', 'at'], ['wohne', 'in'], ['habite', 'au'], ['vivo', 'en'], ['mail', 'to'],
];
export const CUE_CONTEXT = words(`
  address addr adresse anschrift dirección direccion domicilio indirizzo endereço lives live living moved move ship
  shipping deliver delivery located resides reside mailing billing postal wohne wohnhaft habite vivo vive residence
  located headquarters hq office
`);
/** Words before "address" that make it a non-postal address. */
export const NON_POSTAL_ADDRESS = words('email e-mail mail ip mac web server memory ipv4 ipv6 wallet bitcoin url network hardware physical internet bluetooth wifi');

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
export const DE_NOT_STREET = words(`
  montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende januar februar märz april mai juni juli august
  september oktober november dezember jahr jahre tag tage ende anfang morgen abend mittag nachmittag vormittag moment
  monat monaten woche wochen test system rahmen fall grunde prinzip vergleich schnitt durchschnitt laufe voraus zuge
  minute sekunde stunde uhr schritt punkt
`);
export const POSTCODE_LABELS = words('zip zipcode postcode plz cp');
/** Words that end an address block when they start a line or a segment. */
export const BLOCK_STOP = words(`
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
