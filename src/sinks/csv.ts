// CSV for people who open it in Excel: UTF-8 with a BOM (so Vietnamese shows), CRLF rows, every
// cell quoted where needed, and cells that a spreadsheet would run as a formula neutralised.

/** A cell starting with = + - @ (or tab/CR) is a formula to Excel: prefix it with an apostrophe. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = neutralise(typeof value === 'string' ? value : String(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: unknown[]): string => cells.map(csvCell).join(',') + '\r\n';

export const BOM = '\uFEFF';

/** A whole CSV file: BOM, header row, data rows. */
export function csvFile(header: string[], rows: unknown[][]): string {
  return BOM + csvRow(header) + rows.map(csvRow).join('');
}
