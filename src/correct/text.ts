// Post-OCR correction of plain text, for OCR output that comes without word confidences (the native
// tesseract CLI's text, a pre-converted file). Whitespace and line breaks are kept as they are.
import { correctWords, type CorrectOptions } from './words.js';

/** Correct OCR-damaged Vietnamese words in a plain text; the same machinery as correctOcr, no confidences. */
export function correctText(text: string, options: CorrectOptions = {}): string {
  const parts = text.split(/(\s+)/);
  const words = parts.filter((_, i) => i % 2 === 0 && parts[i] !== '');
  const fixed = correctWords(words.map((w) => ({ text: w })), options);
  let k = 0;
  return parts.map((p, i) => (i % 2 === 0 && p !== '' ? fixed[k++]!.text : p)).join('');
}
