// npm run bench:ocr — tesseract.js (through the pipeline's pool and preprocessing) against the
// native tesseract CLI on the same page images of every fixtures/samples/*/scan.pdf, with the same
// model (tesseract.js's vie best_int, gunzipped) and the same parallelism: N pages at once, one
// thread each (a tesseract.js worker is single-threaded; the CLI gets OMP_THREAD_LIMIT=1).
// Prints seconds per page, the throughput ratio and the character error rate against source.txt.
//   node dist/scripts/bench-ocr.js [--threads N] [--max-pages N] [--samples dir] [--dpi 300]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { OcrPool, PAGE_SEGMENTATION_MODE, type RecognisedPage } from '../src/extract/ocr/engine.js';
import { correctWords } from '../src/correct/index.js';
import { prepareForOcr } from '../src/extract/ocr/index.js';
import { toPgm, type Raster } from '../src/extract/ocr/raster.js';
import { OCR_DPI, renderPage } from '../src/extract/ocr/render.js';
import { vieTraineddataGz } from '../src/extract/ocr/tessdata.js';
import { openPdf } from '../src/extract/pdf/load.js';
import { pagesCer, type CerResult } from '../src/util/cer.js';

const { values } = parseArgs({
  options: {
    threads: { type: 'string' },
    'max-pages': { type: 'string' },
    samples: { type: 'string' },
    dpi: { type: 'string' },
    out: { type: 'string' },
  },
});
const root = process.cwd();
const samplesDir = path.resolve(values.samples ?? path.join(root, 'fixtures', 'samples'));
const threads = Number(values.threads ?? availableParallelism());
const maxPages = values['max-pages'] ? Number(values['max-pages']) : Infinity;
const dpi = Number(values.dpi ?? OCR_DPI);
const outFile = path.resolve(values.out ?? path.join(root, 'output', 'bench-ocr.json'));

interface Page {
  sample: string;
  page: number;
  image: Raster;
  pgm: string;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'vnplans-bench-ocr-'));
try {
  // The same model for the CLI: tesseract.js's gzipped best_int traineddata, gunzipped.
  const tessdata = path.join(tmp, 'tessdata');
  mkdirSync(tessdata);
  writeFileSync(path.join(tessdata, 'vie.traineddata'), gunzipSync(readFileSync(vieTraineddataGz())));

  // 1. Render and clean every page once.
  const pages: Page[] = [];
  const samples = readdirSync(samplesDir).filter((s) => existsSync(path.join(samplesDir, s, 'scan.pdf'))).sort();
  const t0 = performance.now();
  for (const sample of samples) {
    const doc = await openPdf(new Uint8Array(readFileSync(path.join(samplesDir, sample, 'scan.pdf'))), undefined, true);
    try {
      for (let p = 1; p <= Math.min(doc.numPages, maxPages); p++) {
        // What the pipeline hands its engine: deskewed, table grid painted out.
        const image = prepareForOcr(await renderPage(doc, p, dpi)).input;
        const pgm = path.join(tmp, `${sample}-${p}.pgm`);
        writeFileSync(pgm, toPgm(image));
        pages.push({ sample, page: p, image, pgm });
      }
    } finally {
      await doc.destroy();
    }
  }
  console.log(`${pages.length} pages of ${samples.length} scan.pdf rendered at ${dpi} dpi and cleaned in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${threads} pages at a time, 1 thread each, page segmentation mode ${PAGE_SEGMENTATION_MODE} on both`);

  // 2. Both engines on the same batches of N pages, taking turns batch by batch (the one that goes
  // first alternates), so that other load on the machine falls on both alike. tesseract.js runs
  // through the pipeline's pool, its workers started (and the model loaded) before the clock runs;
  // the CLI is one process per page, N at a time.
  // The pipeline's own pool settings (workers recycled as in a real run).
  const pool = new OcrPool({ size: threads });
  const jsText = new Map<Page, string>();
  const jsPages = new Map<Page, RecognisedPage>();
  const fixedText = new Map<Page, string>();
  const cliText = new Map<Page, string>();
  const runCli = (p: Page) =>
    new Promise<void>((resolve, reject) => {
      // The pipeline's page segmentation mode, not the CLI's default (3): the same work on both sides.
      const child = spawn('tesseract', [p.pgm, '-', '--tessdata-dir', tessdata, '-l', 'vie', '--oem', '1', '--psm', String(PAGE_SEGMENTATION_MODE), '--dpi', String(dpi)], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) reject(new Error(`tesseract exited with ${code} on ${p.pgm}`));
        else {
          cliText.set(p, Buffer.concat(chunks).toString('utf8'));
          resolve();
        }
      });
    });
  const timed = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return (performance.now() - t) / 1000;
  };
  let jsSeconds = 0;
  let cliSeconds = 0;
  try {
    const blank: Raster = { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255), dpi };
    await Promise.all(Array.from({ length: threads }, () => pool.recognise(blank)));
    for (let i = 0, k = 0; i < pages.length; i += threads, k++) {
      const batch = pages.slice(i, i + threads);
      const js = () =>
        timed(() =>
          Promise.all(
            batch.map(async (p) => {
              const page = await pool.recognise(p.image);
              jsText.set(p, page.text);
              jsPages.set(p, page);
            }),
          ),
        );
      const cli = () => timed(() => Promise.all(batch.map(runCli)));
      if (k % 2 === 0) {
        jsSeconds += await js();
        cliSeconds += await cli();
      } else {
        cliSeconds += await cli();
        jsSeconds += await js();
      }
      process.stderr.write(`\r${Math.min(i + threads, pages.length)}/${pages.length} pages`);
    }
    process.stderr.write('\n');
  } finally {
    await pool.terminate();
  }

  // The pipeline's correction (the same options as pipelines/pipeline.ts) over tesseract.js's words, line by line.
  const corrected = (page: RecognisedPage) =>
    page.blocks
      .flatMap((b) => b.paragraphs.flatMap((para) => para.lines))
      .map((line) => correctWords(line.words.map((w) => ({ text: w.text, conf: w.conf })), { fixConfidentMarks: true }).map((w) => w.text).join(' '))
      .join('\n');
  for (const [p, page] of jsPages) fixedText.set(p, corrected(page));

  // 4. Character error rates per sample and overall.
  const rows: { sample: string; pages: number; js: CerResult; fixed: CerResult; cli: CerResult }[] = [];
  for (const sample of samples) {
    const ps = pages.filter((p) => p.sample === sample);
    const source = readFileSync(path.join(samplesDir, sample, 'source.txt'), 'utf8');
    rows.push({
      sample,
      pages: ps.length,
      js: pagesCer(ps.map((p) => jsText.get(p) ?? ''), source),
      fixed: pagesCer(ps.map((p) => fixedText.get(p) ?? ''), source),
      cli: pagesCer(ps.map((p) => cliText.get(p) ?? ''), source),
    });
  }
  const sum = (k: 'js' | 'fixed' | 'cli'): CerResult => {
    const errors = rows.reduce((s, r) => s + r[k].errors, 0);
    const refLength = rows.reduce((s, r) => s + r[k].refLength, 0);
    return { errors, refLength, cer: errors / refLength };
  };
  const pct = (c: CerResult) => `${(c.cer * 100).toFixed(2)}%`;
  console.log('');
  console.log(`${'sample'.padEnd(26)} ${'pages'.padStart(5)}  ${'CER tesseract.js'.padStart(16)}  ${'+ correction'.padStart(12)}  ${'CER native'.padStart(10)}`);
  for (const r of rows)
    console.log(`${r.sample.padEnd(26)} ${String(r.pages).padStart(5)}  ${pct(r.js).padStart(16)}  ${pct(r.fixed).padStart(12)}  ${pct(r.cli).padStart(10)}`);
  const js = sum('js');
  const fixed = sum('fixed');
  const cli = sum('cli');
  console.log(`${'all'.padEnd(26)} ${String(pages.length).padStart(5)}  ${pct(js).padStart(16)}  ${pct(fixed).padStart(12)}  ${pct(cli).padStart(10)}`);
  const jsPerPage = jsSeconds / pages.length;
  const cliPerPage = cliSeconds / pages.length;
  console.log('');
  console.log(`seconds per page: tesseract.js ${jsPerPage.toFixed(2)}, native ${cliPerPage.toFixed(2)} (wall time over ${pages.length} pages, ${threads} at a time, 1 thread each)`);
  console.log(`throughput ratio (tesseract.js / native): ${(cliPerPage / jsPerPage).toFixed(2)}x`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(
    outFile,
    JSON.stringify(
      {
        dpi,
        threads,
        pages: pages.length,
        model: 'tesseract.js vie 4.0.0_best_int (gunzipped for the CLI)',
        pageSegmentationMode: PAGE_SEGMENTATION_MODE,
        tesseractJs: { secondsPerPage: jsPerPage, cer: js.cer, errors: js.errors, refLength: js.refLength },
        tesseractJsCorrected: { cer: fixed.cer, errors: fixed.errors, refLength: fixed.refLength },
        native: { secondsPerPage: cliPerPage, cer: cli.cer, errors: cli.errors, refLength: cli.refLength },
        throughputRatio: cliPerPage / jsPerPage,
        samples: rows.map((r) => ({ sample: r.sample, pages: r.pages, cerTesseractJs: r.js.cer, cerCorrected: r.fixed.cer, cerNative: r.cli.cer })),
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`written ${path.relative(root, outFile)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
