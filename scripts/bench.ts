// npm run bench: the batch over a synthetic archive built from the fixtures, at 10× and 100× the
// fixture count (files/s, pages/s, peak RSS, time per file), and on the text PDFs alone, in the
// same run: the whole pipeline against bare pdfjs-dist getTextContent and against pdftotext.
//   node dist/scripts/bench.js [--scales 10,100] [--pdf-copies 100] [--concurrency N] [--out output/bench]
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../src/batch/run.js';
import { openPdf } from '../src/extract/pdf/load.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLES = path.join(ROOT, 'fixtures', 'samples');
const { values } = parseArgs({
  options: { scales: { type: 'string', default: '10,100' }, 'pdf-copies': { type: 'string', default: '100' }, concurrency: { type: 'string' }, out: { type: 'string', default: 'output/bench' } },
});
const OUT = path.resolve(values.out!);
const concurrency = values.concurrency ? Number(values.concurrency) : os.availableParallelism();

/** Text-bearing fixtures (the scans are OCR's benchmark, npm run bench:ocr). */
function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const s of readdirSync(SAMPLES).sort())
    for (const f of ['plan.pdf', 'plan.docx', 'source.txt']) {
      const p = path.join(SAMPLES, s, f);
      try {
        readFileSync(p);
        out.push(p);
      } catch {
        /* not every sample has every format */
      }
    }
  return out;
}

/** Copies with varied bytes (a trailing comment or blank line), so no two inputs are the same file. */
function buildArchive(dir: string, scale: number, files: string[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  const made: string[] = [];
  for (let i = 0; i < scale; i++)
    for (const f of files) {
      const rel = path.join(`copy${String(i).padStart(3, '0')}`, path.basename(path.dirname(f)), path.basename(f));
      const dest = path.join(dir, rel);
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(f, dest);
      if (f.endsWith('.pdf')) appendFileSync(dest, `\n%vnplans bench copy ${i}\n`);
      else if (f.endsWith('.txt')) appendFileSync(dest, '\n'.repeat(1 + (i % 3)));
      made.push(dest);
    }
  return made;
}

async function barePdfjs(pdfs: string[]): Promise<{ seconds: number; pages: number }> {
  const t0 = performance.now();
  let pages = 0;
  for (const f of pdfs) {
    const doc = await openPdf(new Uint8Array(readFileSync(f)));
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getTextContent();
      page.cleanup();
      pages++;
    }
    await doc.destroy();
  }
  return { seconds: (performance.now() - t0) / 1000, pages };
}

function pdftotext(pdfs: string[]): number | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const t0 = performance.now();
  for (const f of pdfs) execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
  return (performance.now() - t0) / 1000;
}

const rss = () => process.resourceUsage().maxRSS / 1024; // MiB (maxRSS is in KiB)

async function main(): Promise<void> {
  const files = fixtureFiles();
  const results: Record<string, unknown>[] = [];
  const rows: string[] = [];
  // 1. Text PDFs alone: the pipeline against pdfjs-dist's bare text and pdftotext over the same
  // files. Enough copies that worker start-up (module loading, ~0.6 s a thread) is amortised as in
  // a real archive. The pipeline runs twice: one worker (the per-thread cost of everything past
  // getTextContent) and the default pool sized to the cores (what a user gets).
  const pdfDir = path.join(OUT, 'pdf-archive');
  const pdfs = buildArchive(pdfDir, Number(values['pdf-copies']), files.filter((f) => f.endsWith('.pdf')));
  const bare = await barePdfjs(pdfs);
  const barePagesPerS = bare.pages / bare.seconds;
  const popplerSeconds = pdftotext(pdfs);
  const popplerPagesPerS = popplerSeconds ? bare.pages / popplerSeconds : null;
  for (const workers of [...new Set([1, concurrency])]) {
    const outDir = path.join(OUT, `pdf-out-${workers}`);
    rmSync(outDir, { recursive: true, force: true });
    const pipe = await runBatch([pdfDir], { out: outDir, concurrency: workers, database: false, corpus: false });
    const pipePagesPerS = pipe.pages / pipe.seconds;
    const pdf = {
      files: pdfs.length,
      pages: pipe.pages,
      workers,
      pipelinePagesPerS: +pipePagesPerS.toFixed(1),
      pdfjsTextPagesPerS: +barePagesPerS.toFixed(1),
      ratioToPdfjs: +(pipePagesPerS / barePagesPerS).toFixed(2),
      pdftotextPagesPerS: popplerPagesPerS ? +popplerPagesPerS.toFixed(1) : null,
      ratioToPdftotext: popplerPagesPerS ? +(pipePagesPerS / popplerPagesPerS).toFixed(3) : null,
    };
    results.push({ run: `text-pdf, ${workers} worker(s)`, ...pdf });
    rows.push(
      `text PDFs (${pdf.files} files, ${pdf.pages} pages), pipeline on ${workers} worker thread(s): ${pdf.pipelinePagesPerS} p/s · ` +
        `bare pdfjs getTextContent, 1 thread: ${pdf.pdfjsTextPagesPerS} p/s (×${pdf.ratioToPdfjs}) · pdftotext, 1 process: ${pdf.pdftotextPagesPerS ?? 'n/a'} p/s (×${pdf.ratioToPdftotext ?? 'n/a'})`,
    );
    rmSync(outDir, { recursive: true, force: true });
  }

  // 2. The whole archive at growing scales, all workers, database and corpus files on.
  for (const scale of values.scales!.split(',').map(Number)) {
    const dir = path.join(OUT, `archive-${scale}`);
    const made = buildArchive(dir, scale, files);
    const out = path.join(OUT, `out-${scale}`);
    rmSync(out, { recursive: true, force: true });
    const s = await runBatch([dir], { out, concurrency });
    const r = {
      run: `archive ×${scale}`,
      files: made.length,
      pages: s.pages,
      seconds: +s.seconds.toFixed(1),
      filesPerS: +(made.length / s.seconds).toFixed(1),
      pagesPerS: +(s.pages / s.seconds).toFixed(1),
      msPerFile: +((s.seconds * 1000) / made.length).toFixed(1),
      peakRssMiB: Math.round(rss()),
      failed: s.failed,
    };
    results.push(r);
    rows.push(`${r.run}: ${r.files} files, ${r.pages} pages in ${r.seconds} s · ${r.filesPerS} files/s · ${r.pagesPerS} pages/s · ${r.msPerFile} ms/file · peak RSS ${r.peakRssMiB} MiB · ${r.failed} failed`);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(pdfDir, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({ concurrency, cores: os.availableParallelism(), results }, null, 2) + '\n');
  process.stdout.write(`${rows.join('\n')}\n(concurrency ${concurrency}; results in ${path.relative(process.cwd(), path.join(OUT, 'bench.json'))})\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
