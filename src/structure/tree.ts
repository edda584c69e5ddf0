// The section tree: every paragraph of a region becomes a node, nested by its marker's rank.
// Unmarked paragraphs belong to the nearest enclosing numbered item (not to a dash item before them);
// consecutive rows of one table become one table node.
import type { NormLine, SectionNode } from '../types.js';
import { parseMarker, RANK, VN_LETTERS, type ParsedMarker } from './markers.js';

/** Ranks up to the lettered item: the levels that can enclose unmarked paragraphs. */
const NUMBERED_MAX_RANK = RANK.letter;

/**
 * Letter markers damaged by OCR ("f)" read as "Đ"): an unmarked paragraph that opens with a lone
 * one- or two-character token, between lettered siblings one letter apart ("e)" … "g)"), is the
 * missing letter.
 */
function repairLetterMarkers(texts: (string | null)[], parsed: (ParsedMarker | null)[]): void {
  const isLetter = (m: ParsedMarker | null) => m?.kind === 'letter' && m.ordinal !== undefined;
  const stops = (m: ParsedMarker | null) => !!m && m.kind !== 'none' && RANK[m.kind] < RANK.letter;
  parsed.forEach((m, k) => {
    const text = texts[k];
    if (!m || m.kind !== 'none' || !text) return;
    const damaged = /^([^\s\d\-+•*]{1,2})\s+(?=\p{Lu})(.*)$/su.exec(text);
    if (!damaged) return;
    let p = k - 1;
    while (p >= 0 && !isLetter(parsed[p]!) && !stops(parsed[p]!)) p--;
    let n = k + 1;
    while (n < parsed.length && !isLetter(parsed[n]!) && !stops(parsed[n]!)) n++;
    const before = parsed[p];
    const after = parsed[n];
    if (!isLetter(before ?? null) || !isLetter(after ?? null)) return;
    if (after!.ordinal! - before!.ordinal! !== 2) return;
    const letter = VN_LETTERS[before!.ordinal!]!;
    parsed[k] = { kind: 'letter', marker: `${letter})`, rest: damaged[2]!.trim(), ordinal: before!.ordinal! + 1 };
  });
}

export function buildTree(lines: NormLine[], indices: number[], idPrefix = 's'): SectionNode[] {
  const texts = indices.map((li) => (lines[li]!.kind === 'paragraph' && !lines[li]!.role?.startsWith('page') && lines[li]!.role !== 'footnote' ? lines[li]!.text : null));
  const parsed = texts.map((t) => (t === null ? null : parseMarker(t)));
  repairLetterMarkers(texts, parsed);
  const roots: SectionNode[] = [];
  const stack: SectionNode[] = [];
  let counter = 0;
  const attach = (node: SectionNode) => {
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
  };

  let lastTable: SectionNode | null = null;
  for (const [k, li] of indices.entries()) {
    const line = lines[li]!;
    if (line.role === 'footnote' || line.role === 'page-header' || line.role === 'page-footer') continue;
    if (line.kind === 'table-row') {
      if (lastTable && lastTable.table === line.table) {
        lastTable.end = line.end;
        continue;
      }
      // A table belongs to the enclosing numbered item, like an unmarked paragraph.
      while (stack.length && RANK[stack[stack.length - 1]!.kind] > NUMBERED_MAX_RANK) stack.pop();
      lastTable = {
        id: `${idPrefix}${++counter}`,
        kind: 'none',
        marker: null,
        text: '',
        heading: false,
        start: line.start,
        end: line.end,
        page: line.page,
        line: li,
        table: line.table!,
        children: [],
      };
      attach(lastTable);
      continue;
    }
    lastTable = null;
    const pm = parsed[k] ?? parseMarker(line.text);
    const node: SectionNode = {
      id: `${idPrefix}${++counter}`,
      kind: pm.kind,
      marker: pm.marker,
      text: pm.rest,
      heading: false,
      start: line.start,
      end: line.end,
      page: line.page,
      line: li,
      children: [],
    };
    if (pm.kind === 'none') {
      while (stack.length && RANK[stack[stack.length - 1]!.kind] > NUMBERED_MAX_RANK) stack.pop();
      attach(node);
      continue;
    }
    const rank = RANK[pm.kind];
    while (stack.length && RANK[stack[stack.length - 1]!.kind] >= rank) stack.pop();
    attach(node);
    stack.push(node);
  }
  markHeadings(roots);
  return roots;
}

/**
 * A node reads as a heading when it titles what follows: it has children and is short or ends
 * without a full stop, or it is a Roman/Part/Chapter heading.
 */
function markHeadings(nodes: SectionNode[]): void {
  for (const n of nodes) {
    markHeadings(n.children);
    const short = n.text.length <= 160 && !/[.;]$/.test(n.text);
    n.heading =
      n.kind === 'part' || n.kind === 'chapter' || n.kind === 'roman' || (n.children.length > 0 && (short || /:$/.test(n.text)));
  }
}

/** Depth-first walk over a tree with each node's ancestors. */
export function* walk(nodes: SectionNode[], ancestors: SectionNode[] = []): Generator<[SectionNode, SectionNode[]]> {
  for (const n of nodes) {
    yield [n, ancestors];
    yield* walk(n.children, [...ancestors, n]);
  }
}
