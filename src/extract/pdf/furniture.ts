// Running page furniture: page numbers and lines repeated in the same margin position on most pages.
import type { PdfLine } from './model.js';

/** Share of the page height, from the top and from the bottom, where running headers/footers sit. */
const MARGIN = 0.12;

const PAGE_NUMBER = [
  /^\d{1,4}$/,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^(?:trang|page)\s*\d{1,4}(?:\s*(?:\/|của|trên|of)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
];

export const isPageNumberText = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

interface PageLines {
  height: number;
  lines: PdfLine[];
}

function inMargin(line: PdfLine, height: number): 'top' | 'bottom' | null {
  if (line.bottom <= MARGIN * height) return 'top';
  if (line.top >= (1 - MARGIN) * height) return 'bottom';
  return null;
}

/** Lines to drop: page numbers in a margin, and margin lines that repeat (digits aside) on most pages. */
export function findFurniture(pages: PageLines[]): Set<PdfLine> {
  const drop = new Set<PdfLine>();
  const repeats = new Map<string, PdfLine[]>();
  for (const { height, lines } of pages) {
    const seen = new Set<string>();
    for (const line of lines) {
      const where = inMargin(line, height);
      if (!where) continue;
      if (isPageNumberText(line.text)) {
        drop.add(line);
        continue;
      }
      // Same text (page numbers inside it aside) at the same height: a running header or footer.
      const key = `${where}|${Math.round(line.baseline / 6)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = repeats.get(key) ?? [];
      list.push(line);
      repeats.set(key, list);
    }
  }
  const need = Math.max(2, Math.ceil(pages.length * 0.5));
  if (pages.length >= 3) {
    for (const list of repeats.values()) if (list.length >= need) for (const l of list) drop.add(l);
  }
  return drop;
}
