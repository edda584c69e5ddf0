// word/styles.xml: what a paragraph, run or table inherits from its style (through w:basedOn):
// list numbering, bold/italic, table borders. mammoth only reports direct formatting.
import { readBorders, type Borders } from './tables.js';
import { child, childVal, elements, onOff, parseXml, path, type XElement } from './xml.js';

export interface Styles {
  /** numPr inherited from a paragraph style (numId, ilvl as written; either may be missing). */
  paragraphNumbering(styleId: string | null | undefined): { numId?: string; ilvl?: string } | null;
  /** Bold/italic from a paragraph or character style's run properties. */
  runFlags(styleId: string | null | undefined): { bold?: boolean; italic?: boolean };
  /** Borders a table style draws (the default table style when the table names none). */
  tableBorders(styleId: string | null | undefined): Borders;
  /** The default paragraph style ("Normal"), which applies when a paragraph names none. */
  defaultParagraphStyle: string | null;
}

export function readStyles(xml: string | null): Styles {
  const byId = new Map<string, XElement>();
  let defaultParagraphStyle: string | null = null;
  let defaultTableStyle: string | null = null;
  if (xml) {
    for (const s of elements(child(parseXml(xml), 'w:styles'), 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      byId.set(id, s);
      const isDefault = ['1', 'true', 'on'].includes(s.attrs['w:default'] ?? '');
      if (isDefault && s.attrs['w:type'] === 'paragraph') defaultParagraphStyle = id;
      if (isDefault && s.attrs['w:type'] === 'table') defaultTableStyle = id;
    }
  }

  /** The style and its ancestors, nearest first (cycles cut). */
  const chain = (styleId: string | null | undefined): XElement[] => {
    const out: XElement[] = [];
    const seen = new Set<string>();
    for (let id = styleId ?? undefined; id && !seen.has(id); id = childVal(byId.get(id), 'w:basedOn')) {
      seen.add(id);
      const s = byId.get(id);
      if (!s) break;
      out.push(s);
    }
    return out;
  };

  return {
    defaultParagraphStyle,
    paragraphNumbering(styleId) {
      let numId: string | undefined;
      let ilvl: string | undefined;
      for (const s of chain(styleId)) {
        const numPr = path(s, 'w:pPr', 'w:numPr');
        numId ??= childVal(numPr, 'w:numId');
        ilvl ??= childVal(numPr, 'w:ilvl');
      }
      return numId === undefined && ilvl === undefined ? null : { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
    },
    runFlags(styleId) {
      let bold: boolean | undefined;
      let italic: boolean | undefined;
      for (const s of chain(styleId)) {
        const rPr = child(s, 'w:rPr');
        bold ??= onOff(rPr, 'w:b');
        italic ??= onOff(rPr, 'w:i');
      }
      return { ...(bold !== undefined ? { bold } : {}), ...(italic !== undefined ? { italic } : {}) };
    },
    tableBorders(styleId) {
      // Ancestors first, so a derived style's sides override its base's.
      const out: Borders = {};
      for (const s of chain(styleId ?? defaultTableStyle).reverse()) Object.assign(out, readBorders(path(s, 'w:tblPr', 'w:tblBorders')));
      return out;
    },
  };
}
