// A PDF file from its object bodies (numbered from 1, the catalog first): header, objects, cross-
// reference table and trailer. For the fixture scripts and the tests that build small PDFs by hand.

export interface PdfWriterOptions {
  /** Extra trailer entries, e.g. "/Encrypt 9 0 R". */
  trailerExtra?: string;
  /** The binary comment line after the header that marks the file as binary to transfer tools. */
  binaryComment?: boolean;
}

export function writePdf(objects: readonly string[], options: PdfWriterOptions = {}): Uint8Array {
  let out = options.binaryComment ? '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n' : '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailerExtra ?? ''}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
