// The .docx container: a zip read from its central directory. Sizes, entry count and compression
// ratios are checked against the limits before anything is inflated, and each part is inflated
// with its declared size as a hard cap, so a zip that lies about its sizes cannot balloon either
// (mammoth reads through this same object: it never inflates anything itself).
import { crc32, inflateRawSync } from 'node:zlib';
import { DocxError } from './errors.js';

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** What a package may cost when inflated (see src/limits.ts). */
export interface ZipLimits {
  /** All parts together, uncompressed. */
  totalBytes: number;
  /** One part, uncompressed. */
  partBytes: number;
  /** Uncompressed ÷ compressed, for parts over RATIO_FLOOR bytes. */
  ratio: number;
  entries: number;
}

/** Parts smaller than this are never refused for their ratio: they cannot hurt, and tiny parts compress oddly. */
const RATIO_FLOOR = 1024 * 1024;

const corrupt = (message: string, cause?: unknown) => new DocxError('docx/corrupt', message, cause === undefined ? undefined : { cause });

export class DocxZip {
  private readonly entries = new Map<string, Entry>();
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly view: DataView,
    private readonly bytes: Uint8Array,
    entries: Entry[],
  ) {
    for (const e of entries) if (!this.entries.has(e.name)) this.entries.set(e.name, e);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The uncompressed bytes of a part, or null when the zip has no such part. */
  read(name: string): Uint8Array | null {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const e = this.entries.get(name);
    if (!e) return null;
    if (e.flags & 1) throw corrupt(`${name} is encrypted`);
    if (e.localOffset + 30 > this.bytes.length || this.view.getUint32(e.localOffset, true) !== LOCAL) throw corrupt(`${name}: bad local header`);
    const start = e.localOffset + 30 + this.view.getUint16(e.localOffset + 26, true) + this.view.getUint16(e.localOffset + 28, true);
    if (start + e.compressedSize > this.bytes.length) throw corrupt(`${name} runs past the end of the file`);
    const raw = this.bytes.subarray(start, start + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        // zlib wants a cap of at least 1; a part declared empty is checked below.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
      } catch (err) {
        throw corrupt(`${name} does not inflate to its declared ${e.size} bytes: ${(err as Error).message}`, err);
      }
    } else throw corrupt(`${name} uses unsupported compression method ${e.method}`);
    if (data.length !== e.size) throw corrupt(`${name} inflates to ${data.length} bytes, not the declared ${e.size}`);
    if (crc32(data) >>> 0 !== e.crc >>> 0) throw corrupt(`${name} fails its CRC check`);
    this.cache.set(name, data);
    return data;
  }

  /** A part as text (UTF-8, or UTF-16 when it starts with that byte-order mark; the BOM dropped), or null; a part with a DOCTYPE is refused. */
  text(name: string): string | null {
    const data = this.read(name);
    if (data === null) return null;
    const encoding = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : 'utf-8';
    const text = new TextDecoder(encoding).decode(data);
    // OOXML allows no DTD; one here can only be an entity-expansion ("billion laughs") or
    // external-entity attack, so it is refused before any XML parser (ours or mammoth's) sees it.
    if (/<!DOCTYPE/i.test(text)) throw new DocxError('docx/doctype', `${name} declares a DOCTYPE (DTDs and entities are not allowed in .docx XML)`);
    return text;
  }
}

function findEocd(view: DataView): number {
  // The end record sits in the last 22 bytes, after up to 64 KiB of comment.
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

const u64 = (view: DataView, at: number) => Number(view.getBigUint64(at, true));

/**
 * Read the central directory; refuse before inflating anything when the parts declare more than
 * the limits (docx/too-large), a part inflates more than the ratio allows (docx/zip-bomb), or the
 * directory has too many entries (docx/too-many-entries). A number alone is the total-size limit.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits | number): DocxZip {
  const lim: ZipLimits = typeof limits === 'number' ? { totalBytes: limits, partBytes: limits, ratio: Infinity, entries: Infinity } : limits;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw corrupt('not a zip file (too short)');
  const eocd = findEocd(view);
  if (eocd < 0) throw corrupt('not a zip file (no end of central directory)');
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(view, eocd - 20 + 8);
    if (at + 56 > bytes.length || view.getUint32(at, true) !== ZIP64_EOCD) throw corrupt('bad zip64 end record');
    count = u64(view, at + 32);
    cdOffset = u64(view, at + 48);
  }
  if (count > lim.entries) throw new DocxError('docx/too-many-entries', `the zip lists ${count} entries (limit ${lim.entries})`);
  const entries: Entry[] = [];
  let total = 0;
  let p = cdOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw corrupt('bad central directory');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw corrupt('central directory runs past the end of the file');
    const e: Entry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    // ZIP64 extra field: 64-bit values, in this order, for each saturated 32-bit field.
    const extraEnd = p + 46 + nameLen + extraLen;
    for (let x = p + 46 + nameLen; x + 4 <= extraEnd; ) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        const fits = () => q + 8 <= Math.min(x + 4 + len, extraEnd);
        if (e.size === 0xffffffff && fits()) (e.size = u64(view, q)), (q += 8);
        if (e.compressedSize === 0xffffffff && fits()) (e.compressedSize = u64(view, q)), (q += 8);
        if (e.localOffset === 0xffffffff && fits()) e.localOffset = u64(view, q);
      }
      x += 4 + len;
    }
    if (e.size > lim.partBytes) throw new DocxError('docx/too-large', `${e.name} declares ${e.size} bytes uncompressed (limit ${lim.partBytes} per part)`);
    if (e.size > RATIO_FLOOR && e.size > lim.ratio * Math.max(1, e.compressedSize))
      throw new DocxError('docx/zip-bomb', `${e.name} would inflate ${Math.round(e.size / Math.max(1, e.compressedSize))}× (${e.compressedSize} → ${e.size} bytes; limit ${lim.ratio}×)`);
    total += e.size;
    if (!e.name.endsWith('/')) entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > lim.totalBytes) throw new DocxError('docx/too-large', `the parts declare ${total} bytes uncompressed (limit ${lim.totalBytes})`);
  return new DocxZip(view, bytes, entries);
}
