// Word 2007+ documents: mammoth for the body and tables, fast-xml-parser for the parts it drops.
import { extractDocx } from '../src/extract/docx/index.js';
import { resolveLimits } from '../src/limits.js';
import type { Pipeline } from './pipeline.js';

export const docxPipeline: Pipeline = {
  name: 'docx',
  formats: ['docx'],
  extract: (bytes, options) => extractDocx(bytes, { limits: options.limits ?? resolveLimits() }),
};
