// The audit as one self-contained HTML page: summary, charts (inline SVG), the document, agency and
// index component tables, and the findings table with each finding's task text and its place in
// the source (page, offsets and a snippet of the normalised text). No script and no external
// resource: a Content-Security-Policy forbids both, and every piece of data is escaped.
import { GAP_LABELS, type AuditReport, type FindingRow, type GapCounts } from '../audit/model.js';
import { barChart, type Series } from './charts.js';
import { html, raw, type Raw } from './escape.js';
import { filtersLine } from './terminal.js';

const SERIES: { key: keyof GapCounts; series: Series }[] = [
  { key: 'noLead', series: { name: 'no lead', color: '#c0392b' } },
  { key: 'collectiveLead', series: { name: 'collective lead', color: '#e67e22' } },
  { key: 'noDeadline', series: { name: 'no deadline', color: '#8e44ad' } },
  { key: 'ongoingOnly', series: { name: 'ongoing only', color: '#2980b9' } },
  { key: 'targetsNoOwner', series: { name: 'target w/o owner', color: '#16a085' } },
  { key: 'arithmetic', series: { name: 'arithmetic', color: '#7f8c8d' } },
];
const AGENCY_SERIES = SERIES.filter((s) => s.key === 'collectiveLead' || s.key === 'noDeadline' || s.key === 'ongoingOnly');

const CSS = `
:root { --ink: #1f2933; --muted: #61707d; --line: #d9dee3; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0; padding: 24px 32px; max-width: 1280px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { background: var(--band); border-left: 4px solid var(--accent, #34495e); padding: 8px 12px; }
.card .n { font-size: 24px; font-weight: 700; }
.card .l { color: var(--muted); font-size: 12px; }
figure { margin: 12px 0 20px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart .tick line { stroke: var(--line); }
svg.chart .tick text, svg.chart .total { fill: var(--muted); font-size: 11px; }
svg.chart .label { fill: var(--ink); }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: var(--band); position: sticky; top: 0; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr:target { background: #fff7d6; }
.sev { font-size: 11px; padding: 1px 6px; border-radius: 8px; color: #fff; white-space: nowrap; }
.sev-error { background: #c0392b; } .sev-warning { background: #d68910; } .sev-info { background: #5d6d7e; }
code { font-size: 12px; }
.snippet { color: var(--muted); font-size: 12px; white-space: pre-wrap; margin-top: 2px; }
#findings-table { table-layout: fixed; }
#findings-table col.c-n { width: 44px; } #findings-table col.c-doc { width: 15%; } #findings-table col.c-sev { width: 74px; }
#findings-table col.c-code { width: 13%; } #findings-table col.c-msg { width: 17%; } #findings-table col.c-subj { width: 22%; }
#findings-table td { overflow-wrap: anywhere; }
.snippet mark { background: #fde9a9; color: var(--ink); }
details summary { cursor: pointer; }
.muted { color: var(--muted); }
`;

const num = (v: number) => html`<td class="n">${v}</td>`;
const th = (titles: (string | [string, 'n'])[]) => titles.map((t) => (Array.isArray(t) ? html`<th class="n">${t[0]}</th>` : html`<th>${t}</th>`));
const short = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function card(label: string, value: number, accent = '#34495e'): Raw {
  return html`<div class="card" style="--accent: ${accent}"><div class="n">${value}</div><div class="l">${label}</div></div>`;
}

function snippet(f: FindingRow): Raw {
  if (!f.snippet) return html`<span class="muted">no text at hand</span>`;
  const s = f.snippet;
  const before = s.before.length > 110 ? `…${s.before.slice(s.before.length - 109).replace(/^\S*\s/, '')}` : s.before;
  const after = s.after.length > 110 ? `${s.after.slice(0, 109).replace(/\s\S*$/, '')}…` : s.after;
  return html`<div class="snippet">${before}<mark>${short(s.match, 200)}</mark>${after}</div>`;
}

function findingRow(f: FindingRow, i: number, docAnchor: Map<string, number>): Raw {
  const place = [f.page !== null ? `page ${f.page}` : 'no pages (text input)', f.start !== null && f.end !== null ? `chars ${f.start}–${f.end}` : ''].filter(Boolean).join(', ');
  const subject = f.subject
    ? html`<details><summary>${[f.taskId, f.targetId].filter(Boolean).join(' / ')}: ${short(f.subject, 110)}</summary><p>${f.subject}</p></details>`
    : html`<span class="muted">${[f.taskId, f.targetId].filter(Boolean).join(' / ') || 'table'}</span>`;
  return html`<tr id="f-${i + 1}" class="finding" data-code="${f.code}"><td class="n"><a href="#f-${i + 1}">${i + 1}</a></td><td><a href="#doc-${docAnchor.get(f.document) ?? 0}">${f.document}</a></td><td><span class="sev sev-${f.severity}">${f.severity}</span></td><td><code>${f.code}</code></td><td>${f.message}</td><td class="subject">${subject}</td><td class="place">${place}${snippet(f)}</td></tr>`;
}

export function renderHtml(r: AuditReport, options: { maxChartRows?: number } = {}): string {
  const maxRows = options.maxChartRows ?? 25;
  const t = r.totals;
  const docAnchor = new Map(r.documents.map((d, i) => [d.path, i + 1]));
  const byGaps = <T extends { gaps: number }>(rows: T[]) => [...rows].filter((x) => x.gaps > 0).sort((a, b) => b.gaps - a.gaps).slice(0, maxRows);

  const docChart = barChart({
    id: 'chart-documents',
    title: 'Gaps by document',
    series: SERIES.map((s) => s.series),
    rows: byGaps(r.documents).map((d) => ({ label: d.number ? `${d.number} ${d.issuer ?? ''}`.trim() : d.path, title: `${d.path} — ${d.issuer ?? ''} ${d.title ?? ''}`.trim(), values: SERIES.map((s) => d[s.key]) })),
  });
  const agencyChart = barChart({
    id: 'chart-agencies',
    title: 'Gaps by lead agency',
    series: AGENCY_SERIES.map((s) => s.series),
    rows: byGaps(r.agencies).map((a) => ({ label: a.agency, values: [a.collectiveLead, a.noDeadline, a.ongoingOnly] })),
  });
  const indexChart = barChart({
    id: 'chart-indexes',
    title: 'Gaps by index component',
    series: SERIES.map((s) => s.series),
    rows: byGaps(r.indexes).map((x) => ({ label: x.component, values: SERIES.map((s) => x[s.key]) })),
  });

  const body = html`
<header>
<h1>Plan audit: who owns what, by when</h1>
<p class="meta">Source <code>${r.source}</code> · generated ${r.generated} by ${r.tool} (document schema ${r.schemaVersion}) · filters: ${filtersLine(r)} · sorted by ${r.sort}</p>
</header>
<section id="summary">
<h2>Summary</h2>
<div class="cards">
${card('documents', t.documents)}${card('tasks', t.tasks)}${card('targets', t.targets)}${card('agencies named', t.agencies)}
${card('tasks without lead', t.noLead, '#c0392b')}${card('only a collective lead', t.collectiveLead, '#e67e22')}
${card('tasks without deadline', t.noDeadline, '#8e44ad')}${card('only "Thường xuyên"', t.ongoingOnly, '#2980b9')}
${card('targets without owner', t.targetsNoOwner, '#16a085')}${card('arithmetic findings', t.arithmetic, '#7f8c8d')}
</div>
</section>
<section id="charts">
<h2>Gaps</h2>
<figure><figcaption>By document</figcaption>${docChart}</figure>
<figure><figcaption>By lead agency (tasks it leads; top ${maxRows})</figcaption>${agencyChart}</figure>
<figure><figcaption>By index component</figcaption>${indexChart}</figure>
</section>
<section id="documents">
<h2>Documents</h2>
<table id="documents-table"><thead><tr>${th(['Document', 'Number', 'Issuer', 'Date', ['Tasks', 'n'], ['No lead', 'n'], ['Collective', 'n'], ['No deadline', 'n'], ['Ongoing', 'n'], ['Targets', 'n'], ['W/o owner', 'n'], ['Arithmetic', 'n'], ['Gaps', 'n']])}</tr></thead><tbody>
${r.documents.map((d, i) => html`<tr id="doc-${i + 1}"><td>${d.path}<div class="muted">${d.title ?? ''}</div></td><td>${d.number ?? ''}</td><td>${d.issuer ?? ''}</td><td>${d.issuedDate ?? ''}</td>${num(d.tasks)}${num(d.noLead)}${num(d.collectiveLead)}${num(d.noDeadline)}${num(d.ongoingOnly)}${num(d.targets)}${num(d.targetsNoOwner)}${num(d.arithmetic)}${num(d.gaps)}</tr>\n`)}
</tbody></table>
</section>
<section id="agencies">
<h2>Agencies</h2>
<table id="agencies-table"><thead><tr>${th(['Agency', 'Level', ['Lead', 'n'], ['Support', 'n'], ['Executor', 'n'], ['Collective lead', 'n'], ['No deadline', 'n'], ['Ongoing', 'n'], ['Gaps', 'n']])}</tr></thead><tbody>
${r.agencies.map((a) => html`<tr><td>${a.agency}</td><td>${a.level ?? ''}</td>${num(a.lead)}${num(a.support)}${num(a.executor)}${num(a.collectiveLead)}${num(a.noDeadline)}${num(a.ongoingOnly)}${num(a.gaps)}</tr>\n`)}
</tbody></table>
</section>
<section id="indexes">
<h2>Index components</h2>
<table id="indexes-table"><thead><tr>${th(['Component', ['Tasks', 'n'], ['No lead', 'n'], ['Collective', 'n'], ['No deadline', 'n'], ['Ongoing', 'n'], ['Targets', 'n'], ['W/o owner', 'n'], ['Arithmetic', 'n'], ['Gaps', 'n']])}</tr></thead><tbody>
${r.indexes.map((x) => html`<tr><td>${x.component}</td>${num(x.tasks)}${num(x.noLead)}${num(x.collectiveLead)}${num(x.noDeadline)}${num(x.ongoingOnly)}${num(x.targets)}${num(x.targetsNoOwner)}${num(x.arithmetic)}${num(x.gaps)}</tr>\n`)}
</tbody></table>
</section>
<section id="findings">
<h2>Findings</h2>
<p class="muted">${r.findings.length} findings: ${Object.entries(GAP_LABELS).map(([code, label]) => `${label} (${r.findings.filter((f) => f.code === code).length})`).join(', ')}, arithmetic (${t.arithmetic}). Each names its task or target (open it for the whole text) and its place in the source: page, offsets into the document's normalised text, and the text around it.</p>
<table id="findings-table"><colgroup><col class="c-n"><col class="c-doc"><col class="c-sev"><col class="c-code"><col class="c-msg"><col class="c-subj"><col class="c-src"></colgroup><thead><tr>${th([['#', 'n'], 'Document', 'Severity', 'Code', 'Finding', 'Task / target', 'Source'])}</tr></thead><tbody>
${r.findings.map((f, i) => [findingRow(f, i, docAnchor), raw('\n')])}
</tbody></table>
</section>`;

  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vnplans audit</title>
<style>${CSS}</style>
</head>
<body>${body.value}
</body>
</html>
`;
}
