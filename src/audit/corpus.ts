// The corpus the audit reads: an output folder's corpus.sqlite, a database file named directly, or,
// for a folder without one, its per-file JSON loaded into an in-memory database of the same schema.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentJson } from '../document/schema.js';
import { CorpusDatabase } from '../sinks/sqlite.js';
import { DocumentLookup, iterateDocuments } from './documents.js';

/** Finds a document (its text, its findings' offsets) by source path. */
export interface DocumentSource {
  get(sourcePath: string): DocumentJson | null;
}

export interface OpenCorpus {
  db: Database.Database;
  /** Where the per-file JSON is looked for (snippets), or null. */
  folder: string | null;
  /** What was opened, for the report's header. */
  label: string;
  documents: DocumentSource;
  close(): void;
}

/** A corpus held in memory: documents at hand (tests, or a caller that already has them). */
export function corpusOf(docs: Iterable<DocumentJson>, label = 'documents'): OpenCorpus {
  const memory = new CorpusDatabase(':memory:');
  const byPath = new Map<string, DocumentJson>();
  for (const d of docs) {
    memory.upsert(d);
    byPath.set(d.source.path, d);
  }
  return { db: memory.db, folder: null, label, documents: { get: (p) => byPath.get(p) ?? null }, close: () => memory.close() };
}

function openFile(file: string): Database.Database {
  // Read-only: the audit never writes the corpus. A WAL database needs its -shm beside it to be
  // opened read-only; where that cannot be had, open it normally (nothing is written all the same).
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM documents').get();
    return db;
  } catch (e) {
    if (e instanceof Error && /no such table/.test(e.message)) throw new Error(`not a vnplans corpus database: ${file}`);
    return new Database(file, { fileMustExist: true });
  }
}

export function openCorpus(input: string): OpenCorpus {
  const resolved = path.resolve(input);
  if (!existsSync(resolved)) throw new Error(`no such file or folder: ${input}`);
  if (statSync(resolved).isFile()) {
    const db = openFile(resolved);
    const folder = path.dirname(resolved);
    return { db, folder, label: input, documents: new DocumentLookup(folder), close: () => db.close() };
  }
  const file = path.join(resolved, 'corpus.sqlite');
  if (existsSync(file)) {
    const db = openFile(file);
    return { db, folder: resolved, label: input, documents: new DocumentLookup(resolved), close: () => db.close() };
  }
  // No database: build one in memory from the folder's documents.
  const memory = new CorpusDatabase(':memory:');
  let n = 0;
  for (const doc of iterateDocuments(resolved)) {
    memory.upsert(doc);
    n++;
  }
  if (!n) {
    memory.close();
    throw new Error(`no corpus.sqlite and no vnplans documents in ${input}`);
  }
  return { db: memory.db, folder: resolved, label: input, documents: new DocumentLookup(resolved), close: () => memory.close() };
}
