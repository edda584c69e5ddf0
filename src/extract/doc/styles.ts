// The style sheet (STSH, [MS-DOC] 2.9.271) and font table (SttbfFfn): what a paragraph's style and a
// run's character style give it, resolved through each style's base style.
import { SPRM, sprms } from './sprm.js';

export interface ParaProps {
  jc?: number;
  inTable: boolean;
  /** The paragraph is a table row's end mark. */
  ttp: boolean;
  /** Table depth (1 = a top-level table, 2 = nested). */
  itap: number;
  innerCell: boolean;
  innerTtp: boolean;
  ilfo?: number;
  ilvl?: number;
}

export interface CharProps {
  bold: boolean;
  italic: boolean;
  deleted: boolean;
  /** Index into the font table. */
  ftc?: number;
}

interface Style {
  stk: number;
  base: number;
  name: string;
  papx: Buffer | null;
  chpx: Buffer | null;
}

const ISTD_NIL = 0x0fff;

/** A toggle property's operand: 0 off, 1 on, 0x80 the style's value, 0x81 its opposite. */
const toggle = (v: number, style: boolean) => (v === 0 ? false : v === 1 ? true : v === 0x80 ? style : v === 0x81 ? !style : style);

export function applyPara(p: ParaProps, grpprl: Buffer): void {
  for (const s of sprms(grpprl)) {
    const b = grpprl[s.at]!;
    switch (s.op) {
      case SPRM.pJc80:
      case SPRM.pJc:
        p.jc = b;
        break;
      case SPRM.pFInTable:
        p.inTable = b !== 0;
        break;
      case SPRM.pFTtp:
        p.ttp = b !== 0;
        break;
      case SPRM.pItap:
        p.itap = grpprl.readInt32LE(s.at);
        break;
      case SPRM.pFInnerTableCell:
        p.innerCell = b !== 0;
        break;
      case SPRM.pFInnerTtp:
        p.innerTtp = b !== 0;
        break;
      case SPRM.pIlfo:
        p.ilfo = grpprl.readInt16LE(s.at);
        break;
      case SPRM.pIlvl:
        p.ilvl = b;
        break;
    }
  }
}

export function applyChar(c: CharProps, grpprl: Buffer, style: CharProps): void {
  for (const s of sprms(grpprl)) {
    const b = grpprl[s.at]!;
    switch (s.op) {
      case SPRM.cFBold:
        c.bold = toggle(b, style.bold);
        break;
      case SPRM.cFItalic:
        c.italic = toggle(b, style.italic);
        break;
      case SPRM.cFRMarkDel:
        c.deleted = b === 1;
        break;
      case SPRM.cRgFtc0:
        c.ftc = grpprl.readUInt16LE(s.at);
        break;
      case SPRM.cFtcDefault:
        c.ftc ??= grpprl.readUInt16LE(s.at);
        break;
    }
  }
}

/** The character style a run names (sprmCIstd), if any. */
export function charStyleOf(grpprl: Buffer): number | undefined {
  for (const s of sprms(grpprl)) if (s.op === SPRM.cIstd) return grpprl.readUInt16LE(s.at);
  return undefined;
}

export class StyleSheet {
  private readonly styles: (Style | null)[] = [];
  private readonly paraCache = new Map<number, ParaProps>();
  private readonly charCache = new Map<number, CharProps>();
  /** The document's default font (Stshi.rgftcStandardChpStsh[0]). */
  readonly defaultFtc: number | undefined;

  constructor(stsh: Buffer) {
    if (stsh.length < 4) return;
    const cbStshi = stsh.readUInt16LE(0);
    const cstd = stsh.readUInt16LE(2);
    const cbBase = stsh.readUInt16LE(4);
    if (cbStshi >= 14) this.defaultFtc = stsh.readUInt16LE(2 + 12);
    let p = 2 + cbStshi;
    for (let i = 0; i < cstd && p + 2 <= stsh.length; i++) {
      const cb = stsh.readUInt16LE(p);
      const std = stsh.subarray(p + 2, Math.min(stsh.length, p + 2 + cb));
      p += 2 + cb;
      this.styles.push(cb && std.length >= Math.max(cbBase, 10) ? readStd(std, cbBase) : null);
    }
  }

  /** A character style's modifiers (its base styles' first) applied over the properties a run already has. */
  applyCharStyle(props: CharProps, istd: number): void {
    const chain: Buffer[] = [];
    for (let i = istd, d = 0; i !== ISTD_NIL && d < 16; d++) {
      const st = this.styles[i];
      if (!st || st.stk !== 2) break;
      if (st.chpx) chain.unshift(st.chpx);
      if (st.base === i) break;
      i = st.base;
    }
    for (const g of chain) applyChar(props, g, { ...props });
  }

  name(istd: number): string | undefined {
    return this.styles[istd]?.name;
  }

  /** A paragraph style's paragraph properties, its base styles' applied first. */
  para(istd: number, depth = 0): ParaProps {
    const hit = this.paraCache.get(istd);
    if (hit) return { ...hit };
    const st = this.styles[istd];
    const base = st && st.base !== ISTD_NIL && st.base !== istd && depth < 16 ? this.para(st.base, depth + 1) : undefined;
    const out: ParaProps = base ? { ...base } : { inTable: false, ttp: false, itap: 0, innerCell: false, innerTtp: false };
    if (st?.papx) applyPara(out, st.papx);
    this.paraCache.set(istd, out);
    return { ...out };
  }

  /** A style's character properties (paragraph or character style), its base styles' applied first. */
  char(istd: number, depth = 0): CharProps {
    const hit = this.charCache.get(istd);
    if (hit) return { ...hit };
    const st = this.styles[istd];
    const base = st && st.base !== ISTD_NIL && st.base !== istd && depth < 16 ? this.char(st.base, depth + 1) : undefined;
    const out: CharProps = base ? { ...base } : { bold: false, italic: false, deleted: false, ...(this.defaultFtc !== undefined ? { ftc: this.defaultFtc } : {}) };
    if (st?.chpx) applyChar(out, st.chpx, base ?? out);
    this.charCache.set(istd, out);
    return { ...out };
  }
}

function readStd(std: Buffer, cbBase: number): Style | null {
  const stk = std.readUInt16LE(2) & 0x0f;
  const base = std.readUInt16LE(2) >> 4;
  const cupx = std.readUInt16LE(4) & 0x0f;
  let p = cbBase;
  if (p + 2 > std.length) return null;
  const cch = std.readUInt16LE(p);
  const name = std.toString('utf16le', p + 2, Math.min(std.length, p + 2 + cch * 2));
  p += 2 + cch * 2 + 2;
  const upx: Buffer[] = [];
  for (let i = 0; i < cupx && p + 2 <= std.length; i++) {
    const cb = std.readUInt16LE(p);
    upx.push(std.subarray(p + 2, Math.min(std.length, p + 2 + cb)));
    p += 2 + cb + (cb % 2);
  }
  // Paragraph styles: a PAPX (istd, then sprms) and a CHPX; character styles: a CHPX.
  if (stk === 1) return { stk, base, name, papx: upx[0] && upx[0].length >= 2 ? upx[0].subarray(2) : null, chpx: upx[1] ?? null };
  if (stk === 2) return { stk, base, name, papx: null, chpx: upx[0] ?? null };
  return { stk, base, name, papx: null, chpx: null };
}

/** Font names by index, from SttbfFfn: each entry a length byte and an FFN whose name starts at byte 39. */
export function readFonts(sttb: Buffer): string[] {
  if (sttb.length < 4) return [];
  let count = sttb.readUInt16LE(0);
  let p = 4;
  if (count === 0xffff) {
    count = sttb.readUInt16LE(2);
    p = 6;
  }
  const out: string[] = [];
  for (let i = 0; i < count && p < sttb.length; i++) {
    const cb = sttb[p]!;
    const ffn = sttb.subarray(p + 1, Math.min(sttb.length, p + 1 + cb));
    p += 1 + cb;
    let end = 39;
    while (end + 1 < ffn.length && ffn.readUInt16LE(end) !== 0) end += 2;
    out.push(ffn.length > 39 ? ffn.toString('utf16le', 39, end) : '');
  }
  return out;
}
