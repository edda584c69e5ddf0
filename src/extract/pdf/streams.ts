// Flate bombs in PDF streams. pdfjs inflates a stream whole into one growing buffer, with no limit:
// a 2 KiB file whose content stream is deflated twice holds 1 GiB of spaces (and 4 GiB needs only
// a third layer). Before pdfjs sees the file, streams that could inflate past the limit are
// inflated here with the limit as a hard cap. One deflate layer inflates at most ~1032× its input,
// so a single-layer stream under limit/1032 bytes is skipped: text PDFs (small font and content
// streams) cost nothing; large images and multi-layer chains are checked.
import { inflateSync } from 'node:zlib';
import { PdfError } from './errors.js';

const MAX_DEFLATE_RATIO = 1032;
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/** The filter names of a stream dictionary's /Filter (a name or an array of names). */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((x) => x[1]!);
}

const isFlate = (f: string | undefined) => f === 'FlateDecode' || f === 'Fl';

/** Inflate with a cap; null when the data is not a complete zlib stream (pdfjs copes with those its own way). */
function inflateCapped(data: Uint8Array, cap: number, where: number): Buffer | null {
  try {
    return inflateSync(data, { maxOutputLength: cap });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new PdfError('pdf/stream-too-large', `the stream at byte ${where} inflates to more than ${cap} bytes (the limit)`);
    return null;
  }
}

/** Throw pdf/stream-too-large when a Flate stream (or a chain of them) inflates past maxBytes. */
export function checkPdfStreams(bytes: Uint8Array, maxBytes: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const single = Math.floor(maxBytes / MAX_DEFLATE_RATIO);
  let at = 0;
  for (;;) {
    const k = buf.indexOf(STREAM, at);
    if (k < 0) return;
    at = k + STREAM.length;
    // "endstream" also contains "stream"; the keyword is followed by an end of line.
    if (k >= 3 && buf.toString('latin1', k - 3, k) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    const dictStart = buf.lastIndexOf('obj', k);
    if (dictStart < 0 || k - dictStart > 8192) continue;
    const filters = filtersOf(buf.toString('latin1', dictStart, k));
    if (!isFlate(filters[0])) continue;
    const end = buf.indexOf(ENDSTREAM, start);
    const data = buf.subarray(start, end < 0 ? buf.length : end);
    const chained = isFlate(filters[1]);
    if (data.length < single && !chained) continue;
    // Each layer of a chain inflated in turn, every one capped.
    let layer: Uint8Array | null = data;
    for (let i = 0; layer && isFlate(filters[i]); i++) layer = inflateCapped(layer, maxBytes, k);
    at = end < 0 ? buf.length : end + ENDSTREAM.length;
  }
}
