// Recognised words → text items on the page in PDF points, so that OCR'd pages take the same
// layout path (lines, column regions, paragraphs, alignment, tables) as text-layer pages.
// Geometry for layout is measured on the deskewed image (level lines); each word also keeps its
// box on the page as it is, for provenance.
import type { Box } from '../../types.js';
import type { PdfItem } from '../pdf/model.js';
import type { PixelBox, RecognisedLine, RecognisedPage } from './engine.js';
import { unrotatePoint } from './preprocess.js';

/** One OCR'd page and how its pixels map to the PDF page. */
export interface OcrPage {
  /** 1-based. */
  page: number;
  recognised: RecognisedPage;
  /** Rotation applied before OCR, in degrees (0 when none). */
  skew: number;
  /** PDF points per image pixel. */
  scale: number;
  /** Stroke width (pixels) of each recognised line, in block/paragraph/line order: weight cue for bold. */
  strokes?: number[];
}

/** A line's words in reading order with the line itself. */
function* linesOf(p: RecognisedPage): Generator<RecognisedLine> {
  for (const b of p.blocks) for (const para of b.paragraphs) for (const l of para.lines) yield l;
}

const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Row heights vary by a few pixels between lines of one size; sizes this close to the body's are the body's. */
const SIZE_SNAP = 0.18;
/** A line whose strokes are this much thicker than the body's is set in bold. */
const BOLD_RATIO = 1.25;

/**
 * Items for every OCR'd page of one document. Font sizes and weights are judged across the whole
 * document: its dominant row height is the body size, its dominant stroke width regular weight.
 */
export function ocrItems(pages: OcrPage[]): Map<number, PdfItem[]> {
  const heights: number[] = [];
  const strokes: number[] = [];
  for (const p of pages) {
    let k = 0;
    for (const l of linesOf(p.recognised)) {
      const n = l.words.length;
      for (let i = 0; i < n; i++) heights.push(l.rowHeight * p.scale);
      const s = p.strokes?.[k];
      if (s && s > 0) for (let i = 0; i < n; i++) strokes.push(s);
      k++;
    }
  }
  const bodySize = median(heights);
  const bodyStroke = median(strokes);
  const out = new Map<number, PdfItem[]>();
  for (const p of pages) {
    const items: PdfItem[] = [];
    const { width, height } = p.recognised;
    const pageBox = (b: PixelBox): Box => {
      if (!p.skew) return { x0: b.x0 * p.scale, y0: b.y0 * p.scale, x1: b.x1 * p.scale, y1: b.y1 * p.scale };
      const corners = [
        unrotatePoint(b.x0, b.y0, p.skew, width, height),
        unrotatePoint(b.x1, b.y0, p.skew, width, height),
        unrotatePoint(b.x0, b.y1, p.skew, width, height),
        unrotatePoint(b.x1, b.y1, p.skew, width, height),
      ];
      return {
        x0: Math.max(0, Math.min(...corners.map((c) => c[0]))) * p.scale,
        y0: Math.max(0, Math.min(...corners.map((c) => c[1]))) * p.scale,
        x1: Math.min(width, Math.max(...corners.map((c) => c[0]))) * p.scale,
        y1: Math.min(height, Math.max(...corners.map((c) => c[1]))) * p.scale,
      };
    };
    let k = 0;
    for (const l of linesOf(p.recognised)) {
      const stroke = p.strokes?.[k++] ?? 0;
      if (!l.words.length) continue;
      let size = l.rowHeight * p.scale;
      if (bodySize > 0 && Math.abs(size - bodySize) <= SIZE_SNAP * bodySize) size = bodySize;
      size = Math.round(size * 2) / 2;
      const bold = bodyStroke > 0 && stroke >= BOLD_RATIO * bodyStroke;
      const bl = l.baseline;
      const slope = bl.x1 !== bl.x0 ? (bl.y1 - bl.y0) / (bl.x1 - bl.x0) : 0;
      for (const w0 of l.words) {
        // Table borders the engine read as bars.
        const text = w0.text.replace(/^[|¦]+|[|¦]+$/gu, '');
        if (!text) continue;
        const w = { ...w0, text };
        const mid = (w.box.x0 + w.box.x1) / 2;
        const baseline = bl.y0 + slope * (mid - bl.x0);
        items.push({
          text: w.text,
          x0: w.box.x0 * p.scale,
          x1: w.box.x1 * p.scale,
          baseline: baseline * p.scale,
          size,
          bold,
          italic: false,
          ocr: { conf: w.conf, box: pageBox(w.box) },
        });
      }
    }
    out.set(p.page, items);
  }
  return out;
}
