// Realistic OCR noise for Vietnamese text, seeded, to measure post-OCR correction without running OCR:
// marks lost or misread (most often acute ↔ hook above on â/ê/ô, tesseract's favourite), đ read as d,
// and letter shapes confused (m ↔ rn, d ↔ cl, h ↔ li, o ↔ 0, l ↔ 1).

/** mulberry32: a small seeded generator, so that the noisy set is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const QUALITY = /[\u0302\u0306\u031B]/u; // circumflex, breve, horn

export interface NoiseRates {
  toneDrop: number;
  stackedSlip: number;
  toneSwap: number;
  qualityDrop: number;
  dStroke: number;
  shapes: number;
}

export const DEFAULT_NOISE: NoiseRates = { toneDrop: 0.04, stackedSlip: 0.25, toneSwap: 0.02, qualityDrop: 0.03, dStroke: 0.05, shapes: 0.02 };

function noisyWord(word: string, rnd: () => number, r: NoiseRates): string {
  let d = word.normalize('NFD');
  const tone = TONES.find((t) => d.includes(t));
  if (tone) {
    const onCirc = new RegExp(`\u0302${tone}`, 'u').test(d);
    if (onCirc && (tone === '\u0309' || tone === '\u0301') && rnd() < r.stackedSlip) d = d.replace(tone, tone === '\u0309' ? '\u0301' : '\u0309');
    else if (rnd() < r.toneDrop) d = d.replace(tone, '');
    else if (rnd() < r.toneSwap) d = d.replace(tone, TONES[Math.floor(rnd() * TONES.length)]!);
  }
  if (QUALITY.test(d) && rnd() < r.qualityDrop) d = d.replace(QUALITY, '');
  let w = d.normalize('NFC');
  if (/[đĐ]/u.test(w) && rnd() < r.dStroke) w = w.replace('đ', 'd').replace('Đ', 'D');
  const shape = (from: RegExp, to: string) => {
    if (from.test(w) && rnd() < r.shapes) w = w.replace(from, to);
  };
  shape(/m/, 'rn');
  shape(/d/, 'cl');
  shape(/h/, 'li');
  shape(/o/, '0');
  shape(/l/, '1');
  return w;
}

/** The same text with OCR-like damage in its words (numbers and punctuation kept). */
export function addOcrNoise(text: string, seed = 1, rates: NoiseRates = DEFAULT_NOISE): string {
  const rnd = seededRandom(seed);
  return text.normalize('NFC').replace(/\p{L}+/gu, (w) => noisyWord(w, rnd, rates));
}
