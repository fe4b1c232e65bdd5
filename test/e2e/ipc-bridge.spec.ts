/**
 * The IPC bridge end to end, minus Electron: the BUILT renderer (out/renderer) runs in Debian's Chromium with a
 * `window.api` made by the preload's own `buildApi`, whose invoke goes through `page.exposeBinding` to the REAL
 * `createDispatcher`, IPC handlers and job runner in this test process (./helpers/app-bridge). Only the dialog
 * is a stand-in (a fake answering with a fixture). Prerequisite: `npx electron-vite build`.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { APP_VERSION, assertBuilt, BRIDGE_APP_INFO, createAppBridge, REPO_ROOT } from './helpers/app-bridge';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');
const EVIL_ORIGIN = 'https://evil.invalid';

test.beforeAll(() => assertBuilt());

test('api.files.open() returns a handle, never a path, and the handle works where a path is refused', async ({ context }) => {
  const bridge = await createAppBridge(context);
  const page = await bridge.openApp();

  bridge.dialog.answer(FIXTURE);
  const opened = await page.evaluate(() => window.api!.files.open());
  expect(bridge.dialog.calls).toHaveLength(1);
  expect(opened.ok).toBe(true);
  if (!opened.ok) return;
  expect(opened.value).toHaveLength(1);
  const [info] = opened.value;
  expect(Object.keys(info!).sort()).toEqual(['format', 'id', 'name', 'size']);
  expect(info).toMatchObject({ name: 'zendesk.csv', format: 'csv' });
  const text = JSON.stringify(opened);
  expect(text).not.toContain(REPO_ROOT);
  expect(text).not.toContain('fixtures');

  const byHandle = await page.evaluate((id) => window.api!.jobs.preview({ file: id }), info!.id);
  expect(byHandle).toMatchObject({ ok: true, value: { jobId: expect.any(String) } }); // accepted: the real worker runs it
  const byPath = await page.evaluate((file) => window.api!.jobs.preview({ file }), FIXTURE);
  expect(byPath).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await page.evaluate(() => window.api!.app.info())).toEqual({ ok: true, value: BRIDGE_APP_INFO });
});

test('a call from a forged frame URL is refused with forbidden, and the dialog never opens', async ({ context }) => {
  const bridge = await createAppBridge(context, { foreignOrigin: EVIL_ORIGIN });
  bridge.dialog.answer(FIXTURE);
  const evil = await context.newPage();
  await evil.goto(`${EVIL_ORIGIN}/index.html`);
  type Invoke = (channel: string, payload?: unknown) => Promise<unknown>;
  const result = await evil.evaluate(() =>
    (window as unknown as { __ipcInvoke: Invoke }).__ipcInvoke('files:open', { purpose: 'export' }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(bridge.dialog.calls).toHaveLength(0);
});

test('window.api is one frozen object with the contract methods and the version footer', async ({ context }) => {
  const bridge = await createAppBridge(context);
  const page = await bridge.openApp();
  const api = await page.evaluate(() => {
    const target = window.api!;
    try {
      (target as unknown as Record<string, unknown>)['injected'] = 1;
      (target.files as unknown as Record<string, unknown>)['open'] = () => 'hijacked';
    } catch {
      // strict-mode TypeError is fine too
    }
    return {
      keys: Object.keys(target).sort(),
      frozen: Object.isFrozen(target) && Object.isFrozen(target.files) && Object.isFrozen(target.versions),
      injected: 'injected' in target,
      openIntact: String(target.files.open).includes('files:open'),
    };
  });
  expect(api).toEqual({ keys: ['app', 'files', 'jobs', 'keys', 'on', 'profiles', 'reports', 'settings', 'versions'], frozen: true, injected: false, openIntact: true });
  await expect(page.getByText(`Version ${APP_VERSION}`)).toBeVisible();
});

test('api.on delivers the job events main emits, payload only, and its unsubscribe stops them', async ({ context }) => {
  const bridge = await createAppBridge(context);
  const page = await bridge.openApp();
  bridge.dialog.answer(FIXTURE);
  const got = await page.evaluate(async () => {
    const api = window.api!;
    const opened = await api.files.open();
    if (!opened.ok) throw new Error(opened.error.message);
    const kept: unknown[][] = [];
    const dropped: unknown[] = [];
    const off = api.on('job:done', (...args) => dropped.push(args));
    off();
    return new Promise<{ kept: unknown[][]; dropped: unknown[]; jobId?: string }>((resolve) => {
      let jobId: string | undefined;
      api.on('job:done', (...args) => {
        kept.push(args);
        resolve({ kept, dropped, jobId });
      });
      void api.jobs.preview({ file: opened.value[0]!.id, records: 2, sample: 1 }).then((r) => (jobId = r.ok ? r.value.jobId : undefined));
    });
  });
  expect(got).toMatchObject({ dropped: [], kept: [[{ jobId: got.jobId, kind: 'preview', result: { format: 'csv' } }]] });
  expect(bridge.events.map((e) => e.event)).toContain('job:done');
});
