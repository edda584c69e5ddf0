// The XML export: the documents of a corpus in one schema-stable element layout (docs/xml-layout.md),
// written with fast-xml-parser's XMLBuilder, one document at a time. Every array is a container
// element of repeated elements, present even when empty; scalars that identify or qualify an item
// are attributes, omitted when null; free text is element content. Characters XML 1.0 forbids are dropped.
import { XMLBuilder } from 'fast-xml-parser';
import type { DocumentJson, TaskJson } from '../document/schema.js';
import { SCHEMA_VERSION } from '../document/schema.js';

/** Version of the element layout; bumped (with a CHANGELOG entry) whenever the layout changes. */
export const XML_LAYOUT_VERSION = '1';

type Node = Record<string, unknown>;
type Agency = TaskJson['lead'][number];

/** Text without the characters XML 1.0 cannot carry (C0 controls but tab, CR, LF; lone surrogates; U+FFFE/F). */
export function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** Attributes from an object: nulls and undefined left out, everything else as text on one line. */
function attrs(o: Record<string, unknown>): Node {
  const out: Node = {};
  // Line breaks in an attribute would be read back as spaces: make them spaces here.
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[`@_${k}`] = typeof v === 'string' ? xmlText(v).replace(/[\r\n\t]/g, ' ') : String(v);
  return out;
}

const text = (s: string | null | undefined, extra: Record<string, unknown> = {}): Node => ({ ...attrs(extra), '#text': xmlText(s ?? '') });
const list = (name: string, items: Node[]): Node => (items.length ? { [name]: items } : {});

const agency = (a: Agency): Node => text(a.text, { name: a.name, level: a.level, jurisdiction: a.jurisdiction });
const provenance = (p: { page: number | null; start: number; end: number }) => ({ page: p.page, start: p.start, end: p.end });

export function documentNode(d: DocumentJson): Node {
  const m = d.meta;
  return {
    ...attrs({ path: d.source.path, schemaVersion: d.schemaVersion }),
    source: attrs({ ...d.source }),
    meta: {
      ...attrs({ docType: m.docType, number: m.number, symbol: m.symbol, issuedDate: m.issuedDate, place: m.place }),
      ...(m.docTypeLabel !== null ? { docTypeLabel: text(m.docTypeLabel) } : {}),
      ...(m.issuer !== null ? { issuer: text(m.issuer) } : {}),
      ...(m.title !== null ? { title: text(m.title) } : {}),
      ...(m.signer ? { signer: attrs({ name: m.signer.name, position: m.signer.position, authority: m.signer.authority }) } : {}),
      recipients: list('recipient', m.recipients.map((r) => text(r))),
    },
    references: list(
      'reference',
      d.references.map((r) => attrs({ id: r.id, number: r.number, symbol: r.symbol, year: r.year, type: r.type, date: r.date, issuer: r.issuer, mentions: r.mentions.length })),
    ),
    tasks: list(
      'task',
      d.tasks.map((t) => ({
        ...attrs({ id: t.id, index: t.index, section: t.section, leadSource: t.leadSource, inferred: t.inferred, ...provenance(t.provenance) }),
        text: text(t.text),
        lead: list('agency', t.lead.map(agency)),
        support: list('agency', t.support.map(agency)),
        executors: list('agency', t.executors.map(agency)),
        ...(t.deadline
          ? {
              deadline: text(t.deadline.label, {
                kind: t.deadline.kind, end: t.deadline.end, start: t.deadline.start, freq: t.deadline.freq, day: t.deadline.day, month: t.deadline.month,
                inherited: t.deadline.inherited,
              }),
            }
          : {}),
      })),
    ),
    targets: list(
      'target',
      d.targets.map((t) => ({
        ...attrs({
          id: t.id, taskId: t.taskId, index: t.index, comparator: t.comparator, value: t.value, valueMax: t.valueMax, unit: t.unit, year: t.year,
          ...provenance(t.provenance),
        }),
        metric: text(t.metric),
        text: text(t.text),
        ...(t.baseline ? { baseline: attrs({ value: t.baseline.value, unit: t.baseline.unit, year: t.baseline.year }) } : {}),
      })),
    ),
    tables: list(
      'table',
      d.tables.map((t) => ({
        ...attrs({ id: t.id, cols: t.cols, pages: t.pages.join(' '), ...provenance(t.provenance) }),
        header: list('cell', t.header.map((c) => text(c))),
        rows: list('row', t.rows.map((r) => list('cell', r.map((c) => text(c))))),
      })),
    ),
    findings: list(
      'finding',
      d.findings.map((f) => text(f.message, { severity: f.severity, code: f.code, taskId: f.taskId, targetId: f.targetId, ...(f.provenance ? provenance(f.provenance) : {}) })),
    ),
    pages: list('page', d.pageStarts.map((p) => attrs({ number: p.page, offset: p.offset }))),
    text: text(d.text),
  };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

export const XML_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<corpus xmlns="urn:vnplans:xml:${XML_LAYOUT_VERSION}" layout="${XML_LAYOUT_VERSION}" schemaVersion="${SCHEMA_VERSION}">\n`;
export const XML_TAIL = '</corpus>\n';

/** One <document> element (element content is never re-indented: text keeps its exact characters). */
export function documentXml(d: DocumentJson): string {
  return builder.build({ document: documentNode(d) }) as string;
}
