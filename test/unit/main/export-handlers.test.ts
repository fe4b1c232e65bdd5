/**
 * The channels of the start screen, the export options and the report, over the real handlers: the sample export
 * as a handle, the recent-profiles list (order, cap, files that are gone, no path ever sent), a run with format,
 * report and package options on the real job worker (bundled with esbuild as in job-runner.test.ts) that writes
 * the expected files and refuses to overwrite any, and acknowledgements rewritten into both report files.
 */
import { buildJobWorker } from '../../helpers/job-worker-bundle';
import { settingsDeps } from '../../helpers/fake-safe-storage';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventName, JobDone, JobProgress, RecentProfile } from '../../../shared/ipc-contract';
import { createJobRunner } from '../../../src-main/jobs/job-runner';
import { HandleStore } from '../../../src-main/main/file-handles';
import { createDispatcher, isAppFrameUrl } from '../../../src-main/main/ipc-dispatcher';
import { createIpcHandlers, type IpcHandlerDeps } from '../../../src-main/main/ipc-handlers';
import { notAvailableJobRunner, type JobRunner } from '../../../src-main/main/job-runner-port';
import { RecentProfiles } from '../../../src-main/main/recent-profiles';
import { SAMPLE_EXPORT_RESOURCE } from '../../../src-main/main/sample-export';

const APP_URL = 'app://bundle/index.html';
const SAMPLE = path.resolve('resources', SAMPLE_EXPORT_RESOURCE);

let dir: string;
let workerDir: string;

beforeAll(async () => {
  dir = await realpath(await mkdtemp(path.join(tmpdir(), 'export-handlers-')));
  workerDir = await mkdtemp(path.join(tmpdir(), 'export-worker-'));
  await buildJobWorker(workerDir);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(workerDir, { recursive: true, force: true });
});

function setUp(over: Partial<IpcHandlerDeps> = {}) {
  const events: [EventName, unknown][] = [];
  const handles = new HandleStore();
  const handlers = createIpcHandlers({
    appInfo: { app: '0.1.0', electron: '45', chrome: '140' },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    handles,
    jobs: notAvailableJobRunner,
    emit: (event, payload) => events.push([event, payload]),
    ...settingsDeps(),
    ...over,
  });
  const dispatch = createDispatcher(handlers, isAppFrameUrl);
  const call = async <T,>(channel: string, payload?: unknown): Promise<T> => {
    const result = await dispatch(channel, APP_URL, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  return { events, handles, dispatch, call };
}

async function folder(name: string): Promise<string> {
  const p = path.join(dir, name);
  await mkdir(p, { recursive: true });
  return p;
}

describe('files:openSample', () => {
  it('opens the shipped sample export as a handle, by name only', async () => {
    const { call } = setUp({ samplePath: SAMPLE });
    const info = await call<{ id: string; name: string; format: string; size: number }>('files:openSample');
    expect(info).toMatchObject({ name: 'sample-support-export.csv', format: 'csv', size: readFileSync(SAMPLE).length });
    expect(JSON.stringify(info)).not.toContain(path.dirname(SAMPLE));
  });

  it('is a realistic export of about 30 tickets with fictional data only', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toContain('internal_note');
    expect(lines).toHaveLength(31);
    const emails = (text.match(/[\w.+-]+@[\w.-]+/g) ?? []).map((e) => e.replace(/\.$/, ''));
    expect(emails.length).toBeGreaterThan(30);
    expect(emails.every((e) => /@example\.(com|org|net)$/.test(e))).toBe(true);
    const ips = text.match(/\b\d{1,3}(\.\d{1,3}){3}\b/g) ?? [];
    expect(ips.length).toBeGreaterThan(0);
    expect(ips.every((ip) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(ip))).toBe(true);
  });

  it('is not available without a sample', async () => {
    const { dispatch } = setUp();
    expect(await dispatch('files:openSample', APP_URL, undefined)).toMatchObject({ ok: false, error: { code: 'not-available' } });
  });
});

describe('profiles:recent', () => {
  async function writeProfiles(n: number): Promise<string[]> {
    const profiles = await folder('profiles');
    const paths: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = path.join(profiles, `profile-${i}.json`);
      await writeFile(p, JSON.stringify({ version: 1, name: `Profile ${i}` }));
      paths.push(p);
    }
    return paths;
  }

  it('lists the profiles loaded, newest first, each once, at most 8, as handles without paths', async () => {
    const paths = await writeProfiles(10);
    const recentProfiles = new RecentProfiles(path.join(await folder('user-data-1'), 'recent-profiles.json'));
    const { call, handles } = setUp({ recentProfiles });
    expect(await call('profiles:recent')).toEqual([]);
    for (const p of paths) await call('profiles:load', { file: (await handles.addFile(p)).id });
    await call('profiles:load', { file: (await handles.addFile(paths[4]!)).id }); // again: moves to the front
    const recent = await call<RecentProfile[]>('profiles:recent');
    expect(recent.map((r) => r.name)).toEqual(['profile-4.json', 'profile-9.json', 'profile-8.json', 'profile-7.json', 'profile-6.json', 'profile-5.json', 'profile-3.json', 'profile-2.json']);
    expect(recent.every((r) => Object.keys(r).sort().join() === 'id,name')).toBe(true);
    expect(JSON.stringify(recent)).not.toContain(dir);
    // a listed handle loads its profile
    expect(await call('profiles:load', { file: recent[1]!.id })).toEqual({ profile: { version: 1, name: 'Profile 9' }, name: 'Profile 9' });
    // remembered across sessions: a new store over the same file lists the same
    const again = setUp({ recentProfiles: new RecentProfiles(recentProfiles.file) });
    expect((await again.call<RecentProfile[]>('profiles:recent')).map((r) => r.name)[0]).toBe('profile-9.json');
  });

  it('drops profiles whose file is gone, also from the list file', async () => {
    const paths = await writeProfiles(3);
    const recentProfiles = new RecentProfiles(path.join(await folder('user-data-2'), 'recent-profiles.json'));
    const { call, handles } = setUp({ recentProfiles });
    for (const p of paths) await call('profiles:load', { file: (await handles.addFile(p)).id });
    await unlink(paths[1]!);
    expect((await call<RecentProfile[]>('profiles:recent')).map((r) => r.name)).toEqual(['profile-2.json', 'profile-0.json']);
    expect(JSON.parse(await readFile(recentProfiles.file, 'utf8'))).toEqual({ profiles: [paths[2], paths[0]] });
    expect((await readdir(path.dirname(recentProfiles.file))).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('reads a damaged list file as empty, and does not remember a profile that fails to load', async () => {
    const recentProfiles = new RecentProfiles(path.join(await folder('user-data-3'), 'recent-profiles.json'));
    await writeFile(recentProfiles.file, '{"profiles": ["relative/path.json", 7');
    const bad = path.join(await folder('profiles'), 'bad.json');
    await writeFile(bad, JSON.stringify({ version: 1, operators: { EMAIL: 'shred' } }));
    const { call, dispatch, handles } = setUp({ recentProfiles });
    expect(await call('profiles:recent')).toEqual([]);
    expect(await dispatch('profiles:load', APP_URL, { file: (await handles.addFile(bad)).id })).toMatchObject({ ok: false, error: { code: 'profile' } });
    expect(await call('profiles:recent')).toEqual([]);
  });
});

/** Runs an export through the handlers on the real worker; resolves with the job's done event. */
async function runExport(request: Record<string, unknown>, inputs: string[], outName: string) {
  const jobs = createJobRunner({ workerPath: path.join(workerDir, 'job-worker.mjs') });
  let done!: (event: JobDone) => void;
  const finished = new Promise<JobDone>((resolve) => (done = resolve));
  const failed = vi.fn();
  const progress: JobProgress[] = [];
  const { call, handles } = setUp({
    jobs,
    emit: (event, payload) => {
      if (event === 'job:progress') progress.push(payload as JobProgress);
      if (event === 'job:done') done(payload as JobDone);
      if (event === 'job:failed') failed(payload);
    },
  });
  const out = await folder(outName);
  const files = await Promise.all(inputs.map(async (p) => (await handles.addFile(p)).id));
  const { jobId } = await call<{ jobId: string }>('jobs:run', { files, outputFolder: (await handles.addFolder(out)).id, ...request });
  const event = await Promise.race([finished, new Promise<never>((_, reject) => failed.mockImplementation((e) => reject(new Error(JSON.stringify(e)))))]);
  return { out, event, jobId, call, progress };
}

describe('jobs:run with export options', () => {
  it('writes NDJSON outputs and the report (JSON and HTML); the window gets names, never paths', async () => {
    const { out, event, progress } = await runExport({ format: 'ndjson', report: true }, [SAMPLE], 'out-ndjson');
    // the last figure before the result: every byte of every stage, and the records anonymised (not the verification's none)
    expect(progress.at(-1)).toMatchObject({ records: 30, bytes: progress.at(-1)!.totalBytes });
    expect((await readdir(out)).sort()).toEqual(['sample-support-export.ndjson', 'sample-support-export.report.html', 'sample-support-export.report.json']);
    const lines = readFileSync(path.join(out, 'sample-support-export.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(30);
    const records = lines.map((l) => JSON.parse(l) as Record<string, string>);
    expect(records.map((r) => r['ticket_id'])).toEqual(readFileSync(SAMPLE, 'utf8').match(/^T-\d+/gm));
    expect(records.some((r) => r['requester_email'] === 'hannah.whitcombe@example.com')).toBe(false);
    const report = JSON.parse(readFileSync(path.join(out, 'sample-support-export.report.json'), 'utf8'));
    expect(report.files[0].input).toMatchObject({ path: SAMPLE, format: 'csv' });
    expect(report.files[0].conversion).toEqual({ from: 'csv', to: 'ndjson' });
    expect(report.files[0].input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.verification.files[0].original).toBe(SAMPLE);
    expect(readFileSync(path.join(out, 'sample-support-export.report.html'), 'utf8')).toContain('Anonymisation audit report');
    const result = event.result as { written: unknown; report: { files: { input: { path: string } }[] } };
    expect(result.written).toEqual({ report: true, package: false });
    expect(result.report.files[0]!.input.path).toBe('sample-support-export.csv');
    expect(JSON.stringify(event)).not.toContain(dir);
    expect(JSON.stringify(event)).not.toContain(path.dirname(SAMPLE));
  }, 60_000);

  it('writes the package only after a passed verification, with the outputs, the report and the profile', async () => {
    const clean = path.join(await folder('inputs'), 'orders.csv');
    await writeFile(clean, 'order,status\n1,shipped\n2,open\n');
    const { out, event } = await runExport({ report: false, package: true }, [clean], 'out-package');
    expect((event.result as { passed: boolean }).passed).toBe(true);
    expect((await readdir(out)).sort()).toEqual(['anonymised-package.zip', 'orders.csv']);
    const zip = unzipSync(readFileSync(path.join(out, 'anonymised-package.zip')));
    expect(Object.keys(zip).sort()).toEqual(['orders.csv', 'profile.json', 'report.html', 'report.json']);
    expect((event.result as { written: unknown }).written).toEqual({ report: false, package: true });
  }, 60_000);

  it('writes no package when the verification failed, and says so', async () => {
    // a minimum score no detector reaches: nothing is replaced, and the verification (at high sensitivity) finds it all
    const { out, event } = await runExport({ report: true, package: true, profile: { version: 1, minScore: 1 } }, [SAMPLE], 'out-failed');
    const result = event.result as { passed: boolean; written: { package: boolean } };
    expect(result.passed).toBe(false);
    expect(result.written.package).toBe(false);
    expect(existsSync(path.join(out, 'anonymised-package.zip'))).toBe(false);
    expect((await readdir(out)).sort()).toEqual(['sample-support-export.csv', 'sample-support-export.report.html', 'sample-support-export.report.json']);
  }, 60_000);

  it('refuses, before starting, to write over any existing file, naming the file but not its folder', async () => {
    const start = vi.fn<JobRunner['start']>();
    const { dispatch, handles } = setUp({ jobs: { start } });
    const out = await folder('out-taken');
    const input = (await handles.addFile(SAMPLE)).id;
    const outputFolder = (await handles.addFolder(out)).id;
    for (const [taken, request] of [
      ['sample-support-export.report.html', { report: true }],
      ['anonymised-package.zip', { package: true }],
      ['sample-support-export.json', { format: 'json' }],
      ['sample-support-export.csv', {}],
    ] as const) {
      await writeFile(path.join(out, taken), 'keep me');
      const result = await dispatch('jobs:run', APP_URL, { files: [input], outputFolder, ...request });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(taken) } });
      expect(JSON.stringify(result)).not.toContain(out);
      expect(readFileSync(path.join(out, taken), 'utf8')).toBe('keep me');
      await unlink(path.join(out, taken));
    }
    expect(start).not.toHaveBeenCalled();
  });
});

describe('reports:acknowledge', () => {
  const REPORT = {
    tool: { name: 'anonymise', version: '0.1.0' },
    createdAt: '2026-01-01T00:00:00.000Z',
    profile: { version: 1 },
    profileSha256: 'x',
    key: { fingerprint: 'fp', ephemeral: true },
    operators: { byOperator: {}, fieldsDropped: 0, fieldsBlanked: 0 },
    files: [],
    totals: { records: 2, findings: 0, findingsByType: {} },
    verification: {
      passed: false,
      files: [
        {
          original: '/data/in/tickets.csv',
          anonymised: '',
          residual: { count: 1, byType: { EMAIL: 1 }, locations: [{ record: 0, field: 'note', type: 'EMAIL', detector: 'email', score: 0.9 }] },
          survival: { count: 1, byType: { PERSON: 1 }, byForm: { lowercase: 1 }, locations: [{ record: 1, field: 'note', type: 'PERSON', form: 'lowercase' }] },
          structure: { passed: true, originalRecords: 2, anonymisedRecords: 2, problems: [] },
        },
      ],
    },
    reviewerDecisions: { allowlisted: 0, addedTerms: 0, acknowledgements: [] },
    statement: { kind: 'de-identified', text: 'The output is de-identified.' },
  };

  /** A finished run whose (fake) worker wrote REPORT at the planned report paths. */
  async function finishedRun() {
    const out = await folder(`out-ack-${Math.random().toString(36).slice(2)}`);
    const jobs: JobRunner = {
      start: (_kind, params, listener) => {
        const { report, outputs } = params as unknown as { report: { json: string; html: string }; outputs: string[] };
        const written = { ...REPORT, verification: { ...REPORT.verification, files: [{ ...REPORT.verification.files[0]!, anonymised: outputs[0]! }] } };
        void writeFile(report.json, JSON.stringify(written)).then(() => writeFile(report.html, '<html></html>')).then(() => listener.onDone({ passed: false, report: written }));
        return { jobId: 'job-ack', cancel: async () => undefined };
      },
    };
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const { call, dispatch, handles } = setUp({ jobs, emit: (event) => event === 'job:done' && done() });
    const input = (await handles.addFile(SAMPLE)).id;
    const { jobId } = await call<{ jobId: string }>('jobs:run', { files: [input], outputFolder: (await handles.addFolder(out)).id, report: true });
    await finished;
    const files = { json: path.join(out, 'sample-support-export.report.json'), html: path.join(out, 'sample-support-export.report.html') };
    return { call, dispatch, jobId, files, out };
  }

  const RESIDUAL = 'sample-support-export.csv:0:note:EMAIL';
  const SURVIVAL = 'sample-support-export.csv:1:note:PERSON:lowercase';

  it('writes who, when and which finding (never a value) into both report files; complete once all are acknowledged', async () => {
    const { call, jobId, files, out } = await finishedRun();
    const first = await call<{ acknowledged: string[]; complete: boolean; report: unknown }>('reports:acknowledge', { jobId, ids: [RESIDUAL], note: 'support mailbox' });
    expect(first).toMatchObject({ acknowledged: [RESIDUAL], complete: false });
    let json = JSON.parse(readFileSync(files.json, 'utf8'));
    expect(json.reviewerDecisions.acknowledgements).toEqual([
      { residual: RESIDUAL, kind: 'residual', file: 'sample-support-export.csv', record: 0, field: 'note', type: 'EMAIL', by: 'reviewer in the app', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), note: 'support mailbox' },
    ]);
    expect(json.reviewerDecisions.acknowledgedAll).toBe(false);
    expect(readFileSync(files.html, 'utf8')).toContain(RESIDUAL);
    const second = await call<{ complete: boolean }>('reports:acknowledge', { jobId, ids: [SURVIVAL] });
    expect(second.complete).toBe(true);
    json = JSON.parse(readFileSync(files.json, 'utf8'));
    expect(json.reviewerDecisions.acknowledgements.map((a: { residual: string }) => a.residual)).toEqual([RESIDUAL, SURVIVAL]);
    expect(json.reviewerDecisions.acknowledgedAll).toBe(true);
    const html = readFileSync(files.html, 'utf8');
    expect(html).toContain('Every residual finding and surviving value of the verification was acknowledged by the reviewer.');
    expect(html).toContain(SURVIVAL);
    expect(JSON.stringify(second)).not.toContain(out);
    expect((await readdir(out)).filter((n) => n.includes('.partial') || n.endsWith('.new'))).toEqual([]);
  });

  it('is idempotent: acknowledging the same findings again leaves both files as they are', async () => {
    const { call, jobId, files } = await finishedRun();
    await call('reports:acknowledge', { jobId, ids: [RESIDUAL, SURVIVAL] });
    const before = [readFileSync(files.json, 'utf8'), readFileSync(files.html, 'utf8')];
    const again = await call<{ acknowledged: string[]; complete: boolean }>('reports:acknowledge', { jobId, ids: [SURVIVAL, RESIDUAL] });
    expect(again).toMatchObject({ acknowledged: [RESIDUAL, SURVIVAL], complete: true });
    expect([readFileSync(files.json, 'utf8'), readFileSync(files.html, 'utf8')]).toEqual(before);
  });

  it('refuses ids the report does not list and runs that wrote no report, changing nothing', async () => {
    const { dispatch, jobId, files } = await finishedRun();
    const before = readFileSync(files.json, 'utf8');
    expect(await dispatch('reports:acknowledge', APP_URL, { jobId, ids: ['sample-support-export.csv:5:note:EMAIL'] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch('reports:acknowledge', APP_URL, { jobId: 'another-job', ids: [RESIDUAL] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(readFileSync(files.json, 'utf8')).toBe(before);
  });
});
