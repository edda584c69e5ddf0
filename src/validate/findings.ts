// Findings: the audit of one document. Tasks without a lead, with only a collective lead, without a
// deadline or with only "Thường xuyên"; and the arithmetic of score tables (criteria that do not add
// up to their field, fields that do not add up to the total, a score above its maximum, a target
// below its baseline). Each finding names the task or target it is about and carries a position.
import type { FindingJson, TargetJson, TaskJson } from '../document/schema.js';
import { CODE_HEADER, cellNumber, cellSpan, isTotalLabel, rowCode, type DataTable } from '../entities/tables.js';
import { targetColumns } from '../entities/targets.js';
import { isVaguePartner } from '../registry/agencies.js';

export interface AuditInputs {
  tasks: TaskJson[];
  targets: TargetJson[];
  tables: DataTable[];
  pageAt: (offset: number) => number | null;
}

const COLLECTIVE = /^(?:các|tất cả các|toàn bộ)\s/iu;

/** A lead that names no one body: "Các cơ quan, đơn vị", "Các sở, ban, ngành tỉnh", "UBND các xã". */
export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name.trim()) || /\scác\s(?:cấp|xã|huyện|phường|sở|phòng)/iu.test(name) || isVaguePartner(name);
}

export function auditTasks(tasks: TaskJson[]): FindingJson[] {
  const out: FindingJson[] = [];
  for (const t of tasks) {
    const at = { taskId: t.id, provenance: t.provenance };
    const quote = t.text.length > 80 ? `${t.text.slice(0, 79)}…` : t.text;
    if (!t.lead.length) out.push({ severity: 'warning', code: 'task/no-lead', message: `No lead agency (đơn vị chủ trì): "${quote}"`, ...at });
    else if (t.lead.every((a) => isCollective(a.name)))
      out.push({ severity: 'info', code: 'task/collective-lead', message: `Only a collective lead (${t.lead.map((a) => a.name).join('; ')}): "${quote}"`, ...at });
    if (!t.deadline) out.push({ severity: 'warning', code: 'task/no-deadline', message: `No deadline: "${quote}"`, ...at });
    else if (t.deadline.kind === 'ongoing')
      out.push({ severity: 'info', code: 'task/ongoing-only', message: `Only an open-ended deadline ("${t.deadline.label}"): "${quote}"`, ...at });
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.0005);
const fmt = (n: number) => String(Math.round(n * 10000) / 10000).replace('.', ',');

/** The arithmetic of one score table: criteria add up to their field, fields to the total, nothing above its maximum. */
export function auditScoreTable(t: DataTable, pageAt: (offset: number) => number | null): FindingJson[] {
  const columns = targetColumns(t, null);
  if (!columns.length) return [];
  const out: FindingJson[] = [];
  const codeCol = t.header.findIndex((h) => CODE_HEADER.test(h.trim()));
  if (codeCol < 0) return out;
  const codes = t.rows.map((r) => rowCode(r[codeCol]));
  const label = (r: string[]) => r.filter((c) => c.trim()).slice(0, 2).join(' ');
  const where = (r: number, c: number) => {
    const span = cellSpan(t, r, c);
    return { page: pageAt(span.start), ...span };
  };
  // Only points add up; percentages and ranks of fields do not make the total's.
  const pointsTable = t.headerRows.flat().concat(t.header).some((h) => /điểm/iu.test(h));
  const numeric = [...new Set(columns.flatMap((c) => [c.col, c.baseline, c.max]).filter((c): c is number => c !== null))];
  const fieldRows = codes.flatMap((code, r) => (code && !code.includes('.') ? [r] : []));
  const totalRow = t.rows.findIndex((row) => row.some(isTotalLabel));
  for (const col of pointsTable ? numeric : []) {
    if (t.rows.some((r) => /%/.test(r[col] ?? ''))) continue;
    const head = t.header[col] ?? `column ${col + 1}`;
    const value = (r: number) => cellNumber(t, r, col);
    // Criteria (n.m) under their field (n).
    for (const r of fieldRows) {
      const field = value(r);
      if (field === null) continue;
      const children = codes.flatMap((code, k) => (code?.startsWith(`${codes[r]}.`) && code.split('.').length === 2 ? [k] : []));
      const values = children.map(value);
      if (!children.length || values.some((v) => v === null)) continue;
      const sum = values.reduce<number>((x, y) => x + (y ?? 0), 0);
      if (!close(sum, field))
        out.push({ severity: 'warning', code: 'table/criteria-sum', message: `${t.id} "${label(t.rows[r]!)}", ${head}: the criteria add up to ${fmt(sum)}, the field says ${fmt(field)}`, provenance: where(r, col) });
    }
    // Fields (n) to the total row.
    if (totalRow >= 0) {
      const total = value(totalRow);
      const fields = fieldRows.map(value);
      if (total !== null && fields.length > 1 && fields.every((v) => v !== null)) {
        const sum = fields.reduce<number>((x, y) => x + (y ?? 0), 0);
        if (!close(sum, total))
          out.push({ severity: 'warning', code: 'table/fields-sum', message: `${t.id} total, ${head}: the fields add up to ${fmt(sum)}, the total row says ${fmt(total)}`, provenance: where(totalRow, col) });
      }
    }
  }
  // Nothing scores above its maximum.
  for (const c of columns) {
    if (c.max === null) continue;
    t.rows.forEach((row, r) => {
      const max = cellNumber(t, r, c.max!);
      if (max === null) return;
      for (const col of [c.col, c.baseline]) {
        if (col === null) continue;
        const v = cellNumber(t, r, col);
        if (v !== null && v > max + 1e-9)
          out.push({ severity: 'error', code: 'table/above-max', message: `${t.id} "${label(row)}": ${t.header[col]} ${fmt(v)} is above the maximum ${fmt(max)}`, provenance: where(r, col) });
      }
    });
  }
  return out;
}

/** A target that sets the bar below where the baseline already is. */
export function auditTargets(targets: TargetJson[]): FindingJson[] {
  const out: FindingJson[] = [];
  for (const t of targets) {
    if (!t.baseline || t.baseline.unit !== t.unit) continue;
    // Ranks improve downwards: the best end of the target must not be a worse rank than the baseline.
    const worse = t.unit === 'hạng' ? t.value > t.baseline.value : (t.valueMax ?? t.value) < t.baseline.value;
    if (worse)
      out.push({
        severity: 'warning',
        code: 'target/below-baseline',
        message: `Target ${t.comparator} ${fmt(t.value)}${t.valueMax !== undefined ? `–${fmt(t.valueMax)}` : ''} ${t.unit} for "${t.metric}" is below its ${t.baseline.year ?? 'baseline'} value ${fmt(t.baseline.value)}`,
        targetId: t.id,
        ...(t.taskId ? { taskId: t.taskId } : {}),
        provenance: t.provenance,
      });
  }
  return out;
}

export function audit({ tasks, targets, tables, pageAt }: AuditInputs): FindingJson[] {
  return [...auditTasks(tasks), ...tables.flatMap((t) => auditScoreTable(t, pageAt)), ...auditTargets(targets)];
}
