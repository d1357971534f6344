import { describe, expect, it } from 'vitest';
import { encodeIcns, encodeIco, ICNS_TYPES, pngSize, readIcns, readIco } from '../../scripts/icon-formats.js';

/** A minimal PNG header (signature + IHDR) claiming the given size: enough for the containers. */
function fakePng(size: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, size);
  view.setUint32(20, size);
  return bytes;
}

describe('icon containers', () => {
  it('writes an .ico whose directory finds each PNG, with 256 stored as 0', () => {
    const images = [16, 32, 256].map((size) => ({ size, png: fakePng(size) }));
    const ico = encodeIco(images);
    expect(ico[6 + 16 * 2]).toBe(0);
    expect(readIco(ico).map((i) => [i.size, pngSize(i.png).width])).toEqual([
      [16, 16],
      [32, 32],
      [256, 256],
    ]);
    expect(() => encodeIco([{ size: 512, png: fakePng(512) }])).toThrow(/1–256/);
  });

  it('writes an .icns with every PNG element type and its total length', () => {
    const sizes = [...new Set(ICNS_TYPES.map(([, s]) => s))];
    const icns = encodeIcns(sizes.map((size) => ({ size, png: fakePng(size) })));
    const read = readIcns(icns);
    expect(read.map((e) => e.type)).toEqual(ICNS_TYPES.map(([t]) => t));
    for (const e of read) expect(pngSize(e.data).width).toBe(ICNS_TYPES.find(([t]) => t === e.type)![1]);
    expect(() => encodeIcns([{ size: 128, png: fakePng(128) }])).toThrow(/256px/);
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => pngSize(new Uint8Array(40))).toThrow(/not a PNG/);
  });
});
