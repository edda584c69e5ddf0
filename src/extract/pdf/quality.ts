// Signs that a text layer does not carry real Unicode: glyph codes without a ToUnicode map,
// or Vietnamese in a legacy 8-bit font encoding (TCVN3/VNI) read as Latin-1.

/** Private-use code points, U+FFFD and control characters: glyphs pdfjs could not map. */
const UNMAPPED = /[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/gu;
/** Latin-1 symbols that legacy Vietnamese fonts use for toned letters (¸ µ ¶ · ¹ ¨ © ª « ¬ ® …). */
const LEGACY = /[\u00A1-\u00BF\u00D7\u00F7]/gu;

export function textProblems(text: string): string | null {
  const chars = text.replace(/\s/g, '').length;
  if (chars < 20) return null;
  const unmapped = text.match(UNMAPPED)?.length ?? 0;
  if (unmapped / chars > 0.05) return `${unmapped} of ${chars} characters have no Unicode mapping`;
  const legacy = text.match(LEGACY)?.length ?? 0;
  if (legacy / chars > 0.03) return `text looks like a legacy Vietnamese font encoding (${legacy} of ${chars} characters are Latin-1 symbols)`;
  return null;
}
