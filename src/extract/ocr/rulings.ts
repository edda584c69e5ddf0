// Ruling lines drawn on a page image (table borders): long thin runs of dark pixels, horizontal and
// vertical, measured on the deskewed image. They feed the same lattice-table finder as a PDF's
// vector rulings; lone rules (underlines, separators) are dropped there as touching nothing.
import { otsuThreshold } from './preprocess.js';
import type { Raster } from './raster.js';

export interface PixelRuling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Open {
  a0: number;
  a1: number;
  /** First and last row (or column) the line was seen on. */
  from: number;
  to: number;
  sum: number;
  n: number;
}

/**
 * Lines along one axis: `at(i, j)` is true for a dark pixel at position j of row (or column) i.
 * Runs of at least minLen (gaps up to `gap` bridged) that continue over neighbouring rows are one
 * line; thicker than maxThick it is a filled area, not a rule.
 */
function scan(rows: number, cols: number, at: (i: number, j: number) => boolean, minLen: number, gap: number, maxThick: number): Open[] {
  const done: Open[] = [];
  let open: Open[] = [];
  for (let i = 0; i < rows; i++) {
    const segs: [number, number][] = [];
    let start = -1;
    let last = -1;
    for (let j = 0; j < cols; j++) {
      if (!at(i, j)) continue;
      if (start >= 0 && j - last <= gap + 1) last = j;
      else {
        if (start >= 0 && last - start + 1 >= minLen) segs.push([start, last]);
        start = j;
        last = j;
      }
    }
    if (start >= 0 && last - start + 1 >= minLen) segs.push([start, last]);
    const next: Open[] = [];
    for (const [a0, a1] of segs) {
      const o = open.find((x) => Math.min(x.a1, a1) - Math.max(x.a0, a0) > 0.5 * Math.min(x.a1 - x.a0, a1 - a0));
      if (o) {
        open = open.filter((x) => x !== o);
        o.a0 = Math.min(o.a0, a0);
        o.a1 = Math.max(o.a1, a1);
        o.to = i;
        o.sum += i;
        o.n++;
        next.push(o);
      } else next.push({ a0, a1, from: i, to: i, sum: i, n: 1 });
    }
    done.push(...open);
    open = next;
  }
  done.push(...open);
  return done.filter((o) => o.to - o.from + 1 <= maxThick);
}

export function findRulings(img: Raster): PixelRuling[] {
  const { width: w, height: h, data } = img;
  const t = Math.min(160, otsuThreshold(data));
  const dark = (x: number, y: number) => data[y * w + x]! <= t;
  const maxThick = Math.max(3, Math.round(0.05 * img.dpi));
  const gap = Math.max(1, Math.round(0.01 * img.dpi));
  const hs = scan(h, w, (y, x) => dark(x, y), Math.round(0.4 * img.dpi), gap, maxThick).map((o) => {
    const y = o.sum / o.n;
    return { x0: o.a0, x1: o.a1 + 1, y0: y, y1: y };
  });
  const vs = scan(w, h, (x, y) => dark(x, y), Math.round(0.2 * img.dpi), gap, maxThick).map((o) => {
    const x = o.sum / o.n;
    return { x0: x, x1: x, y0: o.a0, y1: o.a1 + 1 };
  });
  return [...hs, ...vs];
}

/** Rulings that meet a ruling of the other direction (table grids), not lone underlines. */
export function gridRulings(rulings: PixelRuling[], tol: number): PixelRuling[] {
  const hs = rulings.filter((r) => r.y0 === r.y1);
  const vs = rulings.filter((r) => r.x0 === r.x1);
  const meets = (h: PixelRuling, v: PixelRuling) => v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol;
  return [...hs.filter((h) => vs.some((v) => meets(h, v))), ...vs.filter((v) => hs.some((h) => meets(h, v)))];
}

/**
 * A copy of the image with the table grid painted white (a band of the rule's thickness around
 * each line), so that the engine does not read borders as "|" or lose cell text to them.
 */
export function eraseRulings(img: Raster, rulings: PixelRuling[]): Raster {
  if (!rulings.length) return img;
  const data = new Uint8Array(img.data);
  const half = Math.max(2, Math.round(0.012 * img.dpi));
  for (const r of rulings) {
    const x0 = Math.max(0, Math.floor(Math.min(r.x0, r.x1)) - half);
    const x1 = Math.min(img.width - 1, Math.ceil(Math.max(r.x0, r.x1)) + half);
    const y0 = Math.max(0, Math.floor(Math.min(r.y0, r.y1)) - half);
    const y1 = Math.min(img.height - 1, Math.ceil(Math.max(r.y0, r.y1)) + half);
    for (let y = y0; y <= y1; y++) data.fill(255, y * img.width + x0, y * img.width + x1 + 1);
  }
  return { ...img, data };
}
