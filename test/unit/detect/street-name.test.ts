import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createStreetNameDetector } from '../../../shared/detect/detectors/street-name';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';

const detector = createStreetNameDetector(createGazetteer(data));
const ctx = { field: 'body', defaultRegion: 'US' };
const found = (text: string) => detector.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.explanation.pattern, f.score]);
const spans = (text: string) => detector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('STREET_ADDRESS without a house number', () => {
  it('finds a capitalised name before an unambiguous street type, more surely after a place preposition', () => {
    expect(found('The early shows on Bezrukov Street were important.')).toEqual([['Bezrukov Street', 'name-type', 0.7]]);
    expect(found('We moved to Old Mill Road last year.')).toEqual([['Old Mill Road', 'name-type', 0.7]]);
    expect(found('Lucchese St is closed for repairs.')).toEqual([['Lucchese St', 'name-type', 0.6]]);
    expect(detector.detect('I live on Main Street', ctx)[0]?.explanation.context).toEqual([{ word: 'on', effect: 0.1 }]);
  });

  it('finds a lower-case name in a lower-case text only after a preposition', () => {
    expect(spans('the shows on panković street were loud')).toEqual(['panković street']);
    expect(spans('the main road is blocked')).toEqual([]);
    expect(spans('turn left at the high street')).toEqual([]); // ordinary words, no unknown name
  });

  it('needs an unknown name word or a preposition', () => {
    expect(spans('I live on Main Street')).toEqual(['Main Street']);
    expect(spans('Main Street is closed')).toEqual([]);
    expect(spans('Road works are planned for Monday')).toEqual([]);
    expect(spans('Wall Street Journal subscription')).toEqual([]);
  });

  it('leaves street types that are also product or place nouns alone', () => {
    expect(spans('Open Google Drive and click New')).toEqual([]);
    expect(spans('Meet me in Central Park')).toEqual([]);
    expect(spans('Sent via Outlook 2016')).toEqual([]);
    expect(spans('Check the St. Louis office')).toEqual([]);
  });

  it('finds German -straße names after an article, and French and Spanish street words before the name', () => {
    expect(found('Unser Büro in der Goethestraße ist umgezogen')).toEqual([['Goethestraße', 'strasse', 0.65]]);
    expect(spans('Ecke Lindenstrasse und Markt')).toEqual(['Lindenstrasse']);
    expect(spans('Die Straße ist gesperrt')).toEqual([]);
    expect(spans('Die Hauptstraße ist gesperrt')).toEqual(['Hauptstraße']);
    expect(spans('notre agence rue de Rivoli est fermée')).toEqual(['rue de Rivoli']);
    expect(spans('rendez-vous avenue Victor Hugo')).toEqual(['avenue Victor Hugo']);
    expect(spans('la oficina de la Calle Mayor cierra')).toEqual(['Calle Mayor']);
    expect(spans('a new avenue The team explored')).toEqual([]);
  });

  it('does not take names glued to a URL or identifier', () => {
    expect(spans('see https://example.com/Adams_Street for details')).toEqual([]);
  });

  it('is registered, and a house-numbered address stays the street-address finding', () => {
    const registry = createDefaultRegistry();
    const text = 'Send it to 221B Baker Street, London NW1 6XE, not to Bezrukov Street.';
    const streets = registry.detect(text, ctx).filter((f) => f.type === 'STREET_ADDRESS').map((f) => [text.slice(f.start, f.end), f.detector]);
    expect(streets).toEqual([['221B Baker Street, London NW1 6XE', 'street-address'], ['Bezrukov Street', 'street-name']]);
  });
});

describe('STREET_ADDRESS without a house number: hostile input', () => {
  it('stays linear on 1 MB of street words', () => {
    for (const input of ['Adams Street '.repeat(80_000), 'on on on Street '.repeat(65_000), 'rue de la '.repeat(100_000), 'in der Goethestraße '.repeat(50_000)]) {
      const t0 = performance.now();
      detector.detect(input, ctx);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  }, 20_000);
});
