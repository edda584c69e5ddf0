// The parts mammoth drops, read with fast-xml-parser: headers, footers, core and app properties,
// table borders (mammoth does not say whether a table is ruled), and list numbering formats.
import { XMLParser } from 'fast-xml-parser';
import type { DocxZip } from './zip.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, processEntities: true, htmlEntities: false });
const flatParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: false });

/** All text runs (w:t) of an XML part in document order, one string per paragraph (w:p). */
export function paragraphsOf(xml: string): string[] {
  const out: string[] = [];
  const walk = (nodes: Node[], acc: { text: string } | null) => {
    for (const n of nodes) {
      for (const [k, v] of Object.entries(n)) {
        if (k === ':@') continue;
        if (k === 'w:p') {
          const p = { text: '' };
          walk(v as Node[], p);
          if (p.text.trim()) out.push(p.text.trim());
        } else if (k === 'w:t' && acc) {
          for (const t of v as Node[]) if (typeof t['#text'] === 'string' || typeof t['#text'] === 'number') acc.text += String(t['#text']);
        } else if (k === 'w:tab' && acc) acc.text += '\t';
        else if (Array.isArray(v)) walk(v as Node[], acc);
      }
    }
  };
  walk(parser.parse(xml) as Node[], null);
  return out;
}

/** Core (docProps/core.xml) and app (docProps/app.xml) properties as strings. */
export async function readProperties(z: DocxZip): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const add = (obj: unknown) => {
    if (!obj || typeof obj !== 'object') return;
    for (const [k, v] of Object.entries(obj as Node)) {
      if (k.startsWith('@')) continue;
      const name = k.replace(/^[a-z]+:/, '');
      const value = typeof v === 'object' && v !== null ? (v as Node)['#text'] : v;
      if (typeof value === 'string' || typeof value === 'number') out[name] = String(value);
    }
  };
  const core = await z.text('docProps/core.xml');
  if (core) add((flatParser.parse(core) as Node)['cp:coreProperties']);
  const app = await z.text('docProps/app.xml');
  if (app) {
    const props = (flatParser.parse(app) as Node)['Properties'] as Node | undefined;
    for (const k of ['Pages', 'Words', 'Application']) if (props && props[k] !== undefined && typeof props[k] !== 'object') out[k] = String(props[k]);
  }
  return out;
}

const visible = (b: unknown) => {
  if (!b || typeof b !== 'object') return false;
  const val = (b as Node)['@w:val'];
  return typeof val === 'string' && val !== 'nil' && val !== 'none';
};

function bordersVisible(borders: unknown): boolean {
  if (!borders || typeof borders !== 'object') return false;
  return ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV', 'w:start', 'w:end'].some((k) => visible((borders as Node)[k]));
}

/** Styles (word/styles.xml) whose table properties draw borders, e.g. "TableGrid". */
async function ruledTableStyles(z: DocxZip): Promise<Set<string>> {
  const out = new Set<string>();
  const xml = await z.text('word/styles.xml');
  if (!xml) return out;
  const styles = ((flatParser.parse(xml) as Node)['w:styles'] as Node | undefined)?.['w:style'];
  for (const s of Array.isArray(styles) ? styles : styles ? [styles] : []) {
    const st = s as Node;
    if (st['@w:type'] === 'table' && bordersVisible((st['w:tblPr'] as Node | undefined)?.['w:tblBorders'])) out.add(String(st['@w:styleId']));
  }
  return out;
}

/**
 * For each table of the body, in document order (nested tables included, depth first as mammoth
 * reads them), whether it is ruled: its own borders, its style's, or most of its cells'.
 */
export async function tableBorders(z: DocxZip): Promise<boolean[]> {
  const xml = (await z.text('word/document.xml')) ?? '';
  const ruledStyles = await ruledTableStyles(z);
  const out: boolean[] = [];
  const find = (nodes: Node[], key: string): Node[] => nodes.filter((n) => key in n).map((n) => n);
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      for (const [k, v] of Object.entries(n)) {
        if (k === ':@' || !Array.isArray(v)) continue;
        if (k === 'w:tbl') {
          const children = v as Node[];
          const slot = out.length;
          out.push(false);
          const tblPr = find(children, 'w:tblPr')[0]?.['w:tblPr'] as Node[] | undefined;
          let ruled = false;
          for (const p of tblPr ?? []) {
            if ('w:tblBorders' in p) {
              const b: Node = {};
              for (const e of p['w:tblBorders'] as Node[]) for (const [bk] of Object.entries(e)) if (bk !== ':@') b[bk] = { '@w:val': ((e[':@'] as Node | undefined)?.['@w:val'] as string) ?? 'single' };
              ruled ||= bordersVisible(b);
            }
            if ('w:tblStyle' in p) ruled ||= ruledStyles.has(String((p[':@'] as Node | undefined)?.['@w:val']));
          }
          if (!ruled) {
            // Cell borders: count cells with a visible border.
            let cells = 0;
            let bordered = 0;
            const cellWalk = (ns: Node[]) => {
              for (const c of ns)
                for (const [ck, cv] of Object.entries(c)) {
                  if (ck === 'w:tc') {
                    cells++;
                    const tcPr = (cv as Node[]).find((x) => 'w:tcPr' in x)?.['w:tcPr'] as Node[] | undefined;
                    const tcB = tcPr?.find((x) => 'w:tcBorders' in x)?.['w:tcBorders'] as Node[] | undefined;
                    if (tcB?.some((e) => Object.keys(e).some((bk) => bk !== ':@' && !['nil', 'none'].includes(String((e[':@'] as Node | undefined)?.['@w:val'])))))
                      bordered++;
                  } else if (ck === 'w:tr' && Array.isArray(cv)) cellWalk(cv as Node[]);
                }
            };
            cellWalk(children);
            ruled = cells > 0 && bordered / cells > 0.5;
          }
          out[slot] = ruled;
          walk(children);
        } else walk(v as Node[]);
      }
    }
  };
  walk(parser.parse(xml) as Node[]);
  return out;
}

export interface NumberingLevel {
  format: string;
  text: string;
  start: number;
}

/** numId → level → format, from word/numbering.xml (abstractNum via num). */
export async function readNumbering(z: DocxZip): Promise<Map<string, Map<number, NumberingLevel>>> {
  const out = new Map<string, Map<number, NumberingLevel>>();
  const xml = await z.text('word/numbering.xml');
  if (!xml) return out;
  const root = (flatParser.parse(xml) as Node)['w:numbering'] as Node | undefined;
  const arr = (x: unknown) => (Array.isArray(x) ? x : x ? [x] : []) as Node[];
  const abstract = new Map<string, Map<number, NumberingLevel>>();
  for (const a of arr(root?.['w:abstractNum'])) {
    const levels = new Map<number, NumberingLevel>();
    for (const l of arr(a['w:lvl'])) {
      const val = (k: string) => String(((l[k] as Node | undefined)?.['@w:val'] as string | undefined) ?? '');
      levels.set(Number(l['@w:ilvl']), { format: val('w:numFmt') || 'decimal', text: val('w:lvlText'), start: Number(val('w:start') || 1) });
    }
    abstract.set(String(a['@w:abstractNumId']), levels);
  }
  for (const n of arr(root?.['w:num'])) {
    const absId = String(((n['w:abstractNumId'] as Node | undefined)?.['@w:val'] as string | undefined) ?? '');
    const levels = abstract.get(absId);
    if (levels) out.set(String(n['@w:numId']), levels);
  }
  return out;
}
