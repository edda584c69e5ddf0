// Rebuild src/correct/model-data.json (syllable and pair counts) from the corpus.
//   node dist/scripts/build-correction-model.js [--shared ../shared]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildModelData } from '../src/correct/model.js';
import { correctionCorpus } from './correction-corpus.js';

const { values } = parseArgs({ options: { shared: { type: 'string' } } });
const root = process.cwd();
const shared = path.resolve(values.shared ?? path.join(root, '..', 'shared'));
const corpus = correctionCorpus(root, shared);
const data = buildModelData(
  corpus.map((c) => c.text),
  corpus.map((c) => c.source),
);
const out = path.join(root, 'src', 'correct', 'model-data.json');
writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`${out}: ${Object.keys(data.uni).length} syllables, ${Object.keys(data.bi).length} pairs from ${corpus.length} texts`);
