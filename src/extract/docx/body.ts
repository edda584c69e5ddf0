// mammoth's tree → blocks: paragraphs (runs → text, emphasis, alignment, list markers) and tables
// (rows, cells with colSpan/rowSpan), in document order.
import type { Align, Block, ParagraphBlock, RawCell, RawRow, TableBlock } from '../../types.js';
import { ANCHOR_PREFIX } from './anchors.js';
import type { MElement } from './tree.js';

/** One run's text with what the run says about it. */
export interface RunText {
  text: string;
  bold: boolean;
  italic: boolean;
  /**
   * The run's font. Text in legacy 8-bit Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times") is
   * already Unicode here: converted run by run in the tree (legacy.ts).
   */
  font: string | null;
}

export interface BodyContext {
  /** The marker to print before a numbered paragraph ("1.", "a)", "-"), or null. */
  marker(p: MElement, anchor: number | null): string | null;
  /** Whether a table is ruled; anchor = the anchor of its first paragraph, ordinal = its index among body tables. */
  ruled(table: MElement, anchor: number | null, ordinal: number): boolean;
  /** Bold/italic a paragraph or character style gives its runs. */
  styleFlags(styleId: string | null | undefined): { bold?: boolean; italic?: boolean };
  /** Printed number of each note ("footnote:3" → 1), in order of first reference. */
  noteNumbers: Map<string, number>;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const SUBSCRIPT: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉' };
/** Digits raised as printed: a note call "Chỉ số¹", "m²". */
export const superscript = (s: string) => s.replace(/\d/g, (d) => SUPERSCRIPT[d]!);
/** Lowered digits, as in the archive-copy count "Lưu: VT, KSTT₂." */
const subscript = (s: string) => s.replace(/\d/g, (d) => SUBSCRIPT[d]!);

export const noteKey = (type: string | undefined, id: string | undefined) => `${type}:${id}`;

/** The anchor mammoth passed through for a paragraph (the last one: merged paragraphs keep the later one's properties). */
export function anchorOf(p: MElement): number | null {
  let out: number | null = null;
  for (const c of p.children ?? []) if (c.type === 'bookmarkStart' && c.name?.startsWith(ANCHOR_PREFIX)) out = Number(c.name.slice(ANCHOR_PREFIX.length));
  return out;
}

/** The lines of a paragraph (split at line breaks), each as runs. */
export function paragraphRuns(p: MElement, ctx: Pick<BodyContext, 'styleFlags' | 'noteNumbers'>): RunText[][] {
  const lines: RunText[][] = [[]];
  const para = ctx.styleFlags(p.styleId);
  const push = (text: string, r: Omit<RunText, 'text'>) => lines[lines.length - 1]!.push({ text, ...r });
  const visit = (e: MElement, r: Omit<RunText, 'text'>, vertical: string | undefined) => {
    switch (e.type) {
      case 'text': {
        const v = e.value ?? '';
        push(vertical === 'superscript' ? superscript(v) : vertical === 'subscript' ? subscript(v) : v, r);
        return;
      }
      case 'tab':
        push('\t', r);
        return;
      case 'break':
        // Page and column breaks end nothing in the text; a line break starts a new line.
        if (e.breakType === 'line') lines.push([]);
        return;
      case 'noteReference': {
        const n = ctx.noteNumbers.get(noteKey(e.noteType, e.noteId));
        if (n !== undefined) push(superscript(String(n)), r);
        return;
      }
      case 'checkbox':
        push(e.checked ? '☒' : '☐', r);
        return;
      case 'run': {
        const style = e.styleId ? ctx.styleFlags(e.styleId) : {};
        const run = {
          bold: !!e.isBold || style.bold === true || (style.bold === undefined && para.bold === true),
          italic: !!e.isItalic || style.italic === true || (style.italic === undefined && para.italic === true),
          font: e.font ?? null,
        };
        for (const c of e.children ?? []) visit(c, run, e.verticalAlignment);
        return;
      }
      default:
        for (const c of e.children ?? []) visit(c, r, vertical);
    }
  };
  for (const c of p.children ?? []) visit(c, { bold: !!para.bold, italic: !!para.italic, font: null }, undefined);
  return lines;
}

const ALIGN: Record<string, Align> = { center: 'center', left: 'left', start: 'left', right: 'right', end: 'right', both: 'justify', distribute: 'justify' };

/** True when every run with visible text has the flag. */
const all = (runs: RunText[], flag: 'bold' | 'italic') => {
  const visible = runs.filter((r) => r.text.trim());
  return visible.length > 0 && visible.every((r) => r[flag]);
};

/** A paragraph as blocks: one per line break-separated line, the list marker before the first. */
export function paragraphBlocks(p: MElement, ctx: BodyContext): ParagraphBlock[] {
  // Asked for every paragraph, empty ones too: an empty numbered paragraph still uses up its number.
  const marker = ctx.marker(p, anchorOf(p));
  return lineBlocks(paragraphRuns(p, ctx), marker, p.alignment ? ALIGN[p.alignment] : undefined);
}

/**
 * A paragraph's lines (each a list of runs) → one block per line with text, the list marker before
 * the first of them, bold/italic when every visible run has it. Shared by the .docx and .doc readers.
 */
export function lineBlocks(
  lines: RunText[][],
  marker: string | null,
  align: Align | undefined,
  role?: ParagraphBlock['role'],
  lineText: (runs: RunText[]) => string = (runs) => runs.map((r) => r.text).join(''),
): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  for (const runs of lines) {
    const body = lineText(runs).trim();
    if (!body) continue;
    // The marker goes before the first line that has text.
    const text = marker && !out.length ? `${marker} ${body}` : body;
    const bold = all(runs, 'bold');
    const italic = all(runs, 'italic');
    out.push({
      kind: 'paragraph',
      lines: [{ text, page: null, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) }],
      page: null,
      ...(align ? { align } : {}),
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
      ...(role ? { role } : {}),
    });
  }
  return out;
}

/** Text of a table cell: its paragraphs' lines joined with "\n" (a nested table: rows per line). */
function cellText(cell: MElement, ctx: BodyContext): string {
  const parts: string[] = [];
  for (const c of cell.children ?? []) {
    if (c.type === 'paragraph') parts.push(...paragraphBlocks(c, ctx).map((b) => b.lines[0]!.text));
    else if (c.type === 'table')
      for (const r of c.children ?? []) {
        const row = (r.children ?? []).map((x) => cellText(x, ctx).replace(/\n/g, ' ')).filter(Boolean);
        if (row.length) parts.push(row.join(' '));
      }
  }
  return parts.join('\n');
}

/** The anchor of a table's first paragraph (not one of a nested table's), which places it in the XML. */
function firstAnchor(t: MElement): number | null {
  for (const r of t.children ?? [])
    for (const c of r.children ?? [])
      for (const p of c.children ?? []) {
        const a = p.type === 'paragraph' ? anchorOf(p) : null;
        if (a !== null) return a;
      }
  return null;
}

function tableBlock(t: MElement, ordinal: number, ctx: BodyContext): TableBlock {
  const rows: RawRow[] = [];
  for (const r of t.children ?? []) {
    if (r.type !== 'tableRow') continue;
    const cells: RawCell[] = (r.children ?? [])
      .filter((c) => c.type === 'tableCell')
      .map((c) => ({ text: cellText(c, ctx), colSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 }));
    rows.push({ cells, page: null, ...(r.isHeader ? { isHeader: true } : {}) });
  }
  return { kind: 'table', rows, pages: [], bordered: ctx.ruled(t, firstAnchor(t), ordinal) };
}

/** The body as blocks, in document order. */
export function bodyBlocks(doc: MElement, ctx: BodyContext): Block[] {
  const blocks: Block[] = [];
  let tables = 0;
  const walk = (els: MElement[]) => {
    for (const e of els) {
      if (e.type === 'paragraph') blocks.push(...paragraphBlocks(e, ctx));
      else if (e.type === 'table') blocks.push(tableBlock(e, tables++, ctx));
      else if (e.children) walk(e.children);
    }
  };
  walk(doc.children ?? []);
  return blocks;
}
