// The File Information Block at the start of the WordDocument stream: where every other structure
// lies ([MS-DOC] 2.5). Only the fields the extractor reads.
import { DocError } from './errors.js';

export interface Fib {
  nFib: number;
  /** The table stream holding the piece table, styles, lists: "0Table" or "1Table". */
  tableStream: '0Table' | '1Table';
  encrypted: boolean;
  /** Characters of each story, in CP order: main text, footnotes, headers, annotations, endnotes, text boxes, header text boxes. */
  ccp: { text: number; ftn: number; hdd: number; atn: number; edn: number; txbx: number; hdrTxbx: number };
  /** fc/lcb pairs into the table stream, by name. */
  fc: Record<FcName, { fc: number; lcb: number }>;
}

// Index of each fc/lcb pair in FibRgFcLcb97.
const PAIRS = { stshf: 1, plcffndRef: 2, plcffndTxt: 3, plcfHdd: 11, plcfBteChpx: 12, plcfBtePapx: 13, sttbfFfn: 15, clx: 33, plcfendRef: 46, plcfendTxt: 47, plcfLst: 73, plfLfo: 74 } as const;
export type FcName = keyof typeof PAIRS;

export function readFib(w: Buffer): Fib {
  if (w.length < 0x9a + 2) throw new DocError('doc/corrupt', 'the WordDocument stream is too short for its header');
  if (w.readUInt16LE(0) !== 0xa5ec) throw new DocError('doc/not-word', `not a Word 97–2003 document (magic ${w.readUInt16LE(0).toString(16)})`);
  const nFib = w.readUInt16LE(2);
  const flags = w.readUInt16LE(0x0a);
  const encrypted = (flags & 0x0100) !== 0;
  const ccpAt = (o: number) => w.readInt32LE(o);
  const ccp = { text: ccpAt(0x4c), ftn: ccpAt(0x50), hdd: ccpAt(0x54), atn: ccpAt(0x5c), edn: ccpAt(0x60), txbx: ccpAt(0x64), hdrTxbx: ccpAt(0x68) };
  const cbRgFcLcb = w.readUInt16LE(0x98);
  const fc = {} as Fib['fc'];
  for (const [name, i] of Object.entries(PAIRS) as [FcName, number][]) {
    const at = 0x9a + i * 8;
    fc[name] = i < cbRgFcLcb && at + 8 <= w.length ? { fc: w.readUInt32LE(at), lcb: w.readUInt32LE(at + 4) } : { fc: 0, lcb: 0 };
  }
  return { nFib, tableStream: flags & 0x0200 ? '1Table' : '0Table', encrypted, ccp, fc };
}

/** The bytes fc/lcb point at in the table stream; empty when absent, DocError when outside the stream. */
export function tableSlice(table: Buffer, fib: Fib, name: FcName): Buffer {
  const { fc, lcb } = fib.fc[name];
  if (lcb === 0) return Buffer.alloc(0);
  if (fc + lcb > table.length) throw new DocError('doc/corrupt', `${name} lies outside the table stream`);
  return table.subarray(fc, fc + lcb);
}
