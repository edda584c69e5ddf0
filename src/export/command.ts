// `vnplans export <output folder> --format jsonl|csv|xml --out FILE`.
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportCorpus, type ExportFormat } from './index.js';

export const EXPORT_USAGE = `  vnplans export <output folder> --format ${EXPORT_FORMATS.join('|')} --out FILE
      jsonl: one document per line, as \`vnplans schema\` describes; csv: one row per task;
      xml: the layout of docs/xml-layout.md`;

export function exportCommand(args: string[], stdout: NodeJS.WritableStream): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } },
  });
  if (positionals.length !== 1 || !values.format || !values.out) throw new Error(`export wants a folder, --format and --out\n${EXPORT_USAGE}`);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`--format wants one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`);
  const r = exportCorpus(positionals[0]!, format, values.out);
  stdout.write(`${format}: ${r.file} (${r.documents} documents)\n`);
  return 0;
}
