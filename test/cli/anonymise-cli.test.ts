import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cli, cliAsync, fixture, ROOT, sha256, tempDir } from '../helpers/cli';

const example = (name: string) => join(ROOT, 'examples', name);
const profileFile = (dir: string, name: string, profile: object) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ version: 1, ...profile }));
  return path;
};
const keepAll = (dir: string) => profileFile(dir, 'keep.profile.json', { extends: 'none', defaultOperator: 'keep' });
/** Every finding as [TYPE]: predictable output for tests about formats rather than operators. */
const redactAll = (dir: string) => profileFile(dir, 'redact.profile.json', { extends: 'none', defaultOperator: 'redact', operators: { IDENTIFIER: 'keep' } });
/** What a run without --key says on stderr. */
const NO_KEY_NOTE = /^note: no --key given, so this run uses a fresh random key: pseudonyms are consistent within this run only\.\n.*anonymise key new FILE.*\n$/;

describe('anonymise CLI', () => {
  it('prints its usage through npx from the repository root', () => {
    const out = execFileSync('npx', ['--no-install', 'anonymise', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/anonymise run INPUT\.\.\. --out PATH/);
    expect(out).toMatch(/anonymise scan INPUT/);
  });

  it('anonymises the example CSV with the default policy: same rows and columns, identities pseudonymised, input untouched', () => {
    const dir = tempDir();
    const input = example('tickets.csv');
    const before = sha256(input);
    const out = join(dir, 'tickets.csv');
    const r = cli(['run', input, '--out', out, '--quiet']);
    expect(r.stderr).toMatch(NO_KEY_NOTE);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 records, \d+ findings/);
    expect(sha256(input)).toBe(before);
    const original = Papa.parse<string[]>(readFileSync(input, 'utf8')).data;
    const written = readFileSync(out, 'utf8');
    const anonymised = Papa.parse<string[]>(written).data;
    expect(anonymised.length).toBe(original.length);
    expect(anonymised[0]).toEqual(original[0]);
    expect(anonymised.map((row) => row[0])).toEqual(original.map((row) => row[0])); // ticket ids kept
    for (const secret of ['maria.jensen@example.com', '(202) 555-0147', 'token=8f14e45f', '2001:db8:85a3::8a2e:370:7334', '7946 0958']) {
      expect(written).not.toContain(secret);
    }
    // the IP as a whole address: its pseudonym is another documentation address, which may begin with the same
    // characters ("198.51.100.234"); likewise the phone number with its area code (the fake is another 555-01xx)
    expect(written).not.toMatch(/(?<![\d.])198\.51\.100\.23(?![\d])/);
    const column = original[0]!.indexOf('requester_email');
    const emails = anonymised.slice(1).filter((row) => row.length > 1).map((row) => row[column]);
    expect(emails).toHaveLength(4);
    for (const email of emails) expect(email).toMatch(/^user-[0-9a-f]{10}@example\.invalid$/);
    expect(written).toMatch(/\b555-01\d\d\b/); // a fictional phone number
    expect(written).not.toMatch(/\[(EMAIL|PHONE|IP_ADDRESS)\]/);
    expect(readdirSync(dir)).toEqual(['tickets.csv']); // no temp file left
  });

  it('anonymises JSON (with an envelope member) and NDJSON, keeping their shape', () => {
    const dir = tempDir();
    const r = cli(['run', example('cases.json'), example('conversations.ndjson'), '--out', join(dir, 'out'), '--profile', redactAll(dir), '--quiet']);
    expect(r.status).toBe(0);
    const cases = JSON.parse(readFileSync(join(dir, 'out/cases.json'), 'utf8'));
    const original = JSON.parse(readFileSync(example('cases.json'), 'utf8'));
    expect(Object.keys(cases)).toEqual(Object.keys(original));
    expect(cases.exported_by).toBe('[EMAIL]');
    expect(cases.cases).toHaveLength(2);
    expect(cases.cases[0].Comments[1].body).toBe('Still nothing. Sent from my home IP [IP_ADDRESS].');
    expect(cases.cases[0].Priority).toBe(2);
    const lines = readFileSync(join(dir, 'out/conversations.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].user.email).toBe('[EMAIL]');
    expect(lines[0].parts[0].body).toContain('[PHONE]');
  });

  it('writes a report that names files by hash and counts, never by value', () => {
    const dir = tempDir();
    const input = example('tickets.csv');
    const r = cli(['run', input, '--out', join(dir, 'a.csv'), '--report', join(dir, 'report.json'), '--quiet']);
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    const report = JSON.parse(text);
    expect(report.files[0].input.sha256).toBe(sha256(input));
    expect(report.files[0].output.sha256).toBe(sha256(join(dir, 'a.csv')));
    expect(report.files[0].records).toBe(4);
    expect(report.files[0].findingsByField.requester_email.EMAIL).toBe(4);
    expect(report.totals.findingsByType.EMAIL).toBeGreaterThanOrEqual(8);
    // (not "555" alone: the output's random SHA-256 may hold it)
    expect(text).not.toMatch(/example\.(com|net|de|co\.uk)|555-01|198\.51\.100/);
  });

  it('writes the input back byte for byte when the policy keeps everything', () => {
    const dir = tempDir();
    const profile = keepAll(dir);
    const inputs = [
      ...['zendesk-tickets.csv', 'servicenow-incidents.csv', 'utf16le-bom.csv', 'utf16be-bom.csv', 'windows-1252.csv', 'tab-separated.tsv'].map((f) => fixture('csv', f)),
      example('cases.json'),
      example('conversations.ndjson'),
    ];
    const r = cli(['run', ...inputs, '--out', join(dir, 'out'), '--profile', profile, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const input of inputs) expect(sha256(join(dir, 'out', input.split('/').pop()!))).toBe(sha256(input));
  });

  it('keeps the input encoding, or writes UTF-8 on request', () => {
    const dir = tempDir();
    const redact = redactAll(dir);
    for (const name of ['utf16le-bom.csv', 'windows-1252.csv']) {
      expect(cli(['run', fixture('csv', name), '--out', join(dir, name), '--profile', redact, '--quiet']).status).toBe(0);
      expect(cli(['run', fixture('csv', name), '--out', join(dir, `utf8-${name}`), '--output-encoding', 'utf-8', '--profile', redact, '--quiet']).status).toBe(0);
      const utf8 = readFileSync(join(dir, `utf8-${name}`), 'utf8');
      expect(utf8).toContain('1,[PERSON],“Café” – 50€ paid by [EMAIL]'); // the name column is classified as PERSON
    }
    const le = readFileSync(join(dir, 'utf16le-bom.csv'));
    expect([...le.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(le.toString('utf16le')).toContain('paid by [EMAIL]');
    const cp1252 = readFileSync(join(dir, 'windows-1252.csv'));
    expect(cp1252.includes(Buffer.from([0x80]))).toBe(true); // € stays one Windows-1252 byte
  });

  it('refuses to overwrite an input, however the path is spelled', () => {
    const dir = tempDir();
    const input = join(dir, 'tickets.csv');
    copyFileSync(example('tickets.csv'), input);
    symlinkSync(input, join(dir, 'link.csv'));
    const before = sha256(input);
    for (const out of [input, join(dir, '.', 'tickets.csv'), join(dir, 'link.csv'), dir]) {
      const r = cli(['run', input, '--out', out, '--quiet']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/refusing to overwrite the input/);
    }
    const findings = cli(['scan', input, '--findings', join(dir, 'link.csv'), '--quiet']);
    expect(findings.status).toBe(2);
    expect(findings.stderr).toMatch(/the findings file would overwrite/);
    const report = cli(['run', input, '--out', join(dir, 'out.csv'), '--report', input, '--quiet']);
    expect(report.status).toBe(2);
    expect(report.stderr).toMatch(/the report would overwrite/);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'tickets.csv']);
  });

  it('stops at a malformed row with one line naming the file and line, and leaves no output', () => {
    const dir = tempDir();
    const input = fixture('csv', 'wrong-field-count.csv');
    const r = cli(['run', input, '--out', join(dir, 'out.csv'), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(input);
    expect(r.stderr).toMatch(/line 3/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('can keep a malformed row instead, with a warning', () => {
    const dir = tempDir();
    const r = cli(['run', fixture('csv', 'wrong-field-count.csv'), '--out', join(dir, 'out.csv'), '--on-malformed-row', 'keep', '--profile', redactAll(dir), '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*wrong-field-count\.csv, line 3, record 1: row has 2 fields, the header has 3/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('id,name,email\n1,[PERSON],[EMAIL]\n2,[PERSON]\n3,[PERSON],[EMAIL]\n');
  });

  it('names the line of broken JSON and NDJSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.ndjson'), '{"a":"x@example.com"}\n{"a": nope}\n');
    const r = cli(['run', join(dir, 'bad.ndjson'), '--out', join(dir, 'out.ndjson'), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.ndjson.*line 2/);
    expect(existsSync(join(dir, 'out.ndjson'))).toBe(false);
  });

  it('reports invalid UTF-8 with its line and a hint', () => {
    const dir = tempDir();
    // valid UTF-8 for the first 64 KB (so sniffing says UTF-8), then a stray byte on a later line
    const head = 'id,note\n' + '1,fine\n'.repeat(12_000);
    writeFileSync(join(dir, 'mixed.csv'), Buffer.concat([Buffer.from(head), Buffer.from([0x32, 0x2c, 0xe9, 0x0a])]));
    const r = cli(['run', join(dir, 'mixed.csv'), '--out', join(dir, 'out.csv'), '--quiet']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/mixed\.csv, line 12002: the bytes are not valid UTF-8.*--encoding windows-1252/);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  it('scan --findings writes one documented line per finding, without values unless asked', () => {
    const dir = tempDir();
    const findings = join(dir, 'f.jsonl');
    const r = cli(['scan', example('cases.json'), '--findings', findings, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/by type: .*EMAIL/);
    expect(r.stdout).toMatch(/Comments\[\]\.body/);
    const lines = readFileSync(findings, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['record', 'field', 'start', 'end', 'type', 'detector', 'score']);
      expect(line.score).toBeGreaterThan(0);
      expect(line.score).toBeLessThanOrEqual(1);
    }
    expect(lines).toContainEqual(expect.objectContaining({ record: 0, field: 'Comments[1].body', type: 'IP_ADDRESS' }));
    expect(lines).toContainEqual(expect.objectContaining({ record: null, field: 'exported_by', type: 'EMAIL' }));

    const withValues = join(dir, 'v.jsonl');
    expect(cli(['scan', example('cases.json'), '--findings', withValues, '--include-values', '--quiet']).status).toBe(0);
    const data = JSON.parse(readFileSync(example('cases.json'), 'utf8'));
    for (const line of readFileSync(withValues, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l))) {
      if (line.record === null) continue;
      const value = line.field.split(/\.|\[|\]\.?/).filter(Boolean).reduce((v: never, k: string) => v[k], data.cases[line.record]);
      expect((value as string).slice(line.start, line.end)).toBe(line.value);
    }
  });

  it('rejects bad usage with exit code 2 and a hint', () => {
    expect(cli(['run', example('tickets.csv')]).status).toBe(2);
    const r = cli(['run', example('tickets.csv'), '--out', '/tmp/x.csv', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--bogus'[\s\S]*anonymise run --help/);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['run', example('tickets.csv'), '--out', '/tmp/x.csv', '--format', 'xml']).stderr).toMatch(/--format must be one of csv, json, ndjson/);
    expect(cli(['run', '/nonexistent/file.csv', '--out', '/tmp/x.csv']).stderr).toMatch(/\/nonexistent\/file\.csv: no such file/);
  });

  it('checks a profile before touching any record', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ version: 1, operators: { EMAIL: 'shred' } }));
    const r = cli(['run', example('tickets.csv'), '--out', join(dir, 'o.csv'), '--profile', join(dir, 'p.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\.json: "operators\.EMAIL" must be one of redact, mask, hash, pseudonym, generalise, drop, blank, keep .*found "shred"/);
    expect(readdirSync(dir)).toEqual(['p.json']);
  });

  it('leaves nothing behind when interrupted with Ctrl-C mid-run', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.csv');
    const row = '1,"Please call +44 20 7946 0958 or write to someone@example.com from 203.0.113.9, thanks"\n';
    writeFileSync(big, 'id,text\n' + row.repeat(400_000));
    const child = cliAsync(['run', big, '--out', join(dir, 'out.csv'), '--quiet']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // wait until the temp file exists, then interrupt
    for (let i = 0; i < 400 && !readdirSync(dir).some((f) => f.endsWith('.partial')); i++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(readdirSync(dir)).toEqual(['big.csv']);
  });

  it("applies the profile's allowlist, denylist and custom detectors", () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,note\n1,"Mail support@acme.example or anna@example.com about Project Phoenix, badge EMP123456"\n');
    writeFileSync(
      join(dir, 'p.json'),
      JSON.stringify({
        version: 1,
        extends: 'none',
        operators: { IDENTIFIER: 'keep' },
        allow: ['support@acme.example'],
        deny: [{ value: 'project phoenix', match: 'case-insensitive', type: 'CONFIDENTIAL_NOTE' }],
        detectors: [{ name: 'employee-id', type: 'CUSTOM', regex: '\\bEMP\\d{6}\\b' }],
      }),
    );
    const r = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--profile', join(dir, 'p.json'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('id,note\n1,"Mail support@acme.example or [EMAIL] about [CONFIDENTIAL_NOTE], badge [CUSTOM]"\n');
  });

  it('finds a requester named in one file of a package in every record of every file, and applies profile case numbers', () => {
    const dir = tempDir();
    // ticket 1 of a.csv mentions the requester of b.csv before any record names her
    writeFileSync(join(dir, 'a.csv'), 'id,requester_email,description\n1,tom.baker@example.com,"printer of oyelaran-kowalczyk, see KB-778812"\n');
    writeFileSync(join(dir, 'b.csv'), 'id,requester_name,description\n7,Marguerite Oyelaran-Kowalczyk,Printer broken\n');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ version: 1, extends: 'none', caseNumbers: { patterns: [{ name: 'kb', regex: '\\bKB-\\d{6}\\b' }] } }));
    const r = cli(['run', join(dir, 'a.csv'), join(dir, 'b.csv'), '--out', join(dir, 'out'), '--profile', join(dir, 'p.json'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out/a.csv'), 'utf8')).toBe('id,requester_email,description\n1,[EMAIL],"printer of [PERSON], see [CASE_NUMBER]"\n');
    // scan reads the identity columns of the whole file first: here the name is learned from record 2
    writeFileSync(join(dir, 'c.csv'), 'id,requester_name,description\n1,Ann Lee,"printer of oyelaran-kowalczyk"\n2,Marguerite Oyelaran-Kowalczyk,x\n');
    const scan = cli(['scan', join(dir, 'c.csv'), '--findings', join(dir, 'f.jsonl'), '--quiet']);
    expect(scan.status).toBe(0);
    const found = readFileSync(join(dir, 'f.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(found.filter((f) => f.field === 'description')).toEqual([
      { record: 0, field: 'description', start: 11, end: 29, type: 'PERSON', detector: 'known-value', score: 0.7 },
    ]);
  });
});
