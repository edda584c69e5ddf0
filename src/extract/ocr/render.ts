// PDF pages → page images for OCR: pdfjs-dist draws the page on an @napi-rs/canvas canvas.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfError } from '../pdf/errors.js';
import { grayFromRgba, type Raster } from './raster.js';

/**
 * Render resolution. Scans are mostly stored at 150–300 dpi; 300 dpi puts body text (13–14 pt)
 * at the glyph height the LSTM model reads best (see README, "OCR", for the measurements).
 */
export const OCR_DPI = 300;

interface CanvasAndContext {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

/** Under this the text of an ordinary page is too small to read: a page that only fits the pixel limit lower is refused. */
export const MIN_OCR_DPI = 100;

/**
 * Render one page (1-based) at dpi into a grayscale raster; the page is painted on white. A page
 * that would be over maxPixels at dpi (a poster, an absurd MediaBox) is drawn at the resolution
 * that fits, and refused (pdf/page-too-large) before anything is allocated when that is under MIN_OCR_DPI.
 */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, dpi = OCR_DPI, maxPixels = Infinity): Promise<Raster> {
  const page = await doc.getPage(pageNumber);
  try {
    const unit = page.getViewport({ scale: 1 });
    const pixels = (unit.width * dpi * unit.height * dpi) / (72 * 72);
    if (pixels > maxPixels) {
      const fitted = Math.floor(dpi * Math.sqrt(maxPixels / pixels));
      if (!(fitted >= MIN_OCR_DPI))
        throw new PdfError(
          'pdf/page-too-large',
          `page ${pageNumber} is ${Math.round(unit.width)} × ${Math.round(unit.height)} pt: ${Math.round(pixels / 1e6)} Mpx at ${dpi} dpi, over the ${Math.round(maxPixels / 1e6)} Mpx limit even at ${MIN_OCR_DPI} dpi`,
        );
      dpi = fitted;
    }
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    // pdfjs picks its Node canvas factory (@napi-rs/canvas) by itself.
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): CanvasAndContext; destroy(c: CanvasAndContext): void } })
      .canvasFactory;
    const cc = factory.create(width, height);
    try {
      await page.render({ canvas: cc.canvas as never, canvasContext: cc.context as never, viewport, background: 'white' }).promise;
      const img = cc.context.getImageData(0, 0, width, height);
      return grayFromRgba(img.data, width, height, dpi);
    } finally {
      factory.destroy(cc);
    }
  } finally {
    page.cleanup();
  }
}
