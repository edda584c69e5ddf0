// The header block (ô 1–4 of NĐ 30): issuing body, quốc hiệu, "Số: …/…", "<Place>, ngày … tháng … năm …".
import { caseAgencyName } from '../registry/casing.js';
import { isAllCaps } from '../normalize/unicode.js';

export interface NumberSymbol {
  number: string | null;
  symbol: string;
  /** The year part of a legal-normative number ("61/2018/NĐ-CP"). */
  year?: string;
}

/** Normalise a symbol as printed: spaces and dash variants removed ("KH - UBND" → "KH-UBND"). */
export const cleanSymbol = (s: string) => s.replace(/\s+/g, '').replace(/[–—‐‑]/g, '-');

/** "Số: 166 /KH-UBND", "Số:        /KH-UBND", "Số 122-KH/TU", "Số: 61/2018/NĐ-CP". */
export function parseNumberLine(line: string): NumberSymbol | null {
  const m = /^Số\s*[:.]?\s*(.*)$/iu.exec(line.trim());
  if (!m) return null;
  const rest = m[1]!.trim();
  // Party form: number-TYPE/ORG.
  const party = /^(\d+[a-zA-Z]?)\s*-\s*([\p{Lu}][\p{L}\d]*\s*\/\s*[\p{Lu}][\p{L}\d&-]*)/u.exec(rest);
  if (party) return { number: party[1]!, symbol: cleanSymbol(party[2]!) };
  const std = /^(\d+[a-zA-Z]?)?\s*\/\s*(?:(\d{4})\s*\/\s*)?([\p{Lu}][\p{L}\d&\s–-]*?)\s*$/u.exec(rest);
  if (std) {
    const out: NumberSymbol = { number: std[1] ?? null, symbol: cleanSymbol(std[3]!) };
    if (std[2]) out.year = std[2];
    return out;
  }
  return null;
}

export interface PlaceDate {
  place: string | null;
  /** ISO, as precise as printed: "2023-03-22", "2023-06", "2023". */
  date: string | null;
}

const pad = (n: string) => n.padStart(2, '0');

/** "Lai Châu, ngày      tháng 6 năm 2023" → { place: "Lai Châu", date: "2023-06" }. */
export function parsePlaceDate(line: string): PlaceDate | null {
  const t = line.trim();
  // Blanks left for the day and month are printed as spaces, dots or underscores ("ngày ..... tháng").
  const m = /^(?:(.{2,60}?)\s*,\s*)?ngày[\s.…_]*(\d{1,2})?[\s.…_]*(?:tháng|\/)[\s.…_]*(\d{1,2})?[\s.…_]*(?:năm|\/)\s*(\d{4})(?!\d)/iu.exec(t);
  if (!m) return null;
  const [, place, day, month, year] = m;
  let date = year!;
  if (month && +month >= 1 && +month <= 12) {
    date += `-${pad(month)}`;
    // A day the month does not have ("29/2/2023") is dropped: the date stays as precise as is certain.
    if (day && +day >= 1 && +day <= new Date(Date.UTC(+year!, +month, 0)).getUTCDate()) date += `-${pad(day)}`;
  }
  return { place: place ? place.trim() : null, date };
}

const NATIONAL = /^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$/u;
const MOTTO = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/iu;
/** Bodies whose name needs the next line's unit to be complete ("ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU"). */
const GENERIC_BODY = /^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|BAN CHẤP HÀNH|BAN THƯỜNG VỤ)$/u;
const UNIT_LINE = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+\S/u;

export const isNationalLine = (l: string) => NATIONAL.test(l.trim()) || MOTTO.test(l.trim());

/**
 * The issuing body from the header's name lines (parent body first): "ỦY BAN NHÂN DÂN" + "TỈNH LAI CHÂU"
 * → "UBND tỉnh Lai Châu"; "UBND TỈNH LÀO CAI" + "SỞ VĂN HÓA VÀ THỂ THAO" → "Sở Văn hóa và Thể thao tỉnh Lào Cai".
 */
export function issuerFromLines(lines: string[]): string | null {
  const names: string[] = [];
  for (const raw of lines) {
    const l = raw.trim().replace(/\s+/g, ' ');
    if (!l || !isAllCaps(l)) continue;
    const last = names[names.length - 1];
    if (last && GENERIC_BODY.test(last) && UNIT_LINE.test(l)) names[names.length - 1] = `${last} ${l}`;
    else names.push(l);
  }
  if (!names.length) return null;
  const own = caseAgencyName(names[names.length - 1]!);
  if (names.length === 1) return own;
  // A subordinate body takes its parent's jurisdiction when it does not print one.
  const parent = caseAgencyName(names[names.length - 2]!);
  const jur = /(?<![\p{L}\p{N}])((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) .+)$/u.exec(parent);
  if (jur && !/(?<![\p{L}\p{N}])(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) /u.test(own)) return `${own} ${jur[1]}`;
  return own;
}
