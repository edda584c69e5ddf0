// The audit as an .xlsx workbook (exceljs), one sheet per view, for offices that work in Excel.
// Every text cell is neutralised like the CSV (a leading = + - @ gets an apostrophe), so no cell
// of a document's text can become a formula, here or after a save as CSV.
import ExcelJS from 'exceljs';
import { GAP_LABELS, type AuditReport } from '../audit/model.js';
import { neutralise } from '../sinks/csv.js';
import { filtersLine } from './terminal.js';

const MAX_CELL = 32_767;

type Cell = string | number | boolean | null | undefined;

/** A cell value as written: text neutralised, numbers and booleans as they are, nothing for null. */
export function cellValue(v: Cell): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    // Excel holds at most 32,767 characters in a cell.
    const s = neutralise(v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
    return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
  }
  return v;
}

interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

function addSheet(wb: ExcelJS.Workbook, s: SheetSpec): void {
  const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of s.rows) ws.addRow(r.map(cellValue));
  if (s.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + s.rows.length, column: s.columns.length } };
}

const c = (header: string, width = 12) => ({ header, width });

export function buildWorkbook(r: AuditReport): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.tool;
  wb.created = new Date(r.generated);
  const t = r.totals;
  addSheet(wb, {
    name: 'Summary',
    columns: [c('item', 34), c('value', 60)],
    rows: [
      ['source', r.source], ['generated', r.generated], ['tool', r.tool], ['document schema', r.schemaVersion], ['filters', filtersLine(r)], ['sorted by', r.sort],
      ['documents', t.documents], ['tasks', t.tasks], ['targets', t.targets], ['agencies', t.agencies],
      ['tasks without lead', t.noLead], ['tasks with only a collective lead', t.collectiveLead], ['tasks without deadline', t.noDeadline],
      ['tasks with only "Thường xuyên"', t.ongoingOnly], ['targets without owner', t.targetsNoOwner], ['arithmetic findings', t.arithmetic],
    ],
  });
  addSheet(wb, {
    name: 'Documents',
    columns: [c('document', 40), c('type', 12), c('number', 14), c('issuer', 30), c('issued', 11), c('title', 50), c('tasks', 8), c('no lead', 9), c('collective lead', 9), c('no deadline', 9), c('ongoing only', 9), c('targets', 8), c('targets w/o owner', 9), c('arithmetic', 9), c('gaps', 8)],
    rows: r.documents.map((d) => [d.path, d.docType, d.number, d.issuer, d.issuedDate, d.title, d.tasks, d.noLead, d.collectiveLead, d.noDeadline, d.ongoingOnly, d.targets, d.targetsNoOwner, d.arithmetic, d.gaps]),
  });
  addSheet(wb, {
    name: 'Agencies',
    columns: [c('agency', 44), c('level', 12), c('lead', 8), c('support', 8), c('executor', 8), c('collective lead', 9), c('no deadline', 9), c('ongoing only', 9), c('gaps', 8)],
    rows: r.agencies.map((a) => [a.agency, a.level, a.lead, a.support, a.executor, a.collectiveLead, a.noDeadline, a.ongoingOnly, a.gaps]),
  });
  addSheet(wb, {
    name: 'Index components',
    columns: [c('component', 14), c('tasks', 8), c('no lead', 9), c('collective lead', 9), c('no deadline', 9), c('ongoing only', 9), c('targets', 8), c('targets w/o owner', 9), c('arithmetic', 9), c('gaps', 8)],
    rows: r.indexes.map((x) => [x.component, x.tasks, x.noLead, x.collectiveLead, x.noDeadline, x.ongoingOnly, x.targets, x.targetsNoOwner, x.arithmetic, x.gaps]),
  });
  addSheet(wb, {
    name: 'Tasks with gaps',
    columns: [c('document', 36), c('task', 8), c('gaps', 30), c('lead', 30), c('support', 30), c('deadline', 12), c('deadline label', 20), c('index', 9), c('page', 6), c('start', 8), c('end', 8), c('text', 90)],
    rows: r.tasks.map((x) => [x.document, x.taskId, x.gaps.map((g) => GAP_LABELS[g]).join('; '), x.lead.join('; '), x.support.join('; '), x.deadline?.kind, x.deadline?.label, x.index, x.page, x.start, x.end, x.text]),
  });
  addSheet(wb, {
    name: 'Targets without owner',
    columns: [c('document', 36), c('target', 8), c('task', 8), c('metric', 30), c('index', 9), c('page', 6), c('start', 8), c('end', 8), c('text', 90)],
    rows: r.targets.map((x) => [x.document, x.targetId, x.taskId, x.metric, x.index, x.page, x.start, x.end, x.text]),
  });
  addSheet(wb, {
    name: 'Findings',
    columns: [c('#', 6), c('document', 36), c('severity', 9), c('code', 22), c('finding', 60), c('task', 8), c('target', 8), c('page', 6), c('start', 8), c('end', 8), c('task / target text', 70), c('source snippet', 90)],
    rows: r.findings.map((f, i) => [
      i + 1, f.document, f.severity, f.code, f.message, f.taskId, f.targetId, f.page, f.start, f.end, f.subject,
      f.snippet ? `${f.snippet.before}[[${f.snippet.match}]]${f.snippet.after}` : null,
    ]),
  });
  return wb;
}

export async function renderXlsx(r: AuditReport): Promise<Buffer> {
  const buf = await buildWorkbook(r).xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
