// Tasks: one per lowest-level instruction of the operative sections (and per row of a task table),
// with owners resolved in the guidelines' order: the task's own words, the table row, the section's
// assignment block (split by criterion where it is), the enclosing addressee, else none.
import type { DocStructure, NormalizedText, SectionNode } from '../types.js';
import { pageAt } from '../normalize/index.js';
import { foldKey } from '../normalize/unicode.js';
import { parseAgencyList, type Agency } from '../registry/agencies.js';
import { ASSIGNMENT_HEADING, blockIsEmpty, foldAssignments, parseAssignmentLine, parseCriterionSplit, type AssignmentBlock } from './assignments.js';
import { leadingAgencyPhrase, ownersFromText } from './owners.js';
import { inferCriteria } from './criteria.js';
import { indexFromHeading, type IndexFramework } from './indexlinks.js';
import { cellSpan, type DataTable } from './tables.js';

export interface TaskDraft {
  id: string;
  text: string;
  lead: Agency[];
  support: Agency[];
  executors: Agency[];
  leadSource: 'text' | 'table-row' | 'assignment-block' | 'heading' | 'criterion' | 'none';
  inferred: boolean;
  /** Deadline text inherited from an assignment block or table row ("Thường xuyên"). */
  inheritedTime: string | null;
  index: string | null;
  section: string | null;
  start: number;
  end: number;
  page: number | null;
}

interface Ctx {
  addressee: Agency[];
  block: AssignmentBlock | null;
  index: string | null;
}

/** Top-level sections that state purposes, requirements or targets rather than assign work. */
const NON_OPERATIVE = /^(?:MỤC ĐÍCH|YÊU CẦU|MỤC ĐÍCH,? YÊU CẦU|CĂN CỨ|KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ|QUAN ĐIỂM|PHẠM VI|ĐỐI TƯỢNG|THỰC TRẠNG)/iu;
const TARGET_SECTION = /^MỤC TIÊU/iu;
/** Statements that assign nothing: funding sources, effect clauses. */
const NON_TASK = [/^(?:Kinh phí|Nguồn kinh phí)\s.*\s(?:được|do|từ)\s/iu, /^(?:Kế hoạch|Chỉ thị|Quyết định) này có hiệu lực/iu];
const INTRO_END = /(?:sau đây|sau|như sau|cụ thể(?: như sau)?|gồm|bao gồm|trong đó|cụ thể là)\s*:$/iu;

function isOperative(top: SectionNode): boolean {
  if (top.kind !== 'roman' && top.kind !== 'part') return true;
  const h = top.text.toUpperCase();
  if (NON_OPERATIVE.test(h)) return false;
  if (TARGET_SECTION.test(h) && !/NHIỆM VỤ|GIẢI PHÁP/u.test(h)) return false;
  return true;
}

const isAssignmentNode = (n: SectionNode) =>
  ASSIGNMENT_HEADING.test(n.text) || !!parseAssignmentLine(n.text) || !!parseCriterionSplit(n.text) ||
  (/chủ trì\s*:?$|phối hợp\s*:?$/iu.test(n.text) && n.children.every((c) => !!parseCriterionSplit(c.text) || !!parseAssignmentLine(c.text)));

const flatten = (n: SectionNode): string[] => [n.text, ...n.children.flatMap(flatten)];

/** A heading names the addressee of the items under it: "2. Sở Nội vụ", "Trách nhiệm của Phòng Nội vụ". */
export function addresseeOfHeading(text: string): Agency[] {
  let t = text
    .trim()
    .replace(/^(?:Trách nhiệm của|Nhiệm vụ của|Đề nghị|Đối với)\s+/iu, '')
    .replace(/[.:;]+$/, '');
  t = t.replace(/\s[-–]\s(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối|chủ trì)[^;]*$/iu, '');
  const chunks = t.split(/\s*;\s*/).filter(Boolean);
  const out: Agency[] = [];
  for (const c of chunks) {
    const phrase = leadingAgencyPhrase(c);
    if (!phrase || phrase.length < c.length - 2) return [];
    out.push(...parseAgencyList(phrase));
  }
  return out;
}

/** The addressee of a paragraph that introduces the items after it ("…, các sở, ban, ngành … cần tập trung … sau:"). */
function addresseeOfIntro(text: string): Agency[] {
  const starts = [0, ...[...text.matchAll(/,\s+/g)].map((m) => m.index! + m[0].length)];
  for (const s of starts) {
    const phrase = leadingAgencyPhrase(text.slice(s));
    if (phrase) {
      const list = parseAgencyList(phrase);
      if (list.length) return list;
    }
  }
  return [];
}

/** An intro paragraph carries an instruction of its own when clauses come before the introducing one. */
function introHasOwnInstruction(text: string): boolean {
  const clauses = text.split(/;\s*/);
  return clauses.length >= 2;
}

export interface TaskInputs {
  norm: NormalizedText;
  struct: DocStructure;
  tables: DataTable[];
  framework: IndexFramework;
}

export function extractTasks({ norm, struct, tables, framework }: TaskInputs): TaskDraft[] {
  const tasks: TaskDraft[] = [];
  const push = (t: Omit<TaskDraft, 'id'>) => tasks.push({ id: `task${tasks.length + 1}`, ...t });

  const emit = (node: SectionNode, ctx: Ctx, text: string, end: number, ownBlock: AssignmentBlock | null) => {
    if (NON_TASK.some((re) => re.test(text))) return;
    const own = ownersFromText(text);
    const block = ownBlock && !blockIsEmpty(ownBlock) ? ownBlock : ctx.block;
    let lead: Agency[] = [];
    let support: Agency[] = own.support;
    let executors: Agency[] = [];
    let leadSource: TaskDraft['leadSource'] = 'none';
    let inferred = false;
    if (own.explicitLead) {
      lead = own.lead;
      leadSource = 'text';
    } else if (block && (block.lead.length || block.criteria.size)) {
      if (block.criteria.size) {
        lead = inferCriteria(text, block, tables);
        leadSource = 'criterion';
        inferred = true;
      } else {
        lead = block.lead;
        leadSource = 'assignment-block';
      }
      if (!support.length) support = block.support;
      executors = block.executors;
    } else if (ctx.addressee.length) {
      lead = ctx.addressee;
      leadSource = 'heading';
    }
    const leadKeys = new Set(lead.map((a) => foldKey(a.name)));
    support = support.filter((s) => !leadKeys.has(foldKey(s.name)));
    push({
      text,
      lead,
      support,
      executors,
      leadSource,
      inferred,
      inheritedTime: block?.time ?? null,
      index: ctx.index,
      section: node.id,
      start: node.start,
      end,
      page: pageAt(norm, node.start),
    });
  };

  const visit = (nodes: SectionNode[], ctx: Ctx) => {
    // Classify each sibling once: parsing an assignment line parses agency lists.
    const assignment = new Set(nodes.filter(isAssignmentNode));
    const block = assignment.size ? foldAssignments([...assignment].flatMap(flatten)) : null;
    const here: Ctx = block && !blockIsEmpty(block) ? { ...ctx, block } : { ...ctx };
    // Unmarked assignment lines printed after the last item of a list ("a) …", "b) …", then
    // "Cơ quan thực hiện: …", "Thời gian thực hiện: …") serve the whole list, not the last item.
    const last = nodes[nodes.length - 1];
    if (
      !assignment.size &&
      last &&
      nodes.length > 1 &&
      last.children.length > 0 &&
      last.children.every((c) => c.kind === 'none' && isAssignmentNode(c)) &&
      nodes.every((n) => n.kind === last.kind && n.kind !== 'none') &&
      nodes.slice(0, -1).every((n) => !n.children.some(isAssignmentNode))
    ) {
      const shared = foldAssignments(last.children.flatMap(flatten));
      if (!blockIsEmpty(shared)) here.block = shared;
    }
    let addressee = here.addressee;
    nodes.forEach((n, i) => {
      if (assignment.has(n) || n.table !== undefined) return;
      const hasFollowing = i < nodes.length - 1;
      const childCtx: Ctx = { ...here, addressee };
      const content = n.children.filter((c) => !isAssignmentNode(c));
      if (content.length) {
        const index = indexFromHeading(n.text, framework, ctx.index);
        if (index) childCtx.index = index;
        // A container: its heading may name the addressee of everything under it.
        const who = addresseeOfHeading(n.text);
        if (who.length) childCtx.addressee = who;
        // An instruction whose unmarked paragraphs only continue it stays one task.
        const continuation = !n.heading && content.every((c) => c.kind === 'none' && !c.children.length && !leadingAgencyPhrase(c.text));
        if (continuation) {
          const last = content[content.length - 1]!;
          emit(n, childCtx, [n.text, ...content.map((c) => c.text)].join(' '), last.end, null);
          return;
        }
        visit(n.children, childCtx);
        return;
      }
      // A paragraph introducing the items after it: their addressee; a task only with its own instruction.
      if (INTRO_END.test(n.text) && hasFollowing && !n.children.length) {
        const who = addresseeOfIntro(n.text);
        if (who.length) addressee = who;
        if (!introHasOwnInstruction(n.text)) return;
        emit(n, { ...childCtx, addressee }, n.text, n.end, null);
        return;
      }
      if (addresseeOfHeading(n.text).length && n.text.split(/\s+/).length <= 15) return; // a bare addressee line
      const ownBlock = n.children.length ? foldAssignments(n.children.flatMap(flatten)) : null;
      emit(n, childCtx, n.text, n.end, ownBlock);
    });
  };

  visit(struct.sections.filter(isOperative), { addressee: [], block: null, index: null });
  for (const t of tables) tableTasks(t, norm, framework, push);
  return tasks;
}

// ---- task tables: one task per row, owners and time from the row's cells ----

const TASK_COLUMN = /nội dung|nhiệm vụ|công việc|giải pháp|hoạt động/iu;
const NOT_TASK_COLUMN = /tiêu chí|chỉ số|chỉ tiêu/iu;
const LEAD_COLUMN = /chủ trì|(?:cơ quan|đơn vị|bộ phận)\s*(?:thực hiện|trách nhiệm|phụ trách)|trách nhiệm thực hiện/iu;
const SUPPORT_COLUMN = /phối hợp/iu;
const TIME_COLUMN = /thời gian|thời hạn|tiến độ|hoàn thành/iu;
const CODE_COLUMN = /^(?:stt|tt|số thứ tự)$/iu;

export interface TaskTableColumns {
  code: number;
  task: number;
  lead: number;
  support: number;
  time: number;
}

/** The columns of a task table (STT, Nội dung, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian), or null. */
export function taskTableColumns(t: DataTable): TaskTableColumns | null {
  const h = t.header.map((x) => x.replace(/\s+/g, ' ').trim());
  const find = (re: RegExp, not?: RegExp) => h.findIndex((x) => re.test(x) && !(not && not.test(x)));
  const task = find(TASK_COLUMN, NOT_TASK_COLUMN);
  const lead = find(LEAD_COLUMN, SUPPORT_COLUMN);
  if (task < 0 || lead < 0 || task === lead) return null;
  return { code: find(CODE_COLUMN), task, lead, support: find(SUPPORT_COLUMN), time: find(TIME_COLUMN, LEAD_COLUMN) };
}

const ROMAN = /^[IVXLC]+\.?$/;

function tableTasks(t: DataTable, norm: NormalizedText, framework: IndexFramework, push: (d: Omit<TaskDraft, 'id'>) => void): void {
  const cols = taskTableColumns(t);
  if (!cols) return;
  const cell = (row: string[], c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
  // A group-label row ("I | Cải cách thủ tục hành chính | | |") sets the component and any owner or
  // time its cells give for the rows under it; a merged cell left empty below carries its value down.
  let group = { index: null as string | null, lead: '', support: '', time: '' };
  let above = { lead: '', support: '', time: '' };
  t.rows.forEach((row, r) => {
    const code = cell(row, cols.code);
    const text = cell(row, cols.task);
    if (!text) return;
    const owners = [cell(row, cols.lead), cell(row, cols.support), cell(row, cols.time)];
    // A group label: a roman code, or a row that names no owner or time while the row after it does.
    const next = t.rows[r + 1];
    const isGroup = ROMAN.test(code) || (owners.every((x) => !x) && !!next && [cols.lead, cols.time].some((c) => cell(next, c) !== ''));
    if (isGroup) {
      group = { index: indexFromHeading(text, framework, null), lead: owners[0]!, support: owners[1]!, time: owners[2]! };
      above = { lead: '', support: '', time: '' };
      return;
    }
    const spanned = (c: number) => c >= 0 && (t.cellOffsets[r]?.[c]?.[0] ?? 0) < 0;
    const pick = (c: number, own: string, prev: string, inherited: string) => own || (spanned(c) ? prev : '') || inherited;
    const leadText = pick(cols.lead, owners[0]!, above.lead, group.lead);
    const supportText = pick(cols.support, owners[1]!, above.support, group.support);
    const timeText = pick(cols.time, owners[2]!, above.time, group.time);
    above = { lead: leadText, support: supportText, time: timeText };
    const own = ownersFromText(text);
    const lead = own.explicitLead ? own.lead : parseAgencyList(leadText);
    const leadKeys = new Set(lead.map((a) => foldKey(a.name)));
    const support = [...own.support, ...parseAgencyList(supportText, { dropVague: true })].filter((a) => !leadKeys.has(foldKey(a.name)));
    const at = cellSpan(t, r, cols.task);
    push({
      text,
      lead,
      support,
      executors: [],
      leadSource: own.explicitLead ? 'text' : lead.length ? 'table-row' : 'none',
      inferred: false,
      inheritedTime: timeText || null,
      index: group.index,
      section: t.id,
      ...at,
      page: pageAt(norm, at.start),
    });
  });
}
