// Geometry shared by the PDF modules. All coordinates are PDF points, origin top-left, y down.
import type { Box } from '../../types.js';

/** One non-blank text run from pdfjs, placed on the page. */
export interface PdfItem {
  text: string;
  x0: number;
  x1: number;
  /** Baseline y. */
  baseline: number;
  /** Font size (the text matrix scale). */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Set by line building for small raised (sup) or lowered (sub) runs next to normal text. */
  script?: 'sup' | 'sub';
  /** A word recognised by OCR: its confidence (0–100) and its box on the page as it is (not deskewed). */
  ocr?: { conf: number; box: Box };
}

/** A visual line (or one side of a line split by a column gutter). */
export interface PdfLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  /** The size of the line's main text (superscripts excluded). */
  size: number;
  bold: boolean;
  italic: boolean;
  items: PdfItem[];
}

/** A straight axis-aligned ruling: horizontal when y0 === y1, vertical when x0 === x1. */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
  rulings: Ruling[];
}

export const isHorizontal = (r: Ruling) => r.y0 === r.y1;
