import { describe, expect, it } from 'vitest';
import { extractDoc, DocError } from '../src/extract/doc/index.js';
import { extractDocx } from '../src/extract/docx/index.js';
import { sniff } from '../src/detect/sniff.js';
import { pipelineFor } from '../pipelines/index.js';
import { processFile } from '../src/ingest.js';
import type { Block, ParagraphBlock, TableBlock } from '../src/types.js';
import { S000, S001, S003, S004, fixtureBytes } from './helpers.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.js';

const paras = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const texts = (blocks: Block[]) => paras(blocks).filter((p) => !p.role).map((p) => p.lines[0]!.text);
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellTexts = (t: TableBlock, row: number) => t.rows[row]!.cells.map((c) => c.text);
const docFixture = (name: string) => new Uint8Array(readFileSync(path.join(ROOT, 'fixtures', 'doc', name)));

/** The error a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<DocError> {
  try {
    await p;
  } catch (e) {
    return e as DocError;
  }
  throw new Error('expected the extraction to fail');
}

/** Offset of the WordDocument stream in the file: the sector that starts with the FIB's magic. */
function fibOffset(b: Uint8Array): number {
  const v = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let o = 512; o + 4 <= v.length; o += 512) if (v.readUInt16LE(o) === 0xa5ec && v.readUInt16LE(o + 2) >= 0xc1) return o;
  throw new Error('no FIB');
}

describe('.doc extractor on the samples (LibreOffice conversions of plan.docx)', () => {
  it('reads the header block of 000 as a borderless layout table', async () => {
    const doc = await extractDoc(fixtureBytes(S000, 'plan.doc'));
    expect(doc).toMatchObject({ format: 'doc', pages: null, ocr: false });
    const header = doc.blocks[0] as TableBlock;
    expect(header.kind).toBe('table');
    expect(header.bordered).toBe(false);
    expect(header.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số:        /KH-UBND', 'Lai Châu, ngày      tháng 6 năm 2023'],
    ]);
  });

  it('rebuilds the 000 target table: merged header cells from the cell grid, header rows, note calls', async () => {
    const doc = await extractDoc(fixtureBytes(S000, 'plan.doc'));
    const data = tables(doc.blocks).filter((t) => t.bordered);
    expect(data).toHaveLength(1);
    const t = data[0]!;
    expect(t.rows[0]!.cells).toEqual([
      { text: 'STT', colSpan: 1, rowSpan: 2 },
      { text: 'Chỉ số thành phần', colSpan: 1, rowSpan: 2 },
      { text: 'Năm 2022', colSpan: 2, rowSpan: 1 },
      { text: 'Mục tiêu năm 2023', colSpan: 2, rowSpan: 1 },
      { text: 'Đơn vị thực hiện/theo dõi', colSpan: 1, rowSpan: 2 },
    ]);
    expect(cellTexts(t, 1)).toEqual(['Chỉ số¹', 'Thứ hạng² (trên 63 tỉnh, thành phố)', 'Chỉ số', 'Thứ hạng']);
    expect(t.rows.map((r) => !!r.isHeader)).toEqual([true, true, false, false, false, false, false, false, false, false, false, false]);
    expect(cellTexts(t, 2)).toEqual(['1', 'Công tác chỉ đạo điều hành về cải cách hành chính', '89,47%', '43', 'Từ 90% trở lên', '40-43', 'Các Sở: Nội vụ, Khoa học và Công nghệ, các thành viên Ban Chỉ đạo CCHC tỉnh']);
    expect(cellTexts(t, 11)).toEqual(['', 'Tổng cộng', '86,29%', '24', 'Trên 86 %', '20-24', '']);
    const last = tables(doc.blocks).at(-1)!;
    expect(last.bordered).toBe(false);
    expect(cellTexts(last, 0)[1]).toBe('TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\nTổng Thanh Hải');
  });

  it('keeps footnotes and page furniture out of the body, by role', async () => {
    const doc = await extractDoc(fixtureBytes(S000, 'plan.doc'));
    const notes = paras(doc.blocks).filter((p) => p.role === 'footnote');
    expect(notes.map((p) => p.lines[0]!.text)).toEqual([
      '¹ Chỉ số % thành phần được tính bằng số điểm đạt được trên tổng điểm tối đa của từng chỉ số thành phần',
      '² Thứ hạng so với 63, tỉnh, thành phố',
    ]);
    // The running header is only a page number field: dropped, and never in the body.
    expect(texts(doc.blocks).some((t) => /^\d+$/.test(t))).toBe(false);
    expect(texts(doc.blocks)[0]).toBe('KẾ HOẠCH');
    expect(paras(doc.blocks)[0]).toMatchObject({ align: 'center', bold: true });
  });

  it('reads the document properties from the summary information', async () => {
    const doc = await extractDoc(fixtureBytes(S004, 'plan.doc'));
    expect(doc.properties).toMatchObject({ creator: 'Admin', created: '2023-01-01T00:00:00Z' });
    expect(doc.properties['title']).toMatch(/^CHỈ THỊ Về cải thiện Chỉ số cải cách hành chính/);
  });

  it.each([S000, S001, S003, S004])('gives the same blocks as the .docx it was converted from (%s)', async (id) => {
    const [doc, docx] = await Promise.all([extractDoc(fixtureBytes(id, 'plan.doc')), extractDocx(fixtureBytes(id, 'plan.docx'))]);
    expect(doc.blocks).toEqual(docx.blocks);
    expect(doc.messages).toEqual([]);
  });
});

describe('.doc through the pipeline', () => {
  it('is sniffed as doc and has a pipeline', () => {
    const s = sniff(fixtureBytes(S004, 'plan.doc'));
    expect(s.format).toBe('doc');
    expect(pipelineFor(s)).toMatchObject({ name: 'doc' });
  });

  it('gives metadata, sections and tasks (004)', async () => {
    const { doc, format } = await processFile(fixtureBytes(S004, 'plan.doc'), `${S004}/plan.doc`);
    expect(format).toBe('doc');
    expect(doc.source).toMatchObject({ format: 'doc', pipeline: 'doc', pages: null });
    expect(doc.meta).toMatchObject({ docType: 'CHI_THI', number: '13', symbol: 'CT-UBND', issuer: 'UBND tỉnh Lai Châu', place: 'Lai Châu', issuedDate: '2019-08-21' });
    const task = doc.tasks.find((t) => t.text.startsWith('Tham mưu cho Ủy ban nhân dân tỉnh tổ chức tuyển dụng công chức'));
    expect(task?.lead.map((l) => l.name)).toEqual(['Sở Nội vụ']);
    expect(task?.deadline).toMatchObject({ kind: 'period', end: '2019-12-31' });
  });

  it('gives the section tree and the task table of 003', async () => {
    const { doc } = await processFile(fixtureBytes(S003, 'plan.doc'), `${S003}/plan.doc`);
    expect(doc.meta).toMatchObject({ docType: 'KE_HOACH', symbol: 'KH-UBND', issuer: 'UBND huyện Tân Yên', issuedDate: '2023-02' });
    expect(doc.structure.sections.slice(0, 3).map((s: { marker: string | null }) => s.marker)).toEqual(['I.', 'II.', 'III.']);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows).toHaveLength(49);
    const task = doc.tasks.find((t) => t.text.startsWith('Triển khai công tác kiểm tra, hướng dẫn'));
    expect(task?.lead.map((l) => l.name)).toEqual(['Phòng Nội vụ']);
  });
});

describe('.doc details: automatic numbering, fields, notes, headers', () => {
  // fixtures/doc/numbered.doc: LibreOffice's .doc of numbered.docx (see fixtures/doc/make-numbered.mjs).
  it('prints automatic list numbers from the list tables, which are not in the text stream', async () => {
    const doc = await extractDoc(docFixture('numbered.doc'));
    expect(texts(doc.blocks)).toEqual([
      'KẾ HOẠCH',
      'Thử nghiệm danh sách tự động',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '- Nâng cao chất lượng phục vụ',
      '- Tăng cường kỷ luật',
      '2. Yêu cầu',
      'a) Rõ người, rõ việc',
      'b) Rõ thời gian',
      'II. NHIỆM VỤ',
      '1. Sở Nội vụ chủ trì, hoàn thành trong tháng 6 năm 2024.',
      // A HYPERLINK field: its code dropped, its result kept; the note call raised.
      'Xem trang thông tin của tỉnh¹.',
      'Nơi nhận:',
    ]);
  });

  it('reads merged cells, multi-paragraph cells, notes and headers like the .docx', async () => {
    const [doc, docx] = await Promise.all([extractDoc(docFixture('numbered.doc')), extractDocx(docFixture('numbered.docx'))]);
    const t = tables(doc.blocks)[0]!;
    expect(t.bordered).toBe(true);
    expect(t.rows[0]).toMatchObject({ isHeader: true, cells: [{ text: 'STT', colSpan: 1, rowSpan: 2 }, { text: 'Chỉ tiêu', colSpan: 2, rowSpan: 1 }] });
    expect(cellTexts(t, 2)).toEqual(['1', '90%', 'Từ 95% trở lên\n(tối thiểu)']);
    expect(paras(doc.blocks).filter((p) => p.role).map((p) => [p.role, p.lines[0]!.text])).toEqual([
      ['footnote', '¹ Cổng thông tin điện tử tỉnh.'],
      ['page-header', 'Bản thử nghiệm'],
    ]);
    expect(doc.blocks).toEqual(docx.blocks);
  });
});

describe('.doc errors', () => {
  it('refuses truncated files as doc/corrupt', async () => {
    const whole = fixtureBytes(S000, 'plan.doc');
    for (const n of [3000, Math.floor(whole.length / 2), whole.length - 512]) {
      const e = await failure(extractDoc(whole.slice(0, n)));
      expect(e).toBeInstanceOf(DocError);
      expect(e.code).toBe('doc/corrupt');
    }
    expect((await failure(extractDoc(new Uint8Array(0)))).code).toBe('doc/corrupt');
  });

  it('refuses an OLE file without a WordDocument stream as doc/not-word (and sniff does not call it a .doc)', async () => {
    const b = docFixture('numbered.doc').slice();
    const name = Buffer.from('WordDocument', 'utf16le');
    const at = Buffer.from(b.buffer).indexOf(name);
    expect(at).toBeGreaterThan(0);
    b.set(Buffer.from('WordDocumenX', 'utf16le'), at);
    expect(sniff(b)).toMatchObject({ format: 'unknown', subtype: 'ole' });
    const e = await failure(extractDoc(b));
    expect(e.code).toBe('doc/not-word');
  });

  it('refuses an encrypted document (FIB fEncrypted) as doc/encrypted', async () => {
    const b = docFixture('numbered.doc').slice();
    const fib = fibOffset(b);
    b[fib + 0x0b]! |= 0x01; // flags at 0x0A, fEncrypted = 0x0100
    const e = await failure(extractDoc(b));
    expect(e.code).toBe('doc/encrypted');
  });

  it('stops on a sector chain that loops back instead of hanging', async () => {
    const b = fixtureBytes(S003, 'plan.doc').slice();
    const v = Buffer.from(b.buffer);
    const start = fibOffset(b) / 512 - 1; // the WordDocument stream's first sector
    const sat = (v.readInt32LE(76) + 1) * 512; // the first sector of the allocation table
    v.writeInt32LE(start, sat + (start + 1) * 4); // its second sector points back to its first
    const t = performance.now();
    const e = await failure(extractDoc(b));
    expect(e.code).toBe('doc/corrupt');
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('refuses a forged piece table claiming more text than the file holds', async () => {
    const b = docFixture('numbered.doc').slice();
    const v = Buffer.from(b.buffer);
    const fib = fibOffset(b);
    // ccpText far beyond the stream: the main text cannot be read.
    v.writeInt32LE(0x7fff0000, fib + 0x4c);
    const e = await failure(extractDoc(b));
    expect(e.code).toBe('doc/corrupt');
  });
});
