/**
 * Pure path guard for the app:// protocol handler: maps a request URL to a
 * file strictly inside the renderer build directory (out/renderer), or says
 * no. Unit-tested in test/unit/main/app-protocol-path.test.ts and reused by
 * the Playwright renderer tests to serve out/renderer.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security-policy';

export type AppPathResult =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly reason: string };

const reject = (reason: string): AppPathResult => ({ ok: false, reason });

/** True when `candidate` is `root` itself or below it (lexically). */
export function isInsideRoot(root: string, candidate: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(candidate));
  if (rel === '') return true;
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Resolve a URL path (as found in `new URL(...).pathname`, still
 * percent-encoded) to a file below `rootDir`.
 *
 * Rejected: backslashes (raw or %5C), malformed or double percent-encoding,
 * NUL bytes, `.` / `..` segments (also when they only appear after decoding,
 * e.g. `%2e%2e` or `..%2f`), empty segments (`//`), colons (drive letters,
 * alternate data streams), directory paths, and anything that would still
 * resolve outside `rootDir`. `/` maps to `index.html`.
 */
export function resolveAppPathname(rootDir: string, rawPathname: string): AppPathResult {
  if (rawPathname.includes('\\') || /%5c/i.test(rawPathname)) return reject('backslash');
  if (!rawPathname.startsWith('/')) return reject('not an absolute URL path');

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return reject('malformed percent-encoding');
  }
  if (decoded.includes('\0')) return reject('NUL byte');
  if (decoded.includes('\\')) return reject('backslash');
  if (/%[0-9a-f]{2}/i.test(decoded)) return reject('double percent-encoding');

  let relative = decoded.slice(1);
  if (relative === '') relative = 'index.html';
  if (relative.endsWith('/')) return reject('directory');

  const segments = relative.split('/');
  for (const segment of segments) {
    if (segment === '') return reject('empty path segment');
    if (segment === '.' || segment === '..') return reject('dot segment');
    if (segment.includes(':')) return reject('colon in path');
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (filePath === root || !isInsideRoot(root, filePath)) return reject('outside root');
  return { ok: true, filePath };
}

/**
 * Resolve a full request URL (`app://bundle/...`) to a file below `rootDir`.
 * Only the app scheme on the fixed host, without credentials or port.
 */
export function resolveAppRequestPath(
  rootDir: string,
  requestUrl: string,
  expected: { scheme: string; host: string } = { scheme: APP_SCHEME, host: APP_HOST },
): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return reject('invalid URL');
  }
  if (url.protocol !== `${expected.scheme}:`) return reject('wrong scheme');
  if (url.hostname.toLowerCase() !== expected.host) return reject('wrong host');
  if (url.port !== '' || url.username !== '' || url.password !== '') return reject('unexpected URL authority');
  // `app://bundle` (no trailing slash) has an empty pathname in Node's parser.
  return resolveAppPathname(rootDir, url.pathname === '' ? '/' : url.pathname);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
