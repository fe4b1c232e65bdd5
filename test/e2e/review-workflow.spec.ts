/**
 * The review workspace driven through its screens, as a user would: in the BUILT renderer, bridged by
 * ./helpers/app-bridge to the real IPC handlers and the real job worker (only the dialogs answer from a queue),
 * a Zendesk export is opened from the start screen, its overview and before/after diff appear with highlighted
 * findings, one finding is ignored, a term is marked as sensitive, the export runs with progress and its
 * verification passes; then the output on disk is checked, and no request left the page's origin. Each screen is
 * saved to docs/screenshots/.
 * Prerequisite: `npx electron-vite build`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { assertBuilt, createAppBridge, REPO_ROOT } from './helpers/app-bridge';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await testInfo.attach(name, { body: shot, contentType: 'image/png' });
}

test.beforeAll(() => assertBuilt());

test('open, review, ignore a finding, mark a term, export and verify through the workspace screens', async ({ context }, testInfo) => {
  test.setTimeout(120_000);
  const out = mkdtempSync(path.join(tmpdir(), 'anonymiser-review-'));
  try {
    const bridge = await createAppBridge(context);
    const page = await bridge.openApp();
    await page.setViewportSize({ width: 1100, height: 900 });

    // start screen → open the export through the (fake) dialog
    bridge.dialog.answer(FIXTURE);
    await page.getByRole('button', { name: 'Open export…' }).click();

    // overview and diff view, with findings highlighted
    await expect(page.getByRole('heading', { name: 'Overview: zendesk.csv' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Before and after' })).toBeVisible();
    const marks = page.locator('mark.finding');
    await expect(marks.first()).toBeVisible();
    await shoot(page, testInfo, 'overview');

    // select the first finding, then the next one with the keyboard (n), look at why it was found, and ignore it
    await marks.first().click();
    await marks.first().press('n');
    await expect(page.getByText(/Detector: /).first()).toBeVisible();
    await shoot(page, testInfo, 'diff');
    const emailRow = page.getByRole('row', { name: /^Requester email / });
    await expect(emailRow.getByRole('cell', { name: '10 findings' })).toBeVisible();
    await page.getByRole('button', { name: 'Ignore this finding' }).click();
    // the profile changed (undo is possible) and the preview was recomputed: one finding fewer in that column
    await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
    await expect(emailRow.getByRole('cell', { name: '9 findings' })).toBeVisible();

    // mark a word of the text as sensitive: select it in an original value, then the action with its type
    const word = 'refund';
    const selected = await page.evaluate((w) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(w) ?? -1;
        if (at < 0 || !node.parentElement?.closest('.diff__original')) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        node.parentElement.closest('tbody')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return true;
      }
      return false;
    }, word);
    expect(selected).toBe(true);
    await page.getByRole('button', { name: 'Mark as sensitive' }).click();
    await expect(page.locator('mark.finding', { hasText: word }).first()).toBeVisible();

    // export into a folder chosen through the (fake) dialog; progress, then a passed verification
    bridge.dialog.answer(out);
    await page.getByRole('button', { name: 'Choose…' }).click();
    await page.getByRole('button', { name: 'Start export' }).click();
    await expect(page.getByText('Verification passed')).toBeVisible({ timeout: 60_000 });
    await shoot(page, testInfo, 'export-report');

    const written = readFileSync(path.join(out, 'zendesk.csv'), 'utf8');
    const original = readFileSync(FIXTURE, 'utf8');
    expect(written.split('\n').length).toBe(original.split('\n').length);
    expect(written).not.toContain('grace.okonjo@example.com');
    // the ignored e-mail address stays as it was; the word marked as sensitive is gone
    expect(written).toContain('hannah.whitcombe@example.com');
    expect(written).not.toMatch(/\brefund\b/);
    expect(bridge.foreignRequests()).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
