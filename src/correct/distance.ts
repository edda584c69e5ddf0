// Weighted edit distance between a damaged word and a candidate syllable, both toneless (tones are
// compared apart, see toneCost). Cheap edits are the ones OCR and lost font maps make: a letter's
// diacritic lost or misread (ă/â/a, ơ/ô/o, ư/u, đ/d), look-alike letters (l/i/1, o/0, c/e) and
// letter pairs read as one letter or the reverse (rn/m, cl/d, li/h).
import type { Tone } from '../normalize/syllables.js';

/** Skeleton of a letter: all marks removed, đ → d, digits that OCR prints for letters mapped back. */
const skeletons = new Map<string, string>();
function skeleton(ch: string): string {
  let s = skeletons.get(ch);
  if (s === undefined) {
    s = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (s === 'đ') s = 'd';
    skeletons.set(ch, s);
  }
  return s;
}

/** Look-alike single letters (either way), with their cost. */
const LOOKALIKE: Record<string, number> = {};
for (const [pair, cost] of [
  ['l1', 0.4], ['i1', 0.5], ['il', 0.5], ['o0', 0.3], ['ce', 0.6], ['nu', 0.7], ['hb', 0.7], ['vy', 0.7],
  ['ao', 0.7], ['gq', 0.7], ['tf', 0.6], ['nh', 0.8], ['rt', 0.8], ['uv', 0.7], ['ec', 0.6], ['it', 0.7],
] as const) {
  LOOKALIKE[pair] = cost;
  LOOKALIKE[pair.charAt(1) + pair.charAt(0)] = cost;
}

/** Letter groups OCR merges or splits: what is printed ↔ what it may stand for. */
const GROUPS: [string, string, number][] = [
  ['rn', 'm', 0.3], ['m', 'rn', 0.3], ['cl', 'd', 0.4], ['d', 'cl', 0.4], ['li', 'h', 0.4], ['h', 'li', 0.4],
  ['ii', 'u', 0.5], ['ii', 'ü', 0.5], ['in', 'm', 0.5], ['ni', 'm', 0.5], ['m', 'in', 0.5], ['m', 'ni', 0.5],
  ['nn', 'm', 0.5], ['vv', 'w', 0.4], ['ri', 'n', 0.6], ['n', 'ri', 0.6], ['lı', 'h', 0.5],
];

export const QUALITY_COST = 0.3;

const subCache = new Map<number, number>();
/** Cost of reading letter `a` where `b` was printed (single code points; cached, it is the inner loop). */
export function subCost(a: string, b: string): number {
  if (a === b) return 0;
  const key = a.charCodeAt(0) * 65536 + b.charCodeAt(0);
  let c = subCache.get(key);
  if (c === undefined) {
    c = skeleton(a) === skeleton(b) ? QUALITY_COST : (LOOKALIKE[skeleton(a) + skeleton(b)] ?? 1);
    subCache.set(key, c);
  }
  return c;
}

/** The groups by their printed first letter, to try only the ones that can apply. */
const GROUPS_BY_FIRST = new Map<string, [string, string, number][]>();
for (const g of GROUPS) GROUPS_BY_FIRST.set(g[0].charAt(0), [...(GROUPS_BY_FIRST.get(g[0].charAt(0)) ?? []), g]);

let buffer = new Float64Array(64);

/** Weighted edit distance between toneless lower-case words `from` (damaged) and `to` (candidate); Infinity past `limit`. */
export function letterDistance(from: string, to: string, limit = Infinity): number {
  // Vietnamese letters are single BMP code points in NFC, so string indices are letter indices.
  const n = from.length;
  const m = to.length;
  if (Math.abs(n - m) > limit + 1) return Infinity;
  const w = m + 1;
  if (buffer.length < (n + 1) * w) buffer = new Float64Array((n + 1) * w * 2);
  const d = buffer; // d[i * w + j]: cost of turning from[0..i) into to[0..j)
  // Groups stand for letters whatever their marks ("cl" for đ as for d): match them on the skeleton.
  let toSkeleton = '';
  for (const ch of to) toSkeleton += skeleton(ch);
  d.fill(Infinity, 0, (n + 1) * w);
  d[0] = 0;
  for (let i = 0; i <= n; i++) {
    let rowMin = Infinity;
    const groups = i < n ? GROUPS_BY_FIRST.get(from.charAt(i)) : undefined;
    for (let j = 0; j <= m; j++) {
      const here = d[i * w + j]!;
      if (here === Infinity) continue;
      if (here < rowMin) rowMin = here;
      const at = i * w + j;
      if (i < n && here + 1 < d[at + w]!) d[at + w] = here + 1;
      if (j < m && here + 1 < d[at + 1]!) d[at + 1] = here + 1;
      if (i < n && j < m) {
        const c = here + subCost(from.charAt(i), to.charAt(j));
        if (c < d[at + w + 1]!) d[at + w + 1] = c;
      }
      // transposition
      if (i + 1 < n && j + 1 < m && from[i] === to[j + 1] && from[i + 1] === to[j] && here + 1 < d[at + 2 * w + 2]!) d[at + 2 * w + 2] = here + 1;
      if (groups)
        for (const [x, y, c] of groups) {
          const to2 = (i + x.length) * w + j + y.length;
          if (!from.startsWith(x, i) || !toSkeleton.startsWith(y, j)) continue;
          const cost = here + c + (to.startsWith(y, j) ? 0 : QUALITY_COST);
          if (cost < d[to2]!) d[to2] = cost;
        }
    }
    if (rowMin > limit) return Infinity;
  }
  return d[n * w + m]!;
}

/**
 * Cost of reading tone `seen` where `meant` was printed. Tesseract's `vie` model mixes up acute and
 * hook above on top of a circumflex (ế/ể, ố/ổ, ấ/ẩ) more than anything else, so that pair is cheapest.
 */
export function toneCost(seen: Tone, meant: Tone, onCircumflex: boolean): number {
  if (seen === meant) return 0;
  if (seen === 0) return 0.4; // mark lost
  if (meant === 0) return 0.5; // mark invented
  const pair = seen < meant ? `${seen}${meant}` : `${meant}${seen}`;
  if (pair === '23') return onCircumflex ? 0.15 : 0.3; // sắc/hỏi
  if (pair === '34') return 0.35; // hỏi/ngã
  if (pair === '24' || pair === '14') return 0.45;
  return 0.5;
}
