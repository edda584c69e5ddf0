// Extracted blocks whose text came out of legacy fonts with no font information left (a .doc
// reader's paragraphs, table cells): every line and cell judged and converted (src/encoding).
import type { Block } from '../types.js';
import { repairSegments } from './detect.js';
import type { LegacyEncoding } from './legacy.js';

/** Convert, in place, the lines and cells that read as TCVN3/VNI. */
export function repairBlocks(blocks: Block[]): { converted: number; encoding: LegacyEncoding | null } {
  const slots: { get: () => string; set: (s: string) => void }[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') for (const l of b.lines) slots.push({ get: () => l.text, set: (s) => (l.text = s) });
    else if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) slots.push({ get: () => c.text, set: (s) => (c.text = s) });
  }
  const r = repairSegments(slots.map((s) => s.get()));
  slots.forEach((s, i) => {
    if (r.encodings[i]) s.set(r.texts[i]!);
  });
  return { converted: r.converted, encoding: r.encoding };
}
