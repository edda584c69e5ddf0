// The per-file document JSON of an output folder, one at a time and in source-path order: from the
// run manifest where there is one, otherwise from a walk of the folder for files that are documents.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentJson } from '../document/schema.js';
import { outputPathFor } from '../sinks/json.js';

const CORPUS_FILES = new Set(['documents.jsonl', 'errors.jsonl', 'tasks.csv', 'targets.csv']);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Is this parsed JSON a vnplans document (and not some other JSON that sits in the folder)? */
export function isDocument(x: unknown): x is DocumentJson {
  const d = x as Partial<DocumentJson> | null;
  return !!d && typeof d === 'object' && typeof d.schemaVersion === 'string' && typeof d.source?.path === 'string' && Array.isArray(d.tasks);
}

/** A path relative to the folder, or null where it would leave the folder. */
export function inside(folder: string, rel: string): string | null {
  const root = path.resolve(folder);
  const target = path.resolve(root, rel);
  return target.startsWith(root + path.sep) ? target : null;
}

/** The manifest's ok entries: source path → output file (absolute, inside the folder). */
function manifestOutputs(folder: string): Map<string, string> | null {
  const file = path.join(folder, '.vnplans', 'manifest.jsonl');
  if (!existsSync(file)) return null;
  const out = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as { path?: string; status?: string; output?: string };
      if (typeof e.path !== 'string') continue;
      // A later line for the same input replaces an earlier one (a re-run that now fails drops it).
      const file = e.status === 'ok' && typeof e.output === 'string' ? inside(folder, e.output) : null;
      if (file) out.set(e.path, file);
      else out.delete(e.path);
    } catch {
      // a torn last line
    }
  }
  return out;
}

/** Every *.json under the folder (dot folders skipped), relative paths sorted. */
function walk(folder: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.isFile() && e.name.endsWith('.json') && !CORPUS_FILES.has(e.name)) out.push(path.relative(folder, full));
    }
  };
  visit(folder);
  return out.sort(cmp).map((rel) => path.join(folder, rel));
}

/** The document files of an output folder, in source-path order. */
export function documentFiles(folder: string): string[] {
  const root = path.resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`not a folder: ${folder}`);
  const manifest = manifestOutputs(root);
  if (manifest && manifest.size) return [...manifest.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, f]) => f).filter((f) => existsSync(f));
  return walk(root);
}

export function readDocument(file: string): DocumentJson | null {
  try {
    const x: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isDocument(x) ? x : null;
  } catch {
    return null;
  }
}

/** The documents of an output folder, one at a time (memory stays flat), in source-path order. */
export function* iterateDocuments(folder: string): Generator<DocumentJson> {
  for (const f of documentFiles(folder)) {
    const d = readDocument(f);
    if (d) yield d;
  }
}

/**
 * Finds a document's JSON by its source path, for the report's snippets: the database holds no
 * text. Keeps the last document read, since the report asks document by document.
 */
export class DocumentLookup {
  private last: { path: string; doc: DocumentJson | null } | null = null;
  private manifest: Map<string, string> | null | undefined;

  constructor(private readonly folder: string | null) {}

  get(sourcePath: string): DocumentJson | null {
    if (this.last?.path === sourcePath) return this.last.doc;
    let doc: DocumentJson | null = null;
    if (this.folder) {
      if (this.manifest === undefined) this.manifest = manifestOutputs(this.folder);
      let file = this.manifest?.get(sourcePath);
      if (!file) {
        try {
          file = outputPathFor(this.folder, sourcePath);
        } catch {
          file = undefined; // a path that would leave the folder: no snippet
        }
      }
      if (file && existsSync(file)) doc = readDocument(file);
      if (doc && doc.source.path !== sourcePath) doc = null;
    }
    this.last = { path: sourcePath, doc };
    return doc;
  }
}
