// Deadlines as a task states them (GUIDELINES "Deadlines" and "Conventions"): dates, periods,
// recurring schedules, continuous work, and times tied to an event. The most specific wins:
// date, then period, then recurring, then ongoing; relative where nothing else is stated.
import type { z } from 'zod';
import type { Deadline as DeadlineSchema } from '../document/schema.js';
import { romanToInt } from '../normalize/numbers.js';

export type Deadline = z.infer<typeof DeadlineSchema>;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const endOfMonth = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDay(y, m))}`;

/** Head nouns a year or a repetition can qualify ("các chỉ tiêu năm 2023", "kế hoạch hàng năm"). */
const NOUN_HEADS = 'kế hoạch|chỉ tiêu|kết quả|chỉ số|chương trình|dự toán|ngân sách|lộ trình|khen thưởng|đề án|nghị quyết|quyết định|khảo sát|điều tra|hội thi';
/** Words that close a noun phrase: after them a time expression times the action, not the noun. */
const NP_BREAK = 'này|đó|vào|trong|để|trước|sau|theo|đúng|được|đã|từ|đến|và';
const QUALIFIED_NOUNS = new RegExp(`(?:${NOUN_HEADS})(?:\\s+(?!(?:${NP_BREAK})(?:\\s|$))\\S+){0,14}\\s*$`, 'iu');
/** A named document ("Kế hoạch số 03/KH-UBND … năm 2023", "Kế hoạch Cải thiện … năm 2022"): a year after it is part of its title. */
const NAMED_DOCUMENT = /(?:[Kk]ế hoạch|[Cc]hương trình|[Đđ]ề án|[Nn]ghị quyết|[Qq]uyết định|[Cc]hỉ thị|[Kk]ết luận|Luật|[Nn]ghị định|[Tt]hông tư|[Cc]ông văn|[Hh]ướng dẫn)\s+(?:số\s|\p{Lu})/u;
/** A purpose clause ("nhằm cải thiện … năm 2023 và các năm tiếp theo"): its times belong to the aim, not the action. */
const PURPOSE = /(?:^|\s)(?:nhằm|để|góp phần|hướng tới|với mục tiêu)\s/iu;

/** The clause a match sits in, up to the match: cut at sentence ends, semicolons and colons. */
const clauseBefore = (text: string, index: number) => text.slice(0, index).split(/[;.](?:\s|$)|:\s/u).pop() ?? '';

/** True when the time expression at `index` qualifies a noun or an aim rather than timing the action. */
function qualifiesNoun(text: string, index: number): boolean {
  const clause = clauseBefore(text, index);
  return QUALIFIED_NOUNS.test(clause) || PURPOSE.test(clause);
}

function inNamedDocument(text: string, index: number): boolean {
  const clause = clauseBefore(text, index);
  // Only a completion verb takes the year back for the action: "…, hoàn thành trong năm 2024".
  return NAMED_DOCUMENT.test(clause) && !/(?:hoàn thành|xong|kết thúc)\s+(?:trong|trước|vào)?\s*$/iu.test(clause);
}

function date(text: string): Deadline | null {
  const m =
    /(?:trước|chậm nhất|hoàn thành trước|xong trước|trong)\s+(?:ngày\s+)?(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu.exec(text);
  if (!m) return null;
  const [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const label = (/(?:Hoàn thành\s+)?(?:trước|chậm nhất|xong trước|trong)[^,;.]*?\d{4}/iu.exec(text.slice(Math.max(0, m.index - 12)))?.[0] ?? m[0]).trim();
  // A day the month does not have ("31/2") is a misprint: the month it names still bounds the work.
  if (d > lastDay(y, mo)) return { kind: 'period', end: endOfMonth(y, mo), label };
  return { kind: 'date', end: `${y}-${pad(mo)}-${pad(d)}`, label };
}

function period(text: string, planYear: number | null, floorYear: number | null): Deadline | null {
  const q = /Quý\s+([IV]{1,3}|[1-4])(?:\s*(?:năm|\/)\s*(\d{4}))?/u.exec(text);
  if (q && !/(?:hàng|định kỳ)\s+quý/iu.test(text.slice(Math.max(0, q.index - 12), q.index + 4))) {
    const n = romanToInt(q[1]!) ?? Number(q[1]);
    const y = q[2] ? +q[2] : planYear;
    if (y && n >= 1 && n <= 4 && !/^\s*,\s*6 tháng/u.test(text.slice(q.index + q[0].length))) return { kind: 'period', end: endOfMonth(y, n * 3), label: q[0] };
  }
  const half = /6 tháng (đầu|cuối) năm(?:\s+(\d{4}))?/iu.exec(text);
  if (half && !/định kỳ/iu.test(text.slice(Math.max(0, half.index - 10), half.index))) {
    const y = half[2] ? +half[2] : planYear;
    if (y) return { kind: 'period', end: half[1] === 'đầu' ? `${y}-06-30` : `${y}-12-31`, label: half[0] };
  }
  const month = /tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/iu.exec(text);
  if (month && !/ngày\s*\d{0,2}\s*$/iu.test(text.slice(0, month.index)) && +month[1]! >= 1 && +month[1]! <= 12)
    return { kind: 'period', end: endOfMonth(+month[2]!, +month[1]!), label: month[0] };
  const stage = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(text);
  if (stage && !qualifiesNoun(text, stage.index) && !inNamedDocument(text, stage.index) && !(floorYear && +stage[2]! < floorYear))
    return { kind: 'period', end: `${stage[2]}-12-31`, label: stage[0] };
  for (const y of text.matchAll(/(trong\s+)?năm\s+(\d{4})(?!\s*[-–]\s*\d)(\s+và\s+(?:những|các)\s+năm tiếp theo)?/giu)) {
    if (y[3]) continue; // an open-ended horizon, not a deadline
    // A year before the document was issued is a result being discussed, never when to act.
    if (floorYear && +y[2]! < floorYear) continue;
    const before = text.slice(0, y.index);
    if (/(?:ngày|tháng)\s*\d*\s*$/iu.test(before)) continue;
    if (PURPOSE.test(clauseBefore(text, y.index))) continue;
    if (y[1] || (!qualifiesNoun(text, y.index) && !inNamedDocument(text, y.index))) {
      return { kind: 'period', end: `${y[2]}-12-31`, label: y[0].trim() };
    }
  }
  return null;
}

/** A bare "trong năm" closing the sentence bounds the commitment within the plan's year: the weakest reading. */
function withinPlanYear(text: string, planYear: number | null): Deadline | null {
  return planYear && /trong năm\s*[.;]?\s*$/iu.test(text) ? { kind: 'period', end: `${planYear}-12-31`, label: 'trong năm' } : null;
}

function recurring(text: string): Deadline | null {
  const monthlyDay = /(?:trước|vào)\s+ngày\s+(\d{1,2})\s+(?:hàng|hằng)\s+tháng/iu.exec(text);
  // Only a day a month can have ("ngày 0", "ngày 45" are misprints, read as plain "hằng tháng").
  if (monthlyDay && +monthlyDay[1]! >= 1 && +monthlyDay[1]! <= 31) return { kind: 'recurring', freq: 'monthly', day: +monthlyDay[1]!, label: monthlyDay[0] };
  const rules: [RegExp, NonNullable<Deadline['freq']>][] = [
    [/(?:hàng|hằng)\s+tháng/iu, 'monthly'],
    [/(?:hàng|hằng)\s+quý|định kỳ\s+(?:hàng\s+)?quý/iu, 'quarterly'],
    [/(?:định kỳ|theo định kỳ)\s+6 tháng|(?:hàng|hằng)\s+6 tháng/iu, 'semiannual'],
    [/(?:hàng|hằng)\s+năm|định kỳ\s+(?:hàng\s+)?năm/iu, 'annual'],
  ];
  for (const [re, freq] of rules) {
    const m = re.exec(text);
    if (!m) continue;
    if (qualifiesNoun(text, m.index)) continue;
    const label = (/(?:Định kỳ\s+)?(?:hàng|hằng)?\s*[^,;.]*/iu.exec(text.slice(m.index))?.[0] ?? m[0]).trim();
    return { kind: 'recurring', freq, label: label || m[0] };
  }
  return null;
}

function ongoing(text: string): Deadline | null {
  const m = /(?<!chi\s)(?<!Cơ quan\s)thường xuyên(?!\s+tiếp xúc)|liên tục|hàng ngày|hằng ngày/iu.exec(text);
  if (m) return { kind: 'ongoing', label: m[0] };
  const from = /(?:Từ|từ)\s+(?:Quý\s+[IV]+\s+)?năm\s+\d{4}|năm\s+\d{4}\s+và\s+(?:những|các)\s+năm tiếp theo/u.exec(text);
  if (from && !qualifiesNoun(text, from.index) && !/Chỉ số[^;.]*$/u.test(text.slice(0, from.index)))
    return { kind: 'ongoing', label: from[0] };
  return null;
}

function relative(text: string): Deadline | null {
  const m = /(?:ngay\s+)?sau khi\s+[^,;.]+|(?:theo|đúng)\s+tiến độ\s+[^,;.]+|khi có yêu cầu|theo Kế hoạch đã được[^,;.]*(?:thời gian|tiến độ)[^,;.]*/iu.exec(text);
  return m ? { kind: 'relative', label: m[0].trim() } : null;
}

/**
 * Read a deadline from a task's text or a time cell/line ("Thường xuyên", "Quý IV năm 2023").
 * `planYear` completes periods printed without a year; years before `floorYear` (the issue year)
 * are never deadlines.
 */
export function readDeadline(text: string, planYear: number | null, floorYear: number | null = planYear): Deadline | null {
  return date(text) ?? period(text, planYear, floorYear) ?? recurring(text) ?? ongoing(text) ?? relative(text) ?? withinPlanYear(text, planYear);
}
