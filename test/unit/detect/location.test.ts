import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createLocationDetector } from '../../../shared/detect/detectors/location';

const detector = createLocationDetector(createGazetteer(data));
const detect = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('LOCATION: gazetteer', () => {
  it('finds countries with exact offsets', () => {
    const text = 'I moved from Germany to Portugal last year.';
    const f = detect(text);
    expect(f.map((x) => [x.start, x.end])).toEqual([[13, 20], [24, 32]]);
    expect(f.every((x) => x.type === 'LOCATION' && x.detector === 'location')).toBe(true);
    expect(f[0]!.explanation.pattern).toBe('gazetteer-country');
    expect(f[0]!.score).toBeGreaterThanOrEqual(0.85);
  });
  it('finds multi-word places, with diacritics or without', () => {
    expect(found('Our office in New York is closed.')).toEqual(['New York']);
    expect(found('The parcel went to San José, then to San Jose again.')).toEqual(['San José', 'San Jose']);
    expect(found('Wir liefern nach Bosnien und Herzegowina.')).toEqual(['Bosnien und Herzegowina']);
    expect(found('Shipping to the United States takes a week.')).toEqual(['United States']);
  });
  it('finds German, French and Spanish forms', () => {
    expect(found('Ich wohne in München, nicht in Köln.')).toEqual(['München', 'Köln']);
    expect(found("J'habite à Marseille depuis 2019.")).toEqual(['Marseille']);
    expect(found('Vivo en Sevilla, cerca de Málaga.')).toEqual(['Sevilla', 'Málaga']);
    expect(found('Der Kunde sitzt in Bayern.')).toEqual(['Bayern']);
  });
  it("takes a country's long state form before it into the span", () => {
    expect(found('Send it to Kingdom of the Netherlands 37521')).toEqual(['Kingdom of the Netherlands']);
    expect(found('Archerwill, Federated States of Micronesia')).toContain('Federated States of Micronesia');
    expect(found('the Democratic Republic of the Congo is large')).toEqual(['Democratic Republic of the Congo']);
    expect(found('I live in the Netherlands')).toEqual(['Netherlands']);
    expect(found('thekingdom of Spain')).toEqual(['Spain']);
  });
  it('takes a state code after a comma into the span', () => {
    expect(found('Ship to Austin, TX 78701')).toEqual(['Austin, TX']);
  });
  it('lower case needs a preposition', () => {
    expect(found('the princess arrived from bahrain this morning')).toEqual(['bahrain']);
    expect(found('we are based in germany')).toEqual(['germany']);
  });
});

describe('LOCATION: short forms', () => {
  it('"UK" and "US" in capitals; "US" only after a place preposition, and never "us"', () => {
    expect(found('Our UK customers see the new price.')).toEqual(['UK']);
    expect(found('She is moving to the UK in May.')).toEqual(['UK']);
    expect(found('Please contact us in the US.')).toEqual(['US']);
    expect(found('Our US customers and us.')).toEqual([]);
    expect(found('PLEASE CALL US BACK. THE SHOP NEAR US IS CLOSED.')).toEqual([]);
    expect(found('Set the keyboard layout to US.')).toEqual([]);
    expect(found('The U.K. team answered.')).toEqual(['U.K']);
  });
  it('state, province and city codes after a place preposition', () => {
    expect(found('Just landed in DC. Is anybody coming?')).toEqual(['DC']);
    expect(found("I'll be back in LA tomorrow night")).toEqual(['LA']);
    expect(found("I'd move to VT and buy some hogs")).toEqual(['VT']);
    expect(found('going to NYC for the first time')).toEqual(['NYC']);
    const f = detect('The customer is in TX.');
    expect(f[0]!.explanation).toMatchObject({ pattern: 'state-code', context: [{ word: 'in' }] });
  });
  it('codes that are words or support acronyms, or that a name or number follows, are not taken', () => {
    expect(found('The feature is in GA since May; the notes were written in MD; the fix is in QA.')).toEqual([]);
    expect(found('Please open it in MS Teams.')).toEqual([]);
    expect(found('It is in NY 2 of the list.')).toEqual([]);
    expect(found('IN TX WE TRUST')).toEqual([]);
    expect(found('The DC power supply failed.')).toEqual([]);
  });
});

describe('LOCATION: context for small or ambiguous places', () => {
  it('a place preposition before an article counts for countries and regions, not for towns', () => {
    expect(found('Greetings from all your fans in the Middle East!')).toEqual(['Middle East']);
    expect(found('Sie wohnt in der Schweiz.')).toEqual(['Schweiz']);
    expect(found('Open it in the Mobile app.')).toEqual([]);
    expect(found('Greetings from Rome and the Bay.')).toEqual(['Rome']);
  });
  it('a place qualifying a site or an area ("our Denver office") is a place', () => {
    const f = detect('They moved the account to our Denver office.');
    expect(f.map((x) => x.explanation.context)).toEqual([[{ word: 'office', effect: 0.15 }]]);
    expect(found('The Paris branch will call back.')).toEqual(['Paris']);
    expect(detect('Die Berlin Filiale ruft zurück.')[0]!.explanation.context).toEqual([{ word: 'filiale', effect: 0.15 }]);
  });
  it('software named like a town is no place, unless its region or country follows', () => {
    expect(found('The mail is stuck in Outlook since Monday.')).toEqual([]);
    expect(found('Our office in Office is closed.')).toEqual([]);
    expect(found('She moved to Outlook, Saskatchewan last year.')).toEqual(['Outlook', 'Saskatchewan']);
  });
  it('ambiguous city names need a place preposition', () => {
    expect(found('I live in Reading.')).toEqual(['Reading']);
    expect(found('Reading the manual did not help.')).toEqual([]);
    expect(found('The office in Nice is closed.')).toEqual(['Nice']);
    expect(found('Nice to meet you.')).toEqual([]);
    expect(found('Mobile app crashes when I open it.')).toEqual([]);
    expect(found('The mobile app crashes in split view.')).toEqual([]);
  });
  it('small towns need a preposition, a postcode or a region after them', () => {
    expect(found('He grew up in Bauru.')).toEqual(['Bauru']);
    expect(found('Lieferadresse: Hauptstr. 5, 10115 Berlin')).toEqual(['Berlin']);
    expect(found('Bauru, Brazil')).toEqual(['Bauru', 'Brazil']);
  });
  it('a place phrase takes a capitalised word the gazetteer does not know', () => {
    expect(found('My friend lives in Kalatsova.')).toEqual(['Kalatsova']);
    expect(found('She grew up in Poggiovalle di Borgorose.')).toEqual(['Poggiovalle di Borgorose']);
  });
  it('records the evidence', () => {
    const f = detect('I live in Reading.')[0]!;
    expect(f.explanation.context).toEqual([{ word: 'in', effect: expect.any(Number) }]);
    expect(f.score).toBeGreaterThanOrEqual(0.5);
    expect(f.score).toBeLessThanOrEqual(0.95);
  });
});

describe('LOCATION: negatives', () => {
  it('a place name inside a person name or after an honorific is not a place', () => {
    expect(found('Paris Hilton wrote to us.')).toEqual([]);
    expect(found('Mr. Jackson called.')).toEqual([]);
    expect(found('Donald van der Berg')).toEqual([]);
  });
  it('a street is not a city', () => {
    expect(found('The shop is on Washington Street.')).toEqual([]);
  });
  it('everyday words are not places', () => {
    expect(found('Are there any charges applied to my card?')).toEqual([]);
    expect(found('Please Update the Billing Settings.')).toEqual([]);
    expect(found('CAN I SPEAK TO A REAL PERSON?')).toEqual([]);
    expect(found('my dad said it was fine, believe in god')).toEqual([]);
  });
  it('short all-caps acronyms that match a place are not places without a place cue, but countries are', () => {
    expect(found('VAT number missing on invoice')).toEqual([]);
    expect(found('Please add the VAT ID to my account')).toEqual([]);
    expect(found('Shipping to the USA takes a week')).toEqual(['USA']);
  });
  it('months and weekdays are not places, even after "in"', () => {
    expect(found('The renewal is due in May, not in August.')).toEqual([]);
  });
  it('a phone number is not a postcode', () => {
    expect(found('(764)722-5949 mobile')).toEqual([]);
  });
  it('words glued into e-mail addresses and URLs are not places', () => {
    expect(found('see https://paris.example.com/Berlin or berlin@example.de')).toEqual([]);
  });
});

describe('LOCATION: robustness', () => {
  it('is linear on adversarial input (1 MB)', () => {
    const inputs = ['Aa '.repeat(350_000), 'New '.repeat(250_000), 'in San '.repeat(150_000), 'Bosnia and '.repeat(95_000)];
    for (const input of inputs) {
      const t0 = performance.now();
      detect(input);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  }, 10_000);
});
