// The batch: every good file ingested and every bad one reported in errors.jsonl; a run killed
// with SIGKILL and started again gives byte-identical outputs; re-runs skip unchanged files.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/run.js';
import { ROOT, S000, S001, S003, S004, SAMPLES, fixture } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vnplans-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under a folder, relative, except the database and the manifest (their bytes carry timing). */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.vnplans') visit(full);
      } else if (!e.name.startsWith('corpus.sqlite')) out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  visit(dir);
  return out;
}

/** An archive of text-layer inputs: each sample's PDF, DOCX and text, several copies each. */
function makeArchive(dir: string, copies: number): void {
  for (const s of [S000, S001, S003, S004])
    for (const f of ['plan.pdf', 'plan.docx', 'source.txt'])
      for (let i = 0; i < copies; i++) {
        mkdirSync(path.join(dir, `copy${i}`, s), { recursive: true });
        copyFileSync(fixture(s, f), path.join(dir, `copy${i}`, s, f));
      }
}

const RUN_JS = path.join(ROOT, 'dist', 'src', 'batch', 'run.js');

/** The batch in a child process (the built code: every run of a test must share one pipeline version). */
function batchInChild(input: string, out: string): { child: ReturnType<typeof spawn>; summary: Promise<Record<string, number>> } {
  const script = `import(${JSON.stringify(RUN_JS)}).then((m) => m.runBatch([${JSON.stringify(input)}], { out: ${JSON.stringify(out)}, concurrency: 2 })).then((s) => process.stdout.write(JSON.stringify(s)))`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout!.on('data', (c) => (text += c));
  const summary = new Promise<Record<string, number>>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`batch exited with ${code}`)))),
  );
  return { child, summary };
}

describe('batch', () => {
  it('ingests every good file and lists every bad one in errors.jsonl with its reason', async () => {
    const input = path.join(tmp, 'mixed');
    mkdirSync(input);
    for (const f of readdirSync(path.join(ROOT, 'fixtures', 'bad'))) copyFileSync(path.join(ROOT, 'fixtures', 'bad', f), path.join(input, f));
    copyFileSync(fixture(S003, 'plan.pdf'), path.join(input, 'good-plan.pdf'));
    copyFileSync(fixture(S004, 'plan.docx'), path.join(input, 'good-plan.docx'));
    const out = path.join(tmp, 'mixed-out');
    const summary = await runBatch([input], { out, concurrency: 2 });
    expect(existsSync(path.join(out, 'good-plan.pdf.json'))).toBe(true);
    expect(existsSync(path.join(out, 'good-plan.docx.json'))).toBe(true);
    const errors = readFileSync(path.join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.code]));
    expect(byPath).toMatchObject({
      'empty.pdf': 'input/unknown-format',
      'encrypted.pdf': 'pdf/encrypted',
      'truncated.pdf': 'pdf/corrupt',
      'random.pdf': 'input/unknown-format',
      'not-a-docx.docx': 'input/unknown-format',
      'no-pages.pdf': 'pdf/corrupt',
    });
    for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
    expect(summary.failed + summary.unsupported).toBe(errors.length);
    // The database holds the good documents only.
    expect(summary.ok).toBeGreaterThanOrEqual(3); // the two good plans and the .docx named .pdf
  }, 60_000); // fixtures/bad holds some forty files (tests/bad-files.test.ts checks each)

  it('survives kill -9: the restarted run gives the same bytes as an uninterrupted one, and a re-run skips everything', async () => {
    const input = path.join(tmp, 'archive');
    makeArchive(input, 3); // 36 files
    const whole = path.join(tmp, 'whole');
    await batchInChild(input, whole).summary;

    const killed = path.join(tmp, 'killed');
    const manifest = path.join(killed, '.vnplans', 'manifest.jsonl');
    const { child, summary: never } = batchInChild(input, killed);
    never.catch(() => undefined); // it is killed
    // Kill it once some files are done and most are not.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        const done = existsSync(manifest) ? readFileSync(manifest, 'utf8').split('\n').length - 1 : 0;
        if (done >= 6) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 10);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('the run finished before it could be killed'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    const partial = readFileSync(manifest, 'utf8').split('\n').length - 1;
    expect(partial).toBeLessThan(36);

    const resumed = await batchInChild(input, killed).summary;
    expect(resumed.skipped).toBeGreaterThanOrEqual(partial);
    expect(resumed.skipped + resumed.ok).toBe(36);
    const a = tree(whole);
    const b = tree(killed);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(b.get(k)!.equals(v), k).toBe(true);

    // Nothing changed: everything is skipped and the files stay as they were.
    const before = statSync(path.join(killed, 'copy0', S000, 'plan.pdf.json')).mtimeMs;
    const again = await batchInChild(input, killed).summary;
    expect(again.skipped).toBe(36);
    expect(statSync(path.join(killed, 'copy0', S000, 'plan.pdf.json')).mtimeMs).toBe(before);
  }, 120_000);
});
