// Reading order: per page, tables, column regions and body lines by their top; body lines run into
// paragraphs (over page breaks too); footnotes after their page's content; continued tables flagged.
import type { Block, Box, OcrWord, ParagraphBlock, SourceLine, TableBlock } from '../../types.js';
import type { ColumnRegion } from './columns.js';
import type { PdfLine } from './model.js';
import { toParagraphs, type LineShape } from './paragraphs.js';
import type { PdfTable } from './tables.js';

/** What the analysis found on one page. */
export interface PageLayout {
  page: number;
  tables: PdfTable[];
  regions: ColumnRegion[];
  /** Body lines: neither table, furniture, column region nor footnote. */
  lines: PdfLine[];
  footnotes: PdfLine[][];
}

type Entry =
  | { kind: 'line'; top: number; line: PdfLine }
  | { kind: 'table'; top: number; table: PdfTable }
  | { kind: 'region'; top: number; region: ColumnRegion };

const r1 = (n: number) => Math.round(n * 10) / 10;

const rbox = (b: Box): Box => ({ x0: r1(b.x0), y0: r1(b.y0), x1: r1(b.x1), y1: r1(b.y1) });

function sourceLine(l: PdfLine): SourceLine {
  const line: SourceLine = {
    text: l.text,
    page: l.page,
    box: { x0: r1(l.x0), y0: r1(l.top), x1: r1(l.x1), y1: r1(l.bottom) },
    bold: l.bold,
    italic: l.italic,
    fontSize: r1(l.size),
  };
  // OCR'd lines: their words, and the box they cover on the page as scanned.
  const words: OcrWord[] = l.items.flatMap((it) => (it.ocr ? [{ text: it.text, conf: Math.round(it.ocr.conf), box: rbox(it.ocr.box) }] : []));
  if (words.length) {
    line.words = words;
    line.box = rbox({
      x0: Math.min(...words.map((w) => w.box.x0)),
      y0: Math.min(...words.map((w) => w.box.y0)),
      x1: Math.max(...words.map((w) => w.box.x1)),
      y1: Math.max(...words.map((w) => w.box.y1)),
    });
  }
  return line;
}

function paragraph(lines: PdfLine[], extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  const block: ParagraphBlock = { kind: 'paragraph', lines: lines.map(sourceLine), page: lines[0]!.page };
  if (lines.every((l) => l.bold)) block.bold = true;
  if (lines.every((l) => l.italic)) block.italic = true;
  return { ...block, ...extra };
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

export function assembleBlocks(pages: PageLayout[], shapeOf: (l: PdfLine) => LineShape): Block[] {
  const blocks: Block[] = [];
  const blockPages: number[][] = [];
  const push = (b: Block, ps: number[]) => {
    blocks.push(b);
    blockPages.push(ps);
  };
  let run: PdfLine[] = [];
  const flushRun = () => {
    for (const p of toParagraphs(run, shapeOf)) push(paragraph(p.lines, { align: p.align }), [...new Set(p.lines.map((l) => l.page))]);
    run = [];
  };
  let prevTable: { table: PdfTable; block: TableBlock; lastOnPage: boolean } | null = null;
  for (const pg of pages) {
    const entries: Entry[] = [
      ...pg.tables.map((table) => ({ kind: 'table' as const, top: table.top, table })),
      ...pg.regions.map((region) => ({ kind: 'region' as const, top: region.top, region })),
      ...pg.lines.map((line) => ({ kind: 'line' as const, top: line.top, line })),
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

  // Footnotes go after the last block holding content of their page (after a paragraph that runs on, too).
  const out: Block[] = [...blocks];
  for (const pg of [...pages].reverse()) {
    if (!pg.footnotes.length) continue;
    let at = -1;
    blockPages.forEach((ps, i) => {
      if (ps.some((p) => p <= pg.page)) at = i;
    });
    // Going from the last page back, earlier insertion points are not shifted.
    out.splice(at + 1, 0, ...pg.footnotes.map((n) => paragraph(n, { role: 'footnote', align: 'left' })));
  }
  return out;
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
