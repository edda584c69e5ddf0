// The OLE compound file around a .doc, read with word-extractor's container reader. Its
// allocation-chain and directory walks trust the file (a chain that loops back, a directory entry
// shared by two parents, a sector past the end of a truncated file), so those two classes are
// replaced by guarded subclasses: every walk visits an item once and stays inside the file.
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import DirectoryTree from 'word-extractor/lib/ole-directory-tree.js';
import OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';
import Storage from 'word-extractor/lib/ole-storage.js';
import { DocError } from './errors.js';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const corrupt = (why: string) => new DocError('doc/corrupt', `damaged or truncated OLE file: ${why}`);

class GuardedTable extends AllocationTable {
  /** Sector ids at or past this do not exist in the file (or in the mini stream). */
  limit = Infinity;

  override getSecIdChain(start: number): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    // -1 free, -2 end of chain; anything else negative is not a data sector either.
    for (let id = start; id >= 0; id = this._table[id] ?? -2) {
      if (id >= this.limit || id >= this._table.length) throw corrupt(`sector ${id} lies past the end of the file`);
      if (seen.has(id)) throw corrupt('a sector chain loops back on itself');
      seen.add(id);
      out.push(id);
    }
    return out;
  }
}

class GuardedTree extends DirectoryTree {
  private readonly placed = new Set<number>();

  override _getChildIds(entry: DirectoryTree['_entries'][number]): number[] {
    // The children of a storage are a red-black tree; a well-formed one reaches each entry once.
    const out: number[] = [];
    const stack = entry.storageDirId >= 0 ? [entry.storageDirId] : [];
    while (stack.length) {
      const id = stack.pop()!;
      const child = this._entries[id];
      if (!child || this.placed.has(id)) throw corrupt('the directory tree is malformed');
      this.placed.add(id);
      out.push(id);
      if (child.left >= 0) stack.push(child.left);
      if (child.right >= 0) stack.push(child.right);
    }
    return out;
  }
}

class GuardedDoc extends OleCompoundDoc {
  constructor(
    reader: BufferReader,
    private readonly sectors: number,
  ) {
    super(reader);
  }

  override _readSAT(): Promise<void> {
    const msat = this._MSAT;
    for (let i = 0; i < msat.length; i++) {
      const id = msat[i];
      if (id === undefined || id < 0 || id >= this.sectors) throw corrupt('the sector allocation table is incomplete');
    }
    const sat = new GuardedTable(this);
    sat.limit = this.sectors;
    this._SAT = sat;
    return sat.load(msat);
  }

  override _readSSAT(): Promise<void> {
    const ids = (this._SAT as GuardedTable).getSecIdChain(this._header.SSATSecId);
    if (ids.length !== this._header.SSATSize) throw corrupt('the short sector table does not match its size');
    const ssat = new GuardedTable(this);
    this._SSAT = ssat;
    return ssat.load(ids);
  }

  override async _readDirectoryTree(): Promise<void> {
    const sat = this._SAT as GuardedTable;
    const tree = new GuardedTree(this);
    this._directoryTree = tree;
    await tree.load(sat.getSecIdChain(this._header.dirSecId));
    const root = tree.root;
    if (!root) throw corrupt('no root directory entry');
    (this as unknown as { _rootStorage: Storage })._rootStorage = new Storage(this, root);
    (this as unknown as { _shortStreamSecIds: number[] })._shortStreamSecIds = sat.getSecIdChain(root.secId);
    (this._SSAT as GuardedTable).limit = Math.ceil(Math.max(0, root.size) / this._header.shortSecSize);
  }

  entry(name: string) {
    return (this._directoryTree as GuardedTree).root?.streams?.[name];
  }
}

export interface OleFile {
  /** Whether the root storage has a stream of this name. */
  has(name: string): boolean;
  /** A stream's bytes, or null when there is no such stream. */
  stream(name: string): Promise<Buffer | null>;
}

/** Open an OLE compound file; throws DocError('doc/corrupt') when its container is damaged. */
export async function openOle(bytes: Uint8Array): Promise<OleFile> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) throw new DocError('doc/corrupt', 'empty file (0 bytes)');
  if (!SIGNATURE.every((v, i) => i >= buf.length || buf[i] === v)) throw new DocError('doc/not-word', 'not an OLE compound file');
  if (buf.length < 1024) throw corrupt(`${buf.length} bytes, shorter than a header and one sector`);
  const shift = buf.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) throw corrupt(`sector size 2^${shift}`);
  if (buf.readUInt16LE(32) !== 6) throw corrupt('short sector size is not 64 bytes');
  const secSize = 1 << shift;
  // Sectors that start inside the file: a truncated file loses the ones past its end.
  const sectors = Math.max(0, Math.ceil((buf.length - secSize) / secSize));
  const satSectors = buf.readInt32LE(44);
  const msatSectors = buf.readInt32LE(72);
  const ssatSectors = buf.readInt32LE(64);
  for (const [n, what] of [[satSectors, 'allocation table'], [msatSectors, 'master allocation table'], [ssatSectors, 'short allocation table']] as const)
    if (n < 0 || n > sectors) throw corrupt(`the ${what} claims ${n} sectors of ${sectors}`);
  if (satSectors > 109 + msatSectors * (secSize / 4 - 1)) throw corrupt('the master allocation table is too short');

  const doc = new GuardedDoc(new BufferReader(buf), sectors);
  try {
    await doc.read();
  } catch (e) {
    throw e instanceof DocError ? e : corrupt((e as Error).message);
  }
  return {
    has: (name) => doc.entry(name) !== undefined,
    async stream(name) {
      const entry = doc.entry(name);
      if (!entry) return null;
      if (entry.size < 0 || entry.size > buf.length) throw corrupt(`stream ${name} claims ${entry.size} bytes`);
      const chunks: Buffer[] = [];
      try {
        for await (const c of doc.stream(name)) chunks.push(c as Buffer);
      } catch (e) {
        throw e instanceof DocError ? e : corrupt(`stream ${name}: ${(e as Error).message}`);
      }
      const out = Buffer.concat(chunks);
      if (out.length !== entry.size) throw corrupt(`stream ${name} is cut short (${out.length} of ${entry.size} bytes)`);
      return out;
    },
  };
}
