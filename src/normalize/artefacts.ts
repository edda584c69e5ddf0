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

/**
 * Invisible and look-alike characters: zero-width marks, soft hyphens, bidi controls, control
 * characters, non-breaking and odd spaces. Line breaks inside a line become spaces: a line of the
 * normalised text never holds one (offsets per line and the "\n"-joined text rely on it).
 */
export function cleanInvisible(s: string): string {
  return s
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\n\r\u000b\u000c\u0085\u2028\u2029]/g, ' ');
}

/** "- + Nội dung…": a flattened nested bullet, where the "+" is the real level. */
export function unflattenBullets(s: string): string {
  return s.replace(/^\s*[-–]\s+(?=[+]\s)/, '');
}

/**
 * Anything any step above could change besides the outer whitespace: control, invisible and odd
 * space characters, markup starts, doubled spaces, a leading dash or space. Most lines have none,
 * and for them the whole pass is a trim.
 */
const MAY_NEED_CLEANING = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u061c\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2069\u3000\ufeff<&*#_]| {2}|^[-–\s]/;

function cleanOnce(s: string): string {
  if (!MAY_NEED_CLEANING.test(s)) return s.trim();
  const t = unflattenBullets(stripMarkdown(decodeEntities(stripTags(cleanInvisible(s)))));
  return t.replace(/[ \t]+/g, ' ').trim();
}

/**
 * The whole artefact pass for one paragraph or cell; whitespace collapsed and trimmed. Artefacts
 * nest (an entity that spells a tag or an invisible character, "&amp;lt;" escaped twice, "<<b>b>"):
 * the pass is repeated until nothing changes, so that cleaning clean text changes nothing.
 */
export function cleanArtefacts(s: string): string {
  let t = cleanOnce(s);
  for (let i = 0; i < 8; i++) {
    const next = cleanOnce(t);
    if (next === t) break;
    t = next;
  }
  return t;
}
