// Data tables: parts continued over pages joined, header rows found, repeated headers dropped,
// rows split by a page break mended, cells typed (numbers, percents, ranks, ranges).
import type { NormalizedText, NormTable } from '../types.js';
import { parseVnNumber } from '../normalize/numbers.js';
import { foldKey, stripDiacritics } from '../normalize/unicode.js';

export type CellType = 'empty' | 'number' | 'percent' | 'rank' | 'range' | 'comparison' | 'text';

export interface TypedCell {
  text: string;
  type: CellType;
  value?: number;
  valueMax?: number;
  /** "24/63": the rank out of how many. */
  outOf?: number;
}

export interface DataTable {
  id: string;
  /** The column headers: the lowest header row, vertically merged cells carried down. */
  header: string[];
  /** All header rows as printed (expanded to the grid). */
  headerRows: string[][];
  /** Data rows (group-label rows included), expanded to the grid width. */
  rows: string[][];
  cols: number;
  cells: TypedCell[][];
  pages: number[];
  /** Offsets of the whole table in the normalised text. */
  start: number;
  end: number;
  /** Indices of the normalised tables this one was joined from. */
  parts: number[];
  /** Per data row: offsets of each cell in the normalised text (-1 for a spanned position). */
  cellOffsets: [number, number][][];
}

interface GridRow {
  texts: string[];
  offsets: [number, number][];
  page: number | null;
  isHeader?: boolean;
}

const SUPERSCRIPTS = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g;

/** Expand spans into a rectangular grid; a spanned position repeats nothing (empty text). */
function toGrid(t: NormTable): GridRow[] {
  const pending: (number | undefined)[] = []; // rows still covered by a rowSpan, per column
  const out: GridRow[] = [];
  for (const row of t.rows) {
    const texts: string[] = [];
    const offsets: [number, number][] = [];
    let col = 0;
    const place = (text: string, off: [number, number]) => {
      texts[col] = text;
      offsets[col] = off;
      col++;
    };
    const skipCovered = () => {
      while ((pending[col] ?? 0) > 0) {
        pending[col]!--;
        place('', [-1, -1]);
      }
    };
    for (const cell of row.cells) {
      skipCovered();
      for (let s = 0; s < Math.max(1, cell.colSpan); s++) {
        if (cell.rowSpan > 1) pending[col] = cell.rowSpan - 1;
        place(s === 0 ? cell.text : '', s === 0 ? [cell.start, cell.end] : [-1, -1]);
      }
    }
    skipCovered();
    out.push({ texts, offsets, page: row.page, ...(row.isHeader ? { isHeader: true } : {}) });
  }
  return out;
}

const INDEX_CELL = /^(?:[IVXL]+|\d{1,3}(?:\.\d{1,3}){0,3}|[a-zđ])[.)]?$/u;
const isNumericish = (s: string) => /^[+\-–]?\s*\d/.test(s) || /^(?:từ|trên|dưới|tối thiểu|ít nhất|không)(?![\p{L}\p{N}]).*\d/iu.test(s);

/** A row reads as data: an index in the first cell, or mostly numeric cells. */
function isDataRow(r: GridRow): boolean {
  const cells = r.texts.map((c) => c.trim());
  if (cells[0] && INDEX_CELL.test(cells[0])) return true;
  const filled = cells.filter(Boolean);
  const numeric = filled.filter(isNumericish).length;
  return numeric >= Math.max(2, Math.ceil(filled.length / 2));
}

function headerRowCount(rows: GridRow[]): number {
  const flagged = rows.findIndex((r) => !r.isHeader);
  if (flagged > 0) return flagged;
  const firstData = rows.findIndex(isDataRow);
  if (firstData > 0) return Math.min(firstData, 4);
  // No index column: the first row is the header when it is all text and others are not.
  const r0 = rows[0];
  if (r0 && rows.length > 1 && r0.texts.filter((c) => c.trim()).length >= 2 && !r0.texts.some((c) => isNumericish(c.trim()))) return 1;
  return 0;
}

/** The lowest header row, with vertically merged cells carried down and footnote calls removed. */
function columnHeaders(headerRows: string[][], cols: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < cols; c++) {
    let text = '';
    for (let r = headerRows.length - 1; r >= 0; r--) {
      const t = (headerRows[r]![c] ?? '').trim();
      if (t) {
        text = t;
        break;
      }
    }
    out.push(text.replace(SUPERSCRIPTS, '').replace(/\s+/g, ' ').trim());
  }
  return out;
}

/** The header of the column that numbers a table's rows ("STT", "TT", "Mã"). */
export const CODE_HEADER = /^(?:stt|tt|số thứ tự|mã)$/iu;

/** A row's code as printed in its code cell ("1", "1.2", "3." → "3"); null for a label ("Tổng điểm"). */
export const rowCode = (cell: string | undefined): string | null => (cell ?? '').trim().match(/^\d+(?:\.\d+)*(?=\.?$)/)?.[0] ?? null;

/** A totals row's label ("Tổng cộng", "Tổng điểm"). */
export const isTotalLabel = (text: string): boolean => /^tong/u.test(stripDiacritics(foldKey(text)));

/** Where a cell sits in the normalised text; a position under a merged cell falls back to the whole table. */
export function cellSpan(t: DataTable, row: number, col: number): { start: number; end: number } {
  const [start, end] = t.cellOffsets[row]?.[col] ?? [t.start, t.end];
  return start >= 0 ? { start, end } : { start: t.start, end: t.end };
}

/** A cell's value when it is a plain number or a percentage. */
export function cellNumber(t: DataTable, row: number, col: number): number | null {
  const c = t.cells[row]?.[col];
  return c && (c.type === 'number' || c.type === 'percent') ? (c.value ?? null) : null;
}

export function typeCell(text: string): TypedCell {
  const t = text.trim();
  if (!t) return { text, type: 'empty' };
  const pct = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(t);
  if (pct) return { text, type: 'percent', value: parseVnNumber(pct[1]!)!.value };
  const rank = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(t);
  if (rank && +rank[1]! <= +rank[2]!) return { text, type: 'rank', value: +rank[1]!, outOf: +rank[2]! };
  const range = /^(\d+(?:[.,]\d+)?)\s*%?\s*[-–]\s*(\d+(?:[.,]\d+)?)\s*%?$/.exec(t);
  if (range) return { text, type: 'range', value: parseVnNumber(range[1]!)!.value, valueMax: parseVnNumber(range[2]!)!.value };
  const num = /^[+]?\s*(\d+(?:[.,]\d+)*)$/.exec(t);
  if (num) {
    const p = parseVnNumber(num[1]!);
    if (p) return { text, type: 'number', value: p.value };
  }
  if (/^(?:từ|trên|dưới|tối thiểu|tối đa|ít nhất|không (?:thấp|quá|vượt))(?![\p{L}\p{N}]).*\d/iu.test(t)) {
    const m = /(\d+(?:[.,]\d+)?)/.exec(t);
    const p = m ? parseVnNumber(m[1]!) : null;
    return p ? { text, type: 'comparison', value: p.value } : { text, type: 'text' };
  }
  return { text, type: 'text' };
}

const rowKey = (texts: string[]) => texts.map((c) => foldKey(c.replace(SUPERSCRIPTS, ''))).join('|');

/** Join parts of one table continued over pages. */
function groupParts(norm: NormalizedText): number[][] {
  const groups: number[][] = [];
  norm.tables.forEach((t, i) => {
    if (!t.bordered) return;
    const prev = groups[groups.length - 1];
    const prevLast = prev ? norm.tables[prev[prev.length - 1]!]! : null;
    const width = (x: NormTable) => Math.max(...x.rows.map((r) => r.cells.reduce((n, c) => n + c.colSpan, 0)));
    // Consecutive parts: nothing but footnotes/running text furniture between them, same width.
    const adjacent =
      prevLast &&
      prevLast.rows.length > 0 &&
      t.rows.length > 0 &&
      norm.lines
        .slice(prevLast.rows[prevLast.rows.length - 1]!.line + 1, t.rows[0]!.line)
        .every((l) => l.role === 'footnote' || l.role === 'page-header' || l.role === 'page-footer');
    if (prev && prevLast && (t.continuedFromPrevious || (adjacent && width(prevLast) === width(t)))) prev.push(i);
    else groups.push([i]);
  });
  return groups;
}

export function extractTables(norm: NormalizedText): DataTable[] {
  const out: DataTable[] = [];
  for (const group of groupParts(norm)) {
    const first = norm.tables[group[0]!]!;
    let grid = toGrid(first);
    const nHead = headerRowCount(grid);
    const headerGrid = grid.slice(0, nHead);
    const headerKeys = new Set(headerGrid.map((r) => rowKey(r.texts)));
    let body = grid.slice(nHead);
    for (const pi of group.slice(1)) {
      let part = toGrid(norm.tables[pi]!);
      // Repeated header rows at the top of a continued part.
      let k = 0;
      while (k < part.length && (headerKeys.has(rowKey(part[k]!.texts)) || part[k]!.isHeader || isNumberingRow(part[k]!))) k++;
      part = part.slice(k);
      // A row split by the page break: the part starts with a row whose index cell is empty and most cells are.
      const cont = part[0];
      const last = body[body.length - 1];
      if (cont && last && !cont.texts[0]?.trim() && cont.texts.filter((c) => c.trim()).length <= Math.ceil(cont.texts.length / 2)) {
        cont.texts.forEach((c, ci) => {
          if (c.trim()) last.texts[ci] = `${last.texts[ci] ?? ''} ${c}`.trim();
        });
        part = part.slice(1);
      }
      body = body.concat(part);
    }
    // Header rows repeated inside the body (a text export of a paged table) are dropped too.
    body = body.filter((r) => !headerKeys.has(rowKey(r.texts)) && !isNumberingRow(r) && r.texts.some((c) => c.trim()));
    grid = [...headerGrid, ...body];
    const cols = Math.max(1, ...grid.map((r) => r.texts.length));
    const pad = (r: string[]) => Array.from({ length: cols }, (_, c) => (r[c] ?? '').trim());
    const headerRows = headerGrid.filter((r) => !isNumberingRow(r)).map((r) => pad(r.texts));
    const rows = body.map((r) => pad(r.texts));
    const pages = [...new Set(group.flatMap((i) => norm.tables[i]!.pages))].sort((a, b) => a - b);
    const firstRow = norm.tables[group[0]!]!.rows[0]!;
    const lastT = norm.tables[group[group.length - 1]!]!;
    const lastRow = lastT.rows[lastT.rows.length - 1]!;
    out.push({
      id: `t${out.length + 1}`,
      header: nHead ? columnHeaders(headerRows, cols) : [],
      headerRows,
      rows,
      cols,
      cells: rows.map((r) => r.map(typeCell)),
      pages,
      start: norm.lines[firstRow.line]!.start,
      end: norm.lines[lastRow.line]!.end,
      parts: group,
      cellOffsets: body.map((r) => Array.from({ length: cols }, (_, c) => r.offsets[c] ?? ([-1, -1] as [number, number]))),
    });
  }
  return out;
}

/** A row of column numbers "(1) (2) (3)" or "1 2 3 4" printed under a header. */
function isNumberingRow(r: GridRow): boolean {
  const cells = r.texts.map((c) => c.trim()).filter(Boolean);
  return cells.length >= 3 && cells.every((c, i) => c.replace(/[()]/g, '') === String(i + 1));
}
