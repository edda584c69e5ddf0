// Exports for other systems: JSON lines that validate against the published schema, the task CSV,
// and XML that parses back with one <task> per task and the same texts; written only where asked.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFiles, readDocument } from '../src/audit/documents.js';
import { DocumentSchema, SCHEMA_VERSION, type DocumentJson } from '../src/document/schema.js';
import { checkOutputFile, exportCorpus } from '../src/export/index.js';
import { documentXml, XML_HEAD, XML_LAYOUT_VERSION, XML_TAIL } from '../src/export/xml.js';
import { tasksCsv } from '../src/sinks/corpus.js';
import { hostileDocument, ingestSamples, sampleIds } from './audit-helpers.js';
import { S000 } from './helpers.js';

let tmp = '';
let out = '';
let docs: DocumentJson[] = [];
beforeAll(async () => {
  ({ tmp, out } = await ingestSamples('vnplans-export-'));
  docs = documentFiles(out).map((f) => readDocument(f)!);
}, 120_000);
afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

/** Repeated elements are always arrays when read back (the layout's rule). */
const REPEATED = new Set(['document', 'recipient', 'reference', 'task', 'agency', 'target', 'table', 'row', 'cell', 'finding', 'page']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => REPEATED.has(name),
});
type X = Record<string, any>;
const textOf = (x: X | string | undefined) => (typeof x === 'string' ? x : (x?.['#text'] ?? ''));

describe('export', () => {
  it('jsonl: one document per line, each valid against the schema `vnplans schema` prints', () => {
    const file = path.join(tmp, 'corpus.jsonl');
    expect(exportCorpus(out, 'jsonl', file).documents).toBe(sampleIds().length);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines).toHaveLength(sampleIds().length);
    for (const line of lines) {
      const parsed = DocumentSchema.safeParse(JSON.parse(line));
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
      expect(parsed.data!.schemaVersion).toBe(SCHEMA_VERSION);
    }
    expect(lines.map((l) => (JSON.parse(l) as DocumentJson).source.path)).toEqual(sampleIds().map((s) => `${s}/source.txt`));
  });

  it('csv: the tasks, as the corpus tasks.csv', () => {
    const file = path.join(tmp, 'tasks.csv');
    exportCorpus(out, 'csv', file);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toBe(tasksCsv(docs));
    expect(csv).toBe(readFileSync(path.join(out, 'tasks.csv'), 'utf8'));
  });

  it('xml: parses back with one <task> per task, the same ids, texts, agencies and deadlines', () => {
    const file = path.join(tmp, 'corpus.xml');
    exportCorpus(out, 'xml', file);
    const xml = readFileSync(file, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const corpus = (parser.parse(xml) as X).corpus as X;
    expect(corpus['@_layout']).toBe(XML_LAYOUT_VERSION);
    expect(corpus['@_schemaVersion']).toBe(SCHEMA_VERSION);
    const documents = corpus.document as X[];
    expect(documents).toHaveLength(docs.length);
    documents.forEach((d, i) => {
      const doc = docs[i]!;
      expect(d['@_path']).toBe(doc.source.path);
      expect(d.meta['@_docType']).toBe(doc.meta.docType);
      const tasks = (d.tasks.task ?? []) as X[];
      expect(tasks).toHaveLength(doc.tasks.length);
      // Exactly as many <task> elements in the text as tasks.
      tasks.forEach((t, k) => {
        const task = doc.tasks[k]!;
        expect(t['@_id']).toBe(task.id);
        expect(textOf(t.text)).toBe(task.text);
        expect(((t.lead.agency ?? []) as X[]).map((a) => a['@_name'])).toEqual(task.lead.map((a) => a.name));
        if (task.deadline) expect(t.deadline['@_kind']).toBe(task.deadline.kind);
        else expect(t.deadline).toBeUndefined();
      });
      expect(((d.targets.target ?? []) as X[]).map((t) => Number(t['@_value']))).toEqual(doc.targets.map((t) => t.value));
      expect(textOf(d.text)).toBe(doc.text);
    });
    const count = (re: RegExp) => (xml.match(re) ?? []).length;
    expect(count(/<task[ >]/g)).toBe(docs.reduce((a, d) => a + d.tasks.length, 0));
  });

  it('xml: the layout holds whatever the data: empty lists are empty elements, markup and control characters are safe', async () => {
    const doc = await hostileDocument(S000);
    doc.tasks[1]!.text = 'A </text></task><task id="forged"> & \u0001 ]]> text';
    doc.tasks[1]!.support = [];
    const xml = XML_HEAD + documentXml(doc) + XML_TAIL;
    const d = ((parser.parse(xml) as X).corpus as X).document[0] as X;
    const tasks = d.tasks.task as X[];
    expect(tasks).toHaveLength(doc.tasks.length);
    expect(textOf(tasks[0]!.text)).toBe(doc.tasks[0]!.text.replace(/\u001b/g, ''));
    expect(textOf(tasks[1]!.text)).toBe('A </text></task><task id="forged"> &  ]]> text');
    expect(tasks[1]!.support).toBe('');
    expect(d['@_path']).toBe(doc.source.path);
    expect(tasks.some((t) => t['@_id'] === 'forged')).toBe(false);
  });

  it('writes only to a file the user names: never a folder, the database or the run bookkeeping', () => {
    expect(() => exportCorpus(out, 'jsonl', out)).toThrow(/folder/);
    expect(() => exportCorpus(out, 'jsonl', path.join(out, 'corpus.sqlite'))).toThrow(/database/);
    expect(() => checkOutputFile(path.join(out, '.vnplans', 'manifest.jsonl'), out)).toThrow(/bookkeeping/);
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'not-a-document.json'), '{"hello": 1}');
    expect(() => exportCorpus(empty, 'xml', path.join(tmp, 'empty.xml'))).toThrow(/no vnplans documents/);
  });
});
