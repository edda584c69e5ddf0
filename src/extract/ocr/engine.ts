// The OCR engine: a pool of tesseract.js workers (one page at a time each) with the Vietnamese
// LSTM model from node_modules. Workers are created on first use, reused across documents, and
// replaced after a number of pages so that the wasm heap cannot grow without bound.
import { availableParallelism } from 'node:os';
import type Tesseract from 'tesseract.js';
import { toPgm, type Raster } from './raster.js';
import { vieLangPath } from './tessdata.js';
import { parseHocr } from './hocr.js';

/** A rectangle in image pixels, origin top-left. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RecognisedWord {
  text: string;
  /** 0–100. */
  conf: number;
  box: PixelBox;
}

export interface RecognisedLine {
  text: string;
  conf: number;
  box: PixelBox;
  /** The baseline as a segment from its left to its right end. */
  baseline: { x0: number; y0: number; x1: number; y1: number };
  /** Tesseract's row height (ascender to descender, in pixels): close to the font size. */
  rowHeight: number;
  words: RecognisedWord[];
}

export interface RecognisedParagraph {
  box: PixelBox;
  lines: RecognisedLine[];
}

export interface RecognisedBlock {
  box: PixelBox;
  paragraphs: RecognisedParagraph[];
}

/** What the engine read on one page image, in that image's pixels. */
export interface RecognisedPage {
  width: number;
  height: number;
  /** Mean word confidence, 0–100. */
  conf: number;
  text: string;
  blocks: RecognisedBlock[];
}

/**
 * Tesseract's page segmentation mode for every page: 6, one uniform block of text. It is the
 * default of Tesseract's API (so of tesseract.js), which the OCR stage was built and measured on:
 * the layout (columns, header block, tables) is found afterwards from the words' boxes, not from
 * Tesseract's blocks. Named here so that the benchmark hands the native CLI the same mode (the
 * CLI's own default is 3, automatic layout analysis).
 */
export const PAGE_SEGMENTATION_MODE = 6;

export interface OcrPoolOptions {
  /** Number of workers (pages recognised at once); default: the number of cores, or VNPLANS_OCR_WORKERS. */
  size?: number;
  /** Pages a worker recognises before it is replaced; default 40. */
  recycleAfter?: number;
  /** Folder of vie.traineddata(.gz); default: @tesseract.js-data/vie's best_int model. */
  langPath?: string;
}

interface Slot {
  worker: Tesseract.Worker;
  pages: number;
}

interface Waiter {
  resolve: (s: Slot) => void;
  reject: (e: unknown) => void;
}

const envSize = () => {
  const n = Number(process.env.VNPLANS_OCR_WORKERS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export class OcrPool {
  readonly size: number;
  readonly recycleAfter: number;
  private readonly langPath: string;
  private idle: Slot[] = [];
  private readonly live = new Set<Slot>();
  private spawning = 0;
  private waiting: Waiter[] = [];
  private closed = false;
  /** Workers started over the pool's life (recycling included): for tests and diagnostics. */
  spawned = 0;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? envSize() ?? availableParallelism());
    this.recycleAfter = Math.max(1, options.recycleAfter ?? 40);
    this.langPath = options.langPath ?? vieLangPath();
  }

  /** Workers alive now. */
  get workers(): number {
    return this.live.size;
  }

  private async spawn(): Promise<Slot> {
    this.spawning++;
    try {
      // tesseract.js is loaded with the first worker: a run without scans never loads it.
      const { default: tesseract } = await import('tesseract.js');
      const worker = await tesseract.createWorker('vie', tesseract.OEM.LSTM_ONLY, {
        langPath: this.langPath,
        gzip: true,
        // Read the model from langPath each time; never write a cache file or look one up.
        cacheMethod: 'none',
      });
      this.spawned++;
      const slot: Slot = { worker, pages: 0 };
      if (this.closed) {
        await worker.terminate().catch(() => undefined);
        throw new Error('OCR pool terminated');
      }
      this.live.add(slot);
      return slot;
    } finally {
      this.spawning--;
    }
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('OCR pool terminated'));
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.live.size + this.spawning < this.size) return this.spawn();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot, broken: boolean): void {
    if (broken || slot.pages >= this.recycleAfter || this.closed) {
      this.live.delete(slot);
      void slot.worker.terminate().catch(() => undefined);
      const w = this.waiting.shift();
      if (w && !this.closed) this.spawn().then(w.resolve, w.reject);
      return;
    }
    const w = this.waiting.shift();
    if (w) w.resolve(slot);
    else this.idle.push(slot);
  }

  /** Recognise one page image. Runs when a worker is free. */
  async recognise(image: Raster): Promise<RecognisedPage> {
    const slot = await this.acquire();
    let broken = false;
    try {
      slot.pages++;
      await slot.worker.setParameters({ user_defined_dpi: String(Math.round(image.dpi)), tessedit_pageseg_mode: String(PAGE_SEGMENTATION_MODE) as Tesseract.PSM });
      // hOCR only (hocr.ts): the text and the block tree are read from it.
      const res = await slot.worker.recognize(Buffer.from(toPgm(image)), {}, { hocr: true, text: false });
      const page = parseHocr(res.data.hocr ?? '');
      return { width: image.width, height: image.height, conf: page.conf, text: page.text, blocks: page.blocks };
    } catch (err) {
      broken = true;
      throw err;
    } finally {
      this.release(slot, broken);
    }
  }

  /** Stop every worker; pending and later calls fail. Safe to call twice. */
  async terminate(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('OCR pool terminated'));
    const all = [...this.live];
    this.live.clear();
    this.idle = [];
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
