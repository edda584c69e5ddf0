// Test helper: Vietnamese text as a legacy font encoding would leave it when read as Latin-1/cp1252
// (what a PDF or DOC with a lost font map yields). Tables after ../shared/domain/vietnamese-text.md §3
// and the TCVN3/VNI tables of duydev/vietnamese-conversion.

const LOWER = 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';

// TCVN3 (ABC): one byte per lower-case letter; 0xAD (ư) is the invisible soft hyphen.
const TCVN3_LOWER = [
  'µ', '¸', '©', '·', 'Ì', 'Ð', 'ª', '×', 'Ý', 'ß', 'ã', '«', 'â', 'ï', 'ó', 'ý', '¨', '®', 'Ü', 'ò', '¬', '\u00ad',
  '¹', '¶', 'Ê', 'Ç', 'È', 'É', 'Ë', '¾', '»', '¼', '½', 'Æ', 'Ñ', 'Î', 'Ï', 'Õ', 'Ò', 'Ó', 'Ô', 'Ö', 'Ø', 'Þ',
  'ä', 'á', 'è', 'å', 'æ', 'ç', 'é', 'í', 'ê', 'ë', 'ì', 'î', 'ô', 'ñ', 'ø', 'õ', 'ö', '÷', 'ù', 'ú', 'þ', 'û', 'ü',
];
/** Capitals with a quality mark have their own byte; a toned capital is that capital's byte + the toned small letter's. */
const TCVN3_CAPS: Record<string, string> = { Â: '¢', Ê: '£', Ô: '¤', Ă: '¡', Đ: '§', Ơ: '¥', Ư: '¦' };

// VNI: base vowel + a mark byte, mostly two bytes per letter.
const VNI_LOWER = [
  'aø', 'aù', 'aâ', 'aõ', 'eø', 'eù', 'eâ', 'ì', 'í', 'oø', 'où', 'oâ', 'oõ', 'uø', 'uù', 'yù', 'aê', 'ñ', 'ó', 'uõ', 'ô', 'ö',
  'aï', 'aû', 'aá', 'aà', 'aå', 'aã', 'aä', 'aé', 'aè', 'aú', 'aü', 'aë', 'eï', 'eû', 'eõ', 'eá', 'eà', 'eå', 'eã', 'eä', 'æ', 'ò',
  'oï', 'oû', 'oá', 'oà', 'oå', 'oã', 'oä', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï', 'uï', 'uû', 'öù', 'öø', 'öû', 'öõ', 'öï', 'yø', 'î', 'yû', 'yõ',
];

const lowerIndex = new Map([...LOWER].map((c, i) => [c, i]));
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Unicode → TCVN3 bytes seen as Latin-1 ("Uỷ ban nhân dân" → "Uû ban nh©n d©n"). */
export function toTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const i = lowerIndex.get(lower);
    if (i === undefined) {
      out += ch;
      continue;
    }
    if (ch === lower) {
      out += TCVN3_LOWER[i];
      continue;
    }
    const base = ch.normalize('NFD').replace(TONES, '').normalize('NFC');
    const capital = TCVN3_CAPS[base] ?? base;
    out += base === ch ? capital : capital + TCVN3_LOWER[i];
  }
  return out;
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

/** UTF-8 bytes read as Latin-1 ("Nội vụ" → "Ná»\u0099i vá»¥"). */
export const toMojibake = (text: string): string => Buffer.from(text.normalize('NFC'), 'utf8').toString('latin1');
