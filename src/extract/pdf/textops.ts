// Text runs read from pdfjs's operator list instead of getTextContent.
//
// The pipeline needs the operator list anyway (ruling lines for tables, the fonts' names for bold
// and legacy encodings, images for scans under a text layer), and pdfjs builds it from the same
// content stream and the same glyphs, already mapped to Unicode, that getTextContent parses a
// second time. Walking PDF's text state over the operator list (Tm, Td, TD, T*, TL, Tc, Tw, Tz, Ts,
// q/Q, cm, form XObjects: the arithmetic of pdfjs's canvas showText) gives the same runs at about
// half the cost of getTextContent. Runs are grouped the way getTextContent groups them: a run ends
// at a change of font or size, a shift off the baseline, a step backwards, or a gap wider than
// SPACE_IN_FLOW_MAX of the font size; a smaller gap (or a space glyph) inside a run is one space.
import { normalizeUnicode, OPS } from './pdfjs.js';

export type Matrix = [number, number, number, number, number, number];

/** One run of text as getTextContent would give it: its string, the user-space matrix at its start, its advance. */
export interface TextRun {
  str: string;
  /** [a, b, c, d, e, f]: the text rendering matrix at the run's first glyph (size on the diagonal, origin in e, f). */
  transform: Matrix;
  /** Advance of the run in user space, along its baseline. */
  width: number;
  /** pdfjs's loaded font name (a key of page.commonObjs). */
  fontName: string;
}

/** What the reader needs of a loaded font (pdfjs's FontInfo on the main thread). */
export interface FontMetrics {
  fontMatrix?: ArrayLike<number> | null;
  vertical?: boolean;
  isType3Font?: boolean;
  bbox?: ArrayLike<number> | null;
}

/** The glyph as the operator list carries it (pdfjs's Glyph, shared with the worker: read only). */
interface OpGlyph {
  unicode: string;
  width: number;
  isSpace?: boolean;
}

// pdfjs's thresholds for text content (src/core/evaluator.js), in units of the font size.
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const NEGATIVE_SPACE_MAX = -0.2;
/** Off the run's baseline by more than this share of the size: another run (a line, a raised call). */
const BASELINE_SHIFT = 0.1;

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const FONT_IDENTITY = [0.001, 0, 0, 0.001, 0, 0];

export const multiply = (m: ArrayLike<number>, n: ArrayLike<number>): Matrix => [
  m[0]! * n[0]! + m[2]! * n[1]!,
  m[1]! * n[0]! + m[3]! * n[1]!,
  m[0]! * n[2]! + m[2]! * n[3]!,
  m[1]! * n[2]! + m[3]! * n[3]!,
  m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
  m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
];

interface TextState {
  ctm: Matrix;
  /** The text matrix as Tm set it; Td/TD/T* move x, y inside it (as pdfjs's canvas does). */
  tm: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  leading: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  fontName: string | null;
  fontSize: number;
}

const freshState = (): TextState => ({
  ctm: IDENTITY,
  tm: IDENTITY,
  x: 0,
  y: 0,
  lineX: 0,
  lineY: 0,
  leading: 0,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  rise: 0,
  fontName: null,
  fontSize: 0,
});

/** A run being built: its start, its end so far (user space), direction and size. */
interface OpenRun {
  parts: string[];
  fontName: string;
  fontSize: number;
  transform: Matrix;
  /** Unit vector of the baseline and the run's size, both in user space. */
  ux: number;
  uy: number;
  size: number;
  endX: number;
  endY: number;
}

export interface TextFromOperators {
  runs: TextRun[];
  /** Fonts the operator list names that were not loaded: the caller falls back to getTextContent. */
  missingFonts: number;
  /** Text drawn in a vertical (CJK-style) font: left to getTextContent. */
  verticalText: boolean;
}

/**
 * Text runs from an operator list. `fontOf` returns the loaded font of a name (null when pdfjs did
 * not load it); `view` is the page's visible box in user space: glyphs outside it are dropped, as
 * getTextContent drops them.
 */
export function textFromOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  fontOf: (name: string) => FontMetrics | null,
  view: ArrayLike<number>,
): TextFromOperators {
  const runs: TextRun[] = [];
  const stack: TextState[] = [];
  let st = freshState();
  let run: OpenRun | null = null;
  let missingFonts = 0;
  let verticalText = false;
  const fonts = new Map<string, FontMetrics | null>();
  const font = (name: string): FontMetrics | null => {
    if (!fonts.has(name)) {
      const f = fontOf(name);
      fonts.set(name, f);
      if (!f) missingFonts++;
    }
    return fonts.get(name)!;
  };
  const [vx0, vy0, vx1, vy1] = [Math.min(view[0]!, view[2]!), Math.min(view[1]!, view[3]!), Math.max(view[0]!, view[2]!), Math.max(view[1]!, view[3]!)];

  const flush = () => {
    if (run) {
      const str = normalizeUnicode(run.parts.join(''));
      const width = (run.endX - run.transform[4]) * run.ux + (run.endY - run.transform[5]) * run.uy;
      runs.push({ str, transform: run.transform, width, fontName: run.fontName });
      run = null;
    }
  };
  const moveText = (x: number, y: number) => {
    st.x = st.lineX += x;
    st.y = st.lineY += y;
  };
  const setFont = (name: string, size: number) => {
    st.fontName = name;
    st.fontSize = size;
  };

  const showText = (glyphs: ArrayLike<OpGlyph | number>) => {
    const name = st.fontName;
    if (name === null || st.fontSize === 0) return;
    const f = font(name);
    if (!f) return;
    if (f.vertical) {
      verticalText = true;
      return;
    }
    const fm = f.fontMatrix && f.fontMatrix.length >= 4 ? f.fontMatrix : FONT_IDENTITY;
    const fs = st.fontSize;
    const hs = st.hScale;
    // Text space → user space for this show: the CTM times the text matrix.
    const m = multiply(st.ctm, st.tm);
    // The text rendering matrix's scale: the run's size in user space (getTextContent's height).
    let sizeY = fs;
    if (f.isType3Font && Math.abs(fs) <= 1 && f.bbox && (fm[0] !== FONT_IDENTITY[0] || fm[3] !== FONT_IDENTITY[3])) {
      // Type3 fonts drawn at size 1 carry their scale in the font matrix (as getTextContent reads them).
      const glyphHeight = f.bbox[3]! - f.bbox[1]!;
      if (glyphHeight > 0) sizeY *= glyphHeight * fm[3]!;
    }
    const a = m[0] * fs * hs, b = m[1] * fs * hs, c = m[2] * sizeY, d = m[3] * sizeY;
    const size = Math.hypot(c, d);
    const along = Math.hypot(m[0], m[1]) || 1;
    const ux = m[0] / along, uy = m[1] / along;
    const y = st.y + st.rise;
    const advanceScale = fm[0]! * fs;
    let x = st.x;
    let sawSpace = false;
    const n = glyphs.length;
    for (let i = 0; i < n; i++) {
      const g = glyphs[i]!;
      if (typeof g === 'number') {
        x -= (g * fs * hs) / 1000;
        continue;
      }
      const unicode = g.unicode;
      const spacing = (g.isSpace ? st.wordSpacing : 0) + st.charSpacing;
      const glyphAdvance = g.width * advanceScale * hs;
      const kind = glyphKind(unicode);
      if (kind === INVISIBLE) {
        x += glyphAdvance + spacing * hs;
        continue;
      }
      if (kind === WHITESPACE) {
        // Whitespace moves the pen and separates words; it is written as one space between glyphs.
        x += glyphAdvance + spacing * hs;
        sawSpace = true;
        continue;
      }
      const px = m[0] * x + m[2] * y + m[4];
      const py = m[1] * x + m[3] * y + m[5];
      const zeroWidth = kind === DIACRITIC;
      const w = zeroWidth ? 0 : glyphAdvance;
      x += glyphAdvance + spacing * hs;
      if (px + Math.abs(w * along) < vx0 || px > vx1 || py < vy0 || py > vy1) continue;
      if (run) {
        const dx = px - run.endX, dy = py - run.endY;
        const gap = (dx * run.ux + dy * run.uy) / run.size;
        const off = Math.abs(-dx * run.uy + dy * run.ux) / run.size;
        const sameFont = run.fontName === name && run.fontSize === fs && Math.abs(run.size - size) < 1e-6;
        if (!sameFont || off > BASELINE_SHIFT || gap < NEGATIVE_SPACE_MAX || gap > SPACE_IN_FLOW_MAX) flush();
        else if (!zeroWidth && (gap >= SPACE_IN_FLOW_MIN || (sawSpace && gap > -SPACE_IN_FLOW_MIN))) run.parts.push(' ');
      }
      if (!run) run = { parts: [], fontName: name, fontSize: fs, transform: [a, b, c, d, px, py], ux, uy, size: size || 1, endX: px, endY: py };
      run.parts.push(unicode);
      // The pen of the run's end: after the glyph itself (its spacing is a gap, measured at the next glyph).
      if (w !== 0) {
        run.endX = m[0] * (x - spacing * hs) + m[2] * y + m[4];
        run.endY = m[1] * (x - spacing * hs) + m[3] * y + m[5];
      }
      sawSpace = false;
    }
    // The pen moves in text space by what was shown (pdfjs's canvas: current.x += x * textHScale).
    st.x = x;
  };

  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k]!;
    const args = argsArray[k] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? freshState();
        break;
      case OPS.transform:
        if (args) st.ctm = multiply(st.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const matrix = args?.[0] as ArrayLike<number> | null | undefined;
        if (matrix && matrix.length === 6) st.ctm = multiply(st.ctm, matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? freshState();
        break;
      case OPS.beginText:
        st.tm = IDENTITY;
        st.x = st.lineX = st.y = st.lineY = 0;
        break;
      case OPS.setTextMatrix: {
        const matrix = (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0]) ? args![0] : args) as ArrayLike<number> | null;
        if (matrix && matrix.length === 6) st.tm = Array.from(matrix) as Matrix;
        st.x = st.lineX = st.y = st.lineY = 0;
        break;
      }
      case OPS.moveText:
        if (args) moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.setLeadingMoveText:
        if (args) {
          st.leading = Number(args[1]);
          moveText(Number(args[0]), Number(args[1]));
        }
        break;
      case OPS.setLeading:
        // TL sets the distance down to the next line; T* moves by its negative (canvas keeps -leading).
        if (args) st.leading = -Number(args[0]);
        break;
      case OPS.nextLine:
        moveText(0, st.leading);
        break;
      case OPS.setCharSpacing:
        if (args) st.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        if (args) st.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        if (args) st.hScale = Number(args[0]) / 100;
        break;
      case OPS.setTextRise:
        if (args) st.rise = Number(args[0]) || 0;
        break;
      case OPS.setFont:
        if (args) setFont(String(args[0]), Number(args[1]) || 0);
        break;
      case OPS.setGState:
        for (const entry of (args?.[0] as [string, unknown][] | undefined) ?? []) {
          if (entry[0] === 'Font' && Array.isArray(entry[1])) setFont(String(entry[1][0]), Number(entry[1][1]) || 0);
        }
        break;
      case OPS.showText:
        if (args) showText(args[0] as ArrayLike<OpGlyph | number>);
        break;
      default:
        break;
    }
  }
  flush();
  return { runs, missingFonts, verticalText };
}

export const NORMAL = 0, WHITESPACE = 1, DIACRITIC = 2, INVISIBLE = 3;
/** getTextContent's classes of a glyph's text (pdfjs getCharUnicodeCategory), in the order its loop tests them. */
const KIND_RE = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const kinds = new Map<string, number>();
export function glyphKind(unicode: string): number {
  if (unicode.length === 1) {
    // Printable Latin, Latin-1 letters and the Vietnamese block: the common case, without a lookup.
    const c = unicode.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c > 0xbf && c < 0x300) || (c >= 0x1e00 && c <= 0x1eff)) return NORMAL;
  }
  let k = kinds.get(unicode);
  if (k === undefined) {
    const m = KIND_RE.exec(unicode);
    k = !m ? NORMAL : m[3] ? INVISIBLE : m[1] ? WHITESPACE : DIACRITIC;
    if (kinds.size < 65536) kinds.set(unicode, k);
  }
  return k;
}
