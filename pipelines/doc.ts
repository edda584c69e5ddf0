// Word 97–2003 .doc: word-extractor's OLE reader and piece table, the formatting read from the table stream.
import { extractDoc } from '../src/extract/doc/index.js';
import type { Pipeline } from './pipeline.js';

export const docPipeline: Pipeline = {
  name: 'doc',
  formats: ['doc'],
  extract: (bytes) => extractDoc(bytes),
};
