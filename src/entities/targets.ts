// Targets: quantified commitments, from the sentences of the body ("Phấn đấu năm 2023: Chỉ số PAR
// INDEX đạt từ 87% trở lên, tăng tối thiểu 01 hạng…") and from the target cells of target/score
// tables (one per cell, with the baseline column of an earlier year), each linked to the task it
// sits in and to the index component its section, row or own words name.
import type { DocStructure, NormalizedText, SectionNode } from '../types.js';
import type { TargetJson, TaskJson } from '../document/schema.js';
import { pageAt } from '../normalize/index.js';
import { foldKey, stripDiacritics } from '../normalize/unicode.js';
import { walk } from '../structure/tree.js';
import { indexFromHeading, type IndexFramework } from './indexlinks.js';
import { readCell, readQuantities, type Quantity } from './quantities.js';
import { CODE_HEADER, cellSpan, isTotalLabel, rowCode, type DataTable } from './tables.js';
import { leadingAgencyPhrase, ownersFromText } from './owners.js';
import { parseAgencyList, type Agency } from '../registry/agencies.js';

export interface TargetInputs {
  norm: NormalizedText;
  struct: DocStructure;
  tables: DataTable[];
  tasks: TaskJson[];
  framework: IndexFramework;
  /** The year the plan's title names, if any (the issue year is not a target year). */
  titleYear: number | null;
}

/** Top-level sections that report results or describe the situation: their numbers are outcomes. */
const RESULT_SECTION = /^(?:KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ|THỰC TRẠNG|CĂN CỨ)/iu;
/** Words that mark a number as something already achieved rather than something to reach. */
const ACHIEVED = /(?:đã đạt|đạt được|kết quả đạt|đã tăng|đã giảm|tăng so với năm trước|giảm so với năm trước|chiếm(?: tỷ lệ)?\s+\d)/iu;
const YEAR = /(?:năm|Năm)\s+(\d{4})(?!\d)/gu;

/** Names of whole indices: a target naming one serves that index, not a component of it. */
const WHOLE_INDEX: [RegExp, string | null][] = [
  [/sipas|chỉ số hài lòng/u, 'SIPAS'],
  [/par index|chỉ số cải cách hành chính|chỉ số cchc|papi/u, null],
];

interface Segment {
  text: string;
  start: number;
}

/** Sentences and ";"-clauses of a paragraph, with their offsets. */
function segments(text: string, base: number): Segment[] {
  const out: Segment[] = [];
  const re = /[^;]+?(?:;|\.(?=\s+\p{Lu})|$)/gsu;
  for (let m = re.exec(text); m && m[0]; m = re.exec(text)) out.push({ text: m[0], start: base + m.index });
  return out;
}

const VERBS = /\s*(?:phải\s+)?(?:đạt|là|được|ở mức|tăng|giảm|nằm trong|nằm|xếp|đứng|hoàn thành việc xử lý|hoàn thành|thực hiện)(?:\s+(?:tỷ lệ|từ|mức))?\s*$/iu;
const LEADING = /^\s*(?:[-+•]\s*)?(?:và|với|bảo đảm|đảm bảo|phấn đấu|phân đấu|mục tiêu thực hiện|trong đó|gồm)\s*:?\s*/iu;

/** A short name of what a quantity measures: the clause's subject, else the noun it counts. */
function metricOf(seg: string, q: Quantity, rel: number, subject: string | null): string {
  let head = seg.slice(0, q.start - rel);
  const colon = head.lastIndexOf(':');
  if (colon >= 0) head = head.slice(colon + 1);
  const comma = head.lastIndexOf(', ');
  if (comma >= 0 && q.unit === 'hạng') head = head.slice(comma + 2);
  for (let prev = ''; prev !== head; ) {
    prev = head;
    head = head.replace(VERBS, '').replace(LEADING, '').replace(/\(\s*$/u, '').trim();
  }
  const words = head.split(/\s+/).filter(Boolean);
  if (q.unit === 'hạng') return `Thứ hạng ${subject ?? head}`.trim();
  if (words.length >= 2 && words.length <= 25) return head;
  const tail = seg
    .slice(q.end - rel)
    .replace(/^\s*(?:trở lên|số|các|của|trong)\s+/iu, '')
    .split(/[,;.(]/u)[0]!
    .trim()
    .split(/\s+/)
    .slice(0, 12)
    .join(' ');
  const noun = tail || head;
  return q.unit === '%' ? `Tỷ lệ ${noun}` : q.unit === 'count' ? `Số ${noun}` : noun;
}

/** The year a segment states for itself ("năm 2023", "đến năm 2025"), not a "so với năm 2022" baseline. */
function statedYear(text: string): number | null {
  let year: number | null = null;
  for (const m of text.matchAll(YEAR)) {
    const before = text.slice(Math.max(0, m.index! - 12), m.index!);
    if (/so với\s*$/iu.test(before)) continue;
    year = +m[1]!;
  }
  return year;
}

/** Each body node's nearest index component, from its own and its ancestors' headings. */
function nodeIndexes(sections: SectionNode[], fw: IndexFramework): Map<SectionNode, string | null> {
  const out = new Map<SectionNode, string | null>();
  const down = (nodes: SectionNode[], inherited: string | null) => {
    for (const n of nodes) {
      out.set(n, inherited);
      if (n.children.length) down(n.children, indexFromHeading(n.text, fw, inherited) ?? inherited);
    }
  };
  down(sections, null);
  return out;
}

export function extractTargets(inputs: TargetInputs): TargetJson[] {
  return [...sentenceTargets(inputs), ...tableTargets(inputs)].map((t, i) => ({ ...t, id: `target${i + 1}` }));
}

function sentenceTargets({ norm, struct, tasks, framework, titleYear }: TargetInputs): TargetJson[] {
  const out: TargetJson[] = [];
  const indexes = nodeIndexes(struct.sections, framework);
  const resultTops = new Set(struct.sections.filter((s) => (s.kind === 'roman' || s.kind === 'part') && RESULT_SECTION.test(s.text)));
  // The body and the running text of appendices (their tables are read below).
  const nodes = [...walk(struct.sections), ...struct.appendices.flatMap((a) => [...walk(a.nodes)])];
  for (const [node, ancestors] of nodes) {
    if (node.table !== undefined || (node.heading && node.children.length)) continue;
    const top = ancestors[0] ?? node;
    if (resultTops.has(top)) continue;
    // The node's own text only: its children are visited on their own.
    const own = norm.text.slice(node.start, node.end);
    const markerLength = own.length - node.text.length;
    const base = node.start + Math.max(0, markerLength);
    // "Phấn đấu năm 2023: …" sets the year for what follows in the paragraph.
    let paragraphYear: number | null = null;
    for (const seg of segments(node.text, base)) {
      const announced = /(?:phấn đấu|phân đấu|mục tiêu|đến|trong)\s+(?:năm\s+)?(\d{4})\s*[:,]/iu.exec(seg.text);
      if (announced) paragraphYear = +announced[1]!;
      if (ACHIEVED.test(seg.text)) continue;
      const quantities = readQuantities(seg.text);
      if (!quantities.length) continue;
      // A clause about an earlier year ("Năm 2022, tỷ lệ … đạt 79%") reports a result.
      const year = statedYear(seg.text) ?? paragraphYear ?? titleYear;
      if (year !== null && titleYear !== null && year < titleYear) continue;
      const key = foldKey(seg.text);
      const whole = WHOLE_INDEX.find(([re]) => re.test(key));
      const offset = seg.start;
      const task = tasks.find((t) => t.provenance.start <= offset && offset < t.provenance.end);
      let subject: string | null = null;
      for (const q of quantities) {
        const metric = metricOf(seg.text, q, 0, subject);
        if (q.unit !== 'hạng') subject = metric;
        const start = offset + q.start;
        const end = offset + q.end;
        out.push({
          id: '',
          text: seg.text.trim().replace(/[;.]$/u, ''),
          metric,
          comparator: q.comparator,
          value: q.value,
          ...(q.valueMax !== undefined ? { valueMax: q.valueMax } : {}),
          unit: q.unit,
          year,
          index: whole ? whole[1] : (task?.index ?? indexes.get(node) ?? null),
          taskId: task?.id ?? null,
          provenance: { page: pageAt(norm, start), start, end },
        });
      }
    }
  }
  return out;
}

// ---- target and score tables ----

const TARGET_COLUMN = /mục tiêu|chỉ tiêu|phấn đấu|kế hoạch|dự kiến|đăng ký/iu;
const DELTA_COLUMN = /tăng\s*\/?\s*giảm|so với|chênh lệch/iu;
const MAX_COLUMN = /tối đa/iu;
const OWNER_COLUMN = /chủ trì|thực hiện|theo dõi|phụ trách|trách nhiệm|^(?:đơn vị|cơ quan)$/iu;
const LABEL_COLUMN = /chỉ số|lĩnh vực|tiêu chí|nội dung|tên|chỉ tiêu/iu;

const clean = (s: string) => s.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰*]/gu, '').replace(/\([^)]*\)/gu, '').replace(/\s+/g, ' ').trim();
const yearsIn = (s: string) => [...s.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => +m[1]!);

/** Each column's header path, top to bottom: merged cells spread right and down. */
function headerPaths(t: DataTable): string[][] {
  const rows = t.headerRows.length ? t.headerRows : [t.header];
  const grid = rows.map((r) => [...r]);
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < t.cols; c++) {
      if ((grid[r]![c] ?? '').trim()) continue;
      const below = grid.slice(r + 1).some((row) => (row[c] ?? '').trim());
      // An empty top cell over printed sub-headers is the tail of a horizontally merged cell.
      if (below && c > 0) grid[r]![c] = grid[r]![c - 1] ?? '';
    }
  }
  return Array.from({ length: t.cols }, (_, c) => {
    const path: string[] = [];
    for (const row of grid) {
      const cell = (row[c] ?? '').trim();
      if (cell && path[path.length - 1] !== cell) path.push(cell);
    }
    return path;
  });
}

interface TargetColumn {
  col: number;
  year: number | null;
  leaf: string;
  baseline: number | null;
  baselineYear: number | null;
  max: number | null;
}

/** The target columns of a table, each paired with the baseline and maximum columns beside it. */
export function targetColumns(t: DataTable, fallbackYear: number | null): TargetColumn[] {
  const paths = headerPaths(t);
  const joined = paths.map((p) => p.join(' / '));
  const targets = joined.flatMap((h, c) => (TARGET_COLUMN.test(h) && !DELTA_COLUMN.test(h) ? [c] : []));
  const leafKey = (c: number) => foldKey(clean(paths[c]![paths[c]!.length - 1] ?? ''));
  const maxCols = joined.flatMap((h, c) => (MAX_COLUMN.test(h) ? [c] : []));
  return targets.map((col) => {
    const year = yearsIn(joined[col]!).pop() ?? fallbackYear;
    const baselines = joined.flatMap((h, c) => {
      if (c === col || targets.includes(c) || DELTA_COLUMN.test(h) || MAX_COLUMN.test(h)) return [];
      const y = yearsIn(h).pop();
      return y !== undefined && (year === null || y < year) ? [{ c, y }] : [];
    });
    const sameLeaf = baselines.filter((b) => leafKey(b.c) === leafKey(col));
    const base = sameLeaf.length === 1 ? sameLeaf[0]! : baselines.length === 1 && targets.length === 1 ? baselines[0]! : null;
    return {
      col,
      year,
      leaf: clean(paths[col]![paths[col]!.length - 1] ?? ''),
      baseline: base?.c ?? null,
      baselineYear: base?.y ?? null,
      max: maxCols.length === 1 ? maxCols[0]! : null,
    };
  });
}

/** The unit of a target column: the cell's own sign, else what the headers say. */
function columnUnit(t: DataTable, tc: TargetColumn, paths: string[]): string {
  const loose = (x: string) => stripDiacritics(foldKey(x));
  const head = loose(paths.join(' '));
  if (/hang|xep|thu bac/u.test(loose(tc.leaf))) return 'hạng';
  const column = t.rows.map((r) => r[tc.col] ?? '').concat(tc.baseline !== null ? t.rows.map((r) => r[tc.baseline!] ?? '') : []);
  if (column.some((c) => /%/.test(c))) return '%';
  if (/diem/u.test(head)) return 'điểm';
  return 'count';
}

/** The owner a row's cell names: "(X chủ trì)" inside it wins; a cell that names no body ("Điểm điều tra XHH") gives none. */
function ownersOfCell(cell: string): Agency[] {
  if (/chủ trì/iu.test(cell)) {
    const own = ownersFromText(cell);
    if (own.explicitLead && own.lead.length) return own.lead;
  }
  return leadingAgencyPhrase(cell.trim()) ? parseAgencyList(cell) : [];
}

function tableTargets({ norm, tables, framework, titleYear, tasks }: TargetInputs): TargetJson[] {
  const out: TargetJson[] = [];
  for (const t of tables) {
    const columns = targetColumns(t, titleYear);
    if (!columns.length) continue;
    const paths = headerPaths(t);
    const leaves = paths.map((p) => clean(p[p.length - 1] ?? ''));
    const codeCol = leaves.findIndex((h) => CODE_HEADER.test(h));
    const labelCol = leaves.findIndex((h, c) => c !== codeCol && LABEL_COLUMN.test(h) && !columns.some((x) => x.col === c));
    const label = labelCol >= 0 ? labelCol : codeCol === 0 ? 1 : 0;
    const units = columns.map((tc) => columnUnit(t, tc, paths.flat()));
    const ownerCol = leaves.findIndex((h, c) => OWNER_COLUMN.test(h) && !columns.some((x) => x.col === c) && c !== label && c !== codeCol);
    let field: { n: string; index: string } | null = null;
    t.rows.forEach((row, r) => {
      const code = codeCol >= 0 ? rowCode(row[codeCol]) : null;
      const name = (row[label] ?? '').trim() || (codeCol >= 0 && !code ? (row[codeCol] ?? '').trim() : '');
      // The component: the row's name, a criterion code under the field row it belongs to.
      let index: string | null = null;
      const named = name ? indexFromHeading(name, framework) : null;
      if (code && !code.includes('.')) {
        index = named;
        field = named && /^(?:PAR|PAPI)\.\d+$/.test(named) ? { n: code, index: named } : null;
      } else if (code && field && code.split('.')[0] === field.n) {
        index = `${field.index}.${code.split('.').slice(1).join('.')}`;
      } else if (named === 'SIPAS') index = named;
      if (isTotalLabel(name)) index = null;
      const lead = ownerCol >= 0 ? ownersOfCell(row[ownerCol] ?? '') : [];
      columns.forEach((tc, k) => {
        const cell = readCell(row[tc.col] ?? '');
        if (!cell) return;
        const unit = cell.unit || units[k]!;
        const baseCell = tc.baseline !== null ? readCell(row[tc.baseline] ?? '') : null;
        const at = cellSpan(t, r, tc.col);
        const task = tasks.find((x) => x.provenance.start <= at.start && at.start < x.provenance.end);
        const metric = columns.length > 1 && tc.leaf ? `${tc.leaf} ${name}` : name;
        out.push({
          id: '',
          text: [code, name].filter(Boolean).join(' ') + `: ${(row[tc.col] ?? '').trim()}`,
          metric: metric || tc.leaf,
          comparator: cell.comparator,
          value: cell.value,
          ...(cell.valueMax !== undefined ? { valueMax: cell.valueMax } : {}),
          unit,
          year: tc.year,
          ...(baseCell && baseCell.comparator === '=' ? { baseline: { value: baseCell.value, unit, year: tc.baselineYear } } : {}),
          index: index ?? (task?.index ?? null),
          taskId: task?.id ?? null,
          ...(lead.length ? { lead } : {}),
          provenance: { page: pageAt(norm, at.start), ...at },
        });
      });
    });
  }
  return out;
}
