import { describe, expect, it } from 'vitest';
import { KnownValueIndex } from '../../../shared/detect/known-values';

const show = (index: KnownValueIndex, text: string) => index.find(text).map((m) => [text.slice(m.start, m.end), m.type, m.part, m.column]);

describe('known values', () => {
  it('finds a known name whole, and its parts alone', () => {
    const k = new KnownValueIndex();
    k.learn('Maria  Jensen', 'PERSON', 'requester_name');
    expect(show(k, 'Spoke with maria jensen today; Maria says Jensen family.')).toEqual([
      ['maria jensen', 'PERSON', 'whole', 'requester_name'],
      ['Maria', 'PERSON', 'part', 'requester_name'],
      ['Jensen', 'PERSON', 'part', 'requester_name'],
    ]);
  });

  it('learns an e-mail whole, and the words of its local part as a person', () => {
    const k = new KnownValueIndex();
    k.learn('Tom.Becker@example.net', 'EMAIL', 'requester_email');
    expect(show(k, 'write to tom.becker@example.net, Tom said; becker agreed')).toEqual([
      ['tom.becker@example.net', 'EMAIL', 'whole', 'requester_email'],
      ['tom', 'PERSON', 'part', 'requester_email'],
      ['becker', 'PERSON', 'part', 'requester_email'],
      ['Tom', 'PERSON', 'part', 'requester_email'],
      ['becker', 'PERSON', 'part', 'requester_email'],
    ]);
  });

  it('matches words in any case, with apostrophes, accents and characters beyond the BMP', () => {
    const k = new KnownValueIndex();
    k.learn("Seán O'Brien", 'PERSON', 'requester_name');
    k.learn('D’Arcy Øvergård', 'PERSON', 'requester_name');
    k.learn('Zoë 𝒳avier', 'PERSON', 'requester_name');
    expect(show(k, "SEÁN O'BRIEN, o'brien and Seán; d’arcy ØVERGÅRD; zoë 𝒳avier, 𝒳avier ZOË")).toEqual([
      ["SEÁN O'BRIEN", 'PERSON', 'whole', 'requester_name'],
      ["o'brien", 'PERSON', 'part', 'requester_name'],
      ['Seán', 'PERSON', 'part', 'requester_name'],
      ['d’arcy ØVERGÅRD', 'PERSON', 'whole', 'requester_name'],
      ['zoë 𝒳avier', 'PERSON', 'whole', 'requester_name'],
      ['𝒳avier', 'PERSON', 'part', 'requester_name'],
      ['ZOË', 'PERSON', 'part', 'requester_name'],
    ]);
  });

  it('keeps offsets in a text whose lower-case form is longer ("İ")', () => {
    const k = new KnownValueIndex();
    k.learn('Anna Weber', 'PERSON', 'requester_name');
    k.learn('Jürgen Öztürk', 'PERSON', 'requester_name');
    expect(show(k, 'İstanbul: ANNA WEBER, anna and Jürgen ÖZTÜRK')).toEqual([
      ['ANNA WEBER', 'PERSON', 'whole', 'requester_name'],
      ['anna', 'PERSON', 'part', 'requester_name'],
      ['Jürgen ÖZTÜRK', 'PERSON', 'whole', 'requester_name'],
    ]);
  });

  it('finds the same words in an ASCII text as in the same text with a character beyond ASCII after it', () => {
    const k = new KnownValueIndex();
    k.learn("Liam O'Brien", 'PERSON', 'requester_name');
    k.learn('Ann-Kathrin Smith', 'PERSON', 'requester_name');
    k.learn('agent7', 'USERNAME', 'login');
    const pieces = ["O'BRIEN", "o'brien's", 'liam', 'LIAM', 'Smith', 'ann', 'kathrin', 'agent7', 'Agent7x', "'", '-', ' ', '  ', ', ', '\n', "x'", '9'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % pieces.length;
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let i = 0; i < 12; i++) text += pieces[next()];
      expect(show(k, `${text} é`), text).toEqual(show(k, text));
    }
    expect(show(k, "Ask liam o'brien or O'Brien'")).toEqual([
      ["liam o'brien", 'PERSON', 'whole', 'requester_name'],
      ["O'Brien", 'PERSON', 'part', 'requester_name'],
    ]);
  });

  it('matches a known phone number written another way', () => {
    const k = new KnownValueIndex();
    k.learn('+44 20 7946 0958', 'PHONE', 'phone');
    expect(show(k, 'call +44 (20) 7946-0958 or 020 7946 0958')).toEqual([['+44 (20) 7946-0958', 'PHONE', 'whole', 'phone']]);
  });

  it('does not learn words too common to stand for anyone', () => {
    const k = new KnownValueIndex();
    k.learn('support@example.com', 'EMAIL', 'assignee');
    k.learn('Customer Service', 'PERSON', 'requester');
    expect(show(k, 'Our support team and customer service')).toEqual([['customer service', 'PERSON', 'whole', 'requester']]);
  });

  it('stays within its size, forgetting the oldest first', () => {
    const k = new KnownValueIndex(10);
    for (let i = 0; i < 100; i++) k.learn(`Person${i} Surname${i}`, 'PERSON', 'name');
    expect(k.size).toBeLessThanOrEqual(10);
    expect(show(k, 'person99 surname99')).toEqual([['person99 surname99', 'PERSON', 'whole', 'name']]);
    expect(show(k, 'person0 surname0')).toEqual([]);
  });

  it('learns a value seen lately again once a key has been forgotten, and finds it', () => {
    const k = new KnownValueIndex(6);
    k.learn('Ada Lovelace', 'PERSON', 'name'); // phrase + two parts: 3 keys
    k.learn('ada@example.org', 'EMAIL', 'email'); // address + part "ada" (already known): 4 keys
    expect(show(k, 'ada lovelace')).toEqual([['ada lovelace', 'PERSON', 'whole', 'name']]);
    // three more values push the index past its size: the oldest keys (Ada Lovelace's) are forgotten
    for (const v of ['Grace Hopper', 'Alan Turing']) k.learn(v, 'PERSON', 'name');
    expect(show(k, 'ada lovelace')).toEqual([]);
    // learned again, within the window of values learned lately: it must come back
    k.learn('Ada Lovelace', 'PERSON', 'name');
    expect(show(k, 'ada lovelace')).toEqual([['ada lovelace', 'PERSON', 'whole', 'name']]);
  });

  it('finds the same after a value is learned many times as after it is learned once', () => {
    const once = new KnownValueIndex();
    const often = new KnownValueIndex();
    once.learn('Maria Jensen', 'PERSON', 'requester');
    for (let i = 0; i < 50; i++) often.learn('Maria Jensen', 'PERSON', 'requester');
    expect(often.size).toBe(once.size);
    const text = 'Maria called; Jensen said maria jensen will call back';
    expect(often.find(text)).toEqual(once.find(text));
  });
});
