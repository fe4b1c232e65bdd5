import { describe, expect, it } from 'vitest';
import { userPathDetector } from '../../../shared/detect/detectors/user-path';

const ctx = { field: 'body', defaultRegion: 'US' };
const found = (text: string) => userPathDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));
const detailed = (text: string) =>
  userPathDetector.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.type, f.explanation.pattern, f.score]);

describe('userPathDetector', () => {
  it('declares its id, version and type', () => {
    expect(userPathDetector.id).toBe('user-path');
    expect(userPathDetector.version).toBe('1');
    expect(userPathDetector.types).toEqual(['USERNAME']);
  });

  describe('Windows profile paths and UNC home shares', () => {
    it.each([
      ['Log: C:\\Users\\jsmith\\AppData\\Local\\Temp\\setup.log', 'jsmith'],
      ['C:/Users/jsmith/Desktop', 'jsmith'],
      ['C:/Users/jsmith', 'jsmith'],
      ['"path": "C:\\\\Users\\\\jsmith\\\\AppData"', 'jsmith'],
      ['D:\\users\\j.smith\\x', 'j.smith'],
      ['C:\\Users\\John Smith\\Desktop\\report.pdf', 'John Smith'],
      ['C:\\Users\\jsmith is full.', 'jsmith'],
      ['saved to C:\\Users\\jsmith.', 'jsmith'],
      ['C:\\Documents and Settings\\jsmith\\Desktop', 'jsmith'],
      ['C:\\Users\\mmüller\\Downloads', 'mmüller'],
      ['C:\\Users\\JSMITH~1\\AppData', 'JSMITH~1'],
      ['(C:\\Users\\jsmith)', 'jsmith'],
    ])('finds the user name in %j', (text, expected) => {
      expect(detailed(text)).toEqual([[expected, 'USERNAME', 'windows-profile-path', 0.9]]);
    });

    it.each([
      ['\\\\server\\home$\\jsmith\\Documents', 'jsmith'],
      ['\\\\fs01\\users\\jsmith', 'jsmith'],
      ['\\\\srv.contoso.local\\profiles$\\jsmith.V6\\NTUSER.DAT', 'jsmith'],
      ['\\\\\\\\SRV-FS01\\\\homes\\\\jsmith\\\\x', 'jsmith'],
    ])('finds the user name in the UNC path %j', (text, expected) => {
      expect(detailed(text)).toEqual([[expected, 'USERNAME', 'unc-home-path', 0.9]]);
    });

    it('reports exact offsets after emoji and accents', () => {
      const text = 'Grüße 😀 — Datei: C:\\Users\\zoë\\Desktop\\Bericht.docx';
      const [f] = userPathDetector.detect(text, ctx);
      const start = text.indexOf('zoë');
      expect([f?.start, f?.end]).toEqual([start, start + 3]);
      expect(f?.explanation).toEqual({ pattern: 'windows-profile-path', validation: 'none', context: [] });
    });

    it.each([
      'C:\\Users\\Public\\Documents',
      'C:\\Users\\Default\\NTUSER.DAT',
      'C:\\Users\\Default User\\x',
      'C:\\Users\\All Users\\x',
      'C:\\Users\\Administrator\\Desktop',
      'C:\\Users\\%USERNAME%\\AppData',
      'C:\\Users\\<user>\\AppData',
      'C:\\Users\\*\\AppData',
      'C:\\Users\\',
      'C:\\Program Files\\App\\app.exe',
      'C:\\Windows\\System32\\config\\systemprofile\\x',
      '\\\\server\\share\\jsmith',
      'see the Users\\jsmith folder',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('Unix and macOS home directories', () => {
    it.each([
      ['error in /home/jsmith/.bashrc line 3', 'jsmith', 'unix-home-path', 0.85],
      ['HOME=/home/jsmith', 'jsmith', 'unix-home-path', 0.85],
      ['PATH=/usr/bin:/home/jsmith/bin', 'jsmith', 'unix-home-path', 0.85],
      ['/export/home/jsmith/x', 'jsmith', 'unix-home-path', 0.85],
      ['file:///home/jsmith/report.txt', 'jsmith', 'unix-home-path', 0.85],
      ['cd /home/jsmith.', 'jsmith', 'unix-home-path', 0.85],
      ['crash log /Users/jsmith/Library/Logs/app.log', 'jsmith', 'macos-home-path', 0.9],
      ['WSL: /mnt/c/Users/zoe/Downloads', 'zoe', 'macos-home-path', 0.9],
    ])('finds the user name in %j', (text, expected, pattern, score) => {
      expect(detailed(text)).toEqual([[expected, 'USERNAME', pattern, score]]);
    });

    it.each([
      'https://example.com/home/jsmith',
      'https://example.com/Users/jsmith/profile',
      'docs/home/jsmith',
      '/home/',
      '/home/linuxbrew/.linuxbrew/bin',
      '/Users/Shared/x',
      '/home/runner/work/repo',
      '/home/ubuntu/app',
      '/root/.ssh',
      '/home/$USER/x',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('~user', () => {
    it('finds ~user paths and bare ~user with a lower score', () => {
      expect(detailed('run ~jsmith/bin/tool')).toEqual([['jsmith', 'USERNAME', 'tilde-home', 0.85]]);
      expect(detailed('owned by ~jsmith, again')).toEqual([['jsmith', 'USERNAME', 'tilde-home', 0.6]]);
    });

    it.each(['~5 minutes', '~~strike~~', 'C:\\PROGRA~1\\x', '~/Documents', 'a~b', '~root/x'])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('SIDs', () => {
    it('finds domain and Entra ID SIDs whole', () => {
      const text = 'Access denied for S-1-5-21-3623811015-3361044348-30300820-1013.';
      expect(detailed(text)).toEqual([['S-1-5-21-3623811015-3361044348-30300820-1013', 'USERNAME', 'windows-sid', 0.9]]);
      expect(found('S-1-12-1-1234567890-1234567890-1234567890-1234567890')).toEqual(['S-1-12-1-1234567890-1234567890-1234567890-1234567890']);
      expect(found('machine S-1-5-21-3623811015-3361044348-30300820')).toEqual(['S-1-5-21-3623811015-3361044348-30300820']);
      expect(userPathDetector.detect(text, ctx)[0]?.explanation.validation).toBe('passed');
    });

    it.each(['S-1-5-18', 'S-1-5-32-544', 'S-1-5-21-1-2', 'S-1-5-21-9999999999-1-2-3', 'xS-1-5-21-1-2-3-4'])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('DOMAIN\\user accounts', () => {
    it.each([
      ['logged in as CONTOSO\\jsmith yesterday', 'CONTOSO\\jsmith', 'logged in as'],
      ['user: CORP\\j.smith.', 'CORP\\j.smith', 'user'],
      ['Account CONTOSO\\zoe.martin is locked', 'CONTOSO\\zoe.martin', 'account'],
      ['Benutzer FIRMA\\mmueller', 'FIRMA\\mmueller', 'benutzer'],
      ['runas /user:CONTOSO\\adm-jsmith', 'CONTOSO\\adm-jsmith', 'user'],
    ])('finds %j', (text, expected, word) => {
      const [f] = userPathDetector.detect(text, ctx);
      expect(text.slice(f!.start, f!.end)).toBe(expected);
      expect(f!.explanation).toEqual({ pattern: 'domain-account', validation: 'none', context: [{ word, effect: 0.5 }] });
      expect(f!.score).toBe(0.85);
    });

    it.each([
      'CONTOSO\\jsmith without context',
      'user: BUILTIN\\Administrators',
      'account NT AUTHORITY\\SYSTEM',
      'computer account CONTOSO\\SRV01$',
      'user CONTOSO\\Administrator',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('user-name labels', () => {
    it.each([
      ['Username: jsmith', 'jsmith', 'username'],
      ['User name = zoe.martin', 'zoe.martin', 'user name'],
      ['user_id: jsmith42', 'jsmith42', 'user id'],
      ['Benutzername: mmüller.', 'mmüller', 'benutzername'],
      ['Account Name:\t\tjsmith', 'jsmith', 'account name'],
      ["nom d'utilisateur : jdupont", 'jdupont', "nom d'utilisateur"],
    ])('finds %j', (text, expected, word) => {
      const [f] = userPathDetector.detect(text, ctx);
      expect(text.slice(f!.start, f!.end)).toBe(expected);
      expect(f!.score).toBe(0.8);
      expect(f!.explanation.context).toEqual([{ word, effect: 0.45 }]);
    });

    it.each(['Username: unknown', 'User: n/a', 'username:', 'Username is jsmith', 'User: Administrator', 'the user logged off'])(
      'rejects %j',
      (text) => {
        expect(found(text)).toEqual([]);
      },
    );
  });

  describe('serial numbers', () => {
    it.each([
      ['Serial: 5CG1234XYZ', '5CG1234XYZ', 'serial'],
      ['Serial number: C02XL0GHJG5J', 'C02XL0GHJG5J', 'serial number'],
      ['S/N: ABC12345', 'ABC12345', 's/n'],
      ['SN: 12345678', '12345678', 'sn'],
      ['Seriennummer 7XK9Q42', '7XK9Q42', 'seriennummer'],
      ['numéro de série : FVFXK2ABHV2H', 'FVFXK2ABHV2H', 'numéro de série'],
      ['Service Tag: 7XK9Q42', '7XK9Q42', 'service tag'],
      ['IMEI 356938035643809', '356938035643809', 'imei'],
    ])('finds %j', (text, expected, word) => {
      const [f] = userPathDetector.detect(text, ctx);
      expect(text.slice(f!.start, f!.end)).toBe(expected);
      expect(f!.type).toBe('USERNAME');
      expect(f!.score).toBe(0.8);
      expect(f!.explanation).toEqual({ pattern: 'serial-number', validation: 'none', context: [{ word, effect: 0.5 }] });
    });

    it.each([
      'serial port COM3',
      'serial 9600 baud',
      'Serial number: unknown',
      'sn 12345678', // "sn" needs a separator
      'snow 12345678',
      'the serial number is on the back',
      'serialize 12345',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  it('finds everything in a realistic ticket without overlaps', () => {
    const text =
      'Hi, after logging in as CONTOSO\\jsmith the profile C:\\Users\\jsmith\\AppData\\Roaming is empty. ' +
      'Event 4625 for S-1-5-21-3623811015-3361044348-30300820-1013 on laptop S/N: 5CG1234XYZ. ' +
      'Mac logs: /Users/zoe/Library/Logs. I forgot my password.';
    expect(found(text)).toEqual(['CONTOSO\\jsmith', 'jsmith', 'S-1-5-21-3623811015-3361044348-30300820-1013', '5CG1234XYZ', 'zoe']);
    const fs = userPathDetector.detect(text, ctx);
    for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
  });

  it('ignores ordinary prose, GUIDs and URLs', () => {
    const text =
      'The users cannot open the home page at https://intranet.example.com/home/index.html. ' +
      'GUID {3F2504E0-4F89-11D3-9A0C-0305E82C3301}; see docs/Users/guide.md and approx ~ 5 users.';
    expect(found(text)).toEqual([]);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const big = (chunk: string) => chunk.repeat(Math.ceil(M / chunk.length));
    it('repeated anchors', () => {
      expect(userPathDetector.detect('a'.repeat(M), ctx)).toEqual([]);
      expect(userPathDetector.detect('\\'.repeat(M), ctx)).toEqual([]);
      expect(userPathDetector.detect(big('\\\\a\\home\\'), ctx)).toEqual([]);
      expect(userPathDetector.detect(big('a/home/'), ctx)).toEqual([]);
      expect(userPathDetector.detect('/'.repeat(M) + 'home/jsmith', ctx)).toEqual([]);
      expect(userPathDetector.detect(big('S-1-5-21-1-1-'), ctx)).toEqual([]);
      expect(userPathDetector.detect(big('user: a\\b\\'), ctx)).toEqual([]);
      expect(userPathDetector.detect(big('sn sn: '), ctx)).toEqual([]);
      expect(userPathDetector.detect(big('~'), ctx)).toEqual([]);
    }, 10_000);
    it('many real findings', () => {
      const fs = userPathDetector.detect(big('C:\\Users\\jsmith\\x '), ctx);
      expect(fs.length).toBeGreaterThan(50_000);
      for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
    }, 10_000);
  });
  it('label hints keep French, Spanish and German labels reachable', () => {
    expect(found('numéro de série : AB12345')).toEqual(['AB12345']);
    expect(found('Seriennummer: XY98765')).toEqual(['XY98765']);
    expect(found("nom d'utilisateur: jdupont")).toEqual(['jdupont']);
    expect(found('Benutzername = mmuster')).toEqual(['mmuster']);
    expect(found('user jsmith logged in at 09:30')).toEqual([]);
  });
});
