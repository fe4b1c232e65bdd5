import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createLocationDetector } from '../../../shared/detect/detectors/location';

const detector = createLocationDetector(createGazetteer(data));
const detect = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('LOCATION: an unknown word after an English place preposition', () => {
  it('finds a town no list knows, in any case', () => {
    expect(found('Our warehouse in Kwaxuma is closed today.')).toEqual(['Kwaxuma']);
    expect(found('The depot near KAUFMANNBERG has the parcel.')).toEqual(['KAUFMANNBERG']);
    expect(detect('Our warehouse in Kwaxuma is closed.')[0]?.explanation.pattern).toBe('unknown-after-preposition');
  });
  it('does not take software, ordinary words or products', () => {
    expect(found('The error shows up in Jira and in Zendesk.')).toEqual([]);
    expect(found('I saw it in Settings and in Reports.')).toEqual([]);
    expect(found('The bug is in Frobnik app and in Zorbix Cloud.')).toEqual([]);
    expect(found('Grafana shows high memory usage in Prometheus.')).toEqual([]);
  });
  it('leaves German, French and Spanish sentences alone', () => {
    expect(found('Wir melden uns in Kürze bei Ihnen.')).toEqual([]);
    expect(found('Das Paket ist in Zustellung.')).toEqual([]);
  });
});

describe('LOCATION: place-label ("Location: ...", "Where: ...")', () => {
  it('takes the capitalised words after a place label', () => {
    expect(found('When: 2021-03-04 10:00 Where: Limont Country Club.')).toEqual(['Limont Country Club']);
    expect(found('Location: Kwaxuma\nPriority: high')).toEqual(['Kwaxuma']);
    expect(detect('Ort: Kleinwalsertal')[0]?.explanation.pattern).toBe('place-label');
  });
  it('needs a colon right after the label, and no person after it', () => {
    expect(found('where the Limont team sits')).toEqual([]);
    expect(found('Location - Kwaxuma')).not.toContain('Kwaxuma');
    expect(found('Where: Michael Jensen')).toEqual([]);
    expect(found('Location: Building 4, Floor 2')).toEqual([]);
  });
  it('does not take a lower-case label in mid-sentence', () => {
    expect(found('the new location: Kwaxuma')).toEqual([]);
  });
});
