// PDF pages → page images for OCR: pdfjs-dist draws the page on an @napi-rs/canvas canvas.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

/** Render one page (1-based) at dpi into a grayscale raster; the page is painted on white. */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, dpi = OCR_DPI): Promise<Raster> {
  const page = await doc.getPage(pageNumber);
  try {
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
