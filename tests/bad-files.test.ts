// Hostile and broken inputs (fixtures/bad, expected.json) in one batch with good files: every bad
// file fails alone with its expected code, every good file's output is byte-identical to a run of
// the good files alone, nothing hangs. Plus the limit checks one by one.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsUsage, parseLimitArgs, parseLimitValue, resolveLimits } from '../src/limits.js';
import { openZip } from '../src/extract/docx/zip.js';
import { extractDocx } from '../src/extract/docx/index.js';
import { checkTiff, imagePages, jpegSize, pngComplete, pngSize } from '../src/extract/ocr/images.js';
import { checkPdfStreams } from '../src/extract/pdf/streams.js';
import { extractText } from '../src/extract/text/index.js';
import { sniff } from '../src/detect/sniff.js';
import { ROOT, S000, S001, S003, fixture, fixtureBytes } from './helpers.js';

const BAD = path.join(ROOT, 'fixtures', 'bad');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const expected = JSON.parse(readFileSync(path.join(BAD, 'expected.json'), 'utf8')) as Record<string, { status: string; code?: string; message?: string }>;
const bad = (name: string) => new Uint8Array(readFileSync(path.join(BAD, name)));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vnplans-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `vnplans ingest --json` in a child process: its exit code and its JSON lines. */
function ingest(input: string, out: string, extra: string[] = []): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'ingest', input, '--out', out, '--json', '--no-db', '-j', '2', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (c) => (text += c));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, lines: text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) }));
  });
}

const GOOD: [string, string][] = [
  [fixture(S000, 'plan.pdf'), 'plan-000.pdf'],
  [fixture(S001, 'plan.docx'), 'plan-001.docx'],
  [fixture(S003, 'source.txt'), 'source-003.txt'],
];

describe('bad files in one batch with good files', () => {
  it('lists at least 25 bad files, each with an expected status and, when refused, a code', () => {
    const files = readdirSync(BAD).filter((f) => f !== 'README.md' && f !== 'expected.json');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(Object.values(expected).filter((e) => e.status !== 'ok').length).toBeGreaterThanOrEqual(25);
    for (const e of Object.values(expected)) if (e.status !== 'ok') expect(e.code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });

  it('fails every bad file alone with its code and leaves the good files byte-identical', async () => {
    // The same relative paths in both runs: source.path is part of the output.
    const mixed = path.join(tmp, 'mixed');
    const alone = path.join(tmp, 'alone');
    for (const dir of [mixed, alone]) mkdirSync(path.join(dir, 'good'), { recursive: true });
    mkdirSync(path.join(mixed, 'bad'));
    for (const [from, name] of GOOD) for (const dir of [mixed, alone]) copyFileSync(from, path.join(dir, 'good', name));
    for (const name of Object.keys(expected)) copyFileSync(path.join(BAD, name), path.join(mixed, 'bad', name));

    const [a, b] = await Promise.all([ingest(mixed, path.join(tmp, 'mixed-out')), ingest(alone, path.join(tmp, 'alone-out'))]);

    // Exit code 1 when a file failed; 0 for the good files alone.
    expect(a.code).toBe(1);
    expect(b.code).toBe(0);
    const files = new Map(a.lines.filter((l) => l.path).map((l) => [l.path as string, l]));
    const summary = a.lines.find((l) => l.summary)!.summary as Record<string, number>;
    const want = Object.values(expected);
    expect(summary).toMatchObject({
      total: want.length + GOOD.length,
      ok: want.filter((e) => e.status === 'ok').length + GOOD.length,
      unsupported: want.filter((e) => e.status === 'unsupported').length,
      failed: want.filter((e) => e.status === 'error').length,
      skipped: 0,
    });

    // errors.jsonl: exactly the refused bad files, each with its code and a message that says why.
    const errors = readFileSync(path.join(tmp, 'mixed-out', 'errors.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const byPath = new Map(errors.map((e) => [e.path, e]));
    const refused = Object.entries(expected).filter(([, e]) => e.status !== 'ok');
    expect([...byPath.keys()].sort()).toEqual(refused.map(([n]) => `bad/${n}`).sort());
    for (const [name, e] of refused) {
      const got = byPath.get(`bad/${name}`);
      expect({ name, status: got.status, code: got.code }).toEqual({ name, status: e.status, code: e.code });
      expect(got.message.length, name).toBeGreaterThan(10);
      if (e.message) expect(got.message, name).toContain(e.message);
    }
    for (const [name, e] of Object.entries(expected)) if (e.status === 'ok') expect(files.get(`bad/${name}`)?.status, name).toBe('ok');

    // Every good file: ok in both runs, and the same bytes.
    for (const [, name] of GOOD) {
      expect(files.get(`good/${name}`)?.status, name).toBe('ok');
      const mine = readFileSync(path.join(tmp, 'mixed-out', 'good', `${name}.json`));
      const theirs = readFileSync(path.join(tmp, 'alone-out', 'good', `${name}.json`));
      expect(mine.equals(theirs), name).toBe(true);
    }
  }, 90_000);

  it('a limit from the command line refuses what the default lets through', async () => {
    const input = path.join(tmp, 'limit');
    mkdirSync(input);
    copyFileSync(fixture(S000, 'plan.pdf'), path.join(input, 'plan.pdf'));
    copyFileSync(fixture(S003, 'source.txt'), path.join(input, 'source.txt'));
    const r = await ingest(input, path.join(tmp, 'limit-out'), ['--limit', 'pages=1', '--limit', 'text-bytes=1K']);
    expect(r.code).toBe(1);
    const byPath = Object.fromEntries(r.lines.filter((l) => l.path).map((l) => [l.path, l.code]));
    expect(byPath).toEqual({ 'plan.pdf': 'pdf/too-many-pages', 'source.txt': 'text/too-large' });
  }, 60_000);
});

describe('limits', () => {
  it('has safe defaults and takes overrides by name, with K/M/G suffixes', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ bytes: 200 * 2 ** 20, pages: 2000, pixels: 50_000_000, seconds: 600, docxRatio: 100, zipEntries: 10_000 });
    expect(parseLimitValue('500M', 'bytes')).toBe(500 * 2 ** 20);
    expect(parseLimitValue('80M', 'count')).toBe(80_000_000);
    expect(parseLimitValue('1.5', 'seconds')).toBe(1.5);
    expect(parseLimitArgs(['pages=500', 'pixels=10M', 'docx-part-bytes=1K'])).toEqual({ pages: 500, pixels: 10_000_000, docxPartBytes: 1024 });
    expect(() => parseLimitArgs(['pagez=5'])).toThrow(/unknown limit "pagez"/);
    expect(() => parseLimitArgs(['pages=-5'])).toThrow(/not a number/);
    expect(() => parseLimitArgs(['pages'])).toThrow(/wants a value/);
    expect(resolveLimits({ pages: 7, bytes: undefined })).toEqual({ ...DEFAULT_LIMITS, pages: 7 });
    expect(() => resolveLimits({ pages: 0 })).toThrow(/positive/);
    expect(limitsUsage('')).toContain('pixels=50M');
  });

  it('docx: entry count, per-part size, ratio and total are checked before inflating', () => {
    const lim = { totalBytes: 1e9, partBytes: 1e9, ratio: 100, entries: 100 };
    expect(() => openZip(bad('docx-entry-count.docx'), lim)).toThrow(expect.objectContaining({ code: 'docx/too-many-entries' }));
    expect(() => openZip(bad('docx-huge-part.docx'), lim)).toThrow(expect.objectContaining({ code: 'docx/too-large' }));
    expect(() => openZip(bad('docx-zip-bomb.docx'), lim)).toThrow(expect.objectContaining({ code: 'docx/zip-bomb' }));
    // The same bomb under a ratio that allows it opens (and its part inflates to its declared size).
    const zip = openZip(bad('docx-zip-bomb.docx'), { ...lim, ratio: 2000 });
    expect(zip.read('word/document.xml')!.length).toBeGreaterThan(20 << 20);
    expect(() => openZip(bad('docx-zip-bomb.docx'), { ...lim, ratio: 2000, totalBytes: 20 << 20 })).toThrow(expect.objectContaining({ code: 'docx/too-large' }));
    // A real document passes the defaults.
    expect(openZip(fixtureBytes(S000, 'plan.docx'), { totalBytes: DEFAULT_LIMITS.docxBytes, partBytes: DEFAULT_LIMITS.docxPartBytes, ratio: 100, entries: 10_000 }).has('word/document.xml')).toBe(true);
  });

  it('docx: a DOCTYPE in any part is refused before mammoth or fast-xml-parser read it', async () => {
    await expect(extractDocx(bad('docx-billion-laughs.docx'))).rejects.toMatchObject({ code: 'docx/doctype', message: expect.stringContaining('word/document.xml') });
    await expect(extractDocx(bad('docx-xxe-styles.docx'))).rejects.toMatchObject({ code: 'docx/doctype', message: expect.stringContaining('word/styles.xml') });
    await expect(extractDocx(fixtureBytes(S000, 'plan.docx'), { limits: { ...DEFAULT_LIMITS, docxPartBytes: 1000 } })).rejects.toMatchObject({ code: 'docx/too-large' });
  });

  it('images: sizes and page counts read from the headers, refused before decoding', async () => {
    expect(pngSize(bad('png-huge.png'))).toEqual({ width: 1_000_000, height: 1_000_000 });
    expect(jpegSize(bad('jpeg-huge.jpg'))).toEqual({ width: 65_500, height: 65_500 });
    expect(pngComplete(fixtureBytes(S000, 'scan-p1.png'))).toBe(true);
    expect(pngComplete(bad('png-truncated.png'))).toBe(false);
    await expect(imagePages(bad('png-huge.png'), 'png', { maxPixels: 50e6 })).rejects.toMatchObject({ code: 'image/too-large' });
    await expect(imagePages(bad('jpeg-huge.jpg'), 'jpeg', { maxPixels: 50e6 })).rejects.toMatchObject({ code: 'image/too-large' });
    expect(() => checkTiff(bad('tiff-ifd-loop.tif'))).toThrow(/loop/);
    expect(() => checkTiff(bad('tiff-huge-count.tif'))).toThrow(/past the end/);
    expect(checkTiff(bad('tiff-many-pages.tif'))).toBe(2001);
    expect(() => checkTiff(bad('tiff-many-pages.tif'), { maxPages: 2000 })).toThrow(expect.objectContaining({ code: 'image/too-many-pages' }));
    expect(() => checkTiff(bad('tiff-huge.tif'), { maxPixels: 4e10 })).not.toThrow();
    expect(() => checkTiff(bad('tiff-huge.tif'), { maxPixels: 4e10 - 1 })).toThrow(expect.objectContaining({ code: 'image/too-large' }));
    // A real page photo is under the default.
    const [page] = await imagePages(fixtureBytes(S000, 'scan-p1.png'), 'png', { maxPixels: DEFAULT_LIMITS.pixels });
    expect(page!.width * page!.height).toBeLessThan(DEFAULT_LIMITS.pixels);
  });

  it('pdf: flate chains and large streams are inflated with a cap before pdfjs sees them', () => {
    expect(() => checkPdfStreams(bad('pdf-flate-bomb.pdf'), 256 * 2 ** 20)).toThrow(expect.objectContaining({ code: 'pdf/stream-too-large' }));
    for (const s of [S000, S001, S003]) expect(() => checkPdfStreams(fixtureBytes(s, 'plan.pdf'), 1 << 20)).not.toThrow();
    // A single-layer stream over limit/1032 bytes is checked too.
    const zlibStream = deflateSync(Buffer.alloc(4 << 20));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n'), zlibStream, Buffer.from('\nendstream\nendobj\n')]);
    expect(() => checkPdfStreams(pdf, 1 << 20)).toThrow(expect.objectContaining({ code: 'pdf/stream-too-large' }));
  });

  it('text: size limit, odd-length UTF-16, HTML under another name', () => {
    expect(() => extractText(fixtureBytes(S003, 'source.txt'), { maxBytes: 1000 })).toThrow(expect.objectContaining({ code: 'text/too-large' }));
    expect(extractText(fixtureBytes(S003, 'source.txt'), { maxBytes: DEFAULT_LIMITS.textBytes }).blocks.length).toBeGreaterThan(10);
    expect(() => extractText(bad('utf16-odd-length.txt'))).toThrow(expect.objectContaining({ code: 'text/bad-utf16' }));
    const even = bad('utf16-odd-length.txt').subarray(0, 86);
    expect(extractText(even).blocks.length).toBe(2);
    expect(sniff(bad('html-named.pdf'))).toMatchObject({ format: 'unknown', subtype: 'html' });
    expect(sniff(new TextEncoder().encode('Kế hoạch <b>số 12</b>: nội dung'))).toMatchObject({ format: 'text' });
  });
});
