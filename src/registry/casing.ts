// Casing of agency names printed in capitals (header block, signature): "SỞ VĂN HÓA VÀ THỂ THAO"
// → "Sở Văn hóa và Thể thao", "TỈNH LAI CHÂU" → "tỉnh Lai Châu" (NĐ 30 Phụ lục II capitalisation).
import { isAllCaps } from '../normalize/unicode.js';

/** Administrative unit words after which a proper name follows. */
const UNIT_WORDS = ['thành phố', 'thị xã', 'thị trấn', 'tỉnh', 'huyện', 'quận', 'xã', 'phường'];

const cap = (w: string) => (w ? w.charAt(0).toUpperCase() + w.slice(1) : w);

/** Proper names keep every word capitalised: "lai châu" → "Lai Châu". */
const properName = (s: string) => s.split(' ').map(cap).join(' ');

/** Words naming the kind of body; the words after them name its field. */
const BODY_TYPES = ['văn phòng', 'chi cục', 'trung tâm', 'ban chỉ đạo', 'sở', 'phòng', 'bộ', 'ban', 'cục', 'vụ', 'viện', 'đài', 'báo', 'thanh tra'];

/** Words capitalised inside a body-type name ("Ban Chỉ đạo"). */
const TYPE_INNER_CAPS = new Set(['chỉ']);

/** Abbreviations that stay in capitals inside names. */
const KEEP_CAPS = new Set(['ubnd', 'hđnd', 'mttq', 'ubmttq', 'cchc', 'tthc', 'cntt', 'vp', 'ct-xh', 'tw', 'ptth', 'pt-th', 'bch']);

/**
 * Case one agency name printed in capitals. Field names joined by "và"/"," get a capital on the
 * first word of each field; a proper name after an administrative unit word gets capitals throughout.
 */
export function caseAgencyName(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!isAllCaps(t)) return t;
  const lower = t.toLowerCase();
  // Split off "… tỉnh/huyện/thành phố <Name>" (the jurisdiction) from the body's own name.
  let body = lower;
  let jurisdiction = '';
  for (const u of UNIT_WORDS) {
    // "xã hội" (society) is not a commune.
    const m = new RegExp(`(^|\\s)(${u})\\s+(?!hội(?![\\p{L}\\p{N}]))(.+)$`, 'u').exec(lower);
    if (!m) continue;
    // The whole line is a unit: "tỉnh lai châu".
    if (m.index === 0) return `${u} ${properName(m[3]!)}`;
    body = lower.slice(0, m.index);
    jurisdiction = `${u} ${properName(m[3]!)}`;
    break;
  }
  const words = body.split(' ').filter(Boolean);
  const out: string[] = [];
  let fieldStart = true;
  // The body-type words ("sở", "văn phòng", "chi cục") are followed by the field's own name.
  const typeLen = BODY_TYPES.find((t) => body === t || body.startsWith(t + ' '))?.split(' ').length ?? 0;
  for (const [i, w] of words.entries()) {
    if (i > 0 && i === typeLen) fieldStart = true;
    if (KEEP_CAPS.has(w)) out.push(w.toUpperCase());
    else if (i < typeLen) out.push(i === 0 ? cap(w) : TYPE_INNER_CAPS.has(w) ? cap(w) : w);
    else if (w === 'và' || w === ',') out.push(w);
    else if (fieldStart) out.push(cap(w));
    else out.push(w);
    fieldStart = w === 'và' || w.endsWith(',') || w === '-' || w === '–' || (i + 1 === typeLen);
  }
  // "Ủy ban nhân dân", "Hội đồng nhân dân": a body type, not a field; keep the customary short form.
  let name = out.join(' ').replace(/^Ủy ban nhân dân(?![\p{L}\p{N}])/u, 'UBND').replace(/^Hội đồng nhân dân(?![\p{L}\p{N}])/u, 'HĐND');
  name = name.replace(/^Ủy Ban/u, 'Ủy ban');
  return jurisdiction ? `${name} ${jurisdiction}`.trim() : name;
}
