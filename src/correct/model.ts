// Syllable frequencies and syllable-pair (bigram) frequencies of the genre, so that frequent syllables
// win ties and a neighbour can tell "tổ chức" from OCR's "tố chức". Built from a corpus by
// scripts/build-correction-model.ts; the built counts ship as model-data.json.
import { toOldToneStyle } from '../normalize/unicode.js';
import { isVietnameseSyllable } from '../normalize/syllables.js';
import data from './model-data.json' with { type: 'json' };

export interface SyllableModel {
  /** Syllable (lower case, NFC, old tone style) → count. */
  uni: Map<string, number>;
  /** "first second" → count of the pair printed side by side with no punctuation between. */
  bi: Map<string, number>;
  /** Syllable → how often it was printed capitalised right after a lower-case syllable ("phòng Văn hóa"). */
  title: Map<string, number>;
  /** Syllable → how many different syllables followed it (for discounting). */
  followers: Map<string, number>;
  total: number;
}

export interface ModelData {
  sources: string[];
  uni: Record<string, number>;
  bi: Record<string, number>;
  title: Record<string, number>;
}

/** The lookup form of a word: NFC, lower case, old tone style ("Hoà" → "hòa"). */
export const syllableKey = (word: string): string => toOldToneStyle(word.normalize('NFC').toLowerCase());

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Runs of syllables (as printed) side by side: punctuation, numbers and non-syllables break a run. */
export function syllableRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const raw of text.normalize('NFC').split(/\s+/)) {
    const core = raw.replace(EDGE, '');
    const lead = /^[^\p{L}\p{N}]/u.test(raw);
    const trail = /[^\p{L}\p{N}]$/u.test(raw);
    if (lead) close();
    if (core && isVietnameseSyllable(core)) run.push(core);
    else close();
    if (trail) close();
  }
  close();
  return runs;
}

/** Count syllables and pairs over the corpus texts. */
export function buildModelData(texts: string[], sources: string[] = []): ModelData {
  const uni: Record<string, number> = {};
  const bi: Record<string, number> = {};
  const title: Record<string, number> = {};
  const isLower = (w: string) => w === w.toLowerCase();
  for (const t of texts) {
    for (const printed of syllableRuns(t)) {
      const run = printed.map(syllableKey);
      run.forEach((s, i) => {
        uni[s] = (uni[s] ?? 0) + 1;
        if (i) {
          const k = `${run[i - 1]} ${s}`;
          bi[k] = (bi[k] ?? 0) + 1;
          if (isLower(printed[i - 1]!) && !isLower(printed[i]!)) title[s] = (title[s] ?? 0) + 1;
        }
      });
    }
  }
  const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  return { sources, uni: sorted(uni), bi: sorted(bi), title: sorted(title) };
}

export function modelFrom(d: ModelData): SyllableModel {
  const uni = new Map(Object.entries(d.uni));
  let total = 0;
  for (const c of uni.values()) total += c;
  const bi = new Map(Object.entries(d.bi));
  const followers = new Map<string, number>();
  for (const k of bi.keys()) {
    const first = k.slice(0, k.indexOf(' '));
    followers.set(first, (followers.get(first) ?? 0) + 1);
  }
  return { uni, bi, title: new Map(Object.entries(d.title ?? {})), followers, total };
}

let shipped: SyllableModel | null = null;
/** The model built from the project's corpus (fixtures/samples and the domain notes). */
export function defaultModel(): SyllableModel {
  shipped ??= modelFrom(data as ModelData);
  return shipped;
}

/** Smoothing: unseen but well-formed syllables keep a small probability. */
const UNSEEN = 0.1;
const VOCAB = 16000;
/** Dirichlet prior weight of the unigram in the pair estimates. */
const ALPHA = 80;

/** log P(s): unigram with add-0.1 smoothing over the grammar's syllables. */
export function logUni(m: SyllableModel, s: string): number {
  return Math.log(((m.uni.get(s) ?? 0) + UNSEEN) / (m.total + UNSEEN * VOCAB));
}

/** log P(next | prev): the pair's count smoothed towards the unigram. */
export function logNext(m: SyllableModel, prev: string, next: string): number {
  const pu = Math.exp(logUni(m, next));
  const pair = m.bi.get(`${prev} ${next}`) ?? 0;
  return Math.log((pair + ALPHA * pu) / ((m.uni.get(prev) ?? 0) + ALPHA));
}

/** How well `s` fits between its neighbours (null where a neighbour is missing or not a syllable). */
export function contextScore(m: SyllableModel, prev: string | null, s: string, next: string | null): number {
  let score = prev ? logNext(m, prev, s) : logUni(m, s);
  if (next) score += logNext(m, s, next) - logUni(m, next);
  return score;
}

/** On how many sides (0–2) `s` has been seen beside its neighbours. */
export function pairSides(m: SyllableModel, prev: string | null, s: string, next: string | null): number {
  return (prev && m.bi.has(`${prev} ${s}`) ? 1 : 0) + (next && m.bi.has(`${s} ${next}`) ? 1 : 0);
}
