// Image files → page images: PNG and JPEG through @napi-rs/canvas, TIFF (one page per IFD) through utif2.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { grayFromRgba, type Raster } from './raster.js';

/** Resolution assumed when the file does not say (or says something implausible). */
const FALLBACK_DPI = 300;
const plausibleDpi = (d: number | null | undefined) => (d && d >= 70 && d <= 1200 ? d : null);

/**
 * Pixels per inch of an image without its own resolution: one A4 page across (a photo or a
 * scan of a whole page), so that sizes in points come out about right.
 */
function dpiFromSize(width: number, height: number): number {
  const shortInches = 8.27;
  const d = Math.min(width, height) / shortInches;
  return plausibleDpi(d) ?? FALLBACK_DPI;
}

/** The pHYs chunk of a PNG, in dots per inch. */
function pngDpi(b: Uint8Array): number | null {
  const v = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let p = 8;
  while (p + 8 <= v.length) {
    const len = v.readUInt32BE(p);
    const type = v.toString('latin1', p + 4, p + 8);
    if (type === 'pHYs' && len >= 9) {
      const ppu = v.readUInt32BE(p + 8);
      return v[p + 16] === 1 ? Math.round(ppu * 0.0254) : null;
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    p += 12 + len;
  }
  return null;
}

/** The JFIF density of a JPEG, in dots per inch. */
function jpegDpi(b: Uint8Array): number | null {
  const v = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (v.length > 18 && v[2] === 0xff && v[3] === 0xe0 && v.toString('latin1', 6, 10) === 'JFIF') {
    const unit = v[13];
    const x = v.readUInt16BE(14);
    if (unit === 1) return x;
    if (unit === 2) return Math.round(x * 2.54);
  }
  return null;
}

async function decodeWithCanvas(bytes: Uint8Array, dpi: number | null): Promise<Raster> {
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  return grayFromRgba(data, img.width, img.height, plausibleDpi(dpi) ?? dpiFromSize(img.width, img.height));
}

/** TIFF XResolution (tag 282) with ResolutionUnit (296): 2 = inch, 3 = centimetre. */
function tiffDpi(ifd: UTIF.IFD): number | null {
  // Rationals come as [numerator, denominator] pairs, or already divided.
  const raw = (ifd['t282'] as unknown[] | undefined)?.[0];
  const unit = (ifd['t296'] as number[] | undefined)?.[0] ?? 2;
  const x = Array.isArray(raw) ? Number(raw[0]) / (Number(raw[1]) || 1) : Number(raw);
  if (!Number.isFinite(x) || x <= 0) return null;
  return unit === 3 ? Math.round(x * 2.54) : unit === 2 ? Math.round(x) : null;
}

export function decodeTiff(bytes: Uint8Array): Raster[] {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Sub-IFDs (thumbnails, EXIF) are not pages: only the main chain is decoded.
  const ifds = UTIF.decode(buf).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined);
  const pages: Raster[] = [];
  for (const ifd of ifds) {
    UTIF.decodeImage(buf, ifd);
    const rgba = UTIF.toRGBA8(ifd);
    pages.push(grayFromRgba(rgba, ifd.width, ifd.height, plausibleDpi(tiffDpi(ifd)) ?? dpiFromSize(ifd.width, ifd.height)));
  }
  return pages;
}

/** Decode an image file into its pages (one for PNG and JPEG, one per image for TIFF). */
export async function decodeImage(bytes: Uint8Array, subtype: string | undefined): Promise<Raster[]> {
  switch (subtype) {
    case 'tiff':
      return decodeTiff(bytes);
    case 'png':
      return [await decodeWithCanvas(bytes, pngDpi(bytes))];
    case 'jpeg':
      return [await decodeWithCanvas(bytes, jpegDpi(bytes))];
    default:
      return [await decodeWithCanvas(bytes, null)];
  }
}
