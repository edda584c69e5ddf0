// Artefacts that conversions leave in the text (markdown markers, stray HTML, invisible characters).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decode the few HTML entities converted text carries ("&amp;", "&#7841;"). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** Strip HTML tags ("<p>", "</i>", "<br/>") but keep their text; block-level tags become spaces. */
export function stripTags(s: string): string {
  if (!s.includes('<')) return s;
  return s.replace(/<\/?(?:p|div|br|span|i|b|u|em|strong|sup|sub|font|td|tr|th|li|ul|ol)\b[^<>]*\/?>/gi, (t) =>
    /^<\/?(?:p|div|br|td|tr|th|li)\b/i.test(t) ? ' ' : '',
  );
}

/** Markdown emphasis and heading markers: "**KT. GIÁM ĐỐC**", "Số: *13* /CT-UBND", "# I. MỤC ĐÍCH". */
export function stripMarkdown(s: string): string {
  let t = s.replace(/^#{1,6}\s+/, '');
  // Bold/italic pairs; a lone "*" used as a bullet at the start is kept for the structure stage.
  t = t.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1');
  t = t.replace(/(^|[^*\p{L}\p{N}])\*(?!\s)([^*]+?)\*(?![\p{L}\p{N}])/gu, '$1$2');
  // Unpaired markers left by bold spanning two lines ("**KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC**").
  t = t.replace(/\*\*/g, '');
  if (/^\*[^\s*]/.test(t)) t = t.slice(1);
  t = t.replace(/(\S)\*$/, '$1');
  return t;
}

/** Invisible and look-alike characters: zero-width marks, soft hyphens, non-breaking and odd spaces. */
export function cleanInvisible(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2028\u2029]/g, ' ');
}

/** "- + Nội dung…": a flattened nested bullet, where the "+" is the real level. */
export function unflattenBullets(s: string): string {
  return s.replace(/^\s*[-–]\s+(?=[+]\s)/, '');
}

/** The whole artefact pass for one paragraph or cell; whitespace collapsed and trimmed. */
export function cleanArtefacts(s: string): string {
  const t = unflattenBullets(stripMarkdown(decodeEntities(stripTags(cleanInvisible(s)))));
  return t.replace(/[ \t]+/g, ' ').trim();
}
