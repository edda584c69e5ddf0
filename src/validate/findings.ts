// Findings: the audit of one document. Tasks without a lead, with only a collective lead, without a
// deadline or with only "Thường xuyên"; and the arithmetic of score tables (criteria that do not add
// up to their field, fields that do not add up to the total, a score above its maximum, a target
// below its baseline). Each finding names the task or target it is about and carries a position.
import type { FindingJson, TargetJson, TaskJson } from '../document/schema.js';
import type { DataTable } from '../entities/tables.js';
import { targetColumns } from '../entities/targets.js';
import { parseVnNumber } from '../normalize/numbers.js';
import { foldKey, stripDiacritics } from '../normalize/unicode.js';
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

const num = (s: string | undefined) => {
  const m = /^\s*[+]?\s*(\d[\d.,]*)\s*%?\s*$/.exec(s ?? '');
  return m ? (parseVnNumber(m[1]!)?.value ?? null) : null;
};
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.0005);
const fmt = (n: number) => String(Math.round(n * 10000) / 10000).replace('.', ',');

/** The arithmetic of one score table: criteria add up to their field, fields to the total, nothing above its maximum. */
export function auditScoreTable(t: DataTable, pageAt: (offset: number) => number | null): FindingJson[] {
  const columns = targetColumns(t, null);
  if (!columns.length) return [];
  const out: FindingJson[] = [];
  const codeCol = t.header.findIndex((h) => /^(?:stt|tt|số thứ tự|mã)$/iu.test(h.trim()));
  if (codeCol < 0) return out;
  const codeOf = (r: string[]) => ((r[codeCol] ?? '').trim().match(/^\d+(?:\.\d+)*(?=\.?$)/)?.[0] ?? null);
  const label = (r: string[]) => r.filter((c) => c.trim()).slice(0, 2).join(' ');
  const where = (r: number, c: number) => {
    const [start, end] = t.cellOffsets[r]?.[c] ?? [t.start, t.end];
    const s = start >= 0 ? start : t.start;
    return { page: pageAt(s), start: s, end: start >= 0 ? end : t.end };
  };
  // Only points add up; percentages and ranks of fields do not make the total's.
  const pointsTable = t.headerRows.flat().concat(t.header).some((h) => /điểm/iu.test(h));
  const checked = new Set<number>();
  const numeric = [...new Set(columns.flatMap((c) => [c.col, c.baseline, c.max]).filter((c): c is number => c !== null))];
  for (const col of numeric) {
    if (checked.has(col) || !pointsTable || t.rows.some((r) => /%/.test(r[col] ?? ''))) continue;
    checked.add(col);
    const head = t.header[col] ?? `column ${col + 1}`;
    // Criteria (n.m) under their field (n).
    t.rows.forEach((row, r) => {
      const code = codeOf(row);
      const value = num(row[col]);
      if (!code || code.includes('.') || value === null) return;
      const children = t.rows.filter((x) => codeOf(x)?.startsWith(`${code}.`) && codeOf(x)!.split('.').length === 2);
      const values = children.map((x) => num(x[col]));
      if (!children.length || values.some((v) => v === null)) return;
      const sum = values.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (!close(sum, value))
        out.push({ severity: 'warning', code: 'table/criteria-sum', message: `${t.id} "${label(row)}", ${head}: the criteria add up to ${fmt(sum)}, the field says ${fmt(value)}`, provenance: where(r, col) });
    });
    // Fields (n) to the total row.
    const totalRow = t.rows.findIndex((row) => row.some((c) => /^tong/u.test(stripDiacritics(foldKey(c)))));
    if (totalRow >= 0) {
      const total = num(t.rows[totalRow]![col]);
      const fields = t.rows.filter((x) => codeOf(x) && !codeOf(x)!.includes('.')).map((x) => num(x[col]));
      if (total !== null && fields.length > 1 && fields.every((v) => v !== null)) {
        const sum = fields.reduce<number>((a, b) => a + (b ?? 0), 0);
        if (!close(sum, total))
          out.push({ severity: 'warning', code: 'table/fields-sum', message: `${t.id} total, ${head}: the fields add up to ${fmt(sum)}, the total row says ${fmt(total)}`, provenance: where(totalRow, col) });
      }
    }
  }
  // Nothing scores above its maximum.
  for (const c of columns) {
    if (c.max === null) continue;
    t.rows.forEach((row, r) => {
      const max = num(row[c.max!]);
      if (max === null) return;
      for (const col of [c.col, c.baseline]) {
        if (col === null) continue;
        const v = num(row[col]);
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
