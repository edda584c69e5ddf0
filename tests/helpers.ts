// Shared test helpers: fixture paths and the text-format stages run on a fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/extract/text/index.js';
import { normalize } from '../src/normalize/index.js';
import { structure } from '../src/structure/index.js';
import type { ParagraphBlock } from '../src/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES = path.join(ROOT, 'fixtures', 'samples');
export const S000 = '000_c1c288300de4c859';
export const S001 = '001_d8cd633b5606b692';
export const S003 = '003_f7fad6bf798f2d1b';
export const S004 = '004_4707ab087540d084';
export const CANTHO = 'cantho-kh70-2025-scan';

export const fixture = (sample: string, file: string) => path.join(SAMPLES, sample, file);
export const fixtureBytes = (sample: string, file: string) => new Uint8Array(readFileSync(fixture(sample, file)));
export const fixtureText = (sample: string, file = 'source.txt') => readFileSync(fixture(sample, file), 'utf8');

/** Paragraph blocks, one per line, as an extractor hands them on. */
export const paragraphs = (lines: string[], page: number | null = null): ParagraphBlock[] =>
  lines.map((text) => ({ kind: 'paragraph', lines: [{ text, page }], page }));

/** The text stages (extract → normalise → structure) over a sample's source.txt. */
export function textStages(sample: string) {
  const extracted = extractText(fixtureBytes(sample, 'source.txt'));
  const norm = normalize(extracted.blocks);
  return { extracted, norm, struct: structure(norm) };
}

/** The text stages plus entities and findings over a text file (a sample's source.txt or any path). */
export async function entityStagesOf(file: string) {
  const { extractEntities } = await import('../src/entities/index.js');
  const { audit } = await import('../src/validate/findings.js');
  const { pageAt } = await import('../src/normalize/index.js');
  const extracted = extractText(new Uint8Array(readFileSync(file)));
  const norm = normalize(extracted.blocks);
  const struct = structure(norm);
  const entities = extractEntities(norm, struct);
  const findings = audit({ ...entities, pageAt: (o) => pageAt(norm, o) });
  return { norm, struct, ...entities, findings };
}

export const GENRE = path.join(ROOT, 'fixtures', 'genre');
