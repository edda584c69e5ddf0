// End to end: ingest the fixtures through the CLI's library entry and check fields of the output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type FileResult } from '../src/ingest.js';
import { DocumentSchema, jsonSchema } from '../src/document/schema.js';
import { S000, S003, S004, SAMPLES } from './helpers.js';

let out: string;
let inputDir: string;
let results: FileResult[];

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'vnplans-e2e-'));
  inputDir = mkdtempSync(path.join(tmpdir(), 'vnplans-in-'));
  // A mislabelled file and an empty file sit beside the real ones: each fails alone.
  writeFileSync(path.join(inputDir, 'empty.pdf'), '');
  writeFileSync(path.join(inputDir, 'notes.pdf'), 'Kế hoạch này không phải PDF.\n');
  results = [
    // Scans are left out here: OCR is slow on two cores (tests/ocr.test.ts reads one page, npm run eval the rest).
    ...(await ingest(
      [
        ...[S000, S004].flatMap((id) => ['plan.pdf', 'plan.docx', 'source.txt'].map((f) => path.join(SAMPLES, id, f))),
        path.join(SAMPLES, S003, 'plan.docx'),
      ],
      { out },
    )),
    ...(await ingest([inputDir], { out: path.join(out, 'bad') })),
  ];
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(inputDir, { recursive: true, force: true });
});

const load = (rel: string) => JSON.parse(readFileSync(path.join(out, `${rel}.json`), 'utf8'));

describe('ingest end to end', () => {
  it('reports every file, writes <out>/<relative path>.json, and goes on past bad files', () => {
    const byRel = Object.fromEntries(results.map((r) => [r.rel, r]));
    for (const id of [S000, S004]) for (const f of ['plan.pdf', 'plan.docx', 'source.txt']) expect(byRel[`${id}/${f}`]?.status).toBe('ok');
    expect(byRel[`${S003}/plan.docx`]?.status).toBe('ok');
    expect(byRel['empty.pdf']).toMatchObject({ status: 'unsupported', code: 'input/unknown-format' });
    // Named .pdf, but it is text: read as text by its bytes.
    expect(byRel['notes.pdf']?.format).toBe('text');
    expect(existsSync(path.join(out, S000, 'plan.pdf.json'))).toBe(true);
    expect(existsSync(path.join(out, 'bad', 'notes.pdf.json'))).toBe(true);
  });

  it('writes the same metadata from the PDF, the DOCX and the text of one plan (003)', () => {
    const docx = load(`${S003}/plan.docx`);
    expect(docx.meta).toMatchObject({ docType: 'KE_HOACH', symbol: 'KH-UBND', issuer: 'UBND huyện Tân Yên', issuedDate: '2023-02' });
    expect(docx.references).toHaveLength(24);
    expect(docx.tables).toHaveLength(1);
    expect(docx.tables[0].rows).toHaveLength(49);
  });

  it('validates against the schema and carries provenance that points into the text', () => {
    const doc = load(`${S004}/plan.pdf`);
    expect(() => DocumentSchema.parse(doc)).not.toThrow();
    expect(doc.source).toMatchObject({ format: 'pdf', ocr: false, pipeline: 'pdf-text' });
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const ref = doc.references.find((r: { id: string }) => r.id === '13/CT-UBND') ?? doc.references[0];
    const m = ref.mentions[0];
    expect(doc.text.slice(m.start, m.end).replace(/\s/g, '')).toBe(ref.id);
    expect(m.page).toBeGreaterThanOrEqual(1);
    expect(doc.meta.signer).toEqual({ name: 'Tông Thanh Hải', position: 'PHÓ CHỦ TỊCH', authority: 'KT. CHỦ TỊCH' });
  });

  it('publishes a JSON Schema generated from the zod schema', () => {
    const s = jsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['meta', 'tasks', 'targets', 'tables', 'references', 'findings']));
    expect(s.required).toContain('schemaVersion');
  });
});
