// Page images (PNG, JPEG, multi-page TIFF): OCR with the shared worker pool, then the PDF layout path.
import { sniff } from '../src/detect/sniff.js';
import { extractImage, OcrPool } from '../src/extract/ocr/index.js';
import { resolveLimits } from '../src/limits.js';
import type { Pipeline } from './pipeline.js';

export const imagePipeline: Pipeline = {
  name: 'image-ocr',
  formats: ['image'],
  extract: async (bytes, options) => {
    const subtype = sniff(bytes).subtype;
    const limits = options.limits ?? resolveLimits(options.maxPages !== undefined ? { pages: options.maxPages } : {});
    const ocrOptions = { maxPixels: limits.pixels, maxPages: limits.pages };
    if (options.ocr) return extractImage(bytes, subtype, options.ocr, ocrOptions);
    // No pool handed in: one for this file alone.
    const pool = new OcrPool();
    try {
      return await extractImage(bytes, subtype, pool, ocrOptions);
    } finally {
      await pool.terminate();
    }
  },
};
