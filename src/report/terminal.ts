// The audit as text for the terminal: the summary, the document, agency and index component views,
// then the gap lists (shortened to `limit` lines each).
import { GAP_LABELS, type AuditReport, type GapCode } from '../audit/model.js';
import { printable, textTable, type Column } from './text-table.js';

const n = (title: string): Column => ({ title, align: 'right' });
const short = (s: string, max: number) => {
  const p = printable(s).replace(/\s+/g, ' ').trim();
  return p.length > max ? `${p.slice(0, max - 1)}…` : p;
};

export function filtersLine(r: AuditReport): string {
  const f = Object.entries(r.filters).filter(([, v]) => v !== undefined && v !== '');
  return f.length ? f.map(([k, v]) => `${k}=${String(v)}`).join(', ') : 'none';
}

export function renderTerminal(r: AuditReport, limit = 30): string {
  const t = r.totals;
  const out: string[] = [];
  out.push(`vnplans audit of ${printable(r.source)}  (filters: ${printable(filtersLine(r))}; sorted by ${r.sort})`);
  out.push(
    `${t.documents} documents, ${t.tasks} tasks, ${t.targets} targets: ${t.noLead} without lead, ${t.collectiveLead} with only a collective lead, ` +
      `${t.noDeadline} without deadline, ${t.ongoingOnly} only ongoing; ${t.targetsNoOwner} targets without owner; ${t.arithmetic} arithmetic findings`,
  );
  out.push('', 'By document');
  out.push(
    textTable(
      [{ title: 'document', max: 48 }, { title: 'number', max: 16 }, { title: 'issuer', max: 28 }, n('tasks'), n('no lead'), n('collective'), n('no deadline'), n('ongoing'), n('targets w/o owner'), n('arithmetic'), n('gaps')],
      r.documents.map((d) => [d.path, d.number, d.issuer, d.tasks, d.noLead, d.collectiveLead, d.noDeadline, d.ongoingOnly, d.targetsNoOwner, d.arithmetic, d.gaps]),
    ),
  );
  out.push('By agency (counts of the tasks it leads)');
  out.push(
    textTable(
      [{ title: 'agency', max: 48 }, { title: 'level', max: 10 }, n('lead'), n('support'), n('executor'), n('collective'), n('no deadline'), n('ongoing'), n('gaps')],
      r.agencies.map((a) => [a.agency, a.level, a.lead, a.support, a.executor, a.collectiveLead, a.noDeadline, a.ongoingOnly, a.gaps]),
    ),
  );
  out.push('By index component');
  out.push(
    textTable(
      [{ title: 'component' }, n('tasks'), n('no lead'), n('collective'), n('no deadline'), n('ongoing'), n('targets'), n('w/o owner'), n('arithmetic'), n('gaps')],
      r.indexes.map((i) => [i.component, i.tasks, i.noLead, i.collectiveLead, i.noDeadline, i.ongoingOnly, i.targets, i.targetsNoOwner, i.arithmetic, i.gaps]),
    ),
  );
  const list = (title: string, rows: string[][], columns: Column[]) => {
    out.push(`${title}: ${rows.length}`);
    if (!rows.length) return out.push('');
    const shown = limit > 0 ? rows.slice(0, limit) : rows;
    out.push(textTable(columns, shown).trimEnd());
    if (shown.length < rows.length) out.push(`… ${rows.length - shown.length} more (--limit 0 for all, or --format json|html|xlsx)`);
    out.push('');
  };
  const taskCols: Column[] = [{ title: 'document', max: 40 }, { title: 'task' }, n('page'), { title: 'text', max: 90 }];
  for (const code of ['task/no-lead', 'task/collective-lead', 'task/no-deadline', 'task/ongoing-only'] as GapCode[]) {
    const rows = r.tasks.filter((t) => t.gaps.includes(code));
    list(`Tasks: ${GAP_LABELS[code]}`, rows.map((t) => [t.document, t.taskId, t.page === null ? '' : String(t.page), short(t.text, 90)]), taskCols);
  }
  list(
    'Targets without owner',
    r.targets.map((t) => [t.document, t.targetId, t.taskId ?? '', short(`${t.metric}: ${t.text}`, 90)]),
    [{ title: 'document', max: 40 }, { title: 'target' }, { title: 'task' }, { title: 'target text', max: 90 }],
  );
  const arith = r.findings.filter((f) => f.code.startsWith('table/') || f.code === 'target/below-baseline');
  list(
    'Index arithmetic findings',
    arith.map((f) => [f.document, f.severity, f.code, f.page === null ? '' : String(f.page), short(f.message, 100)]),
    [{ title: 'document', max: 40 }, { title: 'severity' }, { title: 'code' }, n('page'), { title: 'message', max: 100 }],
  );
  return out.join('\n');
}
