// Document properties from the \x05SummaryInformation property set ([MS-OLEPS]): the same names
// the docx extractor gives core.xml and app.xml values.
import { TextDecoder } from 'node:util';
const NAMES: Record<number, string> = { 2: 'title', 3: 'subject', 4: 'creator', 5: 'keywords', 6: 'description', 8: 'lastModifiedBy', 12: 'created', 13: 'modified', 14: 'Pages', 15: 'Words', 18: 'Application' };

function decoder(codePage: number): TextDecoder {
  const label = codePage === 65001 ? 'utf-8' : codePage === 1200 ? 'utf-16le' : codePage >= 874 && codePage <= 1258 ? `windows-${codePage}` : 'windows-1252';
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** The known properties that have a value, as strings (dates as ISO 8601, counts as digits). */
export function readSummary(b: Buffer | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!b || b.length < 48 || b.readUInt16LE(0) !== 0xfffe) return out;
  const set = b.readUInt32LE(44);
  if (set + 8 > b.length) return out;
  const count = Math.min(b.readUInt32LE(set + 4), Math.floor((b.length - set - 8) / 8));
  const entries: [number, number][] = [];
  for (let i = 0; i < count; i++) entries.push([b.readUInt32LE(set + 8 + i * 8), set + b.readUInt32LE(set + 12 + i * 8)]);
  let codePage = 1252;
  for (const [id, at] of entries) if (id === 1 && at + 6 <= b.length && b.readUInt16LE(at) === 2) codePage = b.readUInt16LE(at + 4);
  const text = decoder(codePage);
  for (const [id, at] of entries) {
    const name = NAMES[id];
    if (!name || at + 8 > b.length) continue;
    const type = b.readUInt16LE(at);
    let value: string | null = null;
    if (type === 0x1e) {
      const n = b.readUInt32LE(at + 4);
      if (at + 8 + n <= b.length) value = text.decode(b.subarray(at + 8, at + 8 + n));
    } else if (type === 0x1f) {
      const n = b.readUInt32LE(at + 4);
      if (at + 8 + n * 2 <= b.length) value = b.toString('utf16le', at + 8, at + 8 + n * 2);
    } else if (type === 0x03) value = String(b.readInt32LE(at + 4));
    else if (type === 0x40 && at + 12 <= b.length) {
      const ticks = b.readUInt32LE(at + 8) * 2 ** 32 + b.readUInt32LE(at + 4);
      const ms = ticks / 10_000 - 11_644_473_600_000;
      // Edit-time counters share the type; only plausible calendar dates are dates.
      if (ms > 0 && ms < 4e12) value = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    value = value?.replace(/\0+$/, '').trim() ?? null;
    if (value && !(name in out)) out[name] = value;
  }
  return out;
}
