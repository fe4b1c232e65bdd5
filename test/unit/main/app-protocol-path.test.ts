import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  isInsideRoot,
  resolveAppPathname,
  resolveAppRequestPath,
} from '../../../src-main/main/app-protocol-path';

const ROOT = path.resolve('/srv/app/out/renderer');
const inRoot = (...parts: string[]) => path.join(ROOT, ...parts);

function okPath(url: string): string {
  const result = resolveAppRequestPath(ROOT, url);
  if (!result.ok) throw new Error(`expected ${url} to resolve, got: ${result.reason}`);
  return result.filePath;
}

describe('resolveAppRequestPath: allowed', () => {
  it('maps / and /index.html to index.html', () => {
    expect(okPath('app://bundle/')).toBe(inRoot('index.html'));
    expect(okPath('app://bundle')).toBe(inRoot('index.html'));
    expect(okPath('app://bundle/index.html')).toBe(inRoot('index.html'));
  });

  it('maps assets inside the root', () => {
    expect(okPath('app://bundle/assets/index-BxTl3F2S.js')).toBe(inRoot('assets', 'index-BxTl3F2S.js'));
  });

  it('ignores query strings and fragments', () => {
    expect(okPath('app://bundle/assets/a.css?v=1#x')).toBe(inRoot('assets', 'a.css'));
  });

  it('decodes ordinary percent-encoding once', () => {
    expect(okPath('app://bundle/assets/my%20file.png')).toBe(inRoot('assets', 'my file.png'));
  });

  it('keeps literal dot-segments that the URL parser already normalised inside the root', () => {
    // WHATWG URL parsing turns /a/../index.html into /index.html before we see it.
    expect(okPath('app://bundle/assets/../index.html')).toBe(inRoot('index.html'));
    expect(okPath('app://bundle/../../../etc/passwd')).toBe(inRoot('etc', 'passwd'));
  });
});

describe('resolveAppRequestPath: rejected URLs', () => {
  it.each([
    ['wrong scheme', 'file:///etc/passwd'],
    ['wrong scheme (https)', 'https://bundle/index.html'],
    ['wrong host', 'app://other/index.html'],
    ['credentials', 'app://u:p@bundle/index.html'],
    ['port', 'app://bundle:99/index.html'],
    ['invalid URL', 'app//bundle/index.html'],
    ['encoded traversal', 'app://bundle/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['encoded slash after dots', 'app://bundle/..%2f..%2fetc%2fpasswd'],
    ['mixed-case encoding', 'app://bundle/assets/%2E%2E%2Findex.html'],
    ['encoded backslash', 'app://bundle/..%5c..%5cetc%5cpasswd'],
    ['double encoding', 'app://bundle/%252e%252e%252fetc%252fpasswd'],
    ['encoded NUL', 'app://bundle/index.html%00.png'],
    ['malformed encoding', 'app://bundle/%E0%A4%A'],
    ['encoded absolute path', 'app://bundle/%2fetc%2fpasswd'],
    ['windows drive letter', 'app://bundle/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://bundle/C%3A%5CWindows%5Cwin.ini'],
    ['directory', 'app://bundle/assets/'],
  ])('%s: %s', (_label, url) => {
    expect(resolveAppRequestPath(ROOT, url).ok).toBe(false);
  });
});

describe('resolveAppPathname (raw pathnames that bypass URL normalisation)', () => {
  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/./index.html',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/.%2e/secret',
    '/assets/%2e%2e/%2e%2e/x',
    '/..\\..\\etc\\passwd',
    '/assets\\..\\..\\x',
    '/%5c%5cserver%5cshare',
    '//etc/passwd',
    '///etc/passwd',
    '/assets//x.js',
    'etc/passwd',
    '',
    '/etc/passwd\0.html',
    '/C:/Windows/win.ini',
    '/c:%5cwindows',
    '/index.html:stream',
  ])('rejects %j', (pathname) => {
    expect(resolveAppPathname(ROOT, pathname).ok).toBe(false);
  });

  it('accepts a plain nested path', () => {
    expect(resolveAppPathname(ROOT, '/assets/x.js')).toEqual({ ok: true, filePath: inRoot('assets', 'x.js') });
  });

  it('never resolves outside the root, whatever the input', () => {
    const nasty = ['/..', '/../', '/%2e%2e', '/%2e%2e%2f', '/a/%2e%2e/%2e%2e', '/\\..', '/%00', '/~/.ssh/id_rsa'];
    for (const pathname of nasty) {
      const result = resolveAppPathname(ROOT, pathname);
      if (result.ok) expect(isInsideRoot(ROOT, result.filePath)).toBe(true);
    }
  });
});

describe('isInsideRoot', () => {
  it('accepts the root and descendants', () => {
    expect(isInsideRoot(ROOT, ROOT)).toBe(true);
    expect(isInsideRoot(ROOT, inRoot('a', 'b.js'))).toBe(true);
  });

  it('rejects parents, siblings with a shared prefix, and other absolute paths', () => {
    expect(isInsideRoot(ROOT, path.dirname(ROOT))).toBe(false);
    expect(isInsideRoot(ROOT, `${ROOT}-evil/index.html`)).toBe(false);
    expect(isInsideRoot(ROOT, path.resolve('/etc/passwd'))).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('maps build output types and defaults to octet-stream', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('b.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });
});
