/**
 * Writes a reviewer's acknowledgements of residual findings into a finished run's report: the JSON report is read
 * back, each acknowledged id checked against the findings its verification lists, one entry added per id not yet
 * acknowledged (who, when, where and what type, never the value), whether every finding is now acknowledged, and
 * both report files (JSON and HTML) rewritten atomically. Acknowledging the same ids again changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { IpcError } from '../../shared/ipc-contract';
import { everyItemAcknowledged, itemsToAcknowledge } from '../../shared/report/acknowledgement-items';
import { createAtomicFile, type AtomicFile } from '../io/atomic-file';
import type { Acknowledgement, AuditReport } from './audit-report';
import { renderAuditReportHtml } from './audit-report-html';

/** Who acknowledged, as the report says: the app has no user accounts. */
export const APP_REVIEWER = 'reviewer in the app';

export interface ReportFiles {
  readonly json: string;
  readonly html: string;
}

export interface AcknowledgeOutcome {
  readonly report: AuditReport;
  /** Every id acknowledged in the report. */
  readonly acknowledged: readonly string[];
  readonly complete: boolean;
}

export async function acknowledgeInReport(
  files: ReportFiles,
  ids: readonly string[],
  options: { readonly note?: string; readonly now?: Date } = {},
): Promise<AcknowledgeOutcome> {
  const report = await readReport(files.json);
  const items = new Map(itemsToAcknowledge(report).items.map((item) => [item.id, item]));
  if (ids.some((id) => !items.has(id))) throw new IpcError('invalid', 'an acknowledged finding is not among the findings of this report');
  const before = report.reviewerDecisions.acknowledgements;
  const known = new Set(before.map((a) => a.residual));
  const at = (options.now ?? new Date()).toISOString();
  const added: Acknowledgement[] = ids
    .filter((id) => !known.has(id))
    .map((id) => {
      const item = items.get(id)!;
      const { kind, file, record, field, type } = item;
      return { residual: id, kind, file, record, field, type, by: APP_REVIEWER, at, ...(options.note !== undefined ? { note: options.note } : {}) };
    });
  const acknowledgements = [...before, ...added];
  const acknowledged = acknowledgements.map((a) => a.residual);
  const complete = everyItemAcknowledged(report, new Set(acknowledged));
  if (added.length === 0 && report.reviewerDecisions.acknowledgedAll === complete) return { report, acknowledged, complete };
  const updated: AuditReport = { ...report, reviewerDecisions: { ...report.reviewerDecisions, acknowledgements, acknowledgedAll: complete } };
  await replaceBoth([
    [files.json, `${JSON.stringify(updated, null, 2)}\n`],
    [files.html, renderAuditReportHtml(updated)],
  ]);
  return { report: updated, acknowledged, complete };
}

/** The report as the run wrote it; refuses a file that is not one. */
async function readReport(path: string): Promise<AuditReport> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new IpcError('not-found', 'the report of this export cannot be read any more');
  }
  const decisions = (json as Partial<AuditReport> | null)?.reviewerDecisions;
  if (typeof json !== 'object' || json === null || !Array.isArray(decisions?.acknowledgements)) {
    throw new IpcError('conflict', 'the report of this export is not an audit report any more');
  }
  return json as AuditReport;
}

/** Both files written to temp files first, then renamed into place one after the other; nothing is replaced on an error. */
async function replaceBoth(contents: readonly (readonly [string, string])[]): Promise<void> {
  const files: AtomicFile[] = [];
  try {
    for (const [path, text] of contents) {
      const file = await createAtomicFile(path);
      files.push(file);
      await file.write(new TextEncoder().encode(text));
    }
    for (const file of files) await file.commit();
  } catch (error) {
    for (const file of files) await file.abort();
    throw error;
  }
}
