// The native tesseract CLI's TSV output (word rows) as an OCR'd ExtractedDocument, so that correctOcr
// can be measured and tested on real words, confidences and boxes without running OCR.
import type { ExtractedDocument, ParagraphBlock } from '../src/types.js';

/** Tesseract TSV word rows → an OCR'd document: one paragraph per (block, paragraph), one line per line. */
export function tsvDocument(tsv: string): ExtractedDocument {
  const paras = new Map<string, Map<string, ParagraphBlock['lines'][number]>>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5' || !c[11]!.trim()) continue;
    const [, , block, par, line, , left, top, width, height, conf, text] = c;
    const pk = `${block}.${par}`;
    const lines = paras.get(pk) ?? new Map();
    paras.set(pk, lines);
    const l = lines.get(line!) ?? { text: '', page: 1, words: [] };
    lines.set(line!, l);
    const [x0, y0] = [Number(left), Number(top)];
    l.words!.push({ text: text!.trim(), conf: Number(conf), box: { x0, y0, x1: x0 + Number(width), y1: y0 + Number(height) } });
  }
  const blocks: ParagraphBlock[] = [...paras.values()].map((lines) => {
    const ls = [...lines.values()].map((l) => ({ ...l, text: l.words!.map((w) => w.text).join(' ') }));
    return { kind: 'paragraph', lines: ls, page: 1 };
  });
  return { format: 'image', pages: 1, blocks, properties: {}, ocr: true, messages: [] };
}

