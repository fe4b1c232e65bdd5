import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createPersonDetector } from '../../../shared/detect/detectors/person';

const detector = createPersonDetector(createGazetteer(data));
const detect = (text: string) => detector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('PERSON: sentence-subject (an unknown word opening a sentence, followed by a verb)', () => {
  it('finds a name no list knows before a verb', () => {
    const f = detect('Tebogo is on leave until Monday.');
    expect(f.map((x) => 'Tebogo is on leave until Monday.'.slice(x.start, x.end))).toEqual(['Tebogo']);
    expect(f[0]!.explanation.pattern).toBe('sentence-subject');
    expect(f[0]!.score).toBe(0.55);
    expect(found('The invoice was wrong. Kotoya called twice about it.')).toContain('Kotoya');
  });
  it('finds an unknown word opening a clause before a verb', () => {
    expect(found('The log shows that Trifonov was logged in twice.')).toEqual(['Trifonov']);
    expect(found('It failed because I was offline and because Okta was down.')).toEqual([]);
  });
  it('finds a given name that is also a word before a verb that only people do', () => {
    expect(found('Sue spent the morning on the phone with us.')).toEqual(['Sue']);
    expect(found('Mark replied within the hour.')).toEqual(['Mark']);
    expect(found('Mark is not a valid status.')).toEqual([]);
  });
  it('finds a name that only a small town shares before a verb, but not a well-known place', () => {
    expect(found('Bramley is on leave until Monday.')).toEqual(['Bramley']);
    expect(found('The log shows that Renwick was logged in twice.')).toEqual(['Renwick']);
    expect(found('Berlin was down all morning.')).toEqual([]);
    expect(found('Kilkenny is where the parcel is stuck.')).toEqual([]);
  });
  it('finds a known given name before a verb', () => {
    expect(found('Tyrone has the same problem.')).toEqual(['Tyrone']);
  });
  it('finds a lower-case known given name at the start of a lower-case sentence', () => {
    expect(found('michael is on leave today. please ask someone else.')).toEqual(['michael']);
  });
  it('does not take software, ordinary words or places for names', () => {
    expect(found('Okta is down again. Jira was slow all morning.')).toEqual([]);
    expect(found('Outlook keeps crashing when I open the calendar.')).toEqual([]);
    expect(found('Frobnicator is broken since yesterday.')).toEqual([]);
    expect(found('Reading is hard on this screen.')).toEqual([]);
    expect(detect('Paris is lovely in spring.').map((f) => f.explanation.pattern)).not.toContain('sentence-subject');
    expect(found('Jews and Muslims celebrate it too.')).toEqual([]);
  });
  it('needs the verb right after the word, and the start of a sentence', () => {
    expect(detect('Tebogo, the invoice is wrong.').map((f) => f.explanation.pattern)).not.toContain('sentence-subject');
    expect(found('Kotoya Nagasaki temple is closed.')).not.toContain('Kotoya');
  });
  it('does not take an unknown lower-case word at the start of a sentence', () => {
    expect(found('kubectl is not installed on the node.')).toEqual([]);
  });
});

describe('PERSON: vocative (an unknown word opening a sentence, then a comma and a request)', () => {
  it('finds the name addressed', () => {
    expect(found('Brianna, can you check the invoice again?')).toEqual(['Brianna']);
    expect(detect('Mimount, thanks for the quick reply.')[0]?.explanation.pattern).toBe('vocative');
  });
  it('does not take ordinary words, software or places', () => {
    expect(found('Unfortunately, I cannot log in.')).toEqual([]);
    expect(found('Jira, can you believe it, is down again.')).toEqual([]);
    expect(found('Berlin, is that right?')).toEqual([]);
  });
  it('needs the request word right after the comma', () => {
    expect(found('Kubelet, the node agent, restarts every hour.')).toEqual([]);
  });
});

describe('PERSON: lists and lower-case names', () => {
  it('takes listed names that are also small towns, and a name-word listed after a colon', () => {
    expect(found('Our founders: Abakumova, Wallace and Perez.')).toEqual(expect.arrayContaining(['Abakumova', 'Wallace']));
    expect(found('They had three: Daisy, Christina and Sarah.')).toEqual(expect.arrayContaining(['Daisy', 'Christina', 'Sarah']));
  });
  it('does not take a listed common word opening a sentence after a full stop', () => {
    expect(found('Done. Daisy, Christina and Sarah agreed.')).not.toContain('Done');
  });
  it('continues a lower-case name with an unknown word, not with an English word', () => {
    expect(found('have you been to a claudia nakajima concert before?')).toEqual(['claudia nakajima']);
    expect(found('i met claudia yesterday at the concert')).toEqual(['claudia']);
  });
});

describe('PERSON: form labels ("Name: ...", "Customer: ...")', () => {
  it('takes the name after a label, also lower-case or a name that is also a word', () => {
    expect(found('Date: 1984-06-15 09:13:24 Name: Crystal Grant Phone: 555 0100')).toEqual(['Crystal Grant']);
    expect(found('Customer: heather pustivšek')).toEqual(['heather pustivšek']);
    expect(found('Ansprechpartner: Jonas Weber')).toEqual(['Jonas Weber']);
    expect(detect('Name: Brittney Ivanović')[0]?.explanation.pattern).toBe('label');
  });
  it('does not take the label itself, nor ordinary words after it', () => {
    expect(found('Name: Support Team')).toEqual([]);
    expect(found('Customer: unknown')).toEqual([]);
  });
  it('needs the colon right after the label', () => {
    expect(detect('the customer Crystal Grant').map((f) => f.explanation.pattern)).not.toContain('label');
  });
});

describe('PERSON: paired-subject ("Egede and Walker were ...")', () => {
  it('takes two names joined by "and" before a plural verb', () => {
    expect(found('Sigursteinsson and Dean were on the call.')).toEqual(['Sigursteinsson', 'Dean']);
    expect(detect('Egede and Mazzi have the same problem.').map((f) => f.explanation.pattern)).toEqual(['paired-subject', 'paired-subject']);
  });
  it('does not take software, departments or ordinary words', () => {
    expect(found('Jira and Confluence are down.')).toEqual([]);
    expect(found('Sales and Marketing were informed.')).toEqual([]);
  });
});

describe('PERSON: lower-case given names that are also places', () => {
  it('takes one with a surname after it', () => {
    expect(found('you can tell he was a huge michael košelnik fan')).toEqual(['michael košelnik']);
  });
  it('does not take one alone in mid-sentence', () => {
    expect(found('the office in georgia is closed')).toEqual([]);
  });
});

describe('PERSON: a lower-case surname after a reporting verb', () => {
  it('takes a known surname after "says"', () => {
    expect(found('"we are moving in that direction," says jonsson.')).toEqual(['jonsson']);
  });
  it('does not take an ordinary word', () => {
    expect(found('the log says timeout and the agent said yes')).toEqual([]);
  });
});
