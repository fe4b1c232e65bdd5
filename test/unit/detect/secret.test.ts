import { describe, expect, it } from 'vitest';
import { secretDetector } from '../../../shared/detect/detectors/secret';

const ctx = { field: 'body', defaultRegion: 'US' };
const found = (text: string) => secretDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));
const patterns = (text: string) => secretDetector.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.explanation.pattern, f.score]);

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
  'aFDrBz9vFqU4yV8bQdYQnVHg8tZ7tZFv3z5LbB3k9gB5aQ==',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

/** Keys in their vendors' documented formats (random characters, not real keys). */
const rnd = (alphabet: string, n: number, seed: number) => Array.from({ length: n }, (_, i) => alphabet[(i * 7 + seed * 13 + (i * i) % 11) % alphabet.length]).join('');
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const OPENAI = `sk-proj-${rnd(ALNUM + '_-', 120, 1)}`;
const ANTHROPIC = `sk-ant-api03-${rnd(ALNUM + '_-', 93, 2)}`;
const AI_AND_SAAS_KEYS: [string, string, string, number][] = [
  [`OPENAI_API_KEY=${OPENAI}`, OPENAI, 'sk-api-key', 0.95],
  [`my key is ${ANTHROPIC} and it fails`, ANTHROPIC, 'sk-api-key', 0.95],
  [`legacy sk-${rnd(ALNUM, 48, 3)}`, `sk-${rnd(ALNUM, 48, 3)}`, 'sk-api-key', 0.95],
  [`token hf_${rnd('abcdefghijklmnopqrstuvwxyzABCDEFGH', 34, 4)}`, `hf_${rnd('abcdefghijklmnopqrstuvwxyzABCDEFGH', 34, 4)}`, 'huggingface-token', 0.95],
  [`shpat_${rnd(HEX, 32, 5)}`, `shpat_${rnd(HEX, 32, 5)}`, 'shopify-token', 0.95],
  [`password = pypi-AgEIcHlwaS5vcmc${rnd(ALNUM, 60, 6)}`, `pypi-AgEIcHlwaS5vcmc${rnd(ALNUM, 60, 6)}`, 'pypi-token', 0.95],
  [`DO token dop_v1_${rnd(HEX, 64, 7)}`, `dop_v1_${rnd(HEX, 64, 7)}`, 'digitalocean-token', 0.95],
  [`sq0atp-${rnd(ALNUM, 22, 8)}`, `sq0atp-${rnd(ALNUM, 22, 8)}`, 'square-token', 0.95],
  [`ATATT3${rnd(ALNUM, 180, 9)}`, `ATATT3${rnd(ALNUM, 180, 9)}`, 'atlassian-token', 0.95],
  [`dapi${rnd(HEX, 32, 10)}`, `dapi${rnd(HEX, 32, 10)}`, 'databricks-token', 0.95],
  [`PMAK-${rnd(HEX, 24, 11)}-${rnd(HEX, 34, 12)}`, `PMAK-${rnd(HEX, 24, 11)}-${rnd(HEX, 34, 12)}`, 'postman-key', 0.95],
  [`glsa_${rnd(ALNUM, 32, 13)}_${rnd(HEX, 8, 14)}`, `glsa_${rnd(ALNUM, 32, 13)}_${rnd(HEX, 8, 14)}`, 'grafana-token', 0.95],
  [`lin_api_${rnd(ALNUM, 40, 15)}`, `lin_api_${rnd(ALNUM, 40, 15)}`, 'linear-key', 0.95],
  [`ntn_${rnd(ALNUM, 46, 16)}`, `ntn_${rnd(ALNUM, 46, 16)}`, 'notion-token', 0.95],
  [`sntrys_${rnd(ALNUM, 60, 17)}`, `sntrys_${rnd(ALNUM, 60, 17)}`, 'sentry-token', 0.95],
  [`AGE-SECRET-KEY-1${rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 18)}`, `AGE-SECRET-KEY-1${rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 18)}`, 'age-secret-key', 0.95],
];

describe('secretDetector', () => {
  it('declares its id, version and type', () => {
    expect(secretDetector.id).toBe('secret');
    expect(secretDetector.version).toBe('1');
    expect(secretDetector.types).toEqual(['SECRET']);
  });

  describe('prefixed tokens', () => {
    it.each([
      ['My key is AKIAIOSFODNN7EXAMPLE, please rotate', 'AKIAIOSFODNN7EXAMPLE', 'aws-access-key-id', 0.95],
      ['temp creds ASIAY34FZKBOKMUTVV7A expired', 'ASIAY34FZKBOKMUTVV7A', 'aws-access-key-id', 0.95],
      ['token ghp_16C7e42F292c6912E7710c838347Ae178B4a leaked', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token', 0.95],
      ['gho_16C7e42F292c6912E7710c838347Ae178B4a', 'gho_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token', 0.95],
      ['ghu_16C7e42F292c6912E7710c838347Ae178B4a', 'ghu_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token', 0.95],
      ['ghs_16C7e42F292c6912E7710c838347Ae178B4a', 'ghs_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token', 0.95],
      ['ghr_16C7e42F292c6912E7710c838347Ae178B4a', 'ghr_16C7e42F292c6912E7710c838347Ae178B4a', 'github-token', 0.95],
      [
        'PAT: github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV.',
        'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV',
        'github-token',
        0.95,
      ],
      ['git remote uses glpat-Ab3dEf6hIj9kLm2nOp5q for CI', 'glpat-Ab3dEf6hIj9kLm2nOp5q', 'gitlab-token', 0.95],
      ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'slack-token', 0.95],
      ['user token xoxp-1234567890-1234567890-123456789012', 'xoxp-1234567890-1234567890-123456789012', 'slack-token', 0.95],
      ['xoxa-2-1234567890-abcdef and', 'xoxa-2-1234567890-abcdef', 'slack-token', 0.95],
      ['xoxr-1234567890-abcdef', 'xoxr-1234567890-abcdef', 'slack-token', 0.95],
      [
        'webhook https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX stopped working',
        'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'slack-webhook',
        0.97,
      ],
      ['Stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc.', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-key', 0.95],
      ['rk_live_51HxYzAbCdEfGhIjKl', 'rk_live_51HxYzAbCdEfGhIjKl', 'stripe-key', 0.95],
      ['pk_live_51HxYzAbCdEfGhIjKl', 'pk_live_51HxYzAbCdEfGhIjKl', 'stripe-key', 0.95],
      ['test key sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'stripe-key', 0.95],
      ['maps key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', 'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI', 'google-api-key', 0.95],
      ...AI_AND_SAAS_KEYS,
    ])('finds %j', (text, expected, pattern, score) => {
      expect(patterns(text)).toEqual([[expected, pattern, score]]);
    });

    it('validates AWS key ids against base32', () => {
      const [f] = secretDetector.detect('AKIAIOSFODNN7EXAMPLE', ctx);
      expect(f?.explanation.validation).toBe('passed');
      const [g] = secretDetector.detect('AKIA0000111188889999', ctx);
      expect(g?.explanation.validation).toBe('failed');
      expect(g?.score).toBe(0.9);
    });

    it.each([
      'AKIAIOSFODNN7EXAMPL', // 15 characters
      'AKIAIOSFODNN7EXAMPLEX', // 17 characters
      'xAKIAIOSFODNN7EXAMPLE',
      'akiaiosfodnn7example',
      'ghp_short',
      'ghp_16C7e42F292c6912E7710c838347Ae178B4', // 35
      'the ghp_ prefix',
      'glpat-short',
      'xoxb-',
      'sk_live_',
      'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsH', // 34
      'hooks.slack.com is their webhook host',
      'see sk-learn-documentation-for-the-latest-version-notes', // no digit: words, not a key
      `sk-${rnd(ALNUM, 31, 3)}`, // too short
      `task-${rnd(ALNUM, 40, 3)}`, // "sk-" inside a word
      `hf_${rnd('abcdefghij', 33, 4)}`,
      `shpat_${rnd(HEX, 31, 5)}`,
      'secret_key = x',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('AWS secret access keys', () => {
    it('finds a 40-character key after aws/secret context', () => {
      const text = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
      const [f] = secretDetector.detect(text, ctx);
      expect(text.slice(f!.start, f!.end)).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
      expect(f!.start).toBe(24);
      expect(f!.explanation).toEqual({ pattern: 'aws-secret-access-key', validation: 'none', context: [{ word: 'secret', effect: 0.55 }] });
      expect(found('AWS Secret Key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
    });

    it('ignores 40-character strings without context, and hex hashes', () => {
      expect(found('commit wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([]);
      expect(found('secret sha: da39a3ee5e6b4b0d3255bfef95601890afd80709')).toEqual([]);
    });
  });

  describe('JWT', () => {
    it('finds a JWT whose header decodes to JSON with alg', () => {
      const text = `Cookie: session=${JWT}; Path=/`;
      expect(patterns(text)).toEqual([[JWT, 'jwt', 0.95]]);
      const [f] = secretDetector.detect(text, ctx);
      expect(f?.start).toBe(text.indexOf('eyJ'));
      expect(f?.explanation.validation).toBe('passed');
    });

    it('keeps the Authorization JWT whole', () => {
      const text = `Authorization: Bearer ${JWT}`;
      expect(found(text)).toEqual([JWT]);
    });

    it('leaves out the trailing dot of an unsigned token', () => {
      const text = 'alg none: eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';
      expect(found(text)).toEqual(['eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0']);
    });

    it.each([
      'eyJub3RhbGciOiJ4In0.eyJzdWIiOiIxIn0.abc', // {"notalg":"x"}
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', // header only
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.', // no payload
      'eyJ!!!!.eyJ.sig',
      'xeyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.abc',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('PEM private keys', () => {
    it('covers the whole block', () => {
      const text = `Here is the key:\n${PEM}\nThanks`;
      const [f] = secretDetector.detect(text, ctx);
      expect(f?.start).toBe(17);
      expect(f?.end).toBe(17 + PEM.length);
      expect(f?.score).toBe(0.99);
      expect(f?.explanation.pattern).toBe('private-key-pem');
    });

    it('handles OpenSSH, PKCS#8 and escaped newlines', () => {
      const a = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----';
      expect(found(`x ${a} y`)).toEqual([a]);
      const b = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----';
      expect(found(`"key": "${b}"`)).toEqual([b]);
    });

    it('covers a block cut off before its END line', () => {
      const text = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKhUZ7Q+Ph9Y\nAwEHoUQDQgAE5x==\n(truncated by the mail client)';
      const [f] = secretDetector.detect(text, ctx);
      expect(text.slice(f!.start, f!.end)).toBe(
        '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oKhUZ7Q+Ph9Y\nAwEHoUQDQgAE5x==',
      );
      expect(f!.explanation.validation).toBe('failed');
      expect(f!.score).toBe(0.9);
    });

    it('ignores certificates and public keys', () => {
      expect(found('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toEqual([]);
      expect(found('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----')).toEqual([]);
    });
  });

  describe('Authorization headers', () => {
    it('finds the bearer token only', () => {
      const text = 'curl -H "Authorization: Bearer ya29.a0AfH6SMBx3kLq-9z_ABCdef" https://api';
      const fs = secretDetector.detect(text, ctx);
      expect(fs.map((f) => text.slice(f.start, f.end))).toEqual(['ya29.a0AfH6SMBx3kLq-9z_ABCdef']);
      expect(fs[0]?.score).toBe(0.95);
      expect(fs[0]?.explanation.context).toEqual([{ word: 'authorization', effect: 0.05 }]);
    });

    it('scores a bare Bearer token lower', () => {
      const text = 'sent Bearer 8f14e45fceea167a5a36dedd4bea2543 to the API.';
      const fs = secretDetector.detect(text, ctx);
      expect(fs.map((f) => [text.slice(f.start, f.end), f.score])).toEqual([['8f14e45fceea167a5a36dedd4bea2543', 0.9]]);
    });

    it('finds Basic credentials that decode to user:password', () => {
      const text = 'Authorization: Basic dXNlcjpwYXNzd29yZA==';
      expect(patterns(text)).toEqual([['dXNlcjpwYXNzd29yZA==', 'basic-auth', 0.95]]);
    });

    it.each([
      'Use a Bearer token for the API.',
      'Bearer authentication is enabled',
      'Authorization: Bearer <token>',
      'Authorization: Bearer ${TOKEN}',
      'Basic information about the account',
      'Basic YWJjZGVmZ2g=', // "abcdefgh": no colon
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('key=value secrets', () => {
    it.each([
      ['password=hunter2', 'hunter2'],
      ['Password: hunter2', 'hunter2'],
      ['I reset it, password: hunter2.', 'hunter2'],
      ['passwd: s3cr3t!', 's3cr3t!'],
      ['pwd: abc123', 'abc123'],
      ['pass: qwerty', 'qwerty'],
      ['Passwort: Geheim123', 'Geheim123'],
      ['Kennwort = Sommer2024', 'Sommer2024'],
      ['mot de passe : azerty123', 'azerty123'],
      ['Mot de passe\u00a0: azerty123', 'azerty123'],
      ['contraseña: clave123', 'clave123'],
      ['api_key=abcdef123456', 'abcdef123456'],
      ['API key: 9f8e7d6c5b4a', '9f8e7d6c5b4a'],
      ['x-api-key: 9f8e7d6c5b4a', '9f8e7d6c5b4a'],
      ['secret=zyxwvu987654', 'zyxwvu987654'],
      ['token=abc123def456', 'abc123def456'],
      ['client_secret: 8Q~abcDEF123', '8Q~abcDEF123'],
      ['DB_PASSWORD=S3cure!Pass', 'S3cure!Pass'],
      ['spring.datasource.password=changeme', 'changeme'],
      ['dbPassword=abc12345', 'abc12345'],
      ['refresh_token=1//0gLk9abcDEF', '1//0gLk9abcDEF'],
      ['"password": "hunter2"', 'hunter2'],
      ["'password': 'correct horse battery staple'", 'correct horse battery staple'],
      ['{"user":"zoe","password":"p@ss;word"}', 'p@ss;word'],
      ['{\\"password\\":\\"hunter2\\"}', 'hunter2'],
      ['<password>hunter2</password>', 'hunter2'],
      ['login?user=zoe&password=hunter2&x=1', 'hunter2'],
      ['(password: hunter2)', 'hunter2'],
      ['password := hunter2', 'hunter2'],
    ])('finds the value in %j', (text, expected) => {
      expect(found(text)).toEqual([expected]);
    });

    it('reports the value only, with the label in the explanation', () => {
      const text = 'Hi 😀 José, password=hunter2 ok';
      const [f] = secretDetector.detect(text, ctx);
      expect(f).toEqual({
        start: text.indexOf('hunter2'),
        end: text.indexOf('hunter2') + 7,
        type: 'SECRET',
        score: 0.9,
        detector: 'secret',
        explanation: { pattern: 'key-value', validation: 'none', context: [{ word: 'password', effect: 0.5 }] },
      });
    });

    it('stops at whitespace, ; & and quotes', () => {
      expect(found('password=abc;def')).toEqual(['abc']);
      expect(found('password=abc&def')).toEqual(['abc']);
      expect(found('password=abc def')).toEqual(['abc']);
      expect(found('password=abc"def')).toEqual(['abc']);
    });

    it.each([
      'I forgot my password.',
      'I forgot my password, can you reset it?',
      'Password: reset via the portal',
      'Your password is incorrect',
      'The password: is wrong',
      'password:',
      'password=',
      'password: ********',
      'password=${DB_PASSWORD}',
      'password: <redacted>',
      'password=[REDACTED]',
      'password: n/a',
      'password = true',
      'passwords: several',
      'password_policy=strict',
      'token_type=Bearer',
      'tokenizer: whitespace',
      'secretary: Jane',
      'bypass: enabled123',
      'compass: north123',
      'passenger: Zoe Smith',
      'token: abc', // too short for a token
      'token: expired',
      'The secret: we never share it',
      'passed: 12 tests',
      'https://example.com/reset-password?lang=en',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('connection strings', () => {
    it.each([
      ['conn: Server=tcp:sql01.contoso.local,1433;Database=crm;User Id=sa;Password=P@ssw0rd;', 'Server=tcp:sql01.contoso.local,1433;Database=crm;User Id=sa;Password=P@ssw0rd;'],
      ['Data Source=SRV-SQL01;Initial Catalog=Sales;User ID=app;Password=Xy12!ab', 'Data Source=SRV-SQL01;Initial Catalog=Sales;User ID=app;Password=Xy12!ab'],
      ['Host=db;Port=5432;Username=app;Password=s3cret; and more', 'Host=db;Port=5432;Username=app;Password=s3cret;'],
      ['Password=x9y8z7;User ID=sa;Data Source=SRV01', 'Password=x9y8z7;User ID=sa;Data Source=SRV01'],
      [
        'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Zm9vYmFyYmF6cXV4==;EndpointSuffix=core.windows.net',
        'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Zm9vYmFyYmF6cXV4==;EndpointSuffix=core.windows.net',
      ],
      ['url postgres://admin:s3cret@db.example.com:5432/app.', 'postgres://admin:s3cret@db.example.com:5432/app'],
      ['postgresql://u:p@localhost/db', 'postgresql://u:p@localhost/db'],
      [
        '"mongodb+srv://user:p4ss@cluster0.abc12.mongodb.net/db?retryWrites=true&w=majority"',
        'mongodb+srv://user:p4ss@cluster0.abc12.mongodb.net/db?retryWrites=true&w=majority',
      ],
      ['REDIS_URL=redis://:pa55word@cache.internal:6379/0', 'redis://:pa55word@cache.internal:6379/0'],
      ['mysql://root:toor@127.0.0.1:3306', 'mysql://root:toor@127.0.0.1:3306'],
      ['jdbc:sqlserver://sql01:1433;databaseName=crm;user=sa;password=Pw123', 'jdbc:sqlserver://sql01:1433;databaseName=crm;user=sa;password=Pw123'],
    ])('covers the whole string in %j', (text, expected) => {
      const fs = secretDetector.detect(text, ctx);
      expect(fs.map((f) => text.slice(f.start, f.end))).toEqual([expected]);
      expect(fs[0]?.score).toBe(0.95);
    });

    it.each([
      'postgres://db.example.com:5432/app',
      'postgres://admin@db.example.com/app',
      'Server=sql01;Database=crm;Integrated Security=true;',
      'mongodb://localhost:27017',
      'https://user:pass@example.com/', // a URL: the URL detector's business
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  describe('product keys', () => {
    it('finds Windows/Office style keys', () => {
      const text = 'Office key: NKJFK-GPHP7-G8C3J-P6JXR-HQRJR (Office 2019)';
      const fs = secretDetector.detect(text, ctx);
      expect(fs.map((f) => [f.start, f.end, f.score, f.explanation.pattern, f.explanation.validation])).toEqual([
        [12, 41, 0.85, 'product-key', 'passed'],
      ]);
      expect(patterns('key ABCDE-12345-FGHIJ-67890-KLMNO')).toEqual([['ABCDE-12345-FGHIJ-67890-KLMNO', 'product-key', 0.85]]);
    });

    it.each([
      '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}',
      'ABCDE-FGHIJ-KLMNO-PQRST-UVWXY',
      '12345-67890-12345-67890-12345',
      'nkjfk-gph7p-g8c3j-p6jxr-hqrjr',
      'NKJFK-GPHP7-G8C3J-P6JXR-HQRJR-ABCDE',
      'NKJFK-GPHP7-G8C3J-P6JXR',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  it('finds several secrets in a realistic ticket, without overlaps', () => {
    const text =
      'Hallo Support 👋, seit dem Update schlägt der Sync fehl. Config:\n' +
      'DB_PASSWORD=Winter2024!\nSLACK_TOKEN=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx\n' +
      `Header: Authorization: Bearer ${JWT}\n` +
      'Ich habe mein Passwort vergessen. Danke, Zoë';
    expect(patterns(text)).toEqual([
      ['Winter2024!', 'key-value', 0.9],
      ['xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'slack-token', 0.95],
      [JWT, 'jwt', 0.95],
    ]);
    const fs = secretDetector.detect(text, ctx);
    for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
  });

  it('keeps exact UTF-16 offsets after emoji and accents', () => {
    const text = '🎉 Zoë’s naïve café 😀 token ghp_16C7e42F292c6912E7710c838347Ae178B4a ✅';
    const [f] = secretDetector.detect(text, ctx);
    const start = text.indexOf('ghp_');
    expect([f?.start, f?.end]).toEqual([start, start + 40]);
  });

  it('ignores ordinary prose, GUIDs and numbers', () => {
    const text =
      'I forgot my password and the token expired. Please reset it. Ticket 4711, GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301, ' +
      'build 10.0.19041, the secret to success is patience.';
    expect(found(text)).toEqual([]);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const big = (chunk: string) => chunk.repeat(Math.ceil(M / chunk.length));
    it('long runs of letters, prefixes and separators', () => {
      expect(secretDetector.detect('a'.repeat(M), ctx)).toEqual([]);
      expect(secretDetector.detect(big('AKIA'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('AAAAA-'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('ghp_'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('xoxb-'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('secret aws '), ctx)).toEqual([]);
    }, 10_000);
    it('repeated JWT and PEM anchors', () => {
      expect(secretDetector.detect(big('eyJ'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('eyJ.'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('-----END '), ctx)).toEqual([]);
      const fs = secretDetector.detect(big('-----BEGIN PRIVATE KEY----- '), ctx);
      for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
    }, 10_000);
    it('repeated labels and headers', () => {
      expect(secretDetector.detect(big('password'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('password: x '), ctx)).toEqual([]);
      expect(secretDetector.detect(big('Bearer '), ctx)).toEqual([]);
      expect(secretDetector.detect(big('Basic '), ctx)).toEqual([]);
      expect(secretDetector.detect(big('Server=a;'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('postgres://'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('"password": "'), ctx)).toEqual([]);
      expect(secretDetector.detect(big('Password: hunter2, ').slice(0, 200_000), ctx).length).toBeGreaterThan(10_000);
    }, 10_000);
  });
  it('prefilters keep every family reachable', () => {
    expect(found('key AKIAIOSFODNN7EXAMPLE here')).toEqual(['AKIAIOSFODNN7EXAMPLE']);
    expect(found(`token ghp_${'a'.repeat(36)} here`)).toEqual([`ghp_${'a'.repeat(36)}`]);
    expect(found('Authorization: BEARER abc.def-ghi_jkl')).toEqual(['abc.def-ghi_jkl']);
    expect(found('no anchors at all in this ordinary ticket text, nothing to see')).toEqual([]);
    expect(found('key: ABCDE-12345-FGHIJ-67890-KLMNP ok')).toEqual(['ABCDE-12345-FGHIJ-67890-KLMNP']);
    expect(found('a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p')).toEqual([]);
  });
});
