// pdfjs-dist, loaded without slowing down the rest of the process.
//
// The legacy build (the one for Node) carries core-js polyfills, and on Node 20's V8 some of them
// *replace* built-ins that already work: Array.prototype.push (a JS loop, for an edge case of
// non-writable lengths), JSON.stringify and JSON.parse (for the raw-JSON proposal). Measured on
// Node 20: push twice as slow, JSON.stringify ten times, in every module of the process, not just
// in pdfjs. The main bundle and its worker are loaded here, once, and every built-in they replaced
// is put back; what they *added* (Promise.withResolvers, Set methods…, which pdfjs needs) stays.
import zlib from 'node:zlib';
import { DEFAULT_LIMITS } from '../../limits.js';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type Owner = Record<PropertyKey, unknown>;

/** Built-ins whose own properties core-js may overwrite. */
const OWNERS: Owner[] = [
  Array,
  Array.prototype,
  Object,
  Object.prototype,
  Function.prototype,
  String,
  String.prototype,
  Number,
  Number.prototype,
  RegExp.prototype,
  Promise,
  Promise.prototype,
  Map,
  Map.prototype,
  Set,
  Set.prototype,
  WeakMap.prototype,
  Math,
  JSON,
  Reflect,
  Symbol,
  ArrayBuffer,
  ArrayBuffer.prototype,
  DataView.prototype,
  Uint8Array,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  Object.getPrototypeOf(Uint8Array) as object,
] as unknown as Owner[];

function snapshot(): Map<Owner, Map<PropertyKey, PropertyDescriptor>> {
  const out = new Map<Owner, Map<PropertyKey, PropertyDescriptor>>();
  for (const owner of OWNERS) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(owner)) props.set(key, Object.getOwnPropertyDescriptor(owner, key)!);
    out.set(owner, props);
  }
  return out;
}

/** Put back every built-in that existed before and was replaced since; returns their names. */
function restore(before: Map<Owner, Map<PropertyKey, PropertyDescriptor>>): number {
  let restored = 0;
  for (const [owner, props] of before) {
    for (const [key, original] of props) {
      const now = Object.getOwnPropertyDescriptor(owner, key);
      if (!now || (now.value === original.value && now.get === original.get && now.set === original.set)) continue;
      if (!now.configurable) continue;
      Object.defineProperty(owner, key, original);
      restored++;
    }
  }
  return restored;
}

/**
 * pdfjs inflates every Flate stream (each page's content, once for its text and again for its
 * operator list) through the web DecompressionStream: in Node that is zlib on the thread pool
 * behind two layers of web streams, costlier than the inflating itself for the few kilobytes of a
 * content stream. This one inflates in one synchronous call when the input is complete, with the
 * output bounded (a Flate bomb errors, and pdfjs then falls back to its own decoder as it does for
 * any stream zlib refuses).
 */
class OneShotDecompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor(format: string) {
    const inflate =
      format === 'deflate' ? zlib.inflateSync : format === 'deflate-raw' ? zlib.inflateRawSync : format === 'gzip' ? zlib.gunzipSync : null;
    if (!inflate) throw new TypeError(`unsupported compression format: ${format}`);
    const chunks: Uint8Array[] = [];
    let output!: ReadableStreamDefaultController<Uint8Array>;
    this.readable = new ReadableStream<Uint8Array>({ start: (c) => void (output = c) });
    this.writable = new WritableStream<Uint8Array>({
      write: (chunk) => void chunks.push(chunk),
      close: () => {
        try {
          const inflated = inflate(Buffer.concat(chunks), { maxOutputLength: MAX_INFLATED_BYTES });
          output.enqueue(new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength));
          output.close();
        } catch (e) {
          output.error(e);
        }
      },
      abort: (reason) => output.error(reason),
    });
  }
}
/** The most one Flate stream may inflate to here: the default stream limit (streams.ts checks the configured one first). */
const MAX_INFLATED_BYTES = DEFAULT_LIMITS.streamBytes;

const before = snapshot();
const pdfjs: typeof PdfjsModule = await import('pdfjs-dist/legacy/build/pdf.mjs');
// The worker runs in this thread ("fake worker"); loading it now, rather than at the first
// document, lets its polyfills be undone here too. pdfjs looks for it on globalThis.pdfjsWorker.
const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
/** How many built-ins pdfjs's polyfills had replaced (put back); for tests. */
export const RESTORED_BUILTINS = restore(before);
// Set after loading: the bundles must not see it as a built-in of their own to polyfill.
(globalThis as { DecompressionStream?: unknown }).DecompressionStream = OneShotDecompressionStream;

export const { getDocument, OPS, normalizeUnicode, AnnotationMode } = pdfjs;

type Listener = (event: { data: unknown }) => void;
type StructuredCloneOptionsOf = NonNullable<Parameters<typeof structuredClone>[1]>;

/**
 * The port between pdfjs's API and its worker when both run in this thread, as pdfjs's own
 * LoopbackPort but for one kind of message. LoopbackPort structured-clones every message to mimic
 * a thread boundary; for operator lists that means copying every glyph object of every page, a
 * tenth of a text page's time. Chunks of an operator list are handed over as fresh arrays (the
 * worker empties its own after sending) holding the same argument objects: pdfjs's worker never
 * changes them after sending (glyphs are its font's cached, read-only objects), and nothing here
 * writes to them. Documents opened for rendering keep pdfjs's own port (the canvas rewrites path
 * arguments in place).
 */
export class OperatorSharingPort {
  private readonly listeners = new Set<Listener>();
  private deferred = Promise.resolve();
  /** Operator-list chunks handed over without a copy; for tests. */
  sharedChunks = 0;

  postMessage(message: unknown, transfer?: unknown[]): void {
    const chunk = (message as { chunk?: { fnArray?: unknown; argsArray?: unknown } } | null)?.chunk;
    let data: unknown;
    if (chunk && Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
      data = { ...(message as object), chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
      this.sharedChunks++;
    } else {
      data = structuredClone(message, transfer ? ({ transfer } as StructuredCloneOptionsOf) : undefined);
    }
    const event = { data };
    void this.deferred.then(() => {
      for (const listener of this.listeners) listener.call(this, event);
    });
  }

  /** pdfjs's message handlers detach by aborting the signal they attached with. */
  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.listeners.add(listener);
    signal?.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.delete(listener);
  }

  /** Listeners attached now (each open document adds two and takes them away on destroy); for tests. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  terminate(): void {
    this.listeners.clear();
  }
}

interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}

type TextWorker = { worker: InstanceType<typeof pdfjs.PDFWorker>; port: OperatorSharingPort };
let textWorker: TextWorker | null = null;

/** The one in-thread pdfjs worker for text extraction, on an OperatorSharingPort (made on first use). */
export function textExtractionWorker(): TextWorker {
  if (!textWorker) {
    const port = new OperatorSharingPort();
    (worker as WorkerModule).WorkerMessageHandler.initializeFromPort(port);
    textWorker = { worker: new pdfjs.PDFWorker({ port: port as never, verbosity: 0 }), port };
  }
  return textWorker;
}
