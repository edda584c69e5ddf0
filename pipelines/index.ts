// Which pipeline reads which input, chosen from the sniffed bytes.
import type { Sniffed } from '../src/detect/sniff.js';
import { docPipeline } from './doc.js';
import { docxPipeline } from './docx.js';
import { imagePipeline } from './image.js';
import { pdfPipeline } from './pdf.js';
import { textPipeline } from './text.js';
import { UnsupportedError, type Pipeline } from './pipeline.js';

export { runPipeline, UnsupportedError, type Pipeline, type PipelineInput, type PipelineOptions } from './pipeline.js';

export const PIPELINES: Pipeline[] = [pdfPipeline, docxPipeline, docPipeline, textPipeline, imagePipeline];

/** The pipeline for a sniffed input, or an UnsupportedError that says why there is none. */
export function pipelineFor(sniffed: Sniffed): Pipeline | UnsupportedError {
  const p = PIPELINES.find((x) => x.formats.includes(sniffed.format));
  return p ?? new UnsupportedError('input/unknown-format', sniffed.reason);
}
