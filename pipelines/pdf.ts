// PDFs: pdfjs-dist text with positions, lattice tables from the ruling lines; pages without a
// usable text layer are rendered and OCR'd (pages of both kinds can share one file).
import { extractPdf, type PdfOptions } from '../src/extract/pdf/index.js';
import { OcrPool, pdfOcr } from '../src/extract/ocr/index.js';
import { vietnameseScore } from '../src/normalize/syllables.js';
import { resolveLimits } from '../src/limits.js';
import { checkPdfStreams } from '../src/extract/pdf/streams.js';
import type { Pipeline } from './pipeline.js';

export const pdfPipeline: Pipeline = {
  name: 'pdf-text',
  formats: ['pdf'],
  extract: async (bytes, options) => {
    const limits = options.limits ?? resolveLimits(options.maxPages !== undefined ? { pages: options.maxPages } : {});
    // pdfjs inflates streams without a limit: flate bombs are refused before it sees the file.
    checkPdfStreams(bytes, limits.streamBytes);
    const base: PdfOptions = { maxPages: limits.pages };
    const ocrOptions = { vietnameseScore, maxPixels: limits.pixels };
    // A text layer that is not Vietnamese (a broken font map) is OCR'd like a scan.
    if (options.ocr) return extractPdf(bytes, { ...base, ocr: pdfOcr(options.ocr, ocrOptions) });
    // No pool handed in: one for this file alone (it starts workers only if a page needs OCR).
    const pool = new OcrPool();
    try {
      return await extractPdf(bytes, { ...base, ocr: pdfOcr(pool, ocrOptions) });
    } finally {
      await pool.terminate();
    }
  },
};
