// Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) → Unicode: decoders, detection by font
// name and by text, and the extractors that use them (docx runs, PDF text items, 8-bit text).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cp1252Bytes, cp1258Bytes, toTcvn3, toTcvn3Runs, toVni } from '../scripts/legacy-encodings.js';
import { pdfWithFonts, tcvn3Docx, vniText } from '../scripts/make-legacy-fixtures.js';
import { sniff } from '../src/detect/sniff.js';
import {
  decodeLegacyBytes,
  decodeTcvn3,
  decodeVni,
  detectLegacy,
  fontEncoding,
  repairBlocks,
  repairSegments,
  repairText,
} from '../src/encoding/index.js';
import { extractDocx } from '../src/extract/docx/index.js';
import { loadedPageNeedsOcr } from '../src/extract/ocr/needs.js';
import { extractPdf, type PdfPageOcr } from '../src/extract/pdf/index.js';
import { openPdf } from '../src/extract/pdf/load.js';
import { extractText, TextError } from '../src/extract/text/index.js';
import { processFile } from '../src/ingest.js';
import { vietnameseScore } from '../src/normalize/syllables.js';
import type { Block } from '../src/types.js';
import { CANTHO, S000, S001, S003, S004, fixtureBytes, fixtureText } from './helpers.js';

const DOCX_SAMPLES = [S000, S001, S003, S004];
const ALL_SAMPLES = [...DOCX_SAMPLES, CANTHO];

/** What TCVN3 without font information keeps of a text: capitals with a mark exist only in the all-caps fonts. */
const tcvn3Case = (s: string) => [...s].map((c) => (c !== c.toLowerCase() && !/[A-ZĂÂÊÔƠƯĐ]/.test(c) ? c.toLowerCase() : c)).join('');
/** Lines of a sample with at least one letter a legacy encoding changes. */
const legacyLines = (sample: string) => fixtureText(sample).split('\n').filter((l) => toVni(l) !== l);

const blockTexts = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? b.lines.map((l) => l.text) : b.rows.flatMap((r) => r.cells.map((c) => c.text))));

describe('decoders', () => {
  it('VNI: round trip of every sample, both cases, two-byte letters included', () => {
    for (const s of ALL_SAMPLES) {
      const text = fixtureText(s);
      const vni = toVni(text);
      expect(vni).toContain('ñ'); // đ
      expect(decodeVni(vni)).toBe(text);
    }
    expect(decodeVni('UÛY BAN NHAÂN DAÂN TÆNH')).toBe('ỦY BAN NHÂN DÂN TỈNH');
    expect(decodeVni('Xin chaøo caùc baïn, ñöôïc')).toBe('Xin chào các bạn, được');
  });

  it('TCVN3: round trip of every sample, capitals through the all-caps font', () => {
    for (const s of ALL_SAMPLES) {
      const text = fixtureText(s);
      const runs = toTcvn3Runs(text);
      expect(runs.some((r) => r.font === 'caps')).toBe(true);
      expect(runs.map((r) => (r.font === 'unicode' ? r.text : decodeTcvn3(r.text, r.font === 'caps'))).join('')).toBe(text);
      // Without fonts, capitals with marks come out small; superscripts ¹ share ạ's byte.
      const plain = text.replace(/[¹²]/g, '');
      expect(decodeTcvn3(toTcvn3(plain))).toBe(tcvn3Case(plain));
    }
    expect(decodeTcvn3('Uû ban nh©n d©n')).toBe('Uỷ ban nhân dân');
    expect(decodeTcvn3('kÕ ho¹ch', true)).toBe('KẾ HOẠCH');
  });

  it('TCVN3 as PDF text layers give it: ư as a hyphen or minus, à as Greek mu; real hyphens stay', () => {
    for (const s of ALL_SAMPLES) {
      const plain = fixtureText(s).replace(/[¹²]/g, '');
      const pdfView = toTcvn3(plain).replace(/\u00ad/g, '-').replace(/µ/g, 'μ');
      expect(decodeTcvn3(pdfView)).toBe(tcvn3Case(plain));
    }
    expect(decodeTcvn3('tr−êng, ®−îc, KH-UBND, 2021-2025, kinh tÕ - x· héi')).toBe('trường, được, KH-UBND, 2021-2025, kinh tế - xã hội');
  });

  it('symbol-font code points and C1 controls are read as their bytes', () => {
    const view = toTcvn3('Ủy ban nhân dân tỉnh');
    const pua = [...view].map((c) => (c.charCodeAt(0) >= 0xa0 ? String.fromCharCode(0xf000 + c.charCodeAt(0)) : c)).join('');
    expect(decodeTcvn3(pua)).toBe('ủy ban nhân dân tỉnh');
    expect(decodeVni('\u0093ñoàng boä\u0094')).toBe('“đồng bộ”');
  });
});

describe('detection', () => {
  it('by font name: .Vn* is TCVN3 (…H all caps), VNI-* is VNI, PDF subset tags and styles ignored', () => {
    expect(fontEncoding('.VnTime')).toEqual({ encoding: 'tcvn3', caps: false });
    expect(fontEncoding('.VnTimeH')).toEqual({ encoding: 'tcvn3', caps: true });
    expect(fontEncoding('ABCDEF+.VnArialH,Bold')).toEqual({ encoding: 'tcvn3', caps: true });
    expect(fontEncoding('VnTime-BoldItalic')).toEqual({ encoding: 'tcvn3', caps: false });
    expect(fontEncoding('.VnCentury Schoolbook')).toEqual({ encoding: 'tcvn3', caps: false });
    expect(fontEncoding('VNI-Times')).toEqual({ encoding: 'vni', caps: false });
    expect(fontEncoding('QWERTY+VNI-Helve-Condense')).toEqual({ encoding: 'vni', caps: false });
    for (const f of ['Times New Roman', 'Arial', 'TimesNewRomanPS-BoldMT', 'Calibri', '', null]) expect(fontEncoding(f)).toBeNull();
  });

  it('by text: sample lines in either encoding are told apart, never mistaken for the other', () => {
    for (const s of ALL_SAMPLES) {
      const lines = legacyLines(s);
      const tcvn3 = lines.map((l) => detectLegacy(toTcvn3(l))?.encoding ?? null);
      const vni = lines.map((l) => detectLegacy(toVni(l))?.encoding ?? null);
      expect(tcvn3).not.toContain('vni');
      expect(vni).not.toContain('tcvn3');
      // Short all-caps lines ("I. MỤC ĐÍCH") are too short to judge alone; the rest are found.
      expect(tcvn3.filter((e) => e === 'tcvn3').length / lines.length).toBeGreaterThan(0.85);
      expect(vni.filter((e) => e === 'vni').length / lines.length).toBeGreaterThan(0.85);
    }
  });

  it('by text, per document: lines too short to judge take the encoding of the whole', () => {
    for (const s of ALL_SAMPLES) {
      const text = fixtureText(s);
      const vni = repairSegments(toVni(text).split('\n'));
      expect(vni.encoding).toBe('vni');
      expect(vni.texts.join('\n')).toBe(text);
    }
  });

  it('never changes Unicode text: every sample source.txt, line by line and whole', () => {
    for (const s of ALL_SAMPLES) {
      const text = fixtureText(s);
      expect(repairText(text)).toEqual({ text, converted: 0, encoding: null });
      for (const line of text.split('\n')) expect(detectLegacy(line)).toBeNull();
      const extracted = extractText(fixtureBytes(s, 'source.txt'));
      expect(extracted.messages.filter((m) => m.code === 'text/legacy-encoding')).toEqual([]);
    }
    // Latin-1-only Vietnamese reads as well either way: left alone.
    expect(detectLegacy('Tôi là cán bộ')).toBeNull();
    expect(repairText('Plain ASCII text, KH-UBND 2021-2025').converted).toBe(0);
  });

  it('repairs extracted blocks (a .doc reader\'s paragraphs and cells)', () => {
    const text = 'Tổ chức triển khai thực hiện các nhiệm vụ được giao';
    const blocks: Block[] = [
      { kind: 'paragraph', lines: [{ text: toTcvn3(text), page: null }], page: null },
      { kind: 'table', rows: [{ cells: [{ text: toTcvn3('Sở Nội vụ chủ trì'), colSpan: 1, rowSpan: 1 }], page: null }], pages: [], bordered: true },
      { kind: 'paragraph', lines: [{ text: 'Nội dung đã là Unicode', page: null }], page: null },
    ];
    expect(repairBlocks(blocks)).toEqual({ converted: 2, encoding: 'tcvn3' });
    expect(blockTexts(blocks)).toEqual([text, 'Sở Nội vụ chủ trì', 'Nội dung đã là Unicode']);
  });
});

describe('8-bit text files', () => {
  it('VNI, TCVN3 and Windows-1258 bytes sniff as text and decode to the sample', () => {
    const text = fixtureText(S001);
    const vni = cp1252Bytes(toVni(text));
    expect(sniff(vni)).toMatchObject({ format: 'text', subtype: 'vni' });
    expect(decodeLegacyBytes(vni)).toMatchObject({ encoding: 'vni', text });
    const tcvn3 = cp1252Bytes(toTcvn3(text));
    expect(sniff(tcvn3)).toMatchObject({ format: 'text', subtype: 'tcvn3' });
    expect(decodeLegacyBytes(tcvn3)?.text).toBe(tcvn3Case(text));
    const cp1258 = cp1258Bytes(text);
    expect(sniff(cp1258)).toMatchObject({ format: 'text', subtype: 'cp1258' });
    expect(decodeLegacyBytes(cp1258)?.text).toBe(text);
  });

  it('8-bit text that is Vietnamese in no encoding, and binary, fail with a reason', () => {
    const german = cp1252Bytes('Über die Straße gehen wir schön langsam, während die Sonne scheint. '.repeat(5));
    const s = sniff(german);
    expect(s).toMatchObject({ format: 'unknown', subtype: 'text-8bit' });
    expect(s.reason).toMatch(/not Vietnamese in TCVN3, VNI or Windows-1258/);
    expect(() => extractText(german)).toThrow(TextError);
    expect(() => extractText(german)).toThrow(/not 8-bit Vietnamese/);
    let x = 7;
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i % 7 === 6 ? 0x20 : 0xa0 + ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 96)));
    expect(sniff(noise).format).toBe('unknown');
    expect(sniff(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 255, 254, 0])).format).toBe('unknown');
  });

  it('the committed source-vni.txt fixtures are what the generator makes, and really 8-bit VNI', () => {
    for (const s of DOCX_SAMPLES) {
      const bytes = fixtureBytes(s, 'source-vni.txt');
      expect(Buffer.from(bytes).equals(Buffer.from(vniText(fixtureText(s))))).toBe(true);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(sniff(bytes)).toMatchObject({ format: 'text', subtype: 'vni' });
    }
  });
});

/** A minimal .docx: one paragraph per entry, each a list of runs with a font and text. */
async function docx(paragraphs: { font?: string; text: string; caps?: boolean }[][]): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs
    .map(
      (runs) =>
        `<w:p>${runs
          .map((r) => `<w:r>${r.font ? `<w:rPr><w:rFonts w:ascii="${r.font}" w:hAnsi="${r.font}"/></w:rPr>` : ''}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`)
          .join('')}</w:p>`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

describe('docx runs', () => {
  it('converts per run in a document that mixes fonts: by font name first, by text where no font says', async () => {
    const bytes = await docx([
      [
        { font: '.VnTimeH', text: toTcvn3('kế hoạch') },
        { font: 'Times New Roman', text: ' số 25 – ' },
        { font: '.VnTime', text: toTcvn3('thực hiện chương trình ') },
        { font: 'VNI-Times', text: toVni('Ủy ban nhân dân') },
        { font: 'Times New Roman', text: ' đã là Unicode' },
      ],
      // No font in the run: the paragraph's text says TCVN3.
      [{ text: toTcvn3('Các sở, ban, ngành tổ chức triển khai thực hiện nghiêm túc') }],
      // A converted document that kept its old font names: left alone.
      [{ font: '.VnTime', text: 'Tôi là cán bộ Sở Nội vụ' }],
    ]);
    const out = await extractDocx(bytes);
    expect(blockTexts(out.blocks)).toEqual([
      'KẾ HOẠCH số 25 – thực hiện chương trình Ủy ban nhân dân đã là Unicode',
      'Các sở, ban, ngành tổ chức triển khai thực hiện nghiêm túc',
      'Tôi là cán bộ Sở Nội vụ',
    ]);
    expect(out.messages.find((m) => m.code === 'docx/legacy-encoding')?.message).toMatch(/3 runs by their font, 1 paragraphs by their text/);
  });

  it('the committed plan-tcvn3.docx fixtures are TCVN3 in .VnTime/.VnTimeH runs, as the generator makes them', async () => {
    for (const s of DOCX_SAMPLES) {
      const bytes = fixtureBytes(s, 'plan-tcvn3.docx');
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      expect(xml).toContain('w:ascii=".VnTime"');
      expect(xml).toContain('w:ascii=".VnTimeH"');
      const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');
      expect(texts).not.toMatch(/[ăđơưạ-ỹ]/i);
      const fresh = await (await JSZip.loadAsync(await tcvn3Docx(fixtureBytes(s, 'plan.docx')))).file('word/document.xml')!.async('string');
      expect(fresh).toBe(xml);
    }
  });

  it('leaves Unicode documents alone', async () => {
    for (const s of DOCX_SAMPLES) {
      const out = await extractDocx(fixtureBytes(s, 'plan.docx'));
      expect(out.messages.filter((m) => m.code === 'docx/legacy-encoding')).toEqual([]);
    }
  });
});

describe('the legacy fixtures ingest as their Unicode originals', () => {
  /** The fields the scorer reads, and the text they point into. */
  const scored = (d: Record<string, unknown>) => ({ meta: d.meta, references: d.references, tasks: d.tasks, targets: d.targets, tables: d.tables, text: d.text });

  for (const s of DOCX_SAMPLES)
    it(`${s}: plan-tcvn3.docx = plan.docx, source-vni.txt = source.txt`, async () => {
      for (const [original, legacy] of [
        ['plan.docx', 'plan-tcvn3.docx'],
        ['source.txt', 'source-vni.txt'],
      ] as const) {
        const a = (await processFile(fixtureBytes(s, original), original)).doc as unknown as Record<string, unknown>;
        const b = (await processFile(fixtureBytes(s, legacy), legacy)).doc as unknown as Record<string, unknown>;
        expect((b.tasks as unknown[]).length).toBeGreaterThan(0);
        expect(scored(b)).toEqual(scored(a));
      }
    });
});

describe('PDF text layers', () => {
  const paragraph = fixtureText(S003)
    .split('\n')
    .filter((l) => l.length > 80 && l.length < 200)[0]!;
  const heading = 'KẾ HOẠCH';
  /** The paragraph in lines short enough for the page (6 pt a character in these fonts). */
  const wrapped = paragraph.match(/.{1,60}(?:\s|$)/g)!.map((l) => l.trim());

  /** An OCR hook that only records which pages the needs check sends to it. */
  const recordingOcr = () => {
    const asked: number[][] = [];
    const ocr: PdfPageOcr = {
      needsOcr: (p) => loadedPageNeedsOcr(p, { vietnameseScore }),
      recognise: async (_doc, pages) => {
        asked.push(pages);
        return new Map();
      },
    };
    return { ocr, asked };
  };
  const pdfText = (blocks: Block[]) => blockTexts(blocks).join(' ').replace(/\s+/g, ' ');

  it('items in .VnTime/.VnTimeH/VNI-* fonts are converted by the font name and do not go to OCR', async () => {
    const bytes = pdfWithFonts([
      { text: toTcvn3(heading.toLowerCase()), font: '.VnTimeH', size: 14 },
      ...wrapped.map((l) => ({ text: toTcvn3(l), font: '.VnTime' })),
      ...wrapped.map((l) => ({ text: toVni(l), font: 'VNI-Times' })),
    ]);
    const { ocr, asked } = recordingOcr();
    const out = await extractPdf(bytes, { ocr });
    expect(asked).toEqual([]);
    const text = pdfText(out.blocks);
    expect(text).toContain(heading);
    expect(text.split(paragraph.replace(/\s+/g, ' ')).length - 1).toBe(2);
    expect(out.messages.filter((m) => m.code === 'pdf/font-without-unicode')).toEqual([]);
  });

  it('items in a font whose name says nothing are converted by the page text', async () => {
    const bytes = pdfWithFonts(wrapped.map((l) => ({ text: toTcvn3(l), font: 'F1' })));
    const { ocr, asked } = recordingOcr();
    const out = await extractPdf(bytes, { ocr });
    expect(asked).toEqual([]);
    expect(pdfText(out.blocks)).toContain(tcvn3Case(paragraph).replace(/\s+/g, ' '));
  });

  it('a text layer no conversion mends still goes to OCR', async () => {
    // Glyph codes of a font with no usable map: Latin-1 symbols that are Vietnamese in no encoding.
    let x = 11;
    const garbage = Array.from({ length: 6 }, () =>
      Array.from({ length: 12 }, () => Array.from({ length: 5 }, () => String.fromCharCode(0x41 + ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 26)) + '¿').join('')).join(' '),
    );
    expect(detectLegacy(garbage.join(' '))).toBeNull();
    const { ocr, asked } = recordingOcr();
    await extractPdf(pdfWithFonts(garbage.map((text) => ({ text, font: '.VnTime' }))), { ocr });
    expect(asked).toEqual([[1]]);
  });
});

describe('sample PDFs', () => {
  it('Unicode text layers are not touched: no page of a sample plan.pdf reads as legacy', async () => {
    for (const s of DOCX_SAMPLES) {
      const doc = await openPdf(fixtureBytes(s, 'plan.pdf'));
      try {
        for (let p = 1; p <= doc.numPages; p++) {
          const page = await doc.getPage(p);
          await page.getOperatorList();
          const items = (await page.getTextContent()).items as { str: string; fontName: string }[];
          expect(items.length).toBeGreaterThan(0);
          expect(items.every((i) => fontEncoding((page.commonObjs.get(i.fontName) as { name?: string } | null)?.name) === null)).toBe(true);
          expect(repairSegments(items.map((i) => i.str)).converted).toBe(0);
        }
      } finally {
        await doc.destroy();
      }
    }
  });
});
