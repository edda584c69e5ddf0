// List and heading markers of the official layout (NĐ 30 Phụ lục I): Phần → I. → 1. → 1.1. → a) → - → +.
import type { MarkerKind } from '../types.js';

export interface ParsedMarker {
  kind: MarkerKind;
  marker: string | null;
  /** The text after the marker. */
  rest: string;
  /** Numeric value where the marker has one (roman/arabic/letter index), for sequence checks. */
  ordinal?: number;
}

/** Canonical nesting rank: a marker of lower rank encloses those of higher rank. */
export const RANK: Record<MarkerKind, number> = {
  part: 0,
  chapter: 1,
  article: 2,
  roman: 3,
  arabic: 4,
  decimal2: 5,
  decimal3: 6,
  letter: 7,
  dash: 8,
  plus: 9,
  bullet: 10,
  none: 11,
};

export const VN_LETTERS = 'abcdđefghijklmnopqrstuvwxyz';

const PATTERNS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'part', re: /^((?:PHẦN|Phần)\s+(?:[IVXL]+|thứ\s+\S+|\d+))[.:]?\s*(.*)$/u },
  { kind: 'chapter', re: /^((?:CHƯƠNG|Chương)\s+[IVXL]+)[.:]?\s*(.*)$/u },
  { kind: 'article', re: /^(Điều\s+\d+[a-z]?\.)\s*(.*)$/u },
  // "II.", "II-", "IV/" followed by text; a lone Roman numeral in a table row is not a heading.
  { kind: 'roman', re: /^([IVXL]{1,6}[.\-/])\s*(\S.*)$/u },
  { kind: 'decimal3', re: /^(\d{1,2}\.\d{1,2}\.\d{1,2}\.?)\s+(\S.*)$/u },
  { kind: 'decimal2', re: /^(\d{1,2}\.\d{1,2}\.?)\s+(\S.*)$/u },
  { kind: 'arabic', re: /^(\d{1,2}[.)])\s*(\S.*)$/u },
  { kind: 'letter', re: /^([a-zđ][)])\s*(\S.*)$/u },
  { kind: 'dash', re: /^([-–—])\s*(\S.*)$/u },
  { kind: 'plus', re: /^(\+)\s*(\S.*)$/u },
  { kind: 'bullet', re: /^([•·●▪◦*])\s*(\S.*)$/u },
];

export function parseMarker(line: string): ParsedMarker {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const marker = m[1]!;
    const rest = (m[2] ?? '').trim();
    // "1.000 người" or "2.5%" is a number, not a marker; "1." must be followed by a space or a letter.
    if (kind === 'arabic' && /^\d/.test(rest)) continue;
    if (kind === 'roman' && !/^\p{L}|^["“(]/u.test(rest)) continue;
    const out: ParsedMarker = { kind, marker, rest };
    if (kind === 'roman') {
      const n = romanValue(marker.slice(0, -1));
      if (n) out.ordinal = n;
    } else if (kind === 'arabic') out.ordinal = parseInt(marker, 10);
    else if (kind === 'letter') out.ordinal = VN_LETTERS.indexOf(marker[0]!) + 1;
    return out;
  }
  return { kind: 'none', marker: null, rest: line };
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!] ?? 0;
    const b = v[s[i + 1] ?? ''] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}
