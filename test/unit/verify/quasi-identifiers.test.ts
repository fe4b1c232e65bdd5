import { describe, expect, it } from 'vitest';
import { classifyColumn } from '../../../shared/detect/column-classifier';
import type { ColumnClassification, ColumnRoleKind, EntityType } from '../../../shared/detect/finding';
import { suggestQuasiIdentifiers } from '../../../shared/verify/quasi-identifiers';

/** The column as the classifier sees it from its header (and a few values, without pattern detectors). */
const classified = (field: string, samples: readonly string[] = []): ColumnClassification => classifyColumn(field, samples, () => []);

const column = (field: string, role: ColumnRoleKind, type?: EntityType): ColumnClassification => ({ field, role, ...(type ? { type } : {}), confidence: 0.8, reasons: [] });

const suggested = (field: string, samples?: readonly string[]): boolean => suggestQuasiIdentifiers([classified(field, samples)]).includes(field);

const DATES = ['2024-03-15T10:22:00Z', '2024-04-01T08:00:00Z'];
const AGES = ['34', '51', '27'];

describe('suggestQuasiIdentifiers: the facts that single a person out, in four languages', () => {
  it.each([
    // English
    ['country'], ['region'], ['city'], ['zip'], ['postal_code'], ['company'], ['organisation'], ['product'], ['plan'], ['tier'],
    ['created_at', DATES], ['updated_at', DATES], ['date_of_birth'], ['age', AGES], ['gender'], ['language'], ['job_title'],
    // German
    ['Land'], ['Bundesland'], ['Stadt'], ['Wohnort'], ['PLZ'], ['Postleitzahl'], ['Firma'], ['Firmenname'], ['Produkt'], ['Tarif'],
    ['Erstellt am', DATES], ['Geburtsdatum'], ['Alter', AGES], ['Geschlecht'], ['Sprache'], ['Berufsbezeichnung'],
    // French
    ['pays'], ['région'], ['ville'], ['code_postal'], ['entreprise'], ['société'], ['produit'], ['abonnement'],
    ['date_de_création', DATES], ['date_de_naissance'], ['âge', AGES], ['sexe'], ['langue'], ['poste'],
    // Spanish
    ['país'], ['provincia'], ['ciudad'], ['código_postal'], ['empresa'], ['producto'], ['fecha_creación', DATES],
    ['fecha_de_nacimiento'], ['edad', AGES], ['sexo'], ['idioma'], ['cargo'],
  ] as [string, string[]?][])('%s is a quasi-identifier', (field, samples) => {
    expect(suggested(field, samples)).toBe(true);
  });

  it.each([
    // English: identities, free text, ids, notes, ticket facts
    ['requester_name'], ['email'], ['phone'], ['ip_address'], ['description'], ['subject'], ['title'], ['ticket_id'], ['customer_id'],
    ['product_id'], ['status'], ['state'], ['priority'], ['internal_note'], ['count', AGES],
    // German
    ['Anrufer'], ['Kundenname'], ['Telefon'], ['E-Mail'], ['Beschreibung'], ['Betreff'], ['Kommentar'], ['Kunden-ID'], ['Status'], ['Interne Notiz'],
    // French
    ['nom'], ['prénom'], ['courriel'], ['téléphone'], ['commentaire'], ['statut'],
    // Spanish
    ['nombre'], ['apellido'], ['correo'], ['teléfono'], ['descripción'], ['asunto'], ['mensaje'], ['estado'],
  ] as [string, string[]?][])('%s is not a quasi-identifier', (field, samples) => {
    expect(suggested(field, samples)).toBe(false);
  });
});

describe('suggestQuasiIdentifiers: the role decides over the header', () => {
  it('takes places, postal codes, organisations and birth dates recognised from their values, whatever the header', () => {
    const columns = [column('Feld 7', 'identifier', 'LOCATION'), column('x2', 'identifier', 'POSTAL_CODE'), column('acct', 'identifier', 'ORGANIZATION'), column('d', 'identifier', 'DATE_OF_BIRTH')];
    expect(suggestQuasiIdentifiers(columns)).toEqual(['Feld 7', 'x2', 'acct', 'd']);
  });

  it('takes every date column, named or not', () => {
    expect(suggestQuasiIdentifiers([column('ts1', 'date'), column('resolved', 'date')])).toEqual(['ts1', 'resolved']);
  });

  it('leaves out identity columns, ids, notes and prose even when the header names a fact', () => {
    const columns = [
      column('company_contact', 'identifier', 'PERSON'),
      column('city_email', 'identifier', 'EMAIL'),
      column('country_code', 'id'),
      column('product_notes', 'free-text'),
      column('company_internal', 'confidential-note'),
    ];
    expect(suggestQuasiIdentifiers(columns)).toEqual([]);
  });

  it('keeps the columns in their order', () => {
    const columns = [classified('subject'), classified('ville'), classified('email'), classified('Alter', AGES), classified('created_at', DATES)];
    expect(suggestQuasiIdentifiers(columns)).toEqual(['ville', 'Alter', 'created_at']);
  });
});
