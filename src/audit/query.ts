// The audit itself: queries over the corpus database, filtered, gathered into the views of an
// AuditReport (documents, agencies, index components, the gap lists and the findings table).
import type Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../document/schema.js';
import { foldKey, stripDiacritics } from '../normalize/unicode.js';
import { isCollective } from '../validate/findings.js';
import { PIPELINE_VERSION } from '../version.js';
import type { OpenCorpus } from './corpus.js';
import {
  type AgencyRow, type AuditFilters, type AuditReport, type DocumentRow, type FindingRow, type GapCode, type GapCounts, type IndexRow,
  type SortKey, type TargetGapRow, type TaskGapRow,
} from './model.js';
import { snippetOf } from './snippets.js';

interface DocRecord {
  path: string; doc_type: string; number: string | null; symbol: string | null; issuer: string | null; issued_date: string | null; title: string | null;
}
interface TaskRecord {
  document: string; id: string; text: string; deadline_kind: string | null; deadline_label: string | null; deadline_end: string | null;
  index_code: string | null; page: number | null; start: number; end: number;
}
interface AgencyRecord { document: string; task_id: string; role: 'lead' | 'support' | 'executor'; agency: string; level: string | null }
interface TargetRecord {
  document: string; id: string; task_id: string | null; lead: string | null; metric: string; text: string; index_code: string | null; page: number | null; start: number; end: number;
}
interface FindingRecord {
  document: string; seq: number; severity: 'error' | 'warning' | 'info'; code: string; message: string; task_id: string | null; target_id: string | null; page: number | null;
}

const zero = (): GapCounts => ({ tasks: 0, noLead: 0, collectiveLead: 0, noDeadline: 0, ongoingOnly: 0, targets: 0, targetsNoOwner: 0, arithmetic: 0, gaps: 0 });
const key = (document: string, id: string) => `${document}\u0000${id}`;
const NONE = '(none)';

/** The index component of a code: "PAR.1.3" → "PAR.1", "SIPAS" → "SIPAS"; null → "(none)". */
export function componentOf(code: string | null | undefined): string {
  if (!code) return NONE;
  return code.split('.').slice(0, 2).join('.');
}

/** Does an index code fall under a filter prefix ("PAR.3" takes "PAR.3" and "PAR.3.1", not "PAR.31")? */
export function underIndex(code: string | null | undefined, prefix: string): boolean {
  if (!code) return false;
  const c = code.toUpperCase();
  const p = prefix.toUpperCase().replace(/\.+$/, '');
  return c === p || c.startsWith(`${p}.`);
}

const normaliseType = (t: string) => t.trim().toUpperCase().replace(/[-\s]+/g, '_');

const ARITHMETIC = (code: string) => code.startsWith('table/') || code === 'target/below-baseline';

function taskMessage(code: GapCode, t: TaskRecord, leads: string[]): string {
  switch (code) {
    case 'task/no-lead':
      return 'No lead agency (đơn vị chủ trì)';
    case 'task/collective-lead':
      return `Only a collective lead: ${leads.join('; ')}`;
    case 'task/no-deadline':
      return 'No deadline';
    case 'task/ongoing-only':
      return `Only an open-ended deadline: "${t.deadline_label ?? 'Thường xuyên'}"`;
    default:
      return code;
  }
}

const SEVERITY: Record<GapCode, 'warning' | 'info'> = {
  'task/no-lead': 'warning',
  'task/collective-lead': 'info',
  'task/no-deadline': 'warning',
  'task/ongoing-only': 'info',
  'target/no-owner': 'warning',
};

function sortRows<T extends { gaps: number }>(rows: T[], sort: SortKey, name: (r: T) => string, tasks: (r: T) => number, counts: (r: T) => Partial<GapCounts>): T[] {
  const byName = (a: T, b: T) => name(a).localeCompare(name(b), 'vi');
  const desc = (f: (r: T) => number) => (a: T, b: T) => f(b) - f(a) || byName(a, b);
  const pick: Record<SortKey, (a: T, b: T) => number> = {
    gaps: desc((r) => r.gaps),
    tasks: desc(tasks),
    name: byName,
    'no-lead': desc((r) => counts(r).noLead ?? 0),
    collective: desc((r) => counts(r).collectiveLead ?? 0),
    'no-deadline': desc((r) => counts(r).noDeadline ?? 0),
    ongoing: desc((r) => counts(r).ongoingOnly ?? 0),
  };
  return [...rows].sort(pick[sort]);
}

export interface AuditOptions {
  filters?: AuditFilters;
  sort?: SortKey;
  /** Characters of context on each side of a snippet. */
  context?: number;
  /** Fixed time stamp (tests). */
  now?: Date;
}

/** The key a filter is matched on: case, punctuation, tone-mark placement and diacritics ignored ("lai chau" finds "Lai Châu"). */
export const looseKey = (s: string): string => stripDiacritics(foldKey(s));

/** Register the SQL functions the filters use. */
function prepare(db: Database.Database): void {
  db.function('vn_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? looseKey(s) : ''));
}

export function runAudit(corpus: OpenCorpus, options: AuditOptions = {}): AuditReport {
  const { db } = corpus;
  const filters = options.filters ?? {};
  const sort = options.sort ?? 'gaps';
  prepare(db);

  // Documents under the document filters; everything else is read for those documents only.
  const params = {
    issuer: filters.issuer ? looseKey(filters.issuer) : null,
    year: filters.year ?? null,
    type: filters.type ? normaliseType(filters.type) : null,
  };
  const where = `(@issuer IS NULL OR instr(vn_fold(coalesce(d.issuer, '')), @issuer) > 0)
    AND (@year IS NULL OR d.issued_year = @year) AND (@type IS NULL OR d.doc_type = @type)`;
  const all = <T>(sql: string) => db.prepare(sql).all(params) as T[];
  const docs = all<DocRecord>(`SELECT d.path, d.doc_type, d.number, d.symbol, d.issuer, d.issued_date, d.title FROM documents d WHERE ${where} ORDER BY d.path`);

  // Tasks and their agencies (all roles).
  const allTasks = all<TaskRecord>(
    `SELECT t.document, t.id, t.text, t.deadline_kind, t.deadline_label, t.deadline_end, t.index_code, t.page, t.start, t."end"
     FROM tasks t JOIN documents d ON d.path = t.document WHERE ${where} ORDER BY t.document, t.start, t.id`,
  );
  const agencyRows = all<AgencyRecord>(
    `SELECT a.document, a.task_id, a.role, a.agency, g.level FROM task_agencies a JOIN documents d ON d.path = a.document
     LEFT JOIN agencies g ON g.name = a.agency WHERE ${where} ORDER BY a.document, a.task_id, a.role, a.position`,
  );
  const roles = new Map<string, { lead: AgencyRecord[]; support: AgencyRecord[]; executor: AgencyRecord[] }>();
  for (const a of agencyRows) {
    const k = key(a.document, a.task_id);
    let r = roles.get(k);
    if (!r) roles.set(k, (r = { lead: [], support: [], executor: [] }));
    r[a.role].push(a);
  }
  const rolesOf = (t: { document: string; id: string }) => roles.get(key(t.document, t.id)) ?? { lead: [], support: [], executor: [] };
  const agencyNeedle = filters.agency ? looseKey(filters.agency) : null;
  const agencyMatches = (name: string) => !agencyNeedle || looseKey(name).includes(agencyNeedle);

  const tasks = allTasks.filter((t) => {
    if (filters.index && !underIndex(t.index_code, filters.index)) return false;
    if (agencyNeedle) {
      const r = rolesOf(t);
      if (![...r.lead, ...r.support, ...r.executor].some((a) => agencyMatches(a.agency))) return false;
    }
    return true;
  });
  const taskByKey = new Map(allTasks.map((t) => [key(t.document, t.id), t]));
  const kept = new Set(tasks.map((t) => key(t.document, t.id)));

  // Each task's gaps.
  const gapsOf = new Map<string, GapCode[]>();
  for (const t of tasks) {
    const leads = rolesOf(t).lead;
    const gaps: GapCode[] = [];
    if (!leads.length) gaps.push('task/no-lead');
    else if (leads.every((a) => isCollective(a.agency))) gaps.push('task/collective-lead');
    if (!t.deadline_kind) gaps.push('task/no-deadline');
    else if (t.deadline_kind === 'ongoing') gaps.push('task/ongoing-only');
    gapsOf.set(key(t.document, t.id), gaps);
  }

  // Targets: filtered like their task (agency) or by their own index; without owner when neither the row nor a task names one.
  const allTargets = all<TargetRecord>(
    `SELECT t.document, t.id, t.task_id, t.lead, t.metric, t.text, t.index_code, t.page, t.start, t."end"
     FROM targets t JOIN documents d ON d.path = t.document WHERE ${where} ORDER BY t.document, t.start, t.id`,
  );
  const targetByKey = new Map(allTargets.map((t) => [key(t.document, t.id), t]));
  const targetIndex = (t: TargetRecord) => t.index_code ?? (t.task_id ? (taskByKey.get(key(t.document, t.task_id))?.index_code ?? null) : null);
  const targets = allTargets.filter((t) => {
    if (filters.index && !underIndex(targetIndex(t), filters.index)) return false;
    if (agencyNeedle) return !!t.task_id && kept.has(key(t.document, t.task_id));
    return true;
  });
  // Owned: the row names its owner, or the target sits in a task that has a lead.
  const hasOwner = (t: TargetRecord) =>
    !!t.lead || (!!t.task_id && taskByKey.has(key(t.document, t.task_id)) && rolesOf({ document: t.document, id: t.task_id }).lead.length > 0);
  const ownerless = targets.filter((t) => !hasOwner(t));

  // Arithmetic findings of the documents; under an index or agency filter, those whose target or task passes it.
  const arithmetic = all<FindingRecord>(
    `SELECT f.document, f.seq, f.severity, f.code, f.message, f.task_id, f.target_id, f.page FROM findings f JOIN documents d ON d.path = f.document
     WHERE ${where} AND (f.code LIKE 'table/%' OR f.code = 'target/below-baseline') ORDER BY f.document, f.seq`,
  )
    .filter((f) => ARITHMETIC(f.code))
    .filter((f) => {
      const target = f.target_id ? targetByKey.get(key(f.document, f.target_id)) : undefined;
      if (filters.index && !(target && underIndex(targetIndex(target), filters.index))) return false;
      if (agencyNeedle && !(f.task_id && kept.has(key(f.document, f.task_id)))) return false;
      return true;
    });

  // Views.
  const count = (c: GapCounts, gaps: GapCode[]) => {
    for (const g of gaps) {
      if (g === 'task/no-lead') c.noLead++;
      else if (g === 'task/collective-lead') c.collectiveLead++;
      else if (g === 'task/no-deadline') c.noDeadline++;
      else if (g === 'task/ongoing-only') c.ongoingOnly++;
      else c.targetsNoOwner++;
      c.gaps++;
    }
  };
  const totals = zero();
  const docRows = new Map<string, DocumentRow>(
    docs.map((d) => [
      d.path,
      { path: d.path, docType: d.doc_type, number: [d.number, d.symbol].filter(Boolean).join('/') || null, issuer: d.issuer, issuedDate: d.issued_date, title: d.title, ...zero() },
    ]),
  );
  const indexRows = new Map<string, IndexRow>();
  const indexRow = (component: string) => {
    let r = indexRows.get(component);
    if (!r) indexRows.set(component, (r = { component, ...zero() }));
    return r;
  };
  for (const t of tasks) {
    const gaps = gapsOf.get(key(t.document, t.id))!;
    for (const c of [totals, docRows.get(t.document)!, indexRow(componentOf(t.index_code))]) {
      c.tasks++;
      count(c, gaps);
    }
  }
  for (const t of targets) {
    const owned = hasOwner(t);
    for (const c of [totals, docRows.get(t.document)!, indexRow(componentOf(targetIndex(t)))]) {
      c.targets++;
      if (!owned) count(c, ['target/no-owner']);
    }
  }
  for (const f of arithmetic) {
    const target = f.target_id ? targetByKey.get(key(f.document, f.target_id)) : undefined;
    const rows: GapCounts[] = [totals, docRows.get(f.document)!];
    if (target) rows.push(indexRow(componentOf(targetIndex(target))));
    for (const c of rows) {
      c.arithmetic++;
      c.gaps++;
    }
  }

  const agencies = new Map<string, AgencyRow>();
  for (const t of tasks) {
    const r = rolesOf(t);
    const gaps = gapsOf.get(key(t.document, t.id))!;
    const seen = new Set<string>();
    for (const role of ['lead', 'support', 'executor'] as const)
      for (const a of r[role]) {
        if (!agencyMatches(a.agency) || seen.has(`${role}:${a.agency}`)) continue;
        seen.add(`${role}:${a.agency}`);
        let row = agencies.get(a.agency);
        if (!row) agencies.set(a.agency, (row = { agency: a.agency, level: a.level, lead: 0, support: 0, executor: 0, collectiveLead: 0, noDeadline: 0, ongoingOnly: 0, gaps: 0 }));
        row[role]++;
        if (role !== 'lead') continue;
        if (gaps.includes('task/collective-lead')) (row.collectiveLead++, row.gaps++);
        if (gaps.includes('task/no-deadline')) (row.noDeadline++, row.gaps++);
        if (gaps.includes('task/ongoing-only')) (row.ongoingOnly++, row.gaps++);
      }
  }

  // The gap lists and the findings table, with snippets from the documents' text.
  const context = options.context ?? 160;
  const taskRows: TaskGapRow[] = [];
  const findings: FindingRow[] = [];
  const snippet = (document: string, start: number | null, end: number | null) => {
    if (start === null || end === null) return null;
    const doc = corpus.documents.get(document);
    return doc ? snippetOf(doc.text, start, end, context) : null;
  };
  // Findings go document by document, so each document's JSON is read once.
  const byDoc = new Map<string, { tasks: TaskRecord[]; targets: TargetRecord[]; arithmetic: FindingRecord[] }>();
  const bucket = (d: string) => {
    let b = byDoc.get(d);
    if (!b) byDoc.set(d, (b = { tasks: [], targets: [], arithmetic: [] }));
    return b;
  };
  for (const t of tasks) if (gapsOf.get(key(t.document, t.id))!.length) bucket(t.document).tasks.push(t);
  for (const t of ownerless) bucket(t.document).targets.push(t);
  for (const f of arithmetic) bucket(f.document).arithmetic.push(f);
  for (const d of docs) {
    const b = byDoc.get(d.path);
    if (!b) continue;
    for (const t of b.tasks) {
      const r = rolesOf(t);
      const gaps = gapsOf.get(key(t.document, t.id))!;
      const leads = r.lead.map((a) => a.agency);
      taskRows.push({
        document: t.document, taskId: t.id, text: t.text, lead: leads, support: r.support.map((a) => a.agency),
        deadline: t.deadline_kind ? { kind: t.deadline_kind, label: t.deadline_label, end: t.deadline_end } : null,
        index: t.index_code, page: t.page, start: t.start, end: t.end, gaps,
      });
      const s = snippet(t.document, t.start, t.end);
      for (const g of gaps)
        findings.push({
          document: t.document, severity: SEVERITY[g], code: g, message: taskMessage(g, t, leads), taskId: t.id, targetId: null, subject: t.text,
          page: t.page, start: t.start, end: t.end, snippet: s,
        });
    }
    for (const t of b.targets)
      findings.push({
        document: t.document, severity: SEVERITY['target/no-owner'], code: 'target/no-owner',
        message: t.task_id ? `Target "${t.metric}": its task ${t.task_id} has no lead` : `Target "${t.metric}" is not linked to any task`,
        taskId: t.task_id, targetId: t.id, subject: t.text, page: t.page, start: t.start, end: t.end, snippet: snippet(t.document, t.start, t.end),
      });
    for (const f of b.arithmetic) {
      // Offsets: the document's own finding (same position as its row), else its target's.
      const doc = corpus.documents.get(f.document);
      const own = doc?.findings[f.seq];
      const target = f.target_id ? targetByKey.get(key(f.document, f.target_id)) : undefined;
      const task = f.task_id ? taskByKey.get(key(f.document, f.task_id)) : undefined;
      const prov = own?.code === f.code && own.provenance ? own.provenance : target ? { page: target.page, start: target.start, end: target.end } : null;
      findings.push({
        document: f.document, severity: f.severity, code: f.code, message: f.message, taskId: f.task_id, targetId: f.target_id,
        subject: task?.text ?? target?.text ?? null, page: prov?.page ?? f.page, start: prov?.start ?? null, end: prov?.end ?? null,
        snippet: prov ? snippet(f.document, prov.start, prov.end) : null,
      });
    }
  }
  const targetRows: TargetGapRow[] = ownerless.map((t) => ({
    document: t.document, targetId: t.id, taskId: t.task_id, metric: t.metric, text: t.text, index: targetIndex(t), page: t.page, start: t.start, end: t.end,
  }));

  const countsOf = (r: GapCounts) => r;
  return {
    tool: `vnplans ${PIPELINE_VERSION}`,
    schemaVersion: SCHEMA_VERSION,
    generated: (options.now ?? new Date()).toISOString(),
    source: corpus.label,
    filters,
    sort,
    totals: { ...totals, documents: docs.length, agencies: agencies.size },
    documents: sortRows([...docRows.values()], sort, (r) => r.path, (r) => r.tasks, countsOf),
    agencies: sortRows([...agencies.values()], sort, (r) => r.agency, (r) => r.lead + r.support + r.executor, (r) => ({ collectiveLead: r.collectiveLead, noDeadline: r.noDeadline, ongoingOnly: r.ongoingOnly })),
    indexes: sortRows([...indexRows.values()], sort, (r) => r.component, (r) => r.tasks, countsOf),
    tasks: taskRows,
    targets: targetRows,
    findings,
  };
}
