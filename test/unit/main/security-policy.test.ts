import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  UNREACHABLE_DICTIONARY_URL,
  appResponseHeaders,
  appSchemeRegistration,
  createWebPreferences,
  isAllowedRequestUrl,
} from '../../../src-main/main/security-policy';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('never allows unsafe-inline, unsafe-eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|wss?:/);
  });

  it('is sent on every app:// response with nosniff', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(appResponseHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(appResponseHeaders()).not.toHaveProperty('Content-Type');
  });
});

describe('createWebPreferences', () => {
  const prefs = createWebPreferences({ preloadPath: '/app/out/preload/index.cjs', devTools: false });

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and disables webview, spellcheck and insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('uses the given preload and devTools setting', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.devTools).toBe(false);
    expect(createWebPreferences({ preloadPath: 'x', devTools: true }).devTools).toBe(true);
  });

  it('returns a fresh object each time', () => {
    expect(createWebPreferences({ preloadPath: 'x', devTools: false })).not.toBe(
      createWebPreferences({ preloadPath: 'x', devTools: false }),
    );
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    APP_ENTRY_URL,
    'app://bundle/',
    'app://bundle/assets/index-abc123.js',
    'app://BUNDLE/index.html',
    'devtools://devtools/bundled/inspector.html',
  ])('allows %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'http://localhost/',
    'ws://127.0.0.1/',
    'wss://example.com/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://bundle/1234',
    'chrome://settings',
    'chrome-extension://abc/x.js',
    'javascript:alert(1)',
    'app://other/index.html',
    'app://bundle.evil.com/index.html',
    'app://user:pass@bundle/index.html',
    'app://bundle:8080/index.html',
    'appx://bundle/index.html',
    UNREACHABLE_DICTIONARY_URL,
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });
});

describe('app scheme registration', () => {
  it('is a standard, secure scheme that never bypasses CSP', () => {
    const [registration, ...rest] = appSchemeRegistration();
    expect(rest).toHaveLength(0);
    expect(registration?.scheme).toBe('app');
    expect(registration?.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(registration?.privileges?.allowServiceWorkers).toBe(false);
    expect(Object.isFrozen(APP_SCHEME_PRIVILEGES)).toBe(true);
  });
});

describe('spellchecker dictionary URL', () => {
  it('points at loopback and is itself blocked by the request filter', () => {
    const url = new URL(UNREACHABLE_DICTIONARY_URL);
    expect(url.hostname).toBe('127.0.0.1');
    expect(UNREACHABLE_DICTIONARY_URL.endsWith('/')).toBe(true);
  });
});
