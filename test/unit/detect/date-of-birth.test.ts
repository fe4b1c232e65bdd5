import { describe, expect, it } from 'vitest';
import { dateOfBirthDetector, detectDatesOfBirth } from '../../../shared/detect/detectors/date-of-birth';

const NOW = new Date(Date.UTC(2025, 5, 15)); // 15 June 2025
const detect = (text: string, region = 'GB') => detectDatesOfBirth(text, region, NOW);
const found = (text: string, region = 'GB') => detect(text, region).map((f) => text.slice(f.start, f.end));

describe('dateOfBirthDetector', () => {
  it('declares its id, version and type', () => {
    expect(dateOfBirthDetector.id).toBe('date-of-birth');
    expect(dateOfBirthDetector.version).toBe('1');
    expect(dateOfBirthDetector.types).toEqual(['DATE_OF_BIRTH']);
    expect(dateOfBirthDetector.detect('DOB: 1990-05-17', { field: 'x', defaultRegion: 'US' }).length).toBe(1);
  });

  describe('dates after a birth word', () => {
    it.each([
      ['DOB: 1990-05-17', '1990-05-17', 'iso', 'dob', 0.9],
      ['D.O.B. 17.05.1990', '17.05.1990', 'numeric-dmy', 'd.o.b.', 0.9],
      ['Date of birth 17/05/1990', '17/05/1990', 'numeric-dmy', 'date of birth', 0.9],
      ['date of birth: 17 May 1990', '17 May 1990', 'day-month-year', 'date of birth', 0.9],
      ['He was born on May 17, 1990.', 'May 17, 1990', 'month-day-year', 'born on', 0.85],
      ['born 17th of May 1990', '17th of May 1990', 'day-month-year', 'born', 0.85],
      ['Birthday: 3 March 1985', '3 March 1985', 'day-month-year', 'birthday', 0.8],
      ['b. 12 March 1985', '12 March 1985', 'day-month-year', 'b.', 0.75],
      ['geboren am 17. Mai 1990', '17. Mai 1990', 'day-month-year', 'geboren am', 0.9],
      ['Geburtsdatum: 17.05.1990', '17.05.1990', 'numeric-dmy', 'geburtsdatum', 0.9],
      ['geb. 01.01.1980 in Köln', '01.01.1980', 'numeric-dmy', 'geb.', 0.9],
      ['Geburtstag 5. Dezember 1979', '5. Dezember 1979', 'day-month-year', 'geburtstag', 0.8],
      ['née le 17 mai 1990', '17 mai 1990', 'day-month-year', 'née le', 0.9],
      ['Date de naissance : 1er mai 1980', '1er mai 1980', 'day-month-year', 'date de naissance', 0.9],
      ['Fecha de nacimiento: 17 de mayo de 1990', '17 de mayo de 1990', 'day-month-year', 'fecha de nacimiento', 0.9],
      ['nacida el 17/05/1990', '17/05/1990', 'numeric-dmy', 'nacida el', 0.9],
    ])('finds %j', (text, date, pattern, word, score) => {
      const fs = detect(text);
      expect(fs).toHaveLength(1);
      const f = fs[0]!;
      expect(f.start).toBe(text.indexOf(date));
      expect(f.end).toBe(text.indexOf(date) + date.length);
      expect(f.type).toBe('DATE_OF_BIRTH');
      expect(f.score).toBe(score);
      expect(f.explanation.pattern).toBe(pattern);
      expect(f.explanation.validation).toBe('passed');
      expect(f.explanation.context[0]?.word).toBe(word);
    });

    it('reads month-first in the US and day-first elsewhere, falling back to the other order', () => {
      expect(detect('DOB 05/06/1990', 'US')[0]?.explanation.pattern).toBe('numeric-mdy');
      expect(detect('DOB 05/06/1990', 'GB')[0]?.explanation.pattern).toBe('numeric-dmy');
      expect(detect('DOB 05/17/1990', 'GB')[0]?.explanation.pattern).toBe('numeric-mdy');
      expect(detect('DOB 17/05/1990', 'US')[0]?.explanation.pattern).toBe('numeric-dmy');
    });

    it('reads two-digit years as the most recent past year and scores them lower', () => {
      const [a] = detect('DOB 17.05.90');
      expect(a?.score).toBe(0.85);
      expect(found('DOB 17.05.20')).toEqual(['17.05.20']);
      expect(found('DOB 17.05.30')).toEqual(['17.05.30']); // 1930
    });

    it('allows one non-filler word between ("born in Paris on …") at a lower score', () => {
      const [f] = detect('born in Paris on 5 May 1990');
      expect(f?.score).toBe(0.75);
      expect(found('born in Paris on 5 May 1990')).toEqual(['5 May 1990']);
    });

    it('finds several dates of birth in one text', () => {
      const text = 'Parent DOB: 1970-01-02; child DOB: 2010-03-04.';
      expect(found(text)).toEqual(['1970-01-02', '2010-03-04']);
    });
  });

  describe('what it does not report', () => {
    it.each([
      'The ticket was created 2024-01-05',
      'Meeting on 17 May 1990 with the team',
      'DOB: 31.02.1990',
      'born 1890-01-01',
      'birth: 2099-01-01',
      'DOB: 2025-06-16',
      'born in 1990',
      'age 34, 34 years old',
      'Date of birth. The order 2024-01-05',
      'Our birthday sale ends 2024-12-31!',
      'DOB field is empty, created 2023-05-01.',
      'Web. 12 May 1990',
      'doblado 12.05.1990',
      'DOB 1990-13-01',
    ])('%j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  it('uses today by default', () => {
    const y = new Date().getUTCFullYear();
    expect(dateOfBirthDetector.detect(`DOB 01.01.${y + 1}`, { field: 'x', defaultRegion: 'GB' })).toEqual([]);
    expect(dateOfBirthDetector.detect(`DOB 01.01.${y - 30}`, { field: 'x', defaultRegion: 'GB' })).toHaveLength(1);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const rep = (s: string): string => s.repeat(Math.ceil(M / s.length)).slice(0, M);
    it('birth words everywhere, no dates', () => {
      expect(detect(rep('dob '))).toEqual([]);
      expect(detect(rep('born 1 '))).toEqual([]);
      expect(detect(rep('date of birth 99.99.9999 '))).toEqual([]);
      expect(detect(rep('b. May '))).toEqual([]);
      expect(detect('1'.repeat(M))).toEqual([]);
    }, 10_000);
    it('many real dates of birth', () => {
      const fs = detect(rep('DOB 17.05.1990, '));
      expect(fs.length).toBeGreaterThan(60_000);
      for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
    }, 10_000);
  });
});
