// Word 97–2003 .doc extractor: word-extractor's OLE container reader and piece table for the
// bytes and the text; the formatting read here from the table stream ([MS-DOC]): paragraph and
// character runs, styles, lists, table rows. Gives the same blocks as the docx extractor: body
// paragraphs with list markers, tables with spans, footnotes, running headers and footers by role.
import { TextDecoder } from 'node:util';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { Block, ExtractedDocument, Message, ParagraphBlock } from '../../types.js';
import { superscript } from '../docx/body.js';
import { ListCounter } from '../docx/markers.js';
import { paragraphBlocks, lineText } from './blocks.js';
import { asCorrupt, DocError } from './errors.js';
import { readFib, tableSlice } from './fib.js';
import { chpxRuns, papxRuns } from './fkp.js';
import { readLists } from './lists.js';
import { openOle } from './ole.js';
import { readSummary } from './properties.js';
import { readFonts, StyleSheet } from './styles.js';
import { buildTable } from './tables.js';
import { paragraphs, type Formatting, type Para } from './text.js';
import { ENCODING_NAMES, repairBlocks } from '../../encoding/index.js';

export { DocError, type DocErrorCode } from './errors.js';

export interface DocOptions {
  /** Refuse files larger than this many bytes (default 200 MB). */
  maxBytes?: number;
}

const SOURCE = 'extract/doc';
const cp1252 = new TextDecoder('windows-1252');
const DEFAULT_MAX = 200 * 1024 * 1024;

/** The CPs of the note calls in the main text (PlcfndRef: n+1 CPs, then 2-byte FRDs), numbered in order. */
function noteCalls(plc: Buffer, into: Map<number, number>): void {
  if (plc.length < 4) return;
  const n = Math.floor((plc.length - 4) / 6);
  let k = 0;
  for (let i = 0; i < n; i++) if (plc.readInt16LE((n + 1) * 4 + i * 2) > 0) into.set(plc.readInt32LE(i * 4), ++k);
}

/** The CP boundaries of a PLC with no data (n+1 CPs); empty unless they run in order (overlapping stories would repeat work). */
function cps(plc: Buffer): number[] {
  if (plc.length < 4) return [];
  const n = Math.floor((plc.length - 4) / 4);
  const out = Array.from({ length: n + 1 }, (_, i) => plc.readInt32LE(i * 4));
  return out.every((v, i) => i === 0 || v >= out[i - 1]!) ? out : [];
}

/**
 * The piece table checked before word-extractor reads it: pieces in CP order and no more text than
 * the WordDocument stream can hold, so a forged table cannot make it build gigabytes of strings.
 */
function checkPieces(word: Buffer, clx: Buffer): void {
  let p = 0;
  // Prc entries (formatting of fast-saved files) come first: a 1, a 2-byte size, the data.
  while (p < clx.length && clx[p] === 1) p += p + 3 <= clx.length ? 3 + clx.readUInt16LE(p + 1) : clx.length;
  if (clx[p] !== 2 || p + 5 > clx.length) throw new DocError('doc/corrupt', 'no piece table');
  const size = clx.readUInt32LE(p + 1);
  const plc = p + 5;
  if (size < 16 || (size - 4) % 12 !== 0 || plc + size > clx.length) throw new DocError('doc/corrupt', 'the piece table is damaged');
  const n = (size - 4) / 12;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = clx.readUInt32LE(plc + i * 4);
    const b = clx.readUInt32LE(plc + (i + 1) * 4);
    if (b < a) throw new DocError('doc/corrupt', 'the piece table is out of order');
    total += b - a;
  }
  if (total > word.length) throw new DocError('doc/corrupt', `the piece table claims ${total} characters, more than the file holds`);
}

export async function extractDoc(bytes: Uint8Array, options: DocOptions = {}): Promise<ExtractedDocument> {
  if (bytes.length > (options.maxBytes ?? DEFAULT_MAX)) throw new DocError('doc/too-large', `file of ${bytes.length} bytes is over the limit`);
  const ole = await openOle(bytes);
  const word = await ole.stream('WordDocument');
  if (!word) throw new DocError('doc/not-word', 'OLE compound file without a WordDocument stream (not a Word document)');
  const fib = readFib(word);
  // The FIB stays readable in an encrypted file; everything after it is ciphertext.
  if (fib.encrypted) throw new DocError('doc/encrypted', 'the document is encrypted (password-protected)');
  if (fib.nFib < 0xc1) throw new DocError('doc/corrupt', `Word 6/95 format (nFib ${fib.nFib.toString(16)}) is not read, only Word 97–2003`);
  const table = await ole.stream(fib.tableStream);
  if (!table) throw new DocError('doc/corrupt', `the ${fib.tableStream} stream is missing`);

  const messages: Message[] = [];
  const note = (severity: Message['severity'], code: string, message: string) => messages.push({ severity, code, message, source: SOURCE });

  let f: Formatting;
  let text: string;
  let numbering: ReturnType<typeof readLists>;
  try {
    checkPieces(word, tableSlice(table, fib, 'clx'));
    const ex = new WordOleExtractor();
    ex.writePieces(word, table);
    const pieces = ex._pieces;
    // 8-bit pieces are Windows-1252. word-extractor maps only part of 0x80–0x9F (the euro sign
    // comes out as the word "undefined", shifting every later CP), so they are decoded again here,
    // one character per byte, and the CP ranges recounted.
    let cp = 0;
    for (const p of pieces) {
      if (p.bpc === 1) p.text = cp1252.decode(word.subarray(p.startFilePos, p.startFilePos + p.size));
      p.length = p.text.length;
      p.startCp = cp;
      p.endCp = cp += p.length;
    }
    text = pieces.map((p) => p.text).join('');
    const data = await ole.stream('Data');
    const calls = new Map<number, number>();
    noteCalls(tableSlice(table, fib, 'plcffndRef'), calls);
    const endCalls = new Map<number, number>();
    noteCalls(tableSlice(table, fib, 'plcfendRef'), endCalls);
    for (const [cp, n] of endCalls) calls.set(cp, n);
    f = {
      pieces,
      papx: papxRuns(word, tableSlice(table, fib, 'plcfBtePapx'), data),
      chpx: chpxRuns(word, tableSlice(table, fib, 'plcfBteChpx')),
      styles: new StyleSheet(tableSlice(table, fib, 'stshf')),
      fonts: readFonts(tableSlice(table, fib, 'sttbfFfn')),
      noteCalls: calls,
    };
    numbering = readLists(table, fib.fc.plcfLst, fib.fc.plfLfo);
  } catch (e) {
    throw asCorrupt(e, 'unreadable document structure');
  }
  const total = Object.values(fib.ccp).reduce((a, b) => a + Math.max(0, b), 0);
  if (fib.ccp.text < 0 || text.length < fib.ccp.text) throw new DocError('doc/corrupt', `the piece table holds ${text.length} characters, the main text needs ${fib.ccp.text}`);
  if (text.length < total) note('warning', 'doc/short-text', `the piece table holds ${text.length} of ${total} characters`);

  const counter = new ListCounter(numbering);
  const marker = (p: Para): string | null => {
    const ilfo = p.props.ilfo;
    if (!ilfo || ilfo < 0) return null;
    return counter.next(String(ilfo), p.props.ilvl ?? 0);
  };
  const cellText = (p: Para) => paragraphBlocks(p, marker(p)).map((b) => b.lines[0]!.text);

  const blocks: Block[] = [];
  try {
    const body = paragraphs(text, 0, 0, fib.ccp.text, f);
    for (let i = 0; i < body.length; ) {
      const p = body[i]!;
      if (p.props.inTable || p.props.itap > 0) {
        const run: Para[] = [];
        while (i < body.length && (body[i]!.props.inTable || body[i]!.props.itap > 0)) run.push(body[i++]!);
        blocks.push(buildTable(run, cellText));
        continue;
      }
      blocks.push(...paragraphBlocks(p, marker(p)));
      i++;
    }
  } catch (e) {
    throw asCorrupt(e, 'unreadable main text');
  }

  // Footnotes and endnotes: after the body, each prefixed with its number as printed.
  const ftnStart = fib.ccp.text;
  const hddStart = ftnStart + fib.ccp.ftn;
  const ednStart = hddStart + fib.ccp.hdd + fib.ccp.atn;
  const notes = (start: number, len: number, plcTxt: Buffer) => {
    const bounds = cps(plcTxt);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const a = start + bounds[k]!;
      const b = Math.min(start + bounds[k + 1]!, start + len);
      if (!(a >= start && a < b && b <= text.length)) continue;
      const body = paragraphs(text, 0, a, b, { ...f, noteCalls: new Map() })
        .flatMap((p) => p.lines.map((l) => lineText(l).trim()))
        .filter(Boolean)
        .join(' ');
      if (body) blocks.push({ kind: 'paragraph', lines: [{ text: `${superscript(String(k + 1))} ${body}`, page: null }], page: null, role: 'footnote' });
    }
  };
  try {
    if (fib.ccp.ftn > 0) notes(ftnStart, fib.ccp.ftn, tableSlice(table, fib, 'plcffndTxt'));
    if (fib.ccp.edn > 0) notes(ednStart, fib.ccp.edn, tableSlice(table, fib, 'plcfendTxt'));
  } catch (e) {

    note('warning', 'doc/notes-unreadable', `footnotes: ${(e as Error).message}`);
  }

  // Running headers and footers: stories after the six note separators, six per section (even
  // header, odd header, even footer, odd footer, first-page header, first-page footer).
  try {
    const bounds = fib.ccp.hdd > 0 ? cps(tableSlice(table, fib, 'plcfHdd')) : [];
    const seen = new Set<string>();
    for (let i = 6; i + 1 < bounds.length; i++) {
      const a = hddStart + bounds[i]!;
      const b = Math.min(hddStart + bounds[i + 1]!, hddStart + fib.ccp.hdd);
      if (!(a >= hddStart && a < b && b <= text.length)) continue;
      const role: ParagraphBlock['role'] = [0, 1, 4].includes((i - 6) % 6) ? 'page-header' : 'page-footer';
      for (const p of paragraphs(text, 0, a, b, { ...f, noteCalls: new Map() }))
        for (const l of p.lines) {
          const line = lineText(l).trim();
          if (!line || /^[\s\-–—]*\d*[\s\-–—]*$/.test(line) || seen.has(`${role}:${line}`)) continue;
          seen.add(`${role}:${line}`);
          blocks.push({ kind: 'paragraph', lines: [{ text: line, page: null }], page: null, role });
        }
    }
  } catch (e) {
    note('warning', 'doc/headers-unreadable', `headers and footers: ${(e as Error).message}`);
  }
  if (fib.ccp.txbx > 0) note('info', 'doc/text-boxes', 'text boxes are not read');

  let properties: Record<string, string> = {};
  try {
    properties = readSummary(await ole.stream('\x05SummaryInformation'));
  } catch (e) {
    note('warning', 'doc/properties-unreadable', `document properties: ${(e as Error).message}`);
  }

  // Text in legacy fonts (TCVN3, VNI), judged line by line and cell by cell (src/encoding).
  const legacy = repairBlocks(blocks);
  if (legacy.converted) note('info', 'doc/legacy-encoding', `${legacy.converted} lines and cells converted from ${ENCODING_NAMES[legacy.encoding!]} to Unicode`);
  if (!blocks.some((b) => b.kind === 'table' || !b.role || b.role === 'body')) note('warning', 'doc/empty', 'the document body has no text');
  return { format: 'doc', pages: null, blocks, properties, ocr: false, messages };
}

