// Character error rate before and after post-OCR correction (NFC, whitespace collapsed):
//  - real OCR: the native tesseract CLI's text of each sample's scan-p1.png (fixtures/ocr/*.p1.txt),
//    corrected as plain text, and its words with confidences (*.p1.tsv) through correctOcr;
//  - synthetic: every line of each source.txt with seeded OCR-like noise;
//  - clean: each source.txt as it is (what correction breaks in good text).
// Each sample is corrected with the shipped model and with a model built without that sample
// (leave-one-out), since the shipped model has seen the samples' text.
// With --pipeline, also the pipeline's own OCR (tesseract.js through extract/ocr) of every scan.pdf
// and scan-p1.png, page by page, before and after correctOcr (a few minutes).
//   node dist/scripts/ocr-correction-cer.js [--shared ../shared] [--pipeline]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { correctOcr } from '../src/correct/document.js';
import { buildModelData, modelFrom, type SyllableModel } from '../src/correct/model.js';
import { correctText } from '../src/correct/text.js';
import type { CorrectOptions } from '../src/correct/words.js';
import type { ExtractedDocument } from '../src/types.js';
import { cerNormalize, pagesCer, substringCer } from '../src/util/cer.js';
import { correctionCorpus } from './correction-corpus.js';
import { addOcrNoise } from './ocr-noise.js';
import { tsvDocument } from './tesseract-tsv.js';

const { values } = parseArgs({ options: { shared: { type: 'string' }, pipeline: { type: 'boolean' } } });
const root = process.cwd();
const shared = path.resolve(values.shared ?? path.join(root, '..', 'shared'));
const samples = path.join(root, 'fixtures', 'samples');
const ocrDir = path.join(root, 'fixtures', 'ocr');

const modelWithout = (exclude: string[]): SyllableModel => modelFrom(buildModelData(correctionCorpus(root, shared, exclude).map((c) => c.text)));
const full = modelWithout([]);

const docText = (d: ExtractedDocument) =>
  d.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines.map((l) => l.text) : [])).join('\n');

/** Plain edit distance on two rows (natural's allocates a full matrix: too slow for paragraph lines). */
function levenshtein(a: string, b: string): number {
  let prev = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Line by line edit distance over the reference's length (same line count on both sides). */
function lineCer(text: string, ref: string): number {
  const a = text.split('\n').map(cerNormalize);
  const b = ref.split('\n').map(cerNormalize);
  let errors = 0;
  let len = 0;
  b.forEach((r, i) => {
    errors += levenshtein(a[i] ?? '', r);
    len += r.length;
  });
  return errors / Math.max(1, len);
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const changedWords = (a: string, b: string) => {
  const x = a.split(/\s+/);
  const y = b.split(/\s+/);
  return x.filter((w, i) => w !== y[i]).length;
};

console.log('REAL OCR (native tesseract 5, vie, scan-p1.png) — CER against source.txt');
console.log('sample\traw\ttext(shipped)\ttext(LOO)\tocr-words(LOO)\tocr-words+marks(LOO)\tchanged/doubtful(LOO, words)');
const tot = { raw: 0, shipped: 0, loo: 0, words: 0, marks: 0, ref: 0 };
for (const f of existsSync(ocrDir) ? readdirSync(ocrDir).filter((f) => f.endsWith('.p1.txt')).sort() : []) {
  const id = f.replace(/\.p1\.txt$/, '');
  const ref = cerNormalize(readFileSync(path.join(samples, id, 'source.txt'), 'utf8'));
  const ocr = readFileSync(path.join(ocrDir, f), 'utf8');
  const loo = modelWithout([id]);
  // Page 1 lies at the start of the document: search its stretch in the first part of the reference only.
  const score = (t: string) => substringCer(cerNormalize(t), ref.slice(0, 3 * ocr.length));
  const raw = score(ocr);
  const shipped = score(correctText(ocr, { model: full }));
  const looT = score(correctText(ocr, { model: loo }));
  const tsvFile = path.join(ocrDir, `${id}.p1.tsv`);
  let words = raw;
  let marks = raw;
  let counts = '';
  if (existsSync(tsvFile)) {
    const doc = tsvDocument(readFileSync(tsvFile, 'utf8'));
    const run = (o: CorrectOptions) => correctOcr(doc, { model: loo, ...o });
    const d1 = run({});
    const d2 = run({ fixConfidentMarks: true });
    words = score(docText(d1));
    marks = score(docText(d2));
    const n = (d: ExtractedDocument, code: string) => d.messages.filter((m) => m.code === code).map((m) => /\d+/.exec(m.message)?.[0]).join('');
    counts = `${n(d1, 'ocr/corrected') || 0}/${n(d1, 'ocr/doubtful-word') || 0}; +marks ${n(d2, 'ocr/corrected') || 0}`;
  }
  console.log(`${id}\t${pct(raw.cer)}\t${pct(shipped.cer)}\t${pct(looT.cer)}\t${pct(words.cer)}\t${pct(marks.cer)}\t${counts}`);
  tot.raw += raw.errors;
  tot.shipped += shipped.errors;
  tot.loo += looT.errors;
  tot.words += words.errors;
  tot.marks += marks.errors;
  tot.ref += raw.refLength;
}
if (tot.ref)
  console.log(`all\t${pct(tot.raw / tot.ref)}\t${pct(tot.shipped / tot.ref)}\t${pct(tot.loo / tot.ref)}\t${pct(tot.words / tot.ref)}\t${pct(tot.marks / tot.ref)}`);

console.log('\nSYNTHETIC NOISE (seeded) and CLEAN TEXT — CER against source.txt, line by line');
console.log('sample\tnoisy\tcorrected(shipped)\tcorrected(LOO)\tclean→corrected(LOO)\twords changed in clean text(LOO)');
for (const id of readdirSync(samples).sort()) {
  const f = path.join(samples, id, 'source.txt');
  if (!existsSync(f)) continue;
  const src = readFileSync(f, 'utf8').normalize('NFC');
  const noisy = addOcrNoise(src, 42);
  const loo = modelWithout([id]);
  const cleanFixed = correctText(src, { model: loo });
  console.log(
    `${id}\t${pct(lineCer(noisy, src))}\t${pct(lineCer(correctText(noisy, { model: full }), src))}\t${pct(lineCer(correctText(noisy, { model: loo }), src))}\t${pct(lineCer(cleanFixed, src))}\t${changedWords(src, cleanFixed)}/${src.split(/\s+/).length}`,
  );
}

if (values.pipeline) {
  const { OcrPool, pdfOcr, extractImage } = await import('../src/extract/ocr/index.js');
  const { extractPdf } = await import('../src/extract/pdf/index.js');
  const { vietnameseScore } = await import('../src/normalize/syllables.js');
  /** The document's text page by page, in reading order (paragraph lines and table cells). */
  const pageTexts = (d: ExtractedDocument): string[] => {
    const pages = new Map<number, string[]>();
    const add = (page: number | null, t: string) => pages.set(page ?? 1, [...(pages.get(page ?? 1) ?? []), t]);
    for (const b of d.blocks) {
      if (b.kind === 'paragraph') for (const l of b.lines) add(l.page, l.text);
      else for (const r of b.rows) add(r.page, r.cells.map((c) => c.text).join(' '));
    }
    return [...pages.keys()].sort((a, b) => a - b).map((p) => pages.get(p)!.join('\n'));
  };
  console.log('\nPIPELINE OCR (tesseract.js via extract/ocr) — CER of the extracted text, pages scored one by one');
  console.log('file\tpages\traw\tcorrectOcr(shipped)\tcorrectOcr(LOO)\t+fixConfidentMarks(LOO)');
  const pool = new OcrPool();
  const totals = [0, 0, 0, 0];
  let refTotal = 0;
  try {
    for (const id of readdirSync(samples).sort()) {
      for (const file of ['scan.pdf', 'scan-p1.png']) {
        const f = path.join(samples, id, file);
        if (!existsSync(f)) continue;
        const bytes = new Uint8Array(readFileSync(f));
        const doc =
          file.endsWith('.pdf') ? await extractPdf(bytes, { ocr: pdfOcr(pool, { vietnameseScore }) }) : await extractImage(bytes, 'png', pool);
        const ref = readFileSync(path.join(samples, id, 'source.txt'), 'utf8');
        const loo = modelWithout([id]);
        const runs = [doc, correctOcr(doc, { model: full }), correctOcr(doc, { model: loo }), correctOcr(doc, { model: loo, fixConfidentMarks: true })];
        const r = runs.map((d) => pagesCer(pageTexts(d), ref));
        r.forEach((x, i) => (totals[i]! += x.errors));
        refTotal += r[0]!.refLength;
        console.log(`${id}/${file}\t${doc.pages}\t${r.map((x) => pct(x.cer)).join('\t')}`);
      }
    }
  } finally {
    await pool.terminate();
  }
  if (refTotal) console.log(`all\t\t${totals.map((e) => pct(e / refTotal)).join('\t')}`);
}
