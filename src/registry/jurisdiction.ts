// Jurisdiction: whose body an agency is. "Sở Nội vụ" in a Lai Châu plan is Lai Châu's Sở Nội vụ;
// "Phòng Nội vụ" in a Tân Yên plan is Tân Yên's. Read from the issuer's printed lines, and for the
// province of a district issuer, from the province the text names most often.
import { titleCaseWords } from '../normalize/unicode.js';
import type { Agency } from './agencies.js';

export interface Jurisdictions {
  /** "tỉnh Lai Châu", "thành phố Cần Thơ" (a centrally governed city). */
  province: string | null;
  /** "huyện Tân Yên", "thị xã …", "quận …". */
  district: string | null;
}

const PLACE = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(.+)$/u;

/** The issuer's province and district, from its printed lines and, failing that, from the text. */
export function jurisdictionsOf(issuerLines: string[], text: string): Jurisdictions {
  const out: Jurisdictions = { province: null, district: null };
  for (const line of issuerLines) {
    const m = PLACE.exec(line.trim().toUpperCase().replace(/\s+/g, ' '));
    if (!m) continue;
    const place = `${m[1]!.toLowerCase()} ${titleCaseWords(m[2]!)}`;
    if (m[1] === 'TỈNH' || (m[1] === 'THÀNH PHỐ' && !out.province)) out.province ??= place;
    else out.district ??= place;
  }
  // "UBND tỉnh" with a named province: the province the text names most often.
  if (!out.province) {
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/(?<![\p{L}])tỉnh\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,2})/gu)) {
      const p = `tỉnh ${m[1]}`;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] >= 2) out.province = best[0];
  }
  return out;
}

/** The agency with its jurisdiction, when its level says whose it is and the name does not already. */
export function withJurisdiction(a: Agency, j: Jurisdictions): Agency & { jurisdiction?: string } {
  if (/(?:tỉnh|thành phố|huyện|quận|thị xã)\s+\p{Lu}/u.test(a.name)) return a;
  const place =
    a.level === 'province' || a.level === 'internal' ? j.province
    : a.level === 'district' || a.level === 'commune' ? (j.district ?? null)
    : a.level === 'collective' ? (j.district ?? j.province)
    : null;
  return place ? { ...a, jurisdiction: place } : a;
}
