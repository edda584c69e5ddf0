// `vnplans export`: the documents of an output folder as one file for other systems — JSON lines
// (the documents whole, as `vnplans schema` describes them), the task CSV (as the corpus's
// tasks.csv), or XML (xml.ts). Written document by document into a temporary file renamed into
// place, so memory stays flat and a reader never sees half a file.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { iterateDocuments } from '../audit/documents.js';
import type { DocumentJson } from '../document/schema.js';
import { TASK_COLUMNS, taskRows } from '../sinks/corpus.js';
import { BOM, csvRow } from '../sinks/csv.js';
import { documentXml, XML_HEAD, XML_TAIL } from './xml.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Writer {
  head: string;
  doc: (d: DocumentJson) => string;
  tail: string;
}

const WRITERS: Record<ExportFormat, Writer> = {
  jsonl: { head: '', doc: (d) => JSON.stringify(d) + '\n', tail: '' },
  csv: { head: BOM + csvRow(TASK_COLUMNS), doc: (d) => taskRows(d).map(csvRow).join(''), tail: '' },
  xml: { head: XML_HEAD, doc: (d) => documentXml(d), tail: XML_TAIL },
};

/**
 * Where an export or report may be written: a file path (not a folder), and never the corpus
 * database or a file inside the output folder's own bookkeeping.
 */
export function checkOutputFile(out: string, folder?: string): string {
  const file = path.resolve(out);
  if (existsSync(file) && statSync(file).isDirectory()) throw new Error(`--out names a folder, not a file: ${out}`);
  if (/\.sqlite(?:-wal|-shm)?$/i.test(file)) throw new Error(`refusing to overwrite a database: ${out}`);
  if (folder) {
    const inner = path.join(path.resolve(folder), '.vnplans') + path.sep;
    if (file.startsWith(inner)) throw new Error(`refusing to write into the run's bookkeeping folder: ${out}`);
  }
  return file;
}

/** Write a file from chunks, atomically (temporary file beside it, then rename). */
export function writeChunks(file: string, chunks: Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    for (const c of chunks) if (c) writeSync(fd, c);
    closeSync(fd);
    renameSync(tmp, file);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}

export interface ExportResult {
  file: string;
  documents: number;
}

export function exportCorpus(folder: string, format: ExportFormat, out: string): ExportResult {
  const w = WRITERS[format];
  if (!w) throw new Error(`unknown export format "${String(format)}" (${EXPORT_FORMATS.join(', ')})`);
  const file = checkOutputFile(out, folder);
  let documents = 0;
  function* chunks() {
    yield w.head;
    for (const d of iterateDocuments(folder)) {
      documents++;
      yield w.doc(d);
    }
    yield w.tail;
  }
  writeChunks(file, chunks());
  if (!documents) {
    rmSync(file, { force: true });
    throw new Error(`no vnplans documents in ${folder}`);
  }
  return { file, documents };
}
