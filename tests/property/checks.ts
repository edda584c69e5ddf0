// Checks shared by the property tests.
import { expect } from 'vitest';
import { pageAt } from '../../src/normalize/index.js';
import { stripDiacritics } from '../../src/normalize/unicode.js';
import { Deadline } from '../../src/document/schema.js';
import type { readDeadline } from '../../src/entities/deadlines.js';
import type { NormalizedText } from '../../src/types.js';

/** A real calendar date in ISO form (YYYY-MM-DD). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(2000, +m[2]! - 1, +m[3]!));
  d.setUTCFullYear(+m[1]!, +m[2]! - 1, +m[3]!); // years 0–99 too
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export function checkDeadline(d: ReturnType<typeof readDeadline>, text: string): void {
  if (!d) return;
  expect(Deadline.safeParse(d).success).toBe(true);
  if (d.end !== undefined) expect(isRealDate(d.end), `end ${d.end}`).toBe(true);
  if (d.start !== undefined) expect(isRealDate(d.start), `start ${d.start}`).toBe(true);
  if (d.day !== undefined) expect(d.day >= 1 && d.day <= 31, `day ${d.day}`).toBe(true);
  // The label is printed in the text (the reader may only change its case).
  expect(d.label.length).toBeGreaterThan(0);
  expect(text.toLowerCase().includes(d.label.toLowerCase()), `label ${JSON.stringify(d.label)}`).toBe(true);
}

/** Offsets and texts of the normalised text agree with each other. */
export function checkNormInvariants(norm: NormalizedText): void {
  const { text, lines } = norm;
  let prevEnd = 0;
  for (const [i, l] of lines.entries()) {
    expect(0 <= l.start && l.start <= l.end && l.end <= text.length, `line ${i} in bounds`).toBe(true);
    expect(text.slice(l.start, l.end)).toBe(l.text);
    expect(l.start, `line ${i} starts after the previous one`).toBeGreaterThanOrEqual(prevEnd);
    // Between lines there is only the line break.
    expect(/^\n?$/.test(text.slice(prevEnd, l.start)), `only a newline before line ${i}`).toBe(true);
    // A line of the normalised text never holds a line break of its own.
    expect(/[\n\r\u2028\u2029]/.test(l.text), `line ${i} has no line break: ${JSON.stringify(l.text.slice(0, 80))}`).toBe(false);
    if (l.page !== null) expect(pageAt(norm, l.start), `page of line ${i}`).toBe(l.page);
    if (l.printed !== undefined) {
      expect(l.printed).not.toBe(l.text);
      // Only tone marks move: the letters are the printed ones.
      expect(stripDiacritics(l.printed)).toBe(stripDiacritics(l.text));
    }
    prevEnd = l.end;
  }
  expect(text.slice(prevEnd)).toBe('');
  // Cells: inside their row's line, in order, tab-separated, holding no tab or line break.
  for (const [ti, t] of norm.tables.entries()) {
    for (const row of t.rows) {
      const l = lines[row.line]!;
      expect(l.kind).toBe('table-row');
      expect(l.table).toBe(ti);
      let at = l.start;
      row.cells.forEach((c, ci) => {
        if (ci) expect(text[at]).toBe('\t'), at++;
        expect(c.start).toBe(at);
        expect(text.slice(c.start, c.end)).toBe(c.text);
        expect(/[\t\n\r]/.test(c.text)).toBe(false);
        at = c.end;
      });
      expect(at).toBe(row.cells.length ? l.end : l.start);
    }
  }
  // Page starts: sorted, inside the text, positive pages.
  norm.pageStarts.forEach((p, i) => {
    expect(p.offset >= 0 && p.offset <= text.length).toBe(true);
    expect(Number.isInteger(p.page) && p.page >= 1).toBe(true);
    if (i) expect(p.offset).toBeGreaterThan(norm.pageStarts[i - 1]!.offset);
    if (i) expect(p.page).not.toBe(norm.pageStarts[i - 1]!.page);
  });
}

