// .docx extractor: mammoth's document tree for the body and tables (merged cells kept), the XML
// parts read directly for what mammoth does not give (list markers, table borders, running headers
// and footers, document properties).
import type { Block, ExtractedDocument, Message } from '../../types.js';
import { addAnchors, indexDocument } from './anchors.js';
import { bodyBlocks, type BodyContext } from './body.js';
import { DocxError } from './errors.js';
import { genericMarker, ListCounter } from './markers.js';
import { noteBlocks, numberNotes } from './notes.js';
import { paragraphList, readNumbering } from './numbering.js';
import { headerFooterParts, mainPart, partLines, relatedPart } from './parts.js';
import { readProperties } from './properties.js';
import { readStyles } from './styles.js';
import { isRuled } from './tables.js';
import { convertLegacyRuns } from './legacy.js';
import { ENCODING_NAMES, repairSegments } from '../../encoding/index.js';
import { readTree } from './tree.js';
import { parseXml } from './xml.js';
import { openZip } from './zip.js';
import { DEFAULT_LIMITS, type Limits } from '../../limits.js';

export { DocxError, type DocxErrorCode } from './errors.js';

export interface DocxOptions {
  /** Refuse packages whose parts add up to more than this many bytes uncompressed (wins over limits.docxBytes). */
  maxUncompressedBytes?: number;
  /** docxBytes, docxPartBytes, docxRatio, zipEntries; the defaults of src/limits.ts without it. */
  limits?: Pick<Limits, 'docxBytes' | 'docxPartBytes' | 'docxRatio' | 'zipEntries'>;
}

const SOURCE = 'extract/docx';

/** Anything but a DocxError out of reading a part means the package is broken. */
function asCorrupt(e: unknown, what: string): DocxError {
  return e instanceof DocxError ? e : new DocxError('docx/corrupt', `${what}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

export async function extractDocx(bytes: Uint8Array, options: DocxOptions = {}): Promise<ExtractedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const zip = openZip(bytes, {
    totalBytes: options.maxUncompressedBytes ?? limits.docxBytes,
    partBytes: Math.min(limits.docxPartBytes, options.maxUncompressedBytes ?? Infinity),
    ratio: limits.docxRatio,
    entries: limits.zipEntries,
  });
  const messages: Message[] = [];
  const note = (severity: Message['severity'], code: string, message: string) => messages.push({ severity, code, message, source: SOURCE });

  let main: string | null;
  let mainXml: string | null;
  try {
    main = mainPart(zip);
    mainXml = main ? zip.text(main) : null;
  } catch (e) {
    throw asCorrupt(e, 'unreadable package');
  }
  if (!main || mainXml === null) throw new DocxError('docx/corrupt', 'the package has no word/document.xml');

  const anchored = addAnchors(mainXml);
  let tree: Awaited<ReturnType<typeof readTree>>;
  try {
    tree = await readTree(zip, new Map([[main, anchored]]));
  } catch (e) {
    throw asCorrupt(e, 'mammoth could not read the document');
  }
  for (const w of [...new Set(tree.warnings)].slice(0, 20)) note('info', 'docx/mammoth', w);
  // TCVN3/VNI runs become Unicode before any text is read from the tree.
  const legacy = convertLegacyRuns(tree.doc);
  if (legacy.encodings.size)
    note('info', 'docx/legacy-encoding', `converted from ${[...legacy.encodings].map((e) => ENCODING_NAMES[e]).join(', ')}: ${legacy.byFont} runs by their font, ${legacy.byText} paragraphs by their text`);

  let index: ReturnType<typeof indexDocument>;
  let styles: ReturnType<typeof readStyles>;
  let numbering: ReturnType<typeof readNumbering>;
  try {
    index = indexDocument(parseXml(anchored));
    styles = readStyles(zip.text(relatedPart(zip, main, 'styles')));
    numbering = readNumbering(zip.text(relatedPart(zip, main, 'numbering')), styles);
  } catch (e) {
    throw asCorrupt(e, 'unreadable document parts');
  }

  const counter = new ListCounter(numbering);
  const generic = new Map<number, number>();
  let unanchored = 0;
  const ctx: BodyContext = {
    noteNumbers: numberNotes(tree.doc),
    styleFlags: (id) => styles.runFlags(id ?? styles.defaultParagraphStyle),
    marker(p, anchor) {
      const xml = anchor === null ? undefined : index.paragraphs.get(anchor);
      if (xml) {
        const list = paragraphList(xml.p, styles, numbering);
        return list ? counter.next(list.numId, list.ilvl) : null;
      }
      if (!p.numbering) return null;
      // No anchor came through: mammoth still knows the paragraph is a list item, not which list.
      unanchored++;
      const level = Number(p.numbering.level) || 0;
      const n = (generic.get(level) ?? 0) + 1;
      generic.set(level, n);
      for (const k of generic.keys()) if (k > level) generic.delete(k);
      return genericMarker(p.numbering.isOrdered, level, n);
    },
    ruled(_t, anchor, ordinal) {
      const tbl = (anchor === null ? undefined : index.paragraphs.get(anchor)?.table) ?? index.bodyTables[ordinal];
      return tbl ? isRuled(tbl, styles) : false;
    },
  };

  const blocks: Block[] = bodyBlocks(tree.doc, ctx);
  if (unanchored) note('warning', 'docx/list-markers-guessed', `${unanchored} numbered paragraphs could not be matched to their list definition; their markers are guessed`);
  blocks.push(...noteBlocks(tree.doc, ctx));

  // Running headers and footers: not body text, so after it and marked by role. The same text in
  // several parts (first page, even pages) is kept once; a bare page number says nothing.
  const seen = new Set<string>();
  for (const part of headerFooterParts(zip, main)) {
    let lines: string[];
    try {
      lines = repairSegments(partLines(zip.text(part.name) ?? '')).texts;
    } catch (e) {
      note('warning', 'docx/part-unreadable', `${part.name}: ${(e as Error).message}`);
      continue;
    }
    for (const text of lines) {
      if (/^[\s\-–—]*\d*[\s\-–—]*$/.test(text) || seen.has(`${part.role}:${text}`)) continue;
      seen.add(`${part.role}:${text}`);
      blocks.push({ kind: 'paragraph', lines: [{ text, page: null }], page: null, role: part.role });
    }
  }

  let properties: Record<string, string> = {};
  try {
    properties = readProperties(zip);
  } catch (e) {
    note('warning', 'docx/properties-unreadable', `document properties: ${(e as Error).message}`);
  }

  if (!blocks.some((b) => b.kind === 'table' || !b.role || b.role === 'body')) note('warning', 'docx/empty', 'the document body has no text');
  return { format: 'docx', pages: null, blocks, properties, ocr: false, messages };
}
