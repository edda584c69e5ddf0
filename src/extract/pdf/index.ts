// PDF text-layer extractor: pdfjs text and rulings → lines → tables, column regions, footnotes,
// paragraphs, in reading order. Scanned pages are reported for the OCR stage, not guessed at.
import type { Block, ExtractedDocument, Message, ParagraphBlock, SourceLine, TableBlock } from '../../types.js';
import { findColumnRegions, type ColumnRegion } from './columns.js';
import { PdfError } from './errors.js';
import { findFootnotes } from './footnotes.js';
import { findFurniture } from './furniture.js';
import { buildLines } from './lines.js';
import { openPdf, readInfo, readPage, type LoadedPage } from './load.js';
import type { PdfLine } from './model.js';
import { LineShape, measureBody, toParagraphs } from './paragraphs.js';
import { textProblems } from './quality.js';
import { findTables, type PdfTable } from './tables.js';

export { PdfError } from './errors.js';
export type { PdfErrorCode } from './errors.js';

export interface PdfOptions {
  maxPages?: number;
  password?: string;
}

const SOURCE = 'extract/pdf';

type Entry =
  | { kind: 'line'; top: number; line: PdfLine }
  | { kind: 'table'; top: number; table: PdfTable }
  | { kind: 'region'; top: number; region: ColumnRegion };

interface PageWork {
  loaded: LoadedPage;
  tables: PdfTable[];
  lines: PdfLine[];
  regions: ColumnRegion[];
  footnotes: PdfLine[][];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function sourceLine(l: PdfLine): SourceLine {
  return {
    text: l.text,
    page: l.page,
    box: { x0: r1(l.x0), y0: r1(l.top), x1: r1(l.x1), y1: r1(l.bottom) },
    bold: l.bold,
    italic: l.italic,
    fontSize: r1(l.size),
  };
}

function paragraph(lines: PdfLine[], extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  const block: ParagraphBlock = { kind: 'paragraph', lines: lines.map(sourceLine), page: lines[0]!.page };
  if (lines.every((l) => l.bold)) block.bold = true;
  if (lines.every((l) => l.italic)) block.italic = true;
  return { ...block, ...extra };
}

/** The size most body characters are set in. */
function dominantSize(lines: PdfLine[]): number {
  const w = new Map<number, number>();
  for (const l of lines) w.set(Math.round(l.size * 2) / 2, (w.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 12;
  let bestW = -1;
  for (const [s, n] of w) if (n > bestW) [best, bestW] = [s, n];
  return best;
}

const RECIPIENT_START = /^(?:[-–—+•]|Nơi nhận|Kính gửi)/iu;

/** One paragraph per line of a column; a wrapped recipient line ("- Các cơ quan … UBND" / "huyện;") rejoins its item. */
function columnParagraphs(lines: PdfLine[], column: 'left' | 'right'): ParagraphBlock[] {
  const groups: PdfLine[][] = [];
  for (const line of lines) {
    const prev = groups[groups.length - 1];
    const last = prev?.[prev.length - 1];
    const wrapped =
      column === 'left' &&
      prev &&
      last &&
      /^[-–—+•]/u.test(prev[0]!.text) &&
      !RECIPIENT_START.test(line.text) &&
      !/[;.]$/.test(last.text) &&
      Math.abs(line.size - last.size) < 0.6;
    if (wrapped) prev.push(line);
    else groups.push([line]);
  }
  return groups.map((g) => paragraph(g, { column, align: columnAlign(g, lines) }));
}

function columnAlign(group: PdfLine[], column: PdfLine[]): 'left' | 'center' {
  const x0 = Math.min(...column.map((l) => l.x0));
  const x1 = Math.max(...column.map((l) => l.x1));
  const l = group[0]!;
  // Lines of a centred column start at different x but share the column's middle.
  const ragged = column.some((c) => Math.abs(c.x0 - x0) > 3);
  return ragged && Math.abs((l.x0 + l.x1) / 2 - (x0 + x1) / 2) <= 4 ? 'center' : 'left';
}

const sameColumns = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= 3);

/** Header rows repeated at the top of a continued part are marked as headers, in both parts. */
function markRepeatedHeaders(first: TableBlock, part: TableBlock): void {
  const key = (r: TableBlock['rows'][number]) =>
    r.cells.map((c) => c.text.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '').replace(/\s+/g, ' ').trim().toLowerCase()).join('|');
  let k = 0;
  while (k < part.rows.length && k < first.rows.length - 1 && key(part.rows[k]!) === key(first.rows[k]!)) k++;
  for (let i = 0; i < k; i++) {
    first.rows[i]!.isHeader = true;
    part.rows[i]!.isHeader = true;
  }
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<ExtractedDocument> {
  const doc = await openPdf(bytes, options.password);
  try {
    const messages: Message[] = [];
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
        messages.push({ severity: 'error', code: 'pdf/page-unreadable', message: `page ${p} cannot be read: ${(err as Error).message}`, source: SOURCE, page: p });
        continue;
      }
      if (loaded.items.length === 0) {
        messages.push({ severity: 'warning', code: 'pdf/no-text-layer', message: `page ${p} has no text layer (scanned image?)`, source: SOURCE, page: p });
      }
      if (loaded.rotatedItems > 0) {
        messages.push({ severity: 'info', code: 'pdf/rotated-text', message: `page ${p}: ${loaded.rotatedItems} rotated text runs left out`, source: SOURCE, page: p });
      }
      const problem = textProblems(loaded.items.map((i) => i.text).join(''));
      if (problem) messages.push({ severity: 'warning', code: 'pdf/font-without-unicode', message: `page ${p}: ${problem}`, source: SOURCE, page: p });
      const tables = findTables(loaded.rulings, loaded.items, p);
      const taken = new Set(tables.flatMap((t) => [...t.items]));
      const lines = buildLines(loaded.items.filter((i) => !taken.has(i)), p);
      work.push({ loaded, tables, lines, regions: [], footnotes: [] });
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

    // Margins per page width (a landscape appendix has its own).
    const shapes = new Map<number, LineShape>();
    const allLines = work.flatMap((w) => w.lines);
    const fallback = measureBody(allLines, bodySize) ?? { left: 0, right: 0, leading: 1.2 };
    for (const w of work) {
      const key = Math.round(w.loaded.width);
      if (shapes.has(key)) continue;
      const group = work.filter((x) => Math.round(x.loaded.width) === key).flatMap((x) => x.lines);
      const m = measureBody(group, bodySize) ?? (fallback.right > 0 ? fallback : { left: 0.1 * w.loaded.width, right: 0.9 * w.loaded.width, leading: 1.2 });
      shapes.set(key, new LineShape(m));
    }
    const widthOf = new Map(work.map((w) => [w.loaded.page, Math.round(w.loaded.width)]));
    const shapeOf = (l: PdfLine) => shapes.get(widthOf.get(l.page)!)!;

    // Reading order: per page, tables, regions and lines by their top; footnotes after the page's content.
    const blocks: Block[] = [];
    const blockPages: number[][] = [];
    const push = (b: Block, pages: number[]) => {
      blocks.push(b);
      blockPages.push(pages);
    };
    let run: PdfLine[] = [];
    const flushRun = () => {
      for (const p of toParagraphs(run, shapeOf)) {
        const extra: Partial<ParagraphBlock> = { align: p.align };
        push(paragraph(p.lines, extra), [...new Set(p.lines.map((l) => l.page))]);
      }
      run = [];
    };
    let prevTable: { table: PdfTable; block: TableBlock; lastOnPage: boolean } | null = null;
    for (const w of work) {
      const entries: Entry[] = [
        ...w.tables.map((table) => ({ kind: 'table' as const, top: table.top, table })),
        ...w.regions.map((region) => ({ kind: 'region' as const, top: region.top, region })),
        ...w.lines.map((line) => ({ kind: 'line' as const, top: line.top, line })),
      ].sort((a, b) => a.top - b.top);
      entries.forEach((e, idx) => {
        if (e.kind === 'line') {
          run.push(e.line);
          prevTable = null;
          return;
        }
        flushRun();
        if (e.kind === 'region') {
          for (const b of columnParagraphs(e.region.left, 'left')) push(b, [e.region.page]);
          for (const b of columnParagraphs(e.region.right, 'right')) push(b, [e.region.page]);
          prevTable = null;
          return;
        }
        const t = e.table;
        const block: TableBlock = { kind: 'table', rows: t.rows, pages: [t.page], bordered: true };
        // Continued: first thing on this page, right after a table that closed the previous page, same columns.
        if (idx === 0 && prevTable && prevTable.lastOnPage && prevTable.table.page === t.page - 1 && sameColumns(prevTable.table.colXs, t.colXs)) {
          block.continuedFromPrevious = true;
          markRepeatedHeaders(firstPart(blocks, prevTable.block), block);
        }
        push(block, [t.page]);
        prevTable = { table: t, block, lastOnPage: idx === entries.length - 1 };
      });
      if (entries.length === 0) prevTable = null;
    }
    flushRun();

    // Footnotes go after the last block holding content of their page.
    const out: Block[] = [...blocks];
    const footBlocks = work.filter((w) => w.footnotes.length).map((w) => ({ page: w.loaded.page, notes: w.footnotes }));
    for (const { page, notes } of footBlocks.reverse()) {
      let at = -1;
      blockPages.forEach((ps, i) => {
        if (ps.some((p) => p <= page)) at = i;
      });
      const paras = notes.map((n) => paragraph(n, { role: 'footnote', align: 'left' }));
      // Positions in `out` shift only after `at`, and we go from the last page back.
      out.splice(at + 1, 0, ...paras);
    }

    return { format: 'pdf', pages: numPages, blocks: out, properties, ocr: false, messages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The first part of a chain of continued tables that ends with `last`. */
function firstPart(blocks: Block[], last: TableBlock): TableBlock {
  let i = blocks.indexOf(last);
  while (i > 0) {
    const b = blocks[i]!;
    const prev = blocks[i - 1];
    if (b.kind === 'table' && b.continuedFromPrevious && prev?.kind === 'table') i--;
    else break;
  }
  return blocks[i] as TableBlock;
}
