// Two-column layout regions (header block: issuer | motto + date; closing: Nơi nhận | signature),
// found from geometry alone: lines split by a wide gap, and neighbouring lines that stay on one side.
import { gapsOf, makeLine } from './lines.js';
import type { PdfLine } from './model.js';

export interface ColumnRegion {
  page: number;
  top: number;
  bottom: number;
  left: PdfLine[];
  right: PdfLine[];
  /** The visual lines the region took over. */
  source: Set<PdfLine>;
}

/** A gap this wide (in ems) inside a line separates two columns; word spaces and "Số:    /KH" blanks are narrower. */
const SPLIT_EMS = 2.5;
/** A signature leaves a tall blank; further than this (in ems) below the region ends it. */
const MAX_VGAP_EMS = 12;

function widestGap(line: PdfLine): [number, number] | null {
  const gaps = gapsOf(line, SPLIT_EMS * line.size);
  if (!gaps.length) return null;
  return gaps.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
}

const center = (l: PdfLine) => (l.x0 + l.x1) / 2;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

/**
 * Whether a line continues a column: flush with its left edge when the column is left-aligned,
 * on its middle when it is centred (a page-centred title under the header is neither).
 */
function fitsColumn(line: PdfLine, column: PdfLine[], tol: number): boolean {
  if (!column.length) return false;
  const x0s = column.map((l) => l.x0);
  const mids = column.map(center);
  const leftAligned = column.length < 2 || spread(x0s) <= 2;
  const centred = column.length < 2 || spread(mids) <= 6;
  const byEdge = leftAligned && x0s.some((x) => Math.abs(line.x0 - x) <= 2);
  const byMiddle = centred && Math.abs(center(line) - mean(mids)) <= tol;
  return byEdge || byMiddle;
}

/**
 * Find two-column regions among a page's lines (sorted top to bottom, tables already removed).
 * pageWidth scales the alignment tolerance.
 */
export function findColumnRegions(lines: PdfLine[], pageWidth: number): ColumnRegion[] {
  const regions: ColumnRegion[] = [];
  const tol = 0.03 * pageWidth;
  let i = 0;
  /** Lines before this index already belong to a region. */
  let floor = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    const g0 = widestGap(first);
    if (!g0) {
      i++;
      continue;
    }
    let lo = g0[0];
    let hi = g0[1];
    const left: PdfLine[] = [];
    const right: PdfLine[] = [];
    const source = new Set<PdfLine>();
    const split = (line: PdfLine, at: [number, number]) => {
      const l = makeLine(line.items.filter((it) => it.x1 <= at[0] + 0.5), line.page);
      const r = makeLine(line.items.filter((it) => it.x0 >= at[1] - 0.5), line.page);
      left.push(l);
      right.push(r);
      source.add(line);
    };
    split(first, g0);
    let bottom = first.bottom;
    let lastBaseline = first.baseline;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.top - bottom > MAX_VGAP_EMS * line.size) break;
      const g = widestGap(line);
      if (g && g[0] < hi && g[1] > lo && Math.max(lo, g[0]) < Math.min(hi, g[1])) {
        lo = Math.max(lo, g[0]);
        hi = Math.min(hi, g[1]);
        split(line, g);
      } else {
        // One-sided line: it must stay clear of the gutter and line up with that column's text,
        // or sit right under the region inside the column's band (a column of one line has no alignment yet).
        const close = line.baseline - lastBaseline <= 1.6 * line.size;
        const leftX0 = Math.min(...left.map((l) => l.x0));
        const rightX1 = Math.max(...right.map((l) => l.x1));
        const onLeft = line.x1 <= hi + 1 && (fitsColumn(line, left, tol) || (close && line.x0 >= leftX0 - line.size));
        const onRight =
          !onLeft &&
          line.x0 >= lo - 1 &&
          (fitsColumn(line, right, tol) || (close && line.x0 >= hi - 0.25 * line.size && line.x1 <= rightX1 + line.size));
        if (onLeft) {
          left.push(line);
          lo = Math.max(lo, line.x1);
        } else if (onRight) {
          right.push(line);
          hi = Math.min(hi, line.x0);
        } else break;
        source.add(line);
      }
      bottom = Math.max(bottom, line.bottom);
      lastBaseline = line.baseline;
    }
    // Lines just above the first split line (a motto set a little higher than the issuer, say)
    // belong too, unless they are the tail of a paragraph running across the gutter.
    let top = first.top;
    let topBaseline = first.baseline;
    for (let k = i - 1; k >= floor; k--) {
      const line = lines[k]!;
      if (topBaseline - line.baseline > 1.6 * line.size || widestGap(line)) break;
      const above = lines[k - 1];
      if (above && k - 1 >= floor && above.x0 < lo && above.x1 > hi && line.baseline - above.baseline <= 1.5 * line.size) break;
      const onLeft = line.x1 <= hi + 1 && fitsColumn(line, left, tol);
      const onRight = !onLeft && line.x0 >= lo - 1 && fitsColumn(line, right, tol);
      if (onLeft) left.unshift(line);
      else if (onRight) right.unshift(line);
      else break;
      source.add(line);
      top = Math.min(top, line.top);
      topBaseline = line.baseline;
    }
    regions.push({
      page: first.page,
      top,
      bottom,
      left: left.filter((l) => l.text),
      right: right.filter((l) => l.text),
      source,
    });
    i = j;
    floor = j;
  }
  return regions;
}
