// The body through mammoth's document model: paragraphs (runs → text, bold/italic, alignment,
// numbering), tables (rows, cells with colSpan/rowSpan), footnotes.
import mammoth from 'mammoth';
import type { Align, Block, ParagraphBlock, RawRow, TableBlock } from '../../types.js';

/** mammoth's document element tree, as much of it as is read here. */
export interface MElement {
  type: string;
  children?: MElement[];
  value?: string;
  isBold?: boolean;
  isItalic?: boolean;
  verticalAlignment?: string;
  font?: string | null;
  alignment?: string | null;
  numbering?: { isOrdered: boolean; level: string | number } | null;
  colSpan?: number;
  rowSpan?: number;
  isHeader?: boolean;
  breakType?: string;
  noteId?: string;
  noteType?: string;
  body?: MElement[];
}

export interface MDocument extends MElement {
  notes?: { _notes?: Record<string, { noteType: string; noteId: string; body: MElement[] }> };
}

/** Read the document tree with mammoth (convertToHtml's transformDocument hook hands it over). */
export async function readMammothDocument(bytes: Uint8Array): Promise<{ doc: MDocument; warnings: string[] }> {
  let captured: MDocument | null = null;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (d: unknown) => {
        captured = d as MDocument;
        return d;
      },
      ignoreEmptyParagraphs: false,
    } as Parameters<typeof mammoth.convertToHtml>[1],
  );
  if (!captured) throw new Error('mammoth returned no document');
  return { doc: captured, warnings: result.messages.map((m) => m.message) };
}

const SUPERSCRIPT_DIGITS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
export const superscript = (s: string) => s.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[d]!);

interface RunText {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The lines of a paragraph (split at line breaks) with their emphasis. */
function paragraphLines(p: MElement, noteNumbers: Map<string, number>): RunText[][] {
  const lines: RunText[][] = [[]];
  const visit = (e: MElement, bold: boolean, italic: boolean) => {
    switch (e.type) {
      case 'text':
        lines[lines.length - 1]!.push({ text: e.value ?? '', bold, italic });
        return;
      case 'tab':
        lines[lines.length - 1]!.push({ text: '\t', bold, italic });
        return;
      case 'break':
        if (e.breakType === 'line' || !e.breakType) lines.push([]);
        return;
      case 'noteReference': {
        const n = noteNumbers.get(`${e.noteType}:${e.noteId}`);
        if (n !== undefined) lines[lines.length - 1]!.push({ text: superscript(String(n)), bold, italic });
        return;
      }
      case 'run': {
        const sup = e.verticalAlignment === 'superscript';
        for (const c of e.children ?? []) {
          if (sup && c.type === 'text') lines[lines.length - 1]!.push({ text: superscript(c.value ?? ''), bold, italic });
          else visit(c, !!e.isBold, !!e.isItalic);
        }
        return;
      }
      default:
        for (const c of e.children ?? []) visit(c, bold, italic);
    }
  };
  for (const c of p.children ?? []) visit(c, false, false);
  return lines;
}

const ALIGN: Record<string, Align> = { center: 'center', left: 'left', start: 'left', right: 'right', end: 'right', both: 'justify', justify: 'justify' };

export interface BodyOptions {
  /** Marker for a numbered paragraph (k-th numbered paragraph of the document), or null. */
  marker: (p: MElement, k: number) => string | null;
  /** Whether the k-th table of the document is ruled. */
  ruled: (k: number) => boolean;
}

/** Map mammoth's tree to blocks: paragraphs and tables in document order. */
export function toBlocks(doc: MDocument, noteNumbers: Map<string, number>, options: BodyOptions): Block[] {
  const blocks: Block[] = [];
  let numbered = 0;
  let tableCount = 0;

  const paragraph = (p: MElement): ParagraphBlock[] => {
    const lines = paragraphLines(p, noteNumbers).map((runs) => ({
      text: runs.map((r) => r.text).join('').replace(/\t+/g, ' '),
      bold: runs.some((r) => r.text.trim()) && runs.filter((r) => r.text.trim()).every((r) => r.bold),
      italic: runs.some((r) => r.text.trim()) && runs.filter((r) => r.text.trim()).every((r) => r.italic),
    }));
    let marker: string | null = null;
    if (p.numbering) marker = options.marker(p, numbered++);
    const out: ParagraphBlock[] = [];
    lines.forEach((l, i) => {
      const text = (i === 0 && marker ? `${marker} ${l.text}` : l.text).trim();
      if (!text) return;
      const b: ParagraphBlock = { kind: 'paragraph', lines: [{ text, page: null, ...(l.bold ? { bold: true } : {}), ...(l.italic ? { italic: true } : {}) }], page: null };
      const align = p.alignment ? ALIGN[p.alignment] : undefined;
      if (align) b.align = align;
      if (l.bold) b.bold = true;
      if (l.italic) b.italic = true;
      out.push(b);
    });
    return out;
  };

  const cellText = (cell: MElement): string =>
    (cell.children ?? [])
      .flatMap((c) => (c.type === 'paragraph' ? paragraph(c).map((b) => b.lines[0]!.text) : c.type === 'table' ? [tableText(c)] : []))
      .join('\n');
  const tableText = (t: MElement): string => (t.children ?? []).map((r) => (r.children ?? []).map(cellText).join(' ')).join('\n');

  const table = (t: MElement): TableBlock => {
    const k = tableCount++;
    const rows: RawRow[] = (t.children ?? [])
      .filter((r) => r.type === 'tableRow')
      .map((r) => ({
        cells: (r.children ?? [])
          .filter((c) => c.type === 'tableCell')
          .map((c) => ({ text: cellText(c), colSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 })),
        page: null,
        ...(r.isHeader ? { isHeader: true } : {}),
      }));
    return { kind: 'table', rows, pages: [], bordered: options.ruled(k) };
  };

  const walk = (els: MElement[]) => {
    for (const e of els) {
      if (e.type === 'paragraph') blocks.push(...paragraph(e));
      else if (e.type === 'table') blocks.push(table(e));
      else if (e.children) walk(e.children);
    }
  };
  walk(doc.children ?? []);
  return blocks;
}

/** Footnotes as paragraphs with role "footnote", prefixed with their printed call (¹ ² …). */
export function footnoteBlocks(doc: MDocument, noteNumbers: Map<string, number>): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  for (const note of Object.values(doc.notes?._notes ?? {})) {
    const n = noteNumbers.get(`${note.noteType}:${note.noteId}`);
    const text = note.body
      .flatMap((p) => paragraphLines(p, new Map()).map((runs) => runs.map((r) => r.text).join('')))
      .join(' ')
      .trim();
    if (text) out.push({ kind: 'paragraph', lines: [{ text: `${n !== undefined ? superscript(String(n)) + ' ' : ''}${text}`, page: null }], page: null, role: 'footnote' });
  }
  return out;
}

/** Number footnotes in order of their first call, as Word prints them. */
export function numberNotes(doc: MDocument): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (e: MElement) => {
    if (e.type === 'noteReference') {
      const k = `${e.noteType}:${e.noteId}`;
      if (!out.has(k)) out.set(k, out.size + 1);
    }
    for (const c of e.children ?? []) walk(c);
  };
  walk(doc);
  return out;
}
