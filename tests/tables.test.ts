import { describe, expect, it } from 'vitest';
import { extractTables, typeCell } from '../src/entities/tables.js';
import { normalize } from '../src/normalize/index.js';
import type { TableBlock } from '../src/types.js';
import { S000, S003, textStages } from './helpers.js';

const row = (cells: string[], page: number | null = null) => ({ cells: cells.map((text) => ({ text, colSpan: 1, rowSpan: 1 })), page });

describe('tables', () => {
  it('finds two header rows, carries merged cells down and strips footnote calls (000)', () => {
    const { norm } = textStages(S000);
    const [t] = extractTables(norm);
    expect(t!.header).toEqual(['STT', 'Chỉ số thành phần', 'Chỉ số', 'Thứ hạng (trên 63 tỉnh, thành phố)', 'Chỉ số', 'Thứ hạng', 'Đơn vị thực hiện/theo dõi']);
    expect(t!.headerRows).toHaveLength(2);
    expect(t!.rows).toHaveLength(10);
    expect(t!.cols).toBe(7);
    expect(t!.rows[8]![1]).toBe('Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)');
    expect(t!.cells[0]![2]).toEqual({ text: '89,47%', type: 'percent', value: 89.47 });
    expect(t!.cells[0]![5]).toEqual({ text: '40-43', type: 'range', value: 40, valueMax: 43 });
    expect(t!.cells[7]![2]).toMatchObject({ type: 'number', value: 79.53 });
  });

  it('reads the 49-row appendix score table of 003', () => {
    const { norm } = textStages(S003);
    const [t] = extractTables(norm);
    expect(t!.rows).toHaveLength(49);
    expect(t!.header[4]).toBe('Mục tiêu năm 2023');
    expect(t!.rows[48]![0]).toBe('Tổng điểm');
    expect(t!.cells[1]![3]).toMatchObject({ type: 'number', value: 2.8919 });
  });

  it('joins a table continued over a page break: repeated header dropped, split row mended', () => {
    // 000 plan.pdf: the target table runs from page 2 to 3, header repeated, row 8's last cell split.
    const header1 = ['STT', 'Chỉ số thành phần', 'Năm 2022', '', 'Mục tiêu năm 2023', '', 'Đơn vị thực hiện/theo dõi'];
    const header2 = ['', '', 'Chỉ số¹', 'Thứ hạng² (trên 63 tỉnh, thành phố)', 'Chỉ số', 'Thứ hạng', ''];
    const part1: TableBlock = {
      kind: 'table',
      bordered: true,
      pages: [2],
      rows: [row(header1, 2), row(header2, 2), row(['7', 'Hiện đại hóa hành chính', '77,62%', '26', 'Từ 80% trở lên', '25-26', 'Sở Thông tin và Truyền thông'], 2),
        row(['8', 'Tác động của CCHC đến phát triển kinh tế - xã hội của tỉnh', '79,53', '33', 'Từ 80% trở lên', '32-33', 'Các sở, ban, ngành, địa phương (Sở Kế hoạch và'], 2)],
    };
    const part2: TableBlock = {
      kind: 'table',
      bordered: true,
      pages: [3],
      continuedFromPrevious: true,
      rows: [row(header1, 3), row(header2, 3), row(['', '', '', '', '', '', 'Đầu tư chủ trì)'], 3),
        row(['', 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', '79,34%', '35', 'Trên 80%', '30-35', 'Các sở, ban, ngành, địa phương (Sở Nội vụ theo dõi)'], 3)],
    };
    const [t, ...rest] = extractTables(normalize([part1, part2]));
    expect(rest).toHaveLength(0);
    expect(t!.pages).toEqual([2, 3]);
    expect(t!.rows).toHaveLength(3);
    expect(t!.rows[1]![6]).toBe('Các sở, ban, ngành, địa phương (Sở Kế hoạch và Đầu tư chủ trì)');
    expect(t!.rows[2]![1]).toBe('Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)');
  });

  it('expands column and row spans into the grid', () => {
    const t: TableBlock = {
      kind: 'table',
      bordered: true,
      pages: [],
      rows: [
        { cells: [{ text: 'STT', colSpan: 1, rowSpan: 2 }, { text: 'Năm 2022', colSpan: 2, rowSpan: 1 }], page: null },
        { cells: [{ text: 'Chỉ số', colSpan: 1, rowSpan: 1 }, { text: 'Thứ hạng', colSpan: 1, rowSpan: 1 }], page: null },
        { cells: [{ text: '1', colSpan: 1, rowSpan: 1 }, { text: '89,47%', colSpan: 1, rowSpan: 1 }, { text: '43', colSpan: 1, rowSpan: 1 }], page: null },
      ],
    };
    const [out] = extractTables(normalize([t]));
    expect(out!.header).toEqual(['STT', 'Chỉ số', 'Thứ hạng']);
    expect(out!.rows).toEqual([['1', '89,47%', '43']]);
  });

  it('types cells', () => {
    expect(typeCell('24/63')).toEqual({ text: '24/63', type: 'rank', value: 24, outOf: 63 });
    expect(typeCell('Từ 90% trở lên')).toEqual({ text: 'Từ 90% trở lên', type: 'comparison', value: 90 });
    expect(typeCell('Sở Tư pháp').type).toBe('text');
    expect(typeCell('+ 3')).toMatchObject({ type: 'number', value: 3 });
  });
});
