#!/usr/bin/env node
// vnplans command line: ingest files into document JSON, print the output schema.
import { parseArgs } from 'node:util';
import { ingest, type FileResult } from './ingest.js';
import { jsonSchema } from './document/schema.js';

const USAGE = `usage:
  vnplans ingest <files or folders…> --out <dir> [--max-pages N] [--quiet] [--json]
  vnplans schema`;

function line(r: FileResult): string {
  const ms = `${(r.ms / 1000).toFixed(2)}s`;
  if (r.status === 'ok') {
    const s = r.summary!;
    return `ok           ${r.rel}  [${r.format}${s.pages !== null ? `, ${s.pages} p` : ''}] ${s.tasks} tasks, ${s.targets} targets, ${s.references} refs, ${s.tables} tables  ${ms}`;
  }
  return `${r.status.padEnd(12)} ${r.rel}  ${r.code}: ${r.message}  ${ms}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'schema') {
    process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (command !== 'ingest') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'max-pages': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
    },
  });
  if (!values.out || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const results = await ingest(positionals, {
    out: values.out,
    ...(values['max-pages'] ? { maxPages: Number(values['max-pages']) } : {}),
    onResult: (r) => {
      if (values.json) process.stdout.write(JSON.stringify(r) + '\n');
      else if (!values.quiet || r.status !== 'ok') process.stdout.write(line(r) + '\n');
    },
  });
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  const summary = `${results.length} files: ${count('ok')} ok, ${count('unsupported')} unsupported, ${count('error')} failed`;
  if (!values.json) process.stdout.write(`${summary}\n`);
  return count('error') > 0 ? 1 : 0;
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
