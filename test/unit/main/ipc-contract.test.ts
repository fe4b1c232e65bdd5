import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, type Channel } from '../../../shared/ipc-contract';
import { VALIDATED_CHANNELS, validatePayload } from '../../../shared/ipc-validate';
import { HandleStore } from '../../../src-main/main/file-handles';
import { createIpcHandlers } from '../../../src-main/main/ipc-handlers';
import { notAvailableJobRunner } from '../../../src-main/main/job-runner-port';
import { buildApi, type RawInvoke } from '../../../src-main/preload/build-api';
import { settingsDeps } from '../../helpers/fake-safe-storage';

const HANDLE = 'A'.repeat(43);

/** `api.files.open` → `files:open`, for every function the api holds (one level of namespaces). */
function apiMethods(api: object): string[] {
  return Object.entries(api).flatMap(([ns, value]) =>
    typeof value === 'object' && value !== null
      ? Object.entries(value)
          .filter(([, fn]) => typeof fn === 'function')
          .map(([method]) => `${ns}:${method}`)
      : [],
  );
}

function registeredHandlers(): string[] {
  const handlers = createIpcHandlers({
    appInfo: { app: '0', electron: '0', chrome: '0' },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    handles: new HandleStore(),
    jobs: notAvailableJobRunner,
    emit: () => undefined,
    ...settingsDeps(),
  });
  return Object.keys(handlers);
}

describe('the IPC contract', () => {
  it('preload methods == contract channels == registered handlers == validators', () => {
    const api = buildApi(vi.fn(), vi.fn());
    const channels = [...CHANNELS].sort();
    expect(apiMethods(api).sort()).toEqual(channels);
    expect(registeredHandlers().sort()).toEqual(channels);
    expect([...VALIDATED_CHANNELS].sort()).toEqual(channels);
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('window.api holds the namespaces, on() and the static versions, nothing else', () => {
    const api = buildApi(vi.fn(), vi.fn());
    const namespaces = [...new Set(CHANNELS.map((c) => c.split(':')[0]))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on', 'versions'].sort());
    expect(typeof api.on).toBe('function');
    expect(Object.values(api.versions).every((v) => typeof v === 'string')).toBe(true);
  });

  it('each method invokes its own channel', async () => {
    const invoke = vi.fn<RawInvoke>(async () => ({ ok: true, value: null }));
    const api = buildApi(invoke, vi.fn(), { pathForFile: () => '/tmp/dropped.csv', versions: { app: '1', electron: '2', chrome: '3' } });
    await api.app.info();
    await api.files.open();
    await api.files.fromDrop({} as File);
    await api.files.chooseOutputFolder();
    await api.profiles.load({ file: HANDLE });
    await api.jobs.preview({ file: HANDLE });
    await api.jobs.scan({ files: [HANDLE] });
    await api.jobs.run({ files: [HANDLE], outputFolder: HANDLE });
    await api.jobs.verify({ originals: [HANDLE], anonymised: [HANDLE] });
    await api.jobs.cancel({ jobId: 'j' });
    await api.files.openSample();
    await api.profiles.recent();
    await api.reports.acknowledge({ jobId: 'j', ids: ['a.csv:0:email:EMAIL'] });
    await api.settings.get();
    await api.settings.set({ theme: 'dark' });
    await api.keys.status();
    await api.keys.create();
    await api.keys.import({ file: HANDLE });
    await api.keys.destroy();
    expect(invoke.mock.calls.map(([channel]) => channel).sort()).toEqual([...CHANNELS].sort());
    expect(invoke).toHaveBeenCalledWith('files:open', { purpose: 'export' });
    expect(invoke).toHaveBeenCalledWith('files:fromDrop', { path: '/tmp/dropped.csv' });
    expect(invoke).toHaveBeenCalledWith('app:info');
    expect(invoke).toHaveBeenCalledWith('settings:set', { theme: 'dark' });
    expect(invoke).toHaveBeenCalledWith('keys:import', { file: HANDLE });
    expect(invoke).toHaveBeenCalledWith('keys:create');
  });

  it('is frozen all the way down', () => {
    const api = buildApi(vi.fn(), vi.fn());
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) if (typeof value === 'object') expect(Object.isFrozen(value)).toBe(true);
    expect(() => {
      (api.files as { open: unknown }).open = () => 'hijacked';
    }).toThrow(TypeError);
  });

  it('methods resolve with an IpcResult and never reject, even when the channel fails', async () => {
    const invoke = vi.fn<RawInvoke>(async () => {
      throw new Error("Error invoking remote method 'app:info': no handler /home/alice");
    });
    const api = buildApi(invoke, vi.fn());
    const result = await api.app.info();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('alice');
    const garbage = buildApi(vi.fn<RawInvoke>(async () => 'not a result'), vi.fn());
    expect(await garbage.files.chooseOutputFolder()).toMatchObject({ ok: false });
  });

  it('fromDrop sends nothing when the File has no path on disk', async () => {
    const invoke = vi.fn<RawInvoke>();
    const api = buildApi(invoke, vi.fn(), {
      pathForFile: () => {
        throw new TypeError('not a File');
      },
      versions: { app: '', electron: '', chrome: '' },
    });
    expect(await api.files.fromDrop('/etc/passwd' as unknown as File)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('on() takes contract events only; listeners get the payload only and can unsubscribe', () => {
    const unsubscribe = vi.fn();
    let forward: ((payload: unknown) => void) | undefined;
    const on = vi.fn((_event: string, listener: (payload: unknown) => void) => {
      forward = listener;
      return unsubscribe;
    });
    const api = buildApi(vi.fn(), on);
    const listener = vi.fn();
    const off = api.on('job:progress', listener);
    forward!({ jobId: 'j' });
    expect(listener).toHaveBeenCalledWith({ jobId: 'j' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(() => api.on('job:secret' as never, listener)).toThrow(TypeError);
    expect(() => api.on('job:done', 'alert(1)' as never)).toThrow(TypeError);
    expect(on).toHaveBeenCalledTimes(1);
    expect(EVENTS).toContain('job:progress');
  });

  it('has no duplicate or malformed channel names', () => {
    for (const channel of CHANNELS as readonly Channel[]) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});

describe('jobs:preview payload', () => {
  it('takes headOnly as a boolean, and nothing else', () => {
    expect(validatePayload('jobs:preview', { file: HANDLE, headOnly: true })).toEqual({ ok: true, value: { file: HANDLE, headOnly: true } });
    expect(validatePayload('jobs:preview', { file: HANDLE })).toEqual({ ok: true, value: { file: HANDLE } });
    expect(validatePayload('jobs:preview', { file: HANDLE, headOnly: 'yes' }).ok).toBe(false);
  });
});

