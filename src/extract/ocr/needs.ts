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

const LETTER = /\p{L}/u;
/** Letters in a text: Latin and Vietnamese counted by range, anything else asked of \p{L}. */
export function letters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) n++;
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) n++;
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (LETTER.test(String.fromCodePoint(cp))) n++;
    }
  }
  return n;
}

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
