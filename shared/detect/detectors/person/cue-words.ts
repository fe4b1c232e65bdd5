/** The word lists of the PERSON detector (and the suffix, street and head-noun words the other name detectors share). */

import {
  CUE_ADDRESS, CUE_CONJUNCTION, CUE_GREETING, CUE_HONORIFIC, CUE_LEGAL_SUFFIX, CUE_NAME_SUFFIX, CUE_ORG_HEAD,
  CUE_ORG_PREP, CUE_PARTICLE, CUE_PHRASE_END, CUE_PREP_STRONG, CUE_REPORTING, CUE_SIGNOFF, CUE_SIGNOFF_FILLER,
  CUE_STREET, SHAPE_LOWER, SHAPE_OTHER, type Gazetteer, type Tokens,
} from '../../gazetteer';

/**
 * Titles and offices before a name ("DJ Khaled", "Lord Hanuman", "President Obama", "agent Smith"). They are ordinary
 * words too, so the word after them must be a name, not an ordinary word ("Agent Portal", "General Electric").
 */
export const TITLES: ReadonlySet<string> = new Set([
  'dj', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'president', 'senator', 'governor', 'mayor', 'judge',
  'coach', 'captain', 'capt', 'sergeant', 'sgt', 'lieutenant', 'lt', 'colonel', 'col', 'general', 'gen', 'officer',
  'detective', 'agent', 'pastor', 'father', 'sister', 'brother', 'rabbi', 'imam', 'uncle', 'aunt', 'auntie',
]);
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'mister', 'frau', 'herr', 'herrn', 'hr',
  'fr', 'monsieur', 'madame', 'mme', 'mlle', 'mademoiselle', 'señor', 'senor', 'señora', 'senora', 'señorita', 'sr',
  'sra', 'srta', 'doña', 'signor', 'signora', 'sig', 'dott', 'ing', 'mag',
  ...TITLES,
]);
/** Honorifics that are also ordinary words or names: only followed by a capitalised word. */
export const WEAK_HONORIFICS = new Set(['miss', 'sir', 'dame', 'fr', 'hr', 'ing', 'mag', 'sig', 'professor', ...TITLES]);

/** Name particles allowed inside (or, before a capitalised surname, at the start of) a name. */
export const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'degli', 'di', 'da', 'das', 'dos', 'du', 'des', 'la', 'le', 'ter',
  'ten', 'zu', 'vom', 'zur', 'bin', 'ibn', 'al', 'el', 'af', 'av', 'mac', 'st', 'y', 'e',
]);
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'phd', 'md', 'ii', 'iii', 'iv', 'esq']);

export const GREETINGS = new Set([
  'hi', 'hello', 'hey', 'dear', 'hallo', 'liebe', 'lieber', 'liebes', 'servus', 'moin', 'bonjour', 'bonsoir', 'salut',
  'hola', 'ciao', 'morning', 'afternoon', 'evening', 'thanks', 'thank', 'thx', 'danke', 'merci', 'gracias', 'cheers',
  'greetings', 'hiya', 'howdy', 'bye', 'goodbye', 'welcome', 'congrats', 'congratulations', 'estimado', 'estimada', 'querido', 'querida', 'cher', 'chère', 'yo',
]);
/** Words that end a sign-off line. */
export const SIGNOFF_WORDS = new Set([
  'regards', 'rgds', 'thanks', 'thank', 'cheers', 'best', 'sincerely', 'faithfully', 'truly', 'yours', 'wishes', 'br',
  'bw', 'kr', 'grüßen', 'grüssen', 'grüße', 'grüsse', 'gruß', 'gruss', 'mfg', 'vg', 'lg', 'cordialement',
  'salutations', 'saludos', 'atentamente', 'saludo', 'abrazo', 'cordiales', 'merci', 'danke', 'gracias', 'thx', 'ty',
  'love', 'xoxo', 'respectfully', 'warmly', 'tschüss', 'ciao',
]);
/** Other words that may appear on a sign-off line. */
export const SIGNOFF_FILLER = new Set([
  'kind', 'warm', 'warmest', 'best', 'many', 'again', 'you', 'very', 'much', 'all', 'the', 'with', 'and', 'a', 'lot',
  'mit', 'freundlichen', 'freundliche', 'viele', 'beste', 'liebe', 'herzliche', 'herzlichen', 'schöne', 'bien', 'à',
  'vous', 'bonne', 'journée', 'un', 'muchas', 'cordial', 'kindest', 'in', 'advance', 'your', 'help', 'for',
]);

export interface Phrase {
  readonly words: readonly string[];
  /**
   * 'naming': any plausible word counts, even unknown and lower-case; 'strong': an unknown capitalised word counts,
   * a lower-case one only if it is a known name; 'medium': like strong, but a lone unknown word does not count.
   */
  readonly strength: 'naming' | 'strong' | 'medium';
  /** The words joined by spaces (the cue's evidence word). */
  readonly text: string;
}
/** Phrases that name someone: after them even an unknown lower-case word counts. */
export const NAMING_PHRASES: readonly (readonly string[])[] = [
  ['my', 'name', 'is'], ['my', 'name', "'s"], ['name', 'is'], ['call', 'me'], ['named'], ['ich', 'bin'],
  ['mein', 'name', 'ist'], ['name', 'ist'], ['ich', 'heiße'], ['ich', 'heisse'], ['je', "m'appelle"], ['moi', "c'est"],
  ['me', 'llamo'], ['mi', 'nombre', 'es'], ['name', 'on', 'the', 'account', 'is'], ['calls', 'me'], ['named', 'him'],
  ['named', 'her'], ['call', 'him'], ['call', 'her'], ['goes', 'by'], ['nennt', 'mich'], ['nennen', 'mich'],
];
/** Phrases before a person: an unknown capitalised word counts, a lower-case one only if it is a known name. */
export const STRONG_PHRASES: readonly (readonly string[])[] = [
  ['spoke', 'with'], ['spoke', 'to'], ['speak', 'to'], ['speak', 'with'], ['speaking', 'with'], ['speaking', 'to'],
  ['talked', 'to'], ['talked', 'with'], ['talking', 'to'], ['talk', 'to'], ['ask', 'for'], ['asked', 'for'],
  ['assigned', 'to'], ['reported', 'by'], ['signed', 'by'], ['contact', 'person'], ['habló', 'con'], ['hablé', 'con'],
  ['gesprochen', 'mit'], ['follow', 'up', 'with'], ['name'], ['account', 'holder'], ['says'], ['said'], ['starring'],
  ['featuring'], ['feat'], ['directed', 'by'], ['written', 'by'], ['produced', 'by'], ['sagt'], ['sagte'], ['dit'],
  ['dijo'], ['happy', 'birthday'],
];
/** Weaker phrases: an unknown word after them must be capitalised, and alone it must be a known name. */
export const MEDIUM_PHRASES: readonly (readonly string[])[] = [
  ['i', 'am'], ["i'm"], ['im'], ['this', 'is'], ['it', 'is'], ["it's"], ['called'], ['cc'], ['colleague'], ['manager'],
  ['husband'], ['wife'], ['son'], ['daughter'], ['customer'], ['kollege'], ['kollegin'], ['je', 'suis'], ['soy'],
];
export const PHRASES: readonly Phrase[] = [
  ...NAMING_PHRASES.map((words) => ({ words, strength: 'naming' as const, text: words.join(' ') })),
  ...STRONG_PHRASES.map((words) => ({ words, strength: 'strong' as const, text: words.join(' ') })),
  ...MEDIUM_PHRASES.map((words) => ({ words, strength: 'medium' as const, text: words.join(' ') })),
];
export const PHRASE_LAST = new Set(PHRASES.map((p) => p.words[p.words.length - 1]!));
export const PHRASES_BY_LAST = new Map<string, Phrase[]>();
for (const p of PHRASES) {
  const last = p.words[p.words.length - 1]!;
  const list = PHRASES_BY_LAST.get(last) ?? [];
  list.push(p);
  PHRASES_BY_LAST.set(last, list);
}

export const REPORTING_VERBS = new Set([
  'said', 'says', 'wrote', 'writes', 'asked', 'asks', 'replied', 'replies', 'told', 'called', 'mentioned', 'explained',
  'confirmed', 'reported', 'sagte', 'sagt', 'schrieb', 'schreibt', 'meinte', 'fragte', 'dijo', 'escribió',
]);

/** Words after a capitalised run that make it a street, not a person ("Halsey Road"). */
export const STREET_WORDS = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'av', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'way', 'court',
  'ct', 'place', 'pl', 'square', 'sq', 'terrace', 'close', 'crescent', 'parkway', 'pkwy', 'highway', 'hwy', 'circle',
  'trail', 'row', 'walk', 'gardens', 'grove', 'hill', 'park', 'straße', 'strasse', 'str', 'weg', 'platz', 'allee',
  'gasse', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'pfad', 'laan', 'straat', 'gracht', 'plein', 'vej', 'gatan',
  'gata', 'gade', 'veien', 'utca', 'ulica', 'ul', 'rue', 'calle', 'via', 'viale', 'piazza', 'avenida', 'rua', 'plaza',
]);
/** Nouns that end an organisation's name ("Innovest Systems", "Castle Biosciences"). */
export const ORG_HEAD_NOUNS = new Set([
  'systems', 'technologies', 'technology', 'solutions', 'software', 'labs', 'laboratories', 'consulting', 'consultants',
  'services', 'industries', 'enterprises', 'ventures', 'bank', 'insurance', 'foundation', 'institute', 'university',
  'college', 'hospital', 'clinic', 'airlines', 'airways', 'motors', 'networks', 'media', 'pharmaceuticals', 'pharma',
  'bioscience', 'biosciences', 'biotech', 'capital', 'studios', 'studio', 'games', 'analytics', 'logistics', 'foods',
  'energy', 'telecom', 'communications', 'electronics', 'dynamics', 'robotics', 'therapeutics', 'diagnostics',
  'healthcare', 'health', 'interactive', 'digital', 'data', 'insights', 'research', 'trust', 'bancorp', 'brands',
  'retail', 'stores', 'markets', 'restaurants', 'hotels', 'resorts', 'realty', 'properties', 'construction',
  'engineering', 'manufacturing', 'automotive', 'aerospace', 'chemicals', 'materials', 'petroleum', 'mining',
  'shipping', 'transport', 'movers', 'agency', 'council', 'association', 'society', 'federation', 'union',
  'gesellschaft', 'verein', 'stiftung', 'versicherung', 'bankhaus', 'werke', 'universität', 'hochschule', 'klinikum',
  'université', 'universidad', 'banque', 'banco', 'société', 'sociedad',
]);

/** Legal-form suffixes (lower-case, without dots) that make a run an organisation. */
export const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'ag', 'kg', 'ohg', 'ug', 'se', 'sa', 'sas',
  'sarl', 'sl', 'bv', 'nv', 'pty', 'co', 'corp', 'corporation', 'company', 'group', 'holdings', 'holding', 'gruppe',
  'spa', 'srl', 'ab', 'oy', 'kft', 'sro', 'as', 'asa', 'aps', 'gbr', 'ev', 'eg', 'kgaa', 'lda', 'cie', 'sons', 'partners',
  'partner', 'associates', 'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros',
]);

/** Short or word-like suffixes that must be capitalised to count ("Co", "AS", "SE", "Group"). */
export const SUFFIX_NEEDS_CAPS = new Set(['co', 'as', 'se', 'sa', 'ag', 'kg', 'eg', 'ev', 'ab', 'oy', 'sl', 'lp', 'ug', 'nv', 'bv',
  'group', 'company', 'holding', 'holdings', 'gruppe', 'sons', 'partners', 'partner', 'associates', 'cie', 'spa', 'lda', 'pty',
  'fils', 'söhne', 'hijos', 'frères', 'brothers', 'bros']);

/** Is token t a legal-form suffix (in the right case)? */
export function isLegalSuffix(tokens: Tokens, t: number): boolean {
  if (t >= tokens.count || tokens.shape[t] === SHAPE_OTHER) return false;
  if (!(tokens.flags(t) & CUE_LEGAL_SUFFIX)) return false;
  return tokens.shape[t] !== SHAPE_LOWER || !SUFFIX_NEEDS_CAPS.has(tokens.key(t));
}


/** Words after a capitalised word that make it a product or feature, not a name ("Teams app", "Pro plan"). */
export const PRODUCT_NOUNS = new Set([
  'app', 'apps', 'plan', 'plans', 'account', 'version', 'settings', 'button', 'page', 'tab', 'menu', 'feature', 'module',
  'server', 'api', 'integration', 'plugin', 'extension', 'update', 'license', 'licence', 'subscription', 'dashboard',
  'portal', 'login', 'tool', 'file', 'files', 'report', 'reports', 'card', 'browser', 'client', 'device', 'window',
  'screen', 'icon', 'link', 'site', 'website', 'store', 'platform', 'cloud', 'suite', 'edition', 'tier', 'option',
  'field', 'folder', 'workspace', 'channel', 'widget', 'template', 'integration', 'connector', 'sdk', 'cli', 'key',
]);
/** Words before a capitalised word that make it a common noun or title, not a name ("the Watcher"). */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'their', 'its', 'every', 'any', 'some', 'no',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'le', 'la', 'les', 'un', 'une',
  'el', 'los', 'las', 'una',
]);

/** Address words that end a name run ("Ms. Holly Prošková Apt. 370"). */
export const ADDRESS_STOP = new Set(['apt', 'suite', 'ste', 'unit', 'box', 'po', 'flat', 'floor', 'bldg', 'building', 'room', 'dept']);
/** Form labels before a person's name ("Name: ...", "Customer: ..."), English, German, French and Spanish. */
export const NAME_LABELS = new Set([
  'name', 'customer', 'contact', 'requester', 'caller', 'reporter', 'assignee', 'kunde', 'kundin', 'ansprechpartner',
  'ansprechpartnerin', 'anrufer', 'anruferin', 'nom', 'client', 'cliente', 'nombre', 'contacto', 'solicitante',
]);

/** The header labels of e-mail clients ("From:", "Von:", "De :", "Asunto:"): never a speaker's name. */
export const MAIL_HEADER_LABELS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'sent', 'date', 'von', 'an', 'gesendet', 'betreff', 'datum', 'kopie', 'de',
  'à', 'objet', 'envoyé', 'para', 'asunto', 'enviado', 'fecha', 'da', 'oggetto', 'inviato', 'data', 'van', 'aan',
  'onderwerp', 'verzonden',
]);

/** Conjunctions that join listed names ("Kovalev, Lee and Phillips"). */
export const CONJ = new Set(['and', 'und', 'et', 'y', 'or', 'oder', 'ou', 'o']);

/** Registers the cue words of the name detectors (PERSON, and the suffix/street words the others share). */
export function watchPersonCues(g: Gazetteer): void {
  // Only honorifics and the last words of naming phrases must be noticed ahead of a lower-case word (filter);
  // the other cues are looked up from a candidate.
  g.watch(HONORIFICS, CUE_HONORIFIC);
  g.watch(NAMING_PHRASES.map((p) => p[p.length - 1]!), CUE_PHRASE_END);
  g.watch(NAME_LABELS, CUE_PHRASE_END); // in the filter: a lower-case name after "Name:" is looked at
  g.watch(GREETINGS, CUE_GREETING, false);
  g.watch(SIGNOFF_WORDS, CUE_SIGNOFF, false);
  g.watch([...SIGNOFF_FILLER, 'you', 'thank'], CUE_SIGNOFF_FILLER, false);
  g.watch(PHRASE_LAST, CUE_PHRASE_END, false);
  // "says jonsson": a lower-case surname after a reporting phrase is looked at (the filter admits it).
  g.watch(['says', 'said', 'sagt', 'sagte', 'dit', 'dijo'], CUE_PHRASE_END);
  g.watch(PARTICLES, CUE_PARTICLE, false);
  g.watch(NAME_SUFFIXES, CUE_NAME_SUFFIX, false);
  g.watch(ADDRESS_STOP, CUE_ADDRESS, false);
  g.watch(STREET_WORDS, CUE_STREET, false);
  g.watch(LEGAL_SUFFIXES, CUE_LEGAL_SUFFIX); // the ORGANIZATION detector notices "llc", "gmbh" in lower case
  g.watch(ORG_HEAD_NOUNS, CUE_ORG_HEAD, false);
  g.watch(REPORTING_VERBS, CUE_REPORTING, false);
  g.watch(CONJ, CUE_CONJUNCTION, false);
  g.watch(['at', 'for', 'with', 'joined', 'bei', 'chez', 'für', 'pour', 'para'], CUE_ORG_PREP, false);
  g.watch(['in', 'near', 'nach', 'à', 'aus'], CUE_PREP_STRONG, 'context');
}

