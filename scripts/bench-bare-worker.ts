// npm run bench's yardstick thread: bare pdfjs-dist getTextContent over the files it is given,
// on the same loader as the pipeline (src/extract/pdf/load.ts), nothing else. Run as a worker
// thread so that the yardstick and the pipeline run on the same number of threads.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openPdf } from '../src/extract/pdf/load.js';

const files = workerData as string[];
let pages = 0;
for (const f of files) {
  const doc = await openPdf(new Uint8Array(readFileSync(f)));
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    await page.getTextContent();
    page.cleanup();
    pages++;
  }
  await doc.destroy();
}
parentPort!.postMessage(pages);
