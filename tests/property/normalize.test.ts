// Property tests of the normaliser: it never throws or hangs, it is idempotent, and every offset it
// emits (lines, cells, page starts) lies in the text and maps back to the source blocks it came from.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, pageAt } from '../../src/normalize/index.js';
import { cleanArtefacts } from '../../src/normalize/artefacts.js';
import { stripDiacritics, toOldToneStyle } from '../../src/normalize/unicode.js';
import { checkNormInvariants } from './checks.js';
import type { Block, NormalizedText, NormLine } from '../../src/types.js';
import { blocksArb, params, TEST_TIMEOUT, timed, TIME_BOUND } from './arbitraries.js';

/** Each source piece lands, cleaned and in the one tone style, on a line of its kind and on its page. */
function checkMapsBack(blocks: Block[], norm: NormalizedText): void {
  const form = (s: string) => toOldToneStyle(s.normalize('NFC'));
  const paraLines = norm.lines.filter((l) => l.kind === 'paragraph');
  // Letters and digits only: a paragraph whose markup straddles its lines is cleaned as a whole.
  const key = (s: string) => stripDiacritics(s).replace(/[^\p{L}\p{N}]/gu, '');
  const onePage = (x: NormLine) => !norm.pageStarts.some((p) => p.offset > x.start && p.offset < x.end);
  const found = (piece: string, page: number | null, settled = false) => {
    const at = paraLines.filter((l) => l.text.includes(piece));
    if (at.some((l) => {
      for (let i = l.text.indexOf(piece); i >= 0; i = l.text.indexOf(piece, i + 1)) if (page === null || pageAt(norm, l.start + i) === page) return true;
      return false;
    })) return true;
    // A settled paragraph (pieces cleaned as a whole, also across a join) sits on its first page.
    if (at.length && !settled) return at.some(onePage);
    // Markup straddling the lines of a paragraph may be cleaned away with the markers around it.
    return settled || /[#*<>&+\-–_|]/u.test(piece) || paraLines.some((x) => key(x.text).includes(key(piece)) && onePage(x));
  };
  let tableIdx = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      // A paragraph whose markup straddles its lines is cleaned as a whole, on its first page.
      const pieces = b.lines.map((l) => cleanArtefacts(l.text)).filter(Boolean).join(' ');
      const settled = cleanArtefacts(pieces) !== pieces;
      for (const sl of b.lines) {
        const piece = form(cleanArtefacts(sl.text));
        if (piece) expect(found(piece, sl.page, settled), `piece ${JSON.stringify(piece.slice(0, 60))} on page ${sl.page}`).toBe(true);
      }
    } else if (!b.bordered) {
      for (const r of b.rows)
        for (const c of r.cells)
          for (const part of c.text.split('\n')) {
            const piece = form(cleanArtefacts(part));
            if (piece) expect(found(piece, r.page)).toBe(true);
          }
    } else if (b.rows.length) {
      const t = norm.tables[tableIdx++]!;
      expect(t.rows.length).toBe(b.rows.length);
      b.rows.forEach((r, ri) => {
        expect(t.rows[ri]!.cells.map((c) => c.text)).toEqual(r.cells.map((c) => form(cleanArtefacts(c.text.replace(/\n+/g, ' ')))));
        if (r.page !== null) expect(pageAt(norm, norm.lines[t.rows[ri]!.line]!.start)).toBe(r.page);
      });
    }
  }
  expect(tableIdx).toBe(norm.tables.length);
}

/** The normalised text handed back to the normaliser as blocks: one line per paragraph, tables as tables. */
export function blocksOf(norm: NormalizedText): Block[] {
  const out: Block[] = [];
  for (const l of norm.lines) {
    if (l.kind === 'paragraph') {
      out.push({
        kind: 'paragraph',
        lines: [{ text: l.text, page: l.page }],
        page: l.page,
        ...(l.role ? { role: l.role } : {}),
        ...(l.column ? { column: l.column } : {}),
        ...(l.bold ? { bold: true } : {}),
        ...(l.align ? { align: l.align } : {}),
      });
    } else if (l.row === 0) {
      const t = norm.tables[l.table!]!;
      out.push({
        kind: 'table',
        rows: t.rows.map((r) => ({ cells: r.cells.map((c) => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan })), page: r.page, ...(r.isHeader ? { isHeader: true } : {}) })),
        pages: t.pages,
        bordered: true,
        ...(t.continuedFromPrevious ? { continuedFromPrevious: true } : {}),
      });
    }
  }
  return out;
}

describe('normalize (properties)', () => {
  it('never throws or hangs, and its offsets agree with its text', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => {
        const { value: norm, ms } = timed(() => normalize(blocks));
        expect(ms).toBeLessThan(TIME_BOUND);
        checkNormInvariants(norm);
      }),
      params(800),
    );
  }, TEST_TIMEOUT);

  it('maps every source piece back to a line of the text, on its page', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => checkMapsBack(blocks, normalize(blocks))),
      params(800),
    );
  }, TEST_TIMEOUT);

  it('is idempotent: the normalised text, normalised again, is unchanged', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => {
        const once = normalize(blocks);
        const twice = normalize(blocksOf(once));
        expect(twice.text).toBe(once.text);
        expect(twice.lines.map((l) => l.text)).toEqual(once.lines.map((l) => l.text));
      }),
      params(800),
    );
  }, TEST_TIMEOUT);

  it('cleanArtefacts and toOldToneStyle are idempotent on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), blocksArb.map((b) => (b[0]?.kind === 'paragraph' ? b[0].lines[0]!.text : ''))), (s) => {
        const c = cleanArtefacts(s);
        expect(cleanArtefacts(c)).toBe(c);
        const t = toOldToneStyle(s.normalize('NFC'));
        expect(toOldToneStyle(t.normalize('NFC'))).toBe(t);
      }),
      params(1500),
    );
  }, TEST_TIMEOUT);
});
