/**
 * Detection in worker threads changes nothing but the speed: a few thousand records in CSV, JSON and NDJSON, cut
 * into hundreds of small batches (--batch-kb 1), give byte-identical outputs, findings files, audit reports and
 * `verify` reports (apart from their dates) with 1, 2 and 3 workers, under a profile with keyed pseudonyms, numbered
 * redactions ({n}, numbered in order of first appearance: any reordering would show) and an allowlisted address.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { supportTickets, ticketsAs } from '../helpers/support-records';

const FORMATS = ['csv', 'json', 'ndjson'] as const;
const WORKERS = ['1', '2', '3'] as const;
const RECORDS = 800;
/** Nine CLI runs per format, each starting up to three workers, on a machine that may be busy. */
const TIMEOUT_MS = 300_000;

let dir: string;
let profile: string;
let key: string;

beforeAll(() => {
  dir = tempDir();
  profile = join(dir, 'numbered.profile.json');
  writeFileSync(
    profile,
    JSON.stringify({
      version: 1,
      extends: 'default',
      redactTemplate: '[{type}_{n}]',
      operators: { PERSON: 'redact', PHONE: 'redact', IP_ADDRESS: 'redact' },
      allow: [{ value: 'angela.support@example.org', match: 'case-insensitive' }],
    }),
  );
  key = join(dir, 'project.key');
  expect(cli(['key', 'new', key]).status).toBe(0);
  const tickets = supportTickets(RECORDS);
  for (const format of FORMATS) writeFileSync(join(dir, `tickets.${format}`), ticketsAs(format, tickets));
});

/** The report without its creation time, the one field that differs from run to run. */
function reportOf(path: string): unknown {
  const { createdAt: _createdAt, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest).replaceAll(/out-\d/g, 'out-N'));
}

describe.each(FORMATS)('%s with 1, 2 and 3 detection workers', (format) => {
  it('writes the same bytes, findings and report', () => {
    const input = join(dir, `tickets.${format}`);
    const outputs = WORKERS.map((workers) => {
      const out = join(dir, `out-${workers}.${format}`);
      const report = join(dir, `report-${workers}-${format}.json`);
      const run = cli(['run', input, '--out', out, '--profile', profile, '--key', key, '--report', report, '--workers', workers, '--batch-kb', '1', '--quiet']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const findings = join(dir, `findings-${workers}-${format}.jsonl`);
      const scan = cli(['scan', input, '--findings', findings, '--profile', profile, '--workers', workers, '--batch-kb', '1', '--quiet']);
      expect(scan.status).toBe(0);
      const verifyReport = join(dir, `verify-${workers}-${format}.json`);
      const verify = cli(['verify', input, '--against', out, '--profile', profile, '--key', key, '--report', verifyReport, '--workers', workers, '--batch-kb', '1', '--quiet']);
      expect(verify.status).toBe(0);
      return {
        bytes: readFileSync(out),
        findings: readFileSync(findings, 'utf8'),
        report: reportOf(report),
        verification: reportOf(verifyReport),
        summary: run.stdout.replaceAll(/(out|report)-\d/g, '$1-N'),
      };
    });
    const [one, ...more] = outputs;
    // the data is what the test says it is: numbered redactions, pseudonyms, the allowed address kept, and many findings
    const text = one!.bytes.toString('utf8');
    expect(text).toMatch(/\[PERSON_\d+\]/);
    expect(text).toMatch(/\[PHONE_\d{3,}\]/);
    expect(text).toContain('angela.support@example.org');
    const login = /Users\\+(\w+)\\+AppData/.exec(readFileSync(input, 'utf8'))![1]!;
    expect(text).not.toMatch(new RegExp(`\\b${login}\\b`));
    expect(one!.findings.split('\n').length).toBeGreaterThan(RECORDS);
    expect(one!.summary).toMatch(/verification passed/);
    for (const other of more) {
      expect(other.bytes.equals(one!.bytes)).toBe(true);
      expect(other.findings).toBe(one!.findings);
      expect(other.report).toEqual(one!.report);
      expect(other.verification).toEqual(one!.verification);
      expect(other.summary).toBe(one!.summary);
    }
  }, TIMEOUT_MS);
});

describe('--workers and --batch-kb', () => {
  it('refuse values that are not whole numbers in range', () => {
    const input = join(dir, 'tickets.csv');
    for (const [option, value] of [['--workers', '0'], ['--workers', 'two'], ['--batch-kb', '-1'], ['--workers', '65']]) {
      const r = cli(['scan', input, `${option}=${value}`, '--quiet']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${option} must be a whole number from 1 to`));
    }
  });
});
