// Which PDF pages must be OCR'd: no text layer, a text layer that does not carry readable
// Unicode, or a scan under a thin text layer (a signature stamp, a caption).
import type { LoadedPage } from '../pdf/load.js';
import { textProblems } from '../pdf/quality.js';

/** A page image covering this share of the page, with little text over it, is a scan. */
const SCAN_IMAGE_SHARE = 0.5;
/** Fewer letters than this over a full-page image: the text layer is a stamp or a label, not the page. */
const THIN_TEXT_LETTERS = 200;

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length;

/** Text-layer checks: true when the page's text cannot stand for the page. */
export function pageNeedsOcr(pageText: string, imageShare = 0): boolean {
  if (!pageText.trim()) return true;
  if (textProblems(pageText)) return true;
  return imageShare >= SCAN_IMAGE_SHARE && letters(pageText) < THIN_TEXT_LETTERS;
}

export const loadedPageNeedsOcr = (p: LoadedPage) => pageNeedsOcr(p.items.map((i) => i.text).join(' '), p.imageShare);
