// Typed data passed between stages. Data flows one way:
// bytes → ExtractedDocument (pages: text + positions) → NormalizedText → DocStructure → entities → document JSON.

/** Input formats told apart by their bytes (src/detect/sniff.ts). */
export type InputFormat = 'pdf' | 'docx' | 'doc' | 'image' | 'text' | 'unknown';

/** A rectangle in PDF points, origin top-left of the page (y grows downwards). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A message from any stage, in the spirit of vfile messages: it carries where it happened. */
export interface Message {
  severity: 'error' | 'warning' | 'info';
  /** Stable machine code, e.g. "pdf/no-text-layer", "structure/no-doc-type". */
  code: string;
  message: string;
  /** Which stage raised it (extract/pdf, normalize, structure…). */
  source: string;
  page?: number | null;
  /** Offsets into the normalised text, when the stage had them. */
  start?: number;
  end?: number;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A word recognised by OCR: its text, the engine's confidence (0–100) and its box on the page. */
export interface OcrWord {
  text: string;
  conf: number;
  box: Box;
  /** The text before post-OCR correction, when correction changed it. */
  original?: string;
  /** Set when the word's confidence is low and correction could not vouch for it. */
  doubtful?: boolean;
}

/** One visual line of source text, as the extractor saw it. */
export interface SourceLine {
  text: string;
  page: number | null;
  box?: Box;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** OCR'd lines: the words the text was built from, with confidences and boxes. */
  words?: OcrWord[];
}

/** A paragraph: one or more source lines that belong together. */
export interface ParagraphBlock {
  kind: 'paragraph';
  lines: SourceLine[];
  /** Page of the first line. */
  page: number | null;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** Set for paragraphs that came from one column of a two-column layout region (header, signature zone). */
  column?: 'left' | 'right';
  /** Where the text came from besides the body: running header/footer, footnote, document header part. */
  role?: 'body' | 'footnote' | 'page-header' | 'page-footer';
}

export interface RawCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface RawRow {
  cells: RawCell[];
  page: number | null;
  /** The extractor knows the row is a table header (docx w:tblHeader, a repeated header). */
  isHeader?: boolean;
}

/** A table as extracted: rows of cells with their spans; header detection happens later. */
export interface TableBlock {
  kind: 'table';
  rows: RawRow[];
  pages: number[];
  /** Ruled (a data table) or borderless (a layout table: header block, signature block). */
  bordered: boolean;
  /** Page-continued tables are joined by the entities/tables stage, which needs to know the original breaks. */
  continuedFromPrevious?: boolean;
}

export type Block = ParagraphBlock | TableBlock;

/** What an extractor hands on: pages turned into ordered blocks, with positions where the format has them. */
export interface ExtractedDocument {
  format: InputFormat;
  /** Number of pages where the format has pages (PDF, TIFF); null for DOCX/text. */
  pages: number | null;
  blocks: Block[];
  /** Properties stored beside the body (docx core.xml, PDF info dictionary). */
  properties: Record<string, string>;
  ocr: boolean;
  messages: Message[];
}

/** A line of the normalised text: a paragraph, or one row of a table. */
export interface NormLine {
  /** Offsets into NormalizedText.text, end exclusive. */
  start: number;
  end: number;
  text: string;
  page: number | null;
  kind: 'paragraph' | 'table-row';
  /** Index into NormalizedText.tables for table rows. */
  table?: number;
  row?: number;
  bold?: boolean;
  align?: Align;
  column?: 'left' | 'right';
  role?: ParagraphBlock['role'];
  /** The printed form before tone-mark/artefact normalisation, when it differs. */
  printed?: string;
}

export interface NormCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  start: number;
  end: number;
}

export interface NormTable {
  rows: { cells: NormCell[]; page: number | null; isHeader?: boolean; line: number }[];
  pages: number[];
  bordered: boolean;
  continuedFromPrevious?: boolean;
}

/** The normalised text every later offset points into, and the map back to pages. */
export interface NormalizedText {
  text: string;
  lines: NormLine[];
  tables: NormTable[];
  /** Sorted by offset: the page that starts at each offset. */
  pageStarts: { offset: number; page: number }[];
  messages: Message[];
}

export type DocType =
  | 'KE_HOACH'
  | 'CHI_THI'
  | 'QUYET_DINH'
  | 'CONG_VAN'
  | 'BAO_CAO'
  | 'THONG_BAO'
  | 'NGHI_QUYET'
  | 'OTHER';

export interface Signer {
  name: string | null;
  position: string | null;
  authority: string | null;
}

export interface DocMeta {
  docType: DocType;
  /** The printed type name ("KẾ HOẠCH"), for OTHER and for display. */
  docTypeLabel: string | null;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  /** The issuing body's printed lines (parent body first). */
  issuerLines: string[];
  place: string | null;
  issuedDate: string | null;
  title: string | null;
  signer: Signer | null;
  recipients: string[];
}

export type MarkerKind =
  | 'part'
  | 'chapter'
  | 'article'
  | 'roman'
  | 'arabic'
  | 'decimal2'
  | 'decimal3'
  | 'letter'
  | 'dash'
  | 'plus'
  | 'bullet'
  | 'none';

/** A node of the section tree. Every paragraph of the body is one node; tables hang where they sit. */
export interface SectionNode {
  id: string;
  kind: MarkerKind;
  /** The marker as printed ("II.", "1.2.", "a)", "-"), null for unmarked paragraphs. */
  marker: string | null;
  /** Text without the marker. */
  text: string;
  /** True when the node reads as a heading (a title over what follows) rather than running text. */
  heading: boolean;
  start: number;
  end: number;
  page: number | null;
  line: number;
  table?: number;
  children: SectionNode[];
}

export interface Appendix {
  label: string;
  title: string | null;
  reference: string | null;
  start: number;
  end: number;
  nodes: SectionNode[];
}

export type Region =
  | 'header'
  | 'title'
  | 'preamble'
  | 'body'
  | 'closing'
  | 'recipients'
  | 'signature'
  | 'appendix';

export interface DocStructure {
  meta: DocMeta;
  /** Top-level nodes of the body (the part between the title/preamble and the closing). */
  sections: SectionNode[];
  /** Preamble paragraphs (after the title, before the first section). */
  preamble: SectionNode[];
  appendices: Appendix[];
  /** For each line of the normalised text, the region it belongs to. */
  regions: Region[];
  messages: Message[];
}
