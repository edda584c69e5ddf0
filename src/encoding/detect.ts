// Telling legacy-encoded text by the text itself, where no font name says: decode it with each
// candidate encoding and keep the result that reads best as Vietnamese syllables, only when it
// clearly beats the text as it came. Unicode Vietnamese is never converted.
import { vietnameseScore } from '../normalize/syllables.js';
import { decodeLegacy, decodeTcvn3, decodeVni, hasUnicodeVietnamese, mayBeLegacy, type LegacyEncoding } from './legacy.js';

const CANDIDATES: LegacyEncoding[] = ['tcvn3', 'vni'];

/**
 * A conversion wins when its text scores at least this on valid syllables … Unicode Vietnamese
 * scores ≥ 0.95 on every sample, legacy text read as cp1252 0.27–0.33 (src/extract/ocr/needs.ts).
 */
const MIN_CONVERTED_SCORE = 0.5;
/** … and beats the unconverted text by this much (one syllable in a short line is more). */
export const MIN_GAIN = 0.2;

export interface Detection {
  encoding: LegacyEncoding;
  text: string;
  score: number;
  /** The unconverted text's score. */
  before: number;
}

/** The legacy encoding this text is in, judged by its syllables, or null (Unicode, ASCII, or no clear winner). */
export function detectLegacy(text: string): Detection | null {
  if (!mayBeLegacy(text) || hasUnicodeVietnamese(text)) return null;
  const before = vietnameseScore(text);
  let best: Detection | null = null;
  let second = 0;
  for (const encoding of CANDIDATES) {
    const converted = encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
    if (converted === text) continue;
    const score = vietnameseScore(converted);
    if (!best || score > best.score) {
      second = best?.score ?? 0;
      best = { encoding, text: converted, score, before };
    } else second = Math.max(second, score);
  }
  if (!best || best.score < MIN_CONVERTED_SCORE || best.score - before < MIN_GAIN) return null;
  // Both encodings reading equally well is no evidence for either.
  if (best.score - second < MIN_GAIN / 2) return null;
  return best;
}

export interface Repaired {
  texts: string[];
  /** Per text, the encoding it was converted from (null: left as it was). */
  encodings: (LegacyEncoding | null)[];
  /** How many texts were converted, and from what (the encoding of the most). */
  converted: number;
  encoding: LegacyEncoding | null;
}

/** Enough text of a document to judge its encoding as a whole (the judgement is linear in it). */
const DOCUMENT_SAMPLE = 200_000;

/**
 * Repair the parts of one document (paragraphs, lines, a page's text runs) that came out of legacy
 * fonts. Each part is judged on its own; a part too short to judge takes the encoding the whole
 * document reads best in, provided that does not make the part read worse.
 */
export function repairSegments(texts: readonly string[]): Repaired {
  const open = texts.map((t) => mayBeLegacy(t) && !hasUnicodeVietnamese(t));
  if (!open.some(Boolean)) return { texts: [...texts], encodings: texts.map(() => null), converted: 0, encoding: null };
  let sample = '';
  for (let i = 0; i < texts.length && sample.length < DOCUMENT_SAMPLE; i++) if (open[i]) sample += texts[i] + '\n';
  const whole = detectLegacy(sample)?.encoding ?? null;
  const counts = new Map<LegacyEncoding, number>();
  const encodings: (LegacyEncoding | null)[] = [];
  const out = texts.map((t, i) => {
    encodings.push(null);
    if (!open[i]) return t;
    const own = detectLegacy(t);
    let encoding = own?.encoding ?? null;
    let converted = own?.text ?? t;
    if (!own && whole) {
      const c = decodeLegacy(t, whole);
      if (c !== t && vietnameseScore(c) >= vietnameseScore(t)) {
        encoding = whole;
        converted = c;
      }
    }
    if (encoding) counts.set(encoding, (counts.get(encoding) ?? 0) + 1);
    encodings[i] = encoding;
    return converted;
  });
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { texts: out, encodings, converted: [...counts.values()].reduce((a, b) => a + b, 0), encoding: top?.[0] ?? null };
}

/** Repair a text line by line (plain text exports). */
export function repairText(text: string): { text: string; converted: number; encoding: LegacyEncoding | null } {
  const r = repairSegments(text.split('\n'));
  return { text: r.converted ? r.texts.join('\n') : text, converted: r.converted, encoding: r.encoding };
}
