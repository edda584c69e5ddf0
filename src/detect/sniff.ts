// Tell an input's format by its bytes, never by its name: archives mislabel files all the time.
import type { InputFormat } from '../types.js';
import { sniffBytes } from '../encoding/bytes.js';

export interface Sniffed {
  format: InputFormat;
  /**
   * Finer kind: 'png' | 'jpeg' | 'tiff' for images, 'zip' for a zip that is not a .docx, 'ole' for an OLE file that is not Word;
   * for 8-bit text 'tcvn3' | 'vni' | 'cp1258', or 'text-8bit' (unknown) when no encoding reads it as Vietnamese.
   */
  subtype?: string;
  /** Why the format was chosen or refused, for error messages. */
  reason: string;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** Names of the entries in a zip's central directory (no inflation): enough to tell a .docx from another zip. */
export function zipEntryNames(b: Uint8Array, limit = 10_000): string[] {
  // End-of-central-directory record: search the last 64 KiB + 22 bytes.
  const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const from = Math.max(0, view.length - 65_557);
  let eocd = -1;
  for (let i = view.length - 22; i >= from; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.readUInt16LE(eocd + 10);
  let p = view.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let k = 0; k < count && k < limit; k++) {
    if (p + 46 > view.length || view.readUInt32LE(p) !== 0x02014b50) break;
    const nameLen = view.readUInt16LE(p + 28);
    const extraLen = view.readUInt16LE(p + 30);
    const commentLen = view.readUInt16LE(p + 32);
    names.push(view.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** True when the bytes decode as UTF-8 without errors and hold almost no control characters. */
export function looksLikeUtf8Text(b: Uint8Array): boolean {
  const sample = b.subarray(0, 1 << 20);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch (e) {
    // A multi-byte sequence cut at the sample's end is not an error of the file.
    if (sample.length < b.length) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - 4));
      } catch {
        return false;
      }
    } else return false;
  }
  if (!text.trim()) return false;
  let control = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / text.length < 0.01;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { format: 'unknown', reason: 'empty file (0 bytes)' };
  // "%PDF-" may be preceded by junk within the first KiB (the spec tolerates it).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { format: 'pdf', reason: 'PDF signature' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(bytes);
    if (names.includes('word/document.xml')) return { format: 'docx', reason: 'zip with word/document.xml' };
    // No directory at all: the end of the file is missing (a cut download), whatever the zip was.
    if (!names.length) return { format: 'unknown', subtype: 'zip', reason: 'zip archive without a readable central directory (truncated or damaged)' };
    return { format: 'unknown', subtype: 'zip', reason: 'zip archive without word/document.xml (not a .docx)' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Word 97–2003 stores its text in a "WordDocument" stream; the directory names are UTF-16LE.
    const probe = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('utf16le');
    if (probe.includes('WordDocument')) return { format: 'doc', reason: 'OLE compound file with a WordDocument stream' };
    return { format: 'unknown', subtype: 'ole', reason: 'OLE compound file that is not a Word document' };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'image', subtype: 'png', reason: 'PNG signature' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'image', subtype: 'jpeg', reason: 'JPEG signature' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { format: 'image', subtype: 'tiff', reason: 'TIFF signature' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { format: 'unknown', subtype: 'rtf', reason: 'RTF document (not supported)' };
  // A saved web page or a failed download's error page: text, but not a document's text.
  if (/^(?:\u00ef\u00bb\u00bf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head))
    return { format: 'unknown', subtype: 'html', reason: 'HTML page (a saved web page or a failed download, not a document)' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || looksLikeUtf8Text(bytes)) return { format: 'text', reason: 'UTF-8 text' };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return { format: 'text', subtype: 'utf16', reason: 'UTF-16 text (byte-order mark)' };
  // 8-bit text is taken only when one legacy Vietnamese encoding reads it as Vietnamese.
  const legacy = sniffBytes(bytes);
  if (legacy.best) return { format: 'text', subtype: legacy.best.encoding, reason: legacy.reason };
  if (legacy.text) return { format: 'unknown', subtype: 'text-8bit', reason: legacy.reason };
  return { format: 'unknown', reason: 'unrecognised binary content (not PDF, DOCX, DOC, image or UTF-8 text)' };
}
