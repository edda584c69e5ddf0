// Whether a table is ruled. mammoth does not say; a ruled table holds data, a borderless one is
// layout (the two-column header block, the Nơi nhận / signature block).
import type { Styles } from './styles.js';
import { child, childVal, elements, path, type XElement } from './xml.js';

export type Side = 'top' | 'left' | 'bottom' | 'right' | 'insideH' | 'insideV';
/** Per side: true = a visible line, false = explicitly none. Absent = not said here. */
export type Borders = Partial<Record<Side, boolean>>;

const SIDES: Record<string, Side> = { 'w:top': 'top', 'w:left': 'left', 'w:start': 'left', 'w:bottom': 'bottom', 'w:right': 'right', 'w:end': 'right', 'w:insideH': 'insideH', 'w:insideV': 'insideV' };

/** A border element draws a line unless it is nil/none, zero width, or white ("hidden" by colour). */
function visible(b: XElement): boolean {
  const val = b.attrs['w:val'] ?? 'single';
  if (val === 'nil' || val === 'none') return false;
  if (b.attrs['w:sz'] === '0') return false;
  const color = (b.attrs['w:color'] ?? '').toUpperCase();
  return color !== 'FFFFFF' && color !== 'WHITE';
}

export function readBorders(el: XElement | undefined): Borders {
  const out: Borders = {};
  for (const b of elements(el)) {
    const side = SIDES[b.name];
    if (side) out[side] = visible(b);
  }
  return out;
}

const anyVisible = (b: Borders) => Object.values(b).some((v) => v === true);

/** The cells of a table (rows inside w:sdt/w:customXml wrappers included), nested tables excluded. */
function cells(tbl: XElement): XElement[] {
  const out: XElement[] = [];
  const walk = (el: XElement) => {
    for (const c of elements(el)) {
      if (c.name === 'w:tc') out.push(c);
      else if (c.name === 'w:tr' || c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') walk(c);
    }
  };
  walk(tbl);
  return out;
}

/**
 * Ruled when the table's own borders (its style's, overridden side by side by w:tblBorders) draw
 * lines, unless most cells switch theirs off; or, when the table draws none, most cells draw their own.
 */
export function isRuled(tbl: XElement, styles: Styles): boolean {
  const tblPr = child(tbl, 'w:tblPr');
  const borders: Borders = { ...styles.tableBorders(childVal(tblPr, 'w:tblStyle')), ...readBorders(child(tblPr, 'w:tblBorders')) };
  const all = cells(tbl);
  let drawn = 0;
  let blank = 0;
  for (const tc of all) {
    const own = readBorders(path(tc, 'w:tcPr', 'w:tcBorders'));
    if (anyVisible(own)) drawn++;
    else if (own.top === false && own.bottom === false && own.left === false && own.right === false) blank++;
  }
  if (anyVisible(borders)) return blank * 2 <= all.length;
  return all.length > 0 && drawn * 2 > all.length;
}
