import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { extractDocx, DocxError } from '../src/extract/docx/index.js';
import type { ParagraphBlock, TableBlock } from '../src/types.js';
import { S000, S003, fixtureBytes } from './helpers.js';

const paras = (blocks: { kind: string }[]) => blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('docx extractor', () => {
  it('reads the header block as a borderless layout table and the target table as a ruled one (000)', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    const [header, data] = tables(doc.blocks);
    expect(header!.bordered).toBe(false);
    expect(header!.rows[0]!.cells[0]!.text).toBe('ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU');
    expect(header!.rows[0]!.cells[1]!.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(data!.bordered).toBe(true);
    // Merged header cells keep their spans: "STT" over two rows, "Năm 2022" over two columns.
    const first = data!.rows[0]!.cells;
    expect(first[0]).toMatchObject({ text: 'STT', rowSpan: 2 });
    expect(first.find((c) => c.text === 'Năm 2022')).toMatchObject({ colSpan: 2 });
    const row1 = data!.rows.find((r) => r.cells[0]?.text === '1')!;
    expect(row1.cells.map((c) => c.text).slice(1, 6)).toEqual(['Công tác chỉ đạo điều hành về cải cách hành chính', '89,47%', '43', 'Từ 90% trở lên', '40-43']);
  });

  it('keeps body paragraphs as printed and footnotes apart (000)', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    const texts = paras(doc.blocks).map((p) => p.lines[0]!.text);
    expect(texts).toContain('III. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM');
    expect(texts).toContain('- Tăng cường hướng dẫn, kiểm tra cải cách hành chính, kiểm tra công vụ đối với các cơ quan, đơn vị trực thuộc.');
    const notes = paras(doc.blocks).filter((p) => p.role === 'footnote');
    expect(notes.map((n) => n.lines[0]!.text)).toContain('¹ Chỉ số % thành phần được tính bằng số điểm đạt được trên tổng điểm tối đa của từng chỉ số thành phần');
  });

  it('reads the 003 appendix table whole', async () => {
    const doc = await extractDocx(fixtureBytes(S003, 'plan.docx'));
    const data = tables(doc.blocks).filter((t) => t.bordered);
    expect(data).toHaveLength(1);
    expect(data[0]!.rows.length).toBeGreaterThanOrEqual(50);
  });

  it('synthesises the markers of automatically numbered paragraphs', async () => {
    const zip = new JSZip();
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string, numId?: number, ilvl = 0) =>
      `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>');
    zip.file('word/numbering.xml', `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`);
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${p('MỤC ĐÍCH, YÊU CẦU', 1, 0)}${p('Mục đích', 1, 1)}${p('Yêu cầu', 1, 1)}${p('Nội dung thứ nhất', 1, 2)}${p('Nội dung thứ hai', 1, 2)}${p('NHIỆM VỤ', 1, 0)}${p('Sở Nội vụ', 1, 1)}${p('Đoạn thường')}</w:body></w:document>`);
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const doc = await extractDocx(bytes);
    expect(paras(doc.blocks).map((b) => b.lines[0]!.text)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'a) Nội dung thứ nhất', 'b) Nội dung thứ hai', 'II. NHIỆM VỤ', '1. Sở Nội vụ', 'Đoạn thường',
    ]);
  });

  it('refuses corrupt bytes and a zip without a document', async () => {
    await expect(extractDocx(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toBeInstanceOf(DocxError);
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    await expect(extractDocx(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })))).rejects.toMatchObject({ code: 'docx/corrupt' });
  });

  it('reads core properties', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    expect(Object.keys(doc.properties).length).toBeGreaterThan(0);
  });
});
