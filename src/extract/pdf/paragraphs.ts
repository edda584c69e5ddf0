// Body lines → paragraphs: first-line indents, list markers, vertical gaps, short last lines,
// alignment and weight changes; a paragraph may run on over a page break.
import type { Align } from '../../types.js';
import type { PdfLine } from './model.js';

/** Page geometry of the running text, measured on the body lines of pages of one width. */
export interface BodyMetrics {
  left: number;
  right: number;
  /** Baseline-to-baseline distance in ems between lines of one paragraph. */
  leading: number;
}

export interface Paragraph {
  lines: PdfLine[];
  align: Align;
}

const LIST_MARKER =
  /^(?:[IVXLC]{1,6}\.|\d{1,3}(?:\.\d{1,3}){0,3}\.|\d{1,3}\)|[a-zđ]\)|[-–—+•·▪●○◦*]\s|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[.:]?\s)/u;
export const startsWithMarker = (text: string) => LIST_MARKER.test(text);


function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))] ?? 0;
}

/** Measure the text block: left margin (most common line start of continuation lines), right margin, leading. */
export function measureBody(lines: PdfLine[], bodySize: number): BodyMetrics | null {
  const body = lines.filter((l) => Math.abs(l.size - bodySize) <= 0.6);
  if (body.length < 3) return null;
  const counts = new Map<number, number>();
  for (const l of body) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  // The leftmost start shared by a fair number of lines: continuation lines sit at the margin.
  const minCount = Math.max(2, Math.ceil(body.length * 0.05));
  const starts = [...counts.entries()].filter(([, n]) => n >= minCount).map(([x]) => x);
  const left = starts.length ? Math.min(...starts) : quantile(body.map((l) => l.x0), 0.1);
  const leftMatch = body.filter((l) => Math.abs(l.x0 - left) <= 1.5);
  const right = quantile((leftMatch.length >= 3 ? leftMatch : body).map((l) => l.x1), 0.9);
  const ratios: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1]!;
    const b = body[i]!;
    if (a.page !== b.page || Math.abs(a.size - b.size) > 0.1) continue;
    const d = (b.baseline - a.baseline) / b.size;
    if (d > 0.8 && d < 2.5) ratios.push(Math.round(d * 20) / 20);
  }
  const freq = new Map<number, number>();
  for (const r of ratios) freq.set(r, (freq.get(r) ?? 0) + 1);
  // The tightest spacing that occurs often is the in-paragraph leading; wider ones are paragraph gaps.
  const common = [...freq.entries()].filter(([, n]) => n >= Math.max(2, ratios.length * 0.1)).map(([r]) => r);
  const leading = common.length ? Math.min(...common) : 1.2;
  return { left, right, leading };
}

export class LineShape {
  constructor(private readonly m: BodyMetrics) {}

  /** Ends well before the right margin: the last line of a paragraph, a heading, a short item. */
  short(l: PdfLine): boolean {
    return l.x1 < this.m.right - Math.max(3 * l.size, 0.08 * (this.m.right - this.m.left));
  }

  /** Reaches the right margin: justified text that goes on. */
  full(l: PdfLine): boolean {
    return l.x1 >= this.m.right - 1.5 * l.size;
  }

  indented(l: PdfLine): boolean {
    return l.x0 > this.m.left + 0.6 * l.size;
  }

  centered(l: PdfLine): boolean {
    const mid = (this.m.left + this.m.right) / 2;
    const c = (l.x0 + l.x1) / 2;
    return Math.abs(c - mid) <= Math.max(3, 0.02 * (this.m.right - this.m.left)) && l.x0 > this.m.left + 3 && l.x1 < this.m.right - 3;
  }

  /** Long enough that the next line of a centred title is its wrap. */
  wide(l: PdfLine): boolean {
    return l.x1 - l.x0 >= 0.7 * (this.m.right - this.m.left);
  }

  rightAligned(l: PdfLine): boolean {
    return l.x1 >= this.m.right - 3 && l.x0 > this.m.left + 0.3 * (this.m.right - this.m.left);
  }

  leading(): number {
    return this.m.leading;
  }
}

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');
const isCaps = (s: string) => {
  const l = letters(s);
  return l.length >= 2 && l === l.toLocaleUpperCase('vi');
};

/** Whether cur goes on the paragraph whose last line is prev. */
function continues(prev: PdfLine, cur: PdfLine, shapeOf: (l: PdfLine) => LineShape, paraStart: PdfLine): boolean {
  const sp = shapeOf(prev);
  const sc = shapeOf(cur);
  if (Math.abs(prev.size - cur.size) > 0.6 || prev.bold !== cur.bold) return false;
  if (startsWithMarker(cur.text)) return false;
  if (cur.page === prev.page) {
    const step = cur.baseline - prev.baseline;
    if (step <= 0 || step > 1.25 * sc.leading() * cur.size) return false;
  } else {
    // Over a page break only running text goes on: the last line filled the measure.
    if (cur.page !== prev.page + 1 || !sp.full(prev)) return false;
    if (sc.indented(cur) || sc.centered(cur)) return false;
  }
  const pc = sp.centered(prev) || (prev !== paraStart && sp.centered(paraStart));
  const cc = sc.centered(cur);
  if (cc) {
    // A centred title wraps: its lines are wide until the last one. The type name (KẾ HOẠCH) stands
    // alone, and a caps heading does not run into a mixed-case line under it.
    if (prev.italic !== cur.italic || (isCaps(prev.text) && !isCaps(cur.text))) return false;
    return sp.wide(prev);
  }
  if (pc) return false;
  if (sc.indented(cur)) return false;
  if (sp.short(prev)) return false;
  return true;
}

/** Group a run of consecutive body lines (reading order, possibly over pages) into paragraphs. */
export function toParagraphs(lines: PdfLine[], shapeOf: (l: PdfLine) => LineShape): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: PdfLine[] = [];
  const flush = () => {
    if (cur.length) out.push({ lines: cur, align: alignOf(cur, shapeOf) });
    cur = [];
  };
  for (const line of lines) {
    const prev = cur[cur.length - 1];
    if (prev && !continues(prev, line, shapeOf, cur[0]!)) flush();
    cur.push(line);
  }
  flush();
  return out;
}

function alignOf(lines: PdfLine[], shapeOf: (l: PdfLine) => LineShape): Align {
  const last = lines[lines.length - 1]!;
  const s = shapeOf(last);
  if (s.centered(last)) return 'center';
  if (lines.length === 1 && s.rightAligned(last)) return 'right';
  return lines.length > 1 ? 'justify' : 'left';
}


/** The size most body characters are set in. */
export function dominantSize(lines: PdfLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + l.text.length);
  }
  let best = 12;
  let bestW = -1;
  for (const [s, n] of weight) if (n > bestW) [best, bestW] = [s, n];
  return best;
}

/** Margins are measured per page width: a landscape appendix has its own. */
export function shapesByPageWidth(pages: { page: number; width: number; lines: PdfLine[] }[], bodySize: number): (l: PdfLine) => LineShape {
  const whole = measureBody(pages.flatMap((p) => p.lines), bodySize);
  const byWidth = new Map<number, LineShape>();
  const widthOf = new Map<number, number>();
  for (const p of pages) {
    const key = Math.round(p.width);
    widthOf.set(p.page, key);
    if (byWidth.has(key)) continue;
    const group = pages.filter((x) => Math.round(x.width) === key).flatMap((x) => x.lines);
    const m = measureBody(group, bodySize) ?? whole ?? { left: 0.1 * p.width, right: 0.9 * p.width, leading: 1.2 };
    byWidth.set(key, new LineShape(m));
  }
  const fallback = new LineShape(whole ?? { left: 0, right: 595, leading: 1.2 });
  return (l) => byWidth.get(widthOf.get(l.page) ?? -1) ?? fallback;
}
