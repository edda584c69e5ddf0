// Normalisation: extracted blocks → one normalised text, every offset of which maps back to its page.
// Paragraphs become lines; table rows become tab-separated lines; borderless layout tables are read
// column by column as paragraphs; paragraphs split by a page or line break are joined again.
import type { Align, Block, Message, NormalizedText, NormLine, NormTable, ParagraphBlock, TableBlock } from '../types.js';
import { cleanArtefacts } from './artefacts.js';
import { startsLower, toOldToneStyle } from './unicode.js';

interface Piece {
  text: string;
  page: number | null;
}

interface ParaUnit {
  kind: 'paragraph';
  pieces: Piece[];
  role: NonNullable<ParagraphBlock['role']>;
  column?: 'left' | 'right';
  bold?: boolean;
  align?: Align;
}

interface TableUnit {
  kind: 'table';
  block: TableBlock;
}

type Unit = ParaUnit | TableUnit;

const textOf = (u: ParaUnit): string => u.pieces.map((p) => p.text).join(' ');

/** A line ends a sentence or a list entry: nothing continues it on the next line. */
const TERMINAL = /[.;:!?…"”')\]]$/;

/** Read a borderless (layout) table column by column: the left column of an official header first. */
function flattenLayoutTable(t: TableBlock): ParaUnit[] {
  const out: ParaUnit[] = [];
  const width = Math.max(0, ...t.rows.map((r) => r.cells.reduce((n, c) => n + c.colSpan, 0)));
  for (let col = 0; col < width; col++) {
    for (const row of t.rows) {
      let at = 0;
      for (const cell of row.cells) {
        if (at === col) {
          for (const line of cell.text.split('\n')) {
            const text = cleanArtefacts(line);
            if (text)
              out.push({ kind: 'paragraph', pieces: [{ text, page: row.page }], role: 'body', column: col === 0 ? 'left' : 'right' });
          }
        }
        at += cell.colSpan;
      }
    }
  }
  return out;
}

function toUnits(blocks: Block[]): Unit[] {
  const units: Unit[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      // A table without rows prints nothing: it does not separate the paragraphs around it either.
      if (!b.rows.length) continue;
      if (!b.bordered) units.push(...flattenLayoutTable(b));
      else units.push({ kind: 'table', block: b });
      continue;
    }
    const pieces = b.lines.map((l) => ({ text: cleanArtefacts(l.text), page: l.page })).filter((p) => p.text);
    if (!pieces.length) continue;
    units.push({
      kind: 'paragraph',
      pieces,
      role: b.role ?? 'body',
      ...(b.column ? { column: b.column } : {}),
      ...(b.bold ? { bold: true } : {}),
      ...(b.align ? { align: b.align } : {}),
    });
  }
  return units;
}

/**
 * Join a paragraph that a page or line break split: the previous body paragraph has no terminal
 * punctuation and the next one starts in lower case. Footnotes printed between the two parts move after.
 */
function joinSplitParagraphs(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    // "a) …", "đ) …" start lower case but are list items, not continuations.
    if (u.kind === 'paragraph' && u.role === 'body' && startsLower(textOf(u)) && !/^[a-zđ][).]\s/u.test(textOf(u))) {
      // Find the previous body paragraph, skipping footnotes and running headers between the parts.
      let k = out.length - 1;
      while (k >= 0) {
        const p = out[k]!;
        if (p.kind === 'paragraph' && p.role !== 'body') k--;
        else break;
      }
      const prev = k >= 0 ? out[k] : undefined;
      if (prev && prev.kind === 'paragraph' && prev.column === u.column && !TERMINAL.test(textOf(prev))) {
        prev.pieces.push(...u.pieces);
        continue;
      }
    }
    out.push(u);
  }
  return out;
}

/**
 * The pieces of a paragraph, cleaned as one text: markup that straddles its visual lines or the
 * join of a split paragraph ("-" / "+ …", "a *b" / "c* d") is only seen on the whole, and cleaning
 * the normalised line again must change nothing. Where the whole reads differently from its
 * pieces (rare: markup across a line break), the paragraph becomes one piece on its first page.
 */
function settlePieces(u: ParaUnit): Piece[] {
  if (u.pieces.length < 2) return u.pieces;
  const joined = textOf(u);
  const whole = cleanArtefacts(joined);
  if (whole === joined) return u.pieces;
  return whole ? [{ text: whole, page: u.pieces[0]!.page }] : [];
}

/** Build the normalised text from the extracted blocks. */
export function normalize(blocks: Block[]): NormalizedText {
  const messages: Message[] = [];
  const units = joinSplitParagraphs(toUnits(blocks));
  const lines: NormLine[] = [];
  const tables: NormTable[] = [];
  const pageStarts: { offset: number; page: number }[] = [];
  // The text is built as a list of lines joined once at the end: appending to one string and
  // slicing it per line would flatten the growing string again and again (quadratic).
  const parts: string[] = [];
  let length = 0;
  let lastPage: number | null = null;

  const notePage = (offset: number, page: number | null) => {
    if (page !== null && page !== lastPage) {
      pageStarts.push({ offset, page });
      lastPage = page;
    }
  };
  // Every line after the first is preceded by exactly one "\n", even after empty table rows: a
  // line (and its page start) never shares its offset with an empty line before it.
  const newline = () => {
    if (lines.length) {
      parts.push('\n');
      length++;
    }
  };

  for (const u of units) {
    if (u.kind === 'paragraph') {
      u.pieces = settlePieces(u);
      if (!u.pieces.length) continue;
      newline();
      const start = length;
      let lineText = '';
      let printed = '';
      u.pieces.forEach((p, i) => {
        if (i) {
          lineText += ' ';
          printed += ' ';
        }
        notePage(start + lineText.length, p.page);
        const nfc = p.text.normalize('NFC');
        printed += nfc;
        lineText += toOldToneStyle(nfc);
      });
      parts.push(lineText);
      length += lineText.length;
      lines.push({
        start,
        end: length,
        text: lineText,
        page: u.pieces[0]!.page,
        kind: 'paragraph',
        ...(u.bold ? { bold: true } : {}),
        ...(u.align ? { align: u.align } : {}),
        ...(u.column ? { column: u.column } : {}),
        ...(u.role !== 'body' ? { role: u.role } : {}),
        ...(printed !== lineText ? { printed } : {}),
      });
      continue;
    }
    const t = u.block;
    const table: NormTable = { rows: [], pages: [...t.pages], bordered: t.bordered, ...(t.continuedFromPrevious ? { continuedFromPrevious: true } : {}) };
    const tableIndex = tables.length;
    tables.push(table);
    t.rows.forEach((row, r) => {
      newline();
      const start = length;
      notePage(start, row.page);
      let rowText = '';
      const cells = row.cells.map((c, i) => {
        if (i) rowText += '\t';
        const cs = start + rowText.length;
        // Cells keep their inner line breaks as spaces: a cell is one value.
        const cellText = toOldToneStyle(cleanArtefacts(c.text.replace(/\n+/g, ' ')).normalize('NFC'));
        rowText += cellText;
        return { text: cellText, colSpan: c.colSpan, rowSpan: c.rowSpan, start: cs, end: cs + cellText.length };
      });
      parts.push(rowText);
      length += rowText.length;
      table.rows.push({ cells, page: row.page, ...(row.isHeader ? { isHeader: true } : {}), line: lines.length });
      lines.push({ start, end: length, text: rowText, page: row.page, kind: 'table-row', table: tableIndex, row: r });
    });
  }
  const text = parts.join('');
  return { text, lines, tables, pageStarts, messages };
}

/** The page a character of the normalised text came from (null where the format has no pages). */
export function pageAt(norm: Pick<NormalizedText, 'pageStarts'>, offset: number): number | null {
  const ps = norm.pageStarts;
  let lo = 0;
  let hi = ps.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid]!.offset <= offset) {
      found = ps[mid]!.page;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
