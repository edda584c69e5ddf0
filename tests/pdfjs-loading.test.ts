// Loading pdfjs-dist must not leave the process slower: its legacy build's polyfills replace
// working built-ins on Node 20, and its Flate streams go through web streams. See src/extract/pdf/pdfjs.ts.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RESTORED_BUILTINS } from '../src/extract/pdf/pdfjs.js';

// Built-in methods have no own `prototype`; a polyfill written as a plain function does (core-js
// also patches Function.prototype.toString to call its functions native, so source text can't tell).
const isNative = (f: unknown) => typeof f === 'function' && !Object.hasOwn(f, 'prototype');

describe('pdfjs loading', () => {
  it('leaves Array.prototype.push and JSON native, and keeps the features pdfjs adds', () => {
    // On Node 20 the polyfills replace push, JSON.parse, JSON.stringify (and toString); newer Nodes may need none.
    if (Number(process.versions.node.split('.')[0]) === 20) expect(RESTORED_BUILTINS).toBeGreaterThanOrEqual(3);
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('JSON.stringify runs at native speed (not ten times slower)', () => {
    const value = { items: Array.from({ length: 2000 }, (_, i) => ({ i, text: `mục ${i}`, tags: ['a', 'b'] })) };
    const time = (f: () => void) => {
      const t = performance.now();
      for (let k = 0; k < 20; k++) f();
      return performance.now() - t;
    };
    const stringify = time(() => JSON.stringify(value));
    // Against a lower bound of the same work: building the strings by hand with native joins.
    const manual = time(() => '[' + value.items.map((x) => `{"i":${x.i},"text":"${x.text}","tags":["a","b"]}`).join(',') + ']');
    expect(stringify).toBeLessThan(manual * 6);
  });

  it('inflates Flate data in one call, and refuses what is not Flate', async () => {
    const text = 'BT /F1 12 Tf 72 712 Td (Ke hoach) Tj ET\n'.repeat(200);
    const ds = new DecompressionStream('deflate');
    const writer = ds.writable.getWriter();
    void writer.write(new Uint8Array(deflateSync(text))).then(() => writer.close());
    const chunks: Uint8Array[] = [];
    for await (const c of ds.readable as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
    expect(Buffer.concat(chunks).toString('latin1')).toBe(text);

    const bad = new DecompressionStream('deflate');
    const w2 = bad.writable.getWriter();
    void w2.write(new Uint8Array([1, 2, 3, 4, 5])).then(() => w2.close()).catch(() => undefined);
    await expect((async () => {
      for await (const _ of bad.readable as unknown as AsyncIterable<Uint8Array>) void _;
    })()).rejects.toThrow();
  });
});
