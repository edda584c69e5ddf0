// What the reports write is safe to open: HTML escaped everywhere (a hostile task text stays text),
// workbook and CSV cells that start like a formula neutralised, terminal output free of escape
// sequences, and output paths derived from inputs kept inside the output folder.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusOf } from '../src/audit/corpus.js';
import type { AuditReport } from '../src/audit/model.js';
import { runAudit } from '../src/audit/query.js';
import { snippetOf } from '../src/audit/snippets.js';
import { escapeHtml, html } from '../src/report/escape.js';
import { renderHtml } from '../src/report/html.js';
import { renderTerminal } from '../src/report/terminal.js';
import { cellValue, renderXlsx } from '../src/report/xlsx.js';
import { tasksCsv } from '../src/sinks/corpus.js';
import { outputPathFor } from '../src/sinks/json.js';
import { HOSTILE, hostileDocument } from './audit-helpers.js';
import { S003 } from './helpers.js';

let report: AuditReport;
let hostileCsv = '';
beforeAll(async () => {
  const doc = await hostileDocument(S003);
  hostileCsv = tasksCsv([doc]);
  const c = corpusOf([doc], '<b>label</b>');
  try {
    report = runAudit(c);
  } finally {
    c.close();
  }
});

describe('HTML escaping', () => {
  it('escapes text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(html`<p title="${'" onmouseover="x'}">${'<script>'}</p>`.value).toBe('<p title="&quot; onmouseover=&quot;x">&lt;script&gt;</p>');
    expect(html`${['<i>', html`<b>ok</b>`]}`.value).toBe('&lt;i&gt;<b>ok</b>');
  });

  it('a hostile task text, agency, issuer and path come out as text, never as markup', () => {
    const page = renderHtml(report);
    expect(report.findings.some((f) => f.subject === HOSTILE.task)).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/<svg onload/i);
    expect(page).not.toMatch(/<b[ >]/i);
    expect(page).not.toMatch(/<i>/i);
    expect(page).not.toMatch(/\son\w+="/i); // no event handler attribute anywhere
    expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;');
    expect(page).toContain(escapeHtml(HOSTILE.issuer));
    expect(page).toContain(escapeHtml(HOSTILE.path));
    expect(page).not.toContain('\u001b');
    // Self-contained: a policy that forbids scripts and fetches, and no external resource.
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/i);
  });
});

describe('spreadsheet cells', () => {
  it('neutralises formula-looking text, leaves numbers alone', () => {
    expect(cellValue('=1+1')).toBe("'=1+1");
    expect(cellValue('+84 912')).toBe("'+84 912");
    expect(cellValue('-5')).toBe("'-5");
    expect(cellValue('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cellValue('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(cellValue(-5)).toBe(-5);
    expect(cellValue(null)).toBeNull();
    expect((cellValue('x'.repeat(40_000)) as string).length).toBe(32_767);
  });

  it('the workbook has one sheet per view, no formula anywhere, hostile cells neutralised', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(report)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Documents', 'Agencies', 'Index components', 'Tasks with gaps', 'Targets without owner', 'Findings']);
    const texts: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            texts.push(cell.value);
            expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
          }
        }),
      );
    expect(texts).toContain(`'${HOSTILE.agency}`);
    expect(texts.some((t) => t.startsWith('<script>window.__pwned'))).toBe(true);
    const findings = wb.getWorksheet('Findings')!;
    expect(findings.rowCount).toBe(1 + report.findings.length);
  });

  it('the CSV neutralises the same cells', () => {
    expect(hostileCsv).toContain(`"'${HOSTILE.agency.replace(/"/g, '""')}"`);
    expect(hostileCsv).not.toMatch(/(^|,)=cmd/m);
  });
});

describe('terminal and paths', () => {
  it('the terminal table carries no escape sequence from a document', () => {
    const text = renderTerminal(report, 0);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('<script>window.__pwned');
  });

  it('output paths derived from inputs stay inside the output folder', () => {
    const outDir = path.resolve('/tmp/vnplans-out');
    for (const rel of ['../../etc/passwd', 'a/../../../b.pdf', '..\\..\\x.docx', 'ok/plan.pdf', '/etc/shadow', 'a/./../b/../../../c']) {
      let target: string | null = null;
      try {
        target = outputPathFor(outDir, rel);
      } catch (e) {
        expect(String(e)).toMatch(/escapes the output folder/);
        continue;
      }
      expect(target.startsWith(outDir + path.sep), `${rel} → ${target}`).toBe(true);
    }
  });

  it('snippets cut at word edges and never leave the text', () => {
    const text = 'một hai ba bốn năm sáu bảy tám chín mười';
    const at = text.indexOf('bốn năm');
    const s = snippetOf(text, at, at + 'bốn năm'.length, 8)!;
    expect(s.match).toBe('bốn năm');
    expect(s.before).toBe('…hai ba ');
    expect(s.after).toBe(' sáu bảy…');
    expect(snippetOf(text, 500, 510)).toBeNull();
    expect(snippetOf(text, 0, 3)!.before).toBe('');
  });
});
