import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcError, type ContractHandlers, type EventName, type FileHandleInfo } from '../../../shared/ipc-contract';
import { HandleStore } from '../../../src-main/main/file-handles';
import { createDispatcher, isAppFrameUrl } from '../../../src-main/main/ipc-dispatcher';
import { createIpcHandlers } from '../../../src-main/main/ipc-handlers';
import { notAvailableJobRunner, type JobListener, type JobRunner } from '../../../src-main/main/job-runner-port';
import { DEFAULT_SETTINGS } from '../../../shared/app-settings';
import { settingsDeps } from '../../helpers/fake-safe-storage';

const HANDLE = 'A'.repeat(43);
const OTHER = 'B'.repeat(43);
const APP_URL = 'app://bundle/index.html';

function fakeHandlers(overrides: Partial<ContractHandlers> = {}) {
  const started = { jobId: 'job-1' };
  const handlers: ContractHandlers = {
    'app:info': vi.fn(async () => ({ app: '0.1.0', electron: '45', chrome: '140' })),
    'files:open': vi.fn(async () => []),
    'files:fromDrop': vi.fn(async () => ({ id: HANDLE, name: 'a.csv', size: 1, format: 'csv' as const })),
    'files:chooseOutputFolder': vi.fn(async () => null),
    'profiles:load': vi.fn(async () => ({ profile: { version: 1 } })),
    'jobs:preview': vi.fn(async () => started),
    'jobs:scan': vi.fn(async () => started),
    'jobs:run': vi.fn(async () => started),
    'jobs:verify': vi.fn(async () => started),
    'jobs:cancel': vi.fn(async () => ({ cancelled: false })),
    'files:openSample': vi.fn(async () => ({ id: HANDLE, name: 'sample.csv', size: 1, format: 'csv' as const })),
    'profiles:recent': vi.fn(async () => []),
    'reports:acknowledge': vi.fn(async () => ({ acknowledged: [], complete: false, report: null })),
    'settings:get': vi.fn(async () => ({ settings: DEFAULT_SETTINGS })),
    'settings:set': vi.fn(async () => DEFAULT_SETTINGS),
    'keys:status': vi.fn(async () => ({ available: true, stored: false })),
    'keys:create': vi.fn(async () => ({ available: true, stored: true, fingerprint: '0000-0000-0000-0000' })),
    'keys:import': vi.fn(async () => ({ available: true, stored: true, fingerprint: '0000-0000-0000-0000' })),
    'keys:destroy': vi.fn(async () => ({ available: true, stored: false })),
    ...overrides,
  };
  return { handlers, dispatch: createDispatcher(handlers, isAppFrameUrl) };
}

describe('createDispatcher: sender frame', () => {
  it.each([
    'https://evil.example/',
    'file:///home/user/index.html',
    'app://bundle.evil/',
    'app://bundle.evil/index.html',
    'app://bundleevil/index.html',
    'app://evil/bundle/index.html',
    'app://bundle@evil/index.html',
    'app://user@bundle/index.html',
    'app://bundle:8080/index.html',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<script>1</script>',
    'blob:app://bundle/0b4c',
    'APP://BUNDLE.evil/',
    '',
  ])('refuses %s with forbidden, without calling the handler', async (url) => {
    const { handlers, dispatch } = fakeHandlers();
    const result = await dispatch('app:info', url, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('refuses a subframe (the wrapper passes null for any frame but the main frame)', async () => {
    const { handlers, dispatch } = fakeHandlers();
    const result = await dispatch('files:open', null, { purpose: 'export' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['files:open']).not.toHaveBeenCalled();
  });

  it('accepts the app window and returns the handler value', async () => {
    const { dispatch } = fakeHandlers();
    expect(await dispatch('app:info', APP_URL, undefined)).toEqual({
      ok: true,
      value: { app: '0.1.0', electron: '45', chrome: '140' },
    });
    expect(await dispatch('files:open', 'app://bundle/', { purpose: 'profile' })).toEqual({ ok: true, value: [] });
  });

  it('refuses a channel outside the contract', async () => {
    const { dispatch } = fakeHandlers();
    expect(await dispatch('files:delete', APP_URL, {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch('toString', APP_URL, undefined)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('createDispatcher: payloads', () => {
  const malformed: [string, unknown][] = [
    ['app:info', { extra: 1 }],
    ['app:info', null],
    ['files:open', undefined],
    ['files:open', { purpose: 'anything' }],
    ['files:open', { purpose: 'export', multi: true }],
    ['files:open', ['export']],
    ['files:fromDrop', { path: 42 }],
    ['files:fromDrop', { path: '' }],
    ['files:fromDrop', { path: '/tmp/a\0b' }],
    ['files:chooseOutputFolder', { folder: '/tmp' }],
    ['jobs:preview', { file: '/etc/passwd' }],
    ['jobs:preview', { file: '../../secret.csv' }],
    ['jobs:preview', { file: 'C:\\Users\\me\\export.csv' }],
    ['jobs:preview', { file: 'short' }],
    ['jobs:preview', { file: HANDLE, records: 1001 }],
    ['jobs:preview', { file: HANDLE, records: 0 }],
    ['jobs:preview', { file: HANDLE, records: 10.5 }],
    ['jobs:preview', { file: HANDLE, sample: 5000 }],
    ['jobs:preview', { file: HANDLE, sample: '20' }],
    ['jobs:preview', { file: HANDLE, path: '/tmp/x.csv' }],
    ['jobs:scan', { files: [] }],
    ['jobs:scan', { files: HANDLE }],
    ['jobs:scan', { files: ['/home/user/export.csv'] }],
    ['jobs:scan', { files: Array.from({ length: 101 }, (_, i) => `${HANDLE.slice(0, 40)}${String(i).padStart(3, '0')}`) }],
    ['jobs:scan', { files: [HANDLE, HANDLE] }],
    ['jobs:scan', { files: [HANDLE], profile: 'zendesk' }],
    ['jobs:scan', { files: [HANDLE], profile: { when: new Date() } }],
    ['jobs:scan', { files: [HANDLE], profile: { n: Number.NaN } }],
    ['jobs:run', { files: [HANDLE] }],
    ['jobs:run', { files: [HANDLE], outputFolder: '/tmp/out' }],
    ['jobs:run', { files: [HANDLE], outputFolder: HANDLE }],
    ['jobs:verify', { originals: [HANDLE], anonymised: [] }],
    ['jobs:verify', { originals: [HANDLE], anonymised: [OTHER, HANDLE] }],
    ['jobs:cancel', { jobId: 7 }],
    ['jobs:cancel', { jobId: 'x'.repeat(65) }],
    ['jobs:cancel', {}],
    ['jobs:run', { files: [HANDLE], outputFolder: OTHER, format: 'xml' }],
    ['jobs:run', { files: [HANDLE], outputFolder: OTHER, format: 'CSV' }],
    ['jobs:run', { files: [HANDLE], outputFolder: OTHER, report: 'yes' }],
    ['jobs:run', { files: [HANDLE], outputFolder: OTHER, package: 1 }],
    ['jobs:run', { files: [HANDLE], outputFolder: OTHER, reportPath: '/tmp/r.json' }],
    ['files:openSample', { path: '/tmp/sample.csv' }],
    ['profiles:recent', { limit: 8 }],
    ['reports:acknowledge', { jobId: 'job-1' }],
    ['reports:acknowledge', { jobId: 'job-1', ids: [] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: 'a.csv:0:f:EMAIL' }],
    ['reports:acknowledge', { jobId: 'job-1', ids: ['a.csv:0:f:EMAIL', 'a.csv:0:f:EMAIL'] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: [''] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: ['a.csv:0:f\n:EMAIL'] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: [7] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: ['x'.repeat(2049)] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: Array.from({ length: 10_001 }, (_, i) => `a.csv:${i}:f:EMAIL`) }],
    ['reports:acknowledge', { jobId: 'job-1', ids: ['a.csv:0:f:EMAIL'], note: 'x'.repeat(2001) }],
    ['reports:acknowledge', { jobId: 'job-1', ids: ['a.csv:0:f:EMAIL'], note: 42 }],
    ['reports:acknowledge', { jobId: '../job', ids: ['a.csv:0:f:EMAIL'] }],
    ['reports:acknowledge', { jobId: 'job-1', ids: ['a.csv:0:f:EMAIL'], path: '/tmp/report.json' }],
  ];

  it.each(malformed)('%s refuses %j with invalid, without calling the handler', async (channel, payload) => {
    const { handlers, dispatch } = fakeHandlers();
    const result = await dispatch(channel, APP_URL, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(handlers[channel as keyof ContractHandlers]).not.toHaveBeenCalled();
  });

  it('refuses objects with a prototype other than Object and a getter that throws', async () => {
    const { dispatch } = fakeHandlers();
    class Sneaky {
      purpose = 'export';
    }
    expect(await dispatch('files:open', APP_URL, new Sneaky())).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const hostile = Object.defineProperty({}, 'purpose', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(await dispatch('files:open', APP_URL, hostile)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('never echoes the value sent in the error message', async () => {
    const { dispatch } = fakeHandlers();
    const result = await dispatch('jobs:scan', APP_URL, { files: ['/home/alice.smith/export.csv'] });
    expect(JSON.stringify(result)).not.toContain('alice');
  });

  it('passes a valid payload through, and a preview with its bounds', async () => {
    const { handlers, dispatch } = fakeHandlers();
    expect(await dispatch('jobs:preview', APP_URL, { file: HANDLE, records: 1000, sample: 1 })).toEqual({
      ok: true,
      value: { jobId: 'job-1' },
    });
    expect(handlers['jobs:preview']).toHaveBeenCalledWith({ file: HANDLE, records: 1000, sample: 1 });
    const profile = { version: 1, rules: [{ type: 'EMAIL', operator: 'redact' }] };
    await dispatch('jobs:run', APP_URL, { files: [HANDLE], outputFolder: OTHER, profile });
    expect(handlers['jobs:run']).toHaveBeenCalledWith({ files: [HANDLE], outputFolder: OTHER, profile });
    await dispatch('jobs:run', APP_URL, { files: [HANDLE], outputFolder: OTHER, format: 'ndjson', report: true, package: false });
    expect(handlers['jobs:run']).toHaveBeenLastCalledWith({ files: [HANDLE], outputFolder: OTHER, format: 'ndjson', report: true, package: false });
  });

  it('passes acknowledgements through, a blank note left out', async () => {
    const { handlers, dispatch } = fakeHandlers();
    const ids = ['tickets.csv:0:Requester email:EMAIL', 'tickets.csv:-:meta.note:PERSON:lowercase'];
    expect(await dispatch('reports:acknowledge', APP_URL, { jobId: 'job-1', ids, note: 'checked by hand' })).toMatchObject({ ok: true });
    expect(handlers['reports:acknowledge']).toHaveBeenLastCalledWith({ jobId: 'job-1', ids, note: 'checked by hand' });
    await dispatch('reports:acknowledge', APP_URL, { jobId: 'job-1', ids, note: '   ' });
    expect(handlers['reports:acknowledge']).toHaveBeenLastCalledWith({ jobId: 'job-1', ids });
    expect(await dispatch('files:openSample', APP_URL, undefined)).toMatchObject({ ok: true, value: { name: 'sample.csv' } });
    expect(await dispatch('profiles:recent', APP_URL, undefined)).toEqual({ ok: true, value: [] });
  });
});

describe('createDispatcher: errors from handlers', () => {
  it('turns an unexpected error into internal, without its message or stack', async () => {
    const { dispatch } = fakeHandlers({
      'files:open': async () => {
        throw new Error("ENOENT: no such file or directory, open '/home/alice/secret.csv'");
      },
    });
    const result = await dispatch('files:open', APP_URL, { purpose: 'export' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    const text = JSON.stringify(result);
    expect(text).not.toContain('alice');
    expect(text).not.toContain('ENOENT');
    expect(text).not.toMatch(/\bat .*\(|stack/);
    if (!result.ok) expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
  });

  it('keeps the code and message of an IpcError, but not its stack', async () => {
    const { dispatch } = fakeHandlers({
      'jobs:scan': async () => {
        throw new IpcError('not-found', 'unknown file handle');
      },
    });
    const result = await dispatch('jobs:scan', APP_URL, { files: [HANDLE] });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'unknown file handle' } });
  });

  it('turns a thrown non-Error value into internal', async () => {
    const { dispatch } = fakeHandlers({
      'app:info': () => Promise.reject('/home/alice'),
    });
    const result = await dispatch('app:info', APP_URL, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('alice');
  });
});

describe('createDispatcher over the real handlers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(path.join(tmpdir(), 'ipc-handlers-')));
    await mkdir(path.join(dir, 'out'));
    await writeFile(path.join(dir, 'tickets.csv'), 'id,email\n1,a@example.com\n');
    await writeFile(path.join(dir, 'out', 'other.csv'), 'id\n1\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function setUp(jobs: JobRunner = notAvailableJobRunner, picked: string[] = []) {
    const events: [EventName, unknown][] = [];
    const handles = new HandleStore();
    const handlers = createIpcHandlers({
      appInfo: { app: '0.1.0', electron: '45', chrome: '140' },
      dialog: { showOpenDialog: async () => ({ canceled: picked.length === 0, filePaths: picked }) },
      handles,
      jobs,
      emit: (event, payload) => events.push([event, payload]),
      ...settingsDeps(),
    });
    return { events, handles, dispatch: createDispatcher(handlers, isAppFrameUrl) };
  }

  async function open(dispatch: ReturnType<typeof setUp>['dispatch']): Promise<FileHandleInfo[]> {
    const result = await dispatch('files:open', APP_URL, { purpose: 'export' });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as FileHandleInfo[];
  }

  it('files:open gives handles without paths; a cancelled dialog gives an empty list', async () => {
    const [info] = await open(setUp(notAvailableJobRunner, [path.join(dir, 'tickets.csv')]).dispatch);
    expect(info).toMatchObject({ name: 'tickets.csv', format: 'csv', size: 25 });
    expect(JSON.stringify(info)).not.toContain(dir);
    expect(await open(setUp().dispatch)).toEqual([]);
  });

  it('profiles:load reads and checks a profile opened by handle; a bad one fails with what is wrong, no path', async () => {
    await writeFile(path.join(dir, 'good.json'), JSON.stringify({ version: 1, name: 'Ours', extends: 'zendesk', operators: { EMAIL: 'redact' } }));
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ version: 1, operators: { EMAIL: 'shred' } }));
    await writeFile(path.join(dir, 'broken.json'), '{"version": 1,');
    const { dispatch, handles } = setUp();
    const good = await handles.addFile(path.join(dir, 'good.json'));
    expect(await dispatch('profiles:load', APP_URL, { file: good.id })).toEqual({
      ok: true,
      value: { profile: { version: 1, name: 'Ours', extends: 'zendesk', operators: { EMAIL: 'redact' } }, name: 'Ours' },
    });
    const bad = await dispatch('profiles:load', APP_URL, { file: (await handles.addFile(path.join(dir, 'bad.json'))).id });
    expect(bad).toMatchObject({ ok: false, error: { code: 'profile', message: expect.stringMatching(/"operators.EMAIL" must be one of/) } });
    const broken = await dispatch('profiles:load', APP_URL, { file: (await handles.addFile(path.join(dir, 'broken.json'))).id });
    expect(broken).toMatchObject({ ok: false, error: { code: 'profile', message: 'not a profile: not valid JSON' } });
    expect(JSON.stringify([bad, broken])).not.toContain(dir);
    expect(await dispatch('profiles:load', APP_URL, { file: path.join(dir, 'good.json') })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('an unknown but well-formed handle is refused with not-found', async () => {
    const { dispatch } = setUp();
    expect(await dispatch('jobs:scan', APP_URL, { files: [HANDLE] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('the placeholder job runner refuses with not-available', async () => {
    const { dispatch } = setUp(notAvailableJobRunner, [path.join(dir, 'tickets.csv')]);
    const [info] = await open(dispatch);
    expect(await dispatch('jobs:scan', APP_URL, { files: [info!.id] })).toMatchObject({
      ok: false,
      error: { code: 'not-available' },
    });
  });

  it('jobs:run gives the runner paths, outputs in the folder, and forwards events with the job id and kind', async () => {
    let listener: JobListener | undefined;
    const cancel = vi.fn(async () => undefined);
    const start = vi.fn<JobRunner['start']>((_kind, _params, l) => {
      l.onProgress({ bytes: 1, totalBytes: 2, records: 1, findings: 0, elapsedMs: 5 }); // before start returns
      listener = l;
      return { jobId: 'job-7', cancel };
    });
    const { dispatch, handles, events } = setUp({ start }, [path.join(dir, 'tickets.csv')]);
    const [input] = await open(dispatch);
    const folder = await handles.addFolder(path.join(dir, 'out'));
    const result = await dispatch('jobs:run', APP_URL, { files: [input!.id], outputFolder: folder.id });
    expect(result).toEqual({ ok: true, value: { jobId: 'job-7' } });
    expect(start).toHaveBeenCalledWith(
      'run',
      { files: [path.join(dir, 'tickets.csv')], outputFolder: path.join(dir, 'out'), outputs: [path.join(dir, 'out', 'tickets.csv')], defaultRegion: 'US' },
      expect.anything(),
    );
    listener!.onDone({ files: 1, when: new Date(0), fn: () => 1 });
    expect(events).toEqual([
      ['job:progress', { jobId: 'job-7', kind: 'run', bytes: 1, totalBytes: 2, records: 1, findings: 0, elapsedMs: 5 }],
      ['job:done', { jobId: 'job-7', kind: 'run', result: { files: 1, when: '1970-01-01T00:00:00.000Z' } }],
    ]);
    expect(await dispatch('jobs:cancel', APP_URL, { jobId: 'job-7' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(cancel).not.toHaveBeenCalled();
  });

  it('jobs:run refuses an output folder where an output would overwrite an input', async () => {
    const start = vi.fn<JobRunner['start']>();
    const { dispatch, handles } = setUp({ start });
    const input = await handles.addFile(path.join(dir, 'out', 'other.csv'));
    const sameFolder = await handles.addFolder(path.join(dir, 'out'));
    const result = await dispatch('jobs:run', APP_URL, { files: [input.id], outputFolder: sameFolder.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(result)).not.toContain(dir);
    expect(start).not.toHaveBeenCalled();
  });

  it('jobs:cancel cancels a running job once; failures are forwarded without foreign fields', async () => {
    let listener: JobListener | undefined;
    const cancel = vi.fn(async () => listener!.onFailed({ code: 'cancelled', message: 'cancelled' }));
    const { dispatch, events } = setUp(
      {
        start: (_kind, _params, l) => {
          listener = l;
          return { jobId: 'job-8', cancel };
        },
      },
      [path.join(dir, 'tickets.csv')],
    );
    const [info] = await open(dispatch);
    await dispatch('jobs:preview', APP_URL, { file: info!.id });
    expect(await dispatch('jobs:cancel', APP_URL, { jobId: 'job-8' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await dispatch('jobs:cancel', APP_URL, { jobId: 'job-8' })).toEqual({ ok: true, value: { cancelled: false } });
    expect(cancel).toHaveBeenCalledOnce();
    expect(events).toEqual([['job:failed', { jobId: 'job-8', kind: 'preview', error: { code: 'cancelled', message: 'cancelled' } }]]);
  });
  it('a failed job names its files without their folders', async () => {
    let listener: JobListener | undefined;
    const { dispatch, events } = setUp(
      {
        start: (_kind, params, l) => {
          listener = l;
          const [input] = (params as { files: string[] }).files;
          queueMicrotask(() => listener!.onFailed({ code: 'input', message: `${input}, line 3, record 1: a quoted field is never closed` }));
          return { jobId: 'job-9', cancel: async () => undefined };
        },
      },
      [path.join(dir, 'tickets.csv')],
    );
    const [info] = await open(dispatch);
    await dispatch('jobs:scan', APP_URL, { files: [info!.id] });
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual([['job:failed', { jobId: 'job-9', kind: 'scan', error: { code: 'input', message: 'tickets.csv, line 3, record 1: a quoted field is never closed' } }]]);
  });
});
