// npm run bench: the batch over a synthetic archive built from the fixtures, at 10× and 100× the
// fixture count (files/s, pages/s, peak RSS, time per file), and on the text PDFs alone, in the
// same run: the whole pipeline against bare pdfjs-dist getTextContent and against pdftotext.
//   node dist/scripts/bench.js [--scales 10,100] [--pdf-copies 200] [--rounds 3] [--concurrency N] [--out output/bench]
import { execFile, execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../src/batch/run.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLES = path.join(ROOT, 'fixtures', 'samples');
const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '10,100' },
    'pdf-copies': { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string' },
    out: { type: 'string', default: 'output/bench' },
  },
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

/**
 * Bare pdfjs-dist getTextContent over the files, on `threads` worker threads (files dealt out in
 * turn), timed from the threads' start to the last one's end, as the pipeline's batch is timed.
 */
async function barePdfjs(pdfs: string[], threads: number): Promise<{ seconds: number; pages: number }> {
  const script = fileURLToPath(new URL('./bench-bare-worker.js', import.meta.url));
  const t0 = performance.now();
  const counts = await Promise.all(
    Array.from({ length: threads }, (_, k) =>
      new Promise<number>((resolve, reject) => {
        const w = new Worker(script, { workerData: pdfs.filter((_, i) => i % threads === k) });
        w.once('message', (n: number) => resolve(n));
        w.once('error', reject);
      }),
    ),
  );
  return { seconds: (performance.now() - t0) / 1000, pages: counts.reduce((a, b) => a + b, 0) };
}

/** pdftotext over the files, `procs` processes at a time; null when poppler-utils is not installed. */
async function pdftotext(pdfs: string[], procs: number): Promise<number | null> {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < pdfs.length) {
      const f = pdfs[next++]!;
      await new Promise<void>((resolve, reject) =>
        execFile('pdftotext', ['-layout', f, '-'], { maxBuffer: 64 * 2 ** 20 }, (e) => (e ? reject(e) : resolve())),
      );
    }
  };
  await Promise.all(Array.from({ length: procs }, lane));
  return (performance.now() - t0) / 1000;
}

const rss = () => process.resourceUsage().maxRSS / 1024; // MiB (maxRSS is in KiB)

async function main(): Promise<void> {
  const files = fixtureFiles();
  const results: Record<string, unknown>[] = [];
  const rows: string[] = [];
  // 1. Text PDFs alone: the pipeline against pdfjs-dist's bare getTextContent on as many threads,
  // and against pdftotext, over the same files. Enough copies that worker start-up (module
  // loading, ~0.6 s a thread) is amortised as in a real archive. Both run once on one thread (the
  // per-thread cost of everything past getTextContent) and once on the default pool sized to the
  // cores (what a user gets); each measurement is taken `rounds` times, the two taking turns, and
  // the best of each is kept, so that a slow spell of the machine does not fall on one side only.
  const pdfDir = path.join(OUT, 'pdf-archive');
  const pdfs = buildArchive(pdfDir, Number(values['pdf-copies']), files.filter((f) => f.endsWith('.pdf')));
  const rounds = Math.max(1, Number(values.rounds));
  for (const workers of [...new Set([1, concurrency])]) {
    const outDir = path.join(OUT, `pdf-out-${workers}`);
    let bare = { seconds: Infinity, pages: 0 };
    let pipe = { seconds: Infinity, pages: 0 };
    for (let r = 0; r < rounds; r++) {
      const b = await barePdfjs(pdfs, workers);
      if (b.seconds < bare.seconds) bare = b;
      rmSync(outDir, { recursive: true, force: true });
      const p = await runBatch([pdfDir], { out: outDir, concurrency: workers, database: false, corpus: false });
      if (p.seconds < pipe.seconds) pipe = p;
      rmSync(outDir, { recursive: true, force: true });
    }
    const barePagesPerS = bare.pages / bare.seconds;
    const pipePagesPerS = pipe.pages / pipe.seconds;
    const popplerSeconds = await pdftotext(pdfs, workers);
    const popplerPagesPerS = popplerSeconds ? bare.pages / popplerSeconds : null;
    const pdf = {
      files: pdfs.length,
      pages: pipe.pages,
      workers,
      rounds,
      pipelinePagesPerS: +pipePagesPerS.toFixed(1),
      pdfjsTextPagesPerS: +barePagesPerS.toFixed(1),
      ratioToPdfjs: +(pipePagesPerS / barePagesPerS).toFixed(2),
      pdftotextPagesPerS: popplerPagesPerS ? +popplerPagesPerS.toFixed(1) : null,
      ratioToPdftotext: popplerPagesPerS ? +(pipePagesPerS / popplerPagesPerS).toFixed(3) : null,
    };
    results.push({ run: `text-pdf, ${workers} worker(s)`, ...pdf });
    rows.push(
      `text PDFs (${pdf.files} files, ${pdf.pages} pages), ${workers} thread(s), best of ${rounds}: pipeline ${pdf.pipelinePagesPerS} p/s · ` +
        `bare pdfjs getTextContent ${pdf.pdfjsTextPagesPerS} p/s (pipeline ×${pdf.ratioToPdfjs}) · pdftotext, ${workers} process(es): ${pdf.pdftotextPagesPerS ?? 'n/a'} p/s (pipeline ×${pdf.ratioToPdftotext ?? 'n/a'})`,
    );
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
