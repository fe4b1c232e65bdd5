import { describe, expect, it } from 'vitest';
import { nationalIdDetector } from '../../../shared/detect/detectors/national-id';
import {
  iso7064Mod11_10,
  isValidDeSteuerId,
  isValidEsDni,
  isValidEsNie,
  isValidFrNir,
  isValidInAadhaar,
  isValidInPan,
  isValidItCodiceFiscale,
  isValidUkNino,
  isValidAuTfn,
  isValidCaSin,
  isValidUkNhs,
  isValidUsItin,
  isValidUsSsn,
  verhoeffValid,
} from '../../../shared/detect/validators/national-id-checksums';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => nationalIdDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
const patterns = (text: string) => detect(text).map((f) => f.explanation.pattern);

describe('national-id validators', () => {
  it('US SSN area/group/serial rules', () => {
    expect(isValidUsSsn('078051120')).toBe(true); // the Woolworth sample: structurally valid (see national-id.ts)
    expect(isValidUsSsn('123456789')).toBe(true);
    for (const bad of ['000123456', '666123456', '900123456', '999123456', '123004567', '123450000', '12345678', '12345678a']) {
      expect(isValidUsSsn(bad)).toBe(false);
    }
  });

  it('US ITIN: a 9, then a group in 50-65, 70-88, 90-92 or 94-99', () => {
    for (const group of [50, 65, 70, 88, 90, 92, 94, 99]) expect(isValidUsItin(`912${group}1234`)).toBe(true);
    for (const group of [49, 66, 69, 89, 93, 10]) expect(isValidUsItin(`912${group}1234`)).toBe(false);
    for (const bad of ['812701234', '91270123', '9127012345', '91270123a']) expect(isValidUsItin(bad)).toBe(false);
  });

  it('UK NHS number: mod-11 check digit, 10 never issued', () => {
    expect(isValidUkNhs('9434765919')).toBe(true);
    expect(isValidUkNhs('4010232137')).toBe(true);
    for (const bad of ['9434765918', '943476591', '94347659190', '943476591a']) expect(isValidUkNhs(bad)).toBe(false);
    // a first nine digits whose check digit would be 10 are never issued: no tenth digit makes them valid
    const withCheckTen = Array.from({ length: 200 }, (_, i) => String(100000000 + i)).find((p) => {
      let sum = 0;
      for (let k = 0; k < 9; k++) sum += Number(p[k]) * (10 - k);
      return 11 - (sum % 11) === 10;
    })!;
    for (let d = 0; d <= 9; d++) expect(isValidUkNhs(`${withCheckTen}${d}`)).toBe(false);
  });

  it('Canadian SIN: Luhn, never 0 or 8 first; Australian TFN: weighted mod 11, eight or nine digits', () => {
    expect(isValidCaSin('130456783')).toBe(true);
    for (const bad of ['130456784', '046454286', '846454286', '13045678']) expect(isValidCaSin(bad)).toBe(false);
    expect(isValidAuTfn('123456782')).toBe(true);
    expect(isValidAuTfn('876543210')).toBe(true);
    for (const bad of ['123456783', '000000000', '1234567', '1234567890']) expect(isValidAuTfn(bad)).toBe(false);
  });

  it('UK NINO prefix and suffix rules', () => {
    expect(isValidUkNino('AB123456C')).toBe(true);
    expect(isValidUkNino('JG103759A')).toBe(true);
    for (const bad of ['QQ123456C', 'DA123456A', 'FA123456A', 'IA123456A', 'UA123456A', 'VA123456A', 'AO123456A', 'AD123456A']) {
      expect(isValidUkNino(bad)).toBe(false);
    }
    for (const bad of ['BG123456A', 'GB123456A', 'KN123456A', 'NK123456A', 'NT123456A', 'TN123456A', 'ZZ123456A']) {
      expect(isValidUkNino(bad)).toBe(false);
    }
    expect(isValidUkNino('AB123456E')).toBe(false);
    expect(isValidUkNino('ab123456c')).toBe(false); // expects upper case
  });

  it('DE Steuer-ID: MOD 11,10 and the repetition rule', () => {
    expect(iso7064Mod11_10('8609574271')).toBe(9);
    for (const ok of ['86095742719', '47036892816', '65929970489', '57549285017', '25768131411', '11213456783']) {
      expect(isValidDeSteuerId(ok)).toBe(true);
    }
    expect(isValidDeSteuerId('86095742718')).toBe(false); // check digit
    expect(isValidDeSteuerId('12345678903')).toBe(false); // no repeated digit
    expect(isValidDeSteuerId('11123456786')).toBe(false); // three identical digits in a row
    expect(isValidDeSteuerId('06095742719')).toBe(false); // leading zero
    expect(isValidDeSteuerId('8609574271')).toBe(false);
  });

  it('FR NIR: mod-97 key, Corsica, sex and month', () => {
    expect(isValidFrNir('255081416802538')).toBe(true);
    expect(isValidFrNir('184127645108946')).toBe(true);
    expect(isValidFrNir('184052A00100918')).toBe(true);
    expect(isValidFrNir('184052b00100945')).toBe(true);
    expect(isValidFrNir('184052A00100945')).toBe(false); // 2B's key on a 2A number
    expect(isValidFrNir('255081416802539')).toBe(false);
    expect(isValidFrNir('555081416802538')).toBe(false); // sex digit
    expect(isValidFrNir('25513141680253')).toBe(false);
  });

  it('ES DNI and NIE control letters', () => {
    expect(isValidEsDni('12345678Z')).toBe(true);
    expect(isValidEsDni('12345678A')).toBe(false);
    expect(isValidEsNie('X1234567L')).toBe(true);
    expect(isValidEsNie('Y1234567X')).toBe(true);
    expect(isValidEsNie('Z1234567R')).toBe(true);
    expect(isValidEsNie('X1234567A')).toBe(false);
  });

  it('IT codice fiscale check letter, omocodia and date', () => {
    expect(isValidItCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
    expect(isValidItCodiceFiscale('BNCLRA80A41F205G')).toBe(true);
    expect(isValidItCodiceFiscale('RSSMRA85T10A56NH')).toBe(true); // omocodia: 2 -> N
    expect(isValidItCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
    expect(isValidItCodiceFiscale('RSSMRA85Z10A562S')).toBe(false); // Z is not a month
    expect(isValidItCodiceFiscale('RSSMRA85T10A56AS')).toBe(false); // A is not an omocodia letter
  });

  it('Verhoeff and Aadhaar', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    expect(isValidInAadhaar('234123412346')).toBe(true);
    expect(isValidInAadhaar('234123412345')).toBe(false);
    expect(verhoeffValid('123412341234')).toBe(true);
    expect(isValidInAadhaar('123412341234')).toBe(false); // Verhoeff-valid, but the first digit is 1
  });

  it('PAN holder type', () => {
    expect(isValidInPan('ABCPE1234F')).toBe(true);
    expect(isValidInPan('AAACB1234C')).toBe(true);
    expect(isValidInPan('ABCDE1234F')).toBe(false);
    expect(isValidInPan('abcpe1234f')).toBe(false);
  });
});

describe('nationalIdDetector — finds', () => {
  it('declares its id, version and type', () => {
    expect(nationalIdDetector.id).toBe('national-id');
    expect(nationalIdDetector.version).toBe('1');
    expect(nationalIdDetector.types).toEqual(['NATIONAL_ID']);
  });

  it.each([
    ['078-05-1120', 'us-ssn', 0.85],
    ['219-09-9999', 'us-ssn', 0.85],
    ['AB 12 34 56 C', 'uk-nino', 0.85],
    ['AB123456C', 'uk-nino', 0.75],
    ['AB 123456 C', 'uk-nino', 0.85],
    ['86 095 742 719', 'de-steuer-id', 0.9],
    ['2 55 08 14 168 025 38', 'fr-nir', 0.9],
    ['1 84 05 2A 001 009 18', 'fr-nir', 0.9],
    ['184052A00100918', 'fr-nir', 0.65],
    ['255081416802538', 'fr-nir', 0.65],
    ['12345678Z', 'es-dni', 0.85],
    ['12345678-Z', 'es-dni', 0.85],
    ['X1234567L', 'es-nie', 0.85],
    ['X-1234567-L', 'es-nie', 0.85],
    ['RSSMRA85T10A562S', 'it-codice-fiscale', 0.9],
    ['rssmra85t10a562s', 'it-codice-fiscale', 0.9],
    ['RSSMRA85T10A56NH', 'it-codice-fiscale', 0.9],
    ['2341 2341 2346', 'in-aadhaar', 0.8],
    ['2341-2341-2346', 'in-aadhaar', 0.8],
    ['ABCPE1234F', 'in-pan', 0.75],
  ])('finds %j as %s (%s) with exact offsets', (id, pattern, score) => {
    const text = `Customer gave ${id} on the phone.`;
    const fs = detect(text);
    const start = text.indexOf(id);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ start, end: start + id.length, type: 'NATIONAL_ID', score, detector: 'national-id' });
    expect(fs[0]?.explanation).toEqual({ pattern, validation: pattern === 'in-pan' ? 'none' : 'passed', context: [] });
  });

  it.each([
    ['SSN: 078-05-1120', '078-05-1120', 'us-ssn', 0.95, 'ssn'],
    ['Social Security 078 05 1120', '078 05 1120', 'us-ssn-unformatted', 0.85, 'security'],
    ['ssn 078051120', '078051120', 'us-ssn-unformatted', 0.85, 'ssn'],
    ['NI number AB123456C', 'AB123456C', 'uk-nino', 0.85, 'ni'],
    ['Steuer-ID: 86095742719', '86095742719', 'de-steuer-id-compact', 0.9, 'steuer'],
    ['Steueridentifikationsnummer 86095742719', '86095742719', 'de-steuer-id-compact', 0.9, 'steueridentifikationsnummer'],
    ['IdNr. 86 095 742 719', '86 095 742 719', 'de-steuer-id', 0.95, 'idnr'],
    ['tax id 47036892816', '47036892816', 'de-steuer-id-compact', 0.9, 'tax'],
    ['n° de sécurité sociale : 255081416802538', '255081416802538', 'fr-nir', 0.9, 'sociale'],
    ['DNI 12345678Z', '12345678Z', 'es-dni', 0.95, 'dni'],
    ['codice fiscale: RSSMRA85T10A562S', 'RSSMRA85T10A562S', 'it-codice-fiscale', 0.95, 'fiscale'],
    ['Aadhaar no. 234123412346', '234123412346', 'in-aadhaar-compact', 0.9, 'aadhaar'],
    ['PAN: ABCPE1234F', 'ABCPE1234F', 'in-pan', 0.9, 'pan'],
  ])('uses context in %j', (text, value, pattern, score, word) => {
    const fs = detect(text);
    expect(fs).toHaveLength(1);
    expect(text.slice(fs[0]!.start, fs[0]!.end)).toBe(value);
    expect(fs[0]?.explanation.pattern).toBe(pattern);
    expect(fs[0]?.score).toBe(score);
    expect(fs[0]?.explanation.context.map((c) => c.word)).toEqual([word]);
  });

  it('records the whole score as the effect of a word that a pattern requires', () => {
    expect(detect('SSN 078051120')[0]?.explanation.context).toEqual([{ word: 'ssn', effect: 0.85 }]);
    expect(detect('SSN 078-05-1120')[0]?.explanation.context).toEqual([{ word: 'ssn', effect: 0.1 }]);
  });

  it('lowers digit patterns after identifier words', () => {
    const [f] = detect('Order 078-05-1120');
    expect(f?.score).toBeCloseTo(0.45);
    expect(f?.explanation.context).toEqual([{ word: 'order', effect: -0.4 }]);
    expect(detect('invoice 12345678Z')[0]?.score).toBeCloseTo(0.45);
    expect(detect('SKU ABCPE1234F')[0]?.score).toBeCloseTo(0.35);
    // ... but the nearest word wins
    expect(detect('order for DNI 12345678Z')[0]?.score).toBe(0.95);
  });

  it('accepts lower case only where it is not prose-like', () => {
    expect(found('nino ab123456c')).toEqual(['ab123456c']);
    expect(found('nie x1234567l')).toEqual(['x1234567l']);
    expect(found('dni 12345678z')).toEqual(['12345678z']);
    expect(found('dni 12345678-z')).toEqual(['12345678-z']);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve 😀 SSN 078-05-1120 🇫🇷 NIR 2 55 08 14 168 025 38 — DNI 12345678Z';
    const expected = ['078-05-1120', '2 55 08 14 168 025 38', '12345678Z'].map((v) => [text.indexOf(v), text.indexOf(v) + v.length]);
    expect(detect(text).map((f) => [f.start, f.end])).toEqual(expected);
  });
});

describe('nationalIdDetector — does not report', () => {
  it.each([
    ['an SSN with area 000', '000-12-3456'],
    ['an SSN with area 666', '666-12-3456'],
    ['an SSN with area 9xx', '900-12-3456'],
    ['an SSN with group 00', '123-00-4567'],
    ['an SSN with serial 0000', '123-45-0000'],
    ['nine digits without SSN context', '078051120'],
    ['an SSN inside a longer number', '1-078-05-1120'],
    ['an SSN continued', '078-05-1120-5'],
    ['an SSN glued to letters', 'x078-05-1120'],
    ["HMRC's specimen NINO (Q prefix never allocated)", 'QQ 12 34 56 C'],
    ['a NINO with an excluded prefix', 'GB 12 34 56 A'],
    ['a NINO with a bad suffix', 'AB 12 34 56 E'],
    ['a mixed-case NINO', 'Ab123456C'],
    ['a compact Steuer-ID without context', '86095742719'],
    ['a Steuer-ID with a wrong check digit', 'Steuer-ID 86095742718'],
    ['a formatted Steuer-ID with a wrong check digit', '86 095 742 718'],
    ['a NIR with a wrong key', '2 55 08 14 168 025 39'],
    ['a DNI with a wrong letter', '12345678A'],
    ['a NIE with a wrong letter', 'X1234567A'],
    ['a codice fiscale with a wrong check letter', 'RSSMRA85T10A562T'],
    ['an Aadhaar with a wrong check digit', '2341 2341 2345'],
    ['a Verhoeff-valid Aadhaar starting with 1', '1234 1234 1234'],
    ['a compact Aadhaar without context', '234123412346'],
    ['an Aadhaar inside a card number', '2341 2341 2346 1234'],
    ['a PAN with a bad holder type', 'ABCDE1234F'],
    ['a lower-case PAN', 'abcpe1234f'],
    ['a spaced lower-case NINO (prose)', 'meet at 12 34 56 a'],
    ['a DNI with a lower-case letter after a space (prose)', 'pedido 12345678 z'],
    ['a spaced lower-case NIE', 'x 1234567 l'],
    ['a version number', 'version 10.0.19041.1 build 078.05.1120'],
    ['an order total', 'Total: 12,345,678.90 EUR'],
    ['a timestamp', '20240115093000 2024-01-15T09:30:00Z'],
    ['a GUID', '550e8400-e29b-41d4-a716-446655440000 12345678-1234-1234-1234-123456789012'],
    ['a phone number', 'call +44 20 7946 0958 or +1 415-555-2671'],
    ['a card number', '4111 1111 1111 1111'],
    ['an IBAN', 'DE89 3704 0044 0532 0130 00'],
  ])('%s: %j', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('drops context-gated patterns when the nearest word is an identifier word', () => {
    expect(detect('SSN for order 078051120')).toEqual([]);
  });

  it('returns nothing without digits', () => {
    expect(detect('no numbers here at all')).toEqual([]);
  });

  it('names every pattern it found', () => {
    expect(patterns('SSN 078-05-1120, NINO AB123456C, CF RSSMRA85T10A562S')).toEqual(['us-ssn', 'uk-nino', 'it-codice-fiscale']);
  });
});

describe('nationalIdDetector — driver licences and dotted SSNs', () => {
  it('takes the value right after a driver-licence label', () => {
    expect(found("My driver's license number is A56319335")).toEqual(['A56319335']);
    expect(found("my driver's license number is a56319335.")).toEqual(['a56319335']);
    expect(found('Driving licence no. LH329609T please')).toEqual(['LH329609T']);
    expect(found('Drivers License: 425700624')).toEqual(['425700624']);
    expect(found("driver's license is D1234-56789-01234 ok")).toEqual(['D1234-56789-01234']);
    expect(found("driver's license 123 456 789.")).toEqual(['123 456 789']);
    expect(found('Führerscheinnummer: B072RRE2I55')).toEqual(['B072RRE2I55']);
    expect(found('permis de conduire n° 123456789012')).toEqual(['123456789012']);
    expect(found('licencia de conducir: 12345678')).toEqual(['12345678']);
    expect(patterns("driver's license number is U62928788557186")).toEqual(['driver-license']);
    expect(detect("driver's license number is M943688896309")[0]?.explanation.context[0]?.word).toBe("driver's license");
  });

  it('needs the label and a value with at least four digits', () => {
    expect(found('driver license: 12 days')).toEqual([]);
    expect(found("driver's license number is pending, ticket 12345")).toEqual([]);
    expect(found('drivers license ABCDEFG1')).toEqual([]);
    expect(found('license number is A56319335')).toEqual([]);
    expect(found('software license key 1234-5678')).toEqual([]);
    expect(found("driver's license 12345678901234567890123")).toEqual([]);
  });

  it('takes the value right after a passport or identity-card label', () => {
    expect(found('My passport number is 533380006 and it expires in 2030.')).toEqual(['533380006']);
    expect(found('Passport No: X1234567')).toEqual(['X1234567']);
    expect(found('passport 533 380 006.')).toEqual(['533 380 006']);
    expect(found('Reisepassnummer C01X00T47')).toEqual(['C01X00T47']);
    expect(found('Pass-Nr. C01X00T47')).toEqual(['C01X00T47']);
    expect(found('numéro de passeport 12AB34567')).toEqual(['12AB34567']);
    expect(found('pasaporte: PAA123456')).toEqual(['PAA123456']);
    expect(patterns('ID card number T22000129')).toEqual(['id-card']);
    expect(found('Personalausweisnummer L01X00T47')).toEqual(['L01X00T47']);
    expect(found("carte d'identité n° 880692310285")).toEqual(['880692310285']);
    expect(detect('Reisepassnummer C01X00T47')[0]?.explanation.context[0]?.word).toBe('reisepassnummer');
  });

  it('a document label needs a value with five digits or more right after it', () => {
    expect(found('passport photo 2 attached')).toEqual([]);
    expect(found('Passport Office 12345 called')).toEqual([]);
    expect(found('passport expires 2030')).toEqual([]);
    expect(found('my passport: 2030')).toEqual([]);
    expect(found('the ID card reader model 4471 failed')).toEqual([]);
    expect(found('credit card 4111 1111 1111 1111')).toEqual([]);
    expect(found('compass 12345678')).toEqual([]);
  });

  it('more countries, each with its checksum', () => {
    expect(patterns('CPF 529.982.247-25')).toEqual(['br-cpf']);
    expect(found('meu CPF é 52998224725')).toEqual(['52998224725']);
    expect(found('CPF 529.982.247-26')).toEqual([]); // check digit
    expect(found('PESEL: 44051401359')).toEqual(['44051401359']);
    expect(found('PESEL: 44051401358')).toEqual([]);
    expect(found('mijn BSN is 111222333, sofinummer 1234.56.782')).toEqual(['111222333', '1234.56.782']);
    expect(found('BSN 123456789')).toEqual([]); // 11-proof
    expect(found('personnummer 811218-9876, född 19811218-9876')).toEqual(['811218-9876', '19811218-9876']);
    expect(found('henkilötunnus 131052-308T')).toEqual(['131052-308T']);
    expect(found('131052-308U')).toEqual([]);
    expect(found('NRIC S1234567D, FIN G1234567X')).toEqual(['S1234567D', 'G1234567X']);
    expect(found('S1234567A')).toEqual([]);
    expect(patterns('RRN 800101-1234560')).toEqual(['kr-rrn']);
    expect(found('800101-1234561')).toEqual([]);
    expect(found('身份证 11010519491231002X')).toEqual(['11010519491231002X']);
    expect(found('110105194912310021')).toEqual([]);
  });

  it('the compact forms of CPF, PESEL, BSN and short personnummer need their word', () => {
    expect(found('order 52998224725')).toEqual([]);
    expect(found('order 44051401359')).toEqual([]);
    expect(found('call 111222333')).toEqual([]);
    expect(found('ref 811218-9876')).toEqual([]);
  });

  it('licence plates after their label, in capitals and digits', () => {
    expect(found('My license plate is ABC-1234 and the car was towed')).toEqual(['ABC-1234']);
    expect(found('number plate AB12 CDE')).toEqual(['AB12 CDE']);
    expect(found('Kennzeichen: M-AB 1234')).toEqual(['M-AB 1234']);
    expect(found("plaque d'immatriculation AB-123-CD")).toEqual(['AB-123-CD']);
    expect(found('matrícula 1234 BCD')).toEqual(['1234 BCD']);
    expect(patterns('targa AB123CD')).toEqual(['license-plate']);
    expect(detect('licence plate: AB12 CDE')[0]).toMatchObject({ type: 'NATIONAL_ID', score: 0.85, explanation: { context: [{ word: 'licence plate' }] } });
  });

  it('a plate label needs letters and digits, in capitals, right after it', () => {
    expect(found('license plate unknown')).toEqual([]);
    expect(found('licence plate: ABCDEFG')).toEqual([]);
    expect(found('license plate 1234567')).toEqual([]);
    expect(found('license plate abc-1234')).toEqual([]);
    expect(found('the plate was broken 12345')).toEqual([]);
    expect(found('number plate AB12 CDE FG34 HI56 JK')).toEqual([]);
  });

  it('NHS, SIN and TFN numbers: checksum and their word before them, in any grouping', () => {
    expect(patterns('NHS number: 943 476 5919')).toEqual(['uk-nhs']);
    expect(found('my NHS no is 9434765919.')).toEqual(['9434765919']);
    expect(found('NHS 943 476 5918')).toEqual([]); // check digit
    expect(found('call 943 476 5919')).toEqual([]); // no word: a phone number's shape
    expect(patterns('my social insurance number is 130 456 783')).toEqual(['ca-sin']);
    expect(found('SIN: 130-456-783')).toEqual(['130-456-783']);
    expect(found('order 130 456 783')).toEqual([]);
    expect(patterns('Tax File Number 123 456 782')).toEqual(['au-tfn']);
    expect(found('TFN: 876543210')).toEqual(['876543210']);
    expect(found('TFN: 876543211')).toEqual([]);
  });

  it('ITIN: formatted alone, unformatted with its word; the group must be an ITIN group', () => {
    expect(patterns('ITIN 912-70-1234')).toEqual(['us-itin']);
    expect(patterns('taxpayer number 912-70-1234')[0]).toBe('us-itin');
    expect(found('my ITIN is 912701234')).toEqual(['912701234']);
    expect(found('tax id 912 70 1234')).toEqual(['912 70 1234']);
    expect(found('reference 912701234')).toEqual([]);
    expect(found('ITIN 912-66-1234')).toEqual([]); // 66-69 are not ITIN groups, and no SSN starts with 9
    expect(found('ITIN 912-93-1234')).toEqual([]);
  });

  it('SSN with dots needs context like the other unformatted forms', () => {
    expect(found('SSN 078.05.1120')).toEqual(['078.05.1120']);
    expect(patterns('social security number: 123.45.6789')).toEqual(['us-ssn-unformatted']);
    expect(found('version 078.05.1120')).toEqual([]);
    expect(found('SSN 078.05-1120')).toEqual([]); // one separator kind
  });

  it('still finds IDs whose shape the digit-run prefilter must not hide', () => {
    expect(found('NINO AB 12 34 56 C')).toEqual(['AB 12 34 56 C']);
    expect(found('DNI 12345678-Z')).toEqual(['12345678-Z']);
    expect(found('Steuer-ID 86 095 742 719')).toEqual(['86 095 742 719']);
  });

  it('still finds grouped IDs whose digit chain the prefilter reads (every separator the patterns allow)', () => {
    expect(found('SSN 078\u00a005\u00a01120')).toEqual(['078\u00a005\u00a01120']);
    expect(found('ssn 078.05.1120')).toEqual(['078.05.1120']);
    expect(found('IdNr. 86\u00a0095\u00a0742\u00a0719')).toEqual(['86\u00a0095\u00a0742\u00a0719']);
    expect(found('2341-2341-2346')).toEqual(['2341-2341-2346']);
    expect(found('NHS 943-476-5919')).toEqual(['943-476-5919']);
    expect(found('personnummer 811218+9876')).toEqual(['811218+9876']);
    expect(found('1 84 05 2A 001 009 18')).toEqual(['1 84 05 2A 001 009 18']); // NIR: a letter inside, not chain-gated
  });
});

describe('nationalIdDetector — adversarial input (must complete)', () => {
  const M = 1 << 20;
  it('long digit runs and separator runs', () => {
    expect(detect('1'.repeat(M))).toEqual([]);
    expect(detect('2'.repeat(M))).toEqual([]);
    expect(detect('1 '.repeat(M / 2))).toEqual([]);
    expect(detect('12-'.repeat(M / 3))).toEqual([]);
    expect(detect('123-45-'.repeat(M / 7))).toEqual([]);
    expect(detect('2341 '.repeat(M / 5))).toEqual([]);
  }, 10_000);
  it('long letter and mixed runs', () => {
    expect(detect('A'.repeat(M) + '1')).toEqual([]);
    expect(detect('AB 12 '.repeat(M / 6))).toEqual([]);
    expect(detect('X1234567'.repeat(M / 8))).toEqual([]);
    expect(detect('RSSMRA85'.repeat(M / 8))).toEqual([]);
  }, 10_000);
  it('repeated driver-licence labels', () => {
    expect(detect("driver's license ".repeat(M / 17) + '1234')).toEqual([]);
    expect(detect("driver's license number is 12-".repeat(M / 30))).toEqual([]);
    expect(detect('Führerschein '.repeat(M / 13) + 'A1234')).toHaveLength(1);
  }, 10_000);
  it('many IDs', () => {
    expect(detect('SSN 078-05-1120; '.repeat(50_000))).toHaveLength(50_000);
  }, 10_000);
});
