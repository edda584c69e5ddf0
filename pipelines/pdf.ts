// PDFs with a text layer: pdfjs-dist text with positions, lattice tables from the ruling lines.
import { extractPdf } from '../src/extract/pdf/index.js';
import type { Pipeline } from './pipeline.js';

export const pdfPipeline: Pipeline = {
  name: 'pdf-text',
  formats: ['pdf'],
  extract: (bytes, options) => extractPdf(bytes, options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
};
