// 8-bit text files (not UTF-8): Vietnamese in TCVN3 or VNI (font encodings over cp1252 bytes) or
// in Windows-1258. The bytes are read in each and the reading that is convincingly Vietnamese wins.
import { vietnameseScore } from '../normalize/syllables.js';
import { decodeTcvn3, decodeVni, ENCODING_NAMES, type LegacyEncoding } from './legacy.js';
import { MIN_GAIN } from './detect.js';

export type ByteEncoding = LegacyEncoding | 'cp1258';

/**
 * A reading must score at least this on valid syllables to be taken as Vietnamese: the threshold
 * under which a PDF text layer is OCR'd (src/extract/ocr/needs.ts MIN_VIETNAMESE_SCORE).
 */
const MIN_SCORE = 0.6;
// … and beat the plain cp1252 reading by MIN_GAIN, the gain every legacy conversion must show.

export interface ByteReading {
  encoding: ByteEncoding;
  text: string;
  score: number;
}

export interface ByteJudgement {
  /** The convincing reading, or null. */
  best: ByteReading | null;
  /** Whether the bytes look like text at all (no control bytes), Vietnamese or not. */
  text: boolean;
  /** Why there is none, for error messages. */
  reason: string;
}

/** Share of characters that are controls (other than tab, newlines, form feed): binary, not text. */
function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return text.length ? control / text.length : 1;
}

/** Read 8-bit bytes in every candidate encoding and judge which, if any, is Vietnamese. */
export function judgeBytes(bytes: Uint8Array): ByteJudgement {
  const cp1252 = new TextDecoder('windows-1252').decode(bytes);
  if (!cp1252.trim()) return { best: null, text: false, reason: 'no text' };
  if (controlShare(cp1252) >= 0.01) return { best: null, text: false, reason: 'binary content (control bytes)' };
  const plain = vietnameseScore(cp1252);
  const readings: ByteReading[] = [
    { encoding: 'tcvn3', text: decodeTcvn3(cp1252) },
    { encoding: 'vni', text: decodeVni(cp1252) },
    { encoding: 'cp1258', text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC') },
  ].map((r) => ({ ...r, score: vietnameseScore(r.text) }) as ByteReading);
  const best = readings.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.score >= MIN_SCORE && best.score - plain >= MIN_GAIN) return { best, text: true, reason: `8-bit Vietnamese text in ${ENCODING_NAMES[best.encoding]}` };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return {
    best: null,
    text: true,
    reason: `8-bit text that is not Vietnamese in TCVN3, VNI or Windows-1258 (valid syllables at best ${pct(best.score)}, in ${ENCODING_NAMES[best.encoding]})`,
  };
}

/** Enough of a file to tell its encoding (sniffing must not read a whole archive file). */
const SNIFF_BYTES = 256 * 1024;

/** The judgement on the head of a file, for format detection. */
export const sniffBytes = (bytes: Uint8Array): ByteJudgement => judgeBytes(bytes.subarray(0, SNIFF_BYTES));

/** Decode an 8-bit Vietnamese text file, or null when no encoding reads it as Vietnamese. */
export function decodeLegacyBytes(bytes: Uint8Array): ByteReading | null {
  const head = sniffBytes(bytes).best;
  if (!head) return null;
  if (bytes.length <= SNIFF_BYTES) return head;
  const cp1252 = () => new TextDecoder('windows-1252').decode(bytes);
  const text =
    head.encoding === 'tcvn3' ? decodeTcvn3(cp1252()) : head.encoding === 'vni' ? decodeVni(cp1252()) : new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  return { ...head, text };
}
