// Single property modifiers (Sprm, [MS-DOC] 2.6): a 2-byte opcode whose top bits give the size of
// the operand that follows. Lists of them (grpprl) carry every paragraph, character and table property.

export interface Sprm {
  op: number;
  /** Offset of the operand in the buffer, and its length in bytes. */
  at: number;
  len: number;
}

export const SPRM = {
  // Paragraph.
  pJc80: 0x2403,
  pJc: 0x2461,
  pFInTable: 0x2416,
  pFTtp: 0x2417,
  pIlvl: 0x260a,
  pIlfo: 0x460b,
  pItap: 0x6649,
  pFInnerTableCell: 0x244b,
  pFInnerTtp: 0x244c,
  pHugePapx: 0x6646,
  // Character.
  cFRMarkDel: 0x0800,
  cFBold: 0x0835,
  cFItalic: 0x0836,
  cIstd: 0x4a30,
  cRgFtc0: 0x4a4f,
  cRgFtc2: 0x4a51,
  cFtcDefault: 0x4a3d,
  // Table (on the row's end mark).
  tTableHeader: 0x3404,
  tDefTable: 0xd608,
  tTableBorders80: 0xd605,
  tTableBorders: 0xd613,
  tVertMerge: 0xd62b,
  tMerge: 0x5624,
} as const;

const PCHGTABS = 0xc615;

function operandLength(buf: Buffer, op: number, at: number): number {
  switch (op >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      // Variable: a length byte first, except for the two opcodes with their own layouts.
      if (op === SPRM.tDefTable) return at + 2 <= buf.length ? 2 + buf.readUInt16LE(at) - 1 : Infinity;
      if (op === PCHGTABS && buf[at] === 255) {
        // PChgTabsDelOperandFar then PChgTabsAdd: counts, then 4 (deleted) or 3 (added) bytes per tab.
        const del = buf[at + 1] ?? 0;
        const addAt = at + 2 + del * 4;
        return addAt + 1 - at + (buf[addAt] ?? 0) * 3;
      }
      return 1 + (buf[at] ?? 0);
  }
}

/** The sprms of buf[start, end), in order; stops at the first one that runs past the end. */
export function* sprms(buf: Buffer, start = 0, end = buf.length): Generator<Sprm> {
  let p = start;
  while (p + 2 <= end) {
    const op = buf.readUInt16LE(p);
    const at = p + 2;
    const len = operandLength(buf, op, at);
    if (!(len >= 0) || at + len > end) return;
    yield { op, at, len };
    p = at + len;
  }
}
