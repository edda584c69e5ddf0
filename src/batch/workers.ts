// A pool of worker threads for the file queue: one file per worker at a time, a time limit per
// file (the worker is terminated and replaced when a file overruns), workers recycled after a
// number of files to bound memory that a library might keep.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './protocol.js';

/** The compiled worker script: beside this module in dist/, or dist/ seen from the sources (tests). */
function workerScript(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.join(root, 'dist', 'src', 'batch', 'worker.js');
}

interface Slot {
  worker: Worker;
  busy: boolean;
  done: number;
}

export interface PoolOptions {
  size: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  /** Replace a worker after this many files. */
  recycleAfter?: number;
  /**
   * Replace a worker whose heap in use after a file is above this (MiB). Starting a worker costs
   * about half a second of module loading, so workers are recycled when they grow, not every few files.
   */
  recycleHeapMb?: number;
  /** Heap limit of each worker, in MiB: a runaway file fails alone instead of taking the process down. */
  maxHeapMb?: number;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private readonly script = workerScript();

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 },
    });
    worker.unref();
    return { worker, busy: false, done: 0 };
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot, replace: boolean, heapMb = 0): void {
    let s = slot;
    const grown = heapMb > (this.options.recycleHeapMb ?? 1024);
    if (replace || grown || (this.options.recycleAfter && slot.done >= this.options.recycleAfter)) {
      void slot.worker.terminate();
      s = this.spawn();
      this.slots[this.slots.indexOf(slot)] = s;
    }
    const next = this.waiting.shift();
    if (next) {
      s.busy = true;
      next(s);
    } else s.busy = false;
  }

  /** Run one job; never rejects: crashes and time-outs come back as error results. */
  async run(job: Job): Promise<JobResult> {
    const slot = await this.acquire();
    return new Promise<JobResult>((resolve) => {
      let settled = false;
      const finish = (r: JobResult, replace: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
        slot.done++;
        this.release(slot, replace, r.heapMb);
        resolve(r);
      };
      const onMessage = (r: JobResult) => {
        if (r.id === job.id) finish(r, false);
      };
      const onError = (e: Error) =>
        finish({ id: job.id, status: 'error', code: /heap|memory/i.test(e.message) ? 'input/out-of-memory' : 'worker/crash', message: e.message }, true);
      const onExit = (code: number) => finish({ id: job.id, status: 'error', code: 'worker/exit', message: `worker exited with code ${code}` }, true);
      const timer = setTimeout(
        () => finish({ id: job.id, status: 'error', code: 'input/timeout', message: `no result within ${Math.round(this.options.timeoutMs / 1000)} s` }, true),
        this.options.timeoutMs,
      );
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.on('exit', onExit);
      // Workers are unref'd: the pending timer keeps the process alive while a job runs.
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
