// The output contract: the single source of the document JSON's shape. Every document is validated
// against it before it is written; `vnplans schema` prints the JSON Schema generated from it.
import { z } from 'zod';

export const SCHEMA_VERSION = '1.1.0';

const offsets = {
  start: z.number().int().nonnegative().describe('Offset into the normalised text (document.text), inclusive'),
  end: z.number().int().nonnegative().describe('Offset into the normalised text, exclusive'),
};

export const Provenance = z
  .object({
    page: z.number().int().positive().nullable().describe('1-based page, null where the format has no pages'),
    ...offsets,
    box: z
      .object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() })
      .optional()
      .describe('Where on the page (points, top-left origin), for OCR output'),
  })
  .describe('Where an item comes from');

export const Agency = z.object({
  name: z.string().describe('Canonical name'),
  text: z.string().describe('As printed'),
  level: z.enum(['central', 'province', 'district', 'commune', 'internal', 'collective', 'other']).optional(),
  jurisdiction: z.string().optional().describe('Whose body it is, from the issuer ("tỉnh Lai Châu", "huyện Tân Yên")'),
});

export const Deadline = z.object({
  kind: z.enum(['date', 'period', 'recurring', 'ongoing', 'relative']),
  end: z.string().optional().describe('ISO date: the due date, or the last day of the period'),
  start: z.string().optional(),
  freq: z.enum(['monthly', 'quarterly', 'semiannual', 'annual']).optional(),
  day: z.number().int().optional(),
  month: z.number().int().optional(),
  label: z.string().describe('As printed'),
  inherited: z.boolean().optional().describe('Taken from an enclosing heading, assignment block or table row'),
});

export const Task = z.object({
  id: z.string(),
  text: z.string().describe('The whole task text, normalised'),
  lead: z.array(Agency),
  support: z.array(Agency),
  executors: z.array(Agency),
  leadSource: z.enum(['text', 'table-row', 'assignment-block', 'heading', 'criterion', 'none']).optional(),
  inferred: z.boolean().optional(),
  deadline: Deadline.nullable(),
  index: z.string().nullable().describe('"PAR.1", "PAR.1.3", "SIPAS", "PAPI.5"'),
  section: z.string().nullable().optional().describe('Id of the section node the task sits in'),
  provenance: Provenance,
});

export const Baseline = z.object({ value: z.number(), unit: z.string(), year: z.number().int().nullable().optional() });

export const Target = z.object({
  id: z.string(),
  text: z.string(),
  metric: z.string(),
  comparator: z.enum(['>=', '>', '<=', '<', '=', 'range']),
  value: z.number(),
  valueMax: z.number().optional(),
  unit: z.string(),
  year: z.number().int().nullable().optional(),
  baseline: Baseline.optional(),
  index: z.string().nullable().optional(),
  taskId: z.string().nullable().optional(),
  lead: z
    .array(Agency)
    .optional()
    .describe('The owner a target table row names ("Cơ quan chủ trì"); targets in a task are owned through taskId'),
  provenance: Provenance,
});

export const TypedCell = z.object({
  text: z.string(),
  type: z.enum(['empty', 'number', 'percent', 'rank', 'range', 'comparison', 'text']),
  value: z.number().optional(),
  valueMax: z.number().optional(),
  outOf: z.number().optional(),
});

export const Table = z.object({
  id: z.string(),
  header: z.array(z.string()).describe('Column headers: the lowest header row, merged cells carried down'),
  headerRows: z.array(z.array(z.string())),
  rows: z.array(z.array(z.string())).describe('Data rows (group-label rows included), one string per column'),
  cols: z.number().int().nonnegative(),
  cells: z.array(z.array(TypedCell)).describe('The data rows typed: numbers, percents, ranks, ranges'),
  pages: z.array(z.number().int().positive()),
  provenance: Provenance,
});

export const Reference = z.object({
  id: z.string().describe('Number and symbol without spaces: "240/KH-UBND", "18-NQ/TW"'),
  number: z.string(),
  year: z.string().nullable(),
  symbol: z.string(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  mentions: z.array(z.object({ ...offsets, page: z.number().int().positive().nullable() })),
});

export const Finding = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  taskId: z.string().optional(),
  targetId: z.string().optional(),
  provenance: Provenance.optional(),
});

type SectionOut = {
  id: string;
  kind: string;
  marker: string | null;
  heading: boolean;
  title?: string;
  start: number;
  end: number;
  page: number | null;
  table?: string;
  children: SectionOut[];
};

export const Section: z.ZodType<SectionOut> = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: z.string().describe('part, chapter, article, roman, arabic, decimal2, decimal3, letter, dash, plus, bullet, none'),
    marker: z.string().nullable(),
    heading: z.boolean(),
    title: z.string().optional().describe('The heading text, for heading nodes'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    page: z.number().int().positive().nullable(),
    table: z.string().optional().describe('Id of the data table this node holds'),
    children: z.array(Section),
  }),
);

export const DocumentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int().nonnegative(),
      format: z.enum(['pdf', 'docx', 'doc', 'image', 'text', 'unknown']),
      pages: z.number().int().nonnegative().nullable(),
      ocr: z.boolean(),
      pipeline: z.string(),
      pipelineVersion: z.string(),
    }),
    meta: z.object({
      docType: z.enum(['KE_HOACH', 'CHI_THI', 'QUYET_DINH', 'CONG_VAN', 'BAO_CAO', 'THONG_BAO', 'NGHI_QUYET', 'OTHER']),
      docTypeLabel: z.string().nullable(),
      number: z.string().nullable(),
      symbol: z.string().nullable(),
      issuer: z.string().nullable(),
      issuerLines: z.array(z.string()),
      place: z.string().nullable(),
      issuedDate: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
        .nullable()
        .describe('ISO, as precise as printed: "2023-03-22" | "2023-06" | "2023"'),
      title: z.string().nullable(),
      signer: z.object({ name: z.string().nullable(), position: z.string().nullable(), authority: z.string().nullable() }).nullable(),
      recipients: z.array(z.string()),
    }),
    structure: z.object({
      preamble: z.array(Section),
      sections: z.array(Section),
      appendices: z.array(
        z.object({ label: z.string(), title: z.string().nullable(), reference: z.string().nullable(), ...offsets, sections: z.array(Section) }),
      ),
    }),
    references: z.array(Reference),
    tasks: z.array(Task),
    targets: z.array(Target),
    tables: z.array(Table),
    findings: z.array(Finding),
    diagnostics: z
      .array(
        z.object({
          severity: z.enum(['error', 'warning', 'info']),
          code: z.string(),
          message: z.string(),
          source: z.string(),
          page: z.number().nullable().optional(),
          start: z.number().optional(),
          end: z.number().optional(),
        }),
      )
      .describe('Messages of the pipeline stages about this file'),
    text: z.string().describe('The normalised text every offset points into'),
    pageStarts: z.array(z.object({ offset: z.number().int().nonnegative(), page: z.number().int().positive() })),
  })
  .strict();

export type DocumentJson = z.infer<typeof DocumentSchema>;
export type TaskJson = z.infer<typeof Task>;
export type TargetJson = z.infer<typeof Target>;
export type FindingJson = z.infer<typeof Finding>;
export type SectionJson = SectionOut;

/** The JSON Schema of the document output, generated from the zod schema. */
export function jsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `urn:vnplans:document:${SCHEMA_VERSION}`,
    title: 'vnplans document',
    ...schema,
  };
}
