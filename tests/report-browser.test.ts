// The HTML report as a person sees it: opened in headless Chromium (Debian's chromium, driven by
// playwright-core), with its headings, its three charts drawn, one row per finding, nothing fetched
// from the network and no script run from a hostile document. Screenshots go to test-artifacts/.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusOf, openCorpus } from '../src/audit/corpus.js';
import type { AuditReport } from '../src/audit/model.js';
import { runAudit } from '../src/audit/query.js';
import { readDocument, documentFiles } from '../src/audit/documents.js';
import { renderHtml } from '../src/report/html.js';
import { ARTIFACTS, CHROMIUM, HOSTILE, hostileDocument, ingestSamples } from './audit-helpers.js';
import { S003 } from './helpers.js';

const HEADLESS_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`report-browser: ${CHROMIUM} is missing, so the HTML report is not opened in a browser here (apt-get install chromium; CI installs it)`);

describe('HTML report in Chromium', () => {
  // In CI the browser must be there: .ci/run installs it.
  if (!haveChromium && process.env.CI)
    it('has Debian chromium in CI', () => {
      expect.fail(`${CHROMIUM} is missing in CI: .ci/run should have installed it`);
    });

  describe.runIf(haveChromium)('rendered', () => {
    let tmp = '';
    let report: AuditReport;
    let reportFile = '';
    let hostileFile = '';
    let userDataDir = '';

    beforeAll(async () => {
      const samples = await ingestSamples('vnplans-report-');
      tmp = samples.tmp;
      const c = openCorpus(samples.out);
      try {
        report = runAudit(c);
      } finally {
        c.close();
      }
      reportFile = path.join(tmp, 'report.html');
      writeFileSync(reportFile, renderHtml(report));
      // The same corpus with one hostile document beside the others.
      const docs = documentFiles(samples.out).map((f) => readDocument(f)!);
      const hc = corpusOf([...docs, await hostileDocument(S003)]);
      try {
        hostileFile = path.join(tmp, 'hostile.html');
        writeFileSync(hostileFile, renderHtml(runAudit(hc)));
      } finally {
        hc.close();
      }
      userDataDir = path.join(tmp, 'chromium-profile');
      mkdirSync(ARTIFACTS, { recursive: true });
    }, 120_000);
    afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

    async function open(file: string) {
      const { chromium } = await import('playwright-core');
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: HEADLESS_ARGS,
        viewport: { width: 1280, height: 1800 },
      });
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`file://${file}`);
      return { context, page, requests, errors };
    }

    it('shows the summary, three non-empty charts and one row per finding; fetches nothing', async () => {
      const { context, page, requests, errors } = await open(reportFile);
      try {
        expect(await page.locator('h1').innerText()).toContain('Plan audit');
        expect(await page.locator('h2').allInnerTexts()).toEqual(['Summary', 'Gaps', 'Documents', 'Agencies', 'Index components', 'Findings']);
        const cards = await page.locator('#summary .card').allInnerTexts();
        expect(cards.some((c) => c.includes(String(report.totals.noDeadline)) && c.includes('without deadline'))).toBe(true);
        for (const id of ['chart-documents', 'chart-agencies', 'chart-indexes']) {
          const svg = page.locator(`svg#${id}`);
          await expect.poll(() => svg.count()).toBe(1);
          const box = await svg.boundingBox();
          expect(box!.width).toBeGreaterThan(300);
          expect(box!.height).toBeGreaterThan(60);
          const bars = svg.locator('rect.bar');
          expect(await bars.count(), `${id} bars`).toBeGreaterThan(0);
          // Bars are drawn: every one has a width on screen.
          const widths = await bars.evaluateAll((els) => els.map((e) => (e as SVGRectElement).getBoundingClientRect().width));
          expect(widths.every((w) => w > 0)).toBe(true);
          expect(await svg.locator('text.label').count()).toBeGreaterThan(0);
        }
        expect(await page.locator('#chart-documents text.label').count()).toBe(report.documents.filter((d) => d.gaps > 0).length);
        expect(await page.locator('#findings-table tbody tr').count()).toBe(report.findings.length);
        expect(await page.locator('#documents-table tbody tr').count()).toBe(report.documents.length);
        // A finding shows its task and the text around it, with the task marked.
        const first = page.locator('#findings-table tbody tr').first();
        expect(await first.locator('td.place mark').innerText()).not.toBe('');
        expect(await first.locator('td.subject summary').innerText()).toContain(report.findings[0]!.taskId!);
        await page.screenshot({ path: path.join(ARTIFACTS, 'audit-report.png') });
        await page.locator('#findings').scrollIntoViewIfNeeded();
        await page.evaluate(() => document.querySelector('#findings')!.scrollIntoView());
        await page.screenshot({ path: path.join(ARTIFACTS, 'audit-report-findings.png') });
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);

    it('runs no script from a hostile document and shows its text as text', async () => {
      const { context, page, errors } = await open(hostileFile);
      try {
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator('#findings-table script, #findings-table img, #findings-table svg, #documents-table svg').count()).toBe(0);
        const subjects = await page.locator('#findings-table td.subject').allInnerTexts();
        expect(subjects.some((s) => s.includes('<script>window.__pwned = 1</script>'))).toBe(true);
        expect(await page.locator('#documents-table').innerText()).toContain(HOSTILE.issuer);
        expect(await page.locator('#agencies-table').innerText()).toContain(HOSTILE.agency.slice(0, 20));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  });
});
