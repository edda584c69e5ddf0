// References: every other document cited by number and symbol (NĐ 30 citation forms, Party forms).
import type { DocMeta, NormalizedText, Region } from '../types.js';
import { pageAt } from '../normalize/index.js';
import { typeNameBefore } from '../structure/doctype.js';
import { cleanSymbol } from '../structure/header.js';

export interface Reference {
  /** Normalised identifier without spaces: "240/KH-UBND", "61/2018/NĐ-CP", "18-NQ/TW". */
  id: string;
  number: string;
  year: string | null;
  symbol: string;
  /** The type name the citation gives ("Kế hoạch", "Nghị định"), when printed before it. */
  type: string | null;
  /** ISO date from "ngày 30/6/2022" / "ngày 22 tháng 12 năm 2022" after the symbol. */
  date: string | null;
  /** "của <issuer>" after the symbol, as printed. */
  issuer: string | null;
  mentions: { start: number; end: number; page: number | null }[];
}

// A symbol group starts with a capital; groups are joined by "-" or "&" ("TTr-NN&PTNT", "QĐ-TTg", "QH15").
const GROUP = String.raw`[\p{Lu}][\p{L}\d]*`;
const SYMBOL = String.raw`${GROUP}(?:\s?[-–&]\s?${GROUP})*`;
// Standard "240/KH-UBND", legal-normative "61/2018/NĐ-CP"; spaces around "/" occur in scans and drafts.
const STANDARD = new RegExp(String.raw`(?<![\p{L}\d/.,-])(\d{1,5}[a-z]?)\s?\/\s?(?:((?:19|20)\d{2})\s?\/\s?)?(${SYMBOL})(?![\p{L}\d])`, 'gu');
// Party documents (HD 36-HD/VPTW): "18-NQ/TW", "122-KH/TU", "24-CTr/TU".
const PARTY = new RegExp(String.raw`(?<![\p{L}\d/.,-])(\d{1,5}[a-z]?)-(${GROUP})\/(${GROUP}(?:-${GROUP})?)(?![\p{L}\d])`, 'gu');

const DATE_AFTER = /^\s*,?\s*ngày\s+(?:(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))/iu;
const ISSUER_AFTER = /^\s*(?:,?\s*ngày[^,;]*?\d{4})?\s*của\s+(.+?)(?=\s+(?:về|ban hành|quy định|hướng dẫn|thực hiện|phê duyệt|sửa đổi)(?![\p{L}\p{N}])|[,;:()]|$)/iu;

function dateAfter(s: string): string | null {
  const m = DATE_AFTER.exec(s);
  if (!m) return null;
  const [d, mo, y] = m[1] ? [m[1], m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
  // A day the month does not have ("29/2/2023") is a misprint: keep the year only, as for a bad month.
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > new Date(Date.UTC(+y, +mo, 0)).getUTCDate()) return y;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Find the references of a document. The header's own "Số:" line and citations of the document
 * itself (its appendix's "Kèm theo Kế hoạch số …") are not references.
 */
export function findReferences(norm: NormalizedText, regions: Region[], meta: DocMeta): Reference[] {
  const byId = new Map<string, Reference>();
  const ownId = meta.number && meta.symbol ? `${meta.number}/${meta.symbol}`.toLowerCase() : null;

  norm.lines.forEach((line, li) => {
    if (regions[li] === 'header' || regions[li] === 'title') return;
    const t = line.text;
    const found: { index: number; length: number; number: string; year: string | null; symbol: string; id: string }[] = [];
    for (const m of t.matchAll(STANDARD)) {
      const symbol = cleanSymbol(m[3]!);
      if (!/\p{Lu}/u.test(symbol)) continue;
      const year = m[2] ?? null;
      found.push({ index: m.index!, length: m[0].length, number: m[1]!, year, symbol, id: `${m[1]}/${year ? `${year}/` : ''}${symbol}` });
    }
    for (const m of t.matchAll(PARTY)) {
      const symbol = `${m[2]}/${m[3]}`;
      found.push({ index: m.index!, length: m[0].length, number: m[1]!, year: null, symbol, id: `${m[1]}-${symbol}` });
    }
    for (const f of found) {
      if (ownId && f.id.toLowerCase() === ownId) continue;
      const start = line.start + f.index;
      const end = start + f.length;
      const before = t.slice(0, f.index);
      const after = t.slice(f.index + f.length);
      const key = f.id.toLowerCase();
      let ref = byId.get(key);
      if (!ref) {
        ref = { id: f.id, number: f.number, year: f.year, symbol: f.symbol, type: null, date: null, issuer: null, mentions: [] };
        byId.set(key, ref);
      }
      ref.type ??= typeNameBefore(before.replace(/\s*số\s*:?\s*$/iu, ''));
      ref.date ??= dateAfter(after);
      ref.issuer ??= ISSUER_AFTER.exec(after)?.[1]?.trim() ?? null;
      ref.mentions.push({ start, end, page: pageAt(norm, start) });
    }
  });
  return [...byId.values()];
}
