// Assignment blocks of a section: "x.2. Phân công trách nhiệm – Bộ phận chủ trì: …; Phối hợp: …",
// "b) Trách nhiệm thực hiện – Đơn vị chủ trì: …", "Cơ quan thực hiện: …; Thời gian thực hiện: …",
// and the split by criterion ("+ Nội dung tiêu chí 1.1, 1.2 do Phòng Nội vụ chủ trì").
import { parseAgencyList, type Agency } from '../registry/agencies.js';

export type AssignmentRole = 'lead' | 'support' | 'executor' | 'time';

export interface AssignmentLine {
  role: AssignmentRole;
  /** What follows the label ("Văn phòng Sở.", "Thường xuyên."). */
  value: string;
}

const LABELS: { re: RegExp; role: AssignmentRole }[] = [
  { re: /^(?:Bộ phận|Đơn vị|Cơ quan|Phòng|Đơn vị, bộ phận)?\s*chủ trì(?:\s+thực hiện)?\s*:\s*(.*)$/iu, role: 'lead' },
  { re: /^(?:Bộ phận|Đơn vị|Cơ quan)?\s*phối hợp(?:\s+thực hiện)?\s*:\s*(.*)$/iu, role: 'support' },
  { re: /^(?:Bộ phận|Đơn vị|Cơ quan)\s+(?:thực hiện|thực hiện\/theo dõi|triển khai)\s*:\s*(.*)$/iu, role: 'executor' },
  { re: /^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*(.*)$/iu, role: 'time' },
];

/** "Bộ phận chủ trì: Văn phòng Sở." → { role: 'lead', value: 'Văn phòng Sở.' }. */
export function parseAssignmentLine(text: string): AssignmentLine | null {
  const t = text.trim();
  for (const { re, role } of LABELS) {
    const m = re.exec(t);
    if (m) return { role, value: m[1]!.trim() };
  }
  return null;
}

/** A heading that introduces an assignment block rather than content. */
export const ASSIGNMENT_HEADING = /^(?:Phân công (?:trách nhiệm|thực hiện|nhiệm vụ)|Trách nhiệm thực hiện|Đơn vị thực hiện)\s*:?$/iu;

/** "Nội dung tiêu chí 1.1, 1.2, 1.3, 1.5 do Phòng Nội vụ chủ trì" → criteria and their owner. */
export function parseCriterionSplit(text: string): { criteria: string[]; lead: Agency[] } | null {
  const m = /(?:tiêu chí|chỉ số|nội dung)[^\d]{0,20}((?:\d+(?:\.\d+)+)(?:\s*(?:,|và)\s*\d+(?:\.\d+)+)*)\s*(?:do|giao)\s+(.+?)\s+chủ trì/iu.exec(text);
  if (!m) return null;
  const criteria = m[1]!.split(/\s*(?:,|và)\s*/u).filter(Boolean);
  const lead = parseAgencyList(m[2]!);
  return lead.length ? { criteria, lead } : null;
}

export interface AssignmentBlock {
  lead: Agency[];
  support: Agency[];
  executors: Agency[];
  time: string | null;
  /** Criterion code → its lead, where the block splits the section by criterion. */
  criteria: Map<string, Agency[]>;
}

export const emptyBlock = (): AssignmentBlock => ({ lead: [], support: [], executors: [], time: null, criteria: new Map() });

/** Fold assignment lines (and criterion-split lines) into one block. */
export function foldAssignments(lines: string[]): AssignmentBlock {
  const b = emptyBlock();
  for (const text of lines) {
    const split = parseCriterionSplit(text);
    if (split) {
      for (const c of split.criteria) b.criteria.set(c, split.lead);
      continue;
    }
    const a = parseAssignmentLine(text);
    if (!a) continue;
    if (a.role === 'time') b.time = a.value.replace(/[.;]+$/, '');
    else if (a.value) {
      const agencies = parseAgencyList(a.value, { dropVague: a.role !== 'lead' });
      if (a.role === 'lead') b.lead.push(...agencies);
      else if (a.role === 'support') b.support.push(...agencies);
      else b.executors.push(...agencies);
    }
  }
  // "Cơ quan thực hiện" with no separate chủ trì is the lead.
  if (!b.lead.length && b.executors.length) {
    b.lead = b.executors;
    b.executors = [];
  }
  return b;
}

export const blockIsEmpty = (b: AssignmentBlock) =>
  !b.lead.length && !b.support.length && !b.executors.length && !b.time && !b.criteria.size;
