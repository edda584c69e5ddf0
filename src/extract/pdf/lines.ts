// Text items → visual lines (grouped by baseline, sorted by x) and lines → segments split at wide gaps.
import type { PdfItem, PdfLine } from './model.js';

const SUP: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const SUB: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉' };

/** Footnote calls and archive-copy counts are printed as small raised/lowered digits; keep them as ¹²³ / ₁₂₃. */
function scriptText(it: PdfItem): string {
  const map = it.script === 'sup' ? SUP : it.script === 'sub' ? SUB : null;
  const t = it.text.trim();
  if (!map || !/^\d+$/.test(t)) return it.text;
  return [...t].map((ch) => map[ch] ?? ch).join('');
}

/** The size most of the line's characters are set in. */
function mainSize(items: PdfItem[]): number {
  const weight = new Map<number, number>();
  for (const it of items) {
    if (it.script) continue;
    const k = Math.round(it.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + it.text.trim().length);
  }
  let best = 0;
  let bestW = -1;
  for (const [k, w] of weight) if (w > bestW || (w === bestW && k > best)) [best, bestW] = [k, w];
  return best || Math.max(...items.map((i) => i.size));
}

/** Build one line from items already known to belong together. */
export function makeLine(items: PdfItem[], page: number): PdfLine {
  const sorted = [...items].sort((a, b) => a.x0 - b.x0);
  const main = sorted.filter((i) => !i.script);
  const base = main.length ? main : sorted;
  const size = mainSize(sorted);
  let text = '';
  let prev: PdfItem | null = null;
  for (const it of sorted) {
    const t = scriptText(it);
    if (prev) {
      const gap = it.x0 - prev.x1;
      const unit = Math.min(prev.script ? size : prev.size, it.script ? size : it.size);
      // A raised footnote call sits right after its word; anything else needs a visible gap.
      // OCR'd words are words: the engine already split them, whatever the gap measures.
      const needSpace = gap > (it.script ? 0.3 : 0.12) * unit || (prev.ocr !== undefined && it.ocr !== undefined);
      if (needSpace && !/\s$/.test(text) && !/^\s/.test(t)) text += ' ';
    }
    text += t;
    prev = it;
  }
  let chars = 0, boldChars = 0, italicChars = 0;
  for (const it of base) {
    const n = it.text.replace(/\s/g, '').length;
    chars += n;
    if (it.bold) boldChars += n;
    if (it.italic) italicChars += n;
  }
  const baseline = base.reduce((s, i) => s + i.baseline * i.text.length, 0) / Math.max(1, base.reduce((s, i) => s + i.text.length, 0));
  return {
    page,
    text: text.trim(),
    x0: Math.min(...sorted.map((i) => i.x0)),
    x1: Math.max(...sorted.map((i) => i.x1)),
    top: Math.min(...sorted.map((i) => i.baseline - 0.8 * i.size)),
    bottom: Math.max(...sorted.map((i) => i.baseline + 0.22 * i.size)),
    baseline,
    size,
    bold: chars > 0 && boldChars >= 0.85 * chars,
    italic: chars > 0 && italicChars >= 0.85 * chars,
    items: sorted,
  };
}

interface Group {
  items: PdfItem[];
  baseline: number;
  size: number;
}

/**
 * Group items into visual lines. Items whose baselines agree within a fraction of the font size
 * share a line; then lines made only of small text sitting inside a bigger line's height
 * (superscript calls, subscripts) are folded into that line.
 */
export function buildLines(items: PdfItem[], page: number): PdfLine[] {
  const sorted = items.map((i) => ({ ...i })).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Group[] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(it.baseline - g.baseline) <= 0.3 * Math.min(Math.max(it.size, g.size), 1.5 * Math.min(it.size, g.size))) {
      g.items.push(it);
      if (it.size > g.size) g.size = it.size;
    } else groups.push({ items: [it], baseline: it.baseline, size: it.size });
  }
  // Fold script-only groups into the nearest host line that has room for them.
  const hosts = groups.filter((g) => g.items.length > 0);
  for (const g of groups) {
    const gMax = Math.max(...g.items.map((i) => i.size));
    let best: Group | null = null;
    let bestD = Infinity;
    for (const h of hosts) {
      if (h === g || h.items.length === 0 || gMax > 0.8 * h.size) continue;
      const d = g.baseline - h.baseline; // negative: raised
      if (d < -0.75 * h.size || d > 0.35 * h.size) continue;
      const overlaps = g.items.some((s) => h.items.some((m) => !m.script && s.x0 < m.x1 - 0.5 && s.x1 > m.x0 + 0.5));
      if (overlaps) continue;
      // A script must touch text of its host line horizontally, not float in a far column.
      const near = g.items.every((s) => h.items.some((m) => Math.abs(s.x0 - m.x1) < h.size || Math.abs(m.x0 - s.x1) < h.size));
      if (!near) continue;
      if (Math.abs(d) < bestD) [best, bestD] = [h, Math.abs(d)];
    }
    if (best) {
      const raised = g.baseline < best.baseline - 0.15 * best.size;
      const lowered = g.baseline > best.baseline + 0.1 * best.size;
      for (const s of g.items) {
        if (raised) s.script = 'sup';
        else if (lowered) s.script = 'sub';
        best.items.push(s);
      }
      g.items = [];
    }
  }
  return groups
    .filter((g) => g.items.length > 0)
    .map((g) => makeLine(g.items, page))
    .filter((l) => l.text.length > 0)
    .sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
}

/** The horizontal gaps of at least minGap inside a line, as [left edge, right edge]. */
export function gapsOf(line: PdfLine, minGap: number): [number, number][] {
  const gaps: [number, number][] = [];
  let right = -Infinity;
  for (const it of line.items) {
    if (right > -Infinity && it.x0 - right >= minGap) gaps.push([right, it.x0]);
    right = Math.max(right, it.x1);
  }
  return gaps;
}
