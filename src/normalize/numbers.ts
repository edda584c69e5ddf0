// Numbers as Vietnamese documents print them: decimal comma, thousands dot, zero-padded counts.

export interface ParsedNumber {
  value: number;
  /** A dot read as a decimal point ("0.86") where the convention wants a comma: worth a finding. */
  dotDecimal?: boolean;
}

/** The numeric token pattern: "86,29", "1.000", "50.000", "0.86", "02", "9,6419". */
export const NUMBER_PATTERN = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const WHOLE = new RegExp(`^(?:${NUMBER_PATTERN})$`);

/**
 * Read one numeric token. One dot followed by exactly three digits is a thousands separator
 * ("1.000"); any other dot is taken as a decimal point and flagged.
 */
export function parseVnNumber(token: string): ParsedNumber | null {
  const t = token.trim().replace(/\s+/g, '');
  if (!WHOLE.test(t)) return null;
  if (t.includes(',')) {
    const value = Number(t.replace(/\./g, '').replace(',', '.'));
    return Number.isFinite(value) ? { value } : null;
  }
  const dots = t.split('.').length - 1;
  // Hundreds of digits overflow to Infinity: not a number anyone printed as a value.
  const finite = (value: number, extra: Omit<ParsedNumber, 'value'> = {}) => (Number.isFinite(value) ? { value, ...extra } : null);
  if (dots === 0) return finite(Number(t));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) return finite(Number(t.replace(/\./g, '')));
  if (dots === 1) return finite(Number(t), { dotDecimal: true });
  return null;
}

/** The first number in a string, with its offset, or null. */
export function firstNumber(s: string): { value: number; index: number; length: number; dotDecimal?: boolean } | null {
  const m = new RegExp(NUMBER_PATTERN).exec(s);
  if (!m) return null;
  const p = parseVnNumber(m[0]);
  return p ? { ...p, index: m.index, length: m[0].length } : null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "IV" → 4; null for anything that is not a plain Roman numeral. */
export function romanToInt(s: string): number | null {
  const t = s.toUpperCase();
  if (!/^[IVXLC]+$/.test(t)) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!;
    const next = i + 1 < t.length ? ROMAN[t[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}
