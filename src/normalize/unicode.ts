// Unicode form, tone-mark placement and comparison keys for Vietnamese text.

const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]'; // grave, acute, tilde, hook above, dot below (NFD)

// New style puts the mark on the second vowel of open "oa/oe/uy" syllables ("hoà", "thuỷ"); old style,
// which administration mostly prints ("hòa", "Ủy ban"), on the first. Only syllable-final glides differ.
const NEW_OA_OE = new RegExp(`([oO])([aeAE])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');
// "quý" keeps its mark on the y: the u belongs to the consonant "qu".
const NEW_UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu');

/** Put tone marks where the old (administrative) style puts them: "hoà" → "hòa", "thuỷ" → "thủy". */
/** Only strings with a toned a/e/y after o/u, or with combining marks, can need the slow path. */
const MAY_NEED = /[oOuU][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]|[\u0300-\u036f]/u;

export function toOldToneStyle(s: string): string {
  if (!MAY_NEED.test(s)) return s;
  const d = s.normalize('NFD');
  const out = d.replace(NEW_OA_OE, '$1$3$2').replace(NEW_UY, '$1$3$2');
  return out.normalize('NFC');
}

/** Remove all diacritics (đ → d too): a key for loose matching of OCR- or typing-damaged words. */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Comparison key: NFC, old tone style, lower case, punctuation → space, spaces collapsed. */
const foldCache = new Map<string, string>();

export function foldKey(s: string): string {
  // The same names and headings are folded over and over: keep the recent keys.
  const hit = foldCache.get(s);
  if (hit !== undefined) return hit;
  const key = foldUncached(s);
  if (foldCache.size > 20_000) foldCache.clear();
  foldCache.set(s, key);
  return key;
}

function foldUncached(s: string): string {
  return toOldToneStyle(s.normalize('NFC'))
    .toLowerCase()
    .replace(/[–—‐‑]/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}%/&-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const VN_LOWER = 'a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const VN_UPPER = 'A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ';
export const LOWER_CLASS = `[${VN_LOWER}]`;
export const UPPER_CLASS = `[${VN_UPPER}]`;

export const startsLower = (s: string): boolean => new RegExp(`^${LOWER_CLASS}`, 'u').test(s);
export const startsUpper = (s: string): boolean => new RegExp(`^${UPPER_CLASS}`, 'u').test(s);

/** True when every letter of the string is a capital (and there are some letters). */
export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Capitalise the first letter of each word: "LAI CHÂU" → "Lai Châu". */
export function titleCaseWords(s: string): string {
  return s
    .toLowerCase()
    .split(/(\s+)/)
    .map((w) => (w.trim() ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join('');
}
