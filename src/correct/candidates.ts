// The lexicon of valid syllables (the grammar's, plus any the corpus attests) indexed for two
// questions: which syllables lie near a damaged word, and which differ from a word only in marks.
import { enumerateSyllables, isVietnameseSyllable, splitTone, type Tone } from '../normalize/syllables.js';
import { stripDiacritics } from '../normalize/unicode.js';
import { letterDistance, toneCost } from './distance.js';
import type { SyllableModel } from './model.js';

interface Form {
  form: string;
  tone: Tone;
  /** The tone sits on â, ê or ô (where OCR mixes up acute and hook above). */
  circ: boolean;
}

export interface Candidate {
  form: string;
  dist: number;
}

export interface Lexicon {
  /** Toneless spelling → its toned forms. */
  byBase: Map<string, Form[]>;
  /** Spelling without any mark (đ → d) → toneless spellings. */
  bySkeleton: Map<string, string[]>;
  /** Cache of nearSyllables answers. */
  near: Map<string, Candidate[]>;
}

const skeletonOf = (s: string) => stripDiacritics(s).toLowerCase();

function formOf(s: string): { base: string; form: Form } {
  const { base, tone, at } = splitTone(s);
  const carrier = [...base][at] ?? '';
  return { base, form: { form: s, tone, circ: /[âêô]/.test(carrier) } };
}

export function buildLexicon(model: SyllableModel): Lexicon {
  const byBase = new Map<string, Form[]>();
  const bySkeleton = new Map<string, string[]>();
  const all = new Set(enumerateSyllables());
  for (const s of model.uni.keys()) if (isVietnameseSyllable(s)) all.add(s);
  for (const s of all) {
    const { base, form } = formOf(s);
    let forms = byBase.get(base);
    if (!forms) {
      byBase.set(base, (forms = []));
      const sk = skeletonOf(base);
      bySkeleton.set(sk, [...(bySkeleton.get(sk) ?? []), base]);
    }
    forms.push(form);
  }
  return { byBase, bySkeleton, near: new Map() };
}

const lexicons = new WeakMap<SyllableModel, Lexicon>();
export function lexiconFor(model: SyllableModel): Lexicon {
  let lex = lexicons.get(model);
  if (!lex) lexicons.set(model, (lex = buildLexicon(model)));
  return lex;
}

type Split = ReturnType<typeof splitTone>;

/** Distance from a printed (lower-case, tone split off) word to each toned form of one toneless spelling. */
function scoreBase(lex: Lexicon, w: Split, base: string, limit: number, out: Candidate[]): void {
  // OCR's 0 and 1 for o and l/i are look-alikes in letterDistance; a second tone mark costs extra.
  const extraMarks = w.marks > 1 ? 0.3 * (w.marks - 1) : 0;
  const letters = letterDistance(w.base, base, limit);
  if (letters + extraMarks > limit) return;
  for (const f of lex.byBase.get(base) ?? []) {
    const dist = letters + extraMarks + toneCost(w.tone, f.tone, f.circ);
    if (dist <= limit) out.push({ form: f.form, dist });
  }
}

/** Syllables within `limit` of a damaged lower-case word, nearest first. */
export function nearSyllables(lex: Lexicon, word: string, limit: number): Candidate[] {
  // Damaged words recur (the same misreading on every page): remember the last few thousand.
  const key = `${limit} ${word}`;
  const known = lex.near.get(key);
  if (known) return known;
  if (lex.near.size > 5000) lex.near.clear();
  const out: Candidate[] = [];
  lex.near.set(key, out);
  const w = splitTone(word);
  for (const base of lex.byBase.keys()) {
    if (Math.abs(base.length - w.base.length) > 2) continue;
    scoreBase(lex, w, base, limit, out);
  }
  out.sort((a, b) => a.dist - b.dist);
  return out;
}

/** Syllables spelled with the same letters as `word` but other marks ("to" → "tô", "tổ", "tố"…). */
export function markVariants(lex: Lexicon, word: string, limit: number): Candidate[] {
  const out: Candidate[] = [];
  const w = splitTone(word);
  for (const base of lex.bySkeleton.get(skeletonOf(word)) ?? []) scoreBase(lex, w, base, limit, out);
  return out.filter((c) => c.form !== word).sort((a, b) => a.dist - b.dist);
}
