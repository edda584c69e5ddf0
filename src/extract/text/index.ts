// Plain text / markdown extractor: one paragraph per line; tab-separated and pipe tables become tables.
import type { Block, ExtractedDocument, Message, RawRow, TableBlock } from '../../types.js';
import { decodeLegacyBytes, ENCODING_NAMES, repairText, sniffBytes, type ByteEncoding } from '../../encoding/index.js';

export class TextError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TextError';
  }
}

/** Decode bytes already sniffed as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or 8-bit Vietnamese. */
export function decodeText(bytes: Uint8Array, info: { encoding?: ByteEncoding } = {}): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    // An odd byte count is a cut file (or not UTF-16 at all): refused rather than read with a stray U+FFFD.
    if (bytes.length % 2) throw new TextError('text/bad-utf16', `UTF-16 text with an odd number of bytes (${bytes.length}): truncated or not UTF-16`);
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new TextError('text/bad-utf16', 'UTF-16 text with unpaired surrogates: damaged or not UTF-16');
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: 8-bit Vietnamese (TCVN3, VNI, Windows-1258) when one of them reads as Vietnamese.
    const legacy = decodeLegacyBytes(bytes);
    if (legacy) {
      info.encoding = legacy.encoding;
      return legacy.text;
    }
    throw new TextError('text/not-utf8', `text is not valid UTF-8 and not 8-bit Vietnamese: ${sniffBytes(bytes).reason}`);
  }
}

const isPipeRow = (l: string) => /^\s*\|.*\|\s*$/.test(l);
const isPipeSeparator = (l: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(l) && l.includes('-');
const isTabRow = (l: string) => l.includes('\t') && l.replace(/\t/g, '').trim() !== '';

function splitPipe(l: string): string[] {
  const inner = l.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

const cellsToRow = (cells: string[], page: number | null): RawRow => ({
  cells: cells.map((text) => ({ text: text.trim(), colSpan: 1, rowSpan: 1 })),
  page,
});

/** Trailing empty cells of tab rows are column padding, not cells. Keep the widest row's width. */
function trimTrailing(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => {
    let n = r.length;
    while (n > 0 && !r[n - 1]!.trim()) n--;
    return n;
  }));
  return rows.map((r) => r.slice(0, Math.max(width, 1)));
}

export interface TextOptions {
  /** Refuse text files over this many bytes (text/too-large). */
  maxBytes?: number;
}

export function extractText(bytes: Uint8Array, options: TextOptions = {}): ExtractedDocument {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    throw new TextError('text/too-large', `text file of ${bytes.length} bytes (limit ${options.maxBytes})`);
  const messages: Message[] = [];
  // Lines in legacy font encodings (an export of a TCVN3/VNI document) are converted line by line.
  const decoded: { encoding?: ByteEncoding } = {};
  const legacy = repairText(decodeText(bytes, decoded).replace(/\r\n?/g, '\n'));
  const text = legacy.text;
  if (decoded.encoding)
    messages.push({ severity: 'info', code: 'text/legacy-encoding', message: `8-bit text read as ${ENCODING_NAMES[decoded.encoding]}`, source: 'extract/text' });
  if (legacy.converted)
    messages.push({ severity: 'info', code: 'text/legacy-encoding', message: `${legacy.converted} lines converted from ${ENCODING_NAMES[legacy.encoding!]} to Unicode`, source: 'extract/text' });
  // A form feed marks a page break in text exported from paged documents.
  const hasPages = text.includes('\f');
  const rawLines = text.split('\n');
  const blocks: Block[] = [];
  let page: number | null = hasPages ? 1 : null;

  let i = 0;
  while (i < rawLines.length) {
    let line = rawLines[i]!;
    if (line.includes('\f')) {
      const parts = line.split('\f');
      if (page !== null) page += parts.length - 1;
      line = parts.join('');
    }
    if (isPipeRow(line) && !isPipeSeparator(line)) {
      const rows: string[][] = [];
      while (i < rawLines.length && (isPipeRow(rawLines[i]!) || isPipeSeparator(rawLines[i]!))) {
        if (!isPipeSeparator(rawLines[i]!)) rows.push(splitPipe(rawLines[i]!));
        i++;
      }
      // Empty header rows ("| | | |") are page-break artefacts of markdown conversion.
      const kept = rows.filter((r) => r.some((c) => c));
      if (kept.length) blocks.push(makeTable(kept, page));
      continue;
    }
    if (isTabRow(line)) {
      const rows: string[][] = [];
      while (i < rawLines.length && isTabRow(rawLines[i]!)) rows.push(rawLines[i++]!.split('\t'));
      blocks.push(makeTable(trimTrailing(rows), page));
      continue;
    }
    i++;
    const trimmed = line.trim();
    if (!trimmed || /^[-=_*]{3,}$/.test(trimmed)) continue; // blank lines and rules ("-------" under the header)
    const isFootnote = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s/.test(trimmed) || /^\[\^\d+\]:/.test(trimmed);
    blocks.push({ kind: 'paragraph', lines: [{ text: trimmed, page }], page, ...(isFootnote ? { role: 'footnote' as const } : {}) });
  }
  if (!blocks.length) messages.push({ severity: 'warning', code: 'text/empty', message: 'no text in file', source: 'extract/text' });
  return { format: 'text', pages: page, blocks, properties: {}, ocr: false, messages };
}

function makeTable(rows: string[][], page: number | null): TableBlock {
  return { kind: 'table', rows: rows.map((r) => cellsToRow(r, page)), pages: page === null ? [] : [page], bordered: true };
}
