// Paragraphs → blocks, as the docx extractor makes them: one block per line (line breaks split a
// paragraph), the list marker before the first line with text, bold/italic when every visible run
// has it, alignment from the paragraph.
import type { Align, ParagraphBlock } from '../../types.js';
import { lineBlocks, type RunText } from '../docx/body.js';
import type { Para } from './text.js';

// Left (0) is the default and every .doc paragraph states it, so it says nothing: like a docx
// paragraph without w:jc, it gets no alignment.
const JC: Record<number, Align> = { 1: 'center', 2: 'right', 3: 'justify', 4: 'justify', 5: 'justify' };

/**
 * The one place a line's text is made from its runs. Runs keep their font so that text in legacy
 * 8-bit Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times") can be converted here, run by run.
 */
export function lineText(runs: RunText[]): string {
  return runs.map((r) => r.text).join('');
}

export function paragraphBlocks(p: Para, marker: string | null, role?: ParagraphBlock['role']): ParagraphBlock[] {
  return lineBlocks(p.lines, marker, p.props.jc !== undefined ? JC[p.props.jc] : undefined, role, lineText);
}
