import { describe, expect, it } from 'vitest';
import { createDefaultRegistry, defaultDetectors } from '../../../shared/detect/default-detectors';
import type { Finding } from '../../../shared/detect/finding';
import { createDetectorRegistry } from '../../../shared/detect/registry';

const ctx = { field: 'comments[0].body', defaultRegion: 'GB' };
const show = (text: string, fs: Finding[]) => fs.map((f) => [f.type, text.slice(f.start, f.end)]);

describe('defaultDetectors / createDefaultRegistry', () => {
  it('lists the built-in detectors with unique ids, and a fresh array each time', () => {
    const ds = defaultDetectors();
    const ids = ds.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['email', 'url', 'ip-address', 'phone', 'column-value', 'confidential-note', 'known-value']));
    expect(defaultDetectors()).not.toBe(ds);
    expect(createDefaultRegistry().detectors.map((d) => d.id)).toEqual(ids);
  });

  it('lets a caller add a detector with one call, and rejects a duplicate id', () => {
    const r = createDefaultRegistry();
    const before = r.detectors.length;
    r.register({ id: 'custom', version: '1', types: ['CUSTOM'], detect: () => [] });
    expect(r.detectors).toHaveLength(before + 1);
    expect(() => r.register({ id: 'email', version: '2', types: ['EMAIL'], detect: () => [] })).toThrow();
  });

  it('finds every kind in a realistic ticket body', () => {
    const text =
      'Hi, I am Zoë 👋. Email me at zoe.martin@example.co.uk or call +44 20 7946 0958. ' +
      'My router (192.168.1.254) logs fe80::1%eth0; portal: https://portal.example.com/login?user=zoe. ' +
      'Running version 10.0.19041.1 on Windows 10.0.19041.1.';
    const fs = createDefaultRegistry().detect(text, ctx);
    expect(show(text, fs)).toEqual([
      ['PERSON', 'Zoë'],
      ['EMAIL', 'zoe.martin@example.co.uk'],
      ['PHONE', '+44 20 7946 0958'],
      ['IP_ADDRESS', '192.168.1.254'],
      ['IP_ADDRESS', 'fe80::1%eth0'],
      ['URL', 'https://portal.example.com/login?user=zoe'],
    ]);
  });

  it('keeps the URL when an e-mail sits in its query (same score, longer span)', () => {
    const text = 'Link: https://example.com/unsubscribe?email=john@example.com&t=1 thanks';
    const fs = createDefaultRegistry().detect(text, ctx);
    expect(show(text, fs)).toEqual([['URL', 'https://example.com/unsubscribe?email=john@example.com&t=1']]);
  });

  it('keeps the URL over its credentials, host IP and path digits', () => {
    const text = 'a https://admin:s3cret@example.com/x b http://10.0.0.7:8080/status c https://x.io/call/02079460958 d';
    expect(show(text, createDefaultRegistry().detect(text, ctx))).toEqual([
      ['URL', 'https://admin:s3cret@example.com/x'],
      ['URL', 'http://10.0.0.7:8080/status'],
      ['URL', 'https://x.io/call/02079460958'],
    ]);
  });

  it('keeps an e-mail whose domain starts with www over the www host', () => {
    const text = 'mail john@www.example.com now';
    expect(show(text, createDefaultRegistry().detect(text, ctx))).toEqual([['EMAIL', 'john@www.example.com']]);
  });

  it('resolves overlaps identically whatever the registration order', () => {
    const text =
      'x https://example.com/?e=john@example.com&ip=10.0.0.1&tel=02079460958 y john@example.com ' +
      '10.0.0.1 +44 20 7946 0958 www.example.com ::ffff:192.0.2.1';
    const ds = defaultDetectors();
    const orders = [ds, [...ds].reverse(), [ds[2]!, ds[0]!, ds[3]!, ds[1]!], [ds[3]!, ds[1]!, ds[0]!, ds[2]!]];
    const results = orders.map((o) => JSON.stringify(createDetectorRegistry(o).detect(text, ctx)));
    expect(new Set(results).size).toBe(1);
    const fs = JSON.parse(results[0]!) as Finding[];
    expect(show(text, fs)).toEqual([
      ['URL', 'https://example.com/?e=john@example.com&ip=10.0.0.1&tel=02079460958'],
      ['EMAIL', 'john@example.com'],
      ['IP_ADDRESS', '10.0.0.1'],
      ['PHONE', '+44 20 7946 0958'],
      ['URL', 'www.example.com'],
      ['IP_ADDRESS', '::ffff:192.0.2.1'],
    ]);
    for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
  });

  it('does not report version strings as IP addresses or phones', () => {
    const text = 'Microsoft Windows 10.0.19041.1 (version 10.0.19041.1), build 22621.2715, v1.2.3.4';
    const fs = createDefaultRegistry().detect(text, { field: 'os', defaultRegion: 'DE' });
    expect(fs).toEqual([]);
  });

  it('keeps exact UTF-16 offsets after astral characters', () => {
    const text = '🎉🎉 é ü 😀 john@example.com 😀 10.1.2.3';
    const fs = createDefaultRegistry().detect(text, ctx);
    const e = text.indexOf('john');
    const i = text.indexOf('10.1');
    expect(fs.map((f) => [f.start, f.end])).toEqual([
      [e, e + 16],
      [i, i + 8],
    ]);
  });

  it('completes on a 1 MB mix of adversarial fragments', () => {
    const chunk = 'a@ http:// www. 1.2.3.4.5 ::: 12 34 56 (((( )))) .... +1 ';
    const text = chunk.repeat(Math.ceil((1 << 20) / chunk.length));
    const fs = createDefaultRegistry().detect(text, ctx);
    for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
  }, 10_000);
});
