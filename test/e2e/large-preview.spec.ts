/**
 * A large export shows at once: the window first asks for the head only (the first 1,000 records, read without
 * the rest of the file), then for the full preview with its sample of the whole file, which replaces it. Driven
 * in the BUILT renderer over the real handlers and job worker (./helpers/app-bridge).
 * Prerequisite: `npx electron-vite build`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { JobDone } from '../../shared/ipc-contract';
import { assertBuilt, createAppBridge } from './helpers/app-bridge';

test.beforeAll(() => assertBuilt());

test('the head of a 2,500-record export first, then the full preview with its whole-file count', async ({ context }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'anonymiser-large-preview-'));
  const bridge = await createAppBridge(context);
  try {
    const input = path.join(dir, 'tickets.csv');
    const rows = Array.from({ length: 2500 }, (_, i) => `${i + 1},customer${i}@example.com,Printer jam number ${i}`);
    writeFileSync(input, `id,requester_email,subject\n${rows.join('\n')}\n`);
    const page = await bridge.openApp();
    bridge.dialog.answer(input);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await expect(page.getByRole('heading', { name: 'Overview: tickets.csv' })).toBeVisible({ timeout: 60_000 });
    // in the end the whole file's count, which only the full preview knows
    await expect(page.getByText('2,500 records', { exact: true })).toBeVisible({ timeout: 60_000 });

    type Result = { records: number; headOnly?: boolean; wholeFile?: boolean; head: unknown[]; sample: unknown[] };
    const previews = bridge.events.filter((e) => e.event === 'job:done' && (e.payload as JobDone).kind === 'preview').map((e) => (e.payload as JobDone).result as Result);
    expect(previews).toHaveLength(2);
    // first the head, from a read that stopped once it had it
    expect(previews[0]).toMatchObject({ headOnly: true, wholeFile: false });
    expect(previews[0]!.head).toHaveLength(1000);
    // then the whole file, with its sample
    expect(previews[1]!.headOnly).toBeUndefined();
    expect(previews[1]!.records).toBe(2500);
    expect(previews[1]!.sample.length).toBeGreaterThan(0);
    expect(bridge.foreignRequests()).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bridge.dataDir, { recursive: true, force: true });
  }
});
