// Tie mammoth's paragraphs back to their XML. mammoth's tree says neither which list (numId) a
// paragraph is on nor anything about table borders, and counting elements in step with it breaks
// on the paragraphs and rows it merges or drops. So every w:p of the main part gets a bookmark
// naming its index before mammoth reads it; mammoth hands bookmarks through as bookmarkStart.
import { elements, type XElement } from './xml.js';

export const ANCHOR_PREFIX = '_vnplans_p';

/** Insert <w:bookmarkStart w:name="_vnplans_pN"/> as the first child of every paragraph. */
export function addAnchors(xml: string): string {
  let n = 0;
  return xml.replace(/<w:p(?=[\s/>])([^>]*?)(\/)?>/g, (_, attrs: string, selfClosing: string | undefined) => {
    const mark = `<w:bookmarkStart w:id="${900000000 + n}" w:name="${ANCHOR_PREFIX}${n}"/>`;
    n++;
    return selfClosing ? `<w:p${attrs}>${mark}</w:p>` : `<w:p${attrs}>${mark}`;
  });
}

/** The anchor number of a paragraph element of the annotated XML. */
function anchorOfXml(p: XElement): number | null {
  for (const c of elements(p, 'w:bookmarkStart')) {
    const name = c.attrs['w:name'] ?? '';
    if (name.startsWith(ANCHOR_PREFIX)) return Number(name.slice(ANCHOR_PREFIX.length));
  }
  return null;
}

export interface AnchoredParagraph {
  p: XElement;
  /** The innermost table holding the paragraph, if any. */
  table: XElement | null;
}

export interface DocumentIndex {
  paragraphs: Map<number, AnchoredParagraph>;
  /** Tables of the body that are not inside another table or a paragraph, in order. */
  bodyTables: XElement[];
}

export function indexDocument(root: XElement): DocumentIndex {
  const paragraphs = new Map<number, AnchoredParagraph>();
  const bodyTables: XElement[] = [];
  const walk = (el: XElement, table: XElement | null, inParagraph: boolean) => {
    for (const c of elements(el)) {
      if (c.name === 'w:p') {
        const n = anchorOfXml(c);
        if (n !== null) paragraphs.set(n, { p: c, table });
        walk(c, table, true);
      } else if (c.name === 'w:tbl') {
        if (!table && !inParagraph) bodyTables.push(c);
        walk(c, c, inParagraph);
      } else walk(c, table, inParagraph);
    }
  };
  walk(root, null, false);
  return { paragraphs, bodyTables };
}
