// The pipeline version: part of every output and of the resume manifest key, so a change of the
// rules re-processes files whose bytes did not change. The release number, plus a hash of the
// code of the stages that shape a document: a rebuilt rule is a new version even before a release.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RELEASE = '0.1.0';

/** Stage folders whose code decides what a document's JSON holds. */
const STAGES = ['detect', 'extract', 'correct', 'normalize', 'structure', 'entities', 'registry', 'validate', 'document'];

function codeHash(): string {
  const here = path.dirname(fileURLToPath(import.meta.url)); // src/ or dist/src/
  const dirs = [...STAGES.map((d) => path.join(here, d)), path.join(here, '..', 'pipelines')];
  const h = createHash('sha256');
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (/\.(?:[cm]?js|ts|json)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.map')) {
        h.update(path.relative(here, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  for (const d of dirs) visit(d);
  return h.digest('hex').slice(0, 12);
}

export const PIPELINE_VERSION = `${RELEASE}+${codeHash()}`;
