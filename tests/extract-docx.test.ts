import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { extractDocx, DocxError } from '../src/extract/docx/index.js';
import type { Block, ParagraphBlock, TableBlock } from '../src/types.js';
import { S000, S001, S003, S004, fixtureBytes } from './helpers.js';

const paras = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const body = (blocks: Block[]) => paras(blocks).filter((p) => !p.role || p.role === 'body');
const texts = (blocks: Block[]) => body(blocks).map((p) => p.lines[0]!.text);
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const cellTexts = (t: TableBlock, row: number) => t.rows[row]!.cells.map((c) => c.text);

// A minimal .docx built in memory: the parts mammoth and the extractor read.
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (content: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const cell = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`;
const table = (rows: string[][], tblPr = '') => `<w:tbl><w:tblPr>${tblPr}</w:tblPr>${rows.map((r) => `<w:tr>${r.join('')}</w:tr>`).join('')}</w:tbl>`;

async function buildDocx(parts: { body: string; numbering?: string; styles?: string; header?: string; footer?: string; core?: string }): Promise<Uint8Array> {
  const zip = new JSZip();
  const rels: string[] = [];
  const types: string[] = [];
  const add = (name: string, type: string, content: string, id: string, contentType: string) => {
    zip.file(`word/${name}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${content}`);
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${name}"/>`);
    types.push(`<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${contentType}+xml"/>`);
  };
  if (parts.numbering) add('numbering.xml', 'numbering', `<w:numbering ${W}>${parts.numbering}</w:numbering>`, 'rId1', 'numbering');
  if (parts.styles) add('styles.xml', 'styles', `<w:styles ${W}>${parts.styles}</w:styles>`, 'rId2', 'styles');
  if (parts.header) add('header1.xml', 'header', `<w:hdr ${W}>${parts.header}</w:hdr>`, 'rId3', 'header');
  if (parts.footer) add('footer1.xml', 'footer', `<w:ftr ${W}>${parts.footer}</w:ftr>`, 'rId4', 'footer');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${parts.body}</w:body></w:document>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${types.join('')}</Types>`);
  if (parts.core) zip.file('docProps/core.xml', parts.core);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

describe('docx extractor on the samples', () => {
  it('reads the header block of 000 as a borderless layout table', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    expect(doc).toMatchObject({ format: 'docx', pages: null, ocr: false });
    const header = doc.blocks[0] as TableBlock;
    expect(header.kind).toBe('table');
    expect(header.bordered).toBe(false);
    expect(header.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc'],
      ['Số:        /KH-UBND', 'Lai Châu, ngày      tháng 6 năm 2023'],
    ]);
  });

  it('keeps the merged header cells of the 000 target table and its data rows', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
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
    // The note calls are printed as superscript digits, as in the source.
    expect(cellTexts(t, 1)).toEqual(['Chỉ số¹', 'Thứ hạng² (trên 63 tỉnh, thành phố)', 'Chỉ số', 'Thứ hạng']);
    expect(t.rows.map((r) => !!r.isHeader)).toEqual([true, true, false, false, false, false, false, false, false, false, false, false]);
    expect(cellTexts(t, 2)).toEqual(['1', 'Công tác chỉ đạo điều hành về cải cách hành chính', '89,47%', '43', 'Từ 90% trở lên', '40-43', 'Các Sở: Nội vụ, Khoa học và Công nghệ, các thành viên Ban Chỉ đạo CCHC tỉnh']);
    expect(cellTexts(t, 11)).toEqual(['', 'Tổng cộng', '86,29%', '24', 'Trên 86 %', '20-24', '']);
  });

  it('reads the Nơi nhận / signature block as a borderless table (000)', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    const last = tables(doc.blocks).at(-1)!;
    expect(last.bordered).toBe(false);
    expect(cellTexts(last, 0)[1]).toBe('TM. ỦY BAN NHÂN DÂN\nQ. CHỦ TỊCH\nTổng Thanh Hải');
    expect(cellTexts(last, 0)[0]!.split('\n')).toEqual(['Nơi nhận:', '- Bộ Nội vụ (b/c);', '- Thường trực Tỉnh ủy (b/c);', '- Thường trực HĐND tỉnh (b/c);', '- Chủ tịch, các PCT UBND tỉnh (b/c);', '- Các sở, ban, ngành tỉnh;', '- UBND các huyện, thành phố;', '- Lưu: VT, KSTT.']);
  });

  it('keeps body paragraphs as printed, with emphasis and alignment', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    const ps = body(doc.blocks);
    const title = ps.find((p) => p.lines[0]!.text === 'KẾ HOẠCH')!;
    expect(title).toMatchObject({ align: 'center', bold: true });
    const section = ps.find((p) => p.lines[0]!.text === 'III. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM')!;
    expect(section.bold).toBe(true);
    expect(texts(doc.blocks)).toContain('- Tăng cường hướng dẫn, kiểm tra cải cách hành chính, kiểm tra công vụ đối với các cơ quan, đơn vị trực thuộc.');
    const d004 = await extractDocx(fixtureBytes(S004, 'plan.docx'));
    expect(texts(d004.blocks).slice(0, 5)).toEqual([
      'CHỈ THỊ',
      'Về cải thiện Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) và Chỉ số Hiệu quả quản trị hành chính công (PAPI) của tỉnh Lai Châu',
      expect.stringMatching(/^Năm 2018, với sự chỉ đạo quyết liệt của Chính phủ/),
      '1. Về chỉ số PAR INDEX',
      'a) Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố',
    ]);
    expect(tables(d004.blocks)[0]!.rows[1]!.cells.map((c) => c.text)).toEqual(['Số: 13/CT-UBND', 'Lai Châu, ngày 21 tháng 8 năm 2019']);
  });

  it('puts the footnotes of 000 after the body with role footnote, numbered as printed', async () => {
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'));
    const notes = paras(doc.blocks).filter((p) => p.role === 'footnote');
    expect(notes.map((n) => n.lines[0]!.text)).toEqual([
      '¹ Chỉ số % thành phần được tính bằng số điểm đạt được trên tổng điểm tối đa của từng chỉ số thành phần',
      '² Thứ hạng so với 63, tỉnh, thành phố',
    ]);
    const firstNote = doc.blocks.indexOf(notes[0]!);
    expect(doc.blocks.slice(firstNote).every((b) => b.kind === 'paragraph' && b.role && b.role !== 'body')).toBe(true);
    // header1.xml holds only a PAGE field: nothing worth keeping.
    expect(paras(doc.blocks).filter((p) => p.role === 'page-header')).toEqual([]);
  });

  it('reads the 003 appendix table whole', async () => {
    const doc = await extractDocx(fixtureBytes(S003, 'plan.docx'));
    const data = tables(doc.blocks).filter((t) => t.bordered);
    expect(data).toHaveLength(1);
    const t = data[0]!;
    expect(t.rows).toHaveLength(50);
    expect(cellTexts(t, 0)).toEqual(['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Điểm năm 2022', 'Mục tiêu năm 2023', 'Tăng/ giảm so với năm 2022', 'Cơ quan chủ trì']);
    expect(cellTexts(t, 2)).toEqual(['1.1', 'Kế hoạch CCHC năm', '3,00', '2,8919', '3,00', '0', 'Phòng Nội vụ']);
    expect(texts(doc.blocks)).toContain('(Kèm theo Kế hoạch số        /KH-UBND ngày      tháng 02 năm 2022 của Chủ tịch UBND huyện Tân Yên)');
  });

  it('reads core and app properties as strings', async () => {
    const doc = await extractDocx(fixtureBytes(S001, 'plan.docx'));
    expect(doc.properties).toEqual({
      title: 'KẾ HOẠCH Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính cấp tỉnh (PAR INDEX) của Sở Văn hóa và Thể thao năm 2022',
      creator: 'Admin',
      lastModifiedBy: 'Admin',
      created: '2023-01-01T00:00:00Z',
      modified: '2023-01-01T00:00:00Z',
      Application: 'Microsoft Office Word',
    });
  });
});

describe('docx extractor on built documents', () => {
  it('synthesises the markers of automatically numbered paragraphs', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimal', '%2.%3.')}${lvl(3, 'lowerLetter', '%4)')}` +
      `${lvl(4, 'bullet', '\u2022')}${lvl(5, 'bullet', 'o')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '\uf02d')}${lvl(1, 'bullet', '+')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      // Same definition as numId 1 without an override: continues its numbering.
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>` +
      // Same definition restarted at level 1.
      `<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const n = (text: string, numId: number, ilvl: number) => para(run(text), numPr(numId, ilvl));
    const bytes = await buildDocx({
      numbering,
      body: [
        n('MỤC ĐÍCH, YÊU CẦU', 1, 0),
        n('Mục đích', 1, 1),
        n('Chi tiết một', 1, 2),
        n('Chi tiết hai', 1, 2),
        n('Điểm', 1, 3),
        n('Điểm', 1, 3),
        n('Điểm', 1, 3),
        n('Điểm', 1, 3),
        n('Điểm', 1, 3),
        n('Điểm sáu', 1, 3),
        n('Gạch đầu dòng', 1, 4),
        n('Dấu cộng', 1, 5),
        n('Yêu cầu', 1, 1),
        n('Chi tiết mới', 1, 2),
        para(run('Đoạn thường')),
        n('NHIỆM VỤ', 3, 0),
        n('Sở Nội vụ', 3, 1),
        n('Danh sách mới', 4, 1),
        n('Gạch', 2, 0),
        n('Cộng', 2, 1),
        para(run('Tắt đánh số'), numPr(0, 0)),
      ].join(''),
    });
    const doc = await extractDocx(bytes);
    expect(texts(doc.blocks)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '1.1. Chi tiết một',
      '1.2. Chi tiết hai',
      'a) Điểm',
      'b) Điểm',
      'c) Điểm',
      'd) Điểm',
      'e) Điểm',
      // Word's letters, not the Vietnamese alphabet: "f" follows "e".
      'f) Điểm sáu',
      '- Gạch đầu dòng',
      '+ Dấu cộng',
      '2. Yêu cầu',
      '2.1. Chi tiết mới',
      'Đoạn thường',
      'II. NHIỆM VỤ',
      '1. Sở Nội vụ',
      '1. Danh sách mới',
      '- Gạch',
      '+ Cộng',
      'Tắt đánh số',
    ]);
    expect(doc.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('numbers paragraphs through their style and inside table cells, in document order', async () => {
    const styles =
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/></w:style>`;
    const numbering =
      `<w:abstractNum w:abstractNumId="5">${lvl(0, 'upperRoman', '%1.', '<w:pStyle w:val="Heading1"/>')}${lvl(1, 'decimal', '%2.', '<w:pStyle w:val="Heading2"/>')}</w:abstractNum>` +
      `<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>`;
    const bytes = await buildDocx({
      styles,
      numbering,
      body: [
        para(run('MỤC TIÊU'), '<w:pStyle w:val="Heading1"/>'),
        table([[cell(para(run('Trong bảng'), '<w:pStyle w:val="Heading2"/>')), cell(para(run('x')))]]),
        para(run('Sau bảng'), '<w:pStyle w:val="Heading2"/>'),
        para(run('TỔ CHỨC THỰC HIỆN'), '<w:pStyle w:val="Heading1"/>'),
      ].join(''),
    });
    const doc = await extractDocx(bytes);
    expect(texts(doc.blocks)).toEqual(['I. MỤC TIÊU', '2. Sau bảng', 'II. TỔ CHỨC THỰC HIỆN']);
    expect(cellTexts(tables(doc.blocks)[0]!, 0)).toEqual(['1. Trong bảng', 'x']);
    // Bold comes from the paragraph style, which mammoth does not report.
    expect(body(doc.blocks)[0]!.bold).toBe(true);
  });

  it('tells ruled tables from layout tables by table, style and cell borders', async () => {
    const styles = `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>`;
    const nil = '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
    const boxed = '<w:tcBorders><w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/></w:tcBorders>';
    const row = (a: string, tcPr = '') => [cell(para(run(a)), tcPr), cell(para(run(a + '2')), tcPr)];
    const bytes = await buildDocx({
      styles,
      body: [
        table([row('grid')], '<w:tblStyle w:val="TableGrid"/>'),
        table([row('grid-off')], `<w:tblStyle w:val="TableGrid"/>${nil}`),
        table([row('plain')]),
        table([row('cells', boxed)]),
        table([row('outer')], '<w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/></w:tblBorders>'),
      ].join(''),
    });
    const doc = await extractDocx(bytes);
    expect(tables(doc.blocks).map((t) => [t.rows[0]!.cells[0]!.text, t.bordered])).toEqual([
      ['grid', true],
      ['grid-off', false],
      ['plain', false],
      ['cells', true],
      ['outer', true],
    ]);
  });

  it('splits paragraphs at line breaks and keeps running headers and footers apart', async () => {
    const bytes = await buildDocx({
      body: [
        table([[cell(para(`${run('ỦY BAN NHÂN DÂN', '<w:b/>')}<w:r><w:br/></w:r>${run('TỈNH LAI CHÂU', '<w:b/>')}`)), cell(para(run('CỘNG HÒA')))]]),
        para(`${run('KT. CHỦ TỊCH')}<w:r><w:br/><w:t>PHÓ CHỦ TỊCH</w:t></w:r>`, '<w:jc w:val="center"/>'),
      ].join(''),
      header: para(run('Dự thảo lần 2')) + para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
      footer: para(run('Sở Nội vụ') + run(' ') + run('tỉnh Lai Châu')),
      core: `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>05</dc:title><dc:subject> Cải cách hành chính </dc:subject></cp:coreProperties>`,
    });
    const doc = await extractDocx(bytes);
    expect(cellTexts(tables(doc.blocks)[0]!, 0)).toEqual(['ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU', 'CỘNG HÒA']);
    expect(body(doc.blocks).map((p) => [p.lines[0]!.text, p.align])).toEqual([
      ['KT. CHỦ TỊCH', 'center'],
      ['PHÓ CHỦ TỊCH', 'center'],
    ]);
    expect(paras(doc.blocks).filter((p) => p.role).map((p) => [p.role, p.lines[0]!.text])).toEqual([
      ['page-header', 'Dự thảo lần 2'],
      ['page-footer', 'Sở Nội vụ tỉnh Lai Châu'],
    ]);
    // Stored strings stay strings: no number parsing, only outer whitespace trimmed.
    expect(doc.properties).toEqual({ title: '05', subject: 'Cải cách hành chính' });
  });
});

describe('docx extractor errors', () => {
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e instanceof DocxError ? e.code : `not a DocxError: ${String(e)}`;
    }
    return 'no error';
  };

  it('refuses corrupt bytes and a zip without a document as docx/corrupt', async () => {
    expect(await codeOf(extractDocx(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])))).toBe('docx/corrupt');
    expect(await codeOf(extractDocx(new TextEncoder().encode('KẾ HOẠCH số 12/KH-UBND, not a zip at all')))).toBe('docx/corrupt');
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    expect(await codeOf(extractDocx(new Uint8Array(await zip.generateAsync({ type: 'uint8array' }))))).toBe('docx/corrupt');
    // A sample cut short loses its central directory.
    const cut = fixtureBytes(S001, 'plan.docx');
    expect(await codeOf(extractDocx(cut.subarray(0, cut.length - 100)))).toBe('docx/corrupt');
  });

  it('refuses packages larger than the limit before inflating (docx/too-large)', async () => {
    expect(await codeOf(extractDocx(fixtureBytes(S000, 'plan.docx'), { maxUncompressedBytes: 50_000 }))).toBe('docx/too-large');
    const doc = await extractDocx(fixtureBytes(S000, 'plan.docx'), { maxUncompressedBytes: 200_000 });
    expect(doc.blocks.length).toBeGreaterThan(50);
  });

  it('refuses a part that inflates past its declared size', async () => {
    const bytes = await buildDocx({ body: para(run('x'.repeat(5000))) });
    // Lower word/document.xml's declared size in the central directory to 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode('word/document.xml');
    for (let p = 0; p + 46 < bytes.length; p++) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const len = view.getUint16(p + 28, true);
      if (len === name.length && bytes.subarray(p + 46, p + 46 + len).every((b, i) => b === name[i])) view.setUint32(p + 24, 100, true);
    }
    expect(await codeOf(extractDocx(bytes))).toBe('docx/corrupt');
  });
});
