// The package around the body: which part is the main document, and the running header and
// footer parts (mammoth reads neither headers nor footers).
import type { DocxZip } from './zip.js';
import { child, elements, isElement, parseXml, type XElement } from './xml.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** Relationships of a part (its _rels/<name>.rels), targets resolved to part names. */
export function relationships(zip: DocxZip, part: string): { type: string; target: string }[] {
  const slash = part.lastIndexOf('/');
  const dir = slash < 0 ? '' : part.slice(0, slash + 1);
  const xml = zip.text(`${dir}_rels/${part.slice(slash + 1)}.rels`);
  if (!xml) return [];
  return elements(child(parseXml(xml), 'Relationships'), 'Relationship')
    .filter((r) => r.attrs['TargetMode'] !== 'External')
    .map((r) => {
      const t = r.attrs['Target'] ?? '';
      const target = t.startsWith('/') ? t.slice(1) : resolvePath(dir, t);
      return { type: r.attrs['Type'] ?? '', target };
    });
}

function resolvePath(dir: string, target: string): string {
  const out: string[] = [];
  for (const seg of (dir + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}

/** The main document part, as mammoth finds it: the package's officeDocument relationship, else word/document.xml. */
export function mainPart(zip: DocxZip): string | null {
  for (const r of relationships(zip, '')) if (r.type === `${REL}officeDocument` && zip.has(r.target)) return r.target;
  return zip.has('word/document.xml') ? 'word/document.xml' : null;
}

/** A part related to the main document by type ("styles", "numbering"), else its usual name. */
export function relatedPart(zip: DocxZip, main: string, type: string): string {
  return relationships(zip, main).find((r) => r.type === `${REL}${type}` && zip.has(r.target))?.target ?? `word/${type}.xml`;
}

/** Header and footer parts of the main document (header1, header2, … header10, then the footers). */
export function headerFooterParts(zip: DocxZip, main: string): { name: string; role: 'page-header' | 'page-footer' }[] {
  const out = relationships(zip, main)
    .filter((r) => (r.type === `${REL}header` || r.type === `${REL}footer`) && zip.has(r.target))
    .map((r) => ({ name: r.target, role: r.type.endsWith('header') ? ('page-header' as const) : ('page-footer' as const) }));
  // Without relationships, fall back on the usual names.
  if (!out.length)
    for (const name of zip.names()) {
      const m = /^word\/(header|footer)\d*\.xml$/.exec(name);
      if (m) out.push({ name, role: m[1] === 'header' ? 'page-header' : 'page-footer' });
    }
  const key = (n: string) => n.replace(/\d+/g, (d) => d.padStart(6, '0'));
  // Headers before footers, each in name order.
  return out.sort((a, b) => (a.role === b.role ? key(a.name).localeCompare(key(b.name)) : a.role === 'page-header' ? -1 : 1));
}

/**
 * The text lines of a header/footer part: one per paragraph, split at line breaks. Field codes and
 * deleted text are left out (only field results count); of mc:AlternateContent only the fallback is
 * read, as mammoth does, so text boxes are not doubled.
 */
export function partLines(xml: string): string[] {
  const out: string[] = [];
  const paragraph = (p: XElement) => {
    let text = '';
    const nested: XElement[] = [];
    const walk = (el: XElement) => {
      for (const c of el.children) {
        if (!isElement(c)) continue;
        switch (c.name) {
          case 'w:t':
            text += c.children.map((x) => ('text' in x ? x.text : '')).join('');
            break;
          case 'w:tab':
            text += '\t';
            break;
          case 'w:br':
          case 'w:cr':
            text += '\n';
            break;
          case 'w:noBreakHyphen':
            text += '-';
            break;
          case 'w:p':
            nested.push(c);
            break;
          case 'w:instrText':
          case 'w:delText':
          case 'w:del':
          case 'mc:Choice':
          case 'w:pPr':
          case 'w:rPr':
            break;
          default:
            walk(c);
        }
      }
    };
    walk(p);
    for (const line of text.split('\n')) if (line.trim()) out.push(line.trim());
    for (const n of nested) paragraph(n);
  };
  const visit = (el: XElement) => {
    for (const c of elements(el)) {
      if (c.name === 'w:p') paragraph(c);
      else if (c.name !== 'mc:Choice') visit(c);
    }
  };
  visit(parseXml(xml));
  return out;
}
