/**
 * Column classification: what a column (a CSV column, or a JSON field path with array indexes folded) holds, from
 * its header name (English, German, French and Spanish synonyms) and a sample of its values. The role is shown to
 * the user, tells the pipeline which columns feed known values, and lets whole-value and confidential-note
 * detection work on columns whose values no pattern recognises (a requester's name, an internal note).
 */
import type { ColumnClassification, ColumnRoleKind, DetectContext, EntityType, Finding } from './finding';

interface HeaderRule {
  readonly role: ColumnRoleKind;
  readonly type?: EntityType;
  /** Matched against whole tokens of the header. */
  readonly tokens?: readonly string[];
  /** Matched as substrings of the header with separators removed (catches compounds: "kundenname", "telefonnummer"). */
  readonly stems?: readonly string[];
  /** Match `tokens` against the header's last token only ("customer_id", not "id_card"). */
  readonly lastTokenOnly?: boolean;
  readonly confidence: number;
}

/** Ordered: the first rule that matches wins, so specific names come before general ones ("customer_email" is EMAIL). */
const HEADER_RULES: readonly HeaderRule[] = [
  { role: 'confidential-note', tokens: ['internal', 'intern', 'interne', 'private', 'privat', 'confidential', 'vertraulich'], stems: ['worknote', 'internalnote', 'privatenote', 'agentnote', 'staffnote', 'notainterna', 'noteinterne', 'internenotiz', 'vertraulich', 'confidential'], confidence: 0.9 },
  { role: 'identifier', type: 'EMAIL', tokens: ['mail'], stems: ['email', 'courriel', 'correo', 'mailadress'], confidence: 0.9 },
  { role: 'identifier', type: 'PHONE', tokens: ['tel', 'cell', 'fax', 'mob'], stems: ['phone', 'telefon', 'telephon', 'mobile', 'handy', 'movil', 'portable', 'rufnummer', 'telefono'], confidence: 0.9 },
  { role: 'identifier', type: 'IP_ADDRESS', tokens: ['ip', 'ipv4', 'ipv6'], stems: ['ipaddress', 'ipaddr', 'remoteaddr', 'clientip', 'sourceip'], confidence: 0.9 },
  { role: 'identifier', type: 'MAC_ADDRESS', tokens: ['mac'], stems: ['macaddress', 'macadresse'], confidence: 0.9 },
  { role: 'identifier', type: 'HOSTNAME', tokens: ['host', 'fqdn'], stems: ['hostname', 'computername', 'devicename', 'machinename', 'rechnername', 'servername'], confidence: 0.85 },
  { role: 'identifier', type: 'URL', tokens: ['url', 'uri', 'link'], stems: ['website', 'webseite', 'homepage'], confidence: 0.85 },
  // bank and payment accounts (see docs/detection.md: the IBAN type holds them all)
  { role: 'identifier', type: 'IBAN', tokens: ['iban', 'bic', 'swift', 'bsb', 'blz'], stems: ['bankaccount', 'kontonummer', 'bankverbindung', 'bankleitzahl', 'routingnumber', 'sortcode', 'walletaddress', 'bitcoinaddress', 'btcaddress', 'ethaddress', 'cryptoaddress'], confidence: 0.9 },
  { role: 'identifier', type: 'CREDIT_CARD', stems: ['creditcard', 'cardnumber', 'kreditkarte', 'cartebancaire', 'tarjeta'], confidence: 0.9 },
  { role: 'identifier', type: 'NATIONAL_ID', tokens: ['ssn', 'nino', 'dni', 'nie', 'nir', 'pan', 'aadhaar'], stems: ['nationalid', 'taxid', 'steuerid', 'passport', 'ausweis', 'socialsecurity', 'personalausweis'], confidence: 0.85 },
  { role: 'identifier', type: 'DATE_OF_BIRTH', tokens: ['dob'], stems: ['birth', 'geburt', 'naissance', 'nacimiento'], confidence: 0.9 },
  { role: 'identifier', type: 'POSTAL_CODE', tokens: ['zip', 'plz', 'cp'], stems: ['zipcode', 'postcode', 'postalcode', 'postleitzahl', 'codepostal', 'codigopostal'], confidence: 0.9 },
  { role: 'identifier', type: 'STREET_ADDRESS', tokens: ['street', 'rue', 'calle'], stems: ['address', 'adresse', 'anschrift', 'strasse', 'straße', 'direccion', 'dirección'], confidence: 0.85 },
  { role: 'identifier', type: 'LOCATION', tokens: ['city', 'town', 'ort', 'stadt', 'ville', 'ciudad', 'country', 'land', 'pays', 'pais', 'país', 'region', 'location', 'standort', 'wohnort', 'provincia'], confidence: 0.8 },
  { role: 'identifier', type: 'CASE_NUMBER', stems: ['casenumber', 'ticketnumber', 'ticketnr', 'incidentnumber', 'vorgangsnummer'], confidence: 0.6 },
  // device identifiers (USERNAME is their canonical type): before the id rule, which would take "serial_number"
  { role: 'identifier', type: 'USERNAME', tokens: ['imei', 'vin'], stems: ['serialnumber', 'seriennummer', 'fahrgestellnummer', 'imei'], confidence: 0.85 },
  // an identifier column: "customer_id", "user_id", "ticket_id" (after the typed rules, before the person rule)
  { role: 'id', tokens: ['id', 'uuid', 'guid', 'key', 'nr', 'no', 'number', 'nummer', 'ref', 'reference', 'code', 'numero', 'número'], lastTokenOnly: true, confidence: 0.7 },
  { role: 'identifier', type: 'USERNAME', tokens: ['login', 'upn', 'handle'], stems: ['username', 'userid', 'benutzer', 'samaccount', 'loginname', 'nomutilisateur', 'usuario'], confidence: 0.85 },
  { role: 'identifier', type: 'ORGANIZATION', tokens: ['org', 'account'], stems: ['company', 'organization', 'organisation', 'firma', 'unternehmen', 'societe', 'société', 'entreprise', 'empresa', 'employer', 'accountname'], confidence: 0.8 },
  { role: 'identifier', type: 'PERSON', tokens: ['name', 'user', 'requester', 'customer', 'client', 'contact', 'caller', 'assignee', 'agent', 'owner', 'reporter', 'submitter', 'author', 'kunde', 'kundin', 'anrufer', 'ansprechpartner', 'bearbeiter', 'nom', 'nombre', 'cliente', 'solicitante', 'prenom', 'prénom', 'apellido', 'apellidos', 'vorname', 'nachname', 'sender', 'recipient'], stems: ['firstname', 'lastname', 'fullname', 'surname', 'givenname', 'familyname', 'kundenname', 'assignedto', 'createdby', 'updatedby', 'requestedby'], confidence: 0.75 },
  { role: 'date', tokens: ['date', 'time', 'timestamp', 'datum', 'fecha', 'zeit', 'at', 'on', 'created', 'updated', 'modified', 'opened', 'closed', 'resolved', 'due'], confidence: 0.8 },
  { role: 'category', tokens: ['status', 'state', 'priority', 'prio', 'type', 'category', 'channel', 'tags', 'tag', 'queue', 'group', 'kategorie', 'priorität', 'prioritat', 'severity', 'source', 'language', 'lang', 'via'], confidence: 0.75 },
  { role: 'free-text', tokens: ['description', 'body', 'comment', 'comments', 'message', 'messages', 'text', 'details', 'note', 'notes', 'subject', 'summary', 'title', 'beschreibung', 'kommentar', 'nachricht', 'betreff', 'commentaire', 'descripcion', 'descripción', 'mensaje', 'asunto', 'content', 'transcript', 'chat', 'resolution', 'problem', 'issue', 'notiz', 'bemerkung', 'plain', 'html'], confidence: 0.8 },
  { role: 'number', tokens: ['count', 'amount', 'total', 'price', 'duration', 'minutes', 'hours', 'score', 'rating', 'qty', 'quantity', 'size'], confidence: 0.7 },
];

/** "requesterEmail", "E-Mail-Adresse", "comments[].body" → lower-case word tokens of the last path segment. */
export function headerTokens(field: string): string[] {
  const last = field.replace(/\[\]$/, '').split(/[.[\]"]+/).filter(Boolean).pop() ?? field;
  return last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function classifyHeader(field: string): { rule: HeaderRule; why: string } | undefined {
  const tokens = headerTokens(field);
  const compact = tokens.join('');
  for (const rule of HEADER_RULES) {
    const token = rule.lastTokenOnly ? rule.tokens?.find((t) => t === tokens.at(-1)) : rule.tokens?.find((t) => tokens.includes(t));
    const stem = token === undefined ? rule.stems?.find((s) => compact.includes(s)) : undefined;
    if (token !== undefined || stem !== undefined) return { rule, why: `header "${field}" (${token ?? stem})` };
  }
  return undefined;
}

type Detect = (text: string, context: DetectContext) => Finding[];

/** Share of samples that one finding covers almost entirely, per type. */
function wholeValueTypes(field: string, samples: readonly string[], detect: Detect, defaultRegion: string): Map<EntityType, number> {
  const counts = new Map<EntityType, number>();
  for (const sample of samples) {
    const value = sample.trim();
    if (value.length === 0) continue;
    const best = detect(value, { field, defaultRegion }).find((f) => (f.end - f.start) / value.length >= 0.8);
    if (best) counts.set(best.type, (counts.get(best.type) ?? 0) + 1);
  }
  return counts;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}( [\d:]+)?$/;
const NUMBER_LIKE = /^[+-]?\d+([.,]\d+)?$/;
const ID_LIKE = /^[\p{L}\p{N}_#:/-]{1,64}$/u;

/**
 * Classifies one column from its name and up to a few hundred sampled values (empty values are ignored).
 * `detect` runs the pattern detectors on each sample, to recognise columns of e-mails, phone numbers, IPs, ….
 */
export function classifyColumn(field: string, samples: readonly string[], detect: Detect, defaultRegion = 'US'): ColumnClassification {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  const header = classifyHeader(field);
  const reasons: string[] = [];
  const result = (role: ColumnRoleKind, confidence: number, type?: EntityType): ColumnClassification => ({
    field,
    role,
    ...(type ? { type } : {}),
    confidence: Math.round(confidence * 100) / 100,
    reasons,
  });

  // 1. Values that are wholly e-mails, phones, IPs, … decide, whatever the header says.
  if (values.length > 0) {
    const byType = [...wholeValueTypes(field, values, detect, defaultRegion)].sort((a, b) => b[1] - a[1]);
    const top = byType[0];
    if (top && top[1] / values.length >= 0.6) {
      const share = top[1] / values.length;
      reasons.push(`${Math.round(share * 100)}% of ${values.length} sampled values are ${top[0]}`);
      const agrees = header?.rule.type === top[0];
      if (agrees) reasons.push(`${header!.why} agrees`);
      if (top[0] !== 'IDENTIFIER' && top[0] !== 'CASE_NUMBER') return result('identifier', agrees ? Math.max(share, header!.rule.confidence) : share, top[0]);
    }
  }

  const stats = valueStats(values);
  if (header) {
    reasons.push(`${header.why} means ${header.rule.type ?? header.rule.role}`);
    // an "is_private" flag is not a note: notes are words
    if ((header.rule.role === 'confidential-note' || header.rule.role === 'free-text') && values.length > 0 && stats.avgWords < 1.5 && stats.distinct <= 3) {
      reasons.push(`but its values are ${stats.distinct} short distinct values`);
      return result('category', 0.6);
    }
    // a "name" column full of long multi-word text is prose, not names
    if (header.rule.type === 'PERSON' && stats.avgWords > 6) {
      reasons.push(`but its values average ${stats.avgWords.toFixed(0)} words`);
      return result('free-text', 0.6);
    }
    return result(header.rule.role, header.rule.confidence, header.rule.type);
  }

  // 2. No telling header: value statistics.
  if (values.length === 0) {
    reasons.push('no values sampled');
    return result('other', 0.3);
  }
  if (stats.dateShare >= 0.8) {
    reasons.push(`${Math.round(stats.dateShare * 100)}% of sampled values are dates`);
    return result('date', stats.dateShare);
  }
  if (stats.numberShare >= 0.8) {
    reasons.push(`${Math.round(stats.numberShare * 100)}% of sampled values are numbers`);
    return result('number', stats.numberShare);
  }
  if (stats.avgWords >= 5 || stats.multiLineShare >= 0.2) {
    reasons.push(`values average ${stats.avgWords.toFixed(1)} words`);
    return result('free-text', 0.7);
  }
  if (values.length >= 20 && stats.distinct <= Math.max(12, values.length * 0.1)) {
    reasons.push(`${stats.distinct} distinct values in ${values.length}`);
    return result('category', 0.7);
  }
  if (stats.idShare >= 0.9 && stats.distinct >= values.length * 0.9) {
    reasons.push('short distinct tokens without spaces');
    return result('id', 0.6);
  }
  reasons.push('nothing telling in the name or the values');
  return result('other', 0.4);
}

function valueStats(values: readonly string[]) {
  let words = 0;
  let dates = 0;
  let numbers = 0;
  let ids = 0;
  let multiLine = 0;
  for (const v of values) {
    words += v.split(/\s+/).length;
    if (DATE_LIKE.test(v)) dates++;
    if (NUMBER_LIKE.test(v)) numbers++;
    if (ID_LIKE.test(v)) ids++;
    if (v.includes('\n')) multiLine++;
  }
  const n = Math.max(1, values.length);
  return {
    avgWords: words / n,
    dateShare: dates / n,
    numberShare: numbers / n,
    idShare: ids / n,
    multiLineShare: multiLine / n,
    distinct: new Set(values).size,
  };
}
