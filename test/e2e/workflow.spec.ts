/**
 * The app's workflow end to end, at the level of `window.api` (the review workspace's components come later): in
 * the BUILT renderer, bridged by ./helpers/app-bridge to the real IPC handlers and the real job worker, a Zendesk
 * export is opened through the (fake) dialog, previewed, anonymised with the zendesk preset into a temp folder,
 * and verified; the output's content is checked on disk; a large run is cancelled and leaves nothing behind; and no
 * request leaves the page's origin. Also saves the start screen to docs/screenshots/start.png.
 * Prerequisite: `npx electron-vite build`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { EventName, FileHandleInfo, JobKind } from '../../shared/ipc-contract';
import { assertBuilt, createAppBridge, REPO_ROOT } from './helpers/app-bridge';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const ZENDESK_PROFILE = { version: 1, extends: 'zendesk' };
const LARGE_BYTES = 20 * 1024 * 1024;

interface PageEvent {
  readonly event: EventName;
  readonly payload: { readonly jobId: string; readonly [key: string]: unknown };
  /** performance.now() in the page when the listener got it. */
  readonly at: number;
}

interface JobOutcome {
  /** The reply of the start call, when it was refused. */
  readonly refused?: unknown;
  readonly jobId?: string;
  readonly startedAt: number;
  /** This job's events, in the order the page's listeners got them; the last is job:done or job:failed. */
  readonly events: PageEvent[];
  readonly cancelReply?: unknown;
}

/**
 * In the page, through `window.api` only: subscribes to the three job events, starts the job, and resolves with the
 * job's events once its job:done or job:failed arrived. With `cancelAtShare`, the job is cancelled at its first
 * progress event with bytes / totalBytes at least that share.
 */
function runJobInPage(page: Page, kind: JobKind, request: object, cancelAtShare?: number): Promise<JobOutcome> {
  return page.evaluate(
    ({ kind, request, cancelAtShare }) =>
      new Promise<JobOutcome>((resolve) => {
        const api = window.api!;
        const seen: PageEvent[] = [];
        const startedAt = performance.now();
        let jobId: string | undefined;
        let cancelReply: Promise<unknown> | undefined;
        const offs: (() => void)[] = [];
        const check = () => {
          if (jobId === undefined) return;
          const mine = seen.filter((e) => e.payload.jobId === jobId);
          const due = (e: PageEvent) => e.event === 'job:progress' && Number(e.payload.bytes) >= cancelAtShare! * Number(e.payload.totalBytes);
          if (cancelAtShare !== undefined && !cancelReply && mine.some(due)) {
            cancelReply = api.jobs.cancel({ jobId });
          }
          if (!mine.some((e) => e.event !== 'job:progress')) return;
          for (const off of offs) off();
          void Promise.resolve(cancelReply).then((reply) => resolve({ jobId, startedAt, events: mine, cancelReply: reply }));
        };
        for (const event of ['job:progress', 'job:done', 'job:failed'] as const) {
          offs.push(
            api.on(event, (payload) => {
              seen.push({ event, payload: payload as unknown as PageEvent['payload'], at: performance.now() });
              check();
            }),
          );
        }
        const start = api.jobs[kind] as (r: object) => ReturnType<typeof api.jobs.preview>;
        void start(request).then((reply) => {
          if (!reply.ok) {
            for (const off of offs) off();
            resolve({ refused: reply, startedAt, events: [] });
            return;
          }
          jobId = reply.value.jobId;
          check();
        });
      }),
    { kind, request, cancelAtShare },
  );
}

function terminal(outcome: JobOutcome): PageEvent {
  expect(outcome.refused).toBeUndefined();
  const last = outcome.events.at(-1);
  expect(last?.event, `job ${outcome.jobId} ended`).toMatch(/^job:(done|failed)$/);
  return last!;
}

async function openExport(page: Page): Promise<FileHandleInfo> {
  const opened = await page.evaluate(() => window.api!.files.open({ purpose: 'export' }));
  expect(opened.ok).toBe(true);
  if (!opened.ok) throw new Error('files.open failed');
  expect(opened.value).toHaveLength(1);
  return opened.value[0]!;
}

async function chooseOutputFolder(page: Page): Promise<string> {
  const chosen = await page.evaluate(() => window.api!.files.chooseOutputFolder());
  if (!chosen.ok || chosen.value === null) throw new Error(`no output folder: ${JSON.stringify(chosen)}`);
  return chosen.value.id;
}

/** A Zendesk-shaped CSV of about `bytes` bytes, every row different. */
function writeLargeExport(file: string, bytes: number): void {
  const [header, first] = readFileSync(FIXTURE, 'utf8').split('\n');
  const rows: string[] = [header!];
  let size = header!.length + 1;
  for (let i = 0; size < bytes; i++) {
    const row = first!.replace(/^10231,/, `${20000 + i},`).replace(/hannah\.whitcombe@/, `hannah.whitcombe${i}@`);
    rows.push(row);
    size += row.length + 1;
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
}

const tempDirs: string[] = [];
function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `anonymiser-e2e-${name}-`));
  tempDirs.push(dir);
  return dir;
}

test.beforeAll(() => assertBuilt());
test.afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('start screen: screenshot saved to docs/screenshots/start.png and attached', async ({ context }, testInfo) => {
  const bridge = await createAppBridge(context);
  const page = await bridge.openApp();
  await page.setViewportSize({ width: 1100, height: 760 }); // the app window's default size
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = await page.screenshot({ path: path.join(SCREENSHOTS, 'start.png'), fullPage: true });
  await testInfo.attach('start screen', { body: shot, contentType: 'image/png' });
  expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bridge.foreignRequests()).toEqual([]);
});

test('open, preview, run with the zendesk preset, verify: the output is anonymised and no request left the page', async ({ context }) => {
  test.setTimeout(90_000);
  const bridge = await createAppBridge(context);
  const page = await bridge.openApp();
  const outDir = tempDir('run');

  // open (the dialog picks the fixture); the page gets a handle, never a path
  bridge.dialog.answer(FIXTURE);
  const input = await openExport(page);
  expect(input).toMatchObject({ name: 'zendesk.csv', format: 'csv' });
  expect(JSON.stringify(input)).not.toContain(REPO_ROOT);

  // preview: the head has records, and findings include EMAIL and PERSON
  const preview = terminal(await runJobInPage(page, 'preview', { file: input.id }));
  expect(preview.event, JSON.stringify(preview.payload)).toBe('job:done');
  const result = preview.payload.result as { head: { fields: { findings: { type: string }[] }[] }[]; records: number };
  expect(result.head.length).toBeGreaterThan(0);
  expect(result.records).toBe(result.head.length);
  const types = new Set(result.head.flatMap((r) => r.fields.flatMap((f) => f.findings.map((x) => x.type))));
  expect([...types]).toEqual(expect.arrayContaining(['EMAIL', 'PERSON']));

  // run into the chosen folder with the zendesk preset
  bridge.dialog.answer(outDir);
  const folder = await chooseOutputFolder(page);
  const run = await runJobInPage(page, 'run', { files: [input.id], outputFolder: folder, profile: ZENDESK_PROFILE });
  const runEnd = terminal(run);
  expect(runEnd.event, JSON.stringify(runEnd.payload)).toBe('job:done');
  expect(runEnd.payload.result).toMatchObject({ passed: true });
  const progress = run.events.filter((e) => e.event === 'job:progress');
  expect(progress.length).toBeGreaterThanOrEqual(1);
  // at most 10 a second, measured where main emits them (delivery to the page may bunch them up)
  const emitted = bridge.events.filter((e) => e.event === 'job:progress' && e.payload.jobId === run.jobId).map((e) => e.at);
  expect(emitted).toHaveLength(progress.length);
  for (let i = 1; i < emitted.length; i++) expect(emitted[i]! - emitted[i - 1]!).toBeGreaterThanOrEqual(95);

  // the output's content
  const outputPath = path.join(outDir, 'zendesk.csv');
  expect(readdirSync(outDir)).toEqual(['zendesk.csv']);
  const original = readFileSync(FIXTURE, 'utf8');
  const output = readFileSync(outputPath, 'utf8');
  const emails = original.match(/[\w.+-]+@example\.(?:com|org)/g) ?? [];
  expect(emails.length).toBeGreaterThanOrEqual(10);
  for (const email of emails) expect(output).not.toContain(email);
  const header = output.split(/\r?\n/, 1)[0]!;
  expect(header).toContain('Requester email');
  expect(header).not.toContain('Internal note');
  const ids = [...original.matchAll(/^(\d{5}),/gm)].map((m) => m[1]!);
  expect(ids.length).toBeGreaterThanOrEqual(10);
  expect([...output.matchAll(/^(\d{5}),/gm)].map((m) => m[1]!)).toEqual(ids);

  // verify: the original against the output, opened through the dialog as the user would
  bridge.dialog.answer(outputPath);
  const anonymised = await openExport(page);
  const verify = terminal(await runJobInPage(page, 'verify', { originals: [input.id], anonymised: [anonymised.id], profile: ZENDESK_PROFILE }));
  expect(verify.event, JSON.stringify(verify.payload)).toBe('job:done');
  expect(verify.payload.result).toMatchObject({ passed: true });

  expect(bridge.dialog.pending).toBe(0);
  expect(bridge.requests.length).toBeGreaterThan(0);
  expect(bridge.foreignRequests()).toEqual([]);
});

test('cancelling a run of a 20 MB export ends in job:failed cancelled, with no output and no .partial file', async ({ context }) => {
  test.setTimeout(60_000);
  const inDir = tempDir('large');
  const outDir = tempDir('cancel');
  const large = path.join(inDir, 'tickets.csv');
  writeLargeExport(large, LARGE_BYTES);
  const bridge = await createAppBridge(context);
  const page = await bridge.openApp();

  bridge.dialog.answer(large);
  const input = await openExport(page);
  expect(input.size).toBeGreaterThanOrEqual(LARGE_BYTES);
  bridge.dialog.answer(outDir);
  const folder = await chooseOutputFolder(page);

  // the run's progress covers three passes (known values, anonymise, verify): cancel in the middle of the second,
  // while the output is being written to its .partial temp file (watched here, so the test proves the clean-up)
  const seenInOutput = new Set<string>();
  const watch = setInterval(() => readdirSync(outDir).forEach((name) => seenInOutput.add(name)), 10);
  const run = await runJobInPage(page, 'run', { files: [input.id], outputFolder: folder, profile: ZENDESK_PROFILE }, 0.45);
  clearInterval(watch);
  expect([...seenInOutput].some((name) => /^\.tickets\.csv\.[0-9a-f]{12}\.partial$/.test(name)), [...seenInOutput].join()).toBe(true);
  const end = terminal(run);
  expect(run.cancelReply).toEqual({ ok: true, value: { cancelled: true } });
  expect(end.event).toBe('job:failed');
  expect(end.payload).toMatchObject({ kind: 'run', error: { code: 'cancelled' } });
  expect(run.events.filter((e) => e.event !== 'job:progress')).toHaveLength(1);
  expect(existsSync(path.join(outDir, 'tickets.csv'))).toBe(false);
  expect(readdirSync(outDir)).toEqual([]); // no output, no .partial temp file
  expect(bridge.foreignRequests()).toEqual([]);
});
