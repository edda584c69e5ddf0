// The one error the docx extractor throws: callers tell a bad file from a refused one by its code.

export type DocxErrorCode = 'docx/corrupt' | 'docx/too-large' | 'docx/zip-bomb' | 'docx/too-many-entries' | 'docx/doctype';

export class DocxError extends Error {
  readonly code: DocxErrorCode;

  constructor(code: DocxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocxError';
    this.code = code;
  }
}
