// A snippet of a document's normalised text around an item's offsets: the place in the source a
// finding points at, with some context on each side (cut at spaces), the item itself shortened.
import type { Snippet } from './model.js';

const MAX_MATCH = 600;

export function snippetOf(text: string, start: number, end: number, context = 160): Snippet | null {
  if (!(start >= 0 && end >= start && start <= text.length)) return null;
  const e = Math.min(end, text.length);
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, e + context);
  // Whole words at the edges.
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp >= 0 && sp < start) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > e) to = sp;
  }
  let match = text.slice(start, e);
  if (match.length > MAX_MATCH) match = `${match.slice(0, MAX_MATCH - 1)}…`;
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match,
    after: text.slice(e, to) + (to < text.length ? '…' : ''),
  };
}
