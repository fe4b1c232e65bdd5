/**
 * Verification end to end through the real CLI: the checks after a run and `anonymise verify` on its own, planted
 * leaks, the audit report (JSON and HTML) and the package, and the re-identification risk on a table counted by hand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';

const TICKETS = [
  'id,requester_name,requester_email,plan,description',
  '1,Maria Jensen,maria.jensen@example.com,pro,"Hello, Maria Jensen here. Call me on +1 (202) 555-0147 please."',
  '2,Tobias Lindqvist,tobias.lindqvist@example.org,basic,"Login fails from 198.51.100.23, regards Tobias Lindqvist"',
  '3,Grace Okonjo,grace.okonjo@example.net,pro,"Invoice question, reach me at grace.okonjo@example.net"',
].join('\n') + '\n';

const setUp = () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'tickets.csv'), TICKETS);
  expect(cli(['key', 'new', join(dir, 'project.key')]).status).toBe(0);
  return dir;
};
const run = (dir: string, ...extra: string[]) => cli(['run', join(dir, 'tickets.csv'), '--out', join(dir, 'out.csv'), '--key', join(dir, 'project.key'), '--quiet', ...extra]);
const verify = (dir: string, against: string, ...extra: string[]) => cli(['verify', join(dir, 'tickets.csv'), '--against', against, '--quiet', ...extra]);

/** The anonymised copy with `edit` applied to its text, as a new file. */
const planted = (dir: string, name: string, edit: (text: string) => string) => {
  const path = join(dir, name);
  writeFileSync(path, edit(readFileSync(join(dir, 'out.csv'), 'utf8')));
  return path;
};
/** Puts `text` at the end of the first record's description. */
const intoDescription = (text: string) => (csv: string) => csv.replace(/please\."/, `please. ${text}"`);

describe('verification after a run, and on its own', () => {
  it('passes a clean default run, after the run and again on its own, with or without the key', () => {
    const dir = setUp();
    const r = run(dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/verify .*tickets\.csv ⇄ .*out\.csv: passed\n/);
    expect(r.stdout).toMatch(/verification passed\n$/);
    expect(verify(dir, join(dir, 'out.csv'), '--key', join(dir, 'project.key')).status).toBe(0);
    const withoutKey = verify(dir, join(dir, 'out.csv'));
    expect(withoutKey.stdout).toMatch(/passed/);
    expect(withoutKey.status).toBe(0);
  });

  it('fails a file checked against itself: everything is residual and every original survived', () => {
    const dir = setUp();
    const r = verify(dir, join(dir, 'tickets.csv'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAILED/);
    expect(r.stdout).toMatch(/\d+ residual findings \(.*EMAIL \d+/);
    expect(r.stdout).toMatch(/\d+ original values still in the output \(.*PERSON \d+/);
    expect(r.stdout).toMatch(/verification FAILED/);
    // locations and types only: no value in what it prints
    for (const value of ['Maria Jensen', 'maria.jensen@example.com', '555-0147', '198.51.100.23']) expect(r.stdout + r.stderr).not.toContain(value);
  });

  it.each([
    ['a name in an unusual case', 'mARIA jENSEN', /PERSON, found other-case/],
    ['an e-mail in a URL-encoded query parameter', 'see https://portal.example/login?user=maria.jensen%40example.com&x=1', /EMAIL, found url-encoded/],
    ['a base64-encoded e-mail', `token ${Buffer.from('maria.jensen@example.com').toString('base64')} end`, /EMAIL, found base64/],
    ['an HTML-entity-encoded e-mail', 'maria.jensen&#64;example.com', /EMAIL, found html-entities/],
    ['a phone number written with other separators', '202.555.0147', /PHONE, found digits/],
  ])('finds a planted leak: %s', (_what, leak, expected) => {
    const dir = setUp();
    expect(run(dir).status).toBe(0);
    const r = verify(dir, planted(dir, 'leaky.csv', intoDescription(leak)), '--key', join(dir, 'project.key'));
    expect(r.stdout).toMatch(expected);
    expect(r.stdout).toMatch(/record 0, field description/);
    expect(r.status).toBe(1);
  });

  it('finds a value the policy was told to keep, and lists it apart without failing', () => {
    const dir = setUp();
    writeFileSync(join(dir, 'keep-emails.json'), JSON.stringify({ version: 1, operators: { EMAIL: 'keep' } }));
    const r = run(dir, '--profile', join(dir, 'keep-emails.json'));
    expect(r.stdout).toMatch(/\d+ findings of types the policy keeps \(EMAIL \d+\): listed in the report, not a failure/);
    expect(r.status).toBe(0);
  });

  it('finds a missing record and a missing column', () => {
    const dir = setUp();
    expect(run(dir).status).toBe(0);
    const lessRecords = planted(dir, 'short.csv', (t) => t.split('\n').filter((_, i) => i !== 2).join('\n'));
    const r1 = verify(dir, lessRecords, '--key', join(dir, 'project.key'));
    expect(r1.status).toBe(1);
    expect(r1.stdout).toMatch(/structure differs: 3 records in, 2 out/);
    const noPlan = planted(dir, 'noplan.csv', (t) => t.split('\n').map((l) => l.replace(/,(pro|basic|plan),/, ',')).join('\n'));
    const r2 = verify(dir, noPlan, '--key', join(dir, 'project.key'));
    expect(r2.status).toBe(1);
    expect(r2.stdout).toMatch(/structure differs/);
  });
});

describe('the audit report and the package', () => {
  it('writes the report as JSON and HTML, and a package, none holding an original value; never the key', () => {
    const dir = setUp();
    const canaries = ['Quenby Zarathustra-Vilks', 'quenby.canary-7f3a91@example.com', '+44 20 7946 0321'];
    writeFileSync(join(dir, 'tickets.csv'), `${TICKETS}4,${canaries[0]},${canaries[1]},pro,"Please call ${canaries[2]}, thanks ${canaries[0]}"\n`);
    const r = run(dir, '--report', join(dir, 'report.json'), '--package', join(dir, 'package'));
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.verification.passed).toBe(true);
    expect(report.statement.kind).toBe('pseudonymised');
    expect(report.key.ephemeral).toBe(false);
    expect(readdirSync(join(dir, 'package')).sort()).toEqual(['out.csv', 'profile.json', 'report.html', 'report.json']);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/<html/);
    expect(html).toMatch(/@media print/);
    const key = JSON.parse(readFileSync(join(dir, 'project.key'), 'utf8')).key as string;
    const files = [join(dir, 'report.json'), join(dir, 'report.html'), ...readdirSync(join(dir, 'package')).map((f) => join(dir, 'package', f))];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const canary of [...canaries, 'maria.jensen@example.com', 'Maria Jensen', key]) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
    }
  });

  it('writes the package as one zip archive on request, and never over an existing file', () => {
    const dir = setUp();
    const r = run(dir, '--package', join(dir, 'handover.zip'));
    expect(r.status).toBe(0);
    const files = unzipSync(readFileSync(join(dir, 'handover.zip')));
    expect(Object.keys(files).sort()).toEqual(['out.csv', 'profile.json', 'report.html', 'report.json']);
    expect(Buffer.from(files['out.csv']!).equals(readFileSync(join(dir, 'out.csv')))).toBe(true);
    expect(JSON.parse(strFromU8(files['report.json']!)).verification.passed).toBe(true);
    const again = cli(['run', join(dir, 'tickets.csv'), '--out', join(dir, 'out2.csv'), '--package', join(dir, 'handover.zip'), '--quiet']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/handover\.zip: already exists; a package is never written into or over an existing path/);
    expect(existsSync(join(dir, 'out2.csv'))).toBe(false);
  });

  it('exits 0 when the verification fails without --strict or --package (outputs are the result), and 1 with --strict', () => {
    const dir = setUp();
    writeFileSync(join(dir, 'lax.json'), JSON.stringify({ version: 1, minScore: 0.99 }));
    const lax = run(dir, '--profile', join(dir, 'lax.json'));
    expect(lax.stdout).toMatch(/verification FAILED/);
    expect(lax.status).toBe(0);
    expect(existsSync(join(dir, 'out.csv'))).toBe(true);
    expect(run(dir, '--profile', join(dir, 'lax.json'), '--strict').status).toBe(1);
  });

  it('writes no package when the verification fails, and exits 1', () => {
    const dir = setUp();
    // a minimum score above what the detectors give: the values stay, and the residual scan finds them
    writeFileSync(join(dir, 'keep-names.json'), JSON.stringify({ version: 1, minScore: 0.99 }));
    const r = run(dir, '--profile', join(dir, 'keep-names.json'), '--package', join(dir, 'package'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no package written: the verification failed/);
    expect(existsSync(join(dir, 'package'))).toBe(false);
  });
});

describe('re-identification risk', () => {
  it('matches k-anonymity counted by hand', () => {
    const dir = tempDir();
    // plan × age band: (basic,30s) ×3, (pro,30s) ×2, (pro,40s) ×1, (basic,40s) ×1
    //   classes 4; k = 1; unique records 2 (pro/40s, basic/40s); unique share 2/7
    const rows = [['basic', '31'], ['basic', '35'], ['basic', '33'], ['pro', '38'], ['pro', '32'], ['pro', '45'], ['basic', '41']];
    // ages as bands already, so that the table's classes are the ones counted above
    const band = (age: string) => `${age[0]}0–${age[0]}9`;
    writeFileSync(join(dir, 'users.csv'), `id,plan,age_band\n${rows.map(([p, a], i) => `${i + 1},${p},${band(a!)}`).join('\n')}\n`);
    const r = cli(['run', join(dir, 'users.csv'), '--out', join(dir, 'out.csv'), '--quasi-identifiers', 'plan,age_band', '--k', '2', '--report', join(dir, 'r.json'), '--quiet']);
    expect(r.stdout).toMatch(/re-identification risk over plan, age_band: k = 1, 28\.6 % of records unique/);
    const risk = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).risk;
    expect(risk.targetK).toBe(2);
    expect(risk.perFile[0]).toMatchObject({ records: 7, classes: 4, k: 1 });
    expect(risk.perFile[0].uniqueShare).toBeCloseTo(2 / 7, 10);
  });
});
