// Table rows rebuilt from the paragraph stream. In a .doc a table is paragraphs marked "in table":
// each cell's last paragraph ends with \x07, and each row ends with one more \x07 paragraph (the
// row end mark) whose properties hold the row's cell boundaries and per-cell flags (sprmTDefTable:
// merges, borders). Cell widths give the grid and the column spans; vertical merge flags the row spans.
import type { RawCell, RawRow, TableBlock } from '../../types.js';
import { SPRM, sprms } from './sprm.js';
import type { Para } from './text.js';

interface CellDef {
  /** Left and right edge in twips. */
  left: number;
  right: number;
  firstMerged: boolean;
  merged: boolean;
  vertMerge: boolean;
  vertRestart: boolean;
  /** Visible borders: top, left, bottom, right. */
  borders: boolean[];
}

interface RowDef {
  cells: CellDef[];
  header: boolean;
  /** Table-level borders (top, left, bottom, right, insideH, insideV) when the row says. */
  tableBorders: boolean[] | null;
}

/** A Brc80 (4 bytes: width, type, colour, spacing) draws a line unless its type is none or it is nil. */
const brc80 = (b: Buffer, at: number) => at + 4 <= b.length && b[at + 1] !== 0 && b.readUInt32LE(at) !== 0xffffffff;
/** A Brc (8 bytes: colour, width, type, flags). */
const brc = (b: Buffer, at: number) => at + 8 <= b.length && b[at + 5] !== 0 && b[at + 5] !== 0xff;

function readRowDef(g: Buffer): RowDef {
  const def: RowDef = { cells: [], header: false, tableBorders: null };
  const vert = new Map<number, number>();
  for (const s of sprms(g)) {
    switch (s.op) {
      case SPRM.tTableHeader:
        def.header = g[s.at] !== 0;
        break;
      case SPRM.tTableBorders80:
        def.tableBorders = [0, 1, 2, 3, 4, 5].map((i) => brc80(g, s.at + 1 + i * 4));
        break;
      case SPRM.tTableBorders:
        def.tableBorders = [0, 1, 2, 3, 4, 5].map((i) => brc(g, s.at + 1 + i * 8));
        break;
      case SPRM.tVertMerge:
        if (s.len >= 3) vert.set(g[s.at + 1]!, g[s.at + 2]!);
        break;
      case SPRM.tDefTable: {
        const end = s.at + s.len;
        const n = g[s.at + 2] ?? 0;
        const centers = s.at + 3;
        const tcs = centers + (n + 1) * 2;
        if (tcs > end) break;
        def.cells = [];
        for (let i = 0; i < n; i++) {
          const tc = tcs + i * 20;
          const has = tc + 20 <= end;
          const flags = has ? g.readUInt16LE(tc) : 0;
          def.cells.push({
            left: g.readInt16LE(centers + i * 2),
            right: g.readInt16LE(centers + (i + 1) * 2),
            firstMerged: (flags & 0x01) !== 0,
            merged: (flags & 0x02) !== 0,
            vertMerge: (flags & 0x20) !== 0,
            vertRestart: (flags & 0x40) !== 0,
            borders: has ? [0, 1, 2, 3].map((k) => brc80(g, tc + 4 + k * 4)) : [],
          });
        }
        break;
      }
    }
  }
  // sprmTVertMerge (Word 2000+): 0 none, 1 merged with the cell above, 3 first of a merge.
  for (const [i, v] of vert) {
    const c = def.cells[i];
    if (c) {
      c.vertMerge = v !== 0;
      c.vertRestart = v === 3 || v === 2;
    }
  }
  return def;
}

/** The text of one cell: its paragraphs' lines, one per line. */
export type CellText = (p: Para) => string[];

interface Cell {
  lines: string[];
}

/**
 * One table from its paragraphs (all marked in table). Nested tables (depth 2 and more) are
 * flattened into their outer cell, one line per inner row, as the docx extractor does.
 */
export function buildTable(paras: Para[], cellText: CellText): TableBlock {
  const rows: { cells: Cell[]; def: RowDef | null }[] = [];
  let cells: Cell[] = [];
  let cell: Cell = { lines: [] };
  let inner: string[] = [];
  let innerCell: string[] = [];
  for (const p of paras) {
    if (p.props.itap >= 2) {
      if (p.props.innerTtp) {
        const row = inner.filter(Boolean).join(' ');
        if (row) cell.lines.push(row);
        inner = [];
      } else {
        innerCell.push(...cellText(p));
        if (p.props.innerCell) {
          inner.push(innerCell.join(' '));
          innerCell = [];
        }
      }
      continue;
    }
    if (p.props.ttp) {
      rows.push({ cells, def: p.grpprl ? readRowDef(p.grpprl) : null });
      cells = [];
      cell = { lines: [] };
      continue;
    }
    cell.lines.push(...cellText(p));
    if (p.mark === '\x07') {
      cells.push(cell);
      cell = { lines: [] };
    }
  }
  // A table cut off before its last row end mark keeps the cells it has.
  if (cell.lines.length) cells.push(cell);
  if (cells.length) rows.push({ cells, def: null });

  // The column grid: every cell edge of every row that gives its geometry.
  const geometric = rows.every((r) => r.def && r.def.cells.length === r.cells.length);
  const edges = geometric ? snap([...new Set(rows.flatMap((r) => r.def!.cells.flatMap((c) => [c.left, c.right])))]) : [];
  const col = (x: number) => nearest(edges, x);

  const out: RawRow[] = [];
  // Per grid column, the cell a vertical merge continues.
  const open = new Map<number, RawCell>();
  let drawn = 0;
  let blank = 0;
  let count = 0;
  for (const r of rows) {
    const cellsOut: RawCell[] = [];
    r.cells.forEach((c, i) => {
      const d = geometric ? r.def!.cells[i]! : null;
      const text = c.lines.join('\n');
      if (d) {
        count++;
        if (d.borders.some(Boolean)) drawn++;
        else if (d.borders.length) blank++;
      }
      const start = d ? Math.max(0, col(d.left)) : i;
      const span = d ? Math.max(1, col(d.right) - start) : 1;
      // Word 97 horizontal merges: the cells after the first of a merge are folded into it.
      const prev = cellsOut[cellsOut.length - 1];
      if (d?.merged && !d.firstMerged && prev) {
        prev.colSpan += span;
        if (text) prev.text = prev.text ? `${prev.text}\n${text}` : text;
        return;
      }
      if (d?.vertMerge && !d.vertRestart) {
        const above = open.get(start);
        if (above) {
          above.rowSpan++;
          if (text) above.text = above.text ? `${above.text}\n${text}` : text;
          return;
        }
      }
      const cellOut: RawCell = { text, colSpan: span, rowSpan: 1 };
      if (d?.vertMerge) open.set(start, cellOut);
      else open.delete(start);
      cellsOut.push(cellOut);
    });
    out.push({ cells: cellsOut, page: null, ...(r.def?.header ? { isHeader: true } : {}) });
  }

  // Ruled like the docx reading: the table's own borders, unless most cells switch theirs off;
  // else most cells drawing their own.
  const table = rows.find((r) => r.def?.tableBorders)?.def?.tableBorders ?? null;
  const bordered = table?.some(Boolean) ? blank * 2 <= count : count > 0 && drawn * 2 > count;
  return { kind: 'table', rows: out, pages: [], bordered };
}

const TOLERANCE = 15; // twips: edges this close are one grid line (rounding between rows)

/** Index of the grid line at x (within the tolerance), by binary search. */
function nearest(edges: number[], x: number): number {
  let lo = 0;
  let hi = edges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = edges[mid]!;
    if (Math.abs(e - x) <= TOLERANCE) return mid;
    if (e < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function snap(xs: number[]): number[] {
  const out: number[] = [];
  for (const x of xs.sort((a, b) => a - b)) if (!out.length || x - out[out.length - 1]! > TOLERANCE) out.push(x);
  return out;
}
