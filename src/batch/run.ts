// The batch: an archive of inputs through the pipelines, concurrently (p-queue over a pool of
// worker threads), resumably (the manifest skips what is already done), with each file isolated
// (time limit, its own error line) and the corpus outputs rebuilt at the end.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import PQueue from 'p-queue';
import { discover } from '../ingest.js';
import { resolveLimits, type Limits } from '../limits.js';
import { PIPELINE_VERSION } from '../version.js';
import type { DocumentJson } from '../document/schema.js';
import { CorpusWriter } from '../sinks/corpus.js';
import { writeFileAtomic } from '../sinks/json.js';
import { CorpusDatabase } from '../sinks/sqlite.js';
import { Manifest, type ManifestEntry } from './manifest.js';
import { WorkerPool } from './workers.js';

export interface BatchOptions {
  out: string;
  /** Worker threads (files in flight); defaults to the number of cores. */
  concurrency?: number;
  /** Resource limits replaced for this run (src/limits.ts); they win over the three fields below. */
  limits?: Partial<Limits>;
  /** Per-file time limit, ms (limits.seconds). */
  timeoutMs?: number;
  /** limits.bytes */
  maxBytes?: number;
  /** limits.pages */
  maxPages?: number;
  /** The SQLite database file, or false for none. Defaults to <out>/corpus.sqlite. */
  database?: string | false;
  /** Write documents.jsonl, tasks.csv, targets.csv (default true). */
  corpus?: boolean;
  onEvent?: (e: BatchEvent) => void;
}

export interface FileEvent {
  path: string;
  status: 'ok' | 'unsupported' | 'error' | 'skipped';
  format?: string;
  pages?: number | null;
  code?: string;
  message?: string;
  ms: number;
  counts?: { tasks: number; targets: number; references: number; tables: number };
}

export type BatchEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; file: FileEvent; done: number; total: number; pages: number }
  | { type: 'done'; summary: BatchSummary };

export interface BatchSummary {
  total: number;
  ok: number;
  skipped: number;
  unsupported: number;
  failed: number;
  pages: number;
  seconds: number;
  outputs: string[];
}

/** sha256 of a file, streamed: an archive's large scans are never read whole into memory for this. */
function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

const readDoc = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as DocumentJson;

export async function runBatch(inputs: string[], options: BatchOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const out = path.resolve(options.out);
  const files = await discover(inputs);
  const emit = options.onEvent ?? (() => {});
  emit({ type: 'start', total: files.length });
  const manifest = await Manifest.open(out);
  // Temporary files of a killed run are debris: clear them before starting.
  const tmpDir = path.join(out, '.vnplans', 'tmp');
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  const db = options.database === false ? null : new CorpusDatabase(options.database ?? path.join(out, 'corpus.sqlite'));
  const size = Math.max(1, options.concurrency ?? os.availableParallelism());
  const limits = resolveLimits({
    bytes: options.maxBytes,
    pages: options.maxPages,
    seconds: options.timeoutMs === undefined ? undefined : options.timeoutMs / 1000,
    ...options.limits,
  });
  const pool = new WorkerPool({ size, timeoutMs: limits.seconds * 1000, maxHeapMb: limits.heapMb, recycleAfter: 2_000 });
  // Twice as many files in hand as workers: the next file is hashed and checked against the manifest
  // while the workers are busy, so a worker never waits on the main thread between files.
  const queue = new PQueue({ concurrency: size * 2 });
  const counts = { ok: 0, skipped: 0, unsupported: 0, failed: 0, pages: 0, done: 0 };

  const finish = (file: FileEvent) => {
    counts.done++;
    if (file.status === 'error') counts.failed++;
    else counts[file.status]++;
    counts.pages += file.pages ?? 0;
    emit({ type: 'file', file, done: counts.done, total: files.length, pages: counts.pages });
  };

  const one = async (f: { file: string; rel: string }, id: number) => {
    const start = performance.now();
    let sha: string;
    try {
      sha = await hashFile(f.file);
    } catch (e) {
      finish({ path: f.rel, status: 'error', code: 'input/unreadable', message: e instanceof Error ? e.message : String(e), ms: performance.now() - start });
      return;
    }
    if (manifest.isCurrent(f.rel, sha, PIPELINE_VERSION, out)) {
      const e = manifest.get(f.rel)!;
      // The database may lag behind the files (a run killed between the two, or a new database).
      if (db && e.status === 'ok' && e.output && db.current(f.rel)?.sha256 !== sha) db.upsert(readDoc(path.join(out, e.output)));
      finish({ path: f.rel, status: 'skipped', format: e.format, pages: e.pages ?? null, ms: performance.now() - start });
      return;
    }
    const r = await pool.run({
      id,
      file: f.file,
      rel: f.rel,
      sha256: sha,
      out,
      tmpDir,
      limits,
      wantDocument: !!db,
    });
    const entry: ManifestEntry = { path: f.rel, sha256: sha, pipelineVersion: PIPELINE_VERSION, status: r.status };
    if (r.format) entry.format = r.format;
    if (r.output) entry.output = path.relative(out, r.output);
    if (r.pages !== undefined) entry.pages = r.pages;
    if (r.code) entry.code = r.code;
    if (r.message) entry.message = r.message;
    if (db && r.status === 'ok' && r.json) db.upsert(JSON.parse(r.json) as DocumentJson);
    else if (db && r.status !== 'ok') db.remove(f.rel);
    manifest.record(entry);
    finish({
      path: f.rel,
      status: r.status,
      ...(r.format ? { format: r.format } : {}),
      ...(r.pages !== undefined ? { pages: r.pages } : {}),
      ...(r.code ? { code: r.code, message: r.message ?? '' } : {}),
      ...(r.counts ? { counts: r.counts } : {}),
      ms: performance.now() - start,
    });
  };

  try {
    for (const [i, f] of files.entries()) {
      // Back-pressure: only a few files wait beyond those in flight, however large the archive.
      await queue.onSizeLessThan(size * 2);
      void queue.add(() => one(f, i));
    }
    await queue.onIdle();
  } finally {
    await pool.close();
    manifest.close();
    db?.close();
  }

  // The corpus outputs and the error list, rebuilt from the manifest of this input set in path
  // order: the same inputs give the same bytes, whether the run was interrupted or not.
  const inputSet = new Set(files.map((f) => f.rel));
  const entries = manifest.all().filter((e) => inputSet.has(e.path));
  const outputs: string[] = [];
  if (options.corpus !== false) {
    const writer = new CorpusWriter(out, tmpDir);
    for (const e of entries) if (e.status === 'ok' && e.output && existsSync(path.join(out, e.output))) writer.add(readDoc(path.join(out, e.output)));
    outputs.push(...writer.close());
  }
  const errors = entries.filter((e) => e.status !== 'ok').map((e) => JSON.stringify({ path: e.path, status: e.status, code: e.code, message: e.message, sha256: e.sha256 }) + '\n');
  const errorsFile = path.join(out, 'errors.jsonl');
  await writeFileAtomic(errorsFile, errors.join(''), tmpDir);
  outputs.push(errorsFile);

  const summary: BatchSummary = {
    total: files.length,
    ok: counts.ok,
    skipped: counts.skipped,
    unsupported: counts.unsupported,
    failed: counts.failed,
    pages: counts.pages,
    seconds: (performance.now() - t0) / 1000,
    outputs,
  };
  emit({ type: 'done', summary });
  return summary;
}
