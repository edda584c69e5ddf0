// Encoders for test fixtures: Vietnamese text as legacy font encodings leave it when read as
// Latin-1/cp1252 (what a PDF, DOCX or DOC in such fonts yields), and as 8-bit bytes. Written from
// the TCVN3/VNI tables of duydev/vietnamese-conversion (../shared/domain/vietnamese-text.md §3),
// independently of the decoders in src/encoding, so that round trips test those.

const LOWER = 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';

// TCVN3 (ABC): one byte per lower-case letter; 0xAD (ư) is the invisible soft hyphen.
const TCVN3_LOWER = [
  'µ', '¸', '©', '·', 'Ì', 'Ð', 'ª', '×', 'Ý', 'ß', 'ã', '«', 'â', 'ï', 'ó', 'ý', '¨', '®', 'Ü', 'ò', '¬', '\u00ad',
  '¹', '¶', 'Ê', 'Ç', 'È', 'É', 'Ë', '¾', '»', '¼', '½', 'Æ', 'Ñ', 'Î', 'Ï', 'Õ', 'Ò', 'Ó', 'Ô', 'Ö', 'Ø', 'Þ',
  'ä', 'á', 'è', 'å', 'æ', 'ç', 'é', 'í', 'ê', 'ë', 'ì', 'î', 'ô', 'ñ', 'ø', 'õ', 'ö', '÷', 'ù', 'ú', 'þ', 'û', 'ü',
];
/** The only capitals with a mark the text fonts (.VnTime) have; the rest are typed in the all-caps fonts (.VnTimeH). */
const TCVN3_CAPS: Record<string, string> = { Â: '¢', Ê: '£', Ô: '¤', Ă: '¡', Đ: '§', Ơ: '¥', Ư: '¦' };

// VNI: base vowel + a mark byte, mostly two bytes per letter.
const VNI_LOWER = [
  'aø', 'aù', 'aâ', 'aõ', 'eø', 'eù', 'eâ', 'ì', 'í', 'oø', 'où', 'oâ', 'oõ', 'uø', 'uù', 'yù', 'aê', 'ñ', 'ó', 'uõ', 'ô', 'ö',
  'aï', 'aû', 'aá', 'aà', 'aå', 'aã', 'aä', 'aé', 'aè', 'aú', 'aü', 'aë', 'eï', 'eû', 'eõ', 'eá', 'eà', 'eå', 'eã', 'eä', 'æ', 'ò',
  'oï', 'oû', 'oá', 'oà', 'oå', 'oã', 'oä', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï', 'uï', 'uû', 'öù', 'öø', 'öû', 'öõ', 'öï', 'yø', 'î', 'yû', 'yõ',
];

const lowerIndex = new Map([...LOWER].map((c, i) => [c, i]));
const TCVN3_LETTER_BYTES = new Set([...TCVN3_LOWER, ...Object.values(TCVN3_CAPS)]);
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** One TCVN3 letter: its byte (cp1252 view) and whether it needs the all-caps font. */
function tcvn3Letter(ch: string): { byte: string; caps: boolean } | null {
  const lower = ch.toLowerCase();
  const i = lowerIndex.get(lower);
  if (i === undefined) return null;
  if (ch === lower) return { byte: TCVN3_LOWER[i]!, caps: false };
  const capital = TCVN3_CAPS[ch];
  return capital ? { byte: capital, caps: false } : { byte: TCVN3_LOWER[i]!, caps: true };
}

/**
 * Unicode → TCVN3 bytes seen as Latin-1 ("Uỷ ban nhân dân" → "Uû ban nh©n d©n"). Capitals the text
 * fonts lack come out as their small letter's byte, as typed in an all-caps font.
 */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += tcvn3Letter(ch)?.byte ?? ch;
  return out;
}

export type Tcvn3Font = 'text' | 'caps' | 'unicode';

/**
 * Unicode → runs as a TCVN3 document has them: 'text' runs in .VnTime, 'caps' runs in .VnTimeH
 * (lower-case bytes printed as capitals: a heading in capitals is one such run), and 'unicode' runs
 * for characters whose code is a TCVN3 letter's byte ("×", "¹", "·"), which such a document
 * types in another font.
 */
export function toTcvn3Runs(text: string): { text: string; font: Tcvn3Font }[] {
  const nfc = text.normalize('NFC');
  const letters = nfc.replace(/[^\p{L}]/gu, '');
  // A run in capitals throughout goes into the all-caps font whole.
  const allCaps = letters.length > 1 && letters === letters.toUpperCase() && [...nfc].some((c) => tcvn3Letter(c)?.caps);
  const runs: { text: string; font: Tcvn3Font }[] = [];
  const push = (t: string, font: Tcvn3Font) => {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += t;
    else runs.push({ text: t, font });
  };
  for (const ch of nfc) {
    const l = tcvn3Letter(ch);
    if (l) push(allCaps ? tcvn3Letter(ch.toLowerCase())!.byte : l.byte, allCaps || l.caps ? 'caps' : 'text');
    else if (TCVN3_LETTER_BYTES.has(ch)) push(ch, 'unicode');
    else if (allCaps) push(ch.toLowerCase(), 'caps');
    else push(ch, 'text');
  }
  return runs;
}

/** Unicode → VNI bytes seen as Latin-1 ("Xin chào các bạn" → "Xin chaøo caùc baïn"). */
export function toVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const i = lowerIndex.get(ch.toLowerCase());
    if (i === undefined) out += ch;
    else out += ch === ch.toLowerCase() ? VNI_LOWER[i] : VNI_LOWER[i]!.toUpperCase();
  }
  return out;
}

/** A cp1252 string as its bytes; characters cp1252 lacks are an error (a fixture must be exact). */
export function cp1252Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(text[i]!);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else if (high >= 0) out[i] = 0x80 + high;
    else throw new Error(`U+${c.toString(16).toUpperCase().padStart(4, '0')} has no cp1252 byte`);
  }
  return out;
}

/** UTF-8 bytes read as Latin-1 ("Nội vụ" → "Ná»\u0099i vá»¥"). */
export const toMojibake = (text: string): string => Buffer.from(text.normalize('NFC'), 'utf8').toString('latin1');

/** Windows-1258 bytes: ă â ê ô ơ ư đ (and some Latin-1 letters) on one byte, tone marks as combining bytes after the letter. */
export function cp1258Bytes(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byteOf.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const nfd = ch.normalize('NFD');
    const tones = nfd.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
    const base = nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
    const b = byteOf.get(base);
    const t = tones ? byteOf.get(tones) : undefined;
    if (b === undefined || (tones && t === undefined)) throw new Error(`${ch} has no Windows-1258 bytes`);
    out.push(b, ...(t === undefined ? [] : [t]));
  }
  return Uint8Array.from(out);
}
