/**
 * The lint rules that keep network code out of the app (issue #9), run through ESLint's API on the project's own
 * configuration: network modules (`http`, `https`, `net`, `tls`, `dgram`, `undici`, …) may not be imported in
 * shared/, src-main/ or src-renderer/, and the globals that reach the network without an import (`fetch`,
 * `XMLHttpRequest`, `WebSocket`, …) may not be used there.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('network lint rules', () => {
  it.each([
    ['shared/detect/x.ts', "import { request } from 'node:https';\nexport const r = request;\n"],
    ['src-main/jobs/x.ts', "import * as net from 'net';\nexport const n = net;\n"],
    ['src-main/jobs/x.ts', "import { fetch } from 'undici';\nexport const f = fetch;\n"],
    ['src-main/cli/x.ts', "import dgram from 'node:dgram';\nexport const d = dgram;\n"],
  ])('refuses a network module in %s', async (file, code) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  it.each([
    ['shared/transform/x.ts', "export const f = () => fetch('https://example.com');\n", 'no-restricted-globals'],
    ['src-main/main/x.ts', "export const w = () => new WebSocket('wss://example.com');\n", 'no-restricted-globals'],
    ['src-renderer/src/x.ts', "export const f = () => globalThis.fetch('https://example.com');\n", 'no-restricted-properties'],
    ['src-renderer/src/x.ts', 'export const x = () => new XMLHttpRequest();\n', 'no-restricted-globals'],
  ])('refuses a network global in %s', async (file, code, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it('accepts the same file without network code', async () => {
    expect(await ruleIds("import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", 'src-main/jobs/x.ts')).toEqual([]);
  });
});
