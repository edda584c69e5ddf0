// The run manifest: what each input became, keyed by its path, its bytes' sha256 and the pipeline
// version. An append-only JSON-lines file: a line is written (and flushed) only after the file's
// output is in place, so after a kill -9 every line describes a finished file, and a torn last
// line is simply ignored. A re-run skips inputs whose sha256 and pipeline version are unchanged.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { LIMIT_CODES } from '../limits.js';

export type EntryStatus = 'ok' | 'unsupported' | 'error';

export interface ManifestEntry {
  /** Input path relative to the input root. */
  path: string;
  sha256: string;
  pipelineVersion: string;
  status: EntryStatus;
  format?: string;
  /** Output path relative to the output folder. */
  output?: string;
  pages?: number | null;
  code?: string;
  message?: string;
}

export class Manifest {
  private readonly entries = new Map<string, ManifestEntry>();
  private fd: number | null = null;

  private constructor(readonly file: string) {}

  /** Open (or create) the manifest of an output folder and read what earlier runs recorded. */
  static async open(outDir: string): Promise<Manifest> {
    const file = path.join(outDir, '.vnplans', 'manifest.jsonl');
    await mkdir(path.dirname(file), { recursive: true });
    const m = new Manifest(file);
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as ManifestEntry;
          if (typeof e.path === 'string' && typeof e.sha256 === 'string') m.entries.set(e.path, e);
        } catch {
          // A line torn by a kill: its file will simply be processed again.
        }
      }
    }
    m.fd = openSync(file, 'a');
    return m;
  }

  get(p: string): ManifestEntry | undefined {
    return this.entries.get(p);
  }

  /** True when the input at `p` with these bytes was already turned into a result by this pipeline version. */
  isCurrent(p: string, sha256: string, pipelineVersion: string, outDir: string): boolean {
    const e = this.entries.get(p);
    if (!e || e.sha256 !== sha256 || e.pipelineVersion !== pipelineVersion) return false;
    // Time limits may be transient: those files are tried again.
    if (e.status === 'error' && e.code === 'input/timeout') return false;
    // So may other limits: a file refused over one is tried again (under the run's own limits).
    if (e.status === 'error' && e.code !== undefined && LIMIT_CODES.has(e.code)) return false;
    return e.status !== 'ok' || (!!e.output && existsSync(path.join(outDir, e.output)));
  }

  record(e: ManifestEntry): void {
    this.entries.set(e.path, e);
    if (this.fd === null) throw new Error('manifest is closed');
    writeSync(this.fd, JSON.stringify(e) + '\n');
    fsyncSync(this.fd);
  }

  /** Every recorded entry, by path. */
  all(): ManifestEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
