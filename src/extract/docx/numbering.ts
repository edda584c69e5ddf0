// word/numbering.xml: the list definitions behind automatically numbered paragraphs, and which
// list and level a paragraph is on (its own w:numPr, else its paragraph style's).
import type { Styles } from './styles.js';
import { child, childVal, elements, parseXml, path, type XElement } from './xml.js';

export interface Level {
  /** w:numFmt: decimal, lowerLetter, upperRoman, bullet, none… */
  format: string;
  /** w:lvlText: "%1.", "%1.%2.", "%1)" templates, or the bullet glyph. */
  text: string;
  start: number;
  /** w:lvlRestart (1-based level after which this one restarts; 0 = never), when given. */
  restart?: number;
  /** w:isLgl: every number of this level's text in decimal ("1.1." under "I."). */
  legal: boolean;
  /** Paragraph style linked to this level (w:pStyle), e.g. Heading2 → level 1. */
  style?: string;
}

export interface ListInstance {
  /** Counters are shared per abstract definition: two w:num over one abstractNum continue each other. */
  abstractId: string;
  levels: Map<number, Level>;
  /** w:lvlOverride/w:startOverride: the instance restarts these levels at these values. */
  startOverrides: Map<number, number>;
}

/** numId → list instance. */
export type Numbering = Map<string, ListInstance>;

function readLevel(l: XElement): Level {
  const restart = childVal(l, 'w:lvlRestart');
  const style = childVal(l, 'w:pStyle');
  const legal = child(l, 'w:isLgl');
  return {
    format: childVal(l, 'w:numFmt') ?? 'decimal',
    text: childVal(l, 'w:lvlText') ?? '',
    start: Number(childVal(l, 'w:start') ?? 1) || 0,
    ...(restart !== undefined ? { restart: Number(restart) } : {}),
    legal: legal !== undefined && !['0', 'false', 'off'].includes(legal.attrs['w:val'] ?? ''),
    ...(style ? { style } : {}),
  };
}

const levelsOf = (el: XElement | undefined) => new Map(elements(el, 'w:lvl').map((l) => [Number(l.attrs['w:ilvl'] ?? 0), readLevel(l)]));

export function readNumbering(xml: string | null, styles: Styles): Numbering {
  const out: Numbering = new Map();
  if (!xml) return out;
  const root = child(parseXml(xml), 'w:numbering');
  const abstracts = new Map(elements(root, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'] ?? '', a]));
  const numAbstract = new Map(elements(root, 'w:num').map((n) => [n.attrs['w:numId'] ?? '', childVal(n, 'w:abstractNumId') ?? '']));

  // An abstractNum may only point at a numbering style (w:numStyleLink), whose numPr names the real list.
  const resolveAbstract = (id: string, seen = new Set<string>()): string => {
    const link = childVal(abstracts.get(id), 'w:numStyleLink');
    if (!link || seen.has(id)) return id;
    seen.add(id);
    const numId = styles.paragraphNumbering(link)?.numId;
    const target = numId !== undefined ? numAbstract.get(numId) : undefined;
    return target !== undefined ? resolveAbstract(target, seen) : id;
  };

  for (const n of elements(root, 'w:num')) {
    const numId = n.attrs['w:numId'];
    const declared = childVal(n, 'w:abstractNumId');
    if (numId === undefined || declared === undefined) continue;
    const abstractId = resolveAbstract(declared);
    const levels = levelsOf(abstracts.get(abstractId));
    const startOverrides = new Map<number, number>();
    for (const o of elements(n, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
      const redefined = child(o, 'w:lvl');
      if (redefined) levels.set(ilvl, readLevel(redefined));
      const start = childVal(o, 'w:startOverride');
      if (start !== undefined) startOverrides.set(ilvl, Number(start) || 0);
    }
    out.set(numId, { abstractId, levels, startOverrides });
  }
  return out;
}

/**
 * The list (numId) and level of a paragraph as Word numbers it: its own w:numPr first, then what
 * its paragraph style carries; numId 0 switches numbering off. null when it is not numbered.
 */
export function paragraphList(p: XElement, styles: Styles, numbering: Numbering): { numId: string; ilvl: number } | null {
  const pPr = child(p, 'w:pPr');
  const styleId = childVal(pPr, 'w:pStyle') ?? styles.defaultParagraphStyle;
  const direct = path(pPr, 'w:numPr');
  const inherited = styles.paragraphNumbering(styleId);
  const numId = childVal(direct, 'w:numId') ?? inherited?.numId;
  if (numId === undefined || numId === '0') return null;
  const list = numbering.get(numId);
  if (!list) return null;
  let ilvl = childVal(direct, 'w:ilvl') ?? inherited?.ilvl;
  if (ilvl === undefined && styleId) {
    // A style linked to a list level (Heading 2 → level 1) says so on the level.
    for (const [k, l] of list.levels) if (l.style === styleId) ilvl = String(k);
  }
  return { numId, ilvl: Number(ilvl ?? 0) || 0 };
}
