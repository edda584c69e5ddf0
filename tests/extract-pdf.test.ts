import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf, PdfError } from '../src/extract/pdf/index.js';
import type { ExtractedDocument, ParagraphBlock, TableBlock } from '../src/types.js';
import { writePdf } from '../scripts/pdf-writer.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'samples');
const read = (id: string, file = 'plan.pdf') => new Uint8Array(readFileSync(path.join(root, id, file)));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const textOf = (b: ParagraphBlock) => norm(b.lines.map((l) => l.text).join(' '));
const paragraphs = (d: ExtractedDocument) => d.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (d: ExtractedDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
const cells = (t: TableBlock, r: number) => t.rows[r]!.cells.map((c) => c.text);

const S000 = '000_c1c288300de4c859';
const S001 = '001_d8cd633b5606b692';
const S003 = '003_f7fad6bf798f2d1b';
const S004 = '004_4707ab087540d084';

/** A minimal PDF built from object bodies (numbered from 1, catalog first). */
const minimalPdf = (objects: string[], trailerExtra = '') => writePdf(objects, { trailerExtra });

const docs: Record<string, ExtractedDocument> = {};
beforeAll(async () => {
  for (const id of [S000, S001, S003, S004]) docs[id] = await extractPdf(read(id));
});

describe('extractPdf on the samples', () => {
  it('reports the document: format, page count, info dictionary, no messages', () => {
    const d = docs[S000]!;
    expect(d.format).toBe('pdf');
    expect(d.pages).toBe(7);
    expect(d.ocr).toBe(false);
    expect(d.properties.Producer).toBe('LibreOffice 7.4');
    expect(d.properties.Title).toMatch(/^KẾ HOẠCH Duy trì, cải thiện/);
    expect(d.messages).toEqual([]);
  });

  it('reads the header block column by column: issuer, then motto and date', () => {
    const head = paragraphs(docs[S000]!).slice(0, 8);
    expect(head.slice(0, 6).map((b) => [textOf(b), b.column])).toEqual([
      ['ỦY BAN NHÂN DÂN', 'left'],
      ['TỈNH LAI CHÂU', 'left'],
      ['Số: /KH-UBND', 'left'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'right'],
      ['Độc lập - Tự do - Hạnh phúc', 'right'],
      ['Lai Châu, ngày tháng 6 năm 2023', 'right'],
    ]);
    // The document type stands alone and the title's two lines are one centred bold paragraph.
    expect(textOf(head[6]!)).toBe('KẾ HOẠCH');
    expect(head[6]!.column).toBeUndefined();
    expect(textOf(head[7]!)).toBe(
      'Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) tỉnh Lai Châu năm 2023',
    );
    expect(head[7]!.lines).toHaveLength(2);
    expect(head[7]).toMatchObject({ align: 'center', bold: true });
  });

  it('keeps line geometry: page, top-left box, font size, bold', () => {
    const first = paragraphs(docs[S000]!)[0]!.lines[0]!;
    expect(first).toMatchObject({ text: 'ỦY BAN NHÂN DÂN', page: 1, bold: true, fontSize: 13 });
    expect(first.box!.x0).toBeCloseTo(117.5, 0);
    expect(first.box!.y0).toBeGreaterThan(60);
    expect(first.box!.y1).toBeLessThan(90);
  });

  it('reads the ruled table of 000 as two parts, with merged header cells', () => {
    const [t1, t2] = tables(docs[S000]!);
    expect(tables(docs[S000]!)).toHaveLength(2);
    expect(t1!).toMatchObject({ bordered: true, pages: [2] });
    expect(t1!.continuedFromPrevious).toBeUndefined();
    expect(t1!.rows[0]!.cells).toEqual([
      { text: 'STT', colSpan: 1, rowSpan: 2 },
      { text: 'Chỉ số thành phần', colSpan: 1, rowSpan: 2 },
      { text: 'Năm 2022', colSpan: 2, rowSpan: 1 },
      { text: 'Mục tiêu năm 2023', colSpan: 2, rowSpan: 1 },
      { text: 'Đơn vị thực hiện/theo dõi', colSpan: 1, rowSpan: 2 },
    ]);
    expect(cells(t1!, 1)).toEqual(['Chỉ số¹', 'Thứ hạng² (trên 63 tỉnh, thành phố)', 'Chỉ số', 'Thứ hạng']);
    expect(cells(t1!, 4)).toEqual(['3', 'Cải cách thủ tục hành chính', '99,61%', '34', 'Từ 99% trở lên', '33-34', 'Văn phòng UBND tỉnh']);
    expect(t1!.rows).toHaveLength(10);
    expect(cells(t1!, 9)).toEqual([
      '8',
      'Tác động của CCHC đến phát triển kinh tế - xã hội của tỉnh',
      '79,53',
      '33',
      'Từ 80% trở lên',
      '32-33',
      'Các sở, ban, ngành, địa phương (Sở Kế hoạch và',
    ]);

    expect(t2!).toMatchObject({ bordered: true, pages: [3], continuedFromPrevious: true });
    // The header repeats on page 3 (marked as header rows in both parts), then the tail of row 8.
    expect(cells(t2!, 0)).toEqual(cells(t1!, 0));
    expect(t2!.rows[0]!.isHeader).toBe(true);
    expect(t1!.rows[1]!.isHeader).toBe(true);
    expect(cells(t2!, 2)).toEqual(['', '', '', '', '', '', 'Đầu tư chủ trì)']);
    expect(cells(t2!, 3)).toEqual([
      '',
      'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
      '79,34%',
      '35',
      'Trên 80%',
      '30-35',
      'Các sở, ban, ngành, địa phương (Sở Nội vụ theo dõi)',
    ]);
    expect(cells(t2!, 4)).toEqual(['', 'Tổng cộng', '86,29%', '24', 'Trên 86 %', '20-24', '']);
  });

  it('does not repeat table text as paragraphs', () => {
    const all = paragraphs(docs[S000]!).map(textOf);
    expect(all.some((t) => t.includes('Cải cách thủ tục hành chính 99,61%') || t === 'Văn phòng UBND tỉnh')).toBe(false);
    expect(all.some((t) => t.includes('Đầu tư chủ trì)'))).toBe(false);
  });

  it('emits the footnotes of page 2 after that page, between the table parts', () => {
    const blocks = docs[S000]!.blocks;
    const notes = paragraphs(docs[S000]!).filter((b) => b.role === 'footnote');
    expect(notes.map(textOf)).toEqual([
      '¹ Chỉ số % thành phần được tính bằng số điểm đạt được trên tổng điểm tối đa của từng chỉ số thành phần',
      '² Thứ hạng so với 63, tỉnh, thành phố',
    ]);
    const [t1, t2] = tables(docs[S000]!);
    const at = blocks.indexOf(notes[0]!);
    expect(at).toBeGreaterThan(blocks.indexOf(t1!));
    expect(at).toBeLessThan(blocks.indexOf(t2!));
  });

  it('joins a paragraph broken by a page break, its lines keeping their pages', () => {
    const src = readFileSync(path.join(root, S000, 'source.txt'), 'utf8').split('\n').map(norm);
    const expected = src.find((l) => l.startsWith('- Các cơ quan, đơn vị, đặc biệt là'))!;
    const para = paragraphs(docs[S000]!).find((b) => textOf(b).startsWith('- Các cơ quan, đơn vị, đặc biệt là'))!;
    expect(textOf(para)).toBe(expected);
    expect(para.page).toBe(1);
    expect([...new Set(para.lines.map((l) => l.page))]).toEqual([1, 2]);
    // The one-stop-shop paragraph opens page 4 (page 3 ends on a full stop): whole, not merged with its neighbours.
    const oneStop = src.find((l) => l.startsWith('- Tiếp tục thực hiện đổi mới cơ chế một cửa'))!;
    const p4 = paragraphs(docs[S000]!).find((b) => textOf(b).startsWith('- Tiếp tục thực hiện đổi mới cơ chế một cửa'))!;
    expect(textOf(p4)).toBe(oneStop);
    expect(p4.page).toBe(4);
  });

  it('puts the signature block of 004 after the Nơi nhận list', () => {
    const ps = paragraphs(docs[S004]!);
    const texts = ps.map(textOf);
    const noiNhan = texts.indexOf('Nơi nhận:');
    const luu = texts.indexOf('- Lưu: VT, KSTT.');
    const kt = texts.indexOf('KT. CHỦ TỊCH');
    expect(noiNhan).toBeGreaterThan(0);
    expect(texts.slice(noiNhan, noiNhan + 3)).toEqual(['Nơi nhận:', '- Bộ Nội vụ, Văn phòng Chính phủ;', '- TT Tỉnh ủy, HĐND tỉnh;']);
    expect(kt).toBe(luu + 1);
    expect(texts.slice(kt)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Tông Thanh Hải']);
    expect(ps[noiNhan]!.column).toBe('left');
    expect(ps[kt]!.column).toBe('right');
    expect(ps[kt + 2]!.column).toBe('right');
  });

  it('rejoins a wrapped recipient line in the Nơi nhận column (003)', () => {
    const texts = paragraphs(docs[S003]!).filter((b) => b.column === 'left').map(textOf);
    expect(texts).toContain('- Các cơ quan, đơn vị thuộc HU, UBND huyện;');
    expect(texts).not.toContain('huyện;');
  });

  it('drops page numbers', () => {
    for (const id of [S000, S001, S003, S004]) {
      const lines = paragraphs(docs[id]!).flatMap((b) => b.lines.map((l) => l.text.trim()));
      expect(lines.filter((t) => /^\d{1,3}$/.test(t))).toEqual([]);
      expect(lines.length).toBeGreaterThan(50);
    }
  });

  it('reads the multi-page appendix table of 003 as continued parts', () => {
    const ts = tables(docs[S003]!);
    expect(ts.map((t) => [t.pages[0], t.continuedFromPrevious ?? false])).toEqual([
      [10, false],
      [11, true],
      [12, true],
    ]);
    expect(cells(ts[0]!, 0)).toEqual([
      'STT',
      'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
      'Điểm tối đa',
      'Điểm năm 2022',
      'Mục tiêu năm 2023',
      'Tăng/ giảm so với năm 2022',
      'Cơ quan chủ trì',
    ]);
    expect(cells(ts[0]!, 5)).toEqual(['1.4', 'Công tác tuyên truyền CCHC', '1,50', '1', '1,25', '0', 'Phòng VH-TT']);
    const last = ts[2]!.rows[ts[2]!.rows.length - 1]!;
    expect(last.cells[0]).toEqual({ text: 'Tổng điểm', colSpan: 2, rowSpan: 1 });
  });

  it('matches the source text paragraph for paragraph', () => {
    for (const id of [S000, S001, S003, S004]) {
      const src = readFileSync(path.join(root, id, 'source.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.includes('\t'))
        .map(norm);
      const got = new Set(paragraphs(docs[id]!).map(textOf));
      const matched = src.filter((l) => got.has(l)).length;
      // 003 has two lines broken after "02/KH-", which a line join spaces out.
      expect(matched, id).toBeGreaterThanOrEqual(src.length - 2);
      expect(paragraphs(docs[id]!).length, id).toBe(src.length);
    }
  });
});

describe('extractPdf on problem files', () => {
  it('reports an image-only PDF page by page and gives no text', async () => {
    const d = await extractPdf(read(S000, 'scan.pdf'));
    expect(d.pages).toBe(7);
    expect(d.blocks).toEqual([]);
    expect(d.messages.map((m) => [m.code, m.page])).toEqual([1, 2, 3, 4, 5, 6, 7].map((p) => ['pdf/no-text-layer', p]));
    expect(d.messages[0]!.source).toBe('extract/pdf');
  });

  it('throws pdf/corrupt for truncated and garbage input', async () => {
    const truncated = read(S000).slice(0, 20000);
    await expect(extractPdf(truncated)).rejects.toMatchObject({ name: 'PdfError', code: 'pdf/corrupt' });
    await expect(extractPdf(new TextEncoder().encode('not a pdf at all'))).rejects.toBeInstanceOf(PdfError);
    await expect(extractPdf(new Uint8Array(0))).rejects.toMatchObject({ code: 'pdf/corrupt' });
  });

  it('throws pdf/encrypted when the password is missing or wrong', async () => {
    const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
    const pdf = minimalPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
        `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -4 >>`,
      ],
      `/Encrypt 4 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] `,
    );
    await expect(extractPdf(pdf)).rejects.toMatchObject({ name: 'PdfError', code: 'pdf/encrypted' });
    await expect(extractPdf(pdf, { password: 'wrong' })).rejects.toMatchObject({ code: 'pdf/encrypted' });
  });

  it('throws pdf/too-many-pages over the page limit, and leaves the input buffer usable', async () => {
    const bytes = read(S000);
    await expect(extractPdf(bytes, { maxPages: 3 })).rejects.toMatchObject({ code: 'pdf/too-many-pages' });
    expect(bytes.byteLength).toBeGreaterThan(0);
    const again = await extractPdf(bytes, { maxPages: 7 });
    expect(again.pages).toBe(7);
  });

  it('reports a page without text in an otherwise readable PDF', async () => {
    const pdf = minimalPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ]);
    const d = await extractPdf(pdf);
    expect(d.pages).toBe(1);
    expect(d.blocks).toEqual([]);
    expect(d.messages).toMatchObject([{ code: 'pdf/no-text-layer', page: 1, severity: 'warning' }]);
  });
});
