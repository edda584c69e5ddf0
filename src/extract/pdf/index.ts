// PDF text-layer extractor: pdfjs text and rulings → lines → tables, running furniture, column
// regions, footnotes, paragraphs, in reading order. Scanned pages are reported for the OCR stage.
import type { ExtractedDocument, Message } from '../../types.js';
import { assembleBlocks, type PageLayout } from './assemble.js';
import { findColumnRegions } from './columns.js';
import { PdfError } from './errors.js';
import { findFootnotes } from './footnotes.js';
import { findFurniture } from './furniture.js';
import { buildLines } from './lines.js';
import { openPdf, readInfo, readPage, type LoadedPage } from './load.js';
import { dominantSize, shapesByPageWidth } from './paragraphs.js';
import { textProblems } from './quality.js';
import { findTables } from './tables.js';

export { PdfError } from './errors.js';
export type { PdfErrorCode } from './errors.js';

export interface PdfOptions {
  maxPages?: number;
  password?: string;
}

const SOURCE = 'extract/pdf';

interface PageWork extends PageLayout {
  loaded: LoadedPage;
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

    const work: PageWork[] = [];
    for (let p = 1; p <= numPages; p++) {
      let loaded: LoadedPage;
      try {
        loaded = await readPage(doc, p);
      } catch (err) {
        note('error', 'pdf/page-unreadable', `page ${p} cannot be read: ${(err as Error).message}`, p);
        continue;
      }
      if (loaded.items.length === 0) note('warning', 'pdf/no-text-layer', `page ${p} has no text layer (scanned image?)`, p);
      if (loaded.rotatedItems > 0) note('info', 'pdf/rotated-text', `page ${p}: ${loaded.rotatedItems} rotated text runs left out`, p);
      const problem = textProblems(loaded.items.map((i) => i.text).join(''));
      if (problem) note('warning', 'pdf/font-without-unicode', `page ${p}: ${problem}`, p);
      // Table text first, so that it cannot also turn up in a paragraph.
      const tables = findTables(loaded.rulings, loaded.items, p);
      const taken = new Set(tables.flatMap((t) => [...t.items]));
      const lines = buildLines(loaded.items.filter((i) => !taken.has(i)), p);
      work.push({ page: p, loaded, tables, lines, regions: [], footnotes: [] });
    }
    if (numPages > 0 && work.length === 0) throw new PdfError('pdf/corrupt', 'no page of the PDF can be read');

    const furniture = findFurniture(work.map((w) => ({ height: w.loaded.height, lines: w.lines })));
    for (const w of work) {
      const lines = w.lines.filter((l) => !furniture.has(l));
      w.regions = findColumnRegions(lines, w.loaded.width);
      const inRegion = new Set(w.regions.flatMap((r) => [...r.source]));
      w.lines = lines.filter((l) => !inRegion.has(l));
    }
    const bodySize = dominantSize(work.flatMap((w) => w.lines));
    for (const w of work) {
      w.footnotes = findFootnotes(w.lines, bodySize, w.loaded.rulings, w.loaded.width);
      const notes = new Set(w.footnotes.flat());
      w.lines = w.lines.filter((l) => !notes.has(l));
    }
    const shapeOf = shapesByPageWidth(
      work.map((w) => ({ page: w.page, width: w.loaded.width, lines: w.lines })),
      bodySize,
    );
    const blocks = assembleBlocks(work, shapeOf);
    return { format: 'pdf', pages: numPages, blocks, properties, ocr: false, messages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
