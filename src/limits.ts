// Every resource limit of a run in one place: what one input file may cost at most. An input over
// a limit fails alone with a `limit`-specific error code; the defaults are safe for a machine
// running one worker per core with a few GiB of memory.

export interface Limits {
  /** Bytes of one input file (checked before it is read). */
  bytes: number;
  /** Pages of one document: PDF pages, TIFF pages. */
  pages: number;
  /** Pixels of one page image: a decoded PNG/JPEG/TIFF page, a PDF page rendered for OCR. */
  pixels: number;
  /** Bytes one PDF stream (content, image, font) may inflate to. */
  streamBytes: number;
  /** Seconds one file may take (the batch terminates its worker thread after that). */
  seconds: number;
  /** Heap of each batch worker thread, MiB. */
  heapMb: number;
  /** Uncompressed bytes of all parts of a .docx together. */
  docxBytes: number;
  /** Uncompressed bytes of one .docx part (document.xml, a header, …). */
  docxPartBytes: number;
  /** Uncompressed ÷ compressed size of one .docx part over 1 MiB (XML compresses 5–30×; zip bombs 1000×). */
  docxRatio: number;
  /** Entries in a .docx's zip directory. */
  zipEntries: number;
  /** Bytes of a plain-text input. */
  textBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  bytes: 200 * MiB,
  pages: 2000,
  pixels: 50_000_000,
  streamBytes: 256 * MiB,
  seconds: 600,
  heapMb: 2048,
  docxBytes: 200 * MiB,
  docxPartBytes: 100 * MiB,
  docxRatio: 100,
  zipEntries: 10_000,
  textBytes: 20 * MiB,
});

/** The names a limit has on the command line (`--limit pages=500`) and what each means. */
export const LIMIT_FLAGS: Record<string, { key: keyof Limits; unit: 'bytes' | 'count' | 'seconds' | 'MiB'; help: string }> = {
  bytes: { key: 'bytes', unit: 'bytes', help: 'size of one input file' },
  pages: { key: 'pages', unit: 'count', help: 'pages of one PDF or TIFF' },
  pixels: { key: 'pixels', unit: 'count', help: 'pixels of one page image (image file page, PDF page rendered for OCR)' },
  'stream-bytes': { key: 'streamBytes', unit: 'bytes', help: 'inflated size of one PDF stream' },
  seconds: { key: 'seconds', unit: 'seconds', help: 'time for one file' },
  'heap-mb': { key: 'heapMb', unit: 'MiB', help: 'heap of each worker thread' },
  'docx-bytes': { key: 'docxBytes', unit: 'bytes', help: 'uncompressed size of all parts of a .docx' },
  'docx-part-bytes': { key: 'docxPartBytes', unit: 'bytes', help: 'uncompressed size of one .docx part' },
  'docx-ratio': { key: 'docxRatio', unit: 'count', help: 'compression ratio of one .docx part over 1 MiB' },
  'zip-entries': { key: 'zipEntries', unit: 'count', help: 'entries in a .docx zip' },
  'text-bytes': { key: 'textBytes', unit: 'bytes', help: 'size of a text file' },
};

/** The defaults with some limits replaced; undefined entries keep the default. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(overrides) as [keyof Limits, number | undefined][]) {
    if (v === undefined) continue;
    if (!(k in DEFAULT_LIMITS)) throw new LimitSyntaxError(`unknown limit "${k}"`);
    if (!Number.isFinite(v) || v <= 0) throw new LimitSyntaxError(`limit ${k} must be a positive number, not ${v}`);
    out[k] = v;
  }
  return out;
}

export class LimitSyntaxError extends Error {
  override name = 'LimitSyntaxError';
}

/**
 * A number with an optional suffix: K, M, G are powers of 1024 for byte sizes ("500M" = 500 MiB)
 * and of 1000 otherwise ("80M" pixels = 80 million).
 */
export function parseLimitValue(text: string, unit: 'bytes' | 'count' | 'seconds' | 'MiB'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)\s*$/.exec(text);
  if (!m) throw new LimitSyntaxError(`not a number: "${text}"`);
  const base = unit === 'bytes' ? 1024 : 1000;
  const power = { '': 0, k: 1, m: 2, g: 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Number(m[1]) * base ** power;
  if (!(n > 0)) throw new LimitSyntaxError(`must be positive: "${text}"`);
  return unit === 'seconds' ? n : Math.round(n);
}

/** `--limit name=value` arguments → overrides. */
export function parseLimitArgs(args: string[]): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq).trim();
    const flag = LIMIT_FLAGS[name];
    if (!flag) throw new LimitSyntaxError(`unknown limit "${name}" (known: ${Object.keys(LIMIT_FLAGS).join(', ')})`);
    if (eq < 0) throw new LimitSyntaxError(`--limit ${name} wants a value: --limit ${name}=N`);
    try {
      out[flag.key] = parseLimitValue(a.slice(eq + 1), flag.unit);
    } catch (e) {
      throw new LimitSyntaxError(`--limit ${name}: ${(e as Error).message}`);
    }
  }
  return out;
}

const human = (n: number, unit: string) =>
  unit === 'bytes' && n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)}M` : unit === 'count' && n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : String(n);

/** The limits block of `vnplans --help`. */
export function limitsUsage(indent: string): string {
  const rows = Object.entries(LIMIT_FLAGS).map(([name, f]) => `${indent}  ${`${name}=${human(DEFAULT_LIMITS[f.key], f.unit)}`.padEnd(22)}${f.help}`);
  return rows.join('\n');
}

/**
 * Failures that depend on the limits rather than the file alone. The batch tries them again on a
 * re-run (the limits may have been raised); each is refused from sizes and headers, so cheaply.
 */
export const LIMIT_CODES: ReadonlySet<string> = new Set([
  'input/too-large',
  'pdf/too-many-pages',
  'pdf/page-too-large',
  'pdf/stream-too-large',
  'image/too-large',
  'image/too-many-pages',
  'docx/too-large',
  'docx/zip-bomb',
  'docx/too-many-entries',
  'text/too-large',
]);

/** The error an input over a limit fails with: `code` names the extractor and the limit. */
export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
