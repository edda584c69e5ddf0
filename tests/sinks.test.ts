// Corpus sinks: CSV safe for spreadsheets, documents.jsonl, and the SQLite database updated per
// document, on real documents.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processFile } from '../src/ingest.js';
import { csvCell, csvFile, neutralise } from '../src/sinks/csv.js';
import { documentsJsonl, tasksCsv, targetsCsv } from '../src/sinks/corpus.js';
import { CorpusDatabase } from '../src/sinks/sqlite.js';
import { CANTHO, S003, fixtureBytes } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vnplans-sinks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const doc = async (sample: string) => (await processFile(fixtureBytes(sample, 'source.txt'), `${sample}/source.txt`)).doc;

describe('csv', () => {
  it('neutralises formula cells and quotes what needs quoting', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('+84 912')).toBe(`'+84 912`);
    expect(neutralise('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralise('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvFile(['a'], [['x']])).toBe('\uFEFFa\r\nx\r\n');
  });
});

describe('corpus files', () => {
  it('writes one task and target row per item with its document, UTF-8 with BOM', async () => {
    const docs = [await doc(S003), await doc(CANTHO)];
    const tasks = tasksCsv(docs);
    expect(tasks.startsWith('\uFEFFdocument,issuer,number,')).toBe(true);
    expect(tasks.trim().split('\r\n')).toHaveLength(1 + 48 + 14);
    expect(tasks).toContain('Phòng Nội vụ');
    const targets = targetsCsv(docs).trim().split('\r\n');
    expect(targets).toHaveLength(1 + 52);
    const jsonl = documentsJsonl(docs).trim().split('\n').map((l) => JSON.parse(l));
    // Sorted by source path, whatever order they came in.
    expect(jsonl.map((d) => d.source.path)).toEqual([`${S003}/source.txt`, `${CANTHO}/source.txt`].sort());
  });
});

describe('CorpusDatabase', () => {
  it('holds documents, tasks with their agencies, targets, references and findings; re-upserts replace', async () => {
    const file = path.join(tmp, 'corpus.sqlite');
    const db = new CorpusDatabase(file);
    const d = await doc(S003);
    db.upsert(d);
    db.upsert(d); // a re-run replaces, it does not duplicate
    const q = (sql: string, ...args: unknown[]) => db.db.prepare(sql).all(...args);
    expect(q('SELECT count(*) n FROM tasks')).toEqual([{ n: 48 }]);
    expect(q('SELECT count(*) n FROM targets')).toEqual([{ n: 52 }]);
    expect(q('SELECT issuer, issued_year FROM documents')).toEqual([{ issuer: 'UBND huyện Tân Yên', issued_year: 2023 }]);
    // The audit's question: which agency leads how many tasks without a deadline.
    const rows = q(`SELECT a.agency, count(*) n FROM task_agencies a JOIN tasks t ON t.document = a.document AND t.id = a.task_id
      WHERE a.role = 'lead' AND t.deadline_kind IS NULL GROUP BY a.agency ORDER BY n DESC, a.agency LIMIT 1`) as { agency: string; n: number }[];
    expect(rows[0]!.agency).toBe('Phòng Nội vụ');
    expect(q("SELECT count(*) n FROM findings WHERE code = 'table/criteria-sum'")).toEqual([{ n: 1 }]);
    expect(db.current(`${S003}/source.txt`)?.sha256).toBe(d.source.sha256);
    db.remove(`${S003}/source.txt`);
    expect(q('SELECT count(*) n FROM tasks')).toEqual([{ n: 0 }]);
    db.close();
  });
});
