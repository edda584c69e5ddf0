// Failures that make a PDF unreadable as a whole; page-level problems become messages instead.

export type PdfErrorCode = 'pdf/encrypted' | 'pdf/corrupt' | 'pdf/too-many-pages' | 'pdf/page-too-large' | 'pdf/stream-too-large';

export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfError';
  }
}
