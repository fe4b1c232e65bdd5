import { describe, expect, it } from 'vitest';
import { geoCoordinatesDetector } from '../../../shared/detect/detectors/geo-coordinates';

const detect = (text: string) => geoCoordinatesDetector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
const patterns = (text: string) => detect(text).map((f) => f.explanation.pattern);

describe('LOCATION: geographic coordinates', () => {
  it('degrees with or without hemispheres, and degrees-minutes-seconds', () => {
    expect(found('location: 40.7128° N, 74.0060° W today')).toEqual(['40.7128° N, 74.0060° W']);
    expect(found('pin at -33.8688°, 151.2093°.')).toEqual(['-33.8688°, 151.2093°']);
    expect(found('Treffpunkt 51°30\'26.6"N 0°07\'39.0"W')).toEqual(['51°30\'26.6"N 0°07\'39.0"W']);
    expect(patterns('51°30\'26.6"N 0°07\'39.0"W')).toEqual(['coordinates-dms']);
    const f = detect('40.7128° N, 74.0060° W')[0]!;
    expect(f).toMatchObject({ type: 'LOCATION', detector: 'geo-coordinates', score: 0.9 });
  });
  it('a plain decimal pair after a coordinates word, with three decimals or more', () => {
    expect(found("The driver's GPS showed 51.50740, -0.12780 at the time")).toEqual(['51.50740, -0.12780']);
    expect(found('Standort: 48.13743, 11.57549')).toEqual(['48.13743, 11.57549']);
    expect(detect('coordinates 48.13743 11.57549')[0]!.explanation.context).toEqual([{ word: 'coordinates', effect: 0.3 }]);
    expect(found('versions 1.2345, 2.3456 installed')).toEqual([]);
    expect(found('position 1.234, 5.678 of the window')).toEqual([]);
    expect(found('GPS 48.1, 11.5')).toEqual([]);
  });
  it('labelled fields, each value in its range', () => {
    expect(found('https://maps.example/?lat=48.8566&lng=2.3522')).toEqual(['48.8566', '2.3522']);
    expect(found('{"latitude": 48.85, "longitude": 2.35}')).toEqual(['48.85', '2.35']);
    expect(found('lat=123.4567')).toEqual([]);
    expect(found('lon: 181.25')).toEqual([]);
    expect(patterns('lng: -122.4194')).toEqual(['coordinate-field']);
  });
  it('out-of-range pairs, temperatures and null island are not positions', () => {
    expect(found('GPS 91.12345, 10.12345')).toEqual([]);
    expect(found('GPS 45.12345, 181.12345')).toEqual([]);
    expect(found('GPS 0.000, 0.000')).toEqual([]);
    expect(found('heated to 45.5°, then 120.25°')).toEqual([]);
  });
});
