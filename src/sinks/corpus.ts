// Corpus outputs built from the per-file documents: documents.jsonl (one document per line),
// tasks.csv and targets.csv (one row per task / target, with the document they come from).
// They are rebuilt whole from the per-file JSON at the end of a run, so a re-run or a resumed
// run gives the same bytes as an uninterrupted one.
import type { DocumentJson } from '../document/schema.js';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { BOM, csvFile, csvRow } from './csv.js';

type Agencies = DocumentJson['tasks'][number]['lead'];
const names = (list: Agencies) => list.map((a) => a.name).join('; ');
const docNumber = (d: DocumentJson) => [d.meta.number, d.meta.symbol].filter(Boolean).join('/') || null;

/** Documents in a stable order: by their source path. */
const byPath = (docs: DocumentJson[]) => [...docs].sort((a, b) => (a.source.path < b.source.path ? -1 : a.source.path > b.source.path ? 1 : 0));

export function documentsJsonl(docs: DocumentJson[]): string {
  return byPath(docs).map((d) => JSON.stringify(d) + '\n').join('');
}

export const TASK_COLUMNS = [
  'document', 'issuer', 'number', 'issued_date', 'task_id', 'text', 'lead', 'lead_source', 'lead_inferred', 'support',
  'executors', 'deadline_kind', 'deadline_end', 'deadline_label', 'index', 'page', 'start', 'end',
];

export const taskRows = (d: DocumentJson): unknown[][] =>
    d.tasks.map((t) => [
      d.source.path, d.meta.issuer, docNumber(d), d.meta.issuedDate, t.id, t.text, names(t.lead), t.leadSource ?? null, t.inferred ?? false,
      names(t.support), names(t.executors), t.deadline?.kind ?? null, t.deadline?.end ?? null, t.deadline?.label ?? null, t.index,
      t.provenance.page, t.provenance.start, t.provenance.end,
    ]);

export function tasksCsv(docs: DocumentJson[]): string {
  return csvFile(TASK_COLUMNS, byPath(docs).flatMap(taskRows));
}

export const TARGET_COLUMNS = [
  'document', 'issuer', 'target_id', 'metric', 'comparator', 'value', 'value_max', 'unit', 'year', 'baseline_value', 'baseline_unit',
  'baseline_year', 'index', 'task_id', 'text', 'page', 'start', 'end',
];

export const targetRows = (d: DocumentJson): unknown[][] =>
    d.targets.map((t) => [
      d.source.path, d.meta.issuer, t.id, t.metric, t.comparator, t.value, t.valueMax ?? null, t.unit, t.year ?? null, t.baseline?.value ?? null,
      t.baseline?.unit ?? null, t.baseline?.year ?? null, t.index ?? null, t.taskId ?? null, t.text, t.provenance.page, t.provenance.start,
      t.provenance.end,
    ]);

export function targetsCsv(docs: DocumentJson[]): string {
  return csvFile(TARGET_COLUMNS, byPath(docs).flatMap(targetRows));
}

/**
 * The corpus files written document by document (memory stays flat however large the archive):
 * into temporary files renamed into place on close, so readers never see half a file.
 */
export class CorpusWriter {
  private readonly files: { final: string; tmp: string; fd: number }[];

  constructor(outDir: string, tmpDir: string = outDir) {
    const open = (name: string, head: string) => {
      const final = path.join(outDir, name);
      const tmp = path.join(tmpDir, `.${name}.${process.pid}.tmp`);
      const fd = openSync(tmp, 'w');
      writeSync(fd, head);
      return { final, tmp, fd };
    };
    this.files = [
      open('documents.jsonl', ''),
      open('tasks.csv', BOM + csvRow(TASK_COLUMNS)),
      open('targets.csv', BOM + csvRow(TARGET_COLUMNS)),
    ];
  }

  /** Add one document; call in a stable order (by source path) for reproducible files. */
  add(doc: DocumentJson): void {
    const [docs, tasks, targets] = this.files as [typeof this.files[0], typeof this.files[0], typeof this.files[0]];
    writeSync(docs.fd, JSON.stringify(doc) + '\n');
    for (const r of taskRows(doc)) writeSync(tasks.fd, csvRow(r));
    for (const r of targetRows(doc)) writeSync(targets.fd, csvRow(r));
  }

  close(): string[] {
    for (const f of this.files) {
      closeSync(f.fd);
      renameSync(f.tmp, f.final);
    }
    return this.files.map((f) => f.final);
  }
}
