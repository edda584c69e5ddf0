// `vnplans audit <output folder | corpus.sqlite>`: arguments, the audit, and where its report goes.
import { parseArgs } from 'node:util';
import { checkOutputFile } from '../export/index.js';
import { writeFileAtomic } from '../sinks/json.js';
import { renderHtml } from '../report/html.js';
import { renderTerminal } from '../report/terminal.js';
import { renderXlsx } from '../report/xlsx.js';
import { openCorpus } from './corpus.js';
import { SORT_KEYS, type AuditFilters, type SortKey } from './model.js';
import { runAudit } from './query.js';

export const AUDIT_USAGE = `  vnplans audit <output folder | corpus.sqlite> [options]
      --issuer TEXT         documents whose issuer contains TEXT (case and diacritics ignored)
      --year YYYY           documents issued that year
      --type TYPE           document type: KE_HOACH, CHI_THI, QUYET_DINH, …
      --agency TEXT         tasks where an agency whose name contains TEXT has a role
      --index CODE          index component prefix: PAR.3 takes PAR.3 and PAR.3.x
      --sort KEY            ${SORT_KEYS.join(' | ')} (default gaps)
      --format FMT          table (default, the terminal) | html | xlsx | json
      --out FILE            write the report there (needed for xlsx)
      --limit N             lines per gap list in the table (default 30; 0 for all)`;

const FORMATS = ['table', 'html', 'xlsx', 'json'] as const;

export async function auditCommand(args: string[], stdout: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      issuer: { type: 'string' },
      year: { type: 'string' },
      type: { type: 'string' },
      agency: { type: 'string' },
      index: { type: 'string' },
      sort: { type: 'string' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      limit: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error(`audit wants one output folder or database\n${AUDIT_USAGE}`);
  const format = (values.format ?? 'table') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new Error(`--format wants one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const sort = (values.sort ?? 'gaps') as SortKey;
  if (!SORT_KEYS.includes(sort)) throw new Error(`--sort wants one of ${SORT_KEYS.join(', ')}, not "${values.sort}"`);
  const filters: AuditFilters = {};
  if (values.issuer) filters.issuer = values.issuer;
  if (values.year) {
    if (!/^\d{4}$/.test(values.year)) throw new Error(`--year wants a year, not "${values.year}"`);
    filters.year = Number(values.year);
  }
  if (values.type) filters.type = values.type;
  if (values.agency) filters.agency = values.agency;
  if (values.index) filters.index = values.index;
  const limit = values.limit === undefined ? 30 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`--limit wants a whole number, not "${values.limit}"`);
  if (format === 'xlsx' && !values.out) throw new Error('--format xlsx needs --out FILE');

  const input = positionals[0]!;
  const corpus = openCorpus(input);
  try {
    const out = values.out ? checkOutputFile(values.out, corpus.folder ?? undefined) : null;
    const report = runAudit(corpus, { filters, sort });
    let body: string | Buffer;
    if (format === 'html') body = renderHtml(report);
    else if (format === 'json') body = JSON.stringify(report, null, 2) + '\n';
    else if (format === 'xlsx') body = await renderXlsx(report);
    else body = renderTerminal(report, limit);
    if (out) {
      await writeFileAtomic(out, body);
      stdout.write(`${format} report: ${out} (${report.totals.documents} documents, ${report.findings.length} findings)\n`);
    } else stdout.write(body);
  } finally {
    corpus.close();
  }
  return 0;
}
