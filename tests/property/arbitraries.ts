// Generators for the property tests: text that reaches the interesting paths of the normaliser,
// the structure parser and the readers (real lines of the samples, the genre's markers, dates,
// deadline phrases, Vietnamese numbers), mixed with odd Unicode, control characters, adversarial
// runs for the regexes and plain random strings.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Align, Block, ParagraphBlock, RawRow, TableBlock } from '../../src/types.js';
import { SAMPLES } from '../helpers.js';

/** Runs per property: small for the suite (`VNPLANS_PROP_RUNS` scales them for long campaigns). */
export const RUNS = Number(process.env.VNPLANS_PROP_RUNS ?? 0) || 0;
/** A fixed seed keeps CI reproducible; `VNPLANS_PROP_SEED` picks another for local campaigns. */
export const SEED = Number(process.env.VNPLANS_PROP_SEED ?? 20250607);
export const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: RUNS || numRuns,
  seed: SEED,
  endOnFailure: false,
});

/** Every non-empty line of the samples' source.txt (tab rows included). */
export const SAMPLE_LINES: string[] = readdirSync(SAMPLES)
  .map((d) => path.join(SAMPLES, d, 'source.txt'))
  .flatMap((f) => {
    try {
      return readFileSync(f, 'utf8').split(/\r?\n/);
    } catch {
      return [];
    }
  })
  .filter((l) => l.trim());

const MARKERS = ['I.', 'II.', 'IV.', 'XII-', 'V/', '1.', '2)', '12.', '1.1.', '2.3', '1.2.3.', 'a)', 'đ)', 'z)', '-', '–', '—', '+', '•', '*', '·',
  'Điều 1.', 'Điều 12a.', 'Phần I', 'PHẦN thứ hai', 'Chương II', 'CHƯƠNG IV.', 'PHỤ LỤC', 'Phụ lục II', 'PHỤ BIỂU số 2', '(Kèm theo Kế hoạch số 12/KH-UBND)',
  'Nơi nhận:', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An', '(Đã ký)', 'Số: 12/KH-UBND', 'Số:     /KH-UBND', 'Số 122-KH/TU',
  'V/v triển khai', 'KẾ HOẠCH', 'CHỈ THỊ', 'QUYẾT ĐỊNH:', 'CÔNG VĂN', 'ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc', 'Lai Châu, ngày 12 tháng 6 năm 2023', 'Hà Nội, ngày ..... tháng ..... năm 2024', 'Trên đây là Kế hoạch', 'Đơn vị chủ trì:',
  'Đơn vị phối hợp:', 'Thời gian thực hiện:', 'Cơ quan thực hiện:', 'Sở Nội vụ chủ trì, phối hợp với', 'UBND tỉnh Lai Châu', 'Các Sở: Nội vụ, Tư pháp'];

const DEADLINES = ['trước ngày 30/6/2025', 'trước ngày 31 tháng 12 năm 2024', 'chậm nhất ngày 15/01/2026', 'hoàn thành trước 1/1/2024', 'trong 31/2/2025',
  'trước ngày 0/13/2025', 'trước ngày 45/6/2025', 'Quý III', 'Quý IV năm 2023', 'quý 2/2024', 'Quý V', 'hằng năm', 'hàng năm', 'hàng tháng', 'hằng quý',
  'định kỳ 6 tháng', 'định kỳ hàng năm', 'trước ngày 20 hàng tháng', 'vào ngày 99 hằng tháng', 'trong năm 2024', 'năm 2023 và các năm tiếp theo',
  'giai đoạn 2021 - 2030', '6 tháng đầu năm', '6 tháng cuối năm 2025', 'tháng 13/2024', 'tháng 02 năm 2025', 'Thường xuyên', 'liên tục', 'hằng ngày',
  'Từ năm 2024', 'sau khi có ý kiến', 'theo tiến độ của Bộ', 'khi có yêu cầu', 'trong năm', 'Trong năm.', 'năm 0000', 'năm 9999', 'ngày 29/2/2023',
  'ngày 29 tháng 2 năm 2024', 'Quý I năm 2024, 6 tháng'];

const NUMBERS = ['1.234,5', '95%', '100 %', 'từ 80% trở lên', 'Trên 80%', 'tối thiểu 01 hạng', 'tăng 3 bậc', 'xếp thứ 5/10', 'đứng thứ 20', 'nhóm 20-24',
  'top 10', 'ít nhất 02 sáng kiến', 'không quá 5 ngày', '98% - 100%', '35-40%', '86,29 điểm', '0.86', '9,6419', '1.000.000', '02', '≥ 90%', '<= 3',
  'không thấp hơn 75%', 'dưới 5%', 'từ 50% số TTHC trở lên', '1.2.3.4.5.6', '999999999999999999999%', '1e309', '١٢٣', '１２３', '%', '-5%', '100,%'];

const ODD = ['\u0301', '\u0300\u0323', 'a\u0301', 'ho\u0061\u0300', 'thu\u0079\u0309', 'Uy\u0309 ban', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u00a0', '\u2028',
  '\u2029', '\u202e', '\u200f', '\u061c', '\u0085', '\u000b', '\f', '\r', '\r\n', '\n', '\n\n\n', '\t', '\t\t', '\u0000', '\u001b[0m', '\ud800', '\udc00',
  '\ud83d\ude00', '\u1680', '\u3000', '\u180e', '&amp;', '&amp;lt;', '&#7841;', '&#x110000;', '&#0;', '&#8203;', '&lt;p&gt;', '<p>', '</i>', '<br/>', '<<b>b>',
  '**', '*', '***a***', '__x__', '# ', '######', '|', '| a | b |', '|---|---|', '---', '¹ ', '[^1]:', 'İ', 'ß', 'ǅ', 'ﬁ', 'Ω', 'Å', '\u0130\u0307'];

/** A random one-code-unit string, lone surrogate halves included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Runs built to stress the regexes: long spaces, digits, dots, repeated markers and phrases. */
export const adversarialRun = fc
  .tuple(
    fc.constantFrom(' ', '\u000b', '\u1680', '1', '1.', '.', '1.1', ',', '9,', '%', '-', ' -', '*', '**', '*a', '&', '&#', '<p', '<', 'a)', 'I.', 'Số ', 'ngày ',
      'tháng ', 'năm ', 'Quý ', 'trong ', 'tối thiểu ', 'kế hoạch ', 'hàng ', 'x ', 'nhóm ', 'từ ', '/', 'KH-', 'UBND ', '1/', '12 ', 'A-', '\t', 'ỦY BAN ',
      'đạt ', ': ', '; ', '(', ')', 'a', 'Ab ', '>=', '≥>', '1%', '% ', 'điểm ', '- 1'),
    fc.integer({ min: 50, max: 4000 }),
    fc.constantFrom('', 'x', '%', '.', ' ', ';', '1'),
  )
  .map(([unit, n, tail]) => unit.repeat(Math.max(1, Math.floor(n / unit.length))) + tail);

/** One fragment of a line. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SAMPLE_LINES) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...SAMPLE_LINES), fc.nat(), fc.nat())
      .map(([l, a, b]) => l.slice(a % (l.length + 1), (a % (l.length + 1)) + 1 + (b % 80))),
  },
  { weight: 4, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 4, arbitrary: fc.constantFrom(...DEADLINES) },
  { weight: 4, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 100000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom(...SAMPLE_LINES).map((l) => l.normalize('NFD')) },
);

/** A line: fragments joined by spaces or glued, now and then with a marker in front. */
export const line: fc.Arbitrary<string> = fc
  .tuple(fc.option(fc.constantFrom(...MARKERS), { nil: undefined }), fc.array(fragment, { minLength: 0, maxLength: 5 }), fc.constantFrom(' ', '', '  ', '\t'))
  .map(([m, parts, sep]) => (m ? `${m} ` : '') + parts.join(sep));

/** A document's text: lines (or whole runs of a sample), blank lines, adversarial runs now and then. */
export const docText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 10, arbitrary: line },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: adversarialRun },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })).map(([a, n]) => SAMPLE_LINES.slice(a % SAMPLE_LINES.length, (a % SAMPLE_LINES.length) + n).join('\n')),
      },
    ),
    { maxLength: 40 },
  )
  .chain((ls) => fc.constantFrom('\n', '\r\n', '\n\n', '\f\n').map((nl) => ls.join(nl)));

/** Text for the readers alone: one task sentence or cell, anything goes. */
export const readerText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(fragment, { maxLength: 8 }).chain((p) => fc.constantFrom(' ', '', ', ', '; ').map((s) => p.join(s))) },
  { weight: 1, arbitrary: adversarialRun },
  { weight: 1, arbitrary: fc.tuple(fragment, adversarialRun, fragment).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

const pageArb = (mode: 'none' | 'pages') => (mode === 'none' ? fc.constant(null) : fc.integer({ min: 1, max: 6 }));

function paragraphArb(mode: 'none' | 'pages'): fc.Arbitrary<ParagraphBlock> {
  return fc
    .record({
      lines: fc.array(fc.tuple(line, pageArb(mode)), { minLength: 1, maxLength: 4 }),
      role: fc.constantFrom(undefined, undefined, undefined, 'body', 'footnote', 'page-header', 'page-footer') as fc.Arbitrary<ParagraphBlock['role']>,
      column: fc.constantFrom(undefined, undefined, 'left', 'right') as fc.Arbitrary<ParagraphBlock['column']>,
      bold: fc.boolean(),
      align: fc.constantFrom(undefined, 'left', 'center', 'right', 'justify') as fc.Arbitrary<Align | undefined>,
    })
    .map(({ lines, role, column, bold, align }) => ({
      kind: 'paragraph' as const,
      lines: lines.map(([text, page]) => ({ text, page })),
      page: lines[0]![1],
      ...(role ? { role } : {}),
      ...(column ? { column } : {}),
      ...(bold ? { bold } : {}),
      ...(align ? { align } : {}),
    }));
}

function tableArb(mode: 'none' | 'pages'): fc.Arbitrary<TableBlock> {
  const cell = fc.record({
    text: fc.oneof({ weight: 4, arbitrary: line }, { weight: 2, arbitrary: fc.constantFrom(...NUMBERS, ...DEADLINES, '', 'STT', 'Mục tiêu năm 2024', 'Năm 2023', 'Đơn vị chủ trì', 'Chỉ số') }, { weight: 1, arbitrary: fc.array(line, { maxLength: 3 }).map((l) => l.join('\n')) }),
    colSpan: fc.integer({ min: 1, max: 3 }),
    rowSpan: fc.integer({ min: 1, max: 3 }),
  });
  const row: fc.Arbitrary<RawRow> = fc.record({ cells: fc.array(cell, { minLength: 0, maxLength: 6 }), page: pageArb(mode), isHeader: fc.boolean() }).map((r) => ({
    cells: r.cells,
    page: r.page,
    ...(r.isHeader ? { isHeader: true } : {}),
  }));
  return fc.record({ rows: fc.array(row, { minLength: 0, maxLength: 8 }), bordered: fc.boolean(), continued: fc.boolean() }).map(({ rows, bordered, continued }) => ({
    kind: 'table' as const,
    rows,
    pages: [...new Set(rows.map((r) => r.page).filter((p): p is number => p !== null))],
    bordered,
    ...(continued ? { continuedFromPrevious: true } : {}),
  }));
}

/** Extracted blocks as any extractor might hand them on: pages throughout (PDF) or nowhere (DOCX). */
export const blocksArb: fc.Arbitrary<Block[]> = fc
  .constantFrom('none' as const, 'pages' as const)
  .chain((mode) => fc.array(fc.oneof({ weight: 5, arbitrary: paragraphArb(mode) as fc.Arbitrary<Block> }, { weight: 1, arbitrary: tableArb(mode) as fc.Arbitrary<Block> }), { maxLength: 30 }));

/** Wall time of one call, in ms, with its result. */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/** Per-call time bound (ms): generous for a loaded two-core machine, far below a hang. */
export const TIME_BOUND = Number(process.env.VNPLANS_PROP_MS ?? 2000);

/** Per-test timeout: long campaigns (`VNPLANS_PROP_RUNS`) run far beyond vitest's default. */
export const TEST_TIMEOUT = RUNS ? 3_600_000 : 60_000;
