// Quantities: the values a sentence commits to ("đạt từ 87% trở lên", "tăng tối thiểu 01 hạng",
// "nằm trong nhóm 20-24", "xếp thứ 5/10", "ít nhất 02 sáng kiến"), each with its comparator and unit.
// A pure reader over one string; which sentences are commitments is decided by the caller.
import { NUMBER_PATTERN, parseVnNumber } from '../normalize/numbers.js';

export type Comparator = '>=' | '>' | '<=' | '<' | '=' | 'range';

export interface Quantity {
  comparator: Comparator;
  value: number;
  valueMax?: number;
  unit: string;
  /** Offsets of the whole phrase (qualifier, value, unit) in the string read. */
  start: number;
  end: number;
  /** Offset of the value itself. */
  valueStart: number;
}

// A value starts where a digit run starts: trying every digit of a long run as a start, each with
// every split of the whitespace after it, made a few KB of digits and spaces take seconds.
const N = `(?<!\\d)(${NUMBER_PATTERN})`;
const NOT_WORD = String.raw`(?![\p{L}\p{N}])`;
const DASH = String.raw`\s*[-–—]\s*`;
/** "%" and the dash after a value: one run of spaces around each, never two runs side by side. */
const PCT_DASH = String.raw`(?:\s*%)?${DASH}`;

/** Qualifiers printed right before a value, nearest first in the alternation order that matters. */
const BEFORE: [RegExp, Comparator][] = [
  [/(?:tối thiểu|ít nhất|không thấp hơn|không dưới|không ít hơn|thấp nhất)\s*(?:là\s*)?$/iu, '>='],
  [/(?:không vượt quá|không quá|tối đa|không cao hơn|cao nhất)\s*(?:là\s*)?$/iu, '<='],
  [/(?:^|\s)(?:trên|vượt|hơn|cao hơn)\s*$/iu, '>'],
  [/(?:^|\s)(?:dưới|thấp hơn|ít hơn)\s*$/iu, '<'],
];

function comparatorAround(before: string, after: string): Comparator {
  const near = before.slice(-40);
  for (const [re, c] of BEFORE) if (re.test(near)) return c;
  // "từ 50% số TTHC trở lên": the closing half may come after the noun.
  if (/trở lên/iu.test(after)) return '>=';
  if (/trở xuống/iu.test(after)) return '<=';
  if (/(?:^|\s)từ\s*$/iu.test(near)) return '>=';
  return '=';
}

const num = (s: string) => parseVnNumber(s)?.value ?? null;

/** Time and measure words a bare "ít nhất N …" count must not be (those are durations or deadlines). */
const NOT_COUNTED = /^(?:ngày|tháng|năm|giờ|phút|tuần|quý|lần\/|%|điểm|hạng|bậc|tỷ|triệu|nghìn|ngàn|đồng|km|ha|m2|người\/)/iu;

interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray, text: string): Omit<Quantity, 'start' | 'end'> | null;
}

const PATTERNS: Pattern[] = [
  // "98% - 100%", "35-40%": a range of percentages.
  {
    re: new RegExp(`${N}${PCT_DASH}${N}\\s*%`, 'gu'),
    read: (m) => {
      const a = num(m[1]!), b = num(m[2]!);
      return a !== null && b !== null && a < b ? { comparator: 'range', value: a, valueMax: b, unit: '%', valueStart: m.index } : null;
    },
  },
  // "nhóm 20-24 tỉnh", "top 10": a rank group.
  {
    re: new RegExp(`(?:nhóm|tốp|top)\\s+(?:từ\\s+)?(\\d{1,3})${DASH}(\\d{1,3})${NOT_WORD}`, 'giu'),
    read: (m) => {
      const a = +m[1]!, b = +m[2]!;
      return a < b ? { comparator: 'range', value: a, valueMax: b, unit: 'hạng', valueStart: m.index + m[0].indexOf(m[1]!) } : null;
    },
  },
  {
    re: new RegExp(`(?:trong\\s+)?(?:tốp|top)\\s+(\\d{1,3})${NOT_WORD}`, 'giu'),
    read: (m) => ({ comparator: '<=', value: +m[1]!, unit: 'hạng', valueStart: m.index + m[0].lastIndexOf(m[1]!) }),
  },
  // "tăng tối thiểu 01 hạng", "tăng 3 bậc": a change of rank.
  {
    re: new RegExp(`(?:tăng|nâng|cải thiện)\\s+((?:tối thiểu|ít nhất|từ|trên|tối đa)\\s+)?(\\d{1,3})\\s+(?:hạng|bậc)${NOT_WORD}`, 'giu'),
    read: (m) => {
      const q = (m[1] ?? '').trim().toLowerCase();
      const comparator: Comparator = q === '' ? '=' : q === 'trên' ? '>' : q === 'tối đa' ? '<=' : '>=';
      return { comparator, value: +m[2]!, unit: 'hạng', valueStart: m.index + m[0].lastIndexOf(m[2]!) };
    },
  },
  // "xếp thứ 5/10", "đứng thứ 20", "xếp hạng 15/63": a rank to reach.
  {
    re: new RegExp(`(?:xếp|đứng|nằm ở|ở)\\s+(?:vị trí\\s+)?(?:thứ|hạng)\\s+(?:(từ|trong)\\s+)?(\\d{1,3})(?:\\s*\\/\\s*\\d{1,3})?${NOT_WORD}`, 'giu'),
    read: (m) => ({ comparator: m[1] ? '<=' : '=', value: +m[2]!, unit: 'hạng', valueStart: m.index + m[0].lastIndexOf(m[2]!) }),
  },
  // "87%", "100 %".
  {
    re: new RegExp(`${N}\\s*%`, 'gu'),
    read: (m) => {
      const v = num(m[1]!);
      return v !== null && v <= 1000 ? { comparator: '=', value: v, unit: '%', valueStart: m.index } : null;
    },
  },
  // "85 điểm", "đạt từ 90 điểm trở lên".
  {
    re: new RegExp(`${N}\\s*điểm${NOT_WORD}`, 'giu'),
    read: (m) => {
      const v = num(m[1]!);
      return v !== null ? { comparator: '=', value: v, unit: 'điểm', valueStart: m.index } : null;
    },
  },
  // "ít nhất 02 sáng kiến": a count, only with a qualifier (a bare number usually names a set, not a level).
  {
    re: new RegExp(`(tối thiểu|ít nhất|không ít hơn|không dưới|tối đa|không quá|không vượt quá)\\s+(\\d{1,6})\\s+(\\p{L}+)`, 'giu'),
    read: (m) => {
      if (NOT_COUNTED.test(m[3]!)) return null;
      const q = m[1]!.toLowerCase();
      const comparator: Comparator = /tối đa|quá/u.test(q) ? '<=' : '>=';
      return { comparator, value: +m[2]!, unit: 'count', valueStart: m.index + m[0].indexOf(m[2]!, m[1]!.length) };
    },
  },
];

/** Every quantity in the text, left to right, overlapping readings resolved in the patterns' order. */
export function readQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index, end = m.index + m[0].length;
      if (overlaps(start, end)) continue;
      const q = p.read(m, text);
      if (!q) continue;
      taken.push([start, end]);
      found.push({ ...q, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // Comparators of plain values come from the words around them, up to the neighbouring values.
  found.forEach((q, i) => {
    if (q.comparator !== '=' || (q.unit !== '%' && q.unit !== 'điểm')) return;
    const from = i > 0 ? found[i - 1]!.end : 0;
    const to = i + 1 < found.length ? found[i + 1]!.start : text.length;
    const afterText = text.slice(q.end, to).split(/[,;.](?:\s|$)/u)[0]!;
    q.comparator = comparatorAround(text.slice(from, q.valueStart), afterText);
  });
  // "từ 98% - 100% trở lên" stays a range; "trở lên" only qualifies single values.
  return found;
}

/** The comparator and value of a table cell ("Từ 90% trở lên", "Trên 80%", "40-43", "12,25"). */
export function readCell(text: string): Omit<Quantity, 'start' | 'end' | 'valueStart'> | null {
  const t = text.trim();
  if (!t) return null;
  const range = new RegExp(`^${N}${PCT_DASH}${N}\\s*(%?)$`, 'u').exec(t);
  if (range) {
    const a = num(range[1]!), b = num(range[2]!);
    if (a !== null && b !== null && a < b) return { comparator: 'range', value: a, valueMax: b, unit: range[3] || /%/.test(t) ? '%' : '' };
  }
  const m = new RegExp(`^(.*?)${N}\\s*(%?)(.*)$`, 'u').exec(t);
  if (!m) return null;
  const before = m[1]!, after = m[4]!;
  // Only qualifier words may surround the value; anything else is prose, not a value cell.
  // Comparison signs one character a step: with ">=" beside ">" and "=" as alternatives (or a "+"
  // inside the "*"), a run of ">=>=…" had exponentially many readings. After the value, spaces are
  // trimmed rather than matched by three "\s*" in a row (cubic on a long run of spaces).
  if (!/^(?:(?:từ|trên|dưới|đạt|tối thiểu|tối đa|ít nhất|không quá|không thấp hơn|không dưới|bằng|[<>=≥≤])\s*)*$/iu.test(before)) return null;
  if (!/^(?:điểm|hạng)?\s*(?:trở lên|trở xuống)?$/iu.test(after.trim())) return null;
  const value = num(m[2]!);
  if (value === null) return null;
  const symbolic = /≥|>=/.test(before) ? '>=' : /≤|<=/.test(before) ? '<=' : />/.test(before) ? '>' : /</.test(before) ? '<' : null;
  const comparator = symbolic ?? comparatorAround(before, after);
  const unit = m[3] ? '%' : /điểm/iu.test(after) ? 'điểm' : /hạng/iu.test(after) ? 'hạng' : '';
  return { comparator, value, unit };
}
