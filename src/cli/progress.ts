import type { IngestProgress } from '../modules/ingestion/index.js';

/** `[########------------]  41%  1,234,567 rows  16,432 rows/s  ETA 12m03s` */
export function renderProgress(p: IngestProgress, width = 24): string {
  const fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const pct = `${Math.floor(fraction * 100)}%`.padStart(4);
  const eta = p.etaSeconds === null ? '' : `  ETA ${formatDuration(p.etaSeconds)}`;
  return `${bar} ${pct}  ${formatCount(p.rowsRead)} rows  ${formatCount(Math.round(p.rowsPerSecond))} rows/s${eta}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(r).padStart(2, '0')}s`;
  return `${r}s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
