// Assemble the document JSON from the stages' outputs and validate it against the schema.
import type { DocStructure, ExtractedDocument, NormalizedText, SectionNode } from '../types.js';
import type { Reference } from '../entities/references.js';
import type { DataTable } from '../entities/tables.js';
import { pageAt } from '../normalize/index.js';
import { DocumentSchema, SCHEMA_VERSION, type DocumentJson, type FindingJson, type SectionJson, type TargetJson, type TaskJson } from './schema.js';

export interface SourceInfo {
  path: string;
  sha256: string;
  bytes: number;
  pipeline: string;
  pipelineVersion: string;
}

export interface Entities {
  references: Reference[];
  tables: DataTable[];
  tasks: TaskJson[];
  targets: TargetJson[];
  findings: FindingJson[];
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: unknown,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

function sectionsOut(nodes: SectionNode[], tableIds: Map<number, string>): SectionJson[] {
  return nodes.map((n) => {
    const out: SectionJson = {
      id: n.id,
      kind: n.kind,
      marker: n.marker,
      heading: n.heading,
      start: n.start,
      end: n.end,
      page: n.page,
      children: sectionsOut(n.children, tableIds),
    };
    if (n.heading) out.title = n.text;
    if (n.table !== undefined && tableIds.has(n.table)) out.table = tableIds.get(n.table)!;
    return out;
  });
}

export function assemble(
  source: SourceInfo,
  extracted: ExtractedDocument,
  norm: NormalizedText,
  struct: DocStructure,
  entities: Entities,
): DocumentJson {
  // Section nodes point at normalised table parts; the output names the joined data table instead.
  const tableIds = new Map<number, string>();
  for (const t of entities.tables) for (const p of t.parts) tableIds.set(p, t.id);
  const diagnostics = [...extracted.messages, ...norm.messages, ...struct.messages];
  const doc: DocumentJson = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: source.path,
      sha256: source.sha256,
      bytes: source.bytes,
      format: extracted.format,
      pages: extracted.pages,
      ocr: extracted.ocr,
      pipeline: source.pipeline,
      pipelineVersion: source.pipelineVersion,
    },
    meta: { ...struct.meta, signer: struct.meta.signer ? { ...struct.meta.signer } : null },
    structure: {
      preamble: sectionsOut(struct.preamble, tableIds),
      sections: sectionsOut(struct.sections, tableIds),
      appendices: struct.appendices.map((a) => ({
        label: a.label,
        title: a.title,
        reference: a.reference,
        start: a.start,
        end: a.end,
        sections: sectionsOut(a.nodes, tableIds),
      })),
    },
    references: entities.references,
    tasks: entities.tasks,
    targets: entities.targets,
    tables: entities.tables.map((t) => ({
      id: t.id,
      header: t.header,
      headerRows: t.headerRows,
      rows: t.rows,
      cols: t.cols,
      cells: t.cells,
      pages: t.pages,
      provenance: { page: pageAt(norm, t.start), start: t.start, end: t.end },
    })),
    findings: entities.findings,
    diagnostics: diagnostics.map((m) => ({ ...m })),
    text: norm.text,
    pageStarts: norm.pageStarts,
  };
  const parsed = DocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ValidationError(`output does not match the schema: ${first.join('; ')}`, parsed.error.issues);
  }
  return parsed.data;
}
