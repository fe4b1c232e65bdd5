import { chmod, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcError } from '../../../shared/ipc-contract';
import { HANDLE_ID_PATTERN } from '../../../shared/ipc-validate';
import { HandleStore } from '../../../src-main/main/file-handles';

let dir: string;

beforeAll(async () => {
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'file-handles-')));
  await writeFile(path.join(dir, 'tickets.csv'), 'id,email\n1,a@example.com\n');
  await writeFile(path.join(dir, 'cases.json'), '[{"id":1}]');
  await writeFile(path.join(dir, 'chats.ndjson'), '{"id":1}\n{"id":2}\n');
  await writeFile(path.join(dir, 'lines.json'), '{"id":1}\n{"id":2}\n{"id":3}\n');
  await writeFile(path.join(dir, 'export.dat'), 'id;name\n1;x\n');
  await writeFile(path.join(dir, 'picture.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await writeFile(path.join(dir, 'notes.bin'), 'just one line of prose\n');
  await mkdir(path.join(dir, 'folder.csv'));
  await mkdir(path.join(dir, 'out'));
  await symlink(path.join(dir, 'tickets.csv'), path.join(dir, 'link-to-tickets.csv'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IpcError);
  expect((error as Error).message).not.toContain(dir);
  return (error as IpcError).code;
}

describe('HandleStore', () => {
  it('gives opaque handles: at least 128 random bits, no path inside, different every time', async () => {
    const store = new HandleStore();
    const file = path.join(dir, 'tickets.csv');
    const a = await store.addFile(file);
    const b = await store.addFile(file);
    expect(a.id).not.toBe(b.id);
    for (const { id } of [a, b]) {
      expect(id).toMatch(HANDLE_ID_PATTERN);
      expect(id.length * 6).toBeGreaterThanOrEqual(128); // base64url: 6 bits per character
      expect(id).not.toContain('/');
      expect(id).not.toContain('tickets');
    }
    expect(a).toEqual({ id: a.id, name: 'tickets.csv', size: 25, format: 'csv' });
    expect(JSON.stringify(a)).not.toContain(dir);
    expect(store.filePath(a.id)).toBe(file);
  });

  it('detects the format by extension and by content', async () => {
    const store = new HandleStore();
    expect((await store.addFile(path.join(dir, 'cases.json'))).format).toBe('json');
    expect((await store.addFile(path.join(dir, 'chats.ndjson'))).format).toBe('ndjson');
    expect((await store.addFile(path.join(dir, 'lines.json'))).format).toBe('ndjson');
    expect((await store.addFile(path.join(dir, 'export.dat'))).format).toBe('csv');
  });

  it('refuses unknown handles, and a folder handle where a file handle belongs (and back)', async () => {
    const store = new HandleStore();
    const folder = await store.addFolder(path.join(dir, 'out'));
    const file = await store.addFile(path.join(dir, 'tickets.csv'));
    expect(() => store.filePath('A'.repeat(43))).toThrow(IpcError);
    expect(() => store.filePath(folder.id)).toThrow(/unknown file handle/);
    expect(() => store.folderPath(file.id)).toThrow(/unknown folder handle/);
    expect(store.folderPath(folder.id)).toBe(path.join(dir, 'out'));
    store.release(file.id);
    expect(() => store.filePath(file.id)).toThrow(IpcError);
  });

  it('refuses a directory as a file, a missing file, a relative path, and binary or unrecognisable content', async () => {
    const store = new HandleStore();
    expect(await refusal(store.addFile(path.join(dir, 'folder.csv')))).toBe('unsupported');
    expect(await refusal(store.addFile(path.join(dir, 'missing.csv')))).toBe('not-found');
    expect(await refusal(store.addFile('tickets.csv'))).toBe('invalid');
    expect(await refusal(store.addFile(path.join(dir, 'picture.png')))).toBe('unsupported');
    expect(await refusal(store.addFile(path.join(dir, 'notes.bin')))).toBe('unsupported');
    expect(store.size).toBe(0);
  });

  it('resolves symlinks: the handle points at the real file', async () => {
    const store = new HandleStore();
    const info = await store.addFile(path.join(dir, 'link-to-tickets.csv'));
    expect(store.filePath(info.id)).toBe(path.join(dir, 'tickets.csv'));
    expect(info.name).toBe('tickets.csv');
  });

  it('takes writable folders only, and not a file as a folder', async () => {
    const store = new HandleStore();
    expect(await refusal(store.addFolder(path.join(dir, 'tickets.csv')))).toBe('unsupported');
    expect(await refusal(store.addFolder(path.join(dir, 'nowhere')))).toBe('not-found');
    const readOnly = path.join(dir, 'read-only');
    await mkdir(readOnly);
    await chmod(readOnly, 0o500);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) expect(await refusal(store.addFolder(readOnly))).toBe('forbidden');
    await chmod(readOnly, 0o700);
  });
});
