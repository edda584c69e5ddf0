// Runs in legacy Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times") → Unicode, in mammoth's tree,
// before anything reads the text. The run's font decides where it names a legacy font; the rest
// is judged by its text, paragraph by paragraph (src/encoding).
import { decodeLegacy, fontEncoding, hasUnicodeVietnamese, repairSegments, type FontEncoding, type LegacyEncoding } from '../../encoding/index.js';
import type { MDocument, MElement } from './tree.js';

interface TextNode {
  el: MElement;
  font: FontEncoding | null;
}

/** Each paragraph's text nodes (body, tables, notes), with what their run's font says. */
function paragraphs(doc: MDocument): TextNode[][] {
  const out: TextNode[][] = [];
  const visit = (e: MElement, font: FontEncoding | null, para: TextNode[] | null) => {
    if (e.type === 'paragraph') {
      const p: TextNode[] = [];
      out.push(p);
      for (const c of e.children ?? []) visit(c, null, p);
    } else if (e.type === 'run') {
      for (const c of e.children ?? []) visit(c, fontEncoding(e.font), para);
    } else if (e.type === 'text') {
      if (para && e.value) para.push({ el: e, font });
    } else for (const c of e.children ?? []) visit(c, font, para);
  };
  visit(doc, null, null);
  for (const note of Object.values(doc.notes?._notes ?? {})) for (const e of note.body) visit(e, null, null);
  return out;
}

export interface LegacyRuns {
  /** Text nodes converted because their run's font is a legacy one. */
  byFont: number;
  /** Paragraphs converted because their text reads as a legacy encoding. */
  byText: number;
  encodings: Set<LegacyEncoding>;
}

/** Convert legacy-encoded text in the tree, in place. */
export function convertLegacyRuns(doc: MDocument): LegacyRuns {
  const result: LegacyRuns = { byFont: 0, byText: 0, encodings: new Set() };
  const rest: TextNode[][] = [];
  for (const p of paragraphs(doc)) {
    // A legacy font name over Unicode Vietnamese is a converted document whose fonts were left as they were.
    const stale = p.some((n) => n.font && hasUnicodeVietnamese(n.el.value!));
    const unnamed: TextNode[] = [];
    for (const n of p) {
      if (n.font && !stale) {
        const v = decodeLegacy(n.el.value!, n.font);
        if (v !== n.el.value) {
          n.el.value = v;
          result.byFont++;
          result.encodings.add(n.font.encoding);
        }
      } else unnamed.push(n);
    }
    rest.push(unnamed);
  }
  // Runs in other fonts, or none: their paragraph's text decides.
  const repaired = repairSegments(rest.map((ns) => ns.map((n) => n.el.value!).join('')));
  rest.forEach((ns, i) => {
    const encoding = repaired.encodings[i];
    if (!encoding) return;
    for (const n of ns) n.el.value = decodeLegacy(n.el.value!, encoding);
    result.byText++;
    result.encodings.add(encoding);
  });
  return result;
}
