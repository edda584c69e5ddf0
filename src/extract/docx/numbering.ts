// Automatic list numbering: the printed marker ("1.", "a)", "I.", "-") is not in a paragraph's text
// when Word numbers it. Synthesised from numbering.xml with running counters per list and level.
import type { NumberingLevel } from './parts.js';

const LETTERS = 'abcdeghiklmnopqrstuvxy'; // the Vietnamese alphabet order used for điểm (no f, j, w, z)

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return LETTERS[(n - 1) % LETTERS.length]!;
    case 'upperLetter':
      return LETTERS[(n - 1) % LETTERS.length]!.toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}

export class ListCounter {
  private counters = new Map<string, number[]>();

  constructor(private readonly numbering: Map<string, Map<number, NumberingLevel>>) {}

  /** The marker for the next paragraph of list numId at level ilvl. */
  next(numId: string, ilvl: number): string | null {
    const levels = this.numbering.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return null;
    if (level.format === 'bullet' || level.format === 'none') return level.format === 'none' ? null : ilvl === 0 ? '-' : '+';
    const c = this.counters.get(numId) ?? [];
    for (let i = 0; i <= ilvl; i++) if (c[i] === undefined) c[i] = (levels.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0);
    c[ilvl] = (c[ilvl] ?? 0) + 1;
    c.length = ilvl + 1; // deeper levels restart
    this.counters.set(numId, c);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(c[i] ?? 1, levels.get(i)?.format ?? 'decimal');
    });
  }
}

/** Where numbering.xml is missing or unaligned: a generic marker from mammoth's ordered/level flags. */
export function genericMarker(isOrdered: boolean, level: number, counter: number): string {
  if (!isOrdered) return level === 0 ? '-' : '+';
  return level === 0 ? `${counter}.` : level === 1 ? `${LETTERS[(counter - 1) % LETTERS.length]})` : '-';
}
