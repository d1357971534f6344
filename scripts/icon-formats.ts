/**
 * Icon containers written from PNGs, so the app's icons come from one SVG with no image tools
 * installed: Windows .ico (PNG entries, Vista and later) and macOS .icns (PNG entries).
 * Pure functions over bytes; tests/unit/icons.test.ts reads the committed files back.
 */

export interface PngImage {
  size: number;
  png: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A .ico holding each image as PNG; sizes up to 256 (stored as 0 in the one-byte fields). */
export function encodeIco(images: PngImage[]): Uint8Array {
  const header = 6;
  const entry = 16;
  let offset = header + entry * images.length;
  const out = new Uint8Array(offset + images.reduce((n, i) => n + i.png.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true);
  view.setUint16(2, 1, true);
  view.setUint16(4, images.length, true);
  images.forEach((img, i) => {
    if (img.size < 1 || img.size > 256) throw new Error(`An .ico image must be 1–256 pixels, not ${img.size}.`);
    const at = header + entry * i;
    view.setUint8(at, img.size === 256 ? 0 : img.size);
    view.setUint8(at + 1, img.size === 256 ? 0 : img.size);
    view.setUint8(at + 2, 0);
    view.setUint8(at + 3, 0);
    view.setUint16(at + 4, 1, true);
    view.setUint16(at + 6, 32, true);
    view.setUint32(at + 8, img.png.length, true);
    view.setUint32(at + 12, offset, true);
    out.set(img.png, offset);
    offset += img.png.length;
  });
  return out;
}

/** The .icns element types that hold PNG data, by pixel size (retina variants share sizes). */
export const ICNS_TYPES: [string, number][] = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function encodeIcns(images: PngImage[]): Uint8Array {
  const bySize = new Map(images.map((i) => [i.size, i.png]));
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = bySize.get(size);
    if (!png) throw new Error(`The .icns needs a ${size}px image for ${type}.`);
    return { type, png };
  });
  const total = 8 + elements.reduce((n, e) => n + 8 + e.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'icns');
  view.setUint32(4, total);
  let at = 8;
  for (const e of elements) {
    ascii(at, e.type);
    view.setUint32(at + 4, 8 + e.png.length);
    out.set(e.png, at + 8);
    at += 8 + e.png.length;
  }
  return out;
}

/** Reads an .ico's directory back: each entry's size and its image bytes. */
export function readIco(bytes: Uint8Array): PngImage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('not an .ico file');
  return Array.from({ length: view.getUint16(4, true) }, (_, i) => {
    const at = 6 + 16 * i;
    const size = view.getUint8(at) || 256;
    const length = view.getUint32(at + 8, true);
    const offset = view.getUint32(at + 12, true);
    return { size, png: bytes.subarray(offset, offset + length) };
  });
}

/** Reads an .icns back: each element's type and bytes. */
export function readIcns(bytes: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (text(0) !== 'icns' || view.getUint32(4) !== bytes.length) throw new Error('not an .icns file');
  const out: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at + 4);
    out.push({ type: text(at), data: bytes.subarray(at + 8, at + length) });
    at += length;
  }
  return out;
}
