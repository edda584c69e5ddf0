// Image clean-up before OCR: binarisation (global Otsu or local Sauvola) and deskew by projection
// profile. Which steps run is an option: bench/eval measure them against the samples' source text.
import type { Raster } from './raster.js';

export interface PreprocessOptions {
  /** 'otsu': one global threshold; 'sauvola': a local threshold (uneven lighting); 'none': gray as is. */
  binarise?: 'otsu' | 'sauvola' | 'none';
  /** Straighten the page when its text lines run at an angle. */
  deskew?: boolean;
}

export interface Preprocessed {
  image: Raster;
  /** The rotation applied, in degrees (positive: the page content was turned clockwise back). */
  skew: number;
}

/** Otsu's threshold over the 256-bin histogram. */
export function otsuThreshold(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]! += 1;
  const total = data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0, wB = 0, best = 0, bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const v = wB * wF * (mB - mF) * (mB - mF);
    if (v > bestVar) [bestVar, best] = [v, t];
  }
  return best;
}

export function binariseOtsu(r: Raster): Raster {
  const t = otsuThreshold(r.data);
  const data = new Uint8Array(r.data.length);
  for (let i = 0; i < data.length; i++) data[i] = r.data[i]! > t ? 255 : 0;
  return { ...r, data };
}

/**
 * Sauvola: threshold = mean · (1 + k · (sd / 128 − 1)) over a window about 1/8 inch... 1/3 inch wide,
 * from integral images; survives shading and a photo's uneven light.
 */
export function binariseSauvola(r: Raster, k = 0.2, windowInches = 0.25): Raster {
  const { width: w, height: h, data: src } = r;
  const W = w + 1;
  const sum = new Float64Array(W * (h + 1));
  const sq = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let rs = 0, rq = 0;
    for (let x = 0; x < w; x++) {
      const v = src[y * w + x]!;
      rs += v;
      rq += v * v;
      sum[(y + 1) * W + x + 1] = sum[y * W + x + 1]! + rs;
      sq[(y + 1) * W + x + 1] = sq[y * W + x + 1]! + rq;
    }
  }
  const half = Math.max(7, Math.round((windowInches * r.dpi) / 2));
  const data = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - half), y1 = Math.min(h, y + half + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - half), x1 = Math.min(w, x + half + 1);
      const n = (y1 - y0) * (x1 - x0);
      const s = sum[y1 * W + x1]! - sum[y0 * W + x1]! - sum[y1 * W + x0]! + sum[y0 * W + x0]!;
      const q = sq[y1 * W + x1]! - sq[y0 * W + x1]! - sq[y1 * W + x0]! + sq[y0 * W + x0]!;
      const mean = s / n;
      const sd = Math.sqrt(Math.max(0, q / n - mean * mean));
      data[y * w + x] = src[y * w + x]! > mean * (1 + k * (sd / 128 - 1)) ? 255 : 0;
    }
  }
  return { ...r, data };
}

/**
 * The skew of the text lines in degrees, by projection profile: the angle at which the row
 * sums of dark pixels are most peaked (lines and gaps sharpest). Searched within ±maxDeg.
 */
export function estimateSkew(r: Raster, maxDeg = 5): number {
  // Work on a reduced copy: every 4th pixel is plenty for line structure at 150–300 dpi.
  const step = r.dpi >= 250 ? 4 : r.dpi >= 140 ? 3 : 2;
  const t = otsuThreshold(r.data);
  const xs: number[] = [];
  const ys: number[] = [];
  // Skip a margin band so that scanner edges and a photo's background do not dominate.
  const mx = Math.floor(r.width * 0.05), my = Math.floor(r.height * 0.03);
  for (let y = my; y < r.height - my; y += step) {
    for (let x = mx; x < r.width - mx; x += step) {
      if (r.data[y * r.width + x]! <= t) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 500) return 0;
  const rows = new Float64Array(Math.ceil(r.height / step) + 2 * Math.ceil(r.width / step) + 4);
  const offset = Math.ceil(r.width / step) + 2;
  const score = (deg: number) => {
    rows.fill(0);
    const tan = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < xs.length; i++) rows[Math.round((ys[i]! - xs[i]! * tan) / step) + offset]!++;
    let s = 0;
    for (let i = 1; i < rows.length; i++) {
      const d = rows[i]! - rows[i - 1]!;
      s += d * d;
    }
    return s;
  };
  let best = 0, bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.25; d <= coarse + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}

/** Rotate by deg about the image centre (bilinear), same size, uncovered corners white. */
export function rotate(r: Raster, deg: number): Raster {
  const { width: w, height: h, data: src } = r;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // Inverse mapping: the source pixel that lands on (x, y).
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        data[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0, fy = sy - y0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bot = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
      data[y * w + x] = Math.round(top + (bot - top) * fy);
    }
  }
  return { ...r, data };
}

/** Where a point of the rotated image was on the original one (to report boxes on the page as it is). */
export function unrotatePoint(x: number, y: number, deg: number, width: number, height: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  const cx = (width - 1) / 2, cy = (height - 1) / 2;
  const dx = x - cx, dy = y - cy;
  return [Math.cos(a) * dx - Math.sin(a) * dy + cx, Math.sin(a) * dx + Math.cos(a) * dy + cy];
}

/** The default steps: chosen on the samples' character error rate (see README, "OCR"). */
export const DEFAULT_PREPROCESS: Required<PreprocessOptions> = { binarise: 'none', deskew: true };

export function preprocess(r: Raster, options: PreprocessOptions = DEFAULT_PREPROCESS): Preprocessed {
  const o = { ...DEFAULT_PREPROCESS, ...options };
  let image = r;
  let skew = 0;
  if (o.deskew) {
    // Text running down to the right has a positive angle; rotating by it levels the lines.
    skew = estimateSkew(image);
    if (Math.abs(skew) >= 0.1) image = rotate(image, skew);
    else skew = 0;
  }
  if (o.binarise === 'otsu') image = binariseOtsu(image);
  else if (o.binarise === 'sauvola') image = binariseSauvola(image);
  return { image, skew };
}
