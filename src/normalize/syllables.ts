// Vietnamese syllable grammar: onset + (medial) + nucleus + coda + tone, as written in the Latin script
// (chữ Quốc ngữ). Used to tell real Vietnamese text from font-map garbage and to find OCR-damaged words.
// The grammar is generous (it admits rare and unattested but well-formed syllables); corpus frequencies,
// not the grammar, decide which of them are likely (src/correct/lexicon.ts).

/** Tone marks as NFD combining characters, indexed by tone: 0 ngang (none) … 5 nặng. */
export const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;
export const SAC: Tone = 2;
export const NANG: Tone = 5;

const TONE_OF: Record<string, Tone> = { '\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };

/** Onsets, longest first so that "ngh" is tried before "ng" and "n". */
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Every written rime (medial + nucleus + coda, toneless). Codas p/t/c/ch restrict the tone. */
const RIMES = new Set(
  (
    // open rimes and rimes closed by a glide
    'a ai ao au ay âu ây e eo ê êu i ia iu iêu o oi ô ôi ơ ơi u ua ui uôi ư ưa ưi ưu ươi ươu y yêu ' +
    'oa oai oao oay oe oeo uê uy uya uyu uơ uây ' +
    // nasal codas
    'am an ang anh ăm ăn ăng âm ân âng em en eng êm ên ênh im in inh om on ong oong ôm ôn ông ơm ơn ' +
    'um un ung ưm ưng iêm iên iêng yêm yên uôm uôn uông ươm ươn ương ' +
    'oam oan oang oanh oăm oăn oăng oen uân uâng uyn uynh uyên uênh ' +
    // stop codas
    'ap at ac ach ăp ăt ăc âp ât âc ep et ec êp êt êch ip it ich op ot oc ooc ôp ôt ôc ơp ơt ' +
    'up ut uc ưt ưc iêp iêt iêc yêt uôt uôc ươp ươt ươc ' +
    'oap oat oac oach oăt oăc oet uât uyt uych uyêt uêch'
  ).split(' '),
);

const VOWELS = new Set('aăâeêioôơuưy');
const MARKED_VOWELS = new Set('ăâêôơư');
const FRONT = /^(?:e|ê|i|y)/;
/** Rimes that begin with the medial glide /w/ (written o before a/ă/e, u before â/ê/y/ơ). */
const MEDIAL = /^(?:o[aăe]|u[âêyơ])/;
const STOP = /(?:p|t|c|ch)$/;
const ALPHABET = /^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+$/;
/** The Vietnamese alphabet has no f, j, w, z. */
const FOREIGN = /[fjwz]/;

export interface Syllable {
  onset: string;
  /** Rime as written after the onset, toneless (for "gì", "giếng" the i shared with "gi" is counted here). */
  rime: string;
  tone: Tone;
}

/** Split off the tone: the toneless word (NFC, quality marks kept) and the letter index carrying the tone. */
export function splitTone(word: string): { base: string; tone: Tone; at: number; marks: number } {
  const nfd = word.normalize('NFD');
  let base = '';
  let tone: Tone = 0;
  let at = -1;
  let marks = 0;
  let letters = -1;
  for (const ch of nfd) {
    const t = TONE_OF[ch];
    if (t !== undefined) {
      marks++;
      if (!tone) {
        tone = t;
        at = letters;
      }
      continue;
    }
    if (!/\p{M}/u.test(ch)) letters++;
    base += ch;
  }
  return { base: base.normalize('NFC'), tone, at, marks };
}

/** Index, within the rime, of the vowel that carries the tone; `alt` is the new-style place ("hoà", "thuỷ"). */
function tonePlace(rime: string, afterQu: boolean): { main: number; alt: number } {
  const chars = [...rime];
  const vowelIdx = chars.map((c, i) => (VOWELS.has(c) ? i : -1)).filter((i) => i >= 0);
  const marked = vowelIdx.filter((i) => MARKED_VOWELS.has(chars[i]!));
  if (marked.length) {
    const m = marked[marked.length - 1]!;
    return { main: m, alt: m };
  }
  const last = vowelIdx[vowelIdx.length - 1]!;
  if (!VOWELS.has(chars[chars.length - 1]!)) return { main: last, alt: last }; // closed: on the last vowel
  if (vowelIdx.length === 1) return { main: last, alt: last };
  if (vowelIdx.length === 3) return { main: vowelIdx[1]!, alt: vowelIdx[1]! };
  // Two vowels, open: "hòa/hoà", "thủy/thuỷ" (old/new style); otherwise the first ("mía", "mùa", "tài").
  if (!afterQu && /^(?:oa|oe|uy)$/.test(rime)) return { main: 0, alt: 1 };
  return { main: vowelIdx[0]!, alt: vowelIdx[0]! };
}

/** May this onset stand before this rime? Spelling rules c/k/q, g/gh, ng/ngh and medial limits. */
function onsetFits(onset: string, rime: string): boolean {
  const front = FRONT.test(rime);
  const medial = MEDIAL.test(rime);
  switch (onset) {
    case 'c':
      return !front && !medial;
    case 'k':
      return front;
    case 'gh':
    case 'ngh':
      return front;
    case 'g':
    case 'ng':
      return !front;
    case 'b':
    case 'm':
    case 'p':
    case 'ph':
    case 'v':
      if (medial) return false;
      break;
  }
  // "yê" opens a syllable only without onset ("yên", "yêu"); "iê" never does.
  if (onset === '' && /^i[êe]/.test(rime)) return false;
  if (onset !== '' && /^y./.test(rime)) return false;
  return true;
}

interface Parse extends Syllable {
  /** Index in the word where the rime's first letter sits. */
  rimeAt: number;
  afterQu: boolean;
}

/** Parse a lower-case toneless word into onset and rime, or null. */
function parseBase(base: string): Parse | null {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    if (onset === 'qu') {
      // The u of "qu" is the medial: "qua", "quê", "quý", "quyết", "quỳnh", "quốc"; old spelling "qui".
      if (!rest || /^[oơuư]/.test(rest) && !/^ơ$/.test(rest)) continue;
      if (RIMES.has(rest) && !MEDIAL.test(rest) && !/^y./.test(rest)) return { onset, rime: rest, rimeAt: 2, tone: 0, afterQu: true };
      if (/^y/.test(rest) && RIMES.has('u' + rest)) return { onset, rime: rest, rimeAt: 2, tone: 0, afterQu: true };
      continue;
    }
    if (onset === 'gi') {
      // "gi" shares its i with an i-rime: "gì", "gìn", "giếng" = gi + (i)êng.
      if (RIMES.has(rest) && rest && !/^[iy]/.test(rest) && !MEDIAL.test(rest)) return { onset, rime: rest, rimeAt: 2, tone: 0, afterQu: false };
      if (RIMES.has('i' + rest)) return { onset, rime: 'i' + rest, rimeAt: 1, tone: 0, afterQu: false };
      continue;
    }
    if (onset === 'g' && /^i/.test(rest)) continue; // that is "gi"
    if (RIMES.has(rest) && onsetFits(onset, rest)) return { onset, rime: rest, rimeAt: onset.length, tone: 0, afterQu: false };
  }
  return null;
}

/** Parse one word (letters only, any case, either tone-mark style) into a syllable, or null if it cannot be Vietnamese. */
export function parseSyllable(word: string): Syllable | null {
  if (!word || word.length > 7) return null;
  const lower = word.normalize('NFC').toLowerCase();
  if (!ALPHABET.test(lower) || FOREIGN.test(lower)) return null;
  const { base, tone, at, marks } = splitTone(lower);
  if (marks > 1) return null;
  const p = parseBase(base);
  if (!p) return null;
  if (STOP.test(p.rime) && tone !== 0 && tone !== SAC && tone !== NANG) return null;
  if (STOP.test(p.rime) && tone === 0) return null;
  if (tone) {
    const { main, alt } = tonePlace(p.rime, p.afterQu);
    if (at !== p.rimeAt + main && at !== p.rimeAt + alt) return null;
  }
  return { onset: p.onset, rime: p.rime, tone };
}

/** Case patterns a printed syllable may take: lower, Capitalised, ALL CAPS. */
function plausibleCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

/** True when the word (letters only) is a well-formed Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  return plausibleCase(word) && parseSyllable(word) !== null;
}

/** Put a tone on a toneless syllable in the old (administrative) style: ("hoa", 1) → "hòa". Null if ill-formed. */
export function withTone(base: string, tone: Tone): string | null {
  const p = parseBase(base);
  if (!p) return null;
  if (STOP.test(p.rime) ? tone !== SAC && tone !== NANG : false) return null;
  if (!tone) return base;
  const { main } = tonePlace(p.rime, p.afterQu);
  const chars = [...base];
  const i = p.rimeAt + main;
  chars[i] = (chars[i]! + TONE_MARKS[tone]).normalize('NFC');
  return chars.join('');
}

/** Every well-formed syllable, lower case, old tone style. A generous superset of the language's ~7,000. */
export function enumerateSyllables(): string[] {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rime of RIMES) {
      // gi + i-rime is written with one i: "gì", "giếng".
      const base = onset === 'gi' && rime.startsWith('i') ? 'g' + rime : onset + rime;
      for (let t = 0; t <= 5; t++) {
        const s = withTone(base, t as Tone);
        if (s && parseSyllable(s)) out.add(s);
      }
    }
  }
  return [...out];
}

/** Latin words that Vietnamese administrative text uses as they are ("Par Index", "e-cabinet", "Zalo"). */
const LOANS = new Set(
  ('index par sipas papi online offline website web email mail internet cabinet zalo facebook youtube covid ' +
    'vneid ioffice egov smart app hotline fax video camera wifi portal hub data digital ict pci gdp grdp ' +
    'office word excel pdf iso qr code sms').split(' '),
);

/** A Latin word the genre prints as it is. */
export const isLoanWord = (word: string): boolean => LOANS.has(word.toLowerCase());

type Verdict = 'skip' | 'yes' | 'no';
/**
 * Token counts are cached (see vietnameseScore): running text repeats a few thousand tokens, and
 * parsing a syllable is costly (every onset tried); scoring every text page was a tenth of a text
 * PDF's time. Bounded, as garbage text layers bring endless distinct tokens.
 */
const MAX_CACHED_TOKENS = 50_000;

/** Does this token (already stripped of edge punctuation, no digits) count for the score, and is it Vietnamese? */
function judge(part: string): Verdict {
  if (!/\p{L}/u.test(part)) return 'skip';
  if (/[^\p{L}\p{M}]/u.test(part)) return 'no'; // letters mixed with symbols: "nh©n", "c¸c"
  const valid = isVietnameseSyllable(part);
  if (valid) return 'yes';
  const lower = part.toLowerCase();
  if (LOANS.has(lower)) return 'skip';
  if (part.length === 1 && !VOWELS.has(lower)) return 'skip'; // list markers "b)", "đ)"
  if (part.length >= 2 && part === part.toUpperCase() && part !== lower) return 'skip'; // acronyms: UBND, HĐND, PAR
  return 'no';
}

/**
 * The share (0..1) of word tokens that are well-formed Vietnamese syllables. Numbers, codes with digits,
 * acronyms in capitals and common Latin loans do not count. Text whose legacy font map was lost
 * (TCVN3/VNI read as Latin-1, glyph codes) scores low. 0 when no token counts.
 */
export function vietnameseScore(text: string): number {
  let yes = 0;
  let no = 0;
  // Tokens are cached as they come; only a token not seen before is put in NFC and judged.
  for (const raw of text.split(/\s+/)) {
    let counts = tokenCounts.get(raw);
    if (counts === undefined) {
      counts = countToken(raw.normalize('NFC'));
      if (tokenCounts.size >= MAX_CACHED_TOKENS) tokenCounts.clear();
      tokenCounts.set(raw, counts);
    }
    yes += counts[0];
    no += counts[1];
  }
  return yes + no ? yes / (yes + no) : 0;
}

/** [valid, invalid] syllables in one whitespace-delimited token. */
const tokenCounts = new Map<string, readonly [number, number]>();
const NONE = [0, 0] as const;

function countToken(raw: string): readonly [number, number] {
  const token = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!token || /\p{N}/u.test(token)) return NONE;
  let yes = 0;
  let no = 0;
  for (const part of token.split(/[-–/&.]+/)) {
    const v = judge(part);
    if (v === 'yes') yes++;
    else if (v === 'no') no++;
  }
  return [yes, no];
}
