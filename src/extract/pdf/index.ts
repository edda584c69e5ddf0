// PDF text-layer extractor: pdfjs text and rulings → lines → tables, running furniture, column
// regions, footnotes, paragraphs, in reading order. Pages without a usable text layer go to the
// OCR hook when one is given (their words come back as items and take the same layout path).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, ExtractedDocument, Message } from '../../types.js';
import { assembleBlocks, type PageLayout } from './assemble.js';
import { findColumnRegions } from './columns.js';
import { PdfError } from './errors.js';
import { findFootnotes } from './footnotes.js';
import { findFurniture } from './furniture.js';
import { buildLines } from './lines.js';
import { openPdf, readInfo, readPage, type LoadedPage } from './load.js';
import type { PdfItem, Ruling } from './model.js';
import { dominantSize, shapesByPageWidth } from './paragraphs.js';
import { textProblems } from './quality.js';
import { findTables } from './tables.js';

export { PdfError } from './errors.js';
export type { PdfErrorCode } from './errors.js';

/** Text recognised on a page image, placed on the page like text-layer items (PDF points, top-left origin). */
export interface RecognisedPageItems {
  items: PdfItem[];
  rulings: Ruling[];
  messages: Message[];
}

/** The OCR stage as the PDF extractor sees it: which pages need it, and their words. */
export interface PdfPageOcr {
  /** Whether a page's text layer is missing or unusable, so that the page must be OCR'd. */
  needsOcr(page: LoadedPage): boolean;
  /** Recognise these pages (1-based) of the open document. */
  recognise(doc: PDFDocumentProxy, pages: number[]): Promise<Map<number, RecognisedPageItems>>;
}

export interface PdfOptions {
  maxPages?: number;
  password?: string;
  /** Without it, pages with no text layer are reported and left empty. */
  ocr?: PdfPageOcr;
}

const SOURCE = 'extract/pdf';

/** One page as the layout stage takes it: its text items and rulings, whatever produced them. */
export interface PageInput {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
  rulings: Ruling[];
}

interface PageWork extends PageLayout {
  width: number;
  height: number;
  rulings: Ruling[];
}

/** Pages (in order) → blocks in reading order: tables, furniture, column regions, footnotes, paragraphs. */
export function layoutPages(pages: PageInput[]): Block[] {
  const work: PageWork[] = pages.map((p) => {
    // Table text first, so that it cannot also turn up in a paragraph.
    const tables = findTables(p.rulings, p.items, p.page);
    const taken = new Set(tables.flatMap((t) => [...t.items]));
    const lines = buildLines(p.items.filter((i) => !taken.has(i)), p.page);
    return { page: p.page, width: p.width, height: p.height, rulings: p.rulings, tables, lines, regions: [], footnotes: [] };
  });
  const furniture = findFurniture(work.map((w) => ({ height: w.height, lines: w.lines })));
  for (const w of work) {
    const lines = w.lines.filter((l) => !furniture.has(l));
    w.regions = findColumnRegions(lines, w.width);
    const inRegion = new Set(w.regions.flatMap((r) => [...r.source]));
    w.lines = lines.filter((l) => !inRegion.has(l));
  }
  const bodySize = dominantSize(work.flatMap((w) => w.lines));
  for (const w of work) {
    w.footnotes = findFootnotes(w.lines, bodySize, w.rulings, w.width);
    const notes = new Set(w.footnotes.flat());
    w.lines = w.lines.filter((l) => !notes.has(l));
  }
  const shapeOf = shapesByPageWidth(
    work.map((w) => ({ page: w.page, width: w.width, lines: w.lines })),
    bodySize,
  );
  return assembleBlocks(work, shapeOf);
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ExtractedDocument> {
  const doc = await openPdf(bytes, options.password);
  try {
    const messages: Message[] = [];
    const note = (severity: Message['severity'], code: string, message: string, page: number) =>
      messages.push({ severity, code, message, source: SOURCE, page });
    const numPages = doc.numPages;
    if (options.maxPages !== undefined && numPages > options.maxPages) {
      throw new PdfError('pdf/too-many-pages', `PDF has ${numPages} pages, more than the limit of ${options.maxPages}`);
    }
    const properties = await readInfo(doc);

    const pages: PageInput[] = [];
    const toOcr: number[] = [];
    // After a page without text, the rest are probed for text before their operator list (load.ts).
    let probeText = false;
    for (let p = 1; p <= numPages; p++) {
      let loaded: LoadedPage;
      try {
        loaded = await readPage(doc, p, 'operators', probeText);
        if (loaded.items.length === 0) probeText = true;
      } catch (err) {
        note('error', 'pdf/page-unreadable', `page ${p} cannot be read: ${(err as Error).message}`, p);
        continue;
      }
      if (options.ocr?.needsOcr(loaded)) {
        toOcr.push(p);
        pages.push({ page: p, width: loaded.width, height: loaded.height, items: [], rulings: [] });
        continue;
      }
      if (loaded.items.length === 0) note('warning', 'pdf/no-text-layer', `page ${p} has no text layer (scanned image?)`, p);
      if (loaded.rotatedItems > 0) note('info', 'pdf/rotated-text', `page ${p}: ${loaded.rotatedItems} rotated text runs left out`, p);
      const problem = textProblems(loaded.items.map((i) => i.text).join(''));
      if (problem) note('warning', 'pdf/font-without-unicode', `page ${p}: ${problem}`, p);
      pages.push({ page: p, width: loaded.width, height: loaded.height, items: loaded.items, rulings: loaded.rulings });
    }
    if (numPages > 0 && pages.length === 0) throw new PdfError('pdf/corrupt', 'no page of the PDF can be read');

    if (toOcr.length && options.ocr) {
      // Pages are drawn from a copy opened for rendering (glyphs as paths: Node has no FontFace).
      const drawable = await openPdf(bytes, options.password, true);
      let recognised: Awaited<ReturnType<NonNullable<PdfOptions['ocr']>['recognise']>>;
      try {
        recognised = await options.ocr.recognise(drawable, toOcr);
      } finally {
        await drawable.destroy().catch(() => undefined);
      }
      for (const pg of pages) {
        const r = recognised.get(pg.page);
        if (!r) continue;
        pg.items = r.items;
        pg.rulings = r.rulings;
        messages.push(...r.messages);
      }
    }
    const blocks = layoutPages(pages);
    return { format: 'pdf', pages: numPages, blocks, properties, ocr: toOcr.length > 0, messages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
