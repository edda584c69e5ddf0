// A printed token split into what correction may touch (the letters) and what it keeps as it is:
// punctuation on either side, codes and numbers ("03/KH-UBND", "QĐ-TTg", "19/4/2023", "86,29%").

export type CaseStyle = 'lower' | 'title' | 'upper' | 'mixed';

export interface Token {
  /** The token as printed. */
  raw: string;
  lead: string;
  core: string;
  trail: string;
  /**
   * word: letters only (OCR's 0/1 for o/l allowed between letters) — correction may change it;
   * code: letters with digits or inner punctuation — kept; other: no letters (numbers, dashes) — kept.
   */
  kind: 'word' | 'code' | 'other';
  style: CaseStyle;
}

const EDGE_LEAD = /^[^\p{L}\p{N}]+/u;
const EDGE_TRAIL = /[^\p{L}\p{N}]+$/u;

export function caseStyle(s: string): CaseStyle {
  const lower = s.toLowerCase();
  const upper = s.toUpperCase();
  if (s === lower) return 'lower';
  if (s === upper) return [...s].length > 1 ? 'upper' : 'title';
  if (s.charAt(0) === upper.charAt(0) && s.slice(1) === lower.slice(1)) return 'title';
  return 'mixed';
}

/** Print a lower-case form in a token's case: all caps stays all caps, a capital stays first. */
export function applyCase(form: string, style: CaseStyle): string {
  if (style === 'upper') return form.toUpperCase();
  if (style === 'title' || style === 'mixed') return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}

export function parseToken(raw: string): Token {
  const nfc = raw.normalize('NFC');
  const lead = EDGE_LEAD.exec(nfc)?.[0] ?? '';
  const rest = nfc.slice(lead.length);
  const trail = EDGE_TRAIL.exec(rest)?.[0] ?? '';
  const core = rest.slice(0, rest.length - trail.length);
  let kind: Token['kind'] = 'other';
  if (/^\p{L}[\p{L}\p{M}]*$/u.test(core)) kind = 'word';
  // "c0ng", "1ý": OCR digits inside a word of at least two letters; "H01" or "PAR1" stay codes.
  else if (/^[\p{L}\p{M}01]+$/u.test(core) && (core.match(/\p{L}/gu)?.length ?? 0) >= 2 && /^[\p{Ll}01]+$/u.test(core.slice(1)))
    kind = 'word';
  else if (/\p{L}/u.test(core)) kind = 'code';
  return { raw: nfc, lead, core, trail, kind, style: caseStyle(core.replace(/[01]/g, '')) };
}
