// Character error rate of OCR text against a reference (the samples' source.txt): both NFC with
// whitespace collapsed to one space. A page is aligned to the stretch of the reference it best
// matches (free start and end in the reference), so pages can be scored one at a time.

export const cerNormalize = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

export interface CerResult {
  /** Edits (insertions, deletions, substitutions) between the text and its matched stretch. */
  errors: number;
  /** Length of the matched stretch of the reference. */
  refLength: number;
  cer: number;
}

/** Edit distance of `text` to its best-matching substring of `reference` (both already normalised). */
export function substringCer(text: string, reference: string): CerResult {
  const a = [...text];
  const b = [...reference];
  const n = a.length;
  const m = b.length;
  if (n === 0) return { errors: 0, refLength: 0, cer: 0 };
  // Column-wise DP over the text (n small) for each reference position: prev/cur hold D[i] for j-1 / j.
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    prev[i] = i;
    prevStart[i] = 0;
  }
  let best = prev[n]!;
  let bestStart = 0;
  let bestEnd = 0;
  for (let j = 1; j <= m; j++) {
    cur[0] = 0;
    curStart[0] = j;
    const bj = b[j - 1];
    for (let i = 1; i <= n; i++) {
      let v = prev[i - 1]! + (a[i - 1] === bj ? 0 : 1);
      let s = prevStart[i - 1]!;
      const del = prev[i]! + 1; // reference char skipped
      if (del < v) [v, s] = [del, prevStart[i]!];
      const ins = cur[i - 1]! + 1; // text char extra
      if (ins < v) [v, s] = [ins, curStart[i - 1]!];
      cur[i] = v;
      curStart[i] = s;
    }
    if (cur[n]! < best) [best, bestStart, bestEnd] = [cur[n]!, curStart[n]!, j];
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  const refLength = Math.max(1, bestEnd - bestStart);
  return { errors: best, refLength, cer: best / refLength };
}

/** Pages scored one by one against the whole reference; totals summed. */
export function pagesCer(pages: string[], reference: string): CerResult {
  const ref = cerNormalize(reference);
  let errors = 0;
  let refLength = 0;
  for (const p of pages) {
    const r = substringCer(cerNormalize(p), ref);
    errors += r.errors;
    refLength += r.refLength;
  }
  return { errors, refLength, cer: refLength ? errors / refLength : 0 };
}
