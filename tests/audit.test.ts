// The audit on the shared samples: its "no lead" and "no deadline" task lists are exactly the tasks
// the gold marks with an empty lead or a null deadline; the database, the folder's JSON alone and
// the CLI give the same report; the filters select what they say.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus } from '../src/audit/corpus.js';
import type { AuditReport, GapCode } from '../src/audit/model.js';
import { componentOf, runAudit, underIndex } from '../src/audit/query.js';
import { renderTerminal } from '../src/report/terminal.js';
import { GOLD, ingestSamples, sampleIds } from './audit-helpers.js';
import { ROOT } from './helpers.js';

interface GoldTask {
  quote: string;
  lead: string[];
  deadline: unknown;
}

let tmp = '';
let out = '';
let report: AuditReport;
beforeAll(async () => {
  ({ tmp, out } = await ingestSamples('vnplans-audit-'));
  const corpus = openCorpus(out);
  try {
    report = runAudit(corpus);
  } finally {
    corpus.close();
  }
}, 120_000);
afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

/** Whitespace normalised, NFC: the comparison of a gold quote with the start of a task's text. */
const ws = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

const goldFiles = existsSync(GOLD) ? readdirSync(GOLD).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(!goldFiles.length)('audit against the gold (../shared/gold)', () => {
  it('has gold for every sample', () => {
    expect(goldFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(sampleIds());
  });

  for (const file of goldFiles) {
    const sample = file.replace(/\.json$/, '');
    it(`${sample}: "no lead" and "no deadline" lists equal the gold's`, () => {
      const gold = JSON.parse(readFileSync(path.join(GOLD, file), 'utf8')) as { tasks: GoldTask[] };
      const document = `${sample}/source.txt`;
      const doc = JSON.parse(readFileSync(path.join(out, `${document}.json`), 'utf8')) as { tasks: { id: string; text: string }[] };
      // Each gold task is the one extracted task whose text starts with its quote.
      const idOf = (g: GoldTask) => {
        const hits = doc.tasks.filter((t) => ws(t.text).startsWith(ws(g.quote)));
        expect(hits.map((t) => t.id), `gold quote "${g.quote}" matches one task`).toHaveLength(1);
        return hits[0]!.id;
      };
      const listed = (code: GapCode) => report.tasks.filter((t) => t.document === document && t.gaps.includes(code)).map((t) => t.taskId).sort();
      const goldNoLead = gold.tasks.filter((g) => !g.lead?.length).map(idOf).sort();
      const goldNoDeadline = gold.tasks.filter((g) => g.deadline === null || g.deadline === undefined).map(idOf).sort();
      expect(listed('task/no-lead')).toEqual(goldNoLead);
      expect(listed('task/no-deadline')).toEqual(goldNoDeadline);
      // And the tasks are the gold's: every extracted task is a gold task.
      expect(doc.tasks.length).toBe(gold.tasks.length);
    });
  }
});

describe('audit views', () => {
  it('counts agree across views and with the task lists', () => {
    const t = report.totals;
    expect(t.documents).toBe(sampleIds().length);
    const sum = (k: 'tasks' | 'noLead' | 'collectiveLead' | 'noDeadline' | 'ongoingOnly' | 'targetsNoOwner' | 'arithmetic') => report.documents.reduce((a, d) => a + d[k], 0);
    for (const k of ['tasks', 'noLead', 'collectiveLead', 'noDeadline', 'ongoingOnly', 'targetsNoOwner', 'arithmetic'] as const) {
      expect(sum(k), k).toBe(t[k]);
      // Score-table findings name no index component; all else falls in one component row.
      if (k !== 'arithmetic') expect(report.indexes.reduce((a, d) => a + d[k], 0), `${k} by index`).toBe(t[k]);
    }
    expect(report.tasks.filter((x) => x.gaps.includes('task/no-deadline'))).toHaveLength(t.noDeadline);
    expect(report.tasks.filter((x) => x.gaps.includes('task/collective-lead'))).toHaveLength(t.collectiveLead);
    expect(report.targets).toHaveLength(t.targetsNoOwner);
    expect(report.findings).toHaveLength(t.noLead + t.collectiveLead + t.noDeadline + t.ongoingOnly + t.targetsNoOwner + t.arithmetic);
    // The arithmetic findings of the documents are all there (score table sums, targets below their baseline).
    expect(t.arithmetic).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.code === 'table/criteria-sum')).toHaveLength(1);
    // Collective leads are those of the per-document findings.
    const docFindings = (code: string) =>
      sampleIds().reduce((a, s) => a + (JSON.parse(readFileSync(path.join(out, `${s}/source.txt.json`), 'utf8')) as { findings: { code: string }[] }).findings.filter((f) => f.code === code).length, 0);
    expect(t.collectiveLead).toBe(docFindings('task/collective-lead'));
    expect(t.ongoingOnly).toBe(docFindings('task/ongoing-only'));
    expect(t.noDeadline).toBe(docFindings('task/no-deadline'));
  });

  it('links findings to their text: snippets hold the task at its offsets', () => {
    const f = report.findings.find((x) => x.code === 'task/no-deadline')!;
    expect(f.snippet).not.toBeNull();
    // The offsets cover the item as printed (its list marker included); the task text is normalised.
    expect(ws(f.snippet!.match)).toContain(ws(f.subject!).slice(0, 40));
    // Arithmetic findings carry the table cell's place.
    const table = report.findings.find((x) => x.code === 'table/criteria-sum')!;
    expect(table.start).not.toBeNull();
    expect(table.snippet?.match.length).toBeGreaterThan(0);
  });

  it('reads a folder without corpus.sqlite (its JSON in an in-memory database) and the database file alike', () => {
    const copy = path.join(tmp, 'json-only');
    for (const s of sampleIds()) {
      mkdirSync(path.join(copy, s), { recursive: true });
      copyFileSync(path.join(out, s, 'source.txt.json'), path.join(copy, s, 'source.txt.json'));
    }
    const strip = (r: AuditReport) => ({ ...r, generated: '', source: '' });
    for (const input of [copy, path.join(out, 'corpus.sqlite')]) {
      const c = openCorpus(input);
      try {
        expect(strip(runAudit(c))).toEqual(strip(report));
      } finally {
        c.close();
      }
    }
  });

  it('filters by issuer, year, type, agency and index component, and sorts', () => {
    const audit = (filters: Parameters<typeof runAudit>[1]) => {
      const c = openCorpus(out);
      try {
        return runAudit(c, filters);
      } finally {
        c.close();
      }
    };
    // Case and diacritics do not matter.
    for (const issuer of ['lai chau', 'LAI CHÂU', 'tỉnh Lai Châu'])
      expect(audit({ filters: { issuer } }).documents.map((d) => d.path).sort()).toEqual(['000_c1c288300de4c859/source.txt', '004_4707ab087540d084/source.txt']);
    expect(audit({ filters: { issuer: 'Hà Nội' } }).documents).toHaveLength(0);
    const chiThi = audit({ filters: { type: 'chi-thi' } });
    expect(chiThi.documents.map((d) => d.docType)).toEqual(['CHI_THI']);
    const y2023 = audit({ filters: { year: 2023 } });
    expect(y2023.documents.length).toBeGreaterThan(0);
    expect(y2023.documents.every((d) => d.issuedDate?.startsWith('2023'))).toBe(true);
    const par3 = audit({ filters: { index: 'PAR.3' } });
    expect(par3.totals.tasks).toBeGreaterThan(0);
    expect(par3.tasks.every((t) => underIndex(t.index, 'PAR.3'))).toBe(true);
    expect(par3.indexes.map((i) => i.component)).toEqual(['PAR.3']);
    const noiVu = audit({ filters: { agency: 'Sở Nội vụ' } });
    expect(noiVu.agencies.every((a) => a.agency.includes('Sở Nội vụ'))).toBe(true);
    expect(noiVu.totals.tasks).toBeGreaterThan(0);
    expect(noiVu.totals.tasks).toBeLessThan(report.totals.tasks);
    const byName = audit({ sort: 'name' });
    expect(byName.documents.map((d) => d.path)).toEqual([...byName.documents.map((d) => d.path)].sort((a, b) => a.localeCompare(b, 'vi')));
    expect(report.documents.map((d) => d.gaps)).toEqual([...report.documents.map((d) => d.gaps)].sort((a, b) => b - a));
    expect(componentOf('PAR.1.3')).toBe('PAR.1');
    expect(underIndex('PAR.31', 'PAR.3')).toBe(false);
  });

  it('prints a readable terminal table', () => {
    const text = renderTerminal(report, 3);
    expect(text).toContain('By document');
    expect(text).toContain('By agency');
    expect(text).toContain('By index component');
    expect(text).toMatch(/Tasks: no deadline: \d+/);
    expect(text).toContain('UBND tỉnh Lai Châu');
  });

  it('runs from the command line: table, json, html and xlsx reports', () => {
    const cli = path.join(ROOT, 'dist', 'src', 'cli.js');
    const table = execFileSync(process.execPath, [cli, 'audit', out, '--index', 'PAR.1', '--sort', 'no-deadline'], { encoding: 'utf8' });
    expect(table).toContain('filters: index=PAR.1');
    const json = path.join(tmp, 'audit.json');
    execFileSync(process.execPath, [cli, 'audit', out, '--format', 'json', '--out', json]);
    const r = JSON.parse(readFileSync(json, 'utf8')) as AuditReport;
    expect(r.totals.noDeadline).toBe(report.totals.noDeadline);
    for (const f of ['html', 'xlsx'] as const) {
      const file = path.join(tmp, `audit.${f}`);
      execFileSync(process.execPath, [cli, 'audit', out, '--format', f, '--out', file]);
      expect(existsSync(file)).toBe(true);
    }
    // Nowhere it must not write: a folder, the database.
    expect(() => execFileSync(process.execPath, [cli, 'audit', out, '--format', 'html', '--out', out], { stdio: 'pipe' })).toThrow(/folder/);
    expect(() => execFileSync(process.execPath, [cli, 'audit', out, '--format', 'html', '--out', path.join(out, 'corpus.sqlite')], { stdio: 'pipe' })).toThrow(/database/);
  }, 60_000);
});
