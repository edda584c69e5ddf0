// Helpers of the audit, report and export tests: the shared samples' text exports ingested into a
// temporary output folder (the text pipeline: fast), the gold beside the repo, a hostile document.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBatch } from '../src/batch/run.js';
import type { DocumentJson } from '../src/document/schema.js';
import { processFile } from '../src/ingest.js';
import { ROOT, SAMPLES, fixtureBytes } from './helpers.js';

export const GOLD = path.join(ROOT, '..', 'shared', 'gold');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export const sampleIds = () => readdirSync(SAMPLES).filter((s) => existsSync(path.join(SAMPLES, s, 'source.txt'))).sort();

/** Ingest every sample's source.txt into <tmp>/out (as <sample>/source.txt.json, corpus.sqlite…). */
export async function ingestSamples(prefix: string): Promise<{ tmp: string; out: string }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const input = path.join(tmp, 'in');
  for (const s of sampleIds()) {
    mkdirSync(path.join(input, s), { recursive: true });
    copyFileSync(path.join(SAMPLES, s, 'source.txt'), path.join(input, s, 'source.txt'));
  }
  const out = path.join(tmp, 'out');
  const summary = await runBatch([input], { out, concurrency: 2 });
  if (summary.ok !== sampleIds().length) throw new Error(`ingest of the samples: ${JSON.stringify(summary)}`);
  return { tmp, out };
}

export const HOSTILE = {
  task: `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> =HYPERLINK("http://evil.example","x") \u001b[2J`,
  agency: `=cmd|' /C calc'!A0 <b onmouseover="window.__pwned = 3">Sở</b>`,
  issuer: `"><svg onload="window.__pwned = 4">`,
  path: `../<i>evil</i>/'quoted" & path.txt`,
};

/** A real document with hostile strings in the places a report shows: task text (and its place in the text), agency, issuer, path. */
export async function hostileDocument(sample: string): Promise<DocumentJson> {
  const doc = (await processFile(fixtureBytes(sample, 'source.txt'), `${sample}/source.txt`)).doc as DocumentJson;
  const t = doc.tasks[0]!;
  const start = doc.text.length + 1;
  doc.text += `\n${HOSTILE.task}`;
  t.text = HOSTILE.task;
  t.provenance = { page: null, start, end: doc.text.length };
  t.lead = [{ name: HOSTILE.agency, text: HOSTILE.agency }];
  t.deadline = null;
  doc.meta.issuer = HOSTILE.issuer;
  doc.source.path = HOSTILE.path;
  return doc;
}
