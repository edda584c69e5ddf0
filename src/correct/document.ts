// The correction stage over an OCR'd document: each paragraph's words are corrected as one stream
// (so neighbours on the next line still count as context), boxes are kept, each line's text is
// rebuilt from its words, and per page the number of corrected and doubtful words is reported.
import type { Block, ExtractedDocument, Message, OcrWord, ParagraphBlock } from '../types.js';
import { correctWords, type CorrectOptions } from './words.js';

interface PageCounts {
  corrected: number;
  doubtful: number;
}

function correctParagraph(p: ParagraphBlock, options: CorrectOptions, counts: Map<number | null, PageCounts>): ParagraphBlock {
  const refs: { line: number; word: number }[] = [];
  const stream: OcrWord[] = [];
  p.lines.forEach((l, li) => l.words?.forEach((w, wi) => (refs.push({ line: li, word: wi }), stream.push(w))));
  if (!stream.length) return p;
  // A word corrected before keeps its first reading as `original`.
  const fixed = correctWords(stream.map((w) => ({ text: w.text, conf: w.conf })), options);
  const lines = p.lines.map((l) => (l.words ? { ...l, words: [...l.words] } : l));
  fixed.forEach((f, k) => {
    const { line, word } = refs[k]!;
    const l = lines[line]!;
    const before = l.words![word]!;
    const w: OcrWord = { ...before, text: f.text };
    if (f.original !== undefined) w.original = before.original ?? f.original;
    if (f.doubtful) w.doubtful = true;
    l.words![word] = w;
    const c = counts.get(l.page) ?? { corrected: 0, doubtful: 0 };
    if (f.original !== undefined) c.corrected++;
    if (f.doubtful) c.doubtful++;
    counts.set(l.page, c);
  });
  for (const l of lines) if (l.words) l.text = l.words.map((w) => w.text).join(' ');
  return { ...p, lines };
}

/**
 * Post-OCR correction of an extracted document (pure: a new document is returned). Only lines that
 * carry OCR words are touched; text-layer lines and table cells are left as they are.
 */
export function correctOcr(doc: ExtractedDocument, options: CorrectOptions = {}): ExtractedDocument {
  const counts = new Map<number | null, PageCounts>();
  const blocks: Block[] = doc.blocks.map((b) => (b.kind === 'paragraph' ? correctParagraph(b, options, counts) : b));
  const messages: Message[] = [];
  for (const [page, c] of [...counts].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))) {
    if (c.corrected)
      messages.push({ severity: 'info', code: 'ocr/corrected', message: `${c.corrected} OCR word(s) corrected`, source: 'correct', page });
    if (c.doubtful)
      messages.push({ severity: 'warning', code: 'ocr/doubtful-word', message: `${c.doubtful} low-confidence OCR word(s) left doubtful`, source: 'correct', page });
  }
  return { ...doc, blocks, messages: [...doc.messages, ...messages] };
}
