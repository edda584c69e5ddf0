// Progress of a batch: a live bar (files and pages done, rate, ETA) on a terminal; plain log lines
// when the output is not a terminal (CI, pipes); JSON lines for machines; nothing but problems
// with --quiet.
import type { BatchEvent, BatchSummary, FileEvent } from './run.js';

export type ProgressMode = 'bar' | 'lines' | 'json' | 'quiet';

export function progressMode(opts: { json?: boolean; quiet?: boolean }, stream: NodeJS.WriteStream): ProgressMode {
  if (opts.json) return 'json';
  if (opts.quiet) return 'quiet';
  return stream.isTTY ? 'bar' : 'lines';
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

export function fileLine(f: FileEvent): string {
  if (f.status === 'ok') {
    const c = f.counts;
    const what = c ? `${c.tasks} tasks, ${c.targets} targets, ${c.references} refs, ${c.tables} tables` : '';
    return `ok           ${f.path}  [${f.format}${f.pages ? `, ${f.pages} p` : ''}] ${what}  ${secs(f.ms)}`;
  }
  if (f.status === 'skipped') return `skipped      ${f.path}  (unchanged since the last run)`;
  return `${f.status.padEnd(12)} ${f.path}  ${f.code}: ${f.message}  ${secs(f.ms)}`;
}

export function summaryLine(s: BatchSummary): string {
  return `${s.total} files: ${s.ok} ok, ${s.skipped} skipped, ${s.unsupported} unsupported, ${s.failed} failed; ${s.pages} pages in ${s.seconds.toFixed(1)} s`;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

/** A reporter for batch events, writing to `out` (results) and `err` (the live bar, problems). */
export function reporter(mode: ProgressMode, out: NodeJS.WritableStream, err: NodeJS.WriteStream): (e: BatchEvent) => void {
  const started = performance.now();
  let lastDraw = 0;
  let barShown = false;
  const clearBar = () => {
    if (barShown) err.write('\r\x1b[2K');
    barShown = false;
  };
  return (e) => {
    if (mode === 'json') {
      if (e.type === 'file') out.write(JSON.stringify({ ...e.file, done: e.done, total: e.total }) + '\n');
      if (e.type === 'done') out.write(JSON.stringify({ summary: e.summary }) + '\n');
      return;
    }
    if (e.type === 'start') return;
    if (e.type === 'done') {
      clearBar();
      if (mode !== 'quiet' || e.summary.failed) out.write(summaryLine(e.summary) + '\n');
      return;
    }
    const problem = e.file.status === 'error';
    if (mode === 'lines' || (mode === 'quiet' && problem) || (mode === 'bar' && e.file.status !== 'skipped' && e.file.status !== 'ok')) {
      clearBar();
      (problem && mode !== 'lines' ? err : out).write(fileLine(e.file) + '\n');
    }
    if (mode !== 'bar') return;
    const now = performance.now();
    if (now - lastDraw < 100 && e.done < e.total) return;
    lastDraw = now;
    const elapsed = (now - started) / 1000;
    const rate = e.done / Math.max(elapsed, 1e-3);
    const width = 24;
    const filled = Math.round((e.done / Math.max(e.total, 1)) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    err.write(`\r\x1b[2K${bar} ${e.done}/${e.total} files, ${e.pages} pages  ${rate.toFixed(1)} files/s  ETA ${clock((e.total - e.done) / rate)}`);
    barShown = true;
  };
}
