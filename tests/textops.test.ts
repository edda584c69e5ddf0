// Text from pdfjs's operator list (src/extract/pdf/textops.ts) against pdfjs's own getTextContent:
// the same lines on every page of the sample PDFs, and on a hand-made page that exercises the text
// state operators the samples do not use (Tm, TJ kerning, Tz, Ts, TL/T*, ', ", Tc/Tw, cm, forms).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openPdf, readPage, type TextSource } from '../src/extract/pdf/load.js';
import { buildLines } from '../src/extract/pdf/lines.js';
import { textExtractionWorker } from '../src/extract/pdf/pdfjs.js';
import { DIACRITIC, glyphKind, INVISIBLE, NORMAL, WHITESPACE } from '../src/extract/pdf/textops.js';
import { letters } from '../src/extract/ocr/needs.js';
import { writePdf } from '../scripts/pdf-writer.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'samples');
const SAMPLES = ['000_c1c288300de4c859', '001_d8cd633b5606b692', '003_f7fad6bf798f2d1b', '004_4707ab087540d084'];

async function pageLines(bytes: Uint8Array, source: TextSource) {
  const doc = await openPdf(bytes);
  try {
    const out = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await readPage(doc, p, source);
      out.push({ lines: buildLines(page.items, p), rulings: page.rulings.length, rotated: page.rotatedItems });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** A one-page PDF (A4) with Helvetica as F1 and Helvetica-Bold as F2, the given content stream and an optional form XObject. */
function onePagePdf(content: string, form?: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  const formBody = form ?? 'BT /F1 10 Tf 0 0 Td (form text) Tj ET';
  objects.push(
    `<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 40 -60] /Resources << /Font << /F1 5 0 R >> >> /Length ${Buffer.byteLength(formBody, 'latin1')} >>\nstream\n${formBody}\nendstream`,
  );
  return writePdf(objects);
}

const summary = (l: { text: string; x0: number; baseline: number; size: number; bold: boolean }) => ({
  text: l.text,
  x0: Math.round(l.x0 * 10) / 10,
  baseline: Math.round(l.baseline * 10) / 10,
  size: Math.round(l.size * 10) / 10,
  bold: l.bold,
});
/** Right ends agree within a quarter point (the two readers add the same advances in another order). */
const sameEnds = (a: { x1: number }[], b: { x1: number }[]) => a.every((l, i) => Math.abs(l.x1 - b[i]!.x1) < 0.25);

describe('text from the operator list', () => {
  it.each(SAMPLES)('gives the lines getTextContent gives on every page of %s/plan.pdf', async (id) => {
    const bytes = new Uint8Array(readFileSync(path.join(root, id, 'plan.pdf')));
    const [ops, content] = [await pageLines(bytes, 'operators'), await pageLines(bytes, 'text-content')];
    expect(ops.length).toBe(content.length);
    let lines = 0;
    ops.forEach((p, i) => {
      expect(p.lines.map(summary)).toEqual(content[i]!.lines.map(summary));
      expect(sameEnds(p.lines, content[i]!.lines)).toBe(true);
      expect(p.rulings).toBe(content[i]!.rulings);
      lines += p.lines.length;
    });
    expect(lines).toBeGreaterThan(100);
  });

  it('follows Tm, TJ kerning, Tz, Ts, TL/T*, quote operators, Tc/Tw, cm inside q/Q and form XObjects', async () => {
    const content = [
      // Tm with a scale: 24 pt on screen from a 12 pt font.
      'BT /F2 12 Tf 2 0 0 2 72 780 Tm (Title) Tj ET',
      // TJ: kerning that is no space, one that is a word space, one that splits the run.
      'BT /F1 12 Tf 72 740 Td [(Ke) -20 (hoach) -300 (so) -2000 (12)] TJ ET',
      // Horizontal scaling, then a raised footnote call: smaller, lifted with Ts.
      'BT /F1 12 Tf 72 720 Td 50 Tz (narrow) Tj 100 Tz /F1 7 Tf 4 Ts (1) Tj /F1 12 Tf 0 Ts ( after) Tj ET',
      // Leading and T*, then the quote operators (\' and ") with word and character spacing.
      "BT /F1 12 Tf 14 TL 72 700 Td (line one) Tj T* (line two) Tj (line three) ' 3 0.5 (spaced out) \" ET",
      // A scaled CTM inside q/Q, and text after Q back at the page's scale.
      'q 1.5 0 0 1.5 0 0 cm BT /F1 10 Tf 48 400 Td (scaled by cm) Tj ET Q BT /F1 10 Tf 72 560 Td (back to normal) Tj ET',
      // Text off the page is not read; a form XObject's text is, moved by its matrix.
      'BT /F1 12 Tf -900 500 Td (off the page) Tj ET /X1 Do',
      // Whitespace glyphs: runs of spaces become one space; a wide run of spaces is a gap.
      'BT /F1 12 Tf 72 500 Td (two  spaces) Tj ET BT /F1 12 Tf 72 480 Td (left                                   right) Tj ET',
    ].join('\n');
    const bytes = onePagePdf(content, 'BT /F1 10 Tf 100 300 Td (form text) Tj ET');
    const [[ops], [reference]] = [await pageLines(bytes, 'operators'), await pageLines(bytes, 'text-content')];
    const texts = ops!.lines.map((l) => l.text);
    expect(texts).toEqual([
      'Title',
      'Kehoach so 12',
      'narrow¹ after',
      'line one',
      'line two',
      'line three',
      'spaced out',
      'scaled by cm',
      'back to normal',
      'two spaces',
      'left right',
      'form text',
    ]);
    expect(ops!.lines.map(summary)).toEqual(reference!.lines.map(summary));
    expect(sameEnds(ops!.lines, reference!.lines)).toBe(true);
    const title = ops!.lines[0]!;
    expect(Math.round(title.size)).toBe(24);
    expect(title.bold).toBe(true);
    const scaled = ops!.lines.find((l) => l.text === 'scaled by cm')!;
    expect(Math.round(scaled.x0)).toBe(72);
    expect(Math.round(scaled.size)).toBe(15);
    const form = ops!.lines.find((l) => l.text === 'form text')!;
    expect([Math.round(form.x0), Math.round(842 - form.baseline)]).toEqual([140, 240]);
    // The wide gap stays a gap between two runs (the column finder and tables rely on it).
    const leftRight = ops!.lines.find((l) => l.text === 'left right')!;
    expect(leftRight.items.length).toBe(2);
  });

  it('classifies glyph text as getTextContent does, fast path included', () => {
    const reference = (u: string) => {
      const m = /^(\s)|(\p{Mn})|(\p{Cf})$/u.exec(u);
      return !m ? NORMAL : m[3] ? INVISIBLE : m[1] ? WHITESPACE : DIACRITIC;
    };
    for (const u of ['a', 'Ệ', 'đ', ' ', '\u00a0', '\u0301', '\u00ad', '\u200b', 'ﬁ', '', '中'])
      expect(glyphKind(u)).toBe(reference(u));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3 }), (u) => glyphKind(u) === reference(u)), { seed: 7, numRuns: 5000 });
  });

  it('counts letters (code points) as \\p{L} does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => letters(s) === [...s.replace(/[^\p{L}]/gu, '')].length),
      { seed: 11, numRuns: 5000 },
    );
    expect(letters('Ủy ban 12 ×÷ 𝐀bc')).toBe(8);
  });
});

describe('the in-thread pdfjs worker for text', () => {
  it('hands operator lists over without copying glyphs, and leaves no listener behind a closed document', async () => {
    const { port } = textExtractionWorker();
    const bytes = new Uint8Array(readFileSync(path.join(root, SAMPLES[0]!, 'plan.pdf')));
    const before = port.sharedChunks;
    // Opening the first document attaches the worker's own pair of handlers.
    await (await openPdf(bytes)).destroy();
    const idle = port.listenerCount;
    for (let i = 0; i < 5; i++) {
      const doc = await openPdf(bytes);
      await readPage(doc, 1);
      expect(port.listenerCount).toBeGreaterThan(idle);
      await doc.destroy();
    }
    expect(port.listenerCount).toBe(idle);
    expect(port.sharedChunks).toBeGreaterThanOrEqual(before + 5);
  });
});
