// Counterexamples the property tests found (shrunk), kept as plain tests.
import { describe, expect, it } from 'vitest';
import { normalize, pageAt } from '../../src/normalize/index.js';
import { cleanArtefacts } from '../../src/normalize/artefacts.js';
import { parseVnNumber } from '../../src/normalize/numbers.js';
import { parsePlaceDate } from '../../src/structure/header.js';
import { readDeadline } from '../../src/entities/deadlines.js';
import { readCell, readQuantities } from '../../src/entities/quantities.js';
import { findReferences } from '../../src/entities/references.js';
import { structure } from '../../src/structure/index.js';
import type { Block } from '../../src/types.js';
import { paragraphs } from '../helpers.js';

const ms = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

describe('property-test findings', () => {
  it('a line break or control character inside a source line does not survive into a normalised line', () => {
    const norm = normalize(paragraphs(['ỦY BAN NHÂN DÂN \r \u0000', 'A\u000bb\u2028c\u0085d']));
    expect(norm.lines.map((l) => l.text)).toEqual(['ỦY BAN NHÂN DÂN', 'A b c d']);
    expect(cleanArtefacts('Sở\u202e Nội\u200f vụ')).toBe('Sở Nội vụ');
  });

  it('an empty table row at the start does not share its offset (and page start) with the next line', () => {
    const blocks: Block[] = [
      { kind: 'table', rows: [{ cells: [], page: 1 }], pages: [1], bordered: true },
      { kind: 'paragraph', lines: [{ text: 'Nội dung', page: 2 }], page: 2 },
    ];
    const norm = normalize(blocks);
    expect(norm.text).toBe('\nNội dung');
    expect(pageAt(norm, norm.lines[0]!.start)).toBe(1);
    expect(pageAt(norm, norm.lines[1]!.start)).toBe(2);
  });

  it('cleaning is idempotent on nested artefacts (entities spelling tags or invisible characters)', () => {
    for (const s of ['&#8203;', '&lt;p&gt;', '&amp;lt;', '<<b>b>', '***a***']) expect(cleanArtefacts(cleanArtefacts(s))).toBe(cleanArtefacts(s));
    expect(cleanArtefacts('&#8203;')).toBe('');
    expect(cleanArtefacts('&amp;lt;')).toBe('<');
  });

  it('markup straddling the lines of a paragraph is cleaned on the whole paragraph, so normalising again changes nothing', () => {
    const cases = [
      ['- ', '+ ', 'Ủ'],
      ['!*trước ngày 30/6/2025', '* '],
      ['#', '¡'],
    ];
    for (const lines of cases) {
      const once = normalize([{ kind: 'paragraph', lines: lines.map((text) => ({ text, page: 1 })), page: 1 }]);
      const twice = normalize(paragraphs([once.text], 1));
      expect(twice.text).toBe(once.text);
    }
  });

  it('a table without rows does not stand between the two parts of a split paragraph', () => {
    const blocks: Block[] = [
      ...paragraphs(['¡'], 1),
      { kind: 'table', rows: [], pages: [], bordered: true },
      ...paragraphs(['từ 50% số TTHC trở lên'], 1),
    ];
    const once = normalize(blocks);
    expect(once.text).toBe('¡ từ 50% số TTHC trở lên');
    expect(normalize(paragraphs(once.lines.map((l) => l.text), 1)).text).toBe(once.text);
  });

  it('deadlines: a day the month does not have, or a monthly day past 31, is not read as a date', () => {
    expect(readDeadline('trong 31/2/2025', null)).toEqual({ kind: 'period', end: '2025-02-28', label: 'trong 31/2/2025' });
    expect(readDeadline('trước ngày 30/6/2025', null)).toMatchObject({ kind: 'date', end: '2025-06-30' });
    expect(readDeadline('vào ngày 99 hằng tháng', null)).toMatchObject({ kind: 'recurring', freq: 'monthly' });
    expect(readDeadline('vào ngày 99 hằng tháng', null)?.day).toBeUndefined();
  });

  it('an issue date with a day the month does not have keeps its month', () => {
    expect(parsePlaceDate('ngày 29/2/2023')).toEqual({ place: null, date: '2023-02' });
    expect(parsePlaceDate('ngày 29/2/2024')).toEqual({ place: null, date: '2024-02-29' });
  });

  it('a cited document dated on a day its month does not have keeps only its year', () => {
    const norm = normalize(paragraphs(['Căn cứ Kế hoạch số 12/KH-UBND ngày 29/2/2023 của UBND tỉnh']));
    const refs = findReferences(norm, structure(norm).regions.map(() => 'body' as const), structure(norm).meta);
    expect(refs[0]).toMatchObject({ id: '12/KH-UBND', date: '2023' });
  });

  it('a number too long for a double is not a value', () => {
    expect(parseVnNumber('1'.repeat(400))).toBeNull();
    expect(readCell('1'.repeat(400))).toBeNull();
  });

  it('long runs of digits, spaces and comparison signs are read in linear time', () => {
    const inputs = [
      '1'.repeat(50) + ' '.repeat(2900) + ';',
      '1'.repeat(200) + '\u000b'.repeat(2000),
      '1'.repeat(50) + '%' + ' '.repeat(3000) + ';',
      '>='.repeat(30) + 'x 5',
      '<'.repeat(1500) + '<p'.repeat(750) + '1',
    ];
    for (const s of inputs) expect(ms(() => (readQuantities(s), readCell(s), readDeadline(s, 2024)))).toBeLessThan(500);
    // The readings themselves are unchanged.
    expect(readCell('>= 90%')).toEqual({ comparator: '>=', value: 90, unit: '%' });
    expect(readCell('Từ 90% trở lên')).toEqual({ comparator: '>=', value: 90, unit: '%' });
    expect(readQuantities('đạt 98% - 100%')[0]).toMatchObject({ comparator: 'range', value: 98, valueMax: 100 });
  });
});
