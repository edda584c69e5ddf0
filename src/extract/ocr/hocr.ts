// Tesseract's hOCR page → blocks, paragraphs, lines and words with their boxes, baselines, row
// heights and confidences. The engine asks tesseract.js for hOCR rather than its JSON block tree:
// hOCR is written in C++ and carries all the layout stage reads, while the JSON tree holds every
// symbol and its choices and is parsed and then cloned back across the worker boundary (3 % of a
// page's time alone, 8 % with two workers in bench:ocr).
import type { PixelBox, RecognisedBlock, RecognisedLine, RecognisedParagraph } from './engine.js';

/** The opening tags of the hOCR elements read here, and a word's text up to its closing tag. */
const ELEMENT = /<(?:div|p|span)\s+class='(ocr_carea|ocr_par|ocr_line|ocr_caption|ocr_textfloat|ocr_header|ocrx_word)'[^>]*?title=(["'])([^"']*)\2[^>]*>/g;
const LINE_CLASSES = new Set(['ocr_line', 'ocr_caption', 'ocr_textfloat', 'ocr_header']);

function property(title: string, name: string): number[] | null {
  const at = title.indexOf(name + ' ');
  if (at < 0) return null;
  const end = title.indexOf(';', at);
  return title
    .slice(at + name.length + 1, end < 0 ? undefined : end)
    .trim()
    .split(/\s+/)
    .map(Number);
}

const boxOf = (title: string): PixelBox => {
  const b = property(title, 'bbox') ?? [0, 0, 0, 0];
  return { x0: b[0]!, y0: b[1]!, x1: b[2]!, y1: b[3]! };
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeHtml(s: string): string {
  return s
    .replace(/<[^>]*>/g, '') // <strong>, <em> around a word
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    );
}

/** Blocks of one hOCR page, in document order; a line's confidence is the mean of its words'. */
export function parseHocr(hocr: string): { blocks: RecognisedBlock[]; conf: number; text: string } {
  const blocks: RecognisedBlock[] = [];
  let block: RecognisedBlock | null = null;
  let par: RecognisedParagraph | null = null;
  let line: RecognisedLine | null = null;
  let confSum = 0;
  let words = 0;
  ELEMENT.lastIndex = 0;
  for (let m = ELEMENT.exec(hocr); m; m = ELEMENT.exec(hocr)) {
    const [, cls, , title] = m as unknown as [string, string, string, string];
    if (cls === 'ocr_carea') {
      block = { box: boxOf(title), paragraphs: [] };
      blocks.push(block);
      par = null;
      line = null;
    } else if (cls === 'ocr_par') {
      if (!block) blocks.push((block = { box: boxOf(title), paragraphs: [] }));
      par = { box: boxOf(title), lines: [] };
      block.paragraphs.push(par);
      line = null;
    } else if (LINE_CLASSES.has(cls)) {
      if (!block) blocks.push((block = { box: boxOf(title), paragraphs: [] }));
      if (!par) block.paragraphs.push((par = { box: boxOf(title), lines: [] }));
      const box = boxOf(title);
      // "baseline p1 p0": y = p1·(x − x0) + p0, measured from the line box's bottom-left corner.
      const [slope = 0, offset = 0] = property(title, 'baseline') ?? [];
      const base = box.y1 + offset;
      line = {
        text: '',
        conf: 0,
        box,
        baseline: { x0: box.x0, y0: base, x1: box.x1, y1: base + slope * (box.x1 - box.x0) },
        rowHeight: property(title, 'x_size')?.[0] ?? box.y1 - box.y0,
        words: [],
      };
      par.lines.push(line);
    } else if (cls === 'ocrx_word' && line) {
      const close = hocr.indexOf('</span>', ELEMENT.lastIndex);
      const text = unescapeHtml(hocr.slice(ELEMENT.lastIndex, close < 0 ? undefined : close)).trim();
      if (close >= 0) ELEMENT.lastIndex = close + 7;
      const conf = property(title, 'x_wconf')?.[0] ?? 0;
      confSum += conf;
      words++;
      if (!text) continue;
      line.words.push({ text, conf, box: boxOf(title) });
    }
  }
  for (const b of blocks) for (const p of b.paragraphs) for (const l of p.lines) {
    l.text = l.words.map((w) => w.text).join(' ');
    l.conf = l.words.length ? l.words.reduce((s, w) => s + w.conf, 0) / l.words.length : 0;
  }
  // The page's text as Tesseract prints it: words by spaces, lines by line breaks, paragraphs by a blank line.
  const text = blocks
    .flatMap((b) => b.paragraphs.map((p) => p.lines.map((l) => l.text).join('\n')))
    .filter(Boolean)
    .join('\n\n');
  return { blocks, conf: words ? confSum / words : 0, text: text ? text + '\n' : '' };
}
