import { describe, expect, it } from 'vitest';
import { streetAddressDetector, tokenize, TK_MIXED, TK_NUM, TK_ORD, TK_PUNCT, TK_WORD } from '../../../shared/detect/detectors/street-address';
import type { Detector, Finding } from '../../../shared/detect/finding';
import { createDetectorRegistry } from '../../../shared/detect/registry';

const ctx = { field: 'body', defaultRegion: 'US' };
/** Whole addresses only (the detector also reports their pieces, see below). */
const detect = (text: string): Finding[] => streetAddressDetector.detect(text, ctx).filter((f) => !f.explanation.pattern.endsWith('/part'));
const found = (text: string): string[] => detect(text).map((f) => text.slice(f.start, f.end));
/** The one address in `text`, which must be exactly `expected`, at its exact offsets. */
const expectOne = (text: string, expected: string): Finding => {
  const fs = detect(text);
  expect(fs.map((f) => text.slice(f.start, f.end))).toEqual([expected]);
  const start = text.indexOf(expected);
  expect(fs[0]!.start).toBe(start);
  expect(fs[0]!.end).toBe(start + expected.length);
  expect(fs[0]!.type).toBe('STREET_ADDRESS');
  return fs[0]!;
};

describe('streetAddressDetector', () => {
  it('declares its id, version and type', () => {
    expect(streetAddressDetector.id).toBe('street-address');
    expect(streetAddressDetector.version).toBe('1');
    expect(streetAddressDetector.types).toEqual(['STREET_ADDRESS']);
  });

  describe('English', () => {
    it.each([
      ['Deliver to 221B Baker Street tomorrow.', '221B Baker Street'],
      ['Send it to 1600 Pennsylvania Ave NW, Washington, DC 20500 please', '1600 Pennsylvania Ave NW, Washington, DC 20500'],
      ['New address: Flat 3, 12 High St, London SW1A 1AA', 'Flat 3, 12 High St, London SW1A 1AA'],
      ['Please ship the replacement to 42 Elm Road, Springfield, IL 62704 by Friday.', '42 Elm Road, Springfield, IL 62704'],
      ['ship to 42 Elm Road, Springfield, il 62704 in case of an issue', '42 Elm Road, Springfield, il 62704'],
      ['Our office: Suite 400, 1 Infinite Loop, Cupertino, CA 95014', 'Suite 400, 1 Infinite Loop, Cupertino, CA 95014'],
      ['I am at 10 Downing St, London SW1A 2AA today.', '10 Downing St, London SW1A 2AA'],
      ['Kindly update to Unit 5/12 Smith Street, Fitzroy VIC 3065.', 'Unit 5/12 Smith Street, Fitzroy VIC 3065'],
      ['The courier went to 350 5th Avenue but nobody was home.', '350 5th Avenue'],
      ['Return to 1600 Amphitheatre Pkwy, Mountain View, CA 94043-1351!', '1600 Amphitheatre Pkwy, Mountain View, CA 94043-1351'],
      ['she moved to 7 Rosemary Crescent.', '7 Rosemary Crescent'],
      ['mail it to 3503 bicetown road apt 5, thanks', '3503 bicetown road apt 5'],
      ['Meet me at the corner of Maple Street and 5th Avenue tonight', 'the corner of Maple Street and 5th Avenue'],
    ])('finds the address in %j', (text, expected) => {
      const f = expectOne(text, expected);
      expect(f.score).toBeGreaterThanOrEqual(0.6);
      expect(f.score).toBeLessThanOrEqual(0.95);
    });

    it('reports PO boxes, US military and standalone units', () => {
      expect(found('PO Box 123')).toEqual(['PO Box 123']);
      expect(found('Mailing address: P.O. Box 4411, Austin, TX 78701')).toEqual(['P.O. Box 4411, Austin, TX 78701']);
      expect(found('Unit 2050 Box 4190\nAPO AP 96278')).toEqual(['Unit 2050 Box 4190\nAPO AP 96278']);
      expect(found('PSC 802, Box 74\nAPO AE 09499')).toEqual(['PSC 802, Box 74\nAPO AE 09499']);
      expect(found('Apt 4B')).toEqual(['Apt 4B']);
      expect(found('Suite 200')).toEqual(['Suite 200']);
      expect(found('Deliver to apartment 12 please')).toEqual(['apartment 12']);
    });

    it('scores by evidence: type + number is the base; a unit, city and validated postcode raise it', () => {
      const base = expectOne('at 221B Baker Street ok', '221B Baker Street');
      expect(base.score).toBe(0.75);
      expect(base.explanation).toEqual({ pattern: 'en-street', validation: 'none', context: [] });
      const full = expectOne('Flat 3, 12 High St, London SW1A 1AA', 'Flat 3, 12 High St, London SW1A 1AA');
      expect(full.score).toBe(0.95);
      expect(full.explanation.validation).toBe('passed');
      expect(full.explanation.context).toEqual([
        { word: 'flat', effect: 0.05 },
        { word: 'postcode SW1A 1AA', effect: 0.15 },
        { word: 'london', effect: 0.05 },
      ]);
      const weak = expectOne('at 5 Hill Close ok', '5 Hill Close');
      expect(weak.score).toBe(0.7);
      const lower = expectOne('at 5 hill road ok', '5 hill road');
      expect(lower.score).toBe(0.6);
      expect(expectOne('Apt 4B', 'Apt 4B').score).toBe(0.6);
    });

    it('records an address cue word before the address', () => {
      const f = expectOne('He lives at 42 Elm Road.', '42 Elm Road');
      expect(f.explanation.context).toEqual([{ word: 'lives', effect: 0.1 }]);
      expect(f.score).toBe(0.85);
    });
  });

  describe('German', () => {
    it.each([
      ['Hauptstraße 5', 'Hauptstraße 5', 'compound'],
      ['Treffpunkt Am Markt 12a', 'Am Markt 12a', 'de-preposition'],
      ['Lieferung an Lindenallee 7, 10115 Berlin bitte', 'Lindenallee 7, 10115 Berlin', 'compound'],
      ['Musterweg 3b, 80331 München', 'Musterweg 3b, 80331 München', 'compound'],
      ['Meine neue Anschrift lautet Berliner Allee 45a, 40212 Düsseldorf.', 'Berliner Allee 45a, 40212 Düsseldorf', 'street-word'],
      ['Lieferadresse: Goethestraße 12, 60313 Frankfurt am Main', 'Goethestraße 12, 60313 Frankfurt am Main', 'compound'],
      ['Bitte an Hauptstr. 5 senden', 'Hauptstr. 5', 'compound'],
      ['Postfach 10 20 30, 70173 Stuttgart', 'Postfach 10 20 30, 70173 Stuttgart', 'po-box'],
      ['Wohnung in der Kaiser-Wilhelm-Straße 3', 'Kaiser-Wilhelm-Straße 3', 'compound'],
    ])('finds %j', (text, expected, pattern) => {
      expect(expectOne(text, expected).explanation.pattern).toBe(pattern);
    });

    it('covers a signature block as one finding', () => {
      const text = 'Mit freundlichen Grüßen\nMax Mustermann\nMusterfirma GmbH\nHauptstraße 5\n10115 Berlin\nTel. 030 1234567';
      const f = expectOne(text, 'Hauptstraße 5\n10115 Berlin');
      expect(f.start).toBe(56);
      expect(f.end).toBe(82);
      expect(f.score).toBe(0.95);
    });

    it('finds a street without a type word when a postcode line follows', () => {
      const f = expectOne('Unter den Linden 77\n10117 Berlin', 'Unter den Linden 77\n10117 Berlin');
      expect(f.score).toBeGreaterThanOrEqual(0.75);
      expect(found('Firma XY\nRosenhof 4\n20095 Hamburg')).toEqual(['Rosenhof 4\n20095 Hamburg']);
    });
  });

  describe('French', () => {
    it.each([
      ['Adresse : 12 rue de la Paix, 75002 Paris', '12 rue de la Paix, 75002 Paris'],
      ['Livrer au 5 avenue des Champs-Élysées', '5 avenue des Champs-Élysées'],
      ['8 bd Haussmann', '8 bd Haussmann'],
      ['3 allée des Roses', '3 allée des Roses'],
      ['2 place Vendôme', '2 place Vendôme'],
      ['14 chemin des Vignes', '14 chemin des Vignes'],
      ['7 impasse du Moulin, 69001 Lyon', '7 impasse du Moulin, 69001 Lyon'],
      ["J'habite au 3 bis avenue Jean Jaurès, 69007 Lyon.", '3 bis avenue Jean Jaurès, 69007 Lyon'],
      ['BP 45, 75002 Paris', 'BP 45, 75002 Paris'],
    ])('finds %j', (text, expected) => {
      expectOne(text, expected);
    });

    it('covers street, postcode line and country in a signature', () => {
      const text = 'Cordialement,\nJean Dupont\n12 rue de la Paix\n75002 Paris\nFrance';
      expectOne(text, '12 rue de la Paix\n75002 Paris\nFrance');
    });
  });

  describe('Spanish', () => {
    it.each([
      ['Calle Mayor 5, 28013 Madrid', 'Calle Mayor 5, 28013 Madrid'],
      ['C/ de Alcalá 45', 'C/ de Alcalá 45'],
      ['Avenida de la Constitución 12', 'Avenida de la Constitución 12'],
      ['Paseo de Gracia 43', 'Paseo de Gracia 43'],
      ['Plaza Mayor 1', 'Plaza Mayor 1'],
      ['Carrer de Balmes 10', 'Carrer de Balmes 10'],
      ['Envíenlo a Avda. Diagonal 640, 08017 Barcelona', 'Avda. Diagonal 640, 08017 Barcelona'],
      ['Dirección: Calle de Serrano 41, 4º B, 28001 Madrid', 'Calle de Serrano 41, 4º B, 28001 Madrid'],
      ['Apartado de Correos 123, 28080 Madrid', 'Apartado de Correos 123, 28080 Madrid'],
    ])('finds %j', (text, expected) => {
      expectOne(text, expected);
    });

    it('covers floor and door, then the postcode line', () => {
      expectOne('Un saludo,\nAna García\nC/ Mayor 5, 3º izq.\n28013 Madrid', 'C/ Mayor 5, 3º izq.\n28013 Madrid');
    });
  });

  describe('Czech, Slovak, Swedish, Greek, Portuguese and Polish postcodes', () => {
    it.each([
      ['living at Václavské náměstí 1, 110 00 Praha 1.', 'Václavské náměstí 1, 110 00 Praha'],
      ['Adresa: Národní třída 12, Praha', 'Národní třída 12, Praha'],
      ['Drottninggatan 53, 111 21 Stockholm', 'Drottninggatan 53, 111 21 Stockholm'],
      // and the hyphenated Portuguese (4-3) and Polish (2-3) postcodes
      ['Morada: Rua Augusta 100, 1100-053 Lisboa', 'Rua Augusta 100, 1100-053 Lisboa'],
      ['Adres: ulica Marszałkowska 10, 00-590 Warszawa', 'ulica Marszałkowska 10, 00-590 Warszawa'],
    ])('finds the address in %j', (text, expected) => {
      expectOne(text, expected);
    });
    it('a 3 + 2 digit pair is a postcode only after a street and before a town', () => {
      expect(found('room 123 45 people')).toEqual([]);
      expect(found('Kungsgatan 1, 123 45')).toEqual(['Kungsgatan 1']);
      expect(found('Kungsgatan 1, 123 45 items')).toEqual(['Kungsgatan 1']);
      expect(found('Rua Augusta 100, 1100-053')).toEqual(['Rua Augusta 100']);
    });
  });

  describe('multi-line addresses', () => {
    it('covers street, unit, city and country lines', () => {
      const text = 'Hi,\n\n42 Elm Road\nApt 5\nSpringfield\nUnited States 62704\n\nThanks';
      const f = expectOne(text, '42 Elm Road\nApt 5\nSpringfield\nUnited States 62704');
      expect(f.start).toBe(5);
      expect(f.score).toBe(0.95);
    });

    it('covers a CSV cell holding two lines', () => {
      const text = '"Ann Lee","350 Fifth Avenue\nNew York, NY 10118"';
      expectOne(text, '350 Fifth Avenue\nNew York, NY 10118');
    });

    it('pulls a street line without type into a block with a unit line', () => {
      expectOne('Roheline 43\nApt. 305\nTallinn', 'Roheline 43\nApt. 305\nTallinn');
    });

    it('does not cross a blank line or a phone line', () => {
      expect(found('5 Market Street\nLeeds LS1 6DT\nTel: 0113 496 0000')).toEqual(['5 Market Street\nLeeds LS1 6DT']);
      expect(found('5 Market Street\n\nLeeds')).toEqual(['5 Market Street']);
    });
  });

  describe('false positives it avoids', () => {
    it.each([
      '3 Steps to reset your password',
      'Version 2 Drive sync is broken',
      'See page 5 Road map for details.',
      'We have 5 items in the cart and 2 days left.',
      'I tried 3 different Drive settings but nothing worked.',
      'Sent via Outlook 2016 on Windows 10, Office 365.',
      'Copy the files to 2 Google Drive folders.',
      'The meeting is at 10:30 in Room 5, Building B.',
      'Order 12345 shipped on 2024-01-15, invoice 67890.',
      'Am Montag 5 Tickets geschlossen.',
      'Im Jahr 2020 haben wir 3 Server migriert.',
      'Le ticket 12345 a été fermé le 5 mai 2023.',
      'El pedido 45678 llegará en 3 días.',
      'Our test suite 2 fails on CI, see job 4567.\nflat 3 tyres reported',
      'My IP address is 192.168.1.10 and port 8080.',
      "I can't browse to your site, keep getting address 86.231.85.193 blocked error",
      'Sprint 12 ended, Team Alpha delivered 7 stories.',
      'Chapter 3, Section 2 covers the API.',
      'I have 2 USB Drive sticks.',
      'Step 4: Place 2 screws in the bracket.',
      'Offering 5 options to the customer.',
      'Ticket 44521 Berlin office escalation.',
      'no digits at all on Baker Street',
    ])('does not report %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('pieces', () => {
    it('reports the pieces of an address just below the whole, so a competing finding inside it does not expose the rest', () => {
      const text = 'Ship to 92 Eusebio Street\nApt 5\nSpringfield';
      const all = streetAddressDetector.detect(text, ctx);
      const whole = all.find((f) => f.explanation.pattern === 'en-street')!;
      expect(text.slice(whole.start, whole.end)).toBe('92 Eusebio Street\nApt 5\nSpringfield');
      const parts = all.filter((f) => f.explanation.pattern === 'en-street/part');
      expect(parts.every((p) => p.score < whole.score && p.start >= whole.start && p.end <= whole.end)).toBe(true);
      // Alone, the registry keeps the whole address.
      expect(createDetectorRegistry([streetAddressDetector]).detect(text, ctx).map((f) => text.slice(f.start, f.end))).toEqual([
        '92 Eusebio Street\nApt 5\nSpringfield',
      ]);
      // A higher-scored finding inside it is absorbed by the whole address.
      const name: Detector = {
        id: 'fake-person',
        version: '1',
        types: ['PERSON'],
        detect: (t) => [{ start: t.indexOf('Eusebio'), end: t.indexOf('Eusebio') + 7, type: 'PERSON', score: 0.99, detector: 'fake-person', explanation: { pattern: 'x', validation: 'none', context: [] } }],
      };
      const resolved = createDetectorRegistry([streetAddressDetector, name]).detect(text, ctx);
      expect(resolved.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([['STREET_ADDRESS', '92 Eusebio Street\nApt 5\nSpringfield']]);
    });
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = '😀 Zoë: Größe 5 — Hauptstraße 5, 10115 Berlin 🙂';
    const f = expectOne(text, 'Hauptstraße 5, 10115 Berlin');
    expect(f.start).toBe(text.indexOf('Hauptstraße'));
    expect(f.end).toBe(text.indexOf(' 🙂'));
  });

  describe('tokenize', () => {
    it('reuses its arrays between texts: a long text, then a short one, reads zeros past its last token', () => {
      const long = tokenize('Street 12, '.repeat(5_000));
      expect(long.n).toBe(15_000);
      const T = tokenize('Main Street');
      expect(T.n).toBe(2);
      for (let i = T.n; i < T.n + 8; i++) {
        expect(T.k[i]).toBe(0);
        expect(T.s[i]).toBe(0);
        expect(T.nl[i]).toBe(0);
      }
      expect(T.low(1)).toBe('street');
      // After a huge text the arrays shrink again; the small text still reads right.
      expect(tokenize('1 '.repeat(1 << 19)).n).toBe(1 << 19);
      const U = tokenize('12 Main Street');
      expect(Array.from({ length: U.n + 1 }, (_, i) => U.k[i])).toEqual([TK_NUM, TK_WORD, TK_WORD, 0]);
    });

    it('word filter: upper-case, non-ASCII and dotted-I words still reach the anchors', () => {
      const span = (t: string): number[] => detect(t).map((f) => f.end - f.start);
      expect(span('Ship to 12 BAKER STREET, London')).toEqual(span('Ship to 12 Baker Street, London'));
      expect(found('Ship to 12 BAKER STREET, London')).toHaveLength(1);
      expect(found('Wir wohnen in der Hauptstraße 5 seit Jahren')).toEqual(['Hauptstraße 5']);
      expect(found('Wir wohnen in der HAUPTSTRASSE 5 seit Jahren')).toEqual(['HAUPTSTRASSE 5']);
      expect(found('İzmir yolu: Ship to 221B Baker Street')).toEqual(['221B Baker Street']);
    });

    it('cuts words, numbers, ordinals, mixed tokens and punctuation, and records line breaks', () => {
      const T = tokenize('12a Main-Street, 5th\n> SW1A 1AA');
      const got = Array.from({ length: T.n }, (_, i) => [T.raw(i), T.k[i], T.nl[i]]);
      expect(got).toEqual([
        ['12a', TK_NUM, 0],
        ['Main-Street', TK_WORD, 0],
        [',', TK_PUNCT, 0],
        ['5th', TK_ORD, 0],
        ['SW1A', TK_MIXED, 1],
        ['1AA', TK_MIXED, 0],
      ]);
    });
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const rep = (s: string): string => s.repeat(Math.ceil(M / s.length)).slice(0, M);
    const sortedNonOverlappingWholes = (fs: Finding[]): void => {
      for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.start);
    };
    it('long digit, word and separator runs', () => {
      expect(detect('1'.repeat(M))).toEqual([]);
      expect(detect(rep('1 '))).toEqual([]);
      expect(detect(rep('Street '))).toEqual([]);
      expect(detect(rep('a'))).toEqual([]);
      expect(detect('\n'.repeat(M))).toEqual([]);
      expect(detect(rep('1.'))).toEqual([]);
      expect(detect(rep('A B C D 1 '))).toEqual([]);
    }, 10_000);
    it('anchor words everywhere', () => {
      expect(detect(rep('address 1 '))).toEqual([]);
      expect(detect(rep('dob born zip '))).toEqual([]);
      expect(detect(rep('rue de la de la de la '))).toEqual([]);
      expect(detect('Straße'.repeat(M / 6))).toEqual([]);
      const corners = detect(rep('corner of A Street and '));
      expect(corners.every((f) => f.end - f.start <= 300)).toBe(true);
    }, 10_000);
    it('1 MB of real addresses stays bounded', () => {
      const fs = detect(rep('1 Main Street '));
      expect(fs.length).toBeGreaterThan(1000);
      expect(fs.every((f) => f.end - f.start <= 300)).toBe(true);
      sortedNonOverlappingWholes(fs);
      const blocks = detect(rep('Flat 3, 12 High St, London SW1A 1AA\n'));
      expect(blocks.length).toBeGreaterThan(10_000);
      expect(detect(rep('Unit 1 Box 2\nAPO AE 09012\n')).length).toBeGreaterThan(10_000);
    }, 10_000);
  });
});
