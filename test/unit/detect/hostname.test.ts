import { describe, expect, it } from 'vitest';
import { hostnameDetector } from '../../../shared/detect/detectors/hostname';

const ctx = { field: 'body', defaultRegion: 'US' };
const found = (text: string) => hostnameDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));
const detailed = (text: string) => hostnameDetector.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.explanation.pattern, f.score]);

describe('hostnameDetector', () => {
  it('declares its id, version and type', () => {
    expect(hostnameDetector.id).toBe('hostname');
    expect(hostnameDetector.version).toBe('1');
    expect(hostnameDetector.types).toEqual(['HOSTNAME']);
  });

  describe('internal FQDNs', () => {
    it.each([
      ['The DC is SRV-DC01.contoso.local.', 'SRV-DC01.contoso.local', 0.9],
      ['printer prn01.office.lan is offline', 'prn01.office.lan', 0.9],
      ["Zoe's Mac (Zoes-MacBook-Pro.local)", 'Zoes-MacBook-Pro.local', 0.9],
      ['ip-10-0-0-12.ec2.internal', 'ip-10-0-0-12.ec2.internal', 0.9],
      ['nas.home.arpa', 'nas.home.arpa', 0.9],
      ['srv01.corp', 'srv01.corp', 0.9],
      ['fs.acme.intranet', 'fs.acme.intranet', 0.9],
      ['box.localdomain', 'box.localdomain', 0.9],
      ['dc1.contoso.ad', 'dc1.contoso.ad', 0.75],
      ['SRV-DC01.CONTOSO.LOCAL', 'SRV-DC01.CONTOSO.LOCAL', 0.9],
      ['_ldap._tcp.contoso.local', '_ldap._tcp.contoso.local', 0.9],
      ['web.svc.cluster.local:8080', 'web.svc.cluster.local', 0.9],
    ])('finds %j', (text, expected, score) => {
      expect(detailed(text)).toEqual([[expected, 'internal-fqdn', score]]);
    });

    it('reports exact offsets after emoji and accents', () => {
      const text = 'Grüße 😀 — Server dc01.firma.local antwortet nicht';
      const [f] = hostnameDetector.detect(text, ctx);
      const start = text.indexOf('dc01');
      expect(f).toEqual({
        start,
        end: start + 'dc01.firma.local'.length,
        type: 'HOSTNAME',
        score: 0.9,
        detector: 'hostname',
        explanation: { pattern: 'internal-fqdn', validation: 'passed', context: [] },
      });
    });

    it.each([
      'appsettings.local.json',
      '.env.local',
      'srv.corp.contoso.com',
      'mail john@contoso.local please',
      'host.docker.internal',
      'metadata.google.internal',
      'localhost.localdomain',
      '.local',
      'the local network',
      'corp-wide policy',
      '-bad.local',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('Windows default names', () => {
    it.each([
      ['DESKTOP-7H2K9QX crashed', 'DESKTOP-7H2K9QX'],
      ['on LAPTOP-ABC123.', 'LAPTOP-ABC123'],
      ['WIN-ABCDEFGH123 (new server)', 'WIN-ABCDEFGH123'],
      ['LAPTOP-QWERTYUI', 'LAPTOP-QWERTYUI'],
    ])('finds %j without context', (text, expected) => {
      expect(detailed(text)).toEqual([[expected, 'windows-default-name', 0.85]]);
    });

    it.each(['DESKTOP-APP', 'desktop-7h2k9qx', 'DESKTOP-7H2K9QX-OLD', 'WIN-10', 'LAPTOP-', 'XDESKTOP-7H2K9QX'])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });

    it('prefers the whole internal FQDN', () => {
      expect(found('DESKTOP-7H2K9QX.contoso.local')).toEqual(['DESKTOP-7H2K9QX.contoso.local']);
    });
  });

  describe('host names after a label', () => {
    it.each([
      ['Hostname: SRV-DC01', 'SRV-DC01', 'hostname', 0.85],
      ['host name = web01', 'web01', 'host name', 0.85],
      ['Computer name: ACCOUNTING', 'ACCOUNTING', 'computer name', 0.85],
      ['computername=PC4711', 'PC4711', 'computername', 0.85],
      ['Rechnername: PC-4711', 'PC-4711', 'rechnername', 0.85],
      ['machine name "zoe-laptop"', 'zoe-laptop', 'machine name', 0.85],
      ['FQDN: web01.contoso.com', 'web01.contoso.com', 'fqdn', 0.85],
      ["nom d'hôte : SRV-FS02", 'SRV-FS02', "nom d'hôte", 0.85],
      ['the server SRV-SQL01 is down', 'SRV-SQL01', 'server', 0.8],
      ['Server: fs01', 'fs01', 'server', 0.8],
      ['host: db-prod-2, port 5432', 'db-prod-2', 'host', 0.8],
      ['workstation WS-0042', 'WS-0042', 'workstation', 0.8],
      ['server srv01.contoso.com', 'srv01.contoso.com', 'server', 0.8],
    ])('finds %j', (text, expected, word, score) => {
      const [f] = hostnameDetector.detect(text, ctx);
      expect(text.slice(f!.start, f!.end)).toBe(expected);
      expect(f!.score).toBe(score);
      expect(f!.explanation.pattern).toBe('labelled-hostname');
      expect(f!.explanation.context).toEqual([{ word, effect: score === 0.85 ? 0.45 : 0.4 }]);
    });

    it.each([
      'the server crashed',
      'Server: Microsoft-IIS/10.0',
      'SQL Server 2019 CU12',
      'Windows Server 2016',
      'server v2',
      'Host: example.com',
      'server: smtp.office365.com',
      'Hostname: unknown',
      'hostname: localhost',
      'Host: 192.168.1.10',
      'computer name: setup.exe',
      'hostname: report.pdf',
      'server-side rendering',
      'hosting provider',
      'server nginx',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('UNC hosts', () => {
    it.each([
      ['open \\\\SRV-FS01\\share\\x.docx', 'SRV-FS01'],
      ['\\\\fs.contoso.com\\dept', 'fs.contoso.com'],
      ['"\\\\\\\\nas01\\\\backup"', 'nas01'],
    ])('finds %j', (text, expected) => {
      expect(detailed(text)).toEqual([[expected, 'unc-host', 0.85]]);
    });

    it.each(['C:\\\\Users\\\\jsmith', '\\\\?\\C:\\x', '\\\\.\\pipe\\x', '\\\\192.168.1.5\\c$', '\\\\tsclient\\C', '\\\\wsl$\\Ubuntu', 'a\\\\b\\c'])(
      'rejects %j',
      (text) => {
        expect(found(text)).toEqual([]);
      },
    );
  });

  it('ignores public domains, URLs of public sites, file names and prose', () => {
    const text =
      'Please download setup.exe and report.pdf from example.com or https://www.microsoft.com/en-us/download. ' +
      'Mail support@microsoft.com. Version 10.0.19041, GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301, the local admin.';
    expect(found(text)).toEqual([]);
  });

  it('finds several machines in a realistic ticket', () => {
    const text =
      'Hi team, since Monday DESKTOP-7H2K9QX cannot reach \\\\SRV-FS01\\Finance. DNS points to dc01.contoso.local; ' +
      'computer name: ACCT-PC07. The server SRV-SQL01 looks fine. Thanks, Zoë 🙂';
    expect(found(text)).toEqual(['DESKTOP-7H2K9QX', 'SRV-FS01', 'dc01.contoso.local', 'ACCT-PC07', 'SRV-SQL01']);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const big = (chunk: string) => chunk.repeat(Math.ceil(M / chunk.length));
    it('repeated suffixes, labels and separators', () => {
      expect(hostnameDetector.detect('a'.repeat(M), ctx)).toEqual([]);
      expect(hostnameDetector.detect(big('.local'), ctx)).toEqual([]);
      expect(hostnameDetector.detect('a'.repeat(M) + '.local', ctx)).toEqual([]);
      expect(hostnameDetector.detect(big('a.local.'), ctx)).toEqual([]);
      expect(hostnameDetector.detect(big('DESKTOP-AAAA1-'), ctx)).toEqual([]);
      expect(hostnameDetector.detect(big('server: '), ctx)).toEqual([]);
      expect(hostnameDetector.detect('\\'.repeat(M), ctx)).toEqual([]);
      expect(hostnameDetector.detect(big('\\\\a\\'), ctx)).toEqual([]);
      expect(hostnameDetector.detect('hostname: ' + 'a-'.repeat(M / 2), ctx)).toEqual([]);
    }, 10_000);
    it('many real findings', () => {
      const fs = hostnameDetector.detect(big('srv01.contoso.local '), ctx);
      expect(fs.length).toBeGreaterThan(50_000);
    }, 10_000);
  });
});
