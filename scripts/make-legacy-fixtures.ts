// Legacy-encoding fixtures made from the samples, for `npm run eval` and tests/legacy.test.ts:
//   plan-tcvn3.docx  every w:t of plan.docx in TCVN3, runs in .VnTime (.VnTimeH for capitals with marks)
//   source-vni.txt   source.txt as VNI bytes (cp1252 code page), as an 8-bit export would be
// Both must ingest to what their Unicode originals give.
//   npm run build && node dist/scripts/make-legacy-fixtures.js [--samples fixtures/samples]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { cp1252Bytes, toTcvn3Runs, toVni, type Tcvn3Font } from './legacy-encodings.js';
import { writePdf } from './pdf-writer.js';

const FONT: Record<Exclude<Tcvn3Font, 'unicode'>, string> = { text: '.VnTime', caps: '.VnTimeH' };
/** Parts whose runs hold text: the body, running headers and footers, notes. */
const TEXT_PART = /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
/** A fixed time for rewritten zip entries, so that the fixtures are the same on every run. */
const DATE = new Date('2025-01-01T00:00:00Z');

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e]!,
  );
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The run properties with the font set (w:rFonts comes right after w:rStyle in the schema order). */
function withFont(rPr: string, font: string): string {
  const fonts = `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/>`;
  if (!rPr) return `<w:rPr>${fonts}</w:rPr>`;
  const inner = rPr.replace(/^<w:rPr>|<\/w:rPr>$/g, '').replace(/<w:rFonts\b[^>]*\/>/, '');
  const style = /^<w:rStyle\b[^>]*\/>/.exec(inner)?.[0] ?? '';
  return `<w:rPr>${style}${fonts}${inner.slice(style.length)}</w:rPr>`;
}

/** The children of a run after its properties, as XML strings; null if the run holds anything unexpected. */
function runChildren(body: string): string[] | null {
  const out: string[] = [];
  let rest = body;
  while (rest) {
    const m = /^<(w:[A-Za-z]+)\b[^>]*?(\/?)>/.exec(rest);
    if (!m) return null;
    if (m[2]) {
      out.push(m[0]);
      rest = rest.slice(m[0].length);
      continue;
    }
    const close = rest.indexOf(`</${m[1]}>`);
    if (close < 0) return null;
    out.push(rest.slice(0, close + m[1]!.length + 3));
    rest = rest.slice(close + m[1]!.length + 3);
  }
  return out;
}

/** One run → runs whose text is TCVN3 in the legacy fonts (characters that clash with TCVN3 bytes keep the run's own font). */
function encodeRun(run: string): string {
  const m = /^<w:r(\s[^>]*)?>((?:<w:rPr>[\s\S]*?<\/w:rPr>)?)([\s\S]*)<\/w:r>$/.exec(run);
  if (!m) return run;
  const [, attrs = '', rPr = '', body = ''] = m;
  const children = runChildren(body);
  if (!children || !children.some((c) => c.startsWith('<w:t>') || c.startsWith('<w:t '))) return run;
  let out = '';
  for (const c of children) {
    const t = /^<w:t(?:\s[^>]*)?>([\s\S]*)<\/w:t>$/.exec(c);
    if (!t) {
      out += `<w:r${attrs}>${rPr}${c}</w:r>`;
      continue;
    }
    for (const seg of toTcvn3Runs(unescapeXml(t[1]!))) {
      const props = seg.font === 'unicode' ? rPr : withFont(rPr, FONT[seg.font]);
      out += `<w:r${attrs}>${props}<w:t xml:space="preserve">${escapeXml(seg.text)}</w:t></w:r>`;
    }
  }
  return out;
}

export async function tcvn3Docx(docx: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files).filter((n) => TEXT_PART.test(n))) {
    const xml = await zip.file(name)!.async('string');
    // Runs do not nest; a run's end is the first </w:r> after its start.
    const encoded = xml.replace(/<w:r(?:\s[^>]*)?>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g, encodeRun);
    zip.file(name, encoded, { date: DATE });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** source.txt → VNI bytes. */
export const vniText = (text: string): Uint8Array => cp1252Bytes(toVni(text));

async function main() {
  const { values } = parseArgs({ options: { samples: { type: 'string' } } });
  const root = path.resolve(values.samples ?? path.join(process.cwd(), 'fixtures', 'samples'));
  for (const id of readdirSync(root).sort()) {
    const dir = path.join(root, id);
    const docx = path.join(dir, 'plan.docx');
    const source = path.join(dir, 'source.txt');
    if (!existsSync(docx) || !existsSync(source)) continue;
    writeFileSync(path.join(dir, 'plan-tcvn3.docx'), await tcvn3Docx(readFileSync(docx)));
    writeFileSync(path.join(dir, 'source-vni.txt'), vniText(readFileSync(source, 'utf8')));
    console.log(`${id}: plan-tcvn3.docx, source-vni.txt`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * A one-page PDF whose lines are drawn in the named fonts (not embedded, WinAnsiEncoding), as a
 * producer leaves a document in legacy fonts without a ToUnicode map: text extraction yields the
 * cp1252 view of the bytes. `text` is that view (cp1252 characters); each line is one text run.
 */
export function pdfWithFonts(lines: { text: string; font: string; size?: number }[]): Uint8Array {
  const fonts = [...new Set(lines.map((l) => l.font))];
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  const fontRefs = fonts.map((_, i) => `/F${i + 1} ${5 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontRefs} >> >> /Contents 4 0 R >>`);
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  let y = 800;
  const ops = lines.map((l) => {
    const size = l.size ?? 12;
    y -= size * 1.6;
    const bytes = Buffer.from(cp1252Bytes(l.text)).toString('latin1');
    return `BT /F${fonts.indexOf(l.font) + 1} ${size} Tf 60 ${y.toFixed(1)} Td (${esc(bytes)}) Tj ET`;
  });
  const stream = ops.join('\n');
  add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  const widths = Array.from({ length: 224 }, () => '500').join(' ');
  fonts.forEach((f, i) => {
    const name = f.replace(/[^!-~]|[()<>[\]{}/%#]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    add(`<< /Type /Font /Subtype /TrueType /BaseFont /${name} /FirstChar 32 /LastChar 255 /Widths [${widths}] /Encoding /WinAnsiEncoding /FontDescriptor ${6 + i * 2} 0 R >>`);
    add(`<< /Type /FontDescriptor /FontName /${name} /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>`);
  });
  return writePdf(objects, { binaryComment: true });
}
