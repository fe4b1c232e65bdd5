import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress } from '../../../src-main/cli/progress-bar';

describe('progress bar', () => {
  it('shows share, speed, counts and time left', () => {
    const line = formatProgress('tickets.csv', { bytes: 50e6, totalBytes: 200e6, records: 123456, findings: 7890, elapsedMs: 5000 }, 10);
    expect(line).toBe('tickets.csv [###.......]  25%  10.0 MB/s  123,456 records  7,890 findings  ETA 0:15');
  });

  it('drops the ETA when done or when the speed is unknown', () => {
    expect(formatProgress('a', { bytes: 10, totalBytes: 10, records: 1, findings: 0, elapsedMs: 1000 }, 4)).not.toMatch(/ETA/);
    expect(formatProgress('a', { bytes: 0, totalBytes: 10, records: 0, findings: 0, elapsedMs: 0 }, 4)).not.toMatch(/ETA/);
  });

  it('formats durations', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
