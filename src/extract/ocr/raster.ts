// The page image every OCR step works on: 8-bit grayscale, row-major, with its resolution.

export interface Raster {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, 255 = white. */
  data: Uint8Array;
  /** Pixels per inch; PDF points per pixel are 72 / dpi. */
  dpi: number;
}

/** RGBA (canvas ImageData order) → luminance (ITU-R BT.601), transparent pixels as white paper. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number): Raster {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]!;
    const y = (299 * rgba[j]! + 587 * rgba[j + 1]! + 114 * rgba[j + 2]!) / 1000;
    data[i] = a === 255 ? y : Math.round((y * a + 255 * (255 - a)) / 255);
  }
  return { width, height, data, dpi };
}

/**
 * Binary PGM (P5): what the OCR engine is handed. Leptonica reads it without decoding work,
 * and writing it costs a header (PNG encoding a 300 dpi page takes about a second).
 */
export function toPgm(r: Raster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${r.width} ${r.height}\n255\n`);
  const out = new Uint8Array(header.length + r.data.length);
  out.set(header, 0);
  out.set(r.data, header.length);
  return out;
}
