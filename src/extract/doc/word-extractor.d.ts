// word-extractor ships no types. Declared here: the parts the .doc extractor uses — the OLE
// compound-file reader and the piece table of WordOleExtractor — not its text API, which turns
// the cell and row marks into tabs and so loses the tables.
declare module 'word-extractor/lib/buffer-reader.js' {
  class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
    read(buffer: Buffer, offset: number, length: number, position: number): Promise<Buffer>;
  }
  export = BufferReader;
}

declare module 'word-extractor/lib/ole-allocation-table.js' {
  class AllocationTable {
    constructor(doc: unknown);
    _table: number[];
    load(secIds: number[]): Promise<void>;
    getSecIdChain(startSecId: number): number[];
  }
  export = AllocationTable;
}

declare module 'word-extractor/lib/ole-directory-tree.js' {
  interface DirectoryEntry {
    name: string;
    type: number;
    left: number;
    right: number;
    storageDirId: number;
    secId: number;
    size: number;
    storages?: Record<string, DirectoryEntry>;
    streams?: Record<string, DirectoryEntry>;
  }
  class DirectoryTree {
    constructor(doc: unknown);
    _entries: DirectoryEntry[];
    root: DirectoryEntry | undefined;
    load(secIds: number[]): Promise<void>;
    _buildHierarchy(entry: DirectoryEntry): void;
    _getChildIds(entry: DirectoryEntry): number[];
  }
  export = DirectoryTree;
}

declare module 'word-extractor/lib/ole-compound-doc.js' {
  import type { Readable } from 'node:stream';
  class OleCompoundDoc {
    constructor(reader: { read(buffer: Buffer, offset: number, length: number, position: number): Promise<Buffer> });
    _header: { secSize: number; shortSecSize: number; SATSize: number; dirSecId: number; shortStreamMax: number; SSATSecId: number; SSATSize: number; MSATSecId: number; MSATSize: number };
    _MSAT: number[];
    _SAT: unknown;
    _SSAT: unknown;
    _directoryTree: unknown;
    _readSAT(): Promise<void>;
    _readSSAT(): Promise<void>;
    _readDirectoryTree(): Promise<void>;
    read(): Promise<OleCompoundDoc>;
    stream(name: string): Readable;
  }
  export = OleCompoundDoc;
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  interface Piece {
    startCp: number;
    endCp: number;
    startFilePos: number;
    endFilePos: number;
    /** Bytes per character: 1 for compressed (cp1252) pieces, 2 for UTF-16. */
    bpc: 1 | 2;
    size: number;
    length: number;
    text: string;
  }
  class WordOleExtractor {
    _pieces: Piece[];
    /** Reads the piece table (the Clx in the table stream) into _pieces, in CP order. */
    writePieces(wordDocument: Buffer, table: Buffer): void;
  }
  export = WordOleExtractor;
}

declare module 'word-extractor/lib/ole-storage.js' {
  class Storage {
    constructor(doc: unknown, entry: unknown);
  }
  export = Storage;
}
