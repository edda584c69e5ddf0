// Automatic list numbering: Word draws "1.", "a)", "II." itself, so they are not in the text
// stream. The list definitions (PlcfLst: LSTF records, then their LVLs) and the list instances
// (PlfLfo: LFO records, then their level overrides) become the docx extractor's Numbering, so one
// ListCounter counts both formats ([MS-DOC] 2.9.147, 2.9.131, 2.9.150).
import type { Level, ListInstance, Numbering } from '../docx/numbering.js';

// nfc → the docx w:numFmt names ListCounter knows.
const NFC: Record<number, string> = { 0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter', 22: 'decimalZero', 23: 'bullet', 255: 'none' };

interface Lvl {
  level: Level;
  /** Bytes read. */
  size: number;
}

/** One LVL: the 28-byte LVLF, its paragraph and character sprms, then the number text. */
function readLvl(b: Buffer, p: number): Lvl | null {
  if (p + 28 + 2 > b.length) return null;
  const start = b.readInt32LE(p);
  const nfc = b[p + 4]!;
  const flags = b[p + 5]!;
  const restartLim = b[p + 26]!;
  const cbChpx = b[p + 24]!;
  const cbPapx = b[p + 25]!;
  const xst = p + 28 + cbPapx + cbChpx;
  if (xst + 2 > b.length) return null;
  const cch = b.readUInt16LE(xst);
  if (xst + 2 + cch * 2 > b.length) return null;
  const raw = b.toString('utf16le', xst + 2, xst + 2 + cch * 2);
  const format = NFC[nfc] ?? 'decimal';
  // In the number text, characters 0–8 stand for the numbers of levels 1–9.
  const text = format === 'bullet' ? raw : raw.replace(/[\x00-\x08]/g, (c) => `%${c.charCodeAt(0) + 1}`);
  const noRestart = (flags & 0x08) !== 0;
  return {
    level: { format, text, start, legal: (flags & 0x04) !== 0, ...(noRestart ? { restart: restartLim } : {}) },
    size: xst + 2 + cch * 2 - p,
  };
}

/** The list instances by ilfo (1-based, as paragraphs name them). Damaged tables give what could be read. */
export function readLists(table: Buffer, plcfLst: { fc: number; lcb: number }, plfLfo: { fc: number; lcb: number }): Numbering {
  const out: Numbering = new Map();
  if (!plcfLst.lcb || !plfLfo.lcb || plcfLst.fc + 2 > table.length || plfLfo.fc + 4 > table.length) return out;

  const defs = new Map<number, Map<number, Level>>();
  const count = table.readInt16LE(plcfLst.fc);
  let lvlAt = plcfLst.fc + plcfLst.lcb;
  for (let i = 0; i < count; i++) {
    const at = plcfLst.fc + 2 + i * 28;
    if (at + 28 > table.length) break;
    const lsid = table.readInt32LE(at);
    const simple = (table[at + 26]! & 0x01) !== 0;
    const levels = new Map<number, Level>();
    for (let k = 0; k < (simple ? 1 : 9); k++) {
      const lvl = readLvl(table, lvlAt);
      if (!lvl) break;
      levels.set(k, lvl.level);
      lvlAt += lvl.size;
    }
    defs.set(lsid, levels);
  }

  const lfoCount = table.readInt32LE(plfLfo.fc);
  const lfos: { lsid: number; overrides: number }[] = [];
  for (let i = 0; i < lfoCount && i < 0x7ffe; i++) {
    const at = plfLfo.fc + 4 + i * 16;
    if (at + 16 > table.length) break;
    lfos.push({ lsid: table.readInt32LE(at), overrides: table[at + 12]! });
  }
  // After the LFOs: per LFO, a 4-byte cp and its LFOLVLs (start-at overrides, or whole new levels).
  let p = plfLfo.fc + 4 + lfos.length * 16;
  lfos.forEach((lfo, i) => {
    const levels = defs.get(lfo.lsid);
    const inst: ListInstance = { abstractId: String(lfo.lsid), levels: levels ?? new Map(), startOverrides: new Map() };
    p += 4;
    for (let k = 0; k < lfo.overrides && p + 8 <= table.length; k++) {
      const startAt = table.readInt32LE(p);
      const f = table[p + 4]!;
      p += 8;
      const ilvl = f & 0x0f;
      if (f & 0x20) {
        // A whole level replaced for this instance.
        const lvl = readLvl(table, p);
        if (!lvl) break;
        p += lvl.size;
        inst.levels = new Map(inst.levels).set(ilvl, lvl.level);
        inst.startOverrides.set(ilvl, lvl.level.start);
      } else if (f & 0x10) inst.startOverrides.set(ilvl, startAt);
    }
    if (inst.levels.size) out.set(String(i + 1), inst);
  });
  return out;
}
