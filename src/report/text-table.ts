// Plain-text tables for the terminal: columns padded to their widest cell (counted in characters as
// shown, combining marks taking no room), long cells shortened, control characters dropped so a
// document's text cannot send escape sequences to the terminal.

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** Widest the column may get; longer cells end in "…". */
  max?: number;
}

/** Printable text: control characters (ANSI escapes included) and line breaks become spaces. */
export function printable(s: string): string {
  return s.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

export function displayWidth(s: string): number {
  return [...s.replace(/\p{M}/gu, '')].length;
}

function fit(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const pad = (s: string, width: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
};

export function textTable(columns: Column[], rows: unknown[][]): string {
  const cells = rows.map((r) => columns.map((c, i) => fit(printable(r[i] === null || r[i] === undefined ? '' : String(r[i])), c.max ?? 60)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i]!))));
  const line = (r: string[]) => r.map((s, i) => pad(s, widths[i]!, columns[i]!.align ?? 'left')).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join('\n') + '\n';
}
