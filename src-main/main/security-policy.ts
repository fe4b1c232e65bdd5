/**
 * Pure security decisions for the Electron shell.
 *
 * Nothing in this module touches Electron at runtime (only `import type`), so
 * every rule here is unit-testable under plain Node (test/unit/main).
 */
import type { CustomScheme, WebPreferences } from 'electron';

export const APP_NAME = 'Support Export Anonymiser';

/** Custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** Single fixed host; `standard` schemes need one and it pins the origin. */
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The one Content-Security-Policy. Sent as a response header by the app://
 * handler and duplicated as a <meta> tag in src-renderer/index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Where the spellchecker would fetch Hunspell dictionaries from. Port 9
 * ("discard") on loopback: nothing listens there, and the request would be
 * cancelled by the webRequest filter anyway. The spellchecker is also
 * disabled per session and per window.
 */
export const UNREACHABLE_DICTIONARY_URL = 'http://127.0.0.1:9/';

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`.
 * - standard: relative URLs / origin semantics like https (needed for ./assets/…)
 * - secure: treated as a secure context
 * - supportFetchAPI + corsEnabled: lets Chromium load the Vite `type="module"
 *   crossorigin` scripts from the scheme. Nothing else can reach app:// because
 *   every non-app:// request is cancelled.
 * - bypassCSP is explicitly false: the CSP always applies.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
  allowExtensions: false,
} as const);

export function appSchemeRegistration(): CustomScheme[] {
  return [{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }];
}

/**
 * Network filter used by `session.webRequest.onBeforeRequest` on every
 * session: only our own app://bundle/ origin and Chromium's devtools: pages
 * are allowed. Everything else (http, https, ws, file, ftp, other hosts on
 * app://, credentials or ports on app://, unparsable URLs) is cancelled.
 */
export function isAllowedRequestUrl(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'devtools:') return true;
  if (url.protocol !== `${APP_SCHEME}:`) return false;
  // Chromium lower-cases hosts of standard schemes; Node's URL does not for
  // non-special schemes, so compare case-insensitively.
  return url.hostname.toLowerCase() === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/** Headers on every app:// response (including 404s). */
export function appResponseHeaders(contentType?: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  return headers;
}

export interface WebPreferencesOptions {
  /** Absolute path to the built preload script (out/preload/index.cjs). */
  preloadPath: string;
  /** Allow opening DevTools (development builds only). */
  devTools: boolean;
}

/** The hardened webPreferences for every BrowserWindow. */
export function createWebPreferences(options: WebPreferencesOptions): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}
