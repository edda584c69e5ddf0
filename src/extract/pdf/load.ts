// pdfjs loading: the document, its info dictionary, and per page the text items and ruling lines.
import { createRequire } from 'node:module';
import path from 'node:path';
import { AnnotationMode, getDocument, OPS, textExtractionWorker } from './pdfjs.js';
import { IDENTITY, multiply, textFromOperators, type FontMetrics, type Matrix } from './textops.js';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfError } from './errors.js';
import type { PageContent, PdfItem, Ruling } from './model.js';
import { decodeRun, fontEncoding, type FontEncoding } from '../../encoding/index.js';
import { repairItems } from './legacy.js';

const require = createRequire(import.meta.url);
// pdfjs reads these with fs in Node; a trailing slash is required because it appends file names.
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
const STANDARD_FONTS = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;
const CMAPS = path.join(PDFJS_DIR, 'cmaps') + path.sep;

/**
 * Fonts for text extraction: pdfjs hands each font to a loader, and in Node (no FontFace API)
 * the loader's failure makes the worker compile every glyph into a path — the costliest part of
 * the operator list, and useless when nothing is drawn. A loader that accepts the font without
 * drawing it keeps the font's name and weight (for bold) and skips the glyphs.
 */
class InertFontFace {
  readonly loaded: Promise<InertFontFace>;
  constructor(readonly family: string) {
    this.loaded = Promise.resolve(this);
  }
}
const INERT_DOCUMENT = { fonts: { add: () => undefined, delete: () => undefined } };

/**
 * Open a PDF. `forRendering` keeps pdfjs's own way for Node (glyphs drawn as paths), which page
 * rendering for OCR needs; text extraction uses the inert font loader above.
 */
export async function openPdf(bytes: Uint8Array, password?: string, forRendering = false): Promise<PDFDocumentProxy> {
  // pdfjs transfers (detaches) the buffer it is given; the caller keeps its own.
  const data = new Uint8Array(bytes);
  if (!forRendering) (globalThis as { FontFace?: unknown }).FontFace ??= InertFontFace;
  const task = getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: forRendering,
    ...(forRendering ? {} : { ownerDocument: INERT_DOCUMENT as never, worker: textExtractionWorker().worker }),
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    ...(password !== undefined ? { password } : {}),
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string })?.name;
    const msg = err instanceof Error ? err.message : String(err);
    if (name === 'PasswordException') {
      throw new PdfError('pdf/encrypted', `PDF is encrypted and needs a password (${msg})`, { cause: err });
    }
    throw new PdfError('pdf/corrupt', `PDF cannot be read: ${msg}`, { cause: err });
  }
}

/** The info dictionary's string fields we pass on. */
export async function readInfo(doc: PDFDocumentProxy): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  try {
    const meta = await doc.getMetadata();
    const info = (meta.info ?? {}) as Record<string, unknown>;
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate']) {
      const v = info[key];
      if (typeof v === 'string' && v.trim()) out[key] = v.trim();
    }
  } catch {
    // A broken info dictionary does not make the text unreadable.
  }
  return out;
}

const BOLD_RE = /bold|black|heavy|semibold|demibold|[-,]bd\b/i;
const ITALIC_RE = /italic|oblique|[-,]it\b/i;

interface FontStyle {
  bold: boolean;
  italic: boolean;
  /** The legacy Vietnamese encoding (TCVN3, VNI) the font's name announces. */
  legacy: FontEncoding | null;
}

function fontStyle(page: PDFPageProxy, fontName: string, cache: Map<string, FontStyle>): FontStyle {
  const hit = cache.get(fontName);
  if (hit) return hit;
  let style: FontStyle = { bold: false, italic: false, legacy: null };
  // Fonts are only in commonObjs once the operator list has been built; guard anyway.
  if (page.commonObjs.has(fontName)) {
    const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; black?: boolean; italic?: boolean } | null;
    const name = font?.name ?? '';
    style = {
      bold: BOLD_RE.test(name) || font?.bold === true || font?.black === true,
      italic: ITALIC_RE.test(name) || font?.italic === true,
      legacy: fontEncoding(name),
    };
  }
  cache.set(fontName, style);
  return style;
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill]);

/** Path data from pdfjs 5 constructPath: DrawOPS codes moveTo=0, lineTo=1, curveTo=2, quadraticCurveTo=3, closePath=4. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): { pts: [number, number][]; closed: boolean }[] {
  const out: { pts: [number, number][]; closed: boolean }[] = [];
  let cur: { pts: [number, number][]; closed: boolean } | null = null;
  let i = 0;
  while (i < data.length) {
    const op = data[i++]!;
    if (op === 0 || op === 1) {
      const p = apply(ctm, data[i]!, data[i + 1]!);
      i += 2;
      if (op === 0 || !cur) {
        cur = { pts: [p], closed: false };
        out.push(cur);
      } else cur.pts.push(p);
    } else if (op === 2) {
      // Curves are never rulings; keep only the end point so following segments start right.
      const p = apply(ctm, data[i + 4]!, data[i + 5]!);
      i += 6;
      cur = { pts: [p], closed: false };
      out.push(cur);
    } else if (op === 3) {
      const p = apply(ctm, data[i + 2]!, data[i + 3]!);
      i += 4;
      cur = { pts: [p], closed: false };
      out.push(cur);
    } else if (op === 4) {
      if (cur) cur.closed = true;
    } else break; // unknown code: stop rather than misread the rest
  }
  return out;
}

const AXIS_TOL = 0.5;

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);

/**
 * Horizontal and vertical rulings in PDF user space (y up), converted to page space by the caller;
 * and the largest area (user space units²) an image is painted over: a scan under a thin text layer.
 */
function rulingsFromOperators(fnArray: number[], argsArray: unknown[][]): { rulings: Ruling[]; imageArea: number } {
  const out: Ruling[] = [];
  let imageArea = 0;
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let lineWidth = 1;
  const widthStack: number[] = [];
  const push = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) <= AXIS_TOL && Math.abs(ax - bx) >= 2) {
      const y = (ay + by) / 2;
      out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: y, y1: y });
    } else if (Math.abs(ax - bx) <= AXIS_TOL && Math.abs(ay - by) >= 2) {
      const x = (ax + bx) / 2;
      out.push({ x0: x, x1: x, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  };
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k]!;
    const args = argsArray[k];
    if (fn === OPS.save) {
      stack.push(ctm);
      widthStack.push(lineWidth);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? IDENTITY;
      lineWidth = widthStack.pop() ?? 1;
    } else if (fn === OPS.transform && args) {
      ctm = multiply(ctm, args as number[]);
    } else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      widthStack.push(lineWidth);
      const m = args[0] as number[] | null;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, m as ArrayLike<number>);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? IDENTITY;
      lineWidth = widthStack.pop() ?? 1;
    } else if (IMAGE_OPS.has(fn)) {
      // Images are drawn into the unit square of the current matrix.
      imageArea = Math.max(imageArea, Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
    } else if (fn === OPS.setLineWidth && args) {
      lineWidth = Number(args[0]) || 0;
    } else if (fn === OPS.constructPath && args) {
      const paintOp = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const stroke = STROKE_OPS.has(paintOp);
      const fill = FILL_OPS.has(paintOp) || paintOp === OPS.fillStroke || paintOp === OPS.eoFillStroke;
      // Clip and endPath paths (the page-sized clip rectangle among them) are not drawn.
      if (!stroke && !fill) continue;
      for (const sp of subpaths(data, ctm)) {
        const pts = sp.pts;
        if (stroke && lineWidth <= 6) {
          for (let j = 1; j < pts.length; j++) push(pts[j - 1]![0], pts[j - 1]![1], pts[j]![0], pts[j]![1]);
          if (sp.closed && pts.length > 2) push(pts[pts.length - 1]![0], pts[pts.length - 1]![1], pts[0]![0], pts[0]![1]);
        }
        if (fill && !stroke && pts.length >= 4 && pts.length <= 5) {
          // A thin filled rectangle is how some producers draw borders.
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
          const rect = pts.every((p) => (Math.abs(p[0] - x0) < AXIS_TOL || Math.abs(p[0] - x1) < AXIS_TOL) && (Math.abs(p[1] - y0) < AXIS_TOL || Math.abs(p[1] - y1) < AXIS_TOL));
          if (!rect) continue;
          const w = x1 - x0, h = y1 - y0;
          if (h <= 3 && w >= 2 && w > h * 3) push(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
          else if (w <= 3 && h >= 2 && h > w * 3) push((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
        }
      }
    }
  }
  return { rulings: out, imageArea };
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

export interface LoadedPage extends PageContent {
  /** Items dropped because their text runs at an angle (stamps, vertical labels). */
  rotatedItems: number;
  /** Share of the page (0–1) covered by its largest image; 0 when not measured (pages without text). */
  imageShare: number;
}

/**
 * Where a page's text comes from: pdfjs's operator list (textops.ts; the default, one parse of the
 * content stream for text, rulings and fonts) or its getTextContent (the fallback for fonts the
 * operator list cannot place, and the reference the tests hold the first to).
 */
export type TextSource = 'operators' | 'text-content';

const hasText = (items: readonly unknown[]) => items.some((i) => typeof (i as RawTextItem).str === 'string' && (i as RawTextItem).str.trim() !== '');

/**
 * Read one page. `probeText` asks getTextContent first and returns at once when the page has no
 * text: the operator list of a scanned page decodes its image (150–270 ms a page on the samples),
 * which a page bound for OCR does not need. The extractor probes once a document has shown a page
 * without text; a text page probed pays for getTextContent, whose items it then uses.
 */
export async function readPage(doc: PDFDocumentProxy, pageNumber: number, textSource: TextSource = 'operators', probeText = false): Promise<LoadedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const empty = { page: pageNumber, width: viewport.width, height: viewport.height, items: [], rulings: [], rotatedItems: 0, imageShare: 0 };
    let probed: RawTextItem[] | null = null;
    if (probeText || textSource === 'text-content') {
      probed = (await page.getTextContent()).items as unknown as RawTextItem[];
      if (!hasText(probed)) return empty;
    }
    // One operator list gives the text (textops.ts), the rulings, the images and the fonts' names.
    // Annotations are left out, as getTextContent leaves them out.
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    const fontOf = (name: string) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontMetrics | null) : null);
    const fromOps = probed ? null : textFromOperators(ops.fnArray, ops.argsArray, fontOf, page.view);
    // A font pdfjs could not load, or vertical writing: getTextContent's own reading.
    const runs: RawTextItem[] =
      probed ?? (fromOps!.missingFonts > 0 || fromOps!.verticalText ? ((await page.getTextContent()).items as unknown as RawTextItem[]) : fromOps!.runs);
    // A page without text (a scan) has nothing for rulings to structure.
    if (!hasText(runs)) return empty;
    const toPage = (x: number, y: number) => viewport.convertToViewportPoint(x, y) as [number, number];
    const fonts = new Map<string, FontStyle>();
    const items: PdfItem[] = [];
    const plain: PdfItem[] = [];
    let rotatedItems = 0;
    for (const it of runs) {
      if (typeof it.str !== 'string' || !it.str.trim()) continue;
      const [a, b, c, d, e, f] = it.transform as [number, number, number, number, number, number];
      if (Math.abs(b) > 0.1 * Math.abs(a) || Math.abs(c) > 0.1 * Math.abs(d) || a <= 0) {
        rotatedItems++;
        continue;
      }
      const size = Math.hypot(c, d);
      const [px0, py] = toPage(e, f);
      const [px1, py1] = toPage(e + it.width, f);
      // A rotated page (/Rotate) turns horizontal user-space text vertical on screen.
      if (Math.abs(py1 - py) > 0.5 && Math.abs(py1 - py) > 0.1 * Math.abs(px1 - px0)) {
        rotatedItems++;
        continue;
      }
      const style = fontStyle(page, it.fontName, fonts);
      items.push({
        text: style.legacy ? decodeRun(it.str, style.legacy) : it.str,
        x0: Math.min(px0, px1),
        x1: Math.max(px0, px1),
        baseline: py,
        size,
        bold: style.bold,
        italic: style.italic,
      });
      if (!style.legacy) plain.push(items[items.length - 1]!);
    }
    // Text in fonts whose names say nothing: the page's text decides (src/encoding).
    repairItems(plain);
    const drawn = rulingsFromOperators(ops.fnArray, ops.argsArray as unknown[][]);
    const rulings: Ruling[] = drawn.rulings.map((r) => {
      const [ax, ay] = toPage(r.x0, r.y0);
      const [bx, by] = toPage(r.x1, r.y1);
      // Exact equality marks the orientation after the conversion (see isHorizontal).
      return Math.abs(ay - by) < Math.abs(ax - bx)
        ? { x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 }
        : { x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) };
    });
    const imageShare = Math.min(1, drawn.imageArea / Math.max(1, viewport.width * viewport.height));
    return { page: pageNumber, width: viewport.width, height: viewport.height, items, rulings, rotatedItems, imageShare };
  } finally {
    page.cleanup();
  }
}
