/**
 * The anonymisation policy end to end through the real CLI: keys, reproducible runs, saved profiles, presets on their
 * fixture exports, packages, and the vault.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../shared/transform/presets';
import { parseProfile } from '../../shared/transform/profile';
import { cli, fixture, sha256, tempDir } from '../helpers/cli';

const newKey = (dir: string, name = 'project.key') => {
  const path = join(dir, name);
  const r = cli(['key', 'new', path]);
  expect(r.status).toBe(0);
  return path;
};
const redact = (dir: string) => {
  writeFileSync(join(dir, 'redact.json'), JSON.stringify({ version: 1, extends: 'none', operators: { IDENTIFIER: 'keep' } }));
  return join(dir, 'redact.json');
};
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });

describe('anonymise run: keys and reproducibility', () => {
  it('gives byte-identical output for the same key and profile, and other pseudonyms for another key', () => {
    const dir = tempDir();
    const [k1, k2] = [newKey(dir, 'a.key'), newKey(dir, 'b.key')];
    const input = fixture('presets', 'zendesk.csv');
    const run = (key: string, out: string) => {
      const r = cli(['run', input, '--out', join(dir, out), '--preset', 'zendesk', '--key', key, '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return join(dir, out);
    };
    const [first, second, other] = [run(k1, 'one.csv'), run(k1, 'two.csv'), run(k2, 'three.csv')];
    expect(sha256(second)).toBe(sha256(first));
    const a = csv(first).data;
    const b = csv(other).data;
    expect(a.map((r) => r['Id'])).toEqual(b.map((r) => r['Id'])); // kept
    expect(a.map((r) => r['Requester email'])).not.toEqual(b.map((r) => r['Requester email']));
    expect(a.map((r) => r['Requester'])).not.toEqual(b.map((r) => r['Requester']));
  });

  it('reproduces a run byte for byte from the profile it saved', () => {
    const dir = tempDir();
    const key = newKey(dir);
    const input = fixture('presets', 'servicenow.csv');
    const r1 = cli(['run', input, '--out', join(dir, 'first.csv'), '--preset', 'servicenow', '--key', key, '--save-profile', join(dir, 'used.json'), '--quiet']);
    expect(r1.status).toBe(0);
    expect(r1.stdout).toContain(`profile: ${join(dir, 'used.json')}`);
    const saved = JSON.parse(readFileSync(join(dir, 'used.json'), 'utf8'));
    expect(saved.extends).toBe('none');
    const r2 = cli(['run', input, '--out', join(dir, 'again.csv'), '--profile', join(dir, 'used.json'), '--key', key, '--quiet']);
    expect(r2.status).toBe(0);
    expect(sha256(join(dir, 'again.csv'))).toBe(sha256(join(dir, 'first.csv')));
  });

  it('says when there is no key, and then pseudonyms differ between runs', () => {
    const dir = tempDir();
    const input = fixture('presets', 'freshdesk.csv');
    const r1 = cli(['run', input, '--out', join(dir, 'a.csv'), '--quiet']);
    const r2 = cli(['run', input, '--out', join(dir, 'b.csv'), '--quiet']);
    for (const r of [r1, r2]) expect(r.stderr).toMatch(/no --key given.*consistent within this run only/);
    expect(sha256(join(dir, 'a.csv'))).not.toBe(sha256(join(dir, 'b.csv')));
  });

  it("never writes the key's bytes, in hex, base64 or base64url, to the output, report, saved profile, vault or logs", () => {
    const dir = tempDir();
    const key = newKey(dir);
    const encoded = JSON.parse(readFileSync(key, 'utf8')).key as string;
    const bytes = Buffer.from(encoded, 'base64url');
    expect(bytes).toHaveLength(32);
    const forms = [bytes.toString('hex'), bytes.toString('hex').toUpperCase(), bytes.toString('base64'), encoded];
    writeFileSync(join(dir, 'pass.txt'), 'correct horse battery staple\n');
    const out = join(dir, 'out');
    const r = cli([
      'run', fixture('presets', 'zendesk.csv'), fixture('presets', 'jira-service-management.csv'), '--out', out, '--key', key,
      '--report', join(dir, 'report.json'), '--save-profile', join(dir, 'profile.json'),
      '--vault', join(dir, 'vault.bin'), '--vault-passphrase-file', join(dir, 'pass.txt'),
    ]);
    expect(r.status).toBe(0);
    const written = [...readdirSync(out).map((f) => join(out, f)), join(dir, 'report.json'), join(dir, 'profile.json'), join(dir, 'vault.bin')];
    expect(written).toHaveLength(5);
    const texts = [r.stdout, r.stderr, ...written.map((f) => readFileSync(f).toString('latin1'))];
    for (const text of texts) for (const form of forms) expect(text.includes(form)).toBe(false);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.key).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/), ephemeral: false });
    expect(cli(['key', 'fingerprint', key]).stdout).toContain(report.key.fingerprint);
    expect(report.profileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.operators.byOperator.pseudonym).toBeGreaterThan(0);
  });
});

describe('anonymise run: presets on their help desk exports', () => {
  it.each(PRESETS.map((p) => [p.id]))('%s: internal notes dropped, ids kept, identities replaced everywhere', (id) => {
    const dir = tempDir();
    const input = fixture('presets', `${id}.csv`);
    const out = join(dir, 'out.csv');
    const r = cli(['run', input, '--out', out, '--preset', id, '--key', newKey(dir), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const before = csv(input);
    const after = csv(out);
    const policy = parseProfile({ version: 1, extends: id });
    const columns = [...policy.columns];
    const dropped = columns.filter(([, rule]) => rule.operator?.operator === 'drop').map(([name]) => name);
    const kept = columns.filter(([, rule]) => rule.operator?.operator === 'keep').map(([name]) => name);
    const identities = columns.filter(([, rule]) => rule.role === 'identifier' && !rule.operator);
    expect(dropped.length).toBeGreaterThan(0);
    expect(after.data).toHaveLength(before.data.length);
    expect(after.meta.fields).toEqual(before.meta.fields!.filter((f) => !dropped.includes(f.replace(/_\d+$/, ''))));
    const text = readFileSync(out, 'utf8');
    before.data.forEach((row, i) => {
      for (const name of kept) expect(after.data[i]![name]).toBe(row[name]);
      for (const [name, rule] of identities) {
        const value = row[name]?.trim();
        if (!value) continue;
        expect(after.data[i]![name]).not.toBe(row[name]);
        // the requester's value is nowhere in the output, free text included (phone fakes come from the same
        // fictional 555-01xx range as the fixtures' numbers, so one may equal another row's original by chance)
        if (value.length >= 5 && rule.type !== 'PHONE') expect(text).not.toContain(value);
      }
    });
  });
});

describe('anonymise run: packages and the vault', () => {
  it('gives a customer the same pseudonym in every file of a package', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tickets.csv'), 'id,requester_email,subject\n1,Ann.Lee@Example.com,Printer\n2,bo@example.org,Mail\n');
    writeFileSync(join(dir, 'chats.ndjson'), '{"id":7,"from":"ann.lee@example.com","text":"Hi, ann.lee@example.com again"}\n');
    const r = cli(['run', join(dir, 'tickets.csv'), join(dir, 'chats.ndjson'), '--out', join(dir, 'out'), '--key', newKey(dir), '--quiet']);
    expect(r.status).toBe(0);
    const tickets = csv(join(dir, 'out/tickets.csv')).data;
    const chat = JSON.parse(readFileSync(join(dir, 'out/chats.ndjson'), 'utf8'));
    const ann = tickets[0]!['requester_email']!;
    expect(ann).toMatch(/^user-[0-9a-f]{10}@example\.invalid$/);
    expect(chat.from).toBe(ann);
    expect(chat.text).toBe(`Hi, ${ann} again`);
    expect(tickets[1]!['requester_email']).not.toBe(ann);
  });

  it('writes a vault from which reveal gives the originals back, with the passphrase only', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,requester_email\n1,ann.lee@example.com\n');
    writeFileSync(join(dir, 'pass.txt'), 'correct horse battery staple\n');
    writeFileSync(join(dir, 'wrong.txt'), 'incorrect horse battery staple\n');
    const r = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--vault', join(dir, 'v.vault'), '--vault-passphrase-file', join(dir, 'pass.txt'), '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/personal data under the GDPR/);
    const pseudonym = csv(join(dir, 'out.csv')).data[0]!['requester_email']!;
    expect(readFileSync(join(dir, 'v.vault')).includes('ann.lee@example.com')).toBe(false);
    const revealed = cli(['reveal', join(dir, 'v.vault'), pseudonym, '--passphrase-file', join(dir, 'pass.txt')]);
    expect(revealed.status).toBe(0);
    expect(revealed.stdout).toBe(`${pseudonym}\tEMAIL\tann.lee@example.com\n`);
    const wrong = cli(['reveal', join(dir, 'v.vault'), pseudonym, '--passphrase-file', join(dir, 'wrong.txt')]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toBe('');
  });

  it('checks thresholds against the detectors before writing anything', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,note\n1,Call Ann Lee\n');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ version: 1, thresholds: { persn: 0.7 } }));
    writeFileSync(join(dir, 'pass.txt'), 'correct horse battery staple\n');
    const r = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--profile', join(dir, 'p.json'), '--vault', join(dir, 'v'), '--vault-passphrase-file', join(dir, 'pass.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\.json: "thresholds\.persn" names no detector/);
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'p.json', 'pass.txt']);
  });

  it('allows a term in one column only, as a reviewer who ignored one finding', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,team,note\n1,Please ask Ann Lee,"Please ask Ann Lee again"\n');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ version: 1, extends: 'none', operators: { IDENTIFIER: 'keep' }, allow: [{ value: 'Ann Lee', field: 'team' }] }));
    const r = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--profile', join(dir, 'p.json'), '--quiet']);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('id,team,note\n1,Please ask Ann Lee,"Please ask [PERSON] again"\n');
    expect(r.stdout).toMatch(/verification passed/);
  });

  it('pseudonymises bank details and wallet addresses in their own form, and its verification knows its fakes', () => {
    const dir = tempDir();
    const originals = ['12345678', '20-00-00', '021000021', 'DEUTDEFF', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'];
    writeFileSync(join(dir, 'in.csv'), 'id,body\n' +
      `1,"Refund to account number ${originals[0]}, sort code ${originals[1]}, routing ${originals[2]}, BIC: ${originals[3]}"\n` +
      `2,"Send it to ${originals[4]} or ${originals[5]}; my MetaMask wallet is ${originals[6]}"\n`);
    const r = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--key', newKey(dir)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/verification passed/);
    const [first = '', second = ''] = csv(join(dir, 'out.csv')).data.map((row) => row['body']!);
    for (const v of originals) expect(first + second).not.toContain(v);
    expect(first).toMatch(/^Refund to account number \d{8}, sort code \d\d-\d\d-\d\d, routing \d{9}, BIC: [A-Z0-9]{8}$/);
    expect(second).toMatch(/^Send it to 1\w{33} or bc1\w{39}; my MetaMask wallet is 0x[0-9a-f]{40}$/);
  });

  it('keeps an allowed value whole: no known name is replaced inside an allowed e-mail address', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,requester_name,requester_email\n1,Hannah Whitcombe,hannah.whitcombe@example.com\n');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ version: 1, allow: [{ value: 'hannah.whitcombe@example.com', field: 'requester_email' }] }));
    const r = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--profile', join(dir, 'p.json'), '--key', newKey(dir), '--quiet']);
    const out = csv(join(dir, 'out.csv')).data[0]!;
    expect(out['requester_email']).toBe('hannah.whitcombe@example.com');
    expect(out['requester_name']).not.toBe('Hannah Whitcombe');
    expect(r.stdout).toMatch(/verification passed/);
  });

  it('applies a threshold per detector', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,note\n1,Please ask Ann Lee about it\n');
    writeFileSync(join(dir, 'strict.json'), JSON.stringify({ version: 1, extends: 'none', operators: { IDENTIFIER: 'keep' }, thresholds: { person: 1 } }));
    const loose = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'a.csv'), '--profile', redact(dir), '--quiet']);
    const strict = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'b.csv'), '--profile', join(dir, 'strict.json'), '--quiet', '--strict']);
    expect(loose.status).toBe(0);
    // the name left in is what the verification's residual scan then reports (and --strict fails on)
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/1 residual finding \(PERSON 1\):\n\s+record 0, field note: PERSON/);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toContain('ask [PERSON] about');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toContain('ask Ann Lee about');
  });

  it('refuses a vault or a saved profile that would overwrite an input, before writing anything', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.csv'), 'id,requester_email\n1,ann.lee@example.com\n');
    writeFileSync(join(dir, 'pass.txt'), 'correct horse battery staple\n');
    const before = sha256(join(dir, 'in.csv'));
    const vault = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--vault', join(dir, 'in.csv'), '--vault-passphrase-file', join(dir, 'pass.txt')]);
    expect(vault.status).toBe(2);
    expect(vault.stderr).toMatch(/the vault would overwrite/);
    const profile = cli(['run', join(dir, 'in.csv'), '--out', join(dir, 'out.csv'), '--save-profile', join(dir, 'in.csv')]);
    expect(profile.status).toBe(2);
    expect(profile.stderr).toMatch(/the saved profile would overwrite/);
    expect(sha256(join(dir, 'in.csv'))).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'pass.txt']);
  });
});
