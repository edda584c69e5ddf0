// npm run eval: ingest the bundled fixtures and score them with ../shared/eval/score.mjs,
// one SCORE line per input format (plan.pdf, plan.docx, source.txt, scan.pdf, scan-p1.png).
//   node dist/scripts/eval.js [--verbose] [--formats plan.pdf,source.txt] [--shared ../shared]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest.js';
import { OcrPool } from '../src/extract/ocr/engine.js';

const { values } = parseArgs({
  options: {
    verbose: { type: 'boolean', short: 'v' },
    formats: { type: 'string' },
    shared: { type: 'string' },
    fixtures: { type: 'string' },
    out: { type: 'string' },
  },
});

const root = process.cwd();
const shared = path.resolve(values.shared ?? process.env.VNPLANS_SHARED ?? path.join(root, '..', 'shared'));
const goldDir = path.join(shared, 'gold');
const scorer = path.join(shared, 'eval', 'score.mjs');
const fixtures = path.resolve(values.fixtures ?? path.join(root, 'fixtures', 'samples'));
const outRoot = path.resolve(values.out ?? path.join(root, 'output', 'eval'));
const FORMATS = (values.formats ?? 'plan.pdf,plan.docx,plan-tcvn3.docx,plan.doc,source.txt,source-vni.txt,scan.pdf,scan-p1.png').split(',').map((s) => s.trim()).filter(Boolean);

if (!existsSync(scorer) || !existsSync(goldDir)) {
  console.error(`eval: scorer or gold not found under ${shared} (set --shared or VNPLANS_SHARED)`);
  process.exit(2);
}

const samples = readdirSync(fixtures).filter((d) => existsSync(path.join(goldDir, `${d}.json`)));
rmSync(outRoot, { recursive: true, force: true });
const predAll = path.join(outRoot, 'all');

// Ingest only the files of the formats under evaluation, each sample into <out>/all/<sample>/<file>.json.
const inputs = samples.flatMap((s) => FORMATS.map((f) => path.join(fixtures, s, f)).filter((p) => existsSync(p)));
const t0 = performance.now();
let failures = 0;
// One OCR pool for the whole run (scans), as one ingest run would have.
const ocrPool = new OcrPool();
const seconds = new Map<string, number>();
try {
  for (const input of inputs) {
    const sample = path.basename(path.dirname(input));
    const [r] = await ingest([input], { out: path.join(predAll, sample), ocrPool });
    if (r) seconds.set(path.basename(input), (seconds.get(path.basename(input)) ?? 0) + r.ms / 1000);
    if (r && r.status !== 'ok') {
      failures++;
      console.log(`  ${r.status}: ${sample}/${r.rel}: ${r.code}: ${r.message}`);
    }
  }
} finally {
  await ocrPool.terminate();
}
const perFormat = [...seconds].map(([f, s]) => `${f} ${s.toFixed(1)} s`).join(', ');
console.log(`ingested ${inputs.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s (${failures} not ok; ${perFormat})`);

const lines: string[] = [];
for (const fmt of FORMATS) {
  const dir = path.join(outRoot, 'by-format', fmt);
  const pred = path.join(dir, 'pred');
  const gold = path.join(dir, 'gold');
  mkdirSync(gold, { recursive: true });
  let n = 0;
  for (const s of samples) {
    if (!existsSync(path.join(fixtures, s, fmt))) continue;
    cpSync(path.join(goldDir, `${s}.json`), path.join(gold, `${s}.json`));
    const p = path.join(predAll, s, `${fmt}.json`);
    if (existsSync(p)) {
      mkdirSync(path.join(pred, s), { recursive: true });
      cpSync(p, path.join(pred, s, `${fmt}.json`));
    }
    n++;
  }
  if (!n) continue;
  mkdirSync(pred, { recursive: true });
  const args = [scorer, '--gold', gold, '--pred', pred, '--json', path.join(dir, 'report.json')];
  if (values.verbose) args.push('--verbose');
  const res = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const out = res.stdout ?? '';
  if (values.verbose) console.log(`\n===== ${fmt} =====\n${out}`);
  const score = out.trim().split('\n').filter((l) => l.startsWith('SCORE ')).pop();
  lines.push(`${fmt.padEnd(Math.max(12, ...FORMATS.map((f) => f.length)))} ${score ?? `(scorer failed: ${res.stderr})`}`);
}
writeFileSync(path.join(outRoot, 'scores.txt'), lines.join('\n') + '\n');
console.log('');
for (const l of lines) console.log(l);
