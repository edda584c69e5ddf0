// Property tests of the structure parser and the whole text pipeline: no input makes them throw or
// hang, and every offset they emit (section nodes, appendices, references, tasks, targets, tables,
// findings, page starts) lies in the normalised text and points at what the item says it is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { normalize, pageAt } from '../../src/normalize/index.js';
import { structure } from '../../src/structure/index.js';
import { walk } from '../../src/structure/tree.js';
import { extractText } from '../../src/extract/text/index.js';
import { runPipeline, UnsupportedError } from '../../pipelines/index.js';
import { textPipeline } from '../../pipelines/text.js';
import type { DocumentJson } from '../../src/document/schema.js';
import type { DocStructure, NormalizedText, SectionNode } from '../../src/types.js';
import { blocksArb, docText, params, TEST_TIMEOUT, timed, TIME_BOUND } from './arbitraries.js';
import { checkDeadline, checkNormInvariants, isRealDate } from './checks.js';

/** "2023", "2023-06" or a real "2023-06-30". */
const isIsoDate = (s: string) => /^\d{4}$/.test(s) || /^\d{4}-(0[1-9]|1[0-2])$/.test(s) || isRealDate(s);

function checkStructure(norm: NormalizedText, st: DocStructure): void {
  const { text, lines } = norm;
  expect(st.regions).toHaveLength(lines.length);
  const ids = new Set<string>();
  const checkNodes = (nodes: SectionNode[]) => {
    for (const [n] of walk(nodes)) {
      expect(ids.has(n.id), `unique id ${n.id}`).toBe(false);
      ids.add(n.id);
      expect(0 <= n.start && n.start <= n.end && n.end <= text.length).toBe(true);
      const l = lines[n.line]!;
      expect(l.start).toBe(n.start);
      expect(n.page).toBe(l.page);
      if (n.table !== undefined) {
        expect(l.kind).toBe('table-row');
        continue;
      }
      expect(n.end).toBe(l.end);
      // The node's text is its line without the marker; an unrepaired marker is printed at its start.
      const own = text.slice(n.start, n.end);
      expect(own.endsWith(n.text), `${JSON.stringify(own.slice(0, 60))} ends with its text`).toBe(true);
      if (n.marker && own.startsWith(n.marker[0]!)) expect(own.startsWith(n.marker)).toBe(true);
      for (const c of n.children) expect(c.start).toBeGreaterThanOrEqual(n.end);
    }
  };
  checkNodes(st.preamble);
  checkNodes(st.sections);
  for (const a of st.appendices) {
    expect(0 <= a.start && a.start <= a.end && a.end <= text.length).toBe(true);
    expect(text.slice(a.start).startsWith(a.label)).toBe(true);
    checkNodes(a.nodes);
  }
  if (st.meta.issuedDate !== null) expect(isIsoDate(st.meta.issuedDate), `issuedDate ${st.meta.issuedDate}`).toBe(true);
}

/** Every offset of a document JSON against its text. */
function checkDocument(doc: DocumentJson): void {
  const { text } = doc;
  const pages = new Set(doc.pageStarts.map((p) => p.page));
  const inText = (p: { start: number; end: number; page?: number | null }, what: string) => {
    expect(0 <= p.start && p.start <= p.end && p.end <= text.length, `${what} ${p.start}-${p.end} in 0-${text.length}`).toBe(true);
    if (p.page != null) expect(pages.has(p.page), `${what} page ${p.page}`).toBe(true);
    if (p.page !== undefined) expect(p.page).toBe(pageAt(doc, p.start));
  };
  for (const r of doc.references) {
    if (r.date !== null) expect(isIsoDate(r.date), `reference date ${r.date}`).toBe(true);
    for (const m of r.mentions) {
      inText(m, 'mention');
      // The mention holds the number it cites.
      expect(text.slice(m.start, m.end).startsWith(r.number)).toBe(true);
    }
  }
  for (const t of doc.tasks) {
    inText(t.provenance, 'task');
    checkDeadline(t.deadline, t.text + ' ' + text);
  }
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (const t of doc.targets) {
    inText(t.provenance, 'target');
    expect(Number.isFinite(t.value)).toBe(true);
    if (t.valueMax !== undefined) expect(Number.isFinite(t.valueMax)).toBe(true);
    if (t.baseline) expect(Number.isFinite(t.baseline.value)).toBe(true);
    // The quoted text holds what the provenance points at.
    expect(squash(t.text).includes(squash(text.slice(t.provenance.start, t.provenance.end))), `target ${JSON.stringify(t.text.slice(0, 60))}`).toBe(true);
  }
  for (const t of doc.tables) inText(t.provenance, 'table');
  for (const f of doc.findings) if (f.provenance) inText(f.provenance, 'finding');
  const sections = [...doc.structure.preamble, ...doc.structure.sections, ...doc.structure.appendices.flatMap((a) => a.sections)];
  const visit = (ns: typeof sections) => ns.forEach((n) => (inText(n, 'section'), visit(n.children)));
  visit(sections);
  doc.pageStarts.forEach((p, i) => {
    expect(p.offset >= 0 && p.offset <= text.length).toBe(true);
    if (i) expect(p.offset).toBeGreaterThan(doc.pageStarts[i - 1]!.offset);
  });
  if (doc.source.pages !== null) for (const p of pages) expect(p <= doc.source.pages).toBe(true);
}

async function ingestText(s: string): Promise<DocumentJson | null> {
  const bytes = new TextEncoder().encode(s);
  try {
    return await runPipeline(textPipeline, { bytes, path: 'fuzz.txt', sha256: createHash('sha256').update(bytes).digest('hex') });
  } catch (e) {
    // A file with no text is reported, not crashed on.
    if (e instanceof UnsupportedError && e.code === 'input/no-text') return null;
    throw e;
  }
}

describe('structure and the text pipeline (properties)', () => {
  it('structure never throws or hangs on normalised blocks; its nodes point at their lines', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => {
        const norm = normalize(blocks);
        const { value: st, ms } = timed(() => structure(norm));
        expect(ms).toBeLessThan(TIME_BOUND);
        checkStructure(norm, st);
      }),
      params(600),
    );
  }, TEST_TIMEOUT);

  it('text extraction, normalisation and structure never throw or hang on document-like text', () => {
    fc.assert(
      fc.property(docText, (s) => {
        const { value, ms } = timed(() => {
          const norm = normalize(extractText(new TextEncoder().encode(s)).blocks);
          return { norm, st: structure(norm) };
        });
        expect(ms).toBeLessThan(TIME_BOUND);
        checkNormInvariants(value.norm);
        checkStructure(value.norm, value.st);
      }),
      params(400),
    );
  }, TEST_TIMEOUT);

  it('the whole text pipeline never throws or hangs; every offset of its output maps into the text', async () => {
    await fc.assert(
      fc.asyncProperty(docText, async (s) => {
        const t0 = performance.now();
        const doc = await ingestText(s);
        expect(performance.now() - t0).toBeLessThan(TIME_BOUND);
        if (doc) checkDocument(doc);
      }),
      params(400),
    );
  }, TEST_TIMEOUT);
});
