/**
 * The start screen's sample export and recent profiles, the export options and the report view, driven as a user
 * would in the BUILT renderer, bridged by ./helpers/app-bridge to the real IPC handlers and the real job worker
 * (only the dialogs answer from a queue): a profile is opened (and then listed as recent), the sample export is
 * opened with one click, exported as NDJSON with the audit report while the progress shows records, MB/s and ETA;
 * the residual findings the profile leaves are acknowledged with a note, "Share" unblocks, the report opens in the
 * app; then the files on disk are checked (the output's content, the report's acknowledgements), and that no
 * request left the page's origin. The export progress and the report view are saved to docs/screenshots/.
 * Prerequisite: `npx electron-vite build`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { createJobRunner } from '../../src-main/jobs/job-runner';
import type { JobRunner } from '../../src-main/main/job-runner-port';
import { assertBuilt, createAppBridge, REPO_ROOT, WORKER_PATH } from './helpers/app-bridge';

const SAMPLE = path.join(REPO_ROOT, 'resources', 'sample', 'sample-support-export.csv');
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const shot = await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await testInfo.attach(name, { body: shot, contentType: 'image/png' });
}

/** The real runner, with each run's result held back until `release()`, so the progress can be looked at. */
function holdingRunResults(inner: JobRunner) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const runner: JobRunner = {
    start: (kind, params, listener) =>
      inner.start(kind, params, kind === 'run' ? { ...listener, onDone: (result) => void released.then(() => listener.onDone(result)) } : listener),
  };
  return { runner, release };
}

test.beforeAll(() => assertBuilt());

test('open a profile and the sample export, export it as NDJSON with the report, acknowledge, open the report', async ({ context }, testInfo) => {
  test.setTimeout(120_000);
  const work = mkdtempSync(path.join(tmpdir(), 'anonymiser-export-options-'));
  try {
    const out = path.join(work, 'out');
    const userData = path.join(work, 'user-data');
    mkdirSync(out);
    mkdirSync(userData);
    // case numbers below any score: the run keeps them, and the verification finds them as residual findings
    const profile = path.join(work, 'case-numbers-stay.json');
    writeFileSync(profile, JSON.stringify({ version: 1, name: 'Case numbers stay', thresholds: { 'case-number': 1 } }));
    const { runner, release } = holdingRunResults(createJobRunner({ workerPath: WORKER_PATH }));
    const bridge = await createAppBridge(context, { jobs: runner, dataDir: userData });
    const page = await bridge.openApp();
    await page.setViewportSize({ width: 1100, height: 900 });

    // start screen: no profile used yet; open one, and it is in use and listed as recent
    const profiles = page.getByRole('region', { name: 'Recent profiles' });
    await expect(profiles.getByText('No profiles used yet.')).toBeVisible();
    bridge.dialog.answer(profile);
    await profiles.getByRole('button', { name: 'Open profile…' }).click();
    await expect(profiles.getByText('Profile in use: Case numbers stay')).toBeVisible();
    await expect(profiles.getByRole('button', { name: 'case-numbers-stay.json' })).toBeVisible();

    // the sample export, one click away
    await page.getByRole('button', { name: 'Try the sample export' }).click();
    await expect(page.getByRole('heading', { name: 'Overview: sample-support-export.csv' })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('mark.finding').first()).toBeVisible();

    // export options: folder, NDJSON, the report (on by default), no package
    bridge.dialog.answer(out);
    await page.getByRole('button', { name: 'Choose…' }).click();
    await expect(page.getByText('out', { exact: true })).toBeVisible();
    await page.getByLabel('Format').selectOption('ndjson');
    await expect(page.getByRole('checkbox', { name: 'Write the audit report (JSON and HTML)' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Write a hand-over package (zip)' })).not.toBeChecked();
    await page.getByRole('button', { name: 'Start export' }).click();

    // the progress: a bar with records, MB/s and ETA, and Cancel
    const panel = page.getByRole('region', { name: 'Export', exact: true });
    await expect(panel.getByRole('progressbar', { name: 'Export progress' })).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByText('30 records')).toBeVisible({ timeout: 60_000 });
    await expect(panel.getByText(/^\d+\.\d MB\/s$/)).toBeVisible();
    await expect(panel.getByText(/^ETA \d+:\d\d$/)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await shoot(page, testInfo, 'export-progress');
    release();

    // the residual findings the profile left, acknowledged with a note; then Share unblocks
    await expect(page.getByText('Verification failed')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('30 findings to acknowledge')).toBeVisible();
    await expect(page.getByText('Acknowledgements are written into the audit report.')).toBeVisible();
    const share = page.getByRole('button', { name: 'Share' });
    await expect(share).toBeDisabled();
    await page.getByLabel('Note for the report (optional)').fill('Case numbers are internal references, agreed with the DPO.');
    await page.getByRole('button', { name: 'Acknowledge all listed' }).click();
    await expect(share).toBeEnabled();

    // the report, in the app
    await page.getByRole('button', { name: 'Open report' }).click();
    await expect(page.getByRole('heading', { name: 'Audit report' })).toBeVisible();
    await expect(page.getByText('Every residual finding was acknowledged.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Acknowledgements' }).getByRole('row')).toHaveCount(31);
    await shoot(page, testInfo, 'report');
    expect(await page.content()).not.toContain(work);

    // on disk: the NDJSON output, the report with the acknowledgements
    expect(readdirSync(out).sort()).toEqual(['sample-support-export.ndjson', 'sample-support-export.report.html', 'sample-support-export.report.json']);
    const records = readFileSync(path.join(out, 'sample-support-export.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(records).toHaveLength(30);
    const original = readFileSync(SAMPLE, 'utf8');
    for (const email of original.match(/[\w.]+@example\.(com|org|net)/g) ?? []) expect(JSON.stringify(records)).not.toContain(email);
    expect(records[0]!['case_number']).toBe('Ticket #48213'); // kept by the profile
    const report = JSON.parse(readFileSync(path.join(out, 'sample-support-export.report.json'), 'utf8')) as {
      verification: { passed: boolean };
      reviewerDecisions: { acknowledgedAll: boolean; acknowledgements: { residual: string; by: string; note: string; type: string }[] };
    };
    expect(report.verification.passed).toBe(false);
    expect(report.reviewerDecisions.acknowledgedAll).toBe(true);
    expect(report.reviewerDecisions.acknowledgements).toHaveLength(30);
    for (const a of report.reviewerDecisions.acknowledgements) {
      expect(a).toMatchObject({ by: 'reviewer in the app', type: 'CASE_NUMBER', note: 'Case numbers are internal references, agreed with the DPO.' });
      expect(a.residual).toMatch(/^sample-support-export\.ndjson:\d+:case_number:CASE_NUMBER$/);
    }
    expect(readFileSync(path.join(out, 'sample-support-export.report.html'), 'utf8')).toContain('Every residual finding and surviving value of the verification was acknowledged by the reviewer.');
    expect(bridge.foreignRequests()).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
