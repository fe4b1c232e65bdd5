/**
 * Nothing left behind (issue #9): exports seeded with unique canary values (e-mail addresses, phone numbers, IP
 * addresses, a confidential note) go through the whole flow over the real main-process handlers and the real job
 * worker: preview, scan, run (with the report, the package and a format conversion) and verify, with a stored
 * project key and a loaded profile. Then every file under the app's data folder (settings, key store, recent
 * profiles, write journal), the OS temp folder the jobs saw (TMPDIR) and the output folder is read, zip archives
 * inflated, and searched for each canary in UTF-8 and UTF-16, any case. None may appear anywhere but in the
 * original inputs.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, JobDone, JobFailed } from '../../../shared/ipc-contract';
import { createJobRunner } from '../../../src-main/jobs/job-runner';
import { openWriteJournal, WRITE_JOURNAL_FOLDER } from '../../../src-main/io/write-journal';
import { HandleStore } from '../../../src-main/main/file-handles';
import { createDispatcher, isAppFrameUrl } from '../../../src-main/main/ipc-dispatcher';
import { createIpcHandlers } from '../../../src-main/main/ipc-handlers';
import { RecentProfiles } from '../../../src-main/main/recent-profiles';
import { settingsDeps } from '../../helpers/fake-safe-storage';
import { buildJobWorker } from '../../helpers/job-worker-bundle';

const APP_URL = 'app://bundle/index.html';
/** Each canary is unique enough that any occurrence can only come from the inputs. */
const CANARIES = ['qzx7canary41@example.com', 'wvu3canary87@example.org', '+44 20 7946 0731', '203.0.113.219', 'kappa-canary-note-5521'];

const root = mkdtempSync(path.join(tmpdir(), 'canary-'));
const dirs = { inputs: '', userData: '', tmp: '', out: '', worker: '' };
const savedTmp = process.env.TMPDIR;
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
});

beforeAll(async () => {
  for (const k of Object.keys(dirs) as (keyof typeof dirs)[]) mkdirSync((dirs[k] = path.join(root, k)));
  await buildJobWorker(dirs.worker);
  // what the jobs (and their worker threads, which copy the environment when they start) see as the OS temp folder
  process.env.TMPDIR = dirs.tmp;
}, 60_000);

/** Every file under `dir`, zip archives as their inflated entries too. */
function contents(dir: string): { file: string; bytes: Uint8Array }[] {
  const out: { file: string; bytes: Uint8Array }[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      out.push(...contents(file));
      continue;
    }
    const bytes = readFileSync(file);
    out.push({ file, bytes });
    if (name.endsWith('.zip')) for (const [entry, data] of Object.entries(unzipSync(bytes))) out.push({ file: `${file}!${entry}`, bytes: data });
  }
  return out;
}

/** The canaries found in `bytes`, as UTF-8 or UTF-16 LE text, in any case; a phone number also by its digits alone. */
function canariesIn(bytes: Uint8Array): string[] {
  const texts = [Buffer.from(bytes).toString('utf8'), Buffer.from(bytes).toString('utf16le')].map((t) => t.toLowerCase());
  const digitTexts = texts.map((t) => t.replace(/[^\d]+/g, ' '));
  return CANARIES.filter((c) => texts.some((t) => t.includes(c.toLowerCase())) || (c.startsWith('+') && digitTexts.some((t) => t.replace(/ /g, '').includes(c.replace(/\D/g, '')))));
}

describe('nothing left behind', () => {
  it('no canary anywhere but in the inputs, after preview, scan, run and verify over the real handlers', async () => {
    const csv = path.join(dirs.inputs, 'tickets.csv');
    writeFileSync(
      csv,
      [
        'id,requester_email,phone,ip,description,internal_note',
        `1,${CANARIES[0]},${CANARIES[2]},${CANARIES[3]},"Please write to ${CANARIES[1]} or call ${CANARIES[2]}.",Confidential: ${CANARIES[4]}`,
        '2,someone@example.net,+1 202 555 0147,198.51.100.7,Printer jam again.,Internal: nothing',
        '',
      ].join('\n'),
    );
    const ndjson = path.join(dirs.inputs, 'chats.ndjson');
    writeFileSync(ndjson, `${JSON.stringify({ id: 'c1', from: CANARIES[1], text: `reach me at ${CANARIES[0]} from ${CANARIES[3]}` })}\n`);
    const profile = path.join(dirs.inputs, 'profile.json');
    writeFileSync(profile, JSON.stringify({ version: 1, name: 'Canary check' }));

    const journal = path.join(dirs.userData, WRITE_JOURNAL_FOLDER);
    openWriteJournal(journal);
    const events: { event: EventName; payload: unknown }[] = [];
    const handles = new HandleStore();
    const handlers = createIpcHandlers({
      appInfo: { app: 'test', electron: 'x', chrome: 'x' },
      dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
      handles,
      jobs: createJobRunner({ workerPath: path.join(dirs.worker, 'job-worker.mjs'), journalDir: journal }),
      emit: (event, payload) => events.push({ event, payload }),
      recentProfiles: new RecentProfiles(path.join(dirs.userData, 'recent-profiles.json')),
      ...settingsDeps(dirs.userData),
    });
    const dispatch = createDispatcher(handlers, isAppFrameUrl);
    const call = async <T,>(channel: string, payload?: unknown): Promise<T> => {
      const r = await dispatch(channel, APP_URL, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as T;
    };
    const finished = async (jobId: string): Promise<JobDone> => {
      for (let i = 0; i < 1200; i++) {
        const end = events.find((e) => (e.event === 'job:done' || e.event === 'job:failed') && (e.payload as JobDone).jobId === jobId);
        if (end?.event === 'job:failed') throw new Error(`job failed: ${(end.payload as JobFailed).error.message}`);
        if (end) return end.payload as JobDone;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the job did not finish');
    };

    await call('keys:create');
    await call('settings:set', { defaultRegion: 'GB' });
    const loaded = await call<{ profile: unknown }>('profiles:load', { file: (await handles.addFile(profile)).id });
    const files = [(await handles.addFile(csv)).id, (await handles.addFile(ndjson)).id];
    const outputFolder = (await handles.addFolder(dirs.out)).id;

    await finished((await call<{ jobId: string }>('jobs:preview', { file: files[0] })).jobId);
    await finished((await call<{ jobId: string }>('jobs:scan', { files, profile: loaded.profile })).jobId);
    const run = await finished((await call<{ jobId: string }>('jobs:run', { files, outputFolder, profile: loaded.profile, format: 'csv', report: true, package: true })).jobId);
    expect((run.result as { passed: boolean }).passed).toBe(true);
    const written = readdirSync(dirs.out).filter((n) => !n.endsWith('.zip') && !n.includes('.report.'));
    const outputs = await Promise.all(written.map(async (n) => (await handles.addFile(path.join(dirs.out, n))).id));
    await finished((await call<{ jobId: string }>('jobs:verify', { originals: files, anonymised: outputs.slice(0, 2), profile: loaded.profile })).jobId);

    // the flow really ran: outputs, both report files and the package are there, and the inputs hold every canary
    expect(readdirSync(dirs.out).sort()).toEqual(expect.arrayContaining(['anonymised-package.zip', 'chats.csv', 'tickets.csv']));
    expect(readdirSync(dirs.out).some((n) => n.endsWith('.report.json'))).toBe(true);
    expect(new Set([csv, ndjson].flatMap((f) => canariesIn(readFileSync(f))))).toEqual(new Set(CANARIES));

    const leaks = [dirs.userData, dirs.tmp, dirs.out].flatMap(contents).flatMap(({ file, bytes }) => canariesIn(bytes).map((c) => `${path.relative(root, file)}: ${c}`));
    expect(leaks).toEqual([]);
    // and the job events the window got carry no canary either (the preview's rows are the exception by design: the
    // window shows the original values, in memory only)
    const sent = events.filter((e) => !(e.event === 'job:done' && (e.payload as JobDone).kind === 'preview'));
    expect(canariesIn(new TextEncoder().encode(JSON.stringify(sent)))).toEqual([]);
  }, 120_000);
});
