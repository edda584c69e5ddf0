import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { structure } from '../src/structure/index.js';
import { parseNumberLine, parsePlaceDate, issuerFromLines } from '../src/structure/header.js';
import { readSigner, readRecipients } from '../src/structure/closing.js';
import { parseMarker } from '../src/structure/markers.js';
import { walk } from '../src/structure/tree.js';
import { CANTHO, S000, S001, S003, S004, paragraphs, textStages } from './helpers.js';

describe('header block', () => {
  it('reads number, symbol, place and partial dates as printed', () => {
    expect(parseNumberLine('Số:        /KH-UBND')).toEqual({ number: null, symbol: 'KH-UBND' });
    expect(parseNumberLine('Số: 70 /KH-UBND')).toEqual({ number: '70', symbol: 'KH-UBND' });
    expect(parseNumberLine('Số: 61/2018/NĐ-CP')).toEqual({ number: '61', symbol: 'NĐ-CP', year: '2018' });
    expect(parseNumberLine('Số 122-KH/TU')).toEqual({ number: '122', symbol: 'KH/TU' });
    expect(parsePlaceDate('Lai Châu, ngày      tháng 6 năm 2023')).toEqual({ place: 'Lai Châu', date: '2023-06' });
    expect(parsePlaceDate('Lai Châu, ngày 21 tháng 8 năm 2019')).toEqual({ place: 'Lai Châu', date: '2019-08-21' });
    expect(parsePlaceDate('Tân Yên, ngày      tháng 02 năm 2023')).toEqual({ place: 'Tân Yên', date: '2023-02' });
  });

  it('builds the issuer from the header name lines, a subordinate body taking its parent jurisdiction', () => {
    expect(issuerFromLines(['ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU'])).toBe('UBND tỉnh Lai Châu');
    expect(issuerFromLines(['UBND TỈNH LÀO CAI', 'SỞ VĂN HÓA VÀ THỂ THAO'])).toBe('Sở Văn hóa và Thể thao tỉnh Lào Cai');
    expect(issuerFromLines(['ỦY BAN NHÂN DÂN', 'HUYỆN TÂN YÊN'])).toBe('UBND huyện Tân Yên');
  });

  it('reads the whole header of a real plan (000)', () => {
    const { meta } = textStages(S000).struct;
    expect(meta).toMatchObject({
      docType: 'KE_HOACH',
      number: null,
      symbol: 'KH-UBND',
      issuer: 'UBND tỉnh Lai Châu',
      place: 'Lai Châu',
      issuedDate: '2023-06',
    });
    expect(meta.title).toBe(
      'Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) tỉnh Lai Châu năm 2023',
    );
  });

  it('joins a two-line title (Cần Thơ scan transcription)', () => {
    const { meta } = textStages(CANTHO).struct;
    expect(meta.title).toBe('Thực hiện công tác dân vận và dân chủ ở cơ sở trên địa bàn thành phố Cần Thơ từ nay đến cuối năm 2025');
    expect(meta.number).toBe('70');
    expect(meta.issuedDate).toBe('2025-09-15');
  });
});

describe('signature block and recipients', () => {
  it('reads authority, position and name (004)', () => {
    expect(readSigner(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tông Thanh Hải'])).toEqual({
      authority: 'KT. CHỦ TỊCH',
      position: 'PHÓ CHỦ TỊCH',
      name: 'Tông Thanh Hải',
    });
    // A stray token (initials, stamp) between the lines is not part of the block.
    expect(readSigner(['TM. ỦY BAN NHÂN DÂN', 'Q. CHỦ TỊCH', 'trau', '(Đã ký)', 'Tổng Thanh Hải'])).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      position: 'Q. CHỦ TỊCH',
      name: 'Tổng Thanh Hải',
    });
  });

  it('reads Nơi nhận lines without markers, "(b/c)" and the Lưu line', () => {
    const r = readRecipients(['Nơi nhận:', '- TT HU, UBND huyện (b/c);', '- Công an, Chi cục Thuế KV TY-YT;', '- UBND các xã, thị trấn.', '- Lưu: VT; NV.', 'KT. CHỦ TỊCH']);
    expect(r.recipients).toEqual(['TT HU, UBND huyện', 'Công an, Chi cục Thuế KV TY-YT', 'UBND các xã, thị trấn']);
    expect(r.end).toBe(5);
  });

  it('finds both blocks in a real directive (004)', () => {
    const { meta } = textStages(S004).struct;
    expect(meta.signer).toEqual({ name: 'Tông Thanh Hải', position: 'PHÓ CHỦ TỊCH', authority: 'KT. CHỦ TỊCH' });
    expect(meta.recipients).toHaveLength(10);
    expect(meta.recipients[7]).toBe('Đài PT&TH tỉnh, Báo Lai Châu');
    expect(meta.docType).toBe('CHI_THI');
    expect(meta.number).toBe('13');
  });
});

describe('section tree', () => {
  it('parses the markers of the official layout', () => {
    expect(parseMarker('II. MỤC TIÊU CHỈ SỐ PAR INDEX')).toMatchObject({ kind: 'roman', marker: 'II.', ordinal: 2 });
    expect(parseMarker('1.2. Phân công trách nhiệm')).toMatchObject({ kind: 'decimal2', marker: '1.2.' });
    expect(parseMarker('đ) Đối với Chỉ số thành phần')).toMatchObject({ kind: 'letter', marker: 'đ)' });
    expect(parseMarker('+ Tuyển dụng công chức')).toMatchObject({ kind: 'plus' });
    expect(parseMarker('1.000 người tham gia').kind).toBe('none');
  });

  it('nests sections, items and unmarked paragraphs (001)', () => {
    const { struct } = textStages(S001);
    const roman = struct.sections.map((s) => s.marker);
    expect(roman).toEqual(['I.', 'II.', 'III.']);
    const ii = struct.sections[1]!;
    expect(ii.children.map((c) => c.marker)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    const s5 = ii.children[4]!.children[0]!; // 5.1. Nội dung
    const intro = s5.children[1]!; // "- Thực hiện đầy đủ, đúng quy định về:"
    expect(intro.text).toBe('Thực hiện đầy đủ, đúng quy định về:');
    expect(intro.children.map((c) => c.kind)).toEqual(['plus', 'plus']);
    // III.1 has two unmarked paragraphs under its heading.
    const iii1 = struct.sections[2]!.children[0]!;
    expect(iii1.children.map((c) => c.kind)).toEqual(['none', 'none']);
  });

  it('keeps an unmarked "Giao …:" paragraph at the level of the items before it (004 section 2)', () => {
    const { struct } = textStages(S004);
    const s2 = struct.sections.find((s) => s.text.startsWith('Về chỉ số SIPAS'))!;
    expect(s2.children.map((c) => c.kind)).toEqual(['none', 'dash', 'dash', 'none', 'none']);
    expect(s2.children[3]!.text.startsWith('Giao Văn phòng UBND tỉnh:')).toBe(true);
  });

  it('separates preamble, body, closing, recipients, signature and appendix (003)', () => {
    const { struct, norm } = textStages(S003);
    const regionOf = (prefix: string) => struct.regions[norm.lines.findIndex((l) => l.text.startsWith(prefix))];
    expect(regionOf('Ngày 31/12/2022')).toBe('preamble');
    expect(regionOf('I. MỤC ĐÍCH')).toBe('body');
    expect(regionOf('Chủ tịch UBND huyện Tân Yên yêu cầu')).toBe('closing');
    expect(regionOf('- Công an, Chi cục Thuế')).toBe('recipients');
    expect(regionOf('Ngô Quốc Hưng')).toBe('signature');
    expect(struct.appendices).toHaveLength(1);
    expect(struct.appendices[0]!.title).toBe('MỤC TIÊU PHÂN ĐẦU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH HUYỆN TÂN YÊN NĂM 2023');
    expect(struct.appendices[0]!.nodes.some((n) => n.table !== undefined)).toBe(true);
  });

  it('gives every body paragraph a node with its offsets', () => {
    const { struct, norm } = textStages(S000);
    const nodes = [...walk(struct.sections)].map(([n]) => n);
    const n = nodes.find((x) => x.text.startsWith('Tổ chức kiểm tra cải cách hành chính'))!;
    expect(norm.text.slice(n.start, n.end)).toBe(`- ${n.text}`);
    expect(nodes.filter((x) => x.kind === 'dash').length).toBeGreaterThan(25);
  });

  it('handles a header that only has a Số line and a type (fragment)', () => {
    const norm = normalize(paragraphs(['Số: 05/BNV-VP', 'Hà Nội, ngày 05 tháng 01 năm 2020', 'V/v hướng dẫn thực hiện', 'Kính gửi: Các Bộ, ngành']));
    const s = structure(norm);
    expect(s.meta.docType).toBe('CONG_VAN');
    expect(s.meta.title).toBe('hướng dẫn thực hiện');
    expect(s.meta.issuedDate).toBe('2020-01-05');
  });
});

describe('all samples', () => {
  it.each([S000, S001, S003, S004, CANTHO])('%s has a signer and recipients', (id) => {
    const { meta } = textStages(id).struct;
    expect(meta.signer?.name).toBeTruthy();
    expect(meta.recipients.length).toBeGreaterThan(2);
  });
});

describe('OCR-damaged markers', () => {
  it('restores a letter marker read as a lone character between its lettered siblings (004 scan: "f)" read as "Đ")', () => {
    const norm = normalize(
      paragraphs([
        'KẾ HOẠCH',
        'Thực hiện nhiệm vụ',
        'I. NHIỆM VỤ',
        'e) Sở Thông tin và Truyền thông',
        '- Thực hiện chế độ báo cáo, thống kê tình hình ứng dụng công nghệ thông tin.',
        'Đ Sở Kế hoạch và Đầu tư',
        '- Tăng cường công tác tham mưu, đề xuất cho Ủy ban nhân dân tỉnh.',
        'g) Sở Tài chính',
        '- Chủ trì tham mưu cho Ủy ban nhân dân tỉnh.',
      ]),
    );
    const letters = [...walk(structure(norm).sections)].map(([n]) => n).filter((n) => n.kind === 'letter');
    expect(letters.map((n) => [n.marker, n.text])).toEqual([
      ['e)', 'Sở Thông tin và Truyền thông'],
      ['f)', 'Sở Kế hoạch và Đầu tư'],
      ['g)', 'Sở Tài chính'],
    ]);
    expect(letters[1]!.children.map((c) => c.text)).toEqual(['Tăng cường công tác tham mưu, đề xuất cho Ủy ban nhân dân tỉnh.']);
  });
});

