// The agency registry: lists split into bodies, distributive heads, titles dropped, abbreviations
// and field names canonicalised, jurisdiction from the issuer, damaged names matched by distance.
import { describe, expect, it } from 'vitest';
import { canonicalName, closestKnownName, parseAgencyList } from '../src/registry/agencies.js';
import { jurisdictionsOf, withJurisdiction } from '../src/registry/jurisdiction.js';

const names = (phrase: string) => parseAgencyList(phrase).map((a) => a.name);

describe('parseAgencyList', () => {
  it('distributes "Các Sở: Nội vụ, Khoa học và Công nghệ" over its items (000 target table)', () => {
    expect(names('Các Sở: Nội vụ, Khoa học và Công nghệ, các thành viên Ban Chỉ đạo CCHC tỉnh')).toEqual([
      'Sở Nội vụ',
      'Sở Khoa học và Công nghệ',
      'Ban Chỉ đạo CCHC tỉnh', // its members' title dropped: the body
    ]);
  });

  it('lends a head to the items after it and keeps names with commas and "và" whole (003)', () => {
    expect(names('Phòng Văn hóa – Thông tin, Nội vụ, Văn phòng HĐND và UBND huyện')).toEqual([
      'Phòng Văn hóa – Thông tin',
      'Phòng Nội vụ',
      'Văn phòng HĐND và UBND huyện',
    ]);
    expect(names('Phòng Tài chính – Kế hoạch, Thanh tra nhà nước huyện')).toEqual(['Phòng Tài chính – Kế hoạch', 'Thanh tra nhà nước huyện']);
  });

  it('drops persons’ titles and keeps collectives in the document’s words', () => {
    expect(names('Thủ trưởng các Sở, ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thành phố')).toEqual([
      'Các Sở, ban, ngành tỉnh',
      'UBND các huyện, thành phố',
    ]);
    expect(names('Cấp ủy, chính quyền, cơ quan nhà nước các cấp')).toEqual(['Cấp ủy, chính quyền, cơ quan nhà nước các cấp']);
    expect(names('Các sở, ban ngành thành phố, các cơ quan, đơn vị trung ương, doanh nghiệp nhà nước đóng trên địa bàn thành phố')).toEqual([
      'Các sở, ban ngành thành phố',
      'Các cơ quan, đơn vị trung ương đóng trên địa bàn thành phố',
      'Doanh nghiệp nhà nước đóng trên địa bàn thành phố',
    ]);
  });

  it('expands field abbreviations after a field head', () => {
    expect(canonicalName('Sở TT&TT')).toBe('Sở Thông tin và Truyền thông');
    expect(canonicalName('Phòng Văn hóa – TT')).toBe('Phòng Văn hóa – Thông tin');
    expect(canonicalName('Ủy ban nhân dân tỉnh')).toBe('UBND tỉnh');
  });
});

describe('jurisdiction and damaged names', () => {
  it('takes whose body an agency is from the issuer', () => {
    const lai = jurisdictionsOf(['ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU'], '');
    expect(lai).toEqual({ province: 'tỉnh Lai Châu', district: null });
    const [sở] = parseAgencyList('Sở Nội vụ');
    expect(withJurisdiction(sở!, lai).jurisdiction).toBe('tỉnh Lai Châu');
    const tanYen = jurisdictionsOf(['ỦY BAN NHÂN DÂN', 'HUYỆN TÂN YÊN'], 'UBND tỉnh Bắc Giang … Chủ tịch UBND tỉnh Bắc Giang');
    expect(tanYen).toEqual({ province: 'tỉnh Bắc Giang', district: 'huyện Tân Yên' });
    const [phòng] = parseAgencyList('Phòng Nội vụ');
    expect(withJurisdiction(phòng!, tanYen).jurisdiction).toBe('huyện Tân Yên');
    // A name that says its place keeps it.
    const [ubnd] = parseAgencyList('UBND tỉnh Lai Châu');
    expect(withJurisdiction(ubnd!, tanYen).jurisdiction).toBeUndefined();
  });

  it('matches OCR-damaged or shortened names to known ones by string distance', () => {
    expect(closestKnownName('Sở Nội vu')).toBe('Sở Nội vụ');
    expect(closestKnownName('So Tu phap')).toBe('Sở Tư pháp');
    expect(closestKnownName('Sở Tài nguyên Môi trường')).toBe('Sở Tài nguyên và Môi trường');
    expect(closestKnownName('Ban Quản lý dự án')).toBeNull();
  });
});
