// The .docx zip: parts read by name, with the uncompressed size checked before anything is inflated.
import JSZip from 'jszip';

export class DocxError extends Error {
  constructor(
    readonly code: 'docx/corrupt' | 'docx/too-large',
    message: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}

export interface DocxZip {
  zip: JSZip;
  has(name: string): boolean;
  text(name: string): Promise<string | null>;
  names(): string[];
}

interface SizedEntry {
  _data?: { uncompressedSize?: number };
}

export async function openDocx(bytes: Uint8Array, maxUncompressedBytes: number): Promise<DocxZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw new DocxError('docx/corrupt', `not a readable zip: ${(e as Error).message}`);
  }
  if (!zip.file('word/document.xml')) throw new DocxError('docx/corrupt', 'zip has no word/document.xml');
  // The central directory states each part's size: a zip bomb is refused before inflation.
  let total = 0;
  zip.forEach((_, f) => {
    total += (f as unknown as SizedEntry)._data?.uncompressedSize ?? 0;
  });
  if (total > maxUncompressedBytes) throw new DocxError('docx/too-large', `parts inflate to ${total} bytes (limit ${maxUncompressedBytes})`);
  return {
    zip,
    has: (name) => !!zip.file(name),
    text: async (name) => (zip.file(name) ? zip.file(name)!.async('string') : null),
    names: () => Object.keys(zip.files),
  };
}
