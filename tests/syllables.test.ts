import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  enumerateSyllables,
  isVietnameseSyllable,
  parseSyllable,
  vietnameseScore,
  withTone,
} from '../src/normalize/syllables.js';
import { seededRandom } from '../scripts/ocr-noise.js';
import { fixtureText, SAMPLES, S000, S003, CANTHO } from './helpers.js';
import { toMojibake, toTcvn3, toVni } from '../scripts/legacy-encodings.js';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('isVietnameseSyllable', () => {
  it('accepts the spelling rules of onsets: gi, qu, ngh/gh before e ê i, k before e ê i y', () => {
    for (const w of words('gì gìn giữ giếng giặt quý quỹ quy quốc quyết quỳnh quê qua nghiêng nghĩa ghi ghế kể kỹ kiểm kia cà gà ngà ngoài'))
      expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of words('ce ci cy ka ko gha ghu nge ngha qa cuy coa kuy ghoa'))
      expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('accepts both tone placements of oa/oe/uy and nothing else', () => {
    for (const w of words('hòa hoà hóa hoá thủy thuỷ khỏe khoẻ ủy uỷ Ủy Uỷ tòa toà xóa xoá'))
      expect(isVietnameseSyllable(w), w).toBe(true);
    // closed syllables have one place: hoạch, toán, hoàn; "qúy" is a typing error
    for (const w of words('hoacḥ tóan hòan qúy thúyết ngừơi'))
      expect(isVietnameseSyllable(w), w).toBe(false);
    for (const w of words('hoạch toán hoàn quý thuyết người khuya khuỷu')) expect(isVietnameseSyllable(w), w).toBe(true);
  });

  it('gives syllables ending in -p -t -c -ch only sắc or nặng', () => {
    for (const w of words('mục múc cấp cập việt hết sách hạch')) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of words('muc mùc cầp cẫp viêt hềt sach hảch')) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('takes capitals, đ and all caps; refuses mixed case, foreign letters and two tone marks', () => {
    for (const w of words('ĐỂ Để để ĐẢNG Đảng CỘNG HÒA NGHĨA VIỆT')) expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of words('đỂ ViỆt fan jam wifi zalo hóà UBND HĐND')) expect(isVietnameseSyllable(w), w).toBe(false);
  });

  it('parses onset, rime and tone', () => {
    expect(parseSyllable('giếng')).toEqual({ onset: 'gi', rime: 'iêng', tone: 2 });
    expect(parseSyllable('Quyết')).toEqual({ onset: 'qu', rime: 'yêt', tone: 2 });
    expect(parseSyllable('nghiệp')).toEqual({ onset: 'ngh', rime: 'iêp', tone: 5 });
    expect(withTone('hoa', 1)).toBe('hòa');
    expect(withTone('quy', 2)).toBe('quý');
    expect(withTone('muc', 1)).toBeNull();
  });

  it('enumerates a lexicon that covers every syllable printed in the samples', () => {
    const lexicon = new Set(enumerateSyllables());
    expect(lexicon.size).toBeGreaterThan(10000);
    const text = fixtureText(S003);
    for (const w of words(text.replace(/[^\p{L}\s]/gu, ' ')).filter(isVietnameseSyllable))
      expect(lexicon.has(w.toLowerCase().normalize('NFC').replace(/oà$/, 'òa'))).toBe(true);
  });
});

describe('vietnameseScore', () => {
  const samples = readdirSync(SAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it.each(samples)('scores the real text of %s above 0.95', (id) => {
    expect(vietnameseScore(fixtureText(id))).toBeGreaterThan(0.95);
  });

  it('ignores acronyms, codes, numbers and loans', () => {
    expect(vietnameseScore('UBND tỉnh ban hành Kế hoạch số 4761/KH-UBND; Chỉ số PAR INDEX đạt 86,29%, SIPAS, HĐND, CCHC, e-cabinet')).toBe(1);
    expect(vietnameseScore('Par Index của huyện a) b) đ)')).toBe(1);
  });

  it.each([S000, CANTHO])('scores %s low once its font map is lost (TCVN3, VNI, UTF-8 read as Latin-1)', (id) => {
    const text = fixtureText(id).slice(0, 5000);
    expect(vietnameseScore(toTcvn3(text))).toBeLessThan(0.4);
    expect(vietnameseScore(toVni(text))).toBeLessThan(0.4);
    expect(vietnameseScore(toMojibake(text))).toBeLessThan(0.4);
  });

  it('scores Latin prose and random letters low', () => {
    const lorem = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    expect(vietnameseScore(lorem)).toBeLessThan(0.2);
    const rnd = seededRandom(7);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const random = Array.from({ length: 300 }, () =>
      Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => letters[Math.floor(rnd() * 26)]).join(''),
    ).join(' ');
    expect(vietnameseScore(random)).toBeLessThan(0.2);
    // glyph codes: private-use and control characters instead of letters
    expect(vietnameseScore('\u0003\u0004\u0005 \uE001\uE002 \u0010\u0011')).toBe(0);
    expect(vietnameseScore('')).toBe(0);
  });
});
