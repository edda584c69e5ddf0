// A worker thread of the batch: reads one input, runs its pipeline, writes its JSON atomically and
// answers with a summary and the document text (the main thread feeds the database). CPU-heavy
// stages (PDF parsing, OCR) thus run off the main thread, one file per worker at a time.
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { failureOf, processFile, readInputSync } from '../ingest.js';
import { outputPathFor, writeFileAtomicSync } from '../sinks/json.js';
import type { Job, JobResult } from './protocol.js';
import { OcrPool } from '../extract/ocr/engine.js';

// One OCR engine per worker thread, started on the first page that needs it: the batch's threads
// together make a pool sized to the cores, reused across documents, recycled with the thread.
const ocr = new OcrPool({ size: 1 });

async function run(job: Job): Promise<JobResult> {
  try {
    const bytes = readInputSync(job.file, job.limits.bytes);
    const { doc, format } = await processFile(bytes, job.rel, { ocr, sha256: job.sha256, limits: job.limits });
    const output = outputPathFor(job.out, job.rel);
    const json = JSON.stringify(doc, null, 2) + '\n';
    writeFileAtomicSync(output, json, job.tmpDir);
    return { id: job.id, status: 'ok', format, output, pages: doc.source.pages, json: job.wantDocument ? json : undefined, counts: { tasks: doc.tasks.length, targets: doc.targets.length, references: doc.references.length, tables: doc.tables.length } };
  } catch (e) {
    return { id: job.id, ...failureOf(e) };
  }
}

parentPort!.on('message', (job: Job) => {
  void run(job).then((r) => parentPort!.postMessage({ ...r, heapMb: Math.round(getHeapStatistics().used_heap_size / 2 ** 20) }));
});
