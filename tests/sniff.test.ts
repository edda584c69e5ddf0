import { describe, expect, it } from 'vitest';
import { sniff } from '../src/detect/sniff.js';
import { S000, fixtureBytes } from './helpers.js';

describe('sniff', () => {
  it('tells real fixtures apart by their bytes', () => {
    expect(sniff(fixtureBytes(S000, 'plan.pdf')).format).toBe('pdf');
    expect(sniff(fixtureBytes(S000, 'plan.docx')).format).toBe('docx');
    expect(sniff(fixtureBytes(S000, 'source.txt')).format).toBe('text');
    expect(sniff(fixtureBytes(S000, 'scan-p1.png'))).toMatchObject({ format: 'image', subtype: 'png' });
  });

  it('refuses empty, binary, and non-docx zips with a reason', () => {
    expect(sniff(new Uint8Array())).toMatchObject({ format: 'unknown', reason: 'empty file (0 bytes)' });
    expect(sniff(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 255, 254, 0])).format).toBe('unknown');
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).toMatchObject({ format: 'unknown', subtype: 'zip' });
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({ format: 'unknown', subtype: 'ole' });
  });

  it('ignores the file name: a PDF called .txt is a PDF', () => {
    const pdf = fixtureBytes(S000, 'plan.pdf');
    expect(sniff(pdf.subarray(0, 4096)).format).toBe('pdf');
  });
});
