// The OCR stage: page images (rendered PDF pages, image files) → cleaned → recognised by the
// worker pool → words placed on the page as text items → the PDF extractor's layout path.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedDocument, Message } from '../../types.js';
import { layoutPages, type PdfPageOcr, type RecognisedPageItems } from '../pdf/index.js';
import type { RecognisedPage } from './engine.js';
import type { OcrPool } from './engine.js';
import { imagePages } from './images.js';
import { ocrItems, type OcrPage } from './layout.js';
import { loadedPageNeedsOcr, type OcrNeedsOptions } from './needs.js';
import { otsuThreshold, preprocess, type PreprocessOptions } from './preprocess.js';
import type { Raster } from './raster.js';
import { eraseRulings, findRulings, gridRulings, type PixelRuling } from './rulings.js';
import { OCR_DPI, renderPage } from './render.js';

export { OcrPool, type OcrPoolOptions } from './engine.js';
export { pageNeedsOcr, MIN_VIETNAMESE_SCORE, type OcrNeedsOptions } from './needs.js';

const SOURCE = 'extract/ocr';
/** Mean word confidence under which a page is flagged. */
const LOW_CONFIDENCE = 75;

export interface OcrOptions extends OcrNeedsOptions {
  preprocess?: PreprocessOptions;
  /** Render resolution for PDF pages. */
  dpi?: number;
  /** Pixels of one page image: PDF pages are rendered at a lower resolution to fit, image files over it refused. */
  maxPixels?: number;
  /** Pages of one image file (TIFF). */
  maxPages?: number;
}

/** Mean horizontal run length of dark pixels inside each line's words: thicker strokes, bolder type. */
export function lineStrokes(image: Raster, page: RecognisedPage): number[] {
  const t = otsuThreshold(image.data);
  const out: number[] = [];
  for (const b of page.blocks)
    for (const p of b.paragraphs)
      for (const l of p.lines) {
        let dark = 0, runs = 0;
        for (const w of l.words) {
          const x0 = Math.max(0, Math.floor(w.box.x0)), x1 = Math.min(image.width, Math.ceil(w.box.x1));
          const y0 = Math.max(0, Math.floor(w.box.y0)), y1 = Math.min(image.height, Math.ceil(w.box.y1));
          for (let y = y0; y < y1; y++) {
            let inRun = false;
            const row = y * image.width;
            for (let x = x0; x < x1; x++) {
              const d = image.data[row + x]! <= t;
              if (d) {
                dark++;
                if (!inRun) runs++;
              }
              inRun = d;
            }
          }
        }
        out.push(runs ? dark / runs : 0);
      }
  return out;
}

/** Clean one page image and recognise it; the result keeps what maps it back to the page. */
interface PageResult {
  ocr: OcrPage;
  rulings: PixelRuling[];
  messages: Message[];
}

/**
 * A page image as the engine gets it: cleaned (deskew), with the table grid painted out. Also the
 * cleaned image itself (geometry, stroke widths), its skew and the ruling lines found on it.
 */
export function prepareForOcr(raster: Raster, options: OcrOptions = {}): { input: Raster; image: Raster; skew: number; rulings: PixelRuling[] } {
  const { image, skew } = preprocess(raster, options.preprocess);
  // Table borders: kept for the lattice-table finder, and painted out of the image the engine reads.
  const rulings = findRulings(image);
  const grid = gridRulings(rulings, Math.round(0.03 * image.dpi));
  return { input: eraseRulings(image, grid), image, skew, rulings };
}

async function recognisePage(pool: OcrPool, page: number, raster: Raster, options: OcrOptions): Promise<PageResult> {
  const { input, image, skew, rulings } = prepareForOcr(raster, options);
  const recognised = await pool.recognise(input);
  const messages: Message[] = [];
  const words = recognised.blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  const conf = words.length ? words.reduce((s, w) => s + w.conf, 0) / words.length : 0;
  const note = (severity: Message['severity'], code: string, message: string) => messages.push({ severity, code, message, source: SOURCE, page });
  if (!words.length) note('warning', 'ocr/no-text', `page ${page}: OCR found no text`);
  else {
    note('info', 'ocr/page', `page ${page} OCR'd: ${words.length} words, mean confidence ${conf.toFixed(0)}${skew ? `, deskewed by ${skew}°` : ''}`);
    if (conf < LOW_CONFIDENCE) note('warning', 'ocr/low-confidence', `page ${page}: mean OCR confidence ${conf.toFixed(0)} (under ${LOW_CONFIDENCE})`);
  }
  return { ocr: { page, recognised, skew, scale: 72 / image.dpi, strokes: lineStrokes(image, recognised) }, rulings, messages };
}

/**
 * Recognise pages produced one at a time by `next` (rendering or decoding), keeping at most a
 * little more than the pool's size in flight so that page images do not pile up in memory.
 */
async function recogniseAll(
  pool: OcrPool,
  pages: number[],
  raster: (page: number) => Promise<Raster>,
  options: OcrOptions,
): Promise<PageResult[]> {
  const results: Promise<PageResult>[] = [];
  const inFlight = new Set<Promise<unknown>>();
  for (const page of pages) {
    while (inFlight.size > pool.size) await Promise.race(inFlight);
    const r = raster(page);
    const job = r.then((img) => recognisePage(pool, page, img, options));
    const tracked = job.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(tracked);
    void tracked.then(() => inFlight.delete(tracked));
    results.push(job);
    // Render the next page only once this one's image exists (pdfjs renders one page at a time anyway).
    await r.catch(() => undefined);
  }
  return Promise.all(results);
}

function toItems(results: PageResult[]): Map<number, RecognisedPageItems> {
  const items = ocrItems(results.map((r) => r.ocr));
  const out = new Map<number, RecognisedPageItems>();
  for (const r of results) {
    const k = r.ocr.scale;
    const rulings = r.rulings.map((g) => ({ x0: g.x0 * k, y0: g.y0 * k, x1: g.x1 * k, y1: g.y1 * k }));
    out.set(r.ocr.page, { items: items.get(r.ocr.page) ?? [], rulings, messages: r.messages });
  }
  return out;
}

/** The OCR hook for the PDF extractor: pages without usable text are rendered and recognised. */
export function pdfOcr(pool: OcrPool, options: OcrOptions = {}): PdfPageOcr {
  return {
    needsOcr: (page) => loadedPageNeedsOcr(page, options),
    recognise: async (doc: PDFDocumentProxy, pages: number[]) =>
      toItems(await recogniseAll(pool, pages, (p) => renderPage(doc, p, options.dpi ?? OCR_DPI, options.maxPixels), options)),
  };
}

/** Image files (PNG, JPEG, multi-page TIFF) → an extracted document, one page per image. */
export async function extractImage(bytes: Uint8Array, subtype: string | undefined, pool: OcrPool, options: OcrOptions = {}): Promise<ExtractedDocument> {
  const images = await imagePages(bytes, subtype, {
    ...(options.maxPixels !== undefined ? { maxPixels: options.maxPixels } : {}),
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
  });
  const pages = images.map((_, i) => i + 1);
  // Pages are decoded as the pool takes them: a long TIFF is never in memory whole.
  const results = await recogniseAll(pool, pages, (p) => images[p - 1]!.decode(), options);
  const byPage = toItems(results);
  const blocks = layoutPages(
    results.map((r) => {
      const raster = images[r.ocr.page - 1]!;
      const scale = 72 / raster.dpi;
      return {
        page: r.ocr.page,
        width: raster.width * scale,
        height: raster.height * scale,
        items: byPage.get(r.ocr.page)?.items ?? [],
        rulings: byPage.get(r.ocr.page)?.rulings ?? [],
      };
    }),
  );
  const messages = results.flatMap((r) => r.messages);
  return { format: 'image', pages: images.length, blocks, properties: {}, ocr: true, messages };
}
