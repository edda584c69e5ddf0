// Messages between the batch's main thread and its worker threads.
import type { Limits } from '../limits.js';

export interface Job {
  id: number;
  /** Absolute input path. */
  file: string;
  /** Input path relative to the input root. */
  rel: string;
  /** The input's sha256, computed once by the main thread for the manifest. */
  sha256: string;
  out: string;
  /** Where temporary files go before they are renamed into place. */
  tmpDir: string;
  /** The run's resource limits, resolved (src/limits.ts). */
  limits: Limits;
  /** Send the document JSON back (for the database). */
  wantDocument: boolean;
}

export interface JobResult {
  id: number;
  status: 'ok' | 'unsupported' | 'error';
  format?: string;
  output?: string;
  pages?: number | null;
  json?: string | undefined;
  counts?: { tasks: number; targets: number; references: number; tables: number };
  code?: string;
  message?: string;
  /** The worker's heap in use after the file, MiB: the pool recycles a worker that keeps growing. */
  heapMb?: number;
}
