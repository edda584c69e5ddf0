// Image files → page images: PNG and JPEG through @napi-rs/canvas, TIFF (one page per IFD) through utif2.
// Dimensions and page counts are read from the headers and checked against the limits before
// anything is decoded; TIFF pages are decoded one at a time, when the OCR stage asks for them.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { LimitError } from '../../limits.js';
import { grayFromRgba, type Raster } from './raster.js';

export interface ImageLimits {
  /** Pixels of one page (width × height). */
  maxPixels?: number;
  /** Pages of one file (TIFF). */
  maxPages?: number;
}

/** One page of an image file: its size and resolution from the header, decoded on demand. */
export interface ImagePage {
  width: number;
  height: number;
  dpi: number;
  decode(): Promise<Raster>;
}

const corrupt = (message: string) => new LimitError('image/corrupt', message);

function checkPixels(width: number, height: number, limits: ImageLimits, what: string): void {
  if (!(width > 0 && height > 0)) throw corrupt(`${what} declares ${width} × ${height} pixels`);
  if (limits.maxPixels !== undefined && width * height > limits.maxPixels)
    throw new LimitError('image/too-large', `${what} is ${width} × ${height} = ${width * height} pixels (limit ${limits.maxPixels})`);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24) return null;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getUint32(12) !== 0x49484452) return null; // "IHDR"
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Whether a PNG's chunks run whole up to IEND: a cut file decodes to a half-blank page otherwise. */
export function pngComplete(b: Uint8Array): boolean {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 8;
  while (p + 12 <= b.length) {
    const len = v.getUint32(p);
    if (v.getUint32(p + 4) === 0x49454e44) return true; // "IEND"
    p += 12 + len;
  }
  return false;
}

/** Width and height from a JPEG's first start-of-frame marker. */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    const m = b[p + 1]!;
    if (m === 0xff) {
      p++; // fill byte
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      p += 2;
      continue;
    }
    const len = v.getUint16(p + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      if (p + 9 > b.length) return null;
      return { width: v.getUint16(p + 7), height: v.getUint16(p + 5) };
    }
    if (m === 0xda || m === 0xd9) return null; // image data before any frame header
    p += 2 + len;
  }
  return null;
}

const TIFF_TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** Tags whose value points at further IFDs that utif2 reads (SubIFDs, EXIF, GPS, Fuji). */
const SUB_IFD_TAGS = new Set([330, 34665, 34853, 61440]);

/**
 * Walk a TIFF's IFDs as utif2 will, refusing what would make it loop or allocate without bound:
 * a page chain that loops back on itself, entries whose values lie outside the file (utif2 reads
 * a declared count of 4 billion one value at a time), too many pages or pixels. Returns the
 * number of pages (IFDs of the main chain with a width and height).
 */
export function checkTiff(b: Uint8Array, limits: ImageLimits = {}): number {
  if (b.length < 8) throw corrupt('TIFF too short');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[0] === 0x49;
  const u16 = (at: number) => {
    if (at + 2 > b.length) throw corrupt(`TIFF offset ${at} past the end of the file`);
    return v.getUint16(at, le);
  };
  const u32 = (at: number) => {
    if (at + 4 > b.length) throw corrupt(`TIFF offset ${at} past the end of the file`);
    return v.getUint32(at, le);
  };
  const seen = new Set<number>();
  /** Check one IFD's entries (and its sub-IFDs); its width and height, if it has them. */
  const ifd = (off: number, depth: number): { width?: number; height?: number; count: number } => {
    if (seen.has(off)) throw corrupt(`TIFF directory at ${off} is reached twice (a loop)`);
    if (depth > 4) throw corrupt('TIFF sub-directories nested too deep');
    seen.add(off);
    const count = u16(off);
    if (off + 2 + count * 12 + 4 > b.length) throw corrupt(`TIFF directory at ${off} runs past the end of the file`);
    const out: { width?: number; height?: number; count: number } = { count };
    for (let i = 0; i < count; i++) {
      const e = off + 2 + i * 12;
      const tag = u16(e), type = u16(e + 2), n = u32(e + 4);
      const size = TIFF_TYPE_SIZE[type];
      if (!size) continue; // utif2 skips unknown types
      const inline = n * size <= 4;
      const at = inline ? e + 8 : u32(e + 8);
      if (at + n * size > b.length) throw corrupt(`TIFF tag ${tag} holds ${n} values past the end of the file`);
      const value = (k: number) => (type === 3 ? v.getUint16(at + 2 * k, le) : type === 4 || type === 13 ? v.getUint32(at + 4 * k, le) : NaN);
      if (tag === 256 && n >= 1) out.width = value(0);
      if (tag === 257 && n >= 1) out.height = value(0);
      if (SUB_IFD_TAGS.has(tag) && (type === 4 || type === 13)) for (let k = 0; k < n; k++) ifd(value(k), depth + 1);
    }
    return out;
  };
  let off = u32(4);
  let pages = 0;
  while (off !== 0) {
    const d = ifd(off, 0);
    // utif2 stops at a directory whose first entry has an impossible type; so do we.
    if (d.count !== 0 && !TIFF_TYPE_SIZE[u16(off + 4)]) break;
    if (d.width !== undefined && d.height !== undefined) {
      pages++;
      checkPixels(d.width, d.height, limits, `TIFF page ${pages}`);
      if (limits.maxPages !== undefined && pages > limits.maxPages)
        throw new LimitError('image/too-many-pages', `TIFF has more than ${limits.maxPages} pages (the limit)`);
    }
    off = u32(off + 2 + d.count * 12);
  }
  if (!pages) throw corrupt('TIFF without any page');
  return pages;
}

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

function decodeIfd(buf: ArrayBuffer, ifd: UTIF.IFD): Raster {
  UTIF.decodeImage(buf, ifd);
  const rgba = UTIF.toRGBA8(ifd);
  // The decoded page stays referenced by the IFD otherwise: drop it, the raster is the copy kept.
  delete (ifd as { data?: unknown }).data;
  return grayFromRgba(rgba, ifd.width, ifd.height, plausibleDpi(tiffDpi(ifd)) ?? dpiFromSize(ifd.width, ifd.height));
}

function tiffIfds(bytes: Uint8Array, limits: ImageLimits): { buf: ArrayBuffer; ifds: UTIF.IFD[] } {
  checkTiff(bytes, limits);
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Sub-IFDs (thumbnails, EXIF) are not pages: only the main chain is decoded. Maker notes are not read.
  const decode = UTIF.decode as (b: ArrayBuffer, prm?: { parseMN: boolean; debug: boolean }) => UTIF.IFD[];
  const ifds = decode(buf, { parseMN: false, debug: false }).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined);
  return { buf, ifds };
}

function tiffPages(bytes: Uint8Array, limits: ImageLimits): ImagePage[] {
  const { buf, ifds } = tiffIfds(bytes, limits);
  return ifds.map((ifd) => {
    const width = Number((ifd['t256'] as number[])[0]);
    const height = Number((ifd['t257'] as number[])[0]);
    return { width, height, dpi: plausibleDpi(tiffDpi(ifd)) ?? dpiFromSize(width, height), decode: async () => decodeIfd(buf, ifd) };
  });
}

export function decodeTiff(bytes: Uint8Array, limits: ImageLimits = {}): Raster[] {
  const { buf, ifds } = tiffIfds(bytes, limits);
  return ifds.map((ifd) => decodeIfd(buf, ifd));
}

async function canvasPage(bytes: Uint8Array, size: { width: number; height: number } | null, dpi: number | null, limits: ImageLimits, what: string): Promise<ImagePage> {
  if (!size) throw corrupt(`${what} header cannot be read`);
  checkPixels(size.width, size.height, limits, what);
  let raster: Raster;
  try {
    raster = await decodeWithCanvas(bytes, dpi);
  } catch (e) {
    throw corrupt(`${what} cannot be decoded: ${(e as Error).message}`);
  }
  return { width: raster.width, height: raster.height, dpi: raster.dpi, decode: async () => raster };
}

/** The pages of an image file, checked against the limits from their headers; each decoded when asked. */
export async function imagePages(bytes: Uint8Array, subtype: string | undefined, limits: ImageLimits = {}): Promise<ImagePage[]> {
  switch (subtype) {
    case 'tiff':
      return tiffPages(bytes, limits);
    case 'png':
      if (!pngComplete(bytes)) throw corrupt('PNG cut short: its chunks run past the end of the file before IEND');
      return [await canvasPage(bytes, pngSize(bytes), pngDpi(bytes), limits, 'PNG')];
    case 'jpeg':
      return [await canvasPage(bytes, jpegSize(bytes), jpegDpi(bytes), limits, 'JPEG')];
    default:
      return [await canvasPage(bytes, pngSize(bytes) ?? jpegSize(bytes), null, limits, 'image')];
  }
}

/** Decode an image file into its pages (one for PNG and JPEG, one per image for TIFF). */
export async function decodeImage(bytes: Uint8Array, subtype: string | undefined, limits: ImageLimits = {}): Promise<Raster[]> {
  const out: Raster[] = [];
  for (const p of await imagePages(bytes, subtype, limits)) out.push(await p.decode());
  return out;
}
