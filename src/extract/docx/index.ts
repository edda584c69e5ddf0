// .docx extractor: mammoth for the body and tables (merged cells kept), fast-xml-parser for what
// mammoth drops (headers, footers, footnote numbering, core properties, table borders, list formats).
import { XMLParser } from 'fast-xml-parser';
import type { Block, ExtractedDocument, Message } from '../../types.js';
import { footnoteBlocks, numberNotes, readMammothDocument, toBlocks, type MElement } from './body.js';
import { genericMarker, ListCounter } from './numbering.js';
import { paragraphsOf, readNumbering, readProperties, tableBorders } from './parts.js';
import { DocxError, openDocx } from './zip.js';

export { DocxError } from './zip.js';

export interface DocxOptions {
  maxUncompressedBytes?: number;
}

type Node = Record<string, unknown>;
const orderParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true });

/** The direct numbering (numId, ilvl) of each numbered paragraph of the body, in order. */
function numberedParagraphs(xml: string): { numId: string; ilvl: number }[] {
  const out: { numId: string; ilvl: number }[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      for (const [k, v] of Object.entries(n)) {
        if (k === ':@' || !Array.isArray(v)) continue;
        if (k === 'w:p') {
          const pPr = (v as Node[]).find((x) => 'w:pPr' in x)?.['w:pPr'] as Node[] | undefined;
          const numPr = pPr?.find((x) => 'w:numPr' in x)?.['w:numPr'] as Node[] | undefined;
          if (numPr) {
            const attr = (key: string) => ((numPr.find((x) => key in x)?.[':@'] as Node | undefined)?.['@w:val'] as string | undefined) ?? '';
            out.push({ numId: attr('w:numId'), ilvl: Number(attr('w:ilvl') || 0) });
          }
        } else walk(v as Node[]);
      }
    }
  };
  walk(orderParser.parse(xml) as Node[]);
  return out;
}

export async function extractDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<ExtractedDocument> {
  const z = await openDocx(bytes, options.maxUncompressedBytes ?? 200 * 1024 * 1024);
  const messages: Message[] = [];
  let doc;
  try {
    doc = await readMammothDocument(bytes);
  } catch (e) {
    throw new DocxError('docx/corrupt', `mammoth could not read the document: ${(e as Error).message}`);
  }
  for (const w of doc.warnings.slice(0, 20)) messages.push({ severity: 'info', code: 'docx/mammoth', message: w, source: 'extract/docx' });

  const [ruled, numbering, properties, documentXml] = await Promise.all([tableBorders(z), readNumbering(z), readProperties(z), z.text('word/document.xml')]);
  const direct = numberedParagraphs(documentXml ?? '');
  const counter = new ListCounter(numbering);
  const genericCounts = new Map<number, number>();
  const noteNumbers = numberNotes(doc.doc);

  const blocks: Block[] = toBlocks(doc.doc, noteNumbers, {
    marker: (p: MElement, k: number) => {
      const d = direct[k];
      const fromXml = d ? counter.next(d.numId, d.ilvl) : null;
      if (fromXml) return fromXml;
      const level = Number(p.numbering?.level ?? 0);
      const n = (genericCounts.get(level) ?? 0) + 1;
      genericCounts.set(level, n);
      return genericMarker(!!p.numbering?.isOrdered, level, n);
    },
    ruled: (k) => ruled[k] ?? false,
  });
  blocks.push(...footnoteBlocks(doc.doc, noteNumbers));

  // Running headers and footers: kept apart from the body (role), after it.
  for (const name of z.names().filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).sort()) {
    const role = name.includes('header') ? 'page-header' : 'page-footer';
    for (const text of paragraphsOf((await z.text(name)) ?? '')) {
      // A bare page-number field leaves nothing useful.
      if (/^\d*$/.test(text.trim())) continue;
      blocks.push({ kind: 'paragraph', lines: [{ text, page: null }], page: null, role });
    }
  }
  if (!blocks.some((b) => b.kind === 'table' || (b.kind === 'paragraph' && (b.role ?? 'body') === 'body')))
    messages.push({ severity: 'warning', code: 'docx/empty', message: 'the document body has no text', source: 'extract/docx' });
  return { format: 'docx', pages: null, blocks, properties, ocr: false, messages };
}
