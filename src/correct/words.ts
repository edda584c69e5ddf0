// Post-OCR correction of a stream of printed words (one paragraph, or a whole plain text): genre
// phrases first, then syllable by syllable with a noisy-channel choice (how likely the candidate is
// between its neighbours, minus how costly the misreading would be), then case slips ("đơn Vị").
// Words the engine was sure of and that are valid syllables are not changed; doubtful ones are flagged.
import { isLoanWord, parseSyllable, splitTone, SAC } from '../normalize/syllables.js';
import { stripDiacritics } from '../normalize/unicode.js';
import { lexiconFor, markVariants, nearSyllables, type Candidate } from './candidates.js';
import { contextScore, defaultModel, pairSides, syllableKey, type SyllableModel } from './model.js';
import { matchPhrases } from './phrases.js';
import { applyCase, parseToken, type Token } from './tokens.js';

export interface WordIn {
  text: string;
  /** The engine's confidence, 0–100; absent for plain text. */
  conf?: number;
}

export interface WordOut {
  text: string;
  /** The printed word, when correction changed it. */
  original?: string;
  /** Low confidence and not vouched for by the lexicon or a clear correction. */
  doubtful?: boolean;
}

export interface CorrectOptions {
  model?: SyllableModel;
  /** A valid syllable read with at least this confidence is never changed. Default 90. */
  highConf?: number;
  /** Below this confidence a word that correction cannot vouch for is flagged doubtful. Default 60. */
  lowConf?: number;
  /**
   * Let context fix acute ↔ hook above on â/ê/ô ("tố chức" → "tổ chức") and on capitals ("TÍNH" →
   * "TỈNH") even in high-confidence words: tesseract's `vie` model makes that error with confidences
   * above 90. Default false.
   */
  fixConfidentMarks?: boolean;
}

/** Nats of context evidence one unit of edit distance costs. */
const LAMBDA = 5;
/** A valid syllable gives way only to a candidate this much likelier in context. */
const MARGIN_VALID = 3;
/** …when only one of its two neighbours has been seen beside the candidate… */
const MARGIN_ONE_SIDE = 4;
/** …and when the word itself was never seen in the corpus, whatever its neighbours. */
const MARGIN_UNSEEN = 5;
/** An invalid word takes its best candidate only when the runner-up is this far behind. */
const MARGIN_INVALID = 1.5;
/** Farthest candidate considered for an invalid word, and for a valid word's mark variants. */
const MAX_DIST = 1.3;
const MAX_MARK_DIST = 0.9;
/** Letters whose capital has the shape of the small letter: OCR cannot tell them apart. */
const SAME_SHAPE_CAPS = /^[cosuvwxz]/;

const validCache = new Map<string, boolean>();
function valid(key: string): boolean {
  let v = validCache.get(key);
  if (v === undefined) validCache.set(key, (v = parseSyllable(key) !== null));
  return v;
}

/**
 * Only acute ↔ hook above separates the two forms, where the engine cannot see the difference: on top
 * of a circumflex (ế/ể, ố/ổ, ấ/ẩ) or over a capital ("TÍNH" for "TỈNH", "CHÍ THỊ" for "CHỈ THỊ").
 */
function markSlip(a: string, b: string, capitals: boolean): boolean {
  const x = splitTone(a);
  const y = splitTone(b);
  if (x.base !== y.base || !(capitals || /[âêô]/.test([...x.base][x.at] ?? ''))) return false;
  return (x.tone === SAC && y.tone === 3) || (x.tone === 3 && y.tone === SAC);
}

interface State {
  tokens: Token[];
  /** Original and current lookup forms of word tokens (null for codes and others). */
  orig: (string | null)[];
  cur: (string | null)[];
  conf: (number | undefined)[];
  /** Changed by a clear choice (phrase or syllable): vouched for. */
  vouched: boolean[];
  locked: boolean[];
}

export function correctWords(words: WordIn[], options: CorrectOptions = {}): WordOut[] {
  const o = { highConf: 90, lowConf: 60, fixConfidentMarks: false, ...options };
  const model = o.model ?? defaultModel();
  const tokens = words.map((w) => parseToken(w.text));
  const orig = tokens.map((t) => (t.kind === 'word' ? syllableKey(t.core) : null));
  const st: State = { tokens, orig, cur: [...orig], conf: words.map((w) => w.conf), vouched: tokens.map(() => false), locked: tokens.map(() => false) };

  /** May word i become `target`? Confident valid syllables stay, but for the acute/hook slip if allowed. */
  const allowed = (i: number, target: string): boolean => {
    const c = st.conf[i];
    if (c === undefined || c < o.highConf || !valid(st.orig[i]!)) return true;
    return o.fixConfidentMarks && markSlip(st.orig[i]!, target, tokens[i]!.style === 'upper');
  };
  const linked = (i: number) =>
    i >= 0 && i + 1 < tokens.length && !!st.cur[i] && !!st.cur[i + 1] && !tokens[i]!.trail && !tokens[i + 1]!.lead;
  const context = (i: number) => ({
    prev: linked(i - 1) && valid(st.cur[i - 1]!) ? st.cur[i - 1]! : null,
    next: linked(i) && valid(st.cur[i + 1]!) ? st.cur[i + 1]! : null,
  });

  phrasePass(st, model, allowed, context);
  for (let i = 0; i < tokens.length; i++) {
    // Single letters are list markers ("c)") or initials; loans are printed as they are.
    if (st.cur[i] === null || st.locked[i] || [...tokens[i]!.core].length < 2 || isLoanWord(tokens[i]!.core)) continue;
    const { prev, next } = context(i);
    const choice = chooseSyllable(model, st.orig[i]!, tokens[i]!, prev, next, st.conf[i], o.highConf, (t) => allowed(i, t));
    if (choice) {
      st.cur[i] = choice;
      st.vouched[i] = true;
    }
  }

  return tokens.map((t, i) => {
    const out: WordOut = { text: words[i]!.text };
    const c = st.cur[i] ?? null;
    if (c !== null && c !== st.orig[i]) out.text = t.lead + applyCase(c, t.style) + t.trail;
    else if (t.raw === '~') out.text = '-'; // a lone tilde is a dash (a bullet, a range) misread: the genre prints no tilde
    else if (c !== null && (st.conf[i] ?? 0) < o.highConf && caseSlip(model, st, i)) out.text = t.lead + t.core.charAt(0).toLowerCase() + t.core.slice(1) + t.trail;
    if (out.text !== words[i]!.text) out.original = words[i]!.text;
    const conf = st.conf[i];
    if (conf !== undefined && conf < o.lowConf && !out.original && !vouchedFor(model, st, i)) out.doubtful = true;
    return out;
  });
}

/** Phrases of the genre on diacritic-free keys; dashes inside a phrase are skipped, codes and numbers break it. */
function phrasePass(
  st: State,
  model: SyllableModel,
  allowed: (i: number, t: string) => boolean,
  context: (i: number) => { prev: string | null; next: string | null },
): void {
  const pos: (number | null)[] = [];
  st.tokens.forEach((t, i) => {
    if (t.kind === 'word') pos.push(i);
    else if (t.kind === 'code' || /\p{N}/u.test(t.raw)) pos.push(null);
  });
  const keys = pos.map((i) => (i === null ? null : stripDiacritics(st.orig[i]!)));
  for (const [p, word] of matchPhrases(keys, (k) => valid(st.orig[pos[k]!]!))) {
    const i = pos[p]!;
    const target = syllableKey(word);
    if (target === st.orig[i] || !allowed(i, target)) continue;
    // A real syllable the corpus prints beside its neighbour stays: "văn bản chỉ đạo" is no "Ban Chỉ đạo".
    const { prev, next } = context(i);
    if (valid(st.orig[i]!) && pairSides(model, prev, st.orig[i]!, next) > 0) continue;
    st.cur[i] = target;
    st.locked[i] = true;
    st.vouched[i] = true;
  }
}

/** The syllable a word should become, or null to keep it. */
function chooseSyllable(
  model: SyllableModel,
  w: string,
  token: Token,
  prev: string | null,
  next: string | null,
  conf: number | undefined,
  highConf: number,
  allowed: (t: string) => boolean,
): string | null {
  const lex = lexiconFor(model);
  const score = (c: Candidate) => contextScore(model, prev, c.form, next) - LAMBDA * c.dist;
  if (valid(w)) {
    // A real syllable changes only for a mark variant that its neighbours clearly prefer, and never
    // when the corpus has printed it beside one of them ("văn bản" stays before "chỉ đạo").
    if (!prev && !next && model.uni.has(w)) return null;
    if (pairSides(model, prev, w, next) > 0) return null;
    const cands = markVariants(lex, w, MAX_MARK_DIST).filter((c) => allowed(c.form));
    if (!cands.length) return null;
    const own = contextScore(model, prev, w, next);
    const best = maxBy(cands, score);
    if (!best) return null;
    // Evidence from one neighbour only must be stronger when the other neighbour is there and silent.
    const seen = pairSides(model, prev, best.form, next);
    let margin = seen === 0 ? Infinity : prev && next && seen === 1 ? MARGIN_ONE_SIDE : MARGIN_VALID;
    // A syllable the genre never prints ("điếm", "đế") may give way on the syllables' own frequencies.
    if (!model.uni.has(w)) margin = Math.min(margin, MARGIN_UNSEEN);
    return score(best) - own >= margin ? best.form : null;
  }
  // All caps: only marks may be missing ("MUC" → "MỤC"); anything else is an acronym ("UBND", "PAR").
  const cands = token.style === 'upper' ? markVariants(lex, w, MAX_DIST) : nearSyllables(lex, w, MAX_DIST);
  if (!cands.length) return null;
  const ranked = cands.map((c) => ({ c, s: score(c) })).sort((a, b) => b.s - a.s);
  const [first, second] = ranked;
  if (!first || (second && first.s - second.s < MARGIN_INVALID)) return null;
  // A confident reading that needs a real letter change is more likely a foreign word or a name.
  if (conf !== undefined && conf >= highConf && first.c.dist >= 0.9) return null;
  return first.c.form;
}

function maxBy<T>(xs: T[], f: (x: T) => number): T | undefined {
  let best: T | undefined;
  let bestV = -Infinity;
  for (const x of xs) {
    const v = f(x);
    if (v > bestV) [best, bestV] = [x, v];
  }
  return best;
}

/** "đơn Vị", "về Việc": a capital OCR cannot tell from the small letter, mid-phrase, never capitalised there in the corpus. */
function caseSlip(model: SyllableModel, st: State, i: number): boolean {
  const t = st.tokens[i]!;
  const prev = st.tokens[i - 1];
  const key = st.cur[i]!;
  if (t.style !== 'title' || !SAME_SHAPE_CAPS.test(stripDiacritics(key)) || !prev || prev.kind !== 'word') return false;
  if (prev.style !== 'lower' || prev.trail || t.lead || !valid(key)) return false;
  return (model.bi.get(`${st.cur[i - 1]} ${key}`) ?? 0) >= 2 && !model.title.has(key);
}

/** A low-confidence word is vouched for when correction chose it, or it is an attested syllable or bare punctuation. */
function vouchedFor(model: SyllableModel, st: State, i: number): boolean {
  if (st.vouched[i]) return true;
  const t = st.tokens[i]!;
  if (t.kind === 'other' && !/\p{N}/u.test(t.raw)) return true;
  const c = st.cur[i] ?? null;
  return c !== null && valid(c) && (model.uni.get(c) ?? 0) > 0;
}
