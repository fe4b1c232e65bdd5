/**
 * Accessibility of every screen of the review workspace, checked by axe-core (the engine behind Lighthouse's and
 * Deque's audits) against WCAG 2.1 A and AA: the start screen, the workspace with its overview and diff view (a
 * finding selected and its explanation shown), the export panel after a verified export, the settings dialog and
 * the report view, in the light and the dark theme. Any violation fails the test with axe's description of it and the elements involved.
 * Prerequisite: `npx electron-vite build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { assertBuilt, createAppBridge, REPO_ROOT } from './helpers/app-bridge';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');

/** axe's violations of WCAG 2.x A/AA on the page as it is now: the rule, its help, and the first elements with what is wrong. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`);
    return `${v.id}: ${v.help} (${v.nodes.length} elements; ${nodes.join(' | ')})`;
  });
}

test.beforeAll(() => assertBuilt());

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen meets WCAG 2.1 AA by axe-core, ${scheme} theme`, async ({ context }) => {
    test.setTimeout(120_000);
    const out = mkdtempSync(path.join(tmpdir(), 'anonymiser-a11y-'));
    try {
      const bridge = await createAppBridge(context);
      const page = await bridge.openApp();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 900 });
      await expect(page.getByRole('button', { name: 'Open export…' })).toBeVisible();
      expect(await violations(page), 'start screen').toEqual([]);

      bridge.dialog.answer(FIXTURE);
      await page.getByRole('button', { name: 'Open export…' }).click();
      await expect(page.getByRole('heading', { name: 'Overview: zendesk.csv' })).toBeVisible({ timeout: 60_000 });
      const marks = page.locator('mark.finding');
      await marks.first().click();
      await expect(page.getByText(/Detector: /).first()).toBeVisible();
      expect(await violations(page), 'overview and diff view').toEqual([]);

      bridge.dialog.answer(out);
      await page.getByRole('button', { name: 'Choose…' }).click();
      await page.getByRole('button', { name: 'Start export' }).click();
      await expect(page.getByText('Verification passed')).toBeVisible({ timeout: 60_000 });
      expect(await violations(page), 'export panel with the verification').toEqual([]);

      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      expect(await violations(page), 'settings dialog').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeHidden();

      await page.getByRole('button', { name: 'Open report' }).click();
      await expect(page.getByRole('button', { name: 'Back to the review' })).toBeVisible();
      expect(await violations(page), 'report view').toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
}
