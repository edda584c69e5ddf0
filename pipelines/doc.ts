// Word 97–2003 .doc: word-extractor's OLE reader and piece table, the formatting read from the table stream.
import type { Pipeline } from './pipeline.js';

export const docPipeline: Pipeline = {
  name: 'doc',
  formats: ['doc'],
  // Loaded on the first .doc, as the .docx reader is.
  extract: async (bytes) => (await import('../src/extract/doc/index.js')).extractDoc(bytes),
};
