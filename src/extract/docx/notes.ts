// Footnotes and endnotes: mammoth reads them (separator notes skipped) but they are no body text.
// They come out as paragraphs with role "footnote", after the body, prefixed with their call as
// printed ("¹ Chỉ số % thành phần …").
import type { ParagraphBlock } from '../../types.js';
import { noteKey, paragraphRuns, superscript, type BodyContext } from './body.js';
import type { MDocument, MElement } from './tree.js';

/** Word numbers footnotes and endnotes apart, each in order of first reference (decimal assumed). */
export function numberNotes(doc: MDocument): Map<string, number> {
  const out = new Map<string, number>();
  const counters = new Map<string, number>();
  const walk = (e: MElement) => {
    if (e.type === 'noteReference') {
      const key = noteKey(e.noteType, e.noteId);
      if (!out.has(key)) {
        const n = (counters.get(e.noteType ?? '') ?? 0) + 1;
        counters.set(e.noteType ?? '', n);
        out.set(key, n);
      }
    }
    for (const c of e.children ?? []) walk(c);
  };
  walk(doc);
  return out;
}

/** The referenced notes as paragraphs, footnotes first, each kind in number order. */
export function noteBlocks(doc: MDocument, ctx: Pick<BodyContext, 'styleFlags' | 'noteNumbers'>): ParagraphBlock[] {
  const notes = Object.values(doc.notes?._notes ?? {})
    .map((note) => ({ note, n: ctx.noteNumbers.get(noteKey(note.noteType, note.noteId)) }))
    .filter((x): x is { note: (typeof x)['note']; n: number } => x.n !== undefined)
    .sort((a, b) => (a.note.noteType === b.note.noteType ? a.n - b.n : a.note.noteType === 'footnote' ? -1 : 1));
  const out: ParagraphBlock[] = [];
  for (const { note, n } of notes) {
    const text = note.body
      .filter((p) => p.type === 'paragraph')
      .flatMap((p) => paragraphRuns(p, ctx).map((runs) => runs.map((r) => r.text).join('').trim()))
      .filter(Boolean)
      .join(' ');
    if (text) out.push({ kind: 'paragraph', lines: [{ text: `${superscript(String(n))} ${text}`, page: null }], page: null, role: 'footnote' });
  }
  return out;
}
