import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createOrganizationDetector } from '../../../shared/detect/detectors/organization';

const detector = createOrganizationDetector(createGazetteer(data));
const found = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' }).map((f) => text.slice(f.start, f.end));

describe('ORGANIZATION: runs after a cue take capitalised common words', () => {
  it('takes the whole name after "is from" and "works at"', () => {
    expect(found('Jaylee is from Amazon Web Services')).toEqual(['Amazon Web Services']);
    expect(found('She works at Business Monitor International now.')).toEqual(['Business Monitor International']);
  });
  it('stops at a lower-case word and does not take a lone common word', () => {
    expect(found('He works at Northwind Data in the sales team.')).toEqual(['Northwind Data']);
    expect(found('I am calling from Support.')).toEqual([]);
  });
});

describe('ORGANIZATION: an acronym after at/for/with', () => {
  it('finds an unknown acronym', () => {
    expect(found('Ewan spent a year at BBC as an assistant.')).toEqual(['BBC']);
  });
  it('does not take software terms, countries or known words', () => {
    expect(found('I tried to log in with SSO and with VPN.')).toEqual([]);
    expect(found('She spent a year at USA Today.')).not.toContain('USA');
    expect(found('We met at NOON.')).toEqual([]);
  });
});

describe('ORGANIZATION: an unknown name and the capitalised words after it, after at/for/with', () => {
  it('takes the whole name', () => {
    expect(found('Jouko spent a year at Inrix Traffic as an assistant.')).toEqual(['Inrix Traffic']);
  });
  it('does not take known words, software or streets', () => {
    expect(found('We met at Central Station.')).toEqual([]);
    expect(found('I logged in with Okta Verify.')).toEqual([]);
    expect(found('Drop it off at Kwaxuma Road tomorrow.')).not.toContain('Kwaxuma Road');
  });
});

describe('ORGANIZATION: an unknown name after at/for/with', () => {
  it('takes names that end like English words, since the vocabulary already knows the English words', () => {
    expect(found('Niklas spent a year at Solarlist as the assistant.')).toEqual(['Solarlist']);
    expect(found('We will meet at Costquest tomorrow.')).toEqual(['Costquest']);
    expect(found('She worked with Citysourced on the launch.')).toEqual(['Citysourced']);
  });
  it('leaves English words, their plurals and capitalised ordinary words alone', () => {
    expect(found('We met at Tuesdays after the Meetings.')).toEqual([]);
    expect(found('I waited for Processing to finish.')).toEqual([]);
  });
});
