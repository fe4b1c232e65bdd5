/**
 * The settings, driven as a user would in the BUILT renderer, bridged by ./helpers/app-bridge to the real IPC
 * handlers, the real settings store and the real keychain key store (over a fake safeStorage) in a temp data
 * folder: a project key is created and its fingerprint shown, the theme and the phone region are changed, and all
 * of it is still there after a reload. Then an export runs with the stored key: its report names the same
 * fingerprint, and no request left the page's origin.
 * Prerequisite: `npx electron-vite build`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { assertBuilt, createAppBridge, REPO_ROOT } from './helpers/app-bridge';
import { KEYCHAIN_KEY_FILE } from '../../src-main/main/keychain-key-store';
import { SETTINGS_FILE } from '../../src-main/main/settings-store';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');
const FINGERPRINT = /^Fingerprint: ([0-9a-f]{4}(?:-[0-9a-f]{4}){3})$/;

test.beforeAll(() => assertBuilt());

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('create a key, change the theme and the region; they persist across a reload, and the export uses the key', async ({ context }) => {
  test.setTimeout(120_000);
  const out = mkdtempSync(path.join(tmpdir(), 'anonymiser-settings-out-'));
  const bridge = await createAppBridge(context);
  try {
    const page = await bridge.openApp();
    await page.setViewportSize({ width: 1100, height: 900 });
    let dialog = await openSettings(page);

    // the project key: none yet, then created; only its fingerprint is shown
    await expect(dialog.getByText(/No project key yet/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const fingerprintLine = dialog.getByText(FINGERPRINT);
    await expect(fingerprintLine).toBeVisible();
    const fingerprint = FINGERPRINT.exec((await fingerprintLine.textContent()) ?? '')![1]!;

    // the theme and the default phone region
    await dialog.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await dialog.getByLabel('Default phone region').selectOption('DE');
    await expect(dialog.getByLabel('Default phone region')).toHaveValue('DE');

    // Escape closes the dialog and gives the focus back to the button
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();

    // stored in the data folder: the settings as JSON, the key only encrypted
    await expect.poll(() => JSON.parse(readFileSync(path.join(bridge.dataDir, SETTINGS_FILE), 'utf8')).settings).toEqual({ theme: 'dark', locale: 'system', defaultRegion: 'DE' });
    expect(readFileSync(path.join(bridge.dataDir, KEYCHAIN_KEY_FILE)).subarray(0, 4).toString()).toBe('ENC1');

    // after a reload: the same theme, region and key
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    dialog = await openSettings(page);
    await expect(dialog.getByLabel('Theme')).toHaveValue('dark');
    await expect(dialog.getByLabel('Default phone region')).toHaveValue('DE');
    await expect(dialog.getByText(`Fingerprint: ${fingerprint}`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // an export now uses the stored key: the report names its fingerprint, and says nothing of a fresh key
    bridge.dialog.answer(FIXTURE);
    await page.getByRole('button', { name: 'Open export…' }).click();
    await expect(page.getByRole('heading', { name: 'Overview: zendesk.csv' })).toBeVisible({ timeout: 60_000 });
    // the settings are reachable from the workspace header too
    dialog = await openSettings(page);
    await expect(dialog.getByText(`Fingerprint: ${fingerprint}`)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    bridge.dialog.answer(out);
    await page.getByRole('button', { name: 'Choose…' }).click();
    await page.getByRole('button', { name: 'Start export' }).click();
    await expect(page.getByText('Verification passed')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(`Fingerprint: ${fingerprint}`)).toBeVisible();
    await expect(page.getByText(/A fresh key was made for this run/)).toHaveCount(0);
    expect(readFileSync(path.join(out, 'zendesk.csv'), 'utf8')).not.toContain('grace.okonjo@example.com');
    expect(bridge.foreignRequests()).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(bridge.dataDir, { recursive: true, force: true });
  }
});

test('the default phone region applies to the review preview too, and a change recomputes it', async ({ context }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'anonymiser-settings-region-'));
  const bridge = await createAppBridge(context);
  try {
    // a German mobile number written nationally: valid only with DE as the default region
    const input = path.join(dir, 'de-tickets.csv');
    writeFileSync(input, 'id,description\n1,Erreichbar unter 0151 23456789 ab Montag.\n');
    const page = await bridge.openApp();
    await page.setViewportSize({ width: 1100, height: 900 });
    let dialog = await openSettings(page);
    await dialog.getByLabel('Default phone region').selectOption('DE');
    await dialog.getByRole('button', { name: 'Close' }).click();

    bridge.dialog.answer(input);
    await page.getByRole('button', { name: 'Open export…' }).click();
    const phone = page.locator('.diff__original mark.finding', { hasText: '0151 23456789' });
    await phone.first().click();
    const explanation = page.getByRole('status', { name: 'Why this was found' });
    await expect(explanation.getByText('Score: 0.9')).toBeVisible({ timeout: 60_000 });

    // the same number under US rules: still proposed (recall first), with the lower score of an unvalidated number
    dialog = await openSettings(page);
    await dialog.getByLabel('Default phone region').selectOption('US');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await phone.first().click();
    await expect(explanation.getByText('Score: 0.6')).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(bridge.dataDir, { recursive: true, force: true });
  }
});
