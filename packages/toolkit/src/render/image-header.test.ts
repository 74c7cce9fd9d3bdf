import { describe, expect, it } from 'vitest';
import { readImageHeader } from './image-header.js';

const bytes = (...parts: (number | string | ArrayLike<number>)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'number' ? [p] : typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : Array.from(p))),
  );
const be16 = (v: number): number[] => [(v >> 8) & 255, v & 255];
const be32 = (v: number): number[] => [...be16(v >>> 16), ...be16(v & 0xffff)];
const le16 = (v: number): number[] => [v & 255, (v >> 8) & 255];
const le24 = (v: number): number[] => [v & 255, (v >> 8) & 255, (v >> 16) & 255];
const le32 = (v: number): number[] => [...le24(v), (v >>> 24) & 255];

/** A complete 1x1 RGBA PNG. */
const PNG_1X1 = bytes(
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64, 0x60, 0xf8, 0x5f,
  0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
);

/** A complete 1x1 GIF89a. */
const GIF_1X1 = bytes(
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff,
  0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
);

const png = (w: number, h: number): Uint8Array =>
  bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR', be32(w), be32(h), 8, 2, 0, 0, 0, be32(0));
const gif = (w: number, h: number, version = '89a'): Uint8Array => bytes('GIF', version, le16(w), le16(h), 0, 0, 0);

/** A marker segment: FF, marker, big-endian length (including itself), payload. */
const segment = (marker: number, payload: readonly number[]): number[] => [0xff, marker, ...be16(payload.length + 2), ...payload];
const APP0 = segment(0xe0, [...bytes('JFIF', 0), 1, 1, 0, ...be16(1), ...be16(1), 0, 0]);
const sof = (marker: number, w: number, h: number): number[] => segment(marker, [8, ...be16(h), ...be16(w), 1, 1, 0x11, 0]);
const jpeg = (...parts: (number | readonly number[])[]): Uint8Array => bytes(0xff, 0xd8, ...parts);

const riff = (fourcc: string, data: readonly number[]): Uint8Array =>
  bytes('RIFF', le32(12 + data.length), 'WEBP', fourcc, le32(data.length), data);
const vp8 = (w: number, h: number, tag = 0x10): Uint8Array => riff('VP8 ', [tag, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...le16(w), ...le16(h), 0, 0]);
const vp8l = (w: number, h: number, alpha = 1): Uint8Array =>
  riff('VP8L', [0x2f, ...le32(((w - 1) | ((h - 1) << 14) | (alpha << 28)) >>> 0), 0]);
const vp8x = (w: number, h: number): Uint8Array => riff('VP8X', [0x10, 0, 0, 0, ...le24(w - 1), ...le24(h - 1)]);

describe('readImageHeader', () => {
  const valid: [string, Uint8Array, string, number, number][] = [
    ['a real 1x1 PNG', PNG_1X1, 'png', 1, 1],
    ['a PNG IHDR', png(640, 480), 'png', 640, 480],
    ['a large PNG', png(70000, 3), 'png', 70000, 3],
    ['a real 1x1 GIF', GIF_1X1, 'gif', 1, 1],
    ['a GIF87a', gif(300, 2, '87a'), 'gif', 300, 2],
    ['a GIF with 16-bit sizes', gif(65535, 258), 'gif', 65535, 258],
    ['JPEG SOI + APP0 + SOF0', jpeg(APP0, sof(0xc0, 640, 480)), 'jpeg', 640, 480],
    ['JPEG without APP0', jpeg(sof(0xc0, 3, 5)), 'jpeg', 3, 5],
    ['JPEG progressive (SOF2)', jpeg(APP0, sof(0xc2, 1920, 1080)), 'jpeg', 1920, 1080],
    ['JPEG SOF15', jpeg(sof(0xcf, 7, 9)), 'jpeg', 7, 9],
    ['JPEG with fill bytes', jpeg(0xff, 0xff, APP0, 0xff, 0xff, 0xff, sof(0xc1, 10, 20)), 'jpeg', 10, 20],
    ['JPEG with RST and TEM markers', jpeg(APP0, 0xff, 0xd0, 0xff, 0xd7, 0xff, 0x01, sof(0xc0, 11, 12)), 'jpeg', 11, 12],
    [
      'JPEG skipping DHT, JPG and DAC look-alikes',
      jpeg(segment(0xc4, [8, 0, 1, 0, 2, 0, 0]), segment(0xc8, [8, 0, 3, 0, 4, 0, 0]), segment(0xcc, [8, 0, 5, 0, 6, 0, 0]), sof(0xc0, 13, 14)),
      'jpeg',
      13,
      14,
    ],
    [
      'JPEG with DQT and COM before the frame',
      jpeg(APP0, segment(0xdb, new Array<number>(65).fill(1)), segment(0xfe, [...bytes('hi')]), sof(0xc0, 4, 4)),
      'jpeg',
      4,
      4,
    ],
    ['WebP VP8 (lossy)', vp8(320, 200), 'webp', 320, 200],
    ['WebP VP8 ignoring scale bits', vp8(0xc000 | 100, 0x4000 | 50), 'webp', 100, 50],
    ['WebP VP8L (lossless)', vp8l(16384, 3), 'webp', 16384, 3],
    ['WebP VP8L 1x1 without alpha', vp8l(1, 1, 0), 'webp', 1, 1],
    ['WebP VP8X (extended)', vp8x(20000, 1), 'webp', 20000, 1],
    ['WebP VP8X at the 24-bit limit', vp8x(1 << 24, 1 << 24), 'webp', 1 << 24, 1 << 24],
  ];

  it.each(valid)('reads %s', (_, input, format, width, height) => {
    expect(readImageHeader(input)).toEqual({ format, width, height });
  });

  it('reads a header from a view with a non-zero byte offset', () => {
    const buffer = new Uint8Array(PNG_1X1.length + 5);
    buffer.set(PNG_1X1, 5);
    expect(readImageHeader(buffer.subarray(5))).toEqual({ format: 'png', width: 1, height: 1 });
  });

  it.each(valid)('returns null for every truncation of %s that cuts the header', (_, input) => {
    const full = readImageHeader(input);
    let needed = input.length;
    while (needed > 0 && readImageHeader(input.subarray(0, needed - 1)) !== null) needed--;
    for (let n = 0; n < needed; n++) expect(readImageHeader(input.subarray(0, n))).toBeNull();
    for (let n = needed; n <= input.length; n++) expect(readImageHeader(input.subarray(0, n))).toEqual(full);
  });

  const invalid: [string, Uint8Array][] = [
    ['empty input', new Uint8Array(0)],
    ['text', bytes('hello, world; this is not an image at all')],
    ['a BMP header', bytes('BM', le32(70), 0, 0, 0, 0, le32(54), le32(40), le32(1), le32(1))],
    ['a PNG cut inside IHDR', png(640, 480).subarray(0, 23)],
    ['a PNG whose first chunk is not IHDR', bytes(png(1, 1).subarray(0, 12), 'IDAT', be32(1), be32(1))],
    ['a PNG with zero width', png(0, 5)],
    ['a PNG with a width over 2^31-1', png(0x80000000, 1)],
    ['a GIF cut inside the screen size', gif(1, 1).subarray(0, 9)],
    ['a GIF with an unknown version', gif(1, 1, '90a')],
    ['a GIF with zero height', gif(4, 0)],
    ['a bare JPEG SOI', jpeg()],
    ['JPEG ending before the frame', jpeg(APP0, 0xff, 0xd9, sof(0xc0, 1, 1))],
    ['JPEG scan before the frame', jpeg(APP0, segment(0xda, [1, 1, 0, 0, 63, 0]), sof(0xc0, 1, 1))],
    ['JPEG with garbage instead of a marker', jpeg(APP0, 0x12, sof(0xc0, 1, 1))],
    ['JPEG with a stuffed zero instead of a marker', jpeg(0xff, 0x00, sof(0xc0, 1, 1))],
    ['JPEG with a segment length below 2', jpeg(0xff, 0xe0, 0x00, 0x01, sof(0xc0, 1, 1))],
    ['JPEG with a segment longer than the data', jpeg(segment(0xe0, [1, 2, 3]).slice(0, 4), 0xff, 0xff)],
    ['JPEG with a short SOF segment', jpeg(0xff, 0xc0, 0x00, 0x05, 8, 0, 1, 0, 1)],
    ['JPEG with a zero height (DNL)', jpeg(sof(0xc0, 5, 0))],
    ['WebP key frame without the start code', riff('VP8 ', [0x10, 0x02, 0x00, 0x9d, 0x01, 0x2b, 1, 0, 1, 0])],
    ['WebP VP8 inter frame', vp8(10, 10, 0x11)],
    ['WebP VP8L without its signature', riff('VP8L', [0x2e, 0, 0, 0, 0])],
    ['WebP VP8L with a non-zero version', riff('VP8L', [0x2f, 0, 0, 0, 0x20])],
    ['WebP with an unknown first chunk', riff('ALPH', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['a RIFF that is not WebP', bytes('RIFF', le32(40), 'WAVE', 'fmt ', le32(16), new Array<number>(16).fill(0))],
  ];

  it.each(invalid)('returns null for %s', (_, input) => {
    expect(readImageHeader(input)).toBeNull();
  });

  it('never throws on arbitrary bytes after a valid signature', () => {
    let seed = 1;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;
    for (const prefix of [PNG_1X1.subarray(0, 8), bytes(0xff, 0xd8), bytes('GIF89a'), bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8')]) {
      for (let round = 0; round < 200; round++) {
        const input = bytes(prefix, Array.from({ length: round % 40 }, random));
        expect(() => readImageHeader(input)).not.toThrow();
      }
    }
  });
});
