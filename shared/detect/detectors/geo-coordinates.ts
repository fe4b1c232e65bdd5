/**
 * LOCATION detector for geographic coordinates, which locate a person far more precisely than a town name: a
 * device's position in a log, a delivery address as a map pin, the "lat"/"lng" fields of an app's request.
 *
 * Patterns (explanation.pattern), score:
 *  - coordinates-hemisphere  a latitude and a longitude with degree signs, with or without hemisphere letters:
 *                            "40.7128° N, 74.0060° W", "N 48.8566°, E 2.3522°", "-33.8688°, 151.2093°"      0.9
 *  - coordinates-dms         degrees, minutes (and seconds) with hemispheres: 51°30'26.6"N 0°07'39.0"W      0.9
 *  - coordinates-pair        two plain decimals ("51.50740, -0.12780") after a coordinates word (gps, coordinates,
 *                            latitude, lng, location, geo, Koordinaten, Standort, coordonnées, ubicación …; not
 *                            "position", which windows and layouts have too)
 *                            within the 40 characters before                                            0.8
 *  - coordinate-field        one value after its own label: "lat=48.8566&lng=2.3522", "latitude": 48.85  0.8
 * A latitude lies in [-90, 90] and a longitude in [-180, 180]; decimal forms need at least three decimals (a
 * position to about 100 m) in the pair forms and two in the labelled fields. Both values of a pair are one finding.
 * Version numbers, prices and measurements are plain decimal pairs without a coordinates word: not reported.
 * Every regex is bounded (no nested quantifiers); the scan is linear.
 */

import type { Detector, Finding } from '../finding';
import { findingBuilder } from '../finding-builder';
import { defineKeywordHint, hasKeywordHint } from './keyword-hints';
import { hasDigitRun } from './text-scan';

const finding = findingBuilder('geo-coordinates', 'LOCATION', 'passed');

const S = '[ \\t\\u00a0]{0,2}';
const NUM = (intDigits: number, minDecimals: number) => `[-+−]?\\d{1,${intDigits}}[.,]\\d{${minDecimals},10}`;
/** Not inside a longer number or word. */
const LEFT = '(?<![\\p{L}\\p{N}_.,])';
const RIGHT = '(?![\\p{N}]|[.,]\\p{N}|\\p{L})';

/** "40.7128° N, 74.0060° W", "N 48.8566°, E 2.3522°", "-33.8688°, 151.2093°" (both degree signs are required below) */
const HEMISPHERE = new RegExp(
  `${LEFT}(?:[NS]${S})?(?<lat>${NUM(2, 2)})${S}(?<d1>°)?${S}[NS]?${S}[,;/]?${S}` +
    `(?:[EWO]${S})?(?<lon>${NUM(3, 2)})${S}(?<d2>°)?${S}[EWO]?${RIGHT}`,
  'gu',
);
/** 51°30'26.6"N 0°07'39.0"W */
const DMS = new RegExp(
  `${LEFT}(?<lat>\\d{1,2}°${S}\\d{1,2}['′]${S}(?:\\d{1,2}(?:[.,]\\d{1,4})?["″]${S})?[NS])${S}[,;/]?${S}` +
    `(?<lon>\\d{1,3}°${S}\\d{1,2}['′]${S}(?:\\d{1,2}(?:[.,]\\d{1,4})?["″]${S})?[EWO])(?![\\p{L}\\p{N}])`,
  'gu',
);
/** "51.50740, -0.12780" (needs a coordinates word before it). */
const PAIR = new RegExp(`${LEFT}(?<lat>${NUM(2, 3)})${S}[,;/ ]${S}(?<lon>${NUM(3, 3)})${RIGHT}`, 'gu');
/** "lat=48.8566", "latitude": 48.85, "lng: 2.3522" */
const FIELD = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?<label>lat|latitude|lng|lon|longitude|breitengrad|längengrad|latitud|longitud)` +
    `["']? {0,2}[:=] {0,2}["']?(?<value>[-+]?\\d{1,3}\\.\\d{2,10})${RIGHT}`,
  'giu',
);

const CONTEXT_WORDS = /(?<![\p{L}])(?:gps|coord(?:inate)?s?|latitude|lng|longitude|location|geo(?:location)?|koordinaten|standort|coordonnées|coordonnees|coordenadas|ubicaci[oó]n|localizaci[oó]n)(?![\p{L}])/iu;
const CONTEXT_CHARS = 40;
/** Every context word and field label holds one of these (a prefilter: the regexes decide). */
const WORD_HINT = defineKeywordHint('geo-coordinates', [
  'gps', 'coord', 'latitud', 'longitud', 'lng', 'location', 'geo', 'koordinaten', 'standort', 'coordonn', 'coordenadas',
  'ubicaci', 'localizaci', 'breitengrad', 'längengrad', 'lat"', "lat'", 'lat ', 'lat:', 'lat=', 'lon"', "lon'", 'lon ',
  'lon:', 'lon=',
]);

function parse(value: string): number {
  return Number(value.replace('−', '-').replace(',', '.'));
}

function inRange(lat: string, lon: string): boolean {
  const a = parse(lat);
  const b = parse(lon);
  return Math.abs(a) <= 90 && Math.abs(b) <= 180 && !(a === 0 && b === 0);
}

function contextBefore(text: string, start: number): string | null {
  const m = CONTEXT_WORDS.exec(text.slice(Math.max(0, start - CONTEXT_CHARS), start));
  return m === null ? null : m[0].toLowerCase();
}

function overlaps(out: readonly Finding[], start: number, end: number): boolean {
  return out.some((f) => f.start < end && start < f.end);
}

export const geoCoordinatesDetector: Detector = {
  id: 'geo-coordinates',
  version: '1',
  types: ['LOCATION'],
  detect(text) {
    if (!hasDigitRun(text, 1)) return [];
    const degrees = text.includes('°');
    const words = hasKeywordHint(text, WORD_HINT);
    if (!degrees && !words) return [];
    const out: Finding[] = [];
    if (degrees) {
      DMS.lastIndex = 0;
      for (let m = DMS.exec(text); m !== null; m = DMS.exec(text)) {
        out.push(finding(m.index, m.index + m[0].length, 0.9, 'coordinates-dms'));
      }
      HEMISPHERE.lastIndex = 0;
      for (let m = HEMISPHERE.exec(text); m !== null; m = HEMISPHERE.exec(text)) {
        const g = m.groups!;
        if (g.d1 === undefined || g.d2 === undefined || !inRange(g.lat!, g.lon!) || overlaps(out, m.index, m.index + m[0].length)) continue;
        out.push(finding(m.index, m.index + m[0].trimEnd().length, 0.9, 'coordinates-hemisphere'));
      }
    }
    if (!words) return out;
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) {
      const g = m.groups!;
      if (!inRange(g.lat!, g.lon!) || overlaps(out, m.index, m.index + m[0].length)) continue;
      const word = contextBefore(text, m.index);
      if (word === null) continue;
      out.push(finding(m.index, m.index + m[0].length, 0.8, 'coordinates-pair', 'passed', [{ word, effect: 0.3 }]));
    }
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(text); m !== null; m = FIELD.exec(text)) {
      const g = m.groups!;
      const label = g.label!.toLowerCase();
      const limit = label.startsWith('lat') || label.startsWith('breite') ? 90 : 180;
      if (Math.abs(parse(g.value!)) > limit) continue;
      const end = m.index + m[0].length;
      const start = end - g.value!.length;
      if (overlaps(out, start, end)) continue;
      out.push(finding(start, end, 0.8, 'coordinate-field', 'passed', [{ word: label, effect: 0.3 }]));
    }
    return out;
  },
};
