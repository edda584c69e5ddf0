// The hOCR reader (src/extract/ocr/hocr.ts) on a page in the form Tesseract 5 writes it. The real
// engine's hOCR is read in tests/ocr.test.ts (a recognised sample page through the pool).
import { describe, expect, it } from 'vitest';
import { parseHocr } from '../src/extract/ocr/hocr.js';

const PAGE = `<div class='ocr_page' id='page_1' title='image "/input"; bbox 0 0 2480 3508; ppageno 0; scan_res 300 300'>
 <div class='ocr_carea' id='block_1_1' title="bbox 250 198 2240 460">
  <p class='ocr_par' id='par_1_1' lang='vie' title="bbox 250 198 2240 330">
   <span class='ocr_line' id='line_1_1' title="bbox 250 198 1030 246; baseline 0.002 -11; x_size 48; x_descenders 11; x_ascenders 12">
    <span class='ocrx_word' id='word_1_1' title='bbox 250 200 380 246; x_wconf 96'>ỦY</span>
    <span class='ocrx_word' id='word_1_2' title='bbox 400 200 560 235; x_wconf 93'>BAN</span>
   </span>
   <span class='ocr_caption' id='line_1_2' title="bbox 250 280 900 330; baseline 0 -9; x_size 44; x_descenders 9; x_ascenders 11">
    <span class='ocrx_word' id='word_1_3' title='bbox 250 280 420 330; x_wconf 71'><strong>Q&amp;A</strong></span>
    <span class='ocrx_word' id='word_1_4' title='bbox 440 280 600 330; x_wconf 88'>&lt;số&gt;&#39;1&#x27;</span>
   </span>
  </p>
  <p class='ocr_par' id='par_1_2' lang='vie' title="bbox 250 400 700 460">
   <span class='ocr_line' id='line_1_3' title="bbox 250 400 700 460; baseline -0.01 -12; x_size 50; x_descenders 12; x_ascenders 13">
    <span class='ocrx_word' id='word_1_5' title='bbox 250 400 700 460; x_wconf 90'>Lai Châu</span>
   </span>
  </p>
 </div>
</div>`;

describe('hOCR reader', () => {
  it('reads blocks, paragraphs, lines and words with boxes, baselines, row heights and confidences', () => {
    const page = parseHocr(PAGE);
    expect(page.blocks).toHaveLength(1);
    const [p1, p2] = page.blocks[0]!.paragraphs;
    expect(p1!.lines.map((l) => l.text)).toEqual(['ỦY BAN', "Q&A <số>'1'"]);
    expect(p2!.lines[0]!.text).toBe('Lai Châu');
    const first = p1!.lines[0]!;
    expect(first.box).toEqual({ x0: 250, y0: 198, x1: 1030, y1: 246 });
    // y = 0.002·(x − 250) − 11 from the box's bottom-left corner (246).
    expect(first.baseline.x0).toBe(250);
    expect(first.baseline.y0).toBe(235);
    expect(first.baseline.y1).toBeCloseTo(235 + 0.002 * 780, 6);
    expect(first.rowHeight).toBe(48);
    expect(first.words[1]).toEqual({ text: 'BAN', conf: 93, box: { x0: 400, y0: 200, x1: 560, y1: 235 } });
    expect(first.conf).toBe(94.5);
    expect(p2!.lines[0]!.baseline.y1).toBeCloseTo(448 - 0.01 * 450, 6);
    expect(page.conf).toBeCloseTo((96 + 93 + 71 + 88 + 90) / 5, 6);
    expect(page.text).toBe("ỦY BAN\nQ&A <số>'1'\n\nLai Châu\n");
  });

  it('gives an empty page for an empty or foreign string', () => {
    expect(parseHocr('')).toEqual({ blocks: [], conf: 0, text: '' });
    expect(parseHocr('<html><body>no hOCR here</body></html>').blocks).toEqual([]);
  });
});
