// Text items of a PDF page in legacy Vietnamese fonts whose names do not say so (renamed or
// subset fonts): the page's text is judged as a whole and each item converted (src/encoding).
import { repairSegments } from '../../encoding/index.js';
import type { PdfItem } from './model.js';

/** Convert, in place, items whose page text reads as TCVN3/VNI; returns how many changed. */
export function repairItems(items: PdfItem[]): number {
  const r = repairSegments(items.map((i) => i.text));
  let n = 0;
  items.forEach((item, k) => {
    if (r.texts[k] !== item.text) {
      item.text = r.texts[k]!;
      n++;
    }
  });
  return n;
}
