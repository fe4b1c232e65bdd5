import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createPersonDetector } from '../../../shared/detect/detectors/person';

const detector = createPersonDetector(createGazetteer(data));
const detect = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' });
const listed = (text: string) => detect(text).filter((f) => f.explanation.pattern === 'listed-after-label').map((f) => text.slice(f.start, f.end));
const persons = (text: string) => detect(text).sort((a, b) => a.start - b.start).map((f) => text.slice(f.start, f.end));

describe('PERSON: a list of names after a plural noun for people and a colon', () => {
  it('takes every name-shaped item, known to a list or not', () => {
    expect(listed('SKY is the brainchild of our 3 founders: Leehy, Perkins and Copeland. The idea was born')).toEqual(['Leehy', 'Perkins', 'Copeland']);
    // items other rules already found stay theirs; the label itself is no speaker
    expect(persons('Attendees: Okonkwo Adeyemi, Brzęczyszczykiewicz & Tanaka')).toEqual(['Okonkwo Adeyemi', 'Brzęczyszczykiewicz', 'Tanaka']);
    expect(listed('Teilnehmer: Jonas Weber und Mia Roth')).toEqual([]); // already found by the gazetteers
    expect(listed('recargo is the brainchild of our 3 founders: smit, zhang and edwards.')).toEqual(['smit', 'zhang', 'edwards']);
  });
  it('needs the colon, two items, and names rather than ordinary words', () => {
    expect(listed('our founders Leehy and Perkins')).toEqual([]);
    expect(listed('Contacts: Leehy.')).toEqual([]);
    expect(listed('Members: Sales, Marketing and Support')).toEqual([]);
    expect(listed('Members: 5, Status: Open and Closed')).toEqual([]);
  });
  it('stops at the end of the sentence or line', () => {
    expect(persons('Participants: Leehy, Quarrington\nNext Steps')).toEqual(['Leehy', 'Quarrington']);
    expect(persons('Our founders: Leehy, Quarrington. Then Next Steps and Goals')).toEqual(['Leehy', 'Quarrington']);
  });
});

describe('PERSON lists: hostile input', () => {
  it('stays linear on 1 MB of labelled lists', () => {
    for (const input of ['Founders: Leehy, Quarrington. '.repeat(35_000), 'attendees: '.repeat(90_000), 'Members: A, B, C, D, E, F, G, H, I, J, K, L, M, N '.repeat(20_000)]) {
      const t0 = performance.now();
      detect(input);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  }, 20_000);
});
