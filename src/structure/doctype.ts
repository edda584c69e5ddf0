// Document type names (tên loại) and their symbol abbreviations (NĐ 30/2020 Phụ lục III).
import type { DocType } from '../types.js';
import { foldKey } from '../normalize/unicode.js';

interface TypeName {
  name: string;
  abbr: string;
  docType: DocType;
}

// Longest names first so "QUYẾT ĐỊNH" does not hide behind a prefix.
export const TYPE_NAMES: TypeName[] = (
  [
  { name: 'kế hoạch', abbr: 'KH', docType: 'KE_HOACH' },
  { name: 'chỉ thị', abbr: 'CT', docType: 'CHI_THI' },
  { name: 'quyết định', abbr: 'QĐ', docType: 'QUYET_DINH' },
  { name: 'báo cáo', abbr: 'BC', docType: 'BAO_CAO' },
  { name: 'thông báo', abbr: 'TB', docType: 'THONG_BAO' },
  { name: 'nghị quyết', abbr: 'NQ', docType: 'NGHI_QUYET' },
  { name: 'chương trình hành động', abbr: 'CTr', docType: 'OTHER' },
  { name: 'chương trình', abbr: 'CTr', docType: 'OTHER' },
  { name: 'hướng dẫn', abbr: 'HD', docType: 'OTHER' },
  { name: 'tờ trình', abbr: 'TTr', docType: 'OTHER' },
  { name: 'đề án', abbr: 'ĐA', docType: 'OTHER' },
  { name: 'phương án', abbr: 'PA', docType: 'OTHER' },
  { name: 'quy chế', abbr: 'QC', docType: 'OTHER' },
  { name: 'quy định', abbr: 'QyĐ', docType: 'OTHER' },
  { name: 'công điện', abbr: 'CĐ', docType: 'OTHER' },
  { name: 'kết luận', abbr: 'KL', docType: 'OTHER' },
  { name: 'thông cáo', abbr: 'TC', docType: 'OTHER' },
  { name: 'nghị định', abbr: 'NĐ', docType: 'OTHER' },
  { name: 'thông tư', abbr: 'TT', docType: 'OTHER' },
  { name: 'dự án', abbr: 'DA', docType: 'OTHER' },
  { name: 'biên bản', abbr: 'BB', docType: 'OTHER' },
  { name: 'công văn', abbr: '', docType: 'CONG_VAN' },
  ] satisfies TypeName[]
).sort((a, b) => b.name.length - a.name.length);

/**
 * If a line is (or starts with) a document type name printed in capitals, the type and the rest
 * of the line (a title the extractor joined to it). "KẾ HOẠCH" → KE_HOACH.
 */
export function matchTypeLine(line: string): { type: TypeName; label: string; rest: string } | null {
  const t = line.trim();
  for (const type of TYPE_NAMES) {
    const upper = type.name.toUpperCase();
    if (!t.startsWith(upper)) continue;
    const rest = t.slice(upper.length);
    // The type line is the name alone in capitals (optionally "QUYẾT ĐỊNH:"), or the name then a mixed-case title.
    if (/^\s*:?\s*$/.test(rest)) return { type, label: upper, rest: '' };
    if (/^\s+\S/.test(rest) && rest.trim() !== rest.trim().toUpperCase()) return { type, label: upper, rest: rest.trim() };
  }
  return null;
}

/** The document type a symbol's type part stands for: "KH-UBND" → KE_HOACH. */
export function docTypeFromSymbol(symbol: string | null): DocType | null {
  if (!symbol) return null;
  const head = symbol.split(/[-/]/)[0] ?? '';
  const found = TYPE_NAMES.find((t) => t.abbr && foldKey(t.abbr) === foldKey(head));
  return found ? found.docType : null;
}

/** The type name a reference is introduced by ("Kế hoạch số …") → its label. */
export function typeNameBefore(textBefore: string): string | null {
  const k = foldKey(textBefore.slice(-40));
  let best: TypeName | null = null;
  let bestAt = -1;
  for (const t of TYPE_NAMES) {
    const at = k.lastIndexOf(t.name);
    if (at >= 0 && at + t.name.length >= k.length - 8 && at > bestAt) {
      best = t;
      bestAt = at;
    }
  }
  return best ? best.name.charAt(0).toUpperCase() + best.name.slice(1) : null;
}
