import { describe, expect, it } from 'vitest';
import { findReferences } from '../src/entities/references.js';
import { normalize } from '../src/normalize/index.js';
import { structure } from '../src/structure/index.js';
import { CANTHO, S003, S004, paragraphs, textStages } from './helpers.js';

const refsOf = (lines: string[]) => {
  const norm = normalize(paragraphs(lines));
  const s = structure(norm);
  return findReferences(norm, s.regions, s.meta);
};

describe('references', () => {
  it('reads a full citation: id, type, date, issuer', () => {
    const [r] = refsOf(['Thực hiện Kế hoạch số 240/KH-UBND ngày 30/6/2022 của UBND tỉnh Lào Cai về việc Kế hoạch duy trì']);
    expect(r).toMatchObject({ id: '240/KH-UBND', number: '240', symbol: 'KH-UBND', type: 'Kế hoạch', date: '2022-06-30', issuer: 'UBND tỉnh Lào Cai' });
  });

  it('reads legal-normative, Party and spaced forms, and lists sharing a type', () => {
    const ids = refsOf([
      '- Triển khai thực hiện hiệu quả Nghị định số 108/2014/NĐ-CP; Nghị định số 113/2018/NĐ-CP; Nghị định số 143/2020/NĐ-CP của Chính phủ',
      '- Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017, Chương trình hành động số 24-CTr/TU ngày 22/01/2018',
      '- Theo Kế hoạch số 166 /KH-UBND ngày 22 tháng 3 năm 2023 và Kế hoạch số 100a/KH-UBND, Quyết định số 766/QĐ-TTg',
    ]).map((r) => r.id);
    expect(ids).toEqual(['108/2014/NĐ-CP', '113/2018/NĐ-CP', '143/2020/NĐ-CP', '18-NQ/TW', '24-CTr/TU', '166/KH-UBND', '100a/KH-UBND', '766/QĐ-TTg']);
  });

  it('does not take ranks, dates, ratios, standards or symbol-less citations', () => {
    expect(
      refsOf(['- Xếp hạng 24/63 tỉnh ngày 19/4/2023, 84,03/100 điểm, có 5/7 lĩnh vực, TCVN ISO 9001:2015, Đề án 06, CV số 5387 ngày 26/10/2022.']),
    ).toEqual([]);
  });

  it('finds the 24 references of 003, each once, and not the document itself', () => {
    const { norm, struct } = textStages(S003);
    const refs = findReferences(norm, struct.regions, struct.meta);
    expect(refs).toHaveLength(24);
    const r03 = refs.find((r) => r.id === '03/KH-UBND')!;
    expect(r03.mentions).toHaveLength(2);
    expect(norm.text.slice(r03.mentions[0]!.start, r03.mentions[0]!.end)).toBe('03/KH-UBND');
  });

  it('finds the 9 references of 004 and of the Cần Thơ plan (footnote included), not its own 70/KH-UBND', () => {
    for (const id of [S004, CANTHO]) {
      const { norm, struct } = textStages(id);
      const refs = findReferences(norm, struct.regions, struct.meta).map((r) => r.id);
      expect(refs).toHaveLength(9);
      expect(refs).not.toContain('70/KH-UBND');
    }
    const { norm, struct } = textStages(CANTHO);
    expect(findReferences(norm, struct.regions, struct.meta).map((r) => r.id)).toContain('171/NQ-HĐND');
  });
});
