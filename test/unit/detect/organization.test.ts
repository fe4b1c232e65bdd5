import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createOrganizationDetector } from '../../../shared/detect/detectors/organization';

const detector = createOrganizationDetector(createGazetteer(data));
const detect = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('ORGANIZATION: legal-form suffixes', () => {
  it('takes the capitalised run before the suffix, with its dot', () => {
    const text = 'Invoice from Smith Ltd. arrived.';
    const f = detect(text);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ start: 13, end: 23, type: 'ORGANIZATION', detector: 'organization' });
    expect(f[0]!.explanation.pattern).toBe('legal-suffix');
    expect(f[0]!.score).toBeGreaterThanOrEqual(0.85);
  });
  it('knows English, German, French and Spanish forms', () => {
    expect(found('We bought it from Acme Widgets Inc. last year.')).toEqual(['Acme Widgets Inc.']);
    expect(found('Die Müller Logistik GmbH hat geliefert.')).toEqual(['Müller Logistik GmbH']);
    expect(found('Rechnung der Schneider GmbH & Co. KG')).toEqual(['Schneider GmbH & Co. KG']);
    expect(found('Contrat avec Dupont et Fils SARL signé.')).toEqual(['Dupont et Fils SARL']);
    expect(found('Pedido de Construcciones García S.L. pendiente')).toEqual(['Construcciones García S.L.']);
    expect(found('Our supplier Van Dijk B.V. is late.')).toEqual(['Van Dijk B.V.']);
    expect(found('Northwind Traders Pty Ltd sent it.')).toEqual(['Northwind Traders Pty Ltd']);
  });
  it('"& Sons", "and Partners" and lists of names', () => {
    expect(found('Letter from Smith & Sons about the order.')).toEqual(['Smith & Sons']);
    expect(found('Contact Baker and Partners for details.')).toEqual(['Baker and Partners']);
    expect(found('The Jones, Mitchell and Williams LLP office called.')).toEqual(['Jones, Mitchell and Williams LLP']);
  });
  it('a lower-case run only before an unmistakable suffix', () => {
    expect(found('the refund came from frost llc yesterday')).toEqual(['frost llc']);
    expect(found('we are a small group of users')).toEqual([]);
  });
});

describe('ORGANIZATION: head nouns and context', () => {
  it('head nouns after a distinctive capitalised word', () => {
    expect(found('Innovest Systems invested heavily.')).toEqual(['Innovest Systems']);
    expect(found('She studied at the University of Leeds.')).toEqual(['University of Leeds']);
    expect(found('Please contact Customer Services.')).toEqual([]);
  });
  it('employment phrases', () => {
    expect(found('I work for Zentrix and need a new licence.')).toEqual(['Zentrix']);
    expect(found('Ich arbeite bei Siemens AG in München.')).toEqual(['Siemens AG']);
    expect(found('Je travaille chez Lumière Conseil depuis mars.')).toEqual(['Lumière Conseil']);
    expect(found('I work for John Smith.')).toEqual([]);
  });
  it('an unknown proper noun after "at", "for" or "with" (weak)', () => {
    const f = detect('She spent a year at Qwertinsky before joining us.');
    expect(f.map((x) => [x.start, x.end, x.score, x.explanation.pattern])).toEqual([[20, 30, 0.5, 'proper-noun-after-preposition']]);
  });
  it('"is from" a name nobody knows', () => {
    expect(found('Kelvin is from Innography')).toEqual(['Innography']);
  });
  it('the line after a name in a signature block', () => {
    const text = 'Thanks for the help.\n\nBest regards,\nJane Doe\nZentrix Analytics\n12 Main Street';
    expect(found(text)).toEqual(['Zentrix Analytics']);
    expect(found('Best regards,\nJane Doe\nSenior Support Engineer\nVelocite')).toEqual(['Velocite']);
  });
});

describe('ORGANIZATION: negatives', () => {
  it('ordinary capitalised words are not organisations', () => {
    expect(found('The Group Policy update failed.')).toEqual([]);
    expect(found('Our Company Settings page is empty.')).toEqual([]);
    expect(found('Mark the ticket as solved, Inc. is not a company on its own.')).toEqual([]);
  });
  it('words in e-mail addresses are not organisations', () => {
    expect(found('mail support@acme-ltd.com')).toEqual([]);
  });
});

describe('ORGANIZATION: robustness', () => {
  it('is linear on adversarial input (1 MB)', () => {
    const inputs = ['Aa '.repeat(350_000), 'Aa Ltd '.repeat(150_000), 'Aa, '.repeat(250_000) + 'Ltd', 'S.A. '.repeat(200_000), 'works at Aa '.repeat(90_000)];
    for (const input of inputs) {
      const t0 = performance.now();
      detect(input);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
    // five inputs of up to 5 s each: the bound is per input, the test's own limit must allow all of them on a busy machine
  }, 30_000);
});

describe('ORGANIZATION: more context', () => {
  it('company verbs after an unknown capitalised run', () => {
    expect(found('Zentrabyte invested heavily in new machines.')).toEqual(['Zentrabyte']);
    expect(found('Quorvix is the brainchild of three founders.')).toEqual(['Quorvix']);
    expect(found('The printer invested nothing.')).toEqual([]);
  });
  it('strong head nouns after ordinary words in mid-sentence', () => {
    expect(found('The song recorded for Earth Networks became a hit.')).toEqual(['Earth Networks']);
  });
  it('organisations listed with a found one', () => {
    expect(found('We compared Impaq Robotics, Flightstats and Transunion last week.').sort()).toEqual(['Flightstats', 'Impaq Robotics', 'Transunion']);
  });
  it('a contact label after a company in a signature is not another company', () => {
    expect(found('Jürgen, Müller & Söhne GmbH, Tel. 089 12345678')).toEqual(['Müller & Söhne GmbH']);
    expect(found('Acme Widgets Ltd, Mobile 07700 900123')).toEqual(['Acme Widgets Ltd']);
  });
  it('a recipient line above an address line', () => {
    expect(found('Zentrix\n\n24 Harbour Road\nLeeds')).toEqual(['Zentrix']);
  });
  it('is linear on adversarial lists and address blocks (1 MB)', () => {
    for (const input of ['Aa Ltd, '.repeat(120_000), 'Aa\n1 b\n'.repeat(120_000), 'Aa invested '.repeat(80_000)]) {
      const t0 = performance.now();
      detect(input);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  }, 20_000);
});
