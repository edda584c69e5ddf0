import { describe, expect, it } from 'vitest';
import { normalize, pageAt } from '../src/normalize/index.js';
import { cleanArtefacts } from '../src/normalize/artefacts.js';
import { parseVnNumber } from '../src/normalize/numbers.js';
import { foldKey, toOldToneStyle } from '../src/normalize/unicode.js';
import { paragraphs } from './helpers.js';

describe('normalize', () => {
  it('joins a sentence split by a page break and maps each part back to its page', () => {
    // 003 plan.pdf, pages 3→4: "…dứt điểm các vấn đề phát hiện qua kiểm tra. Các" / "cơ quan chuyên môn được giao…".
    const before = '- Triển khai công tác kiểm tra, hướng dẫn, đôn đốc việc thực hiện công tác CCHC của các cơ quan, đơn vị, các xã, thị trấn trên địa bàn huyện theo Kế hoạch của Chủ tịch UBND huyện; tham mưu xử lý kịp thời, dứt điểm các vấn đề phát hiện qua kiểm tra. Các';
    const after = 'cơ quan chuyên môn được giao chủ trì các nội dung CCHC chủ động triển khai việc kiểm tra theo Kế hoạch đã được UBND huyện ban hành đảm bảo thời gian, tiến độ, hiệu quả.';
    const norm = normalize([...paragraphs([before], 3), ...paragraphs([after], 4), ...paragraphs(['- Các cơ quan, đơn vị, các xã, thị trấn tiếp tục mở rộng'], 4)]);
    expect(norm.lines).toHaveLength(2);
    expect(norm.lines[0]!.text).toBe(`${before} ${after}`);
    const at = norm.text.indexOf('cơ quan chuyên môn được giao');
    expect(pageAt(norm, at - 5)).toBe(3);
    expect(pageAt(norm, at)).toBe(4);
    expect(norm.lines[1]!.page).toBe(4);
  });

  it('does not join a line ending a sentence or a following upper-case line', () => {
    const norm = normalize(paragraphs(['1. Mục đích', '- Tiếp tục đẩy mạnh thực hiện Chương trình tổng thể.', 'giải quyết TTHC']));
    expect(norm.lines.map((l) => l.text)).toEqual(['1. Mục đích', '- Tiếp tục đẩy mạnh thực hiện Chương trình tổng thể.', 'giải quyết TTHC']);
  });

  it('moves a footnote printed between the two parts of a split paragraph after it', () => {
    const norm = normalize([
      ...paragraphs(['Chỉ số PAR INDEX của tỉnh tăng'], 2),
      { kind: 'paragraph', lines: [{ text: '¹ Chỉ số % thành phần được tính bằng số điểm đạt được', page: 2 }], page: 2, role: 'footnote' },
      ...paragraphs(['bậc so với năm 2021.'], 3),
    ]);
    expect(norm.lines[0]!.text).toBe('Chỉ số PAR INDEX của tỉnh tăng bậc so với năm 2021.');
    expect(norm.lines[1]!.role).toBe('footnote');
  });

  it('removes conversion artefacts but keeps the text', () => {
    expect(cleanArtefacts('Số: *13* /CT-UBND')).toBe('Số: 13 /CT-UBND');
    expect(cleanArtefacts('**KT. GIÁM ĐỐC')).toBe('KT. GIÁM ĐỐC');
    expect(cleanArtefacts('Định kỳ **trước ngày 20 hàng tháng** báo cáo')).toBe('Định kỳ trước ngày 20 hàng tháng báo cáo');
    expect(cleanArtefacts('<p>Sở Nội vụ</p>')).toBe('Sở Nội vụ');
    expect(cleanArtefacts('<i>STT</i>')).toBe('STT');
    expect(cleanArtefacts('- + Nội dung tiêu chí 1.1')).toBe('+ Nội dung tiêu chí 1.1');
    expect(cleanArtefacts('Phòng Tài chính\u00a0– Kế\u200bhoạch')).toBe('Phòng Tài chính – Kếhoạch');
  });

  it('puts tone marks in one convention and keeps the printed form', () => {
    expect(toOldToneStyle('đa dạng hoá, sức khoẻ, Uỷ ban, thuỷ lợi, quý, hoàn thành')).toBe('đa dạng hóa, sức khỏe, Ủy ban, thủy lợi, quý, hoàn thành');
    const norm = normalize(paragraphs(['Đẩy mạnh đa dạng hoá các hình thức']));
    expect(norm.lines[0]!.text).toBe('Đẩy mạnh đa dạng hóa các hình thức');
    expect(norm.lines[0]!.printed).toBe('Đẩy mạnh đa dạng hoá các hình thức');
    expect(foldKey('Uỷ ban nhân dân')).toBe(foldKey('ỦY BAN NHÂN DÂN'));
  });

  it('reads numbers with a decimal comma and a thousands dot', () => {
    expect(parseVnNumber('86,29')).toEqual({ value: 86.29 });
    expect(parseVnNumber('9,6419')).toEqual({ value: 9.6419 });
    expect(parseVnNumber('1.000')).toEqual({ value: 1000 });
    expect(parseVnNumber('50.000')).toEqual({ value: 50000 });
    expect(parseVnNumber('0.86')).toEqual({ value: 0.86, dotDecimal: true });
    expect(parseVnNumber('02')).toEqual({ value: 2 });
    expect(parseVnNumber('abc')).toBeNull();
  });
});
