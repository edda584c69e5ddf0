// mammoth's document element tree (paragraphs, runs, tables with merged cells, notes), read through
// the extractor's own zip so that size limits hold and the main part can carry anchors.
import mammoth from 'mammoth';
import type { DocxZip } from './zip.js';

/** The parts of mammoth's document elements this extractor reads. */
export interface MElement {
  type: string;
  children?: MElement[];
  /** text */
  value?: string;
  /** paragraph / run */
  styleId?: string | null;
  styleName?: string | null;
  /** paragraph */
  alignment?: string | null;
  numbering?: { isOrdered: boolean; level: string | number } | null;
  /** run */
  isBold?: boolean;
  isItalic?: boolean;
  verticalAlignment?: string;
  /** The run's font (w:rFonts ascii), kept for legacy-encoding (TCVN3/VNI) conversion per run. */
  font?: string | null;
  /** tableRow / tableCell */
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
  /** break: line | page | column */
  breakType?: string;
  /** noteReference */
  noteType?: string;
  noteId?: string;
  /** bookmarkStart */
  name?: string;
  /** checkbox */
  checked?: boolean;
}

export interface MNote {
  noteType: string;
  noteId: string;
  body: MElement[];
}

export interface MDocument extends MElement {
  notes?: { _notes?: Record<string, MNote> };
}

/** mammoth's zip interface (lib/unzip.js accepts { file } with exists/read). */
function mammothFile(zip: DocxZip, overrides: Map<string, string>) {
  return {
    exists: (name: string) => overrides.has(name) || zip.has(name),
    read: async (name: string, encoding?: string): Promise<string | Uint8Array> => {
      const override = overrides.get(name);
      if (override !== undefined && encoding && /^utf-?8$/i.test(encoding)) return override;
      // XML goes through zip.text, which refuses DTDs before mammoth's parser can expand them.
      if (override === undefined && encoding && /^utf-?8$/i.test(encoding)) {
        const text = zip.text(name);
        if (text === null) throw new Error(`the package has no part ${name}`);
        return text;
      }
      const data = override !== undefined ? new TextEncoder().encode(override) : zip.read(name);
      if (!data) throw new Error(`the package has no part ${name}`);
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(data);
      return data;
    },
  };
}

/**
 * Read the document tree. The tree comes out of mammoth's transformDocument hook; the HTML
 * conversion after it is given an empty document, and images are never read.
 */
export async function readTree(zip: DocxZip, overrides: Map<string, string>): Promise<{ doc: MDocument; warnings: string[] }> {
  let captured: MDocument | null = null;
  const options = {
    transformDocument: (d: MDocument) => {
      captured = d;
      return { ...d, children: [] };
    },
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    externalFileAccess: false,
  };
  const input = { file: mammothFile(zip, overrides) } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, options);
  if (!captured) throw new Error('mammoth returned no document');
  return { doc: captured, warnings: result.messages.map((m) => m.message) };
}
