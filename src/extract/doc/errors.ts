// The one error the .doc extractor throws: callers tell a bad file from a refused one by its code.

export type DocErrorCode = 'doc/corrupt' | 'doc/encrypted' | 'doc/not-word' | 'doc/too-large';

export class DocError extends Error {
  readonly code: DocErrorCode;

  constructor(code: DocErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocError';
    this.code = code;
  }
}

/** Anything but a DocError out of reading the file means the file is broken. */
export function asCorrupt(e: unknown, what: string): DocError {
  return e instanceof DocError ? e : new DocError('doc/corrupt', `${what}: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}
