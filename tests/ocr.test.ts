// OCR stage, offline: one real page of a sample (the phone-photo scan-p1.png), the worker pool's
// life cycle, multi-page TIFF decoding, and a PDF with a text page and a scanned page.
// One OCR'd sample page only: recognition takes seconds a page on two cores.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniff } from '../src/detect/sniff.js';
import { OcrPool } from '../src/extract/ocr/engine.js';
import { decodeImage, decodeTiff } from '../src/extract/ocr/images.js';
import { extractImage, pageNeedsOcr, pdfOcr } from '../src/extract/ocr/index.js';
import { estimateSkew, rotate } from '../src/extract/ocr/preprocess.js';
import type { Raster } from '../src/extract/ocr/raster.js';
import { extractPdf } from '../src/extract/pdf/index.js';
import { normalize } from '../src/normalize/index.js';
import { structure } from '../src/structure/index.js';
import type { ExtractedDocument, ParagraphBlock } from '../src/types.js';
import { cerNormalize, substringCer } from '../src/util/cer.js';
import { S000, fixtureBytes, fixtureText } from './helpers.js';

let pool: OcrPool;
beforeAll(() => {
  pool = new OcrPool({ size: 2 });
});
afterAll(async () => {
  await pool.terminate();
});

const paras = (d: ExtractedDocument) => d.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const textOf = (d: ExtractedDocument) => paras(d).map((b) => b.lines.map((l) => l.text).join('\n')).join('\n');

describe('OCR of a real sample page (000 scan-p1.png, a photo of page 1)', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractImage(fixtureBytes(S000, 'scan-p1.png'), 'png', pool);
  }, 180_000);

  it('reads the header, the type line, the number line and the title', () => {
    expect(doc).toMatchObject({ format: 'image', pages: 1, ocr: true });
    const text = textOf(doc);
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Số:\s*\/KH-UBND/u);
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính');
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
  });

  it('stays close to the source text (character error rate)', () => {
    const r = substringCer(cerNormalize(textOf(doc)), cerNormalize(fixtureText(S000)));
    expect(r.refLength).toBeGreaterThan(2500);
    expect(r.cer).toBeLessThan(0.05);
  });

  it('keeps word confidences and boxes on the page, and page-level messages', () => {
    const lines = paras(doc).flatMap((b) => b.lines);
    const words = lines.flatMap((l) => l.words ?? []);
    expect(words.length).toBeGreaterThan(400);
    expect(lines.every((l) => l.page === 1 && l.words?.length)).toBe(true);
    for (const w of words) {
      expect(w.conf).toBeGreaterThanOrEqual(0);
      expect(w.conf).toBeLessThanOrEqual(100);
      expect(w.box.x0).toBeLessThan(w.box.x1);
      expect(w.box.y0).toBeLessThan(w.box.y1);
      expect(w.box.x1).toBeLessThanOrEqual(600);
      expect(w.box.y1).toBeLessThanOrEqual(860);
    }
    const ubnd = words.find((w) => w.text === 'ỦY');
    expect(ubnd!.box.y0).toBeLessThan(200);
    expect(doc.messages.some((m) => m.code === 'ocr/page' && m.page === 1)).toBe(true);
  });

  it('feeds the same structure stage: type, symbol, issuer, date and the centred title', () => {
    const meta = structure(normalize(doc.blocks)).meta;
    expect(meta).toMatchObject({ docType: 'KE_HOACH', symbol: 'KH-UBND', issuedDate: '2023-06', place: 'Lai Châu' });
    expect(meta.title).toBe(
      'Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) tỉnh Lai Châu năm 2023',
    );
  });
});

describe('OCR worker pool', () => {
  it('starts workers on demand, reuses them, recycles after N pages and terminates', async () => {
    const p = new OcrPool({ size: 1, recycleAfter: 2 });
    expect(p.workers).toBe(0);
    const blank: Raster = { width: 40, height: 40, data: new Uint8Array(1600).fill(255), dpi: 300 };
    for (let i = 0; i < 3; i++) await p.recognise(blank);
    expect(p.spawned).toBe(2);
    expect(p.workers).toBe(1);
    await p.terminate();
    expect(p.workers).toBe(0);
    await expect(p.recognise(blank)).rejects.toThrow(/terminated/);
  }, 60_000);
});

/** A little-endian, uncompressed, 8-bit grayscale TIFF with one IFD per page. */
function grayTiff(pages: Raster[]): Uint8Array {
  const entries = 10;
  const ifdSize = 2 + entries * 12 + 4;
  let size = 8;
  const layout = pages.map((p) => {
    const ifd = size;
    const res = ifd + ifdSize;
    const data = res + 8;
    size = data + p.data.length + (p.data.length % 2);
    return { ifd, res, data };
  });
  const buf = Buffer.alloc(size);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(8, 4);
  pages.forEach((p, k) => {
    const { ifd, res, data } = layout[k]!;
    buf.writeUInt16LE(entries, ifd);
    const tags: [number, number, number][] = [
      [256, 4, p.width], // ImageWidth
      [257, 4, p.height], // ImageLength
      [258, 3, 8], // BitsPerSample
      [259, 3, 1], // Compression: none
      [262, 3, 1], // PhotometricInterpretation: black is zero
      [273, 4, data], // StripOffsets
      [277, 3, 1], // SamplesPerPixel
      [279, 4, p.data.length], // StripByteCounts
      [282, 5, res], // XResolution (rational at res)
      [296, 3, 2], // ResolutionUnit: inch
    ];
    tags.forEach(([tag, type, value], i) => {
      const at = ifd + 2 + i * 12;
      buf.writeUInt16LE(tag, at);
      buf.writeUInt16LE(type, at + 2);
      buf.writeUInt32LE(1, at + 4);
      if (type === 3) buf.writeUInt16LE(value, at + 8);
      else buf.writeUInt32LE(value, at + 8);
    });
    buf.writeUInt32LE(k + 1 < pages.length ? layout[k + 1]!.ifd : 0, ifd + 2 + entries * 12);
    buf.writeUInt32LE(p.dpi, res);
    buf.writeUInt32LE(1, res + 4);
    Buffer.from(p.data).copy(buf, data);
  });
  return new Uint8Array(buf);
}

describe('image decoding', () => {
  it('decodes every page of a multi-page TIFF with its resolution', async () => {
    const a: Raster = { width: 30, height: 20, data: new Uint8Array(600).map((_, i) => (i % 30 < 15 ? 0 : 255)), dpi: 200 };
    const b: Raster = { width: 17, height: 9, data: new Uint8Array(153).fill(128), dpi: 300 };
    const bytes = grayTiff([a, b]);
    expect(sniff(bytes)).toMatchObject({ format: 'image', subtype: 'tiff' });
    const pages = decodeTiff(bytes);
    expect(pages.map((p) => [p.width, p.height, p.dpi])).toEqual([
      [30, 20, 200],
      [17, 9, 300],
    ]);
    expect(pages[0]!.data[0]).toBe(0);
    expect(pages[0]!.data[20]).toBe(255);
    expect(pages[1]!.data.every((v) => v === 128)).toBe(true);
    expect((await decodeImage(bytes, 'tiff')).length).toBe(2);
  });

  it('measures and removes skew', () => {
    // Dark horizontal bars (text lines) turned by 2°: the estimate finds the angle back.
    const w = 800, h = 800;
    const data = new Uint8Array(w * h).fill(255);
    for (let y = 100; y < 700; y += 40) for (let yy = y; yy < y + 14; yy++) data.fill(0, yy * w + 100, yy * w + 700);
    const flat: Raster = { width: w, height: h, data, dpi: 300 };
    // rotate(image, a) levels an image whose lines run at a: turning a level one by −2° tilts it by 2°.
    const tilted = rotate(flat, -2);
    expect(Math.abs(estimateSkew(flat))).toBeLessThan(0.1);
    const skew = estimateSkew(tilted);
    expect(skew).toBeCloseTo(2, 0);
    expect(Math.abs(estimateSkew(rotate(tilted, skew)))).toBeLessThan(0.2);
  });
});

describe('which PDF pages need OCR', () => {
  it('no text, unmapped glyphs, or a thin text layer over a page-sized image', () => {
    expect(pageNeedsOcr('')).toBe(true);
    expect(pageNeedsOcr('\uE001\uE002\uE003'.repeat(20))).toBe(true);
    const viet = 'Ủy ban nhân dân tỉnh Lai Châu ban hành Kế hoạch duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính. '.repeat(4);
    expect(pageNeedsOcr(viet)).toBe(false);
    expect(pageNeedsOcr(viet, 0.95)).toBe(false);
    expect(pageNeedsOcr('SAO Y; ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ; Thời gian ký: 2025-09-15', 0.98)).toBe(true);
    // A text layer whose words are not Vietnamese syllables (a broken font map), by the injected score.
    expect(pageNeedsOcr(viet, 0, { vietnameseScore: () => 0.3 })).toBe(true);
    expect(pageNeedsOcr(viet, 0, { vietnameseScore: () => 0.99 })).toBe(false);
    expect(pageNeedsOcr('Trang 2', 0, { vietnameseScore: () => 0 })).toBe(false);
  });
});

/** A two-page PDF: page 1 with a text layer, page 2 a grayscale image only (a scanned strip). */
function mixedPdf(image: Raster): Uint8Array {
  const w = (image.width * 72) / image.dpi;
  const h = (image.height * 72) / image.dpi;
  const text = 'BT /F1 14 Tf 72 760 Td (Trang mot co lop chu that.) Tj ET';
  const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im1 Do Q`;
  const pixels = deflateSync(Buffer.from(image.data));
  const objs: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Contents 7 0 R /Resources << /XObject << /Im1 8 0 R >> >> >>`,
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
        'latin1',
      ),
      pixels,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objs.forEach((o, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

describe('a PDF mixing a text page and a scanned page', () => {
  it('OCRs only the page without text, and keeps page order', async () => {
    const [photo] = await decodeImage(fixtureBytes(S000, 'scan-p1.png'), 'png');
    // The strip with the type line and the title (rows 470–640 of the 1734 × 2479 photo).
    const top = 470, rows = 170;
    const strip: Raster = { width: photo!.width, height: rows, data: photo!.data.slice(top * photo!.width, (top + rows) * photo!.width), dpi: photo!.dpi };
    const doc = await extractPdf(mixedPdf(strip), { ocr: pdfOcr(pool) });
    expect(doc).toMatchObject({ format: 'pdf', pages: 2, ocr: true });
    const lines = paras(doc).flatMap((b) => b.lines);
    expect(lines[0]).toMatchObject({ text: 'Trang mot co lop chu that.', page: 1 });
    expect(lines[0]!.words).toBeUndefined();
    const scanned = lines.filter((l) => l.page === 2);
    expect(scanned.length).toBeGreaterThan(0);
    expect(scanned.every((l) => l.words?.length)).toBe(true);
    expect(scanned.map((l) => l.text).join(' ')).toContain('KẾ HOẠCH');
    expect(lines.findIndex((l) => l.page === 2)).toBeGreaterThan(0);
    expect(doc.messages.some((m) => m.code === 'ocr/page' && m.page === 2)).toBe(true);
    expect(doc.messages.some((m) => m.page === 1 && m.source === 'extract/ocr')).toBe(false);
  }, 120_000);
});
