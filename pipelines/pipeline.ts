// A pipeline is the stage sequence for one kind of input: an extractor, then the shared stages
// bytes → pages (→ OCR correction) → normalised text → structure → entities → findings → document JSON.
import type { ExtractedDocument, InputFormat } from '../src/types.js';
import type { OcrPool } from '../src/extract/ocr/engine.js';
import type { Limits } from '../src/limits.js';
import { normalize, pageAt } from '../src/normalize/index.js';
import { structure } from '../src/structure/index.js';
import { extractEntities } from '../src/entities/index.js';
import { assemble } from '../src/document/assemble.js';
import { audit } from '../src/validate/findings.js';
import { correctOcr } from '../src/correct/index.js';
import type { DocumentJson } from '../src/document/schema.js';
import { PIPELINE_VERSION } from '../src/version.js';

export interface PipelineOptions {
  /** Refuse PDFs with more pages than this (limits.pages wins when both are given). */
  maxPages?: number;
  /** Resource limits for the extractors; the defaults of src/limits.ts without it. */
  limits?: Limits;
  /** The OCR worker pool shared by the files of one run; without it a pipeline that needs OCR makes its own. */
  ocr?: OcrPool;
}

export interface Pipeline {
  name: string;
  formats: InputFormat[];
  extract(bytes: Uint8Array, options: PipelineOptions): Promise<ExtractedDocument>;
}

export interface PipelineInput {
  bytes: Uint8Array;
  /** The input's path relative to its root, as written into source.path. */
  path: string;
  sha256: string;
}

/** A file the pipelines recognise but cannot read yet (or ever): reported, not crashed on. */
export class UnsupportedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

export async function runPipeline(pipeline: Pipeline, input: PipelineInput, options: PipelineOptions = {}): Promise<DocumentJson> {
  const raw = await pipeline.extract(input.bytes, options);
  // OCR'd words are mended (impossible syllables, tone-mark slips, agency names) before anything reads them.
  const extracted = raw.ocr ? correctOcr(raw, { fixConfidentMarks: true }) : raw;
  const norm = normalize(extracted.blocks);
  if (!norm.text.trim()) {
    const noText = !extracted.ocr && extracted.messages.some((m) => m.code === 'pdf/no-text-layer');
    throw noText
      ? new UnsupportedError('pdf/image-only', 'image-only PDF: no text layer, and OCR was not run')
      : new UnsupportedError('input/no-text', extracted.ocr ? 'no text found in the file, OCR included' : 'no text found in the file');
  }
  const struct = structure(norm);
  const entities = extractEntities(norm, struct);
  const findings = audit({ ...entities, pageAt: (offset) => pageAt(norm, offset) });
  return assemble(
    { path: input.path, sha256: input.sha256, bytes: input.bytes.length, pipeline: pipeline.name, pipelineVersion: PIPELINE_VERSION },
    extracted,
    norm,
    struct,
    { ...entities, findings },
  );
}
