// Footnotes: a run of smaller-font lines at the foot of a page, opened by a footnote mark or a short rule.
import type { PdfLine, Ruling } from './model.js';

const MARK = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+|\(\d{1,3}\))/;

/**
 * Split the page's bottom footnotes off its flow lines (sorted top to bottom).
 * Returns the footnotes grouped into notes (a mark starts a new one).
 */
export function findFootnotes(lines: PdfLine[], bodySize: number, rulings: Ruling[], pageWidth: number): PdfLine[][] {
  let k = lines.length;
  while (k > 0 && lines[k - 1]!.size <= 0.85 * bodySize) k--;
  if (k === lines.length) return [];
  const run = lines.slice(k);
  const firstLine = run[0]!;
  const above = lines[k - 1];
  // The separator: a short horizontal rule between the text above and the first note.
  const rule = rulings.some(
    (r) =>
      r.y0 === r.y1 &&
      r.x1 - r.x0 < 0.45 * pageWidth &&
      r.y0 <= firstLine.top + 1 &&
      (!above || r.y0 >= above.baseline) &&
      firstLine.top - r.y0 < 4 * bodySize,
  );
  if (!rule && !MARK.test(firstLine.text)) return [];
  const notes: PdfLine[][] = [];
  for (const line of run) {
    const cur = notes[notes.length - 1];
    if (!cur || MARK.test(line.text)) notes.push([line]);
    else cur.push(line);
  }
  return notes;
}
