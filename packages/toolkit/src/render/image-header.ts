/** An encoded image format whose header can be sniffed. */
export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** The format and pixel size read from an image header. */
export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const u16be = (b: Uint8Array, i: number): number => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
const u32le = (b: Uint8Array, i: number): number => (u24le(b, i) | (b[i + 3]! << 24)) >>> 0;

/** True when `bytes` holds the ASCII string `text` at `offset`. */
function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function result(format: ImageFormat, width: number, height: number): ImageHeader | null {
  return width > 0 && height > 0 ? { format, width, height } : null;
}

/** PNG: the signature, then the IHDR chunk with big-endian width and height. */
function png(b: Uint8Array): ImageHeader | null {
  if (b.length < 24 || !ascii(b, 12, 'IHDR')) return null;
  const width = u32be(b, 16), height = u32be(b, 20);
  return width > 0x7fffffff || height > 0x7fffffff ? null : result('png', width, height);
}

/** GIF: the logical screen size right after the six-byte signature. */
function gif(b: Uint8Array): ImageHeader | null {
  return b.length < 10 ? null : result('gif', u16le(b, 6), u16le(b, 8));
}

/** JPEG: walks the marker segments up to the first start-of-frame. */
function jpeg(b: Uint8Array): ImageHeader | null {
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    while (b[i] === 0xff) i++; // a marker may be preceded by any number of 0xFF fill bytes
    if (i >= b.length) return null;
    const marker = b[i++]!;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // TEM, RSTn, SOI: no payload
    if (marker === 0x00 || marker === 0xd9 || marker === 0xda) return null; // stuffing, EOI or scan before any frame
    if (i + 2 > b.length) return null;
    const length = u16be(b, i);
    if (length < 2) return null;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // SOFn: length, sample precision, height, width, component count.
      if (length < 8 || i + 7 > b.length) return null;
      return result('jpeg', u16be(b, i + 5), u16be(b, i + 3));
    }
    i += length;
  }
  return null;
}

/** WebP: the first chunk after the RIFF header is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webp(b: Uint8Array): ImageHeader | null {
  if (ascii(b, 12, 'VP8 ')) {
    // Frame tag (3 bytes, bit 0 clear on a key frame), start code 9D 01 2A, then 14-bit sizes.
    if (b.length < 30 || (b[20]! & 1) !== 0 || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return result('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (ascii(b, 12, 'VP8L')) {
    // Signature 0x2F, then width-1 and height-1 as 14-bit fields, an alpha bit and a 3-bit version of 0.
    if (b.length < 25 || b[20] !== 0x2f) return null;
    const bits = u32le(b, 21);
    if (bits >>> 29 !== 0) return null;
    return result('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, 'VP8X')) {
    // Flags, three reserved bytes, then canvas width-1 and height-1 as 24-bit fields.
    if (b.length < 30) return null;
    return result('webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  }
  return null;
}

/** Reads the format and pixel size from the first bytes of an encoded image, without decoding it; null when the bytes are not a supported image or the header is truncated. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return png(bytes);
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return gif(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return webp(bytes);
  return null;
}
