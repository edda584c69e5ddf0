// Which PDF pages must be OCR'd: no text layer, a text layer that does not carry readable
// Vietnamese, or a scan under a thin text layer (a signature stamp, a caption).
import type { LoadedPage } from '../pdf/load.js';
import { textProblems } from '../pdf/quality.js';

/** A page image covering this share of the page, with little text over it, is a scan. */
const SCAN_IMAGE_SHARE = 0.5;
/** Fewer letters than this over a full-page image: the text layer is a stamp or a label, not the page. */
const THIN_TEXT_LETTERS = 200;
/**
 * Share of valid Vietnamese syllables under which a text layer is garbage (a broken font map).
 * Measured: every text-layer page of the four sample plan.pdf scores ≥ 0.998; TCVN3 and VNI text
 * read as Latin-1 score 0.27–0.33, English 0.27.
 */
export const MIN_VIETNAMESE_SCORE = 0.6;
/** Pages with fewer letters than this are too short to judge by syllables. */
const MIN_LETTERS_TO_SCORE = 40;

export interface OcrNeedsOptions {
  /** Share (0–1) of a text's words that are valid Vietnamese syllables. */
  vietnameseScore?: (text: string) => number;
}

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length;

/** Text-layer checks: true when the page's text cannot stand for the page. */
export function pageNeedsOcr(pageText: string, imageShare = 0, options: OcrNeedsOptions = {}): boolean {
  if (!pageText.trim()) return true;
  if (textProblems(pageText)) return true;
  const n = letters(pageText);
  if (imageShare >= SCAN_IMAGE_SHARE && n < THIN_TEXT_LETTERS) return true;
  if (options.vietnameseScore && n >= MIN_LETTERS_TO_SCORE && options.vietnameseScore(pageText) < MIN_VIETNAMESE_SCORE) return true;
  return false;
}

export const loadedPageNeedsOcr = (p: LoadedPage, options: OcrNeedsOptions = {}) =>
  pageNeedsOcr(p.items.map((i) => i.text).join(' '), p.imageShare, options);
