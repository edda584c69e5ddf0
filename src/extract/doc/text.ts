// The character stream of a story (main text, footnotes, headers) → paragraphs: each with its
// runs (text, bold, italic, font) split into lines at line breaks, its paragraph properties and how
// it ended (paragraph mark, cell mark, row mark). Field codes are dropped and their results kept;
// Word's other control characters are dropped or turned into what they print.
import type WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { RunText } from '../docx/body.js';
import { superscript } from '../docx/body.js';
import type { Runs, Run } from './fkp.js';
import { applyChar, applyPara, charStyleOf, type CharProps, type ParaProps, type StyleSheet } from './styles.js';

type Piece = WordOleExtractor['_pieces'][number];

export interface Para {
  /** Lines (split at line breaks), each as runs. */
  lines: RunText[][];
  props: ParaProps;
  /** The paragraph style. */
  istd: number;
  /** The table row properties, when this paragraph ends a row (its sprms hold the row's cells). */
  grpprl: Buffer | null;
  /** '\r' paragraph mark, '\x07' cell or row end mark. */
  mark: string;
}

export interface Formatting {
  pieces: Piece[];
  papx: Runs;
  chpx: Runs;
  styles: StyleSheet;
  fonts: string[];
  /** CPs of footnote/endnote references in the main text → their printed numbers. */
  noteCalls: Map<number, number>;
}

/** File position of each CP: binary search of the piece table. */
export function fcOf(pieces: Piece[], cp: number): { piece: Piece; fc: number } | null {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (cp < p.startCp) hi = mid - 1;
    else if (cp >= p.endCp) lo = mid + 1;
    else return { piece: p, fc: p.startFilePos + (cp - p.startCp) * p.bpc };
  }
  return null;
}

/** What a character prints as outside a field code: itself, a line break, or nothing. */
function printed(ch: string): string | 'line' {
  switch (ch) {
    case '\t':
      return '\t';
    case '\x0b':
      return 'line';
    case '\x1e':
      return '-'; // non-breaking hyphen
    default:
      // Other controls: pictures and drawn objects (\x01 \x08), note separators, page and
      // column breaks, optional hyphens (\x1f), annotation marks.
      return ch < ' ' || ch === '\ufffe' || ch === '\uffff' ? '' : ch;
  }
}

/**
 * The paragraphs of the CP range [start, end), in order. A paragraph ends at a paragraph mark
 * (\r), a cell or row end mark (\x07), or a section break (\x0C) that ends its paragraph run.
 */
export function paragraphs(text: string, base: number, start: number, end: number, f: Formatting): Para[] {
  const out: Para[] = [];
  // Field nesting: true while inside a field's code (up to its separator), false in its result.
  const fields: boolean[] = [];
  let codeDepth = 0;
  let chars: { ch: string; chpx: Run | undefined; cp: number }[] = [];
  let lastChpx: Run | undefined;

  const finish = (markCp: number, mark: string) => {
    const at = fcOf(f.pieces, markCp);
    const papx = at ? f.papx.at(at.fc) : undefined;
    const istd = papx?.istd ?? 0;
    const props = f.styles.para(istd);
    if (papx) applyPara(props, papx.grpprl);
    const paraChar = f.styles.char(istd);
    const lines: RunText[][] = [[]];
    let prev: Run | undefined | null = null;
    let props0: CharProps = paraChar;
    for (const c of chars) {
      if (c.ch === 'line') {
        lines.push([]);
        continue;
      }
      if (c.chpx !== prev) {
        prev = c.chpx;
        props0 = { ...paraChar };
        if (c.chpx) {
          const cs = charStyleOf(c.chpx.grpprl);
          if (cs !== undefined) f.styles.applyCharStyle(props0, cs);
          applyChar(props0, c.chpx.grpprl, { ...props0 });
        }
      }
      if (props0.deleted) continue;
      const line = lines[lines.length - 1]!;
      const font = props0.ftc !== undefined ? (f.fonts[props0.ftc] ?? null) : null;
      const last = line[line.length - 1];
      if (last && last.bold === props0.bold && last.italic === props0.italic && last.font === font) last.text += c.ch;
      else line.push({ text: c.ch, bold: props0.bold, italic: props0.italic, font });
    }
    out.push({ lines, props, istd, grpprl: props.ttp || props.innerTtp ? (papx?.grpprl ?? null) : null, mark });
    chars = [];
  };

  for (let cp = start; cp < end; cp++) {
    const ch = text[cp - base]!;
    const at = fcOf(f.pieces, cp);
    let chpx: Run | undefined;
    if (at) {
      chpx = lastChpx && at.fc >= lastChpx.fcStart && at.fc < lastChpx.fcEnd ? lastChpx : f.chpx.at(at.fc);
      lastChpx = chpx;
    }
    if (ch === '\r' || ch === '\x07') {
      finish(cp, ch);
      continue;
    }
    if (ch === '\x0c' && at) {
      const run = f.papx.at(at.fc);
      if (run && run.fcEnd === at.fc + at.piece.bpc) {
        finish(cp, '\r');
        continue;
      }
    }
    if (ch === '\x13') {
      fields.push(true);
      codeDepth++;
      continue;
    }
    if (ch === '\x14' || ch === '\x15') {
      const top = fields.length ? fields[fields.length - 1] : undefined;
      if (top) codeDepth--;
      if (ch === '\x14' && top) fields[fields.length - 1] = false;
      if (ch === '\x15' && top !== undefined) fields.pop();
      continue;
    }
    if (codeDepth > 0) continue;
    if (ch === '\x02') {
      // An automatically numbered note call prints its number, raised.
      const n = f.noteCalls.get(cp);
      if (n !== undefined) chars.push({ ch: superscript(String(n)), chpx, cp });
      continue;
    }
    const p = printed(ch);
    if (p === 'line') chars.push({ ch: 'line', chpx, cp });
    else if (p) chars.push({ ch: p, chpx, cp });
  }
  if (chars.some((c) => c.ch !== 'line')) finish(end - 1, '\r');
  return out;
}
