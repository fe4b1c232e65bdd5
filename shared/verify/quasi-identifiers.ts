/**
 * Quasi-identifiers (QIs): the columns of an export that, without naming anyone, can single a person out in
 * combination (country, city, company, product, dates, age, …). This module suggests them, and says how each can
 * be generalised; `k-anonymity.ts` counts them. The user confirms or changes the suggestion before the count.
 *
 * Suggestion rule, per classified column (`ColumnClassification`), in this order:
 * 1. Never a QI: free text (except a job title: the classifier reads a "title" header as free text), confidential
 *    notes, ids (ticket, customer or product ids join tables, they are not facts about a person), and identity
 *    columns (an `identifier` of any type but LOCATION, POSTAL_CODE, ORGANIZATION and DATE_OF_BIRTH: names,
 *    e-mails, phones, usernames, … are pseudonymised, they are direct identifiers, not QIs).
 * 2. A QI: a date column (created_at, Geburtsdatum, …: timestamps narrow down who wrote when); a LOCATION,
 *    POSTAL_CODE, ORGANIZATION or DATE_OF_BIRTH column (even pseudonymised, a consistent pseudonym keeps who shares
 *    a city with whom); and any column whose header names one of these facts, in English, German, French or
 *    Spanish: country, region or state, city, postal code, company, product, plan or tier, date, age, gender,
 *    language, job title.
 * 3. Anything else is not (status, priority, channel, counts, …).
 * Header words match whole tokens ("Land", "pays", "edad", "Ort"); a few longer words also match inside compounds
 * ("Firmenname", "Bundesland", "Geburtsdatum", "codigo_postal"), short ones never do ("Landingpage" is no country).
 * Accents are ignored. A bare "state" is not a QI: in ServiceNow and Jira exports it is the ticket's state.
 *
 * Generalisation: a QI's values are of one kind when at least 80% of its non-empty sampled values are: dates (→
 * month "2024-03" → year "2024"), else postal codes when the header says so, else ages 0..129 (→ 10-year band
 * "30–39" → suppressed), else postal codes unless the header names a date or a number (→ first 2 characters
 * "10***", as the `generalise` operator writes them → suppressed), else cities or regions, half of them not
 * countries (→ country → suppressed); anything else → suppressed. A missing value stays missing at every level; a
 * value a level cannot read is suppressed, so nothing unread stays as is.
 */
import { classifyHeader, headerTokens } from '../detect/column-classifier';
import type { ColumnClassification, EntityType } from '../detect/finding';
import { ageBand, generaliseLocation, generalisePostalCode, parseDate } from '../transform/operators/generalise';

/** Identifier types whose columns are QIs rather than direct identifiers. */
const QI_TYPES: ReadonlySet<EntityType> = new Set(['LOCATION', 'POSTAL_CODE', 'ORGANIZATION', 'DATE_OF_BIRTH']);

/** Header words that name a QI (whole tokens, accents removed). */
const QI_TOKENS: ReadonlySet<string> = new Set([
  // country, nationality
  'country', 'land', 'pays', 'pais', 'nation', 'nationality', 'nationalitat', 'nationalite', 'nacionalidad', 'staatsangehorigkeit',
  // region, state, province
  'region', 'province', 'provinz', 'provincia', 'county', 'canton', 'kanton', 'departement', 'departamento', 'comunidad',
  // city
  'city', 'town', 'stadt', 'ort', 'wohnort', 'ville', 'commune', 'ciudad', 'localidad', 'municipio', 'gemeinde', 'poblacion',
  // postal code
  'zip', 'plz', 'cp', 'postcode', 'postleitzahl',
  // company
  'company', 'organisation', 'organization', 'org', 'firma', 'unternehmen', 'employer', 'arbeitgeber', 'societe', 'entreprise', 'empresa', 'compania', 'employeur',
  // product, plan, tier
  'product', 'produkt', 'produit', 'producto', 'plan', 'tier', 'subscription', 'abo', 'abonnement', 'tarif', 'suscripcion', 'edition', 'license', 'licence', 'lizenz', 'licencia',
  // dates and timestamps
  'date', 'datum', 'fecha', 'timestamp', 'created', 'updated', 'modified', 'opened', 'closed', 'resolved', 'erstellt', 'geandert', 'aktualisiert', 'cree', 'modifie', 'creado', 'actualizado', 'dob',
  // age
  'age', 'alter', 'edad',
  // gender
  'gender', 'sex', 'geschlecht', 'anrede', 'salutation', 'sexe', 'genre', 'civilite', 'sexo', 'genero',
  // language
  'language', 'lang', 'locale', 'sprache', 'langue', 'idioma', 'lengua',
  // job title
  'job', 'jobtitle', 'position', 'occupation', 'profession', 'beruf', 'stelle', 'poste', 'metier', 'fonction', 'cargo', 'puesto', 'ocupacion', 'profesion',
  // time zone
  'timezone', 'zeitzone',
]);

/** Longer header words that name a QI also inside compounds (matched in the header with separators removed). */
const QI_STEMS: readonly string[] = [
  'postalcode', 'zipcode', 'codepostal', 'codigopostal', 'bundesland', 'firmen', 'company', 'organisation', 'organization',
  'geburt', 'birth', 'naissance', 'nacimiento', 'jobtitle', 'berufsbezeichnung', 'titreduposte', 'nationality', 'timezone',
];

/** Header words that name a job title, the one QI the classifier reads as free text ("job_title", "Jobtitel"). */
const JOB_TITLE = /job|beruf|poste|cargo|puesto|position|occupation|profession|fonction|metier/;

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** True when the column's header names a QI fact. */
function headerNamesQi(field: string): boolean {
  const tokens = headerTokens(field).map(plain);
  const compact = tokens.join('');
  return tokens.some((t) => QI_TOKENS.has(t)) || QI_STEMS.some((s) => compact.includes(s));
}

function isQuasiIdentifier(column: ColumnClassification): boolean {
  switch (column.role) {
    case 'confidential-note':
    case 'id':
      return false;
    case 'free-text':
      return JOB_TITLE.test(headerTokens(column.field).map(plain).join(''));
    case 'identifier':
      return column.type !== undefined && QI_TYPES.has(column.type);
    case 'date':
      return true;
    default:
      return headerNamesQi(column.field);
  }
}

/** The fields of the columns that are suggested as quasi-identifiers, in the columns' order. */
export function suggestQuasiIdentifiers(columns: readonly ColumnClassification[]): string[] {
  return columns.filter(isQuasiIdentifier).map((c) => c.field);
}

// ------------------------------------------------------------------------------------------------ value kinds and their levels

/** A way to coarsen a QI's values, e.g. dates to months. */
export interface GeneralisationLevel {
  readonly name: string;
  apply(value: string): string;
}

export type ValueKind = 'date' | 'age' | 'postal-code' | 'place' | 'other';

export const SUPPRESSED = '(suppressed)';
/** Where each level stands in `candidateLevels`. */
const AT = { asIs: 0, month: 1, year: 2, band: 3, postal: 4, country: 5, suppressed: 6 } as const;
const POSTAL_CODE = /^(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4}\s?[A-Z]{2}|\d{3}-\d{4}|\d{2}-\d{3})$/i;
const MONTH_ONLY = /^(?:(?<y>\d{4})-(?<m>\d{1,2})|(?<m2>\d{1,2})[./](?<y2>\d{4}))$/;

/** Year and month of a date ("2024-03-15T10:22Z", "15.03.2024", "March 15, 2024") or of a month ("2024-03"). */
function readMonth(value: string, region: string): { year: number; month: number } | undefined {
  const date = parseDate(value, region);
  if (date) return date;
  const m = MONTH_ONLY.exec(value)?.groups;
  const month = Number(m?.m ?? m?.m2);
  return m && month >= 1 && month <= 12 ? { year: Number(m.y ?? m.y2), month } : undefined;
}

const AS_IS: GeneralisationLevel = { name: 'as is', apply: (v) => v };
const SUPPRESS: GeneralisationLevel = { name: SUPPRESSED, apply: () => SUPPRESSED };

/** A level that keeps a missing value missing and suppresses a value it cannot read, so nothing unread stays as is. */
function level(name: string, generalise: (value: string) => string | undefined): GeneralisationLevel {
  return { name, apply: (v) => (v === '' ? '' : (generalise(v) ?? SUPPRESSED)) };
}

/** The levels of every kind in one list, as is first and suppressed last (`KIND_LEVELS` indexes it). */
export function candidateLevels(region: string): readonly GeneralisationLevel[] {
  return [
    AS_IS,
    level('month', (v) => {
      const d = readMonth(v, region);
      return d && `${d.year}-${String(d.month).padStart(2, '0')}`;
    }),
    level('year', (v) => readMonth(v, region)?.year.toString()),
    level('10-year band', (v) => ageBand(v, 10)),
    level('first 2 characters', (v) => generalisePostalCode(v, 2)),
    level('country', generaliseLocation),
    SUPPRESS,
  ];
}

export const KIND_LEVELS: Readonly<Record<ValueKind, readonly number[]>> = {
  date: [AT.asIs, AT.month, AT.year],
  age: [AT.asIs, AT.band, AT.suppressed],
  'postal-code': [AT.asIs, AT.postal, AT.suppressed],
  place: [AT.asIs, AT.country, AT.suppressed],
  other: [AT.asIs, AT.suppressed],
};

/** The generalisation levels for values of a kind, from "as is" to the coarsest. */
export function generalisationLevels(kind: ValueKind, defaultRegion = 'US'): readonly GeneralisationLevel[] {
  const all = candidateLevels(defaultRegion);
  return KIND_LEVELS[kind].map((i) => all[i]!);
}

/** Per QI, how many sampled values look like each kind. */
export class ValueKindTally {
  nonEmpty = 0;
  date = 0;
  age = 0;
  postal = 0;
  place = 0;
  placeNotCountry = 0;

  /** `generalised`: the value under every candidate level. */
  add(value: string, generalised: readonly string[]): void {
    if (value === '') return;
    this.nonEmpty++;
    const country = generalised[AT.country];
    if (generalised[AT.month] !== SUPPRESSED) this.date++;
    if (generalised[AT.band] !== SUPPRESSED) this.age++;
    if (POSTAL_CODE.test(value)) this.postal++;
    if (country !== SUPPRESSED) this.place++;
    if (country !== SUPPRESSED && country !== value) this.placeNotCountry++;
  }

  /** At least 80% of non-empty values of one kind decide; the header breaks ties (a birth year is no postal code). */
  kind(field: string): ValueKind {
    const most = (n: number): boolean => this.nonEmpty > 0 && n >= 0.8 * this.nonEmpty;
    const header = classifyHeader(field)?.rule;
    const headerSaysDate = header?.role === 'date' || header?.type === 'DATE_OF_BIRTH';
    if (most(this.date)) return 'date';
    if (most(this.postal) && header?.type === 'POSTAL_CODE') return 'postal-code';
    if (most(this.age)) return 'age';
    if (most(this.postal) && !headerSaysDate && header?.role !== 'number') return 'postal-code';
    if (most(this.place) && this.placeNotCountry >= 0.5 * this.nonEmpty) return 'place';
    return 'other';
  }
}
