/** A one-line progress bar for a terminal: share done, MB/s, records, findings, time left. */
import type { PipelineProgress } from '../../shared/pipeline/run-pipeline';

export function formatProgress(label: string, p: PipelineProgress & { readonly totalBytes: number }, width = 24): string {
  const share = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 1;
  const filled = Math.round(share * width);
  const seconds = p.elapsedMs / 1000;
  const mbPerS = seconds > 0 ? p.bytes / 1e6 / seconds : 0;
  const eta = mbPerS > 0 ? (p.totalBytes - p.bytes) / 1e6 / mbPerS : NaN;
  return (
    `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ` +
    `${mbPerS.toFixed(1)} MB/s  ${p.records.toLocaleString('en-US')} records  ${p.findings.toLocaleString('en-US')} findings` +
    (Number.isFinite(eta) && share < 1 ? `  ETA ${formatDuration(eta)}` : '')
  );
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Draws on a TTY stream, rewriting one line; does nothing on a pipe or a file. */
export function createProgressLine(stream: NodeJS.WriteStream, enabled: boolean) {
  const active = enabled && stream.isTTY === true;
  let drawn = false;
  return {
    update(text: string) {
      if (!active) return;
      const columns = stream.columns || 100;
      stream.write(`\r${text.slice(0, columns - 1).padEnd(columns - 1)}`);
      drawn = true;
    },
    clear() {
      if (!active || !drawn) return;
      stream.write(`\r${' '.repeat((stream.columns || 100) - 1)}\r`);
      drawn = false;
    },
  };
}
