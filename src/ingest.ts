// Ingest: find input files, run each through its pipeline, write <out>/<relative path>.json.
// One bad file fails alone with a clear reason; the batch goes on.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sniff } from './detect/sniff.js';
import { outputPathFor, writeJson } from './sinks/json.js';
import { pipelineFor, runPipeline, UnsupportedError } from '../pipelines/index.js';
import type { DocumentJson } from './document/schema.js';
import { OcrPool } from './extract/ocr/engine.js';
import { resolveLimits, type Limits } from './limits.js';

export interface InputFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the input root it was found under (its output path is <out>/<rel>.json). */
  rel: string;
}

export type FileStatus = 'ok' | 'unsupported' | 'error';

export interface FileResult {
  rel: string;
  status: FileStatus;
  format?: string;
  output?: string;
  code?: string;
  message?: string;
  ms: number;
  summary?: { pages: number | null; tasks: number; targets: number; references: number; tables: number };
}

export interface IngestOptions {
  out: string;
  /** Limits replaced for this run (the rest keep their defaults, src/limits.ts). */
  limits?: Partial<Limits>;
  /** Same as limits.bytes (kept for callers from before limits). */
  maxBytes?: number;
  /** Same as limits.pages. */
  maxPages?: number;
  onResult?: (r: FileResult) => void;
  /** OCR workers to use (and leave running); without it ingest makes a pool and terminates it at the end. */
  ocrPool?: OcrPool;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/**
 * The folder input paths are made relative to: the folder itself for one folder, otherwise the
 * deepest folder that holds every input (so two inputs never map to the same output path).
 */
export function commonRoot(absInputs: { path: string; isDir: boolean }[]): string {
  if (absInputs.length === 1 && absInputs[0]!.isDir) return absInputs[0]!.path;
  const dirs = absInputs.map((i) => (i.isDir ? i.path : path.dirname(i.path)));
  let root = dirs[0] ?? process.cwd();
  for (const d of dirs.slice(1)) {
    while (d !== root && !d.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) root = path.dirname(root);
  }
  return root;
}

/** Expand files and folders into input files, each with its path relative to the common root. */
export async function discover(inputs: string[]): Promise<InputFile[]> {
  const resolved = await Promise.all(
    inputs.map(async (input) => {
      const abs = path.resolve(input);
      const st = await lstat(abs);
      const isDir = st.isDirectory() || (st.isSymbolicLink() && (await stat(abs)).isDirectory());
      return { path: abs, isDir };
    }),
  );
  const root = commonRoot(resolved);
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = (full: string) => {
    if (seen.has(full)) return;
    seen.add(full);
    out.push({ file: full, rel: path.relative(root, full) });
  };
  const visit = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await visit(full);
      } else if (e.isFile()) add(full);
    }
  };
  for (const r of resolved) {
    if (r.isDir) await visit(r.path);
    else add(r.path);
  }
  return out;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Process one file into its document JSON (no writing). */
export async function processFile(
  bytes: Uint8Array,
  rel: string,
  options: { maxPages?: number; limits?: Limits; ocr?: OcrPool; /** The bytes' sha256, when the caller has it already. */ sha256?: string } = {},
): Promise<{ doc: DocumentJson; format: string }> {
  const sniffed = sniff(bytes);
  const pipeline = pipelineFor(sniffed);
  if (pipeline instanceof UnsupportedError) throw pipeline;
  const limits = options.limits ?? resolveLimits(options.maxPages !== undefined ? { pages: options.maxPages } : {});
  const doc = await runPipeline(pipeline, { bytes, path: rel, sha256: options.sha256 ?? sha256(bytes) }, { ...options, limits, maxPages: limits.pages });
  return { doc, format: sniffed.format };
}

/** Read one input, refusing files over the size limit before reading them. */
export async function readInput(file: string, maxBytes: number): Promise<Uint8Array> {
  checkInputSize((await stat(file)).size, maxBytes);
  return new Uint8Array(await readFile(file));
}

function checkInputSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw Object.assign(new Error(`file too large: ${size} bytes (limit ${maxBytes})`), { code: 'input/too-large' });
}

/** readInput in one synchronous call (a batch worker thread reads one file at a time). */
export function readInputSync(file: string, maxBytes: number): Uint8Array {
  checkInputSize(statSync(file).size, maxBytes);
  return new Uint8Array(readFileSync(file));
}

/** What a failure of one file is reported as: unsupported or error, with a code and a message. */
export function failureOf(e: unknown): { status: 'unsupported' | 'error'; code: string; message: string } {
  const c = (e as { code?: unknown })?.code;
  return {
    status: e instanceof UnsupportedError ? 'unsupported' : 'error',
    code: typeof c === 'string' ? c : e instanceof Error ? e.name : 'error',
    message: e instanceof Error ? e.message : String(e),
  };
}

export async function ingest(inputs: string[], options: IngestOptions): Promise<FileResult[]> {
  const files = await discover(inputs);
  const results: FileResult[] = [];
  const limits = resolveLimits({ bytes: options.maxBytes, pages: options.maxPages, ...options.limits });
  // One pool for the whole run: its workers start on the first page that needs OCR.
  const pool = options.ocrPool ?? new OcrPool();
  try {
    for (const f of files) results.push(await ingestOne(f, pool, limits, options));
  } finally {
    if (!options.ocrPool) await pool.terminate();
  }
  return results;
}

async function ingestOne(f: InputFile, pool: OcrPool, limits: Limits, options: IngestOptions): Promise<FileResult> {
  const t0 = performance.now();
  let r: FileResult;
  try {
    const bytes = await readInput(f.file, limits.bytes);
    const { doc, format } = await processFile(bytes, f.rel, { ocr: pool, limits });
    const output = outputPathFor(options.out, f.rel);
    await writeJson(output, doc);
    r = {
      rel: f.rel,
      status: 'ok',
      format,
      output,
      ms: performance.now() - t0,
      summary: {
        pages: doc.source.pages,
        tasks: doc.tasks.length,
        targets: doc.targets.length,
        references: doc.references.length,
        tables: doc.tables.length,
      },
    };
  } catch (e) {
    r = { rel: f.rel, ...failureOf(e), ms: performance.now() - t0 };
  }
  options.onResult?.(r);
  return r;
}
