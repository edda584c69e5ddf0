// The corpus behind the correction model: the samples' source.txt files and the Vietnamese passages of
// the shared domain notes. vietnamese-text.md is left out on purpose: it quotes OCR and typing errors
// ("Lòng phép", "phân mềm", "tập chung") that the model must not learn as genre text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusText {
  source: string;
  text: string;
}

const NOTES = ['agencies.md', 'document-format.md', 'indices.md'];
const VN_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** Keep the Vietnamese stretches of English prose: quoted names, table cells, examples. */
export function vietnamesePassages(markdown: string): string {
  const out: string[] = [];
  // Lines that talk about OCR or typing slips quote damaged text: skip them.
  const kept = markdown.split('\n').filter((l) => !/\bOCR\b|typing|typo|swap/i.test(l)).join('\n');
  for (const seg of kept.split(/[|"“”()[\]:;`*→=\n]|—| - /)) {
    const words = seg.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (words.length < 2) continue;
    const vn = words.filter((w) => VN_LETTER.test(w)).length;
    if (vn / words.length >= 0.5) out.push(seg.trim());
  }
  return out.join('\n');
}

/** Samples' sources (all but `exclude`, for leave-one-out measurements) and the notes' passages. */
export function correctionCorpus(root: string, shared: string, exclude: string[] = []): CorpusText[] {
  const out: CorpusText[] = [];
  const samples = path.join(root, 'fixtures', 'samples');
  for (const id of readdirSync(samples).sort()) {
    const f = path.join(samples, id, 'source.txt');
    if (exclude.includes(id) || !existsSync(f)) continue;
    out.push({ source: `fixtures/samples/${id}/source.txt`, text: readFileSync(f, 'utf8') });
  }
  for (const n of NOTES) {
    const f = path.join(shared, 'domain', n);
    if (existsSync(f)) out.push({ source: `shared/domain/${n}`, text: vietnamesePassages(readFileSync(f, 'utf8')) });
  }
  return out;
}
