/**
 * The settings and project-key channels over the real handlers and dispatcher, with the real settings and keychain
 * stores on a fake safeStorage; and what the job handlers take from them (the stored key's bytes, the default
 * region). A canary check: no response and no event ever holds the key, in any spelling.
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileHandleInfo, IpcResult } from '../../../shared/ipc-contract';
import { validatePayload } from '../../../shared/ipc-validate';
import { writeNewKeyFile } from '../../../src-main/io/key-file';
import { HandleStore } from '../../../src-main/main/file-handles';
import { createDispatcher, isAppFrameUrl } from '../../../src-main/main/ipc-dispatcher';
import { createIpcHandlers } from '../../../src-main/main/ipc-handlers';
import { notAvailableJobRunner, type JobRunner } from '../../../src-main/main/job-runner-port';
import type { SafeStorageLike } from '../../../src-main/main/keychain-key-store';
import { fakeSafeStorage, settingsDeps } from '../../helpers/fake-safe-storage';

const APP_URL = 'app://bundle/index.html';
const HANDLE = 'A'.repeat(43);

let dir: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'settings-handlers-')));
  await mkdir(path.join(dir, 'out'));
  await writeFile(path.join(dir, 'tickets.csv'), 'id,email\n1,a@example.com\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A keychain that cannot decrypt what another one stored (another user account's). */
const otherKeychain: SafeStorageLike = {
  ...fakeSafeStorage(),
  decryptString: () => {
    throw new Error('no');
  },
};

function setUp(options: { jobs?: JobRunner; storage?: SafeStorageLike; dataDir?: string } = {}) {
  const picked: string[][] = [];
  const deps = settingsDeps(options.dataDir, options.storage ?? fakeSafeStorage());
  const handles = new HandleStore();
  const responses: unknown[] = [];
  const dispatch = createDispatcher(
    createIpcHandlers({
      appInfo: { app: '0', electron: '0', chrome: '0' },
      dialog: { showOpenDialog: async () => ({ canceled: picked.length === 0, filePaths: picked.shift() ?? [] }) },
      handles,
      jobs: options.jobs ?? notAvailableJobRunner,
      emit: (event, payload) => responses.push([event, payload]),
      settings: deps.settings,
      keys: deps.keys,
    }),
    isAppFrameUrl,
  );
  /** Calls a channel as the app window; every answer is kept for the canary check. */
  const call = async (channel: string, payload?: unknown): Promise<IpcResult<unknown>> => {
    const result = await dispatch(channel, APP_URL, payload);
    responses.push(result);
    return result;
  };
  const value = async <T,>(channel: string, payload?: unknown): Promise<T> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const pick = (...paths: string[]) => picked.push(paths);
  return { deps, handles, call, value, pick, responses };
}

/** The key's 32 bytes in every spelling they could leak in. */
function spellings(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  return [b.toString('hex'), b.toString('hex').toUpperCase(), b.toString('base64'), b.toString('base64url')];
}

function expectNoKey(responses: readonly unknown[], bytes: Uint8Array): void {
  const text = JSON.stringify(responses);
  for (const form of spellings(bytes)) expect(text).not.toContain(form);
}

describe('settings:get and settings:set', () => {
  it('round-trip a partial update; invalid values and unknown settings are refused by the validator', async () => {
    const { value, call } = setUp();
    expect(await value('settings:get')).toEqual({ settings: { theme: 'system', locale: 'system', defaultRegion: 'US' } });
    expect(await value('settings:set', { theme: 'dark', defaultRegion: 'DE' })).toEqual({ theme: 'dark', locale: 'system', defaultRegion: 'DE' });
    expect(await value('settings:get')).toEqual({ settings: { theme: 'dark', locale: 'system', defaultRegion: 'DE' } });
    expect(await call('settings:set', { theme: 'purple' })).toEqual({ ok: false, error: { code: 'invalid', message: 'settings:set: theme must be one of system, light, dark' } });
    expect(await call('settings:set', { languages: ['de'] })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/unknown setting/) } });
    expect(await value('settings:get')).toEqual({ settings: { theme: 'dark', locale: 'system', defaultRegion: 'DE' } });
  });
});

describe('keys', () => {
  it('create → status shows the fingerprint; a second create is refused; destroy removes it; the key is never sent', async () => {
    const { value, call, deps, responses } = setUp();
    expect(await value('keys:status')).toEqual({ available: true, stored: false });
    const created = await value<{ fingerprint: string }>('keys:create');
    const fingerprint = (await deps.keys.load())!.fingerprint();
    expect(created).toEqual({ available: true, stored: true, fingerprint });
    expect(fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(await value('keys:status')).toEqual({ available: true, stored: true, fingerprint });
    expect(await call('keys:create')).toEqual({ ok: false, error: { code: 'conflict', message: 'a project key is already stored; destroy it first to replace it' } });
    const bytes = (await deps.keys.loadBytes())!;
    expect(await value('keys:destroy')).toEqual({ available: true, stored: false });
    expect(await deps.keys.load()).toBeUndefined();
    expectNoKey(responses, bytes);
    // a new key is another key
    expect((await value<{ fingerprint: string }>('keys:create')).fingerprint).not.toBe(fingerprint);
  });

  it('imports a key file opened for that purpose, with its fingerprint; its handle is good for nothing else', async () => {
    const { value, call, pick, deps, responses } = setUp();
    const keyFile = path.join(dir, 'project.key');
    const { fingerprint } = await writeNewKeyFile(keyFile);
    pick(keyFile);
    const [info] = await value<FileHandleInfo[]>('files:open', { purpose: 'key' });
    expect(info).toMatchObject({ name: 'project.key' });
    // not an export: a key file's handle can never be previewed (the window would see the key)
    expect(await call('jobs:preview', { file: info!.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await value('keys:import', { file: info!.id })).toEqual({ available: true, stored: true, fingerprint });
    // the handle is used up
    expect(await call('keys:import', { file: info!.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    pick(keyFile);
    const [again] = await value<FileHandleInfo[]>('files:open', { purpose: 'key' });
    expect(await call('keys:import', { file: again!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expectNoKey(responses, (await deps.keys.loadBytes())!);
    expect(JSON.stringify(responses)).not.toContain(dir);
  });

  it('refuses a file that is not a key file, naming no path; an export handle is no key handle', async () => {
    const { value, call, pick, handles } = setUp();
    const notKey = path.join(dir, 'not-a-key.json');
    await writeFile(notKey, JSON.stringify({ format: 'something-else', version: 1 }));
    pick(notKey);
    const [info] = await value<FileHandleInfo[]>('files:open', { purpose: 'key' });
    const result = await call('keys:import', { file: info!.id });
    expect(result).toEqual({ ok: false, error: { code: 'unsupported', message: 'not a key file: "format" must be "support-export-anonymiser-key"' } });
    const binary = path.join(dir, 'binary.key');
    await writeFile(binary, Buffer.from([0, 1, 2, 3]));
    pick(binary);
    expect(await call('files:open', { purpose: 'key' })).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/^not a key file/) } });
    const exportHandle = await handles.addFile(path.join(dir, 'tickets.csv'));
    expect(await call('keys:import', { file: exportHandle.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('keys:status')).toEqual({ ok: true, value: { available: true, stored: false } });
  });

  it('without a usable keychain: status says so, create and import are not-available', async () => {
    const { value, call } = setUp({ storage: fakeSafeStorage(false) });
    expect(await value('keys:status')).toEqual({ available: false, stored: false });
    expect(await call('keys:create')).toMatchObject({ ok: false, error: { code: 'not-available', message: expect.stringMatching(/keychain is not available/) } });
  });

  it('a stored key this keychain cannot decrypt shows as a problem, and can be destroyed', async () => {
    const first = setUp();
    await first.value('keys:create');
    // the same data folder, another keychain
    const { call } = setUp({ storage: otherKeychain, dataDir: first.deps.dataDir });
    const status = await call('keys:status');
    expect(status).toEqual({ ok: true, value: { available: true, stored: true, problem: "the stored project key cannot be decrypted by this user account's keychain" } });
    expect(JSON.stringify(status)).not.toContain(first.deps.dataDir);
    expect(await call('keys:create')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('keys:destroy')).toEqual({ ok: true, value: { available: true, stored: false } });
  });
});

describe('jobs with the settings', () => {
  /** A runner that records each job's parameters as they were when `start` was called (a deep copy). */
  function recordingRunner() {
    const started: { kind: string; params: Record<string, unknown>; original: Record<string, unknown> }[] = [];
    const runner: JobRunner = {
      start: (kind, params) => {
        const copy = { ...(params as Record<string, unknown>) };
        if (copy.keyBytes instanceof Uint8Array) copy.keyBytes = Uint8Array.from(copy.keyBytes);
        started.push({ kind, params: copy, original: params as Record<string, unknown> });
        return { jobId: `job-${started.length}`, cancel: vi.fn(async () => undefined) };
      },
    };
    return { runner, started };
  }

  it('run and verify get the stored key in their parameters, wiped here once started; without a key, none', async () => {
    const { runner, started } = recordingRunner();
    const { value, pick, handles, deps, responses } = setUp({ jobs: runner });
    pick(path.join(dir, 'tickets.csv'));
    const [input] = await value<FileHandleInfo[]>('files:open', { purpose: 'export' });
    const folder = await handles.addFolder(path.join(dir, 'out'));
    await value('jobs:run', { files: [input!.id], outputFolder: folder.id });
    expect(started[0]!.params).not.toHaveProperty('keyBytes');

    await value('keys:create');
    const bytes = (await deps.keys.loadBytes())!;
    await value('jobs:run', { files: [input!.id], outputFolder: folder.id });
    await value('jobs:verify', { originals: [input!.id], anonymised: [input!.id] });
    for (const job of started.slice(1)) {
      expect(job.params.keyBytes).toEqual(bytes);
      expect([...(job.original.keyBytes as Uint8Array)].every((b) => b === 0)).toBe(true);
    }
    expect(started.map((s) => s.kind)).toEqual(['run', 'run', 'verify']);
    expectNoKey(responses, bytes);
  });

  it('a stored key that cannot be used stops a run instead of silently using a fresh key', async () => {
    const { runner, started } = recordingRunner();
    const first = setUp();
    await first.value('keys:create');
    const { value, call, pick, handles, deps } = setUp({ jobs: runner, storage: otherKeychain, dataDir: first.deps.dataDir });
    pick(path.join(dir, 'tickets.csv'));
    const [input] = await value<FileHandleInfo[]>('files:open', { purpose: 'export' });
    const folder = await handles.addFolder(path.join(dir, 'out'));
    const result = await call('jobs:run', { files: [input!.id], outputFolder: folder.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-available', message: expect.stringMatching(/stored project key cannot be used/) } });
    expect(JSON.stringify(result)).not.toContain(deps.dataDir);
    expect(started).toEqual([]);
  });

  it("every job gets the settings' default region; the profile goes as it is (the worker applies the precedence)", async () => {
    const { runner, started } = recordingRunner();
    const { value, pick, handles } = setUp({ jobs: runner });
    pick(path.join(dir, 'tickets.csv'));
    const [input] = await value<FileHandleInfo[]>('files:open', { purpose: 'export' });
    const folder = await handles.addFolder(path.join(dir, 'out'));
    await value('jobs:preview', { file: input!.id });
    await value('settings:set', { defaultRegion: 'DE' });
    await value('jobs:preview', { file: input!.id });
    await value('jobs:scan', { files: [input!.id], profile: { version: 1, extends: 'zendesk' } });
    await value('jobs:run', { files: [input!.id], outputFolder: folder.id, profile: { version: 1, defaultRegion: 'GB' } });
    await value('jobs:verify', { originals: [input!.id], anonymised: [input!.id] });
    expect(started.map((s) => [s.kind, s.params.defaultRegion, s.params.profile])).toEqual([
      ['preview', 'US', undefined],
      ['preview', 'DE', undefined],
      ['scan', 'DE', { version: 1, extends: 'zendesk' }],
      ['run', 'DE', { version: 1, defaultRegion: 'GB' }],
      ['verify', 'DE', undefined],
    ]);
  });
});

describe('validators of the settings and key channels', () => {
  it('take what the contract says and nothing else', () => {
    expect(validatePayload('settings:get', undefined)).toEqual({ ok: true, value: undefined });
    expect(validatePayload('settings:get', {})).toMatchObject({ ok: false });
    expect(validatePayload('settings:set', { locale: 'de' })).toEqual({ ok: true, value: { locale: 'de' } });
    expect(validatePayload('settings:set', { defaultRegion: 'ZZ' })).toMatchObject({ ok: false, message: expect.stringMatching(/defaultRegion/) });
    expect(validatePayload('settings:set', Object.create({ theme: 'dark' }))).toMatchObject({ ok: false, message: expect.stringMatching(/plain object/) });
    for (const channel of ['keys:status', 'keys:create', 'keys:destroy'] as const) {
      expect(validatePayload(channel, undefined)).toEqual({ ok: true, value: undefined });
      expect(validatePayload(channel, { force: true })).toMatchObject({ ok: false });
    }
    expect(validatePayload('keys:import', { file: HANDLE })).toEqual({ ok: true, value: { file: HANDLE } });
    expect(validatePayload('keys:import', { file: '/home/alice/project.key' })).toEqual({ ok: false, message: 'file must be a handle id' });
    expect(validatePayload('keys:import', { file: HANDLE, path: '/x' })).toMatchObject({ ok: false });
    expect(validatePayload('files:open', { purpose: 'key' })).toEqual({ ok: true, value: { purpose: 'key' } });
    expect(validatePayload('files:open', { purpose: 'keys' })).toMatchObject({ ok: false });
  });
});
