// Which pipeline reads which input, chosen from the sniffed bytes.
import type { Sniffed } from '../src/detect/sniff.js';
import { docxPipeline } from './docx.js';
import { imagePipeline } from './image.js';
import { pdfPipeline } from './pdf.js';
import { textPipeline } from './text.js';
import { UnsupportedError, type Pipeline } from './pipeline.js';

export { runPipeline, UnsupportedError, type Pipeline, type PipelineInput, type PipelineOptions } from './pipeline.js';

export const PIPELINES: Pipeline[] = [pdfPipeline, docxPipeline, textPipeline, imagePipeline];

/** The pipeline for a sniffed input, or an UnsupportedError that says why there is none. */
export function pipelineFor(sniffed: Sniffed): Pipeline | UnsupportedError {
  const p = PIPELINES.find((x) => x.formats.includes(sniffed.format));
  if (p) return p;
  switch (sniffed.format) {
    case 'doc':
      return new UnsupportedError('doc/unsupported', 'Word 97–2003 .doc: not supported yet');
    default:
      return new UnsupportedError('input/unknown-format', sniffed.reason);
  }
}
