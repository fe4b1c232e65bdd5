// ESLint: TypeScript rules everywhere, plus import rules that keep each folder to where its code may run:
// shared/ is pure (no Node, no Electron), src-renderer/ is the page (no Node, no Electron), and nothing in the
// engine or the Node side may open a network connection.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NETWORK_MODULES = ['http', 'https', 'net', 'tls', 'dgram', 'undici', 'http2', 'node-fetch', 'axios'].flatMap((m) =>
  m.includes('-') || m === 'undici' || m === 'axios' ? [m] : [m, `node:${m}`],
);
const networkBan = NETWORK_MODULES.map((name) => ({ name, message: 'The app promises that no data leaves the machine: no network modules.' }));
/** The globals that reach the network without an import. */
const networkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport'].map((name) => ({
  name,
  message: 'The app promises that no data leaves the machine: no network requests.',
}));
const networkGlobalProperties = ['globalThis', 'window', 'self', 'global'].flatMap((object) =>
  ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport'].map((property) => ({ object, property, message: 'No network requests.' })),
);
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'buffer', 'util', 'events', 'url', 'zlib', 'module', 'process'];
const rawIpcBan = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC wrappers; raw ipcMain/ipcRenderer belong in one wrapper file each.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'reports/**', 'test-results/**', 'playwright-report/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [...networkBan, rawIpcBan] }],
    },
  },
  {
    // the app's own code; tests may call fetch inside the page to prove that the page's requests are blocked
    files: ['shared/**/*.{ts,tsx}', 'src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...networkGlobals],
      'no-restricted-properties': ['error', ...networkGlobalProperties],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...networkBan,
            { name: 'electron', message: 'shared/ is the pure engine: no Electron.' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'shared/ is the pure engine: no Node modules (it also runs in the renderer).' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ is the pure engine: no Node modules (it also runs in the renderer).' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'shared/ must not depend on the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...networkBan, { name: 'electron', message: 'The renderer talks to main through window.api only.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer is a sandboxed page: no Node modules.' },
            { group: ['**/src-main/**'], message: 'The renderer talks to main through window.api only.' },
          ],
        },
      ],
    },
  },
);
