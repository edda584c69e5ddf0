// Lattice tables: ruling lines → grid → cells (with spans from missing internal rulings) → cell text.
import type { RawCell, RawRow } from '../../types.js';
import { buildLines } from './lines.js';
import { isHorizontal, type PdfItem, type Ruling } from './model.js';

export interface PdfTable {
  page: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** Column boundaries (x), left to right: the fingerprint for a table continued on the next page. */
  colXs: number[];
  rows: RawRow[];
  /** Items consumed by the table (they must not reappear as paragraphs). */
  items: Set<PdfItem>;
}

/** Tolerance for treating two coordinates as the same ruling position. */
const SNAP = 2;

interface H {
  y: number;
  x0: number;
  x1: number;
}
interface V {
  x: number;
  y0: number;
  y1: number;
}

/** Merge collinear rulings that touch or overlap (borders are often drawn cell by cell). */
function mergeH(hs: H[]): H[] {
  const sorted = [...hs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: H[] = [];
  for (const h of sorted) {
    const same = out.filter((o) => Math.abs(o.y - h.y) <= 1 && h.x0 <= o.x1 + 1.5 && h.x1 >= o.x0 - 1.5);
    if (same.length) {
      const o = same[0]!;
      o.x0 = Math.min(o.x0, h.x0);
      o.x1 = Math.max(o.x1, h.x1);
    } else out.push({ ...h });
  }
  return out;
}

function mergeV(vs: V[]): V[] {
  return mergeH(vs.map((v) => ({ y: v.x, x0: v.y0, x1: v.y1 }))).map((h) => ({ x: h.y, y0: h.x0, y1: h.x1 }));
}

const touches = (h: H, v: V) => v.x >= h.x0 - SNAP && v.x <= h.x1 + SNAP && h.y >= v.y0 - SNAP && h.y <= v.y1 + SNAP;

/** Sorted cluster centres of coordinates closer than SNAP. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** Length of [a0,a1] ∩ [b0,b1]. */
const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

interface GridCell {
  r0: number;
  c0: number;
  r1: number; // exclusive
  c1: number; // exclusive
}

/** Cells of the grid: start at a free grid square, grow right and down while no internal ruling separates. */
function gridCells(xs: number[], ys: number[], hs: H[], vs: V[]): GridCell[] {
  const nR = ys.length - 1;
  const nC = xs.length - 1;
  const vWall = (c: number, r: number) => {
    // Ruling on column line c (1..nC-1) across row r?
    const span = ys[r + 1]! - ys[r]!;
    const cover = vs.filter((v) => Math.abs(v.x - xs[c]!) <= SNAP).reduce((s, v) => s + overlap(v.y0, v.y1, ys[r]!, ys[r + 1]!), 0);
    return cover >= 0.5 * span;
  };
  const hWall = (r: number, c: number) => {
    const span = xs[c + 1]! - xs[c]!;
    const cover = hs.filter((h) => Math.abs(h.y - ys[r]!) <= SNAP).reduce((s, h) => s + overlap(h.x0, h.x1, xs[c]!, xs[c + 1]!), 0);
    return cover >= 0.5 * span;
  };
  const taken: boolean[][] = Array.from({ length: nR }, () => new Array<boolean>(nC).fill(false));
  const cells: GridCell[] = [];
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      if (taken[r]![c]) continue;
      let c1 = c + 1;
      while (c1 < nC && !taken[r]![c1] && !vWall(c1, r)) c1++;
      let r1 = r + 1;
      const openBelow = (rr: number) => {
        for (let k = c; k < c1; k++) if (taken[rr]![k] || hWall(rr, k)) return false;
        return true;
      };
      while (r1 < nR && openBelow(r1)) r1++;
      for (let rr = r; rr < r1; rr++) for (let k = c; k < c1; k++) taken[rr]![k] = true;
      cells.push({ r0: r, c0: c, r1, c1 });
    }
  }
  return cells;
}

/** Drop grid rows/columns in which no cell starts (a ruling fragment that separates nothing). */
function compact(cells: GridCell[], nR: number, nC: number): { cells: GridCell[]; colUsed: boolean[] } {
  const rowUsed = new Array<boolean>(nR).fill(false);
  const colUsed = new Array<boolean>(nC).fill(false);
  for (const c of cells) {
    rowUsed[c.r0] = true;
    colUsed[c.c0] = true;
  }
  const map = (used: boolean[]) => {
    const m: number[] = [];
    let k = -1;
    for (let i = 0; i < used.length; i++) {
      if (used[i]) k++;
      m.push(k);
    }
    m.push(k + 1);
    return m;
  };
  const rowMap = map(rowUsed);
  const colMap = map(colUsed);
  // An exclusive end maps to the index of the next used line.
  const endOf = (m: number[], used: boolean[], end: number) => {
    let e = end;
    while (e < used.length && !used[e]) e++;
    return e >= used.length ? m[used.length]! : m[e]!;
  };
  return {
    cells: cells.map((c) => ({ r0: rowMap[c.r0]!, c0: colMap[c.c0]!, r1: endOf(rowMap, rowUsed, c.r1), c1: endOf(colMap, colUsed, c.c1) })),
    colUsed,
  };
}

/** Wrapped cell lines joined with spaces; a word broken after its own hyphen ("VH-" / "TT") is rejoined. */
function joinCellLines(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (!out) out = l;
    else out += (/[\p{L}\p{N}]-$/u.test(out) ? '' : ' ') + l;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Find the ruled tables on one page and the text inside their cells. */
export function findTables(rulings: Ruling[], items: PdfItem[], page: number): PdfTable[] {
  const hs = mergeH(rulings.filter(isHorizontal).map((r) => ({ y: r.y0, x0: r.x0, x1: r.x1 })));
  const vs = mergeV(rulings.filter((r) => !isHorizontal(r)).map((r) => ({ x: r.x0, y0: r.y0, y1: r.y1 })));
  // Connected components of touching rulings.
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hits = new Array<number>(n).fill(0);
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (!touches(h, v)) return;
      parent[find(i)] = find(hs.length + j);
      hits[i]!++;
      hits[hs.length + j]!++;
    }),
  );
  const comps = new Map<number, { hs: H[]; vs: V[] }>();
  for (let i = 0; i < n; i++) {
    // Text underlines and short rules touch nothing, or one ruling: they are not cell borders.
    if (hits[i]! < 2) continue;
    const root = find(i);
    const comp = comps.get(root) ?? { hs: [], vs: [] };
    if (i < hs.length) comp.hs.push(hs[i]!);
    else comp.vs.push(vs[i - hs.length]!);
    comps.set(root, comp);
  }
  const tables: PdfTable[] = [];
  const used = new Set<PdfItem>();
  for (const comp of comps.values()) {
    if (comp.hs.length < 2 || comp.vs.length < 2) continue;
    const x0 = Math.min(...comp.hs.map((h) => h.x0), ...comp.vs.map((v) => v.x));
    const x1 = Math.max(...comp.hs.map((h) => h.x1), ...comp.vs.map((v) => v.x));
    const top = Math.min(...comp.vs.map((v) => v.y0), ...comp.hs.map((h) => h.y));
    const bottom = Math.max(...comp.vs.map((v) => v.y1), ...comp.hs.map((h) => h.y));
    // Outer edges count even where a border is missing (open-sided tables).
    const xs = cluster([x0, x1, ...comp.vs.map((v) => v.x)]);
    const ys = cluster([top, bottom, ...comp.hs.map((h) => h.y)]);
    if (xs.length < 2 || ys.length < 2 || x1 - x0 < 20 || bottom - top < 8) continue;
    const raw = gridCells(xs, ys, comp.hs, comp.vs);
    const { cells, colUsed } = compact(raw, ys.length - 1, xs.length - 1);
    const colXs = xs.filter((_, i) => i === xs.length - 1 || colUsed[i]);
    // Text of each cell, by where the item's centre falls.
    const cellItems = raw.map(() => [] as PdfItem[]);
    for (const it of items) {
      if (used.has(it)) continue;
      const cx = (it.x0 + it.x1) / 2;
      const cy = it.baseline - 0.3 * it.size;
      if (cx < x0 || cx > x1 || cy < top || cy > bottom) continue;
      const k = raw.findIndex((c) => cx >= xs[c.c0]! && cx <= xs[c.c1]! && cy >= ys[c.r0]! && cy <= ys[c.r1]!);
      if (k < 0) continue;
      cellItems[k]!.push(it);
      used.add(it);
    }
    const nRows = Math.max(0, ...cells.map((c) => c.r1));
    const rows: RawRow[] = Array.from({ length: nRows }, () => ({ cells: [] as RawCell[], page }));
    const order = cells.map((c, k) => ({ c, k })).sort((a, b) => a.c.r0 - b.c.r0 || a.c.c0 - b.c.c0);
    for (const { c, k } of order) {
      const text = joinCellLines(buildLines(cellItems[k]!, page).map((l) => l.text));
      rows[c.r0]!.cells.push({ text, colSpan: c.c1 - c.c0, rowSpan: c.r1 - c.r0 });
    }
    const tableItems = new Set(cellItems.flat());
    tables.push({ page, top, bottom, x0, x1, colXs, rows, items: tableItems });
  }
  return tables.sort((a, b) => a.top - b.top);
}
