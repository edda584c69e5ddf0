import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctOcr, correctText } from '../src/correct/index.js';
import { buildModelData, modelFrom } from '../src/correct/model.js';
import { isVietnameseSyllable } from '../src/normalize/syllables.js';
import type { ExtractedDocument, OcrWord, ParagraphBlock } from '../src/types.js';
import { cerNormalize, substringCer } from '../src/util/cer.js';
import { correctionCorpus } from '../scripts/correction-corpus.js';
import { addOcrNoise } from '../scripts/ocr-noise.js';
import { tsvDocument } from '../scripts/tesseract-tsv.js';
import { fixtureText, ROOT, S003, CANTHO } from './helpers.js';

const OCR = path.join(ROOT, 'fixtures', 'ocr');
const SHARED = path.join(ROOT, '..', 'shared');
/** A model that has not seen the sample: the shipped one was built from the samples' text. */
const modelWithout = (id: string) => modelFrom(buildModelData(correctionCorpus(ROOT, SHARED, [id]).map((c) => c.text)));
const cerOf = (text: string, id: string) => {
  const ref = cerNormalize(fixtureText(id));
  return substringCer(cerNormalize(text), ref.slice(0, 3 * text.length)).cer;
};

describe('correctText', () => {
  it('mends OCR damage seen in the samples: marks on a circumflex, lost marks, rn/m, 0/o, cl/d', () => {
    const cases: [string, string][] = [
      ['Không tố chức kiếm tra công tác CCHC', 'Không tổ chức kiểm tra công tác CCHC'],
      ['tập trung tố chức triến khai thực hiện ngay', 'tập trung tổ chức triển khai thực hiện ngay'],
      ['các nhiệm vụ, giải pháp cụ thế, thiết thực', 'các nhiệm vụ, giải pháp cụ thể, thiết thực'],
      ['Tiếp tục đấy mạnh thực hiện', 'Tiếp tục đẩy mạnh thực hiện'],
      ['Uy ban nhan dan tỉnh Lai Châu', 'Ủy ban nhân dân tỉnh Lai Châu'],
      ['CỘNG HOA XA HỘI CHU NGHĨA VIỆT NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['Độc lập - Tu do - Hạnh phuc', 'Độc lập - Tự do - Hạnh phúc'],
      ['I. MUC ĐICH, YÊU CÂU', 'I. MỤC ĐÍCH, YÊU CẦU'],
      ['thực hiện nhiệrn vụ được giao', 'thực hiện nhiệm vụ được giao'],
      ['c0ng tác cải cách hành chinh', 'công tác cải cách hành chính'],
      ['chỉ cliều hành của UBND', 'chỉ điều hành của UBND'],
      ['Sở Văn hóa và Thế thao', 'Sở Văn hóa và Thể thao'],
      ['Sở Nội vu chủ trì', 'Sở Nội vụ chủ trì'],
      ['người đứng đầu cơ quan, đơn Vị sự nghiệp', 'người đứng đầu cơ quan, đơn vị sự nghiệp'],
      ['~ Tăng cường thông tin', '- Tăng cường thông tin'],
    ];
    for (const [damaged, meant] of cases) expect(correctText(damaged), damaged).toBe(meant);
  });

  it('keeps codes, numbers, dates, acronyms, loans and layout untouched', () => {
    const s = 'Số: 03/KH-UBND\nngày 19/4/2023, QĐ-TTg, 86,29% (PAR INDEX), SIPAS, HĐND, CCHC, 61/2018/NĐ-CP, e-cabinet, Par Index\n\n  a) b) đ)';
    expect(correctText(s)).toBe(s);
  });

  it('leaves real text alone', () => {
    for (const id of readdirSync(path.join(ROOT, 'fixtures', 'samples'))) {
      const text = fixtureText(id);
      const fixed = correctText(text);
      const a = text.split(/\s+/);
      const b = fixed.split(/\s+/);
      expect(b.length).toBe(a.length);
      // The samples' own typos ("Tông Thanh Hải" for "Tổng", "Phân đấu") may be mended; nothing else.
      expect(a.filter((w, i) => w !== b[i]).length, id).toBeLessThanOrEqual(3);
    }
  });

  it('lowers the error rate of noisy copies of a text it has not seen', () => {
    const src = fixtureText(CANTHO).split('\n').slice(0, 30).join('\n');
    const noisy = addOcrNoise(src, 42);
    const model = modelWithout(CANTHO);
    const cer = (t: string) => substringCer(cerNormalize(t), cerNormalize(src)).cer;
    const before = cer(noisy);
    const after = cer(correctText(noisy, { model }));
    expect(before).toBeGreaterThan(0.015);
    expect(after).toBeLessThan(before / 4);
  });

  it.each(readdirSync(OCR).filter((f) => f.endsWith('.p1.txt')))(
    'lowers the error rate of the native tesseract output %s, with and without the sample in the model',
    (file) => {
      const id = file.replace('.p1.txt', '');
      const ocr = readFileSync(path.join(OCR, file), 'utf8');
      const before = cerOf(ocr, id);
      expect(cerOf(correctText(ocr), id)).toBeLessThan(before - 0.002);
      expect(cerOf(correctText(ocr, { model: modelWithout(id) }), id)).toBeLessThan(before - 0.002);
    },
  );
});

const box = (x: number) => ({ x0: x, y0: 10, x1: x + 30, y1: 30 });
function ocrDoc(lines: [string, number][][]): ExtractedDocument {
  const block: ParagraphBlock = {
    kind: 'paragraph',
    page: 2,
    lines: lines.map((ws) => ({
      text: ws.map(([t]) => t).join(' '),
      page: 2,
      words: ws.map(([text, conf], i): OcrWord => ({ text, conf, box: box(i * 40) })),
    })),
  };
  return { format: 'pdf', pages: 2, blocks: [block], properties: {}, ocr: true, messages: [] };
}
const wordsOf = (d: ExtractedDocument) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines.flatMap((l) => l.words ?? []) : []));

describe('correctOcr', () => {
  const doc = ocrDoc([
    [['Không', 96], ['tố', 72], ['chức', 95], ['kiếm', 96], ['tra', 95]],
    [['công', 95], ['tắc', 55], ['CCHC', 93], ['terimMiÐb', 0], ['03/KH-UBND', 40], ['nhiệrn', 61], ['vụ.', 90]],
  ]);

  it('mends low-confidence words, never a confident valid syllable, and keeps boxes', () => {
    const out = correctOcr(doc);
    const w = wordsOf(out);
    expect(w.map((x) => x.text)).toEqual(['Không', 'tổ', 'chức', 'kiếm', 'tra', 'công', 'tác', 'CCHC', 'terimMiÐb', '03/KH-UBND', 'nhiệm', 'vụ.']);
    expect(w[1]).toMatchObject({ text: 'tổ', original: 'tố', conf: 72, box: box(40) });
    expect(w[3]!.original).toBeUndefined(); // "kiếm" at 96: a valid syllable read with confidence stays
    expect(w[10]).toMatchObject({ text: 'nhiệm', original: 'nhiệrn' });
    const lines = (out.blocks[0] as ParagraphBlock).lines;
    expect(lines[0]!.text).toBe('Không tổ chức kiếm tra');
    expect(lines[1]!.text).toBe('công tác CCHC terimMiÐb 03/KH-UBND nhiệm vụ.');
  });

  it('flags low-confidence words it cannot vouch for, and counts per page', () => {
    const out = correctOcr(doc);
    const w = wordsOf(out);
    expect(w.filter((x) => x.doubtful).map((x) => x.text)).toEqual(['terimMiÐb', '03/KH-UBND']);
    expect(out.messages).toEqual([
      expect.objectContaining({ code: 'ocr/corrected', source: 'correct', page: 2, message: expect.stringMatching(/^3 /) }),
      expect.objectContaining({ code: 'ocr/doubtful-word', source: 'correct', page: 2, message: expect.stringMatching(/^2 /) }),
    ]);
  });

  it('fixes the stacked-mark slip in confident words only when asked', () => {
    const w = wordsOf(correctOcr(doc, { fixConfidentMarks: true }));
    expect(w[3]).toMatchObject({ text: 'kiểm', original: 'kiếm' });
  });

  it('is pure', () => {
    const copy = structuredClone(doc);
    correctOcr(doc);
    expect(doc).toEqual(copy);
  });

  it('on real tesseract words of a sample page: confident syllables kept, the error rate down', () => {
    const page = tsvDocument(readFileSync(path.join(OCR, `${S003}.p1.tsv`), 'utf8'));
    const text = (d: ExtractedDocument) => d.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines.map((l) => l.text) : [])).join('\n');
    const model = modelWithout(S003);
    const plain = correctOcr(page, { model });
    for (const w of wordsOf(plain).filter((x) => x.original !== undefined))
      expect(w.conf < 90 || !isVietnameseSyllable(w.original!.replace(/[^\p{L}]/gu, '')), w.original).toBe(true);
    expect(wordsOf(plain).some((w) => w.doubtful && w.text === 'terimMiÐb')).toBe(true);
    const before = cerOf(text(page), S003);
    expect(cerOf(text(plain), S003)).toBeLessThan(before);
    expect(cerOf(text(correctOcr(page, { model, fixConfidentMarks: true })), S003)).toBeLessThan(before - 0.002);
  });
});
