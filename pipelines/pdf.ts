// PDFs: pdfjs-dist text with positions, lattice tables from the ruling lines; pages without a
// usable text layer are rendered and OCR'd (pages of both kinds can share one file).
import { extractPdf, type PdfOptions } from '../src/extract/pdf/index.js';
import { OcrPool, pdfOcr } from '../src/extract/ocr/index.js';
import { vietnameseScore } from '../src/normalize/syllables.js';
import type { Pipeline } from './pipeline.js';

export const pdfPipeline: Pipeline = {
  name: 'pdf-text',
  formats: ['pdf'],
  extract: async (bytes, options) => {
    const base: PdfOptions = options.maxPages !== undefined ? { maxPages: options.maxPages } : {};
    // A text layer that is not Vietnamese (a broken font map) is OCR'd like a scan.
    if (options.ocr) return extractPdf(bytes, { ...base, ocr: pdfOcr(options.ocr, { vietnameseScore }) });
    // No pool handed in: one for this file alone (it starts workers only if a page needs OCR).
    const pool = new OcrPool();
    try {
      return await extractPdf(bytes, { ...base, ocr: pdfOcr(pool, { vietnameseScore }) });
    } finally {
      await pool.terminate();
    }
  },
};
