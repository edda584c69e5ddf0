// Formatted disk pages ([MS-DOC] 2.9.73, 2.9.176): 512-byte pages of the WordDocument stream that
// give, for runs of file positions (FC), the paragraph properties (PAPX) and character properties
// (CHPX). The bin tables in the table stream list the pages.
import { DocError } from './errors.js';
import { SPRM, sprms } from './sprm.js';

export interface Run {
  fcStart: number;
  fcEnd: number;
  /** The run's property modifiers (a buffer and its range). */
  grpprl: Buffer;
  /** Paragraph runs: the paragraph style index. */
  istd: number;
}

/** Runs sorted by fcStart, looked up by a character's file position. */
export class Runs {
  constructor(readonly runs: Run[]) {
    runs.sort((a, b) => a.fcStart - b.fcStart);
  }

  at(fc: number): Run | undefined {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.runs[mid]!;
      if (fc < r.fcStart) hi = mid - 1;
      else if (fc >= r.fcEnd) lo = mid + 1;
      else return r;
    }
    return undefined;
  }
}

/** The FKP page numbers of a PlcBte (n+1 FCs, then n 4-byte page numbers). */
function pages(plc: Buffer): number[] {
  if (plc.length < 4) return [];
  const n = Math.floor((plc.length - 4) / 8);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(plc.readUInt32LE((n + 1) * 4 + i * 4) & 0x3fffff);
  return out;
}

function page(word: Buffer, pn: number): Buffer {
  if ((pn + 1) * 512 > word.length) throw new DocError('doc/corrupt', `formatting page ${pn} lies outside the WordDocument stream`);
  return word.subarray(pn * 512, (pn + 1) * 512);
}

/** Paragraph runs. A PAPX too big for its page (sprmPHugePapx) is read from the Data stream. */
export function papxRuns(word: Buffer, plc: Buffer, data: Buffer | null): Runs {
  const out: Run[] = [];
  for (const pn of new Set(pages(plc))) {
    const fkp = page(word, pn);
    const crun = fkp[511]!;
    for (let j = 0; j < crun; j++) {
      if ((crun + 1) * 4 + j * 13 >= 511) break;
      const fcStart = fkp.readUInt32LE(j * 4);
      const fcEnd = fkp.readUInt32LE((j + 1) * 4);
      const bx = fkp[(crun + 1) * 4 + j * 13]! * 2;
      if (bx === 0 || bx >= 511) continue;
      let cb = fkp[bx]! * 2 - 1;
      let from = bx + 1;
      if (cb === -1) {
        cb = fkp[bx + 1]! * 2;
        from = bx + 2;
      }
      if (cb < 2 || from + cb > 512) continue;
      const pap = fkp.subarray(from, from + cb);
      let grpprl = pap.subarray(2);
      const istd = pap.readUInt16LE(0);
      for (const s of sprms(grpprl))
        if (s.op === SPRM.pHugePapx && data && s.len === 4) {
          // PrcData in the Data stream: a 2-byte size, then the sprms.
          const at = grpprl.readUInt32LE(s.at);
          if (at + 2 <= data.length) grpprl = data.subarray(at + 2, Math.min(data.length, at + 2 + data.readUInt16LE(at)));
        }
      out.push({ fcStart, fcEnd, grpprl, istd });
    }
  }
  return new Runs(out);
}

/** Character runs (runs without a CHPX have default properties and are left out). */
export function chpxRuns(word: Buffer, plc: Buffer): Runs {
  const out: Run[] = [];
  for (const pn of new Set(pages(plc))) {
    const fkp = page(word, pn);
    const crun = fkp[511]!;
    for (let j = 0; j < crun; j++) {
      if ((crun + 1) * 4 + j >= 511) break;
      const fcStart = fkp.readUInt32LE(j * 4);
      const fcEnd = fkp.readUInt32LE((j + 1) * 4);
      const b = fkp[(crun + 1) * 4 + j]! * 2;
      if (b === 0) continue;
      const cb = fkp[b]!;
      if (b + 1 + cb > 512) continue;
      out.push({ fcStart, fcEnd, grpprl: fkp.subarray(b + 1, b + 1 + cb), istd: 0 });
    }
  }
  return new Runs(out);
}
