// Legacy 8-bit Vietnamese font encodings: TCVN3 (ABC, ".Vn*" fonts) and VNI ("VNI-*" fonts).
// Both store ordinary Windows-1252 bytes and leave the Vietnamese letters to the font, so a reader
// (pdfjs, mammoth, a .doc reader) hands over their cp1252 view: "Uû ban nh©n d©n", "Xin chaøo".
// Tables after ../shared/domain/vietnamese-text.md §3 (TCVN 5712:1993 VN3, VNI-Windows).
import { isVietnameseSyllable } from '../normalize/syllables.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** What a font name says: the encoding, and whether the font prints every letter as a capital (".VnTimeH"). */
export interface FontEncoding {
  encoding: LegacyEncoding;
  caps: boolean;
}

export const ENCODING_NAMES: Record<LegacyEncoding | 'cp1258', string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI', cp1258: 'Windows-1258' };

// TCVN3: one byte per letter. Capitals with a tone have no byte of their own: they are typed in the
// all-caps fonts (".VnTimeH"), whose lower-case bytes print as capitals.
const TCVN3_BYTES: [number, string][] = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];
const TCVN3 = new Map(TCVN3_BYTES.map(([b, u]) => [String.fromCharCode(b), u]));
// pdfjs reads byte 0xB5 of a WinAnsi font by its glyph name "mu": the Greek letter ("Hμ Néi").
TCVN3.set('\u03bc', 'à');

// VNI: a base letter followed by a mark byte, a few letters on one byte.
const GRAVE = '\u0300', ACUTE = '\u0301', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323';
const CIRCUMFLEX = '\u0302', BREVE = '\u0306';
/** Tone bytes after a, e, o, u, y, ơ, ư. */
const VNI_TONE: Record<string, string> = { 'ø': GRAVE, 'ù': ACUTE, 'û': HOOK, 'õ': TILDE, 'ï': DOT };
/** Circumflex (with a tone) after a, e, o. */
const VNI_CIRCUMFLEX: Record<string, string> = { 'â': '', 'à': GRAVE, 'á': ACUTE, 'å': HOOK, 'ã': TILDE, 'ä': DOT };
/** Breve (with a tone) after a. */
const VNI_BREVE: Record<string, string> = { 'ê': '', 'è': GRAVE, 'é': ACUTE, 'ú': HOOK, 'ü': TILDE, 'ë': DOT };
/** Letters of one byte: i with its tones, ỵ, đ, and ơ, ư (which take tone bytes too). */
const VNI_SINGLE: Record<string, string> = { 'ì': 'ì', 'í': 'í', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ', 'ñ': 'đ', 'ô': 'ơ', 'ö': 'ư' };

const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();
{
  const add = (base: string, uniBase: string, marks: Record<string, string>, quality: string) => {
    for (const [mark, tone] of Object.entries(marks)) {
      const lower = (uniBase + quality + tone).normalize('NFC');
      // The base's case decides the letter's; the mark byte may come in either case.
      for (const m of [mark, mark.toUpperCase()]) {
        VNI_PAIRS.set(base + m, lower);
        VNI_PAIRS.set(base.toUpperCase() + m, lower.toUpperCase());
      }
    }
  };
  for (const b of 'aeouy') add(b, b, VNI_TONE, '');
  add('ô', 'ơ', VNI_TONE, '');
  add('ö', 'ư', VNI_TONE, '');
  for (const b of 'aeo') add(b, b, VNI_CIRCUMFLEX, CIRCUMFLEX);
  add('a', 'a', VNI_BREVE, BREVE);
  for (const [k, v] of Object.entries(VNI_SINGLE)) {
    VNI_SINGLES.set(k, v);
    VNI_SINGLES.set(k.toUpperCase(), v.toUpperCase());
  }
}

// cp1252's printable characters at 0x80–0x9F, for text handed over with C1 controls or as symbol-font code points.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * The cp1252 view of legacy text from any reader: symbol-font code points (U+F020–U+F0FF, how Word
 * and PDF producers pass a non-Unicode font's bytes) and C1 controls (a Latin-1 reading) become
 * the cp1252 characters of the same bytes.
 */
export function byteView(text: string): string {
  if (!/[\u0080-\u009f\uf020-\uf0ff]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f\uf020-\uf0ff]/g, (c) => {
    const b = c.charCodeAt(0) & 0xff;
    return b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  });
}

/** A hyphen or minus glued to letters, where TCVN3's ư may stand ("®-îc", "tr−êng"). */
const HYPHENATED = /(?<![\p{L}\p{N}])[\p{L}\-\u2212]*[\-\u2212][\p{L}\-\u2212]*/gu;

/**
 * TCVN3's ư is byte 0xAD, a soft hyphen in cp1252: PDF text layers give it as "-" (WinAnsi's glyph
 * name "hyphen") or "−" (a font's glyph name "minus"). Where a hyphen sits inside a word, it is ư
 * when that makes the word a Vietnamese syllable ("đ-ợc" → "được"; "KH-UBND", "2021-2030" stay).
 */
function hyphensAsU(text: string): string {
  return text.replace(HYPHENATED, (w) => {
    if (!/\p{L}/u.test(w)) return w;
    const u = w.replace(/[-\u2212]/g, 'ư');
    return isVietnameseSyllable(u) ? u : w;
  });
}

/** TCVN3 text (cp1252 view) → Unicode. `caps`: the run was in an all-caps font, so every letter is a capital. */
export function decodeTcvn3(text: string, caps = false): string {
  let out = '';
  for (const ch of byteView(text)) out += TCVN3.get(ch) ?? ch;
  // With its soft hyphens kept (DOCX, DOC, 8-bit text), a reader's hyphens are real ones.
  if (!text.includes('\u00ad') && /[-\u2212]/.test(out)) out = hyphensAsU(out);
  return caps ? out.toUpperCase() : out;
}

/** VNI text (cp1252 view) → Unicode: base + mark pairs first, then single-byte letters. */
export function decodeVni(text: string): string {
  const s = byteView(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const pair = i + 1 < s.length ? VNI_PAIRS.get(s[i]! + s[i + 1]!) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
    } else out += VNI_SINGLES.get(s[i]!) ?? s[i]!;
  }
  return out;
}

export function decodeLegacy(text: string, how: LegacyEncoding | FontEncoding): string {
  const f = typeof how === 'string' ? { encoding: how, caps: false } : how;
  return f.encoding === 'tcvn3' ? decodeTcvn3(text, f.caps) : decodeVni(text);
}

/**
 * Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the U+1EA0 block, combining tone marks): no
 * legacy font's cp1252 view contains them, so text with one is Unicode already.
 */
const UNICODE_VIETNAMESE = /[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]/u;
export const hasUnicodeVietnamese = (text: string): boolean => UNICODE_VIETNAMESE.test(text);

/** Characters a legacy decoder may change: anything else passes through, so ASCII text is never touched. */
const LEGACY_CHARS = /[\u00a1-\u00ff\u0080-\u009f\uf020-\uf0ff\u03bc\u2212]/;
export const mayBeLegacy = (text: string): boolean => LEGACY_CHARS.test(text);

/** Subset tag ("ABCDEF+") and style suffixes (",Bold", "-BoldItalic") of a font name as PDFs carry it. */
const SUBSET = /^[A-Z]{6}\+/;
const STYLE = /(?:[,\-\s]*(?:Bold|Italic|Oblique|Regular|Roman|Normal|Black|Demi|Semibold|Light|Medium|Condensed|PS|MT))+$/i;

/**
 * The legacy encoding a font's name announces: TCVN3 fonts are named ".VnTime", ".VnArialH", …
 * (the dot is sometimes lost in PDFs: "VnTimeH,Bold"), VNI fonts "VNI-Times", "VNI-Helve", …
 * A TCVN3 name ending in "H" is an all-caps font.
 */
export function fontEncoding(name: string | null | undefined): FontEncoding | null {
  if (!name) return null;
  const n = name.trim().replace(SUBSET, '');
  if (/^VNI[-_ ]?[A-Za-z]/.test(n)) return { encoding: 'vni', caps: false };
  if (/^\.Vn/i.test(n) || /^Vn[A-Z]/.test(n)) return { encoding: 'tcvn3', caps: /H$/.test(n.replace(STYLE, '')) };
  return null;
}

/**
 * A run in a font that names a legacy encoding → Unicode. Text that is Unicode Vietnamese already
 * is left alone: a document converted to Unicode often keeps its old font names.
 */
export const decodeRun = (text: string, font: FontEncoding): string => (hasUnicodeVietnamese(text) ? text : decodeLegacy(text, font));
