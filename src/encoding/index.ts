// Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) → Unicode, before normalisation.
// By font name where the reader knows the font (docx runs, PDF text items), by the text otherwise.
export {
  byteView,
  decodeLegacy,
  decodeRun,
  decodeTcvn3,
  decodeVni,
  ENCODING_NAMES,
  fontEncoding,
  hasUnicodeVietnamese,
  mayBeLegacy,
  type FontEncoding,
  type LegacyEncoding,
} from './legacy.js';
export { detectLegacy, repairSegments, repairText, type Detection, type Repaired } from './detect.js';
export { decodeLegacyBytes, judgeBytes, sniffBytes, type ByteEncoding, type ByteJudgement, type ByteReading } from './bytes.js';
export { repairBlocks } from './blocks.js';
