import { describe, expect, it } from 'vitest';
import { classifyColumn, classifyHeader, headerTokens } from '../../../shared/detect/column-classifier';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';

const registry = createDefaultRegistry();
const detect = registry.detect.bind(registry);
const classify = (field: string, values: string[] = []) => classifyColumn(field, values, detect);

describe('column classification', () => {
  it('splits header names into words', () => {
    expect(headerTokens('requesterEmail')).toEqual(['requester', 'email']);
    expect(headerTokens('E-Mail-Adresse')).toEqual(['e', 'mail', 'adresse']);
    expect(headerTokens('comments[].author_name')).toEqual(['author', 'name']);
    expect(headerTokens('["Nom du client"]')).toEqual(['nom', 'du', 'client']);
  });

  it.each([
    ['requester_email', 'identifier', 'EMAIL'],
    ['E-Mail-Adresse', 'identifier', 'EMAIL'],
    ['Telefonnummer', 'identifier', 'PHONE'],
    ['phone_number', 'identifier', 'PHONE'],
    ['client_ip', 'identifier', 'IP_ADDRESS'],
    ['Kunde', 'identifier', 'PERSON'],
    ['Anrufer', 'identifier', 'PERSON'],
    ['requester_name', 'identifier', 'PERSON'],
    ['customer_id', 'id', undefined],
    ['ticket_id', 'id', undefined],
    ['Firma', 'identifier', 'ORGANIZATION'],
    ['Adresse', 'identifier', 'STREET_ADDRESS'],
    ['PLZ', 'identifier', 'POSTAL_CODE'],
    ['ville', 'identifier', 'LOCATION'],
    ['sort_code', 'identifier', 'IBAN'],
    ['RoutingNumber', 'identifier', 'IBAN'],
    ['bic', 'identifier', 'IBAN'],
    ['Bankleitzahl', 'identifier', 'IBAN'],
    ['wallet_address', 'identifier', 'IBAN'],
    ['account_number', 'id', undefined],
    ['serial_number', 'identifier', 'USERNAME'],
    ['VIN', 'identifier', 'USERNAME'],
    ['device_imei', 'identifier', 'USERNAME'],
    ['work_notes', 'confidential-note', undefined],
    ['internal_note', 'confidential-note', undefined],
    ['Interne Notiz', 'confidential-note', undefined],
    ['description', 'free-text', undefined],
    ['Betreff', 'free-text', undefined],
    ['created_at', 'date', undefined],
    ['status', 'category', undefined],
  ])('reads the header %s as %s %s', (field, role, type) => {
    const c = classify(field);
    expect(c.role).toBe(role);
    expect(c.type).toBe(type);
    expect(c.reasons.join(' ')).toMatch(/header/);
  });

  it('lets values that are wholly e-mails or IPs decide, whatever the header says', () => {
    const c = classify('contact', ['anna@example.com', 'bob@example.org', 'carla@example.net', '']);
    expect(c).toMatchObject({ role: 'identifier', type: 'EMAIL', confidence: 1 });
    expect(c.reasons[0]).toBe('100% of 3 sampled values are EMAIL');
    expect(classify('col7', ['203.0.113.4', '198.51.100.7', '2001:db8::1'])).toMatchObject({ role: 'identifier', type: 'IP_ADDRESS' });
  });

  it('falls back on value statistics when the header says nothing', () => {
    expect(classify('col1', ['2024-01-02T10:00:00Z', '2024-01-03T11:00:00Z']).role).toBe('date');
    expect(classify('col2', ['12', '7.5', '300']).role).toBe('number');
    expect(classify('col3', ['The printer on floor three has been offline since Monday morning', 'Cannot log in after the update, please help'])).toMatchObject({ role: 'free-text' });
    expect(classify('col4', Array.from({ length: 40 }, (_, i) => ['open', 'pending', 'solved'][i % 3]!)).role).toBe('category');
    expect(classify('col5', []).role).toBe('other');
  });

  it('does not take a flag for a note, nor prose for a name', () => {
    expect(classify('is_private', ['true', 'false', 'true']).role).toBe('category');
    expect(classify('name', ['This is a very long text that is clearly not a name of anybody at all'])).toMatchObject({ role: 'free-text' });
  });

  it('knows no rule for a meaningless header', () => {
    expect(classifyHeader('xyz')).toBeUndefined();
  });
});
