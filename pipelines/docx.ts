// Word 2007+ documents: mammoth for the body and tables, fast-xml-parser for the parts it drops.
import { resolveLimits } from '../src/limits.js';
import type { Pipeline } from './pipeline.js';

export const docxPipeline: Pipeline = {
  name: 'docx',
  formats: ['docx'],
  // Loaded on the first .docx: a worker thread that only meets PDFs never pays for mammoth.
  extract: async (bytes, options) => {
    const { extractDocx } = await import('../src/extract/docx/index.js');
    return extractDocx(bytes, { limits: options.limits ?? resolveLimits() });
  },
};
