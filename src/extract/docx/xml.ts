// WordprocessingML parts as a small element tree (fast-xml-parser, document order kept).
// Values stay strings exactly as written: no number parsing ("05" stays "05"), no trimming
// (a w:t of a single space is a word separator).
import { XMLParser } from 'fast-xml-parser';

export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export type XNode = XElement | { text: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Needed for numeric character references (&#7840;) in fast-xml-parser 5.
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const item of raw) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') out.push({ text: String(value) });
      else {
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries((item[':@'] as Raw | undefined) ?? {})) attrs[k] = String(v);
        out.push({ name: key, attrs, children: Array.isArray(value) ? convert(value as Raw[]) : [] });
      }
    }
  }
  return out;
}

/** The root element of an XML document (a synthetic "#document" wrapping the top level). */
export function parseXml(xml: string): XElement {
  return { name: '#document', attrs: {}, children: convert(parser.parse(xml) as Raw[]) };
}

export const isElement = (n: XNode): n is XElement => 'name' in n;

export const elements = (el: XElement | undefined, name?: string): XElement[] =>
  (el?.children ?? []).filter((c): c is XElement => isElement(c) && (name === undefined || c.name === name));

export const child = (el: XElement | undefined, name: string): XElement | undefined => elements(el, name)[0];

/** The w:val of a child element ("w:numId" → its w:val), if present. */
export const childVal = (el: XElement | undefined, name: string): string | undefined => child(el, name)?.attrs['w:val'];

/** Follow a path of child names: path(style, 'w:pPr', 'w:numPr'). */
export function path(el: XElement | undefined, ...names: string[]): XElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** All descendant elements with a name, in document order. */
export function descendants(el: XElement, name: string, out: XElement[] = []): XElement[] {
  for (const c of elements(el)) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** Concatenated text content of an element (w:t keeps its text as one text child). */
export const textOf = (el: XElement): string => el.children.map((c) => (isElement(c) ? textOf(c) : c.text)).join('');

/**
 * An on/off property (w:b, w:i): present and not switched off. undefined when absent, so a
 * caller can tell "not said" from "switched off" when it layers styles.
 */
export function onOff(el: XElement | undefined, name: string): boolean | undefined {
  const e = child(el, name);
  if (!e) return undefined;
  const v = e.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}
