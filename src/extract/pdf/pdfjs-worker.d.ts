// pdfjs-dist ships no types for its worker bundle; it is only loaded, never called directly.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
