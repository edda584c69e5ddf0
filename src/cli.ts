#!/usr/bin/env node
// vnplans command line: ingest files into document JSON, audit and export the corpus, print the output schema.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { runBatch } from './batch/run.js';
import { progressMode, reporter } from './batch/progress.js';
import { jsonSchema } from './document/schema.js';
import { limitsUsage, parseLimitArgs, resolveLimits } from './limits.js';
import { AUDIT_USAGE, auditCommand } from './audit/command.js';
import { EXPORT_USAGE, exportCommand } from './export/command.js';

const USAGE = `usage:
  vnplans ingest <files or folders…> --out <dir> [options]
      -j, --concurrency N   files in flight (worker threads; default: the number of cores)
      --limit NAME=VALUE    a resource limit for one file (repeatable); a file over one fails alone.
                            VALUE takes K/M/G: powers of 1024 for byte sizes, of 1000 for counts.
                            NAME=default:
${limitsUsage('                          ')}
      --timeout S           same as --limit seconds=S
      --max-pages N         same as --limit pages=N
      --db FILE             the SQLite database (default <out>/corpus.sqlite); --no-db for none
      -q, --quiet           print only problems and the summary
      --json                one JSON line per file and a summary line, for machines
${AUDIT_USAGE}
${EXPORT_USAGE}
  vnplans schema`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'schema') {
    process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (command === 'audit') return auditCommand(rest, process.stdout);
  if (command === 'export') return exportCommand(rest, process.stdout);
  if (command !== 'ingest') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      concurrency: { type: 'string', short: 'j' },
      timeout: { type: 'string' },
      'max-pages': { type: 'string' },
      limit: { type: 'string', multiple: true },
      db: { type: 'string' },
      'no-db': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
    },
  });
  if (!values.out || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const number = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants a positive number, not "${v}"`);
    return n;
  };
  const concurrency = number('concurrency', values.concurrency);
  const timeout = number('timeout', values.timeout);
  const maxPages = number('max-pages', values['max-pages']);
  // The older flags first, so that an explicit --limit wins; checked here, before any file is read.
  const limits = resolveLimits({ seconds: timeout, pages: maxPages, ...parseLimitArgs(values.limit ?? []) });
  const summary = await runBatch(positionals, {
    out: values.out,
    ...(concurrency ? { concurrency: Math.round(concurrency) } : {}),
    limits,
    database: values['no-db'] ? false : values.db ? path.resolve(values.db) : path.join(path.resolve(values.out), 'corpus.sqlite'),
    onEvent: reporter(progressMode(values, process.stderr), process.stdout, process.stderr),
  });
  return summary.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`vnplans: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
