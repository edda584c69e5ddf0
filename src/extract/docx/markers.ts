// The printed marker of an automatically numbered paragraph ("1.", "a)", "II.", "1.2.", "-"): Word
// draws it, so it is not in the text. Rebuilt with running counters, the way Word counts.
import type { Level, Numbering } from './numbering.js';

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** Word's letter numbering: a … z, then aa … zz (it knows no Vietnamese alphabet: "f" follows "e"). */
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

export function formatNumber(n: number, format: string): string {
  if (n <= 0 && format !== 'decimal') return String(n);
  switch (format) {
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      // decimal, and the formats with no plain-text form here (ordinal words, enclosed digits…).
      return String(n);
  }
}

const DASHES = new Set(['-', '–', '—', '−', '‐', '\uf02d']);
const PLUSES = new Set(['+', '\uf02b']);

/**
 * A bullet printed the way the body text writes it: a dash or plus glyph as such, any other glyph
 * (•, ▪, o, Symbol/Wingdings private-use characters) "-" on the first bullet level and "+" deeper.
 */
function bullet(levels: Map<number, Level>, ilvl: number, glyph: string): string | null {
  const g = glyph.trim();
  if (!g) return null;
  if (DASHES.has(g)) return '-';
  if (PLUSES.has(g)) return '+';
  let shallowerBullets = 0;
  for (const [k, l] of levels) if (k < ilvl && l.format === 'bullet') shallowerBullets++;
  return shallowerBullets === 0 ? '-' : '+';
}

export class ListCounter {
  /** abstractNumId → counter per level (undefined: level not used yet). */
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly seenInstances = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The marker of the next paragraph on list numId, level ilvl, or null when it prints none. */
  next(numId: string, ilvl: number): string | null {
    const list = this.numbering.get(numId);
    const level = list?.levels.get(ilvl);
    if (!list || !level) return null;
    let c = this.counts.get(list.abstractId);
    if (!c) this.counts.set(list.abstractId, (c = []));
    // A list instance with start overrides restarts those levels when it is first used.
    if (!this.seenInstances.has(numId)) {
      this.seenInstances.add(numId);
      for (const [k, start] of list.startOverrides) {
        c[k] = start - 1;
        for (let d = k + 1; d < c.length; d++) c[d] = undefined;
      }
    }
    c[ilvl] = (c[ilvl] ?? level.start - 1) + 1;
    // Deeper levels restart after a shallower one advances (unless w:lvlRestart says otherwise).
    for (let d = ilvl + 1; d < c.length; d++) {
      const restartAfter = list.levels.get(d)?.restart ?? d;
      if (ilvl < restartAfter) c[d] = undefined;
    }
    if (level.format === 'bullet') return bullet(list.levels, ilvl, level.text);
    const text = level.text.replace(/%(\d)/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const l = list.levels.get(k);
      if (k > ilvl || !l) return '';
      const n = c[k] ?? l.start;
      return formatNumber(n, level.legal ? 'decimal' : l.format);
    });
    return text.trim() ? text.trim() : null;
  }
}

/** When a paragraph's list cannot be resolved: a plausible marker from mammoth's ordered/level flags. */
export function genericMarker(isOrdered: boolean, level: number, counter: number): string {
  if (!isOrdered) return level === 0 ? '-' : '+';
  return level === 0 ? `${counter}.` : level === 1 ? `${letter(counter)})` : '-';
}
