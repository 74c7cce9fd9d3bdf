/**
 * The addon's YUV conversion against the JS one it replaces: for YUYV and NV12, each matrix,
 * odd sizes and padded rows, the native words must be the JS words byte for byte. One case feeds
 * every Y, U, V triple through each matrix; the others fill frames with seeded random bytes,
 * a quarter of them 0 and a quarter 255 so the clamps are met at both ends. Then what a caller
 * gets wrong (each error names the argument), and, printed not asserted, the time a 1080p frame
 * takes each way.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { V4l2Addon, YuvLayout } from '../src/native.js';
import { defaultColorEncoding } from '@planar/toolkit/backend';
import { yuvToXrgb } from '../src/yuv.js';

const ADDON = new URL('../build/Release/planar_v4l2.node', import.meta.url);
if (!existsSync(ADDON)) throw new Error(`the V4L2 addon is not built (${ADDON.pathname} is missing): run npx node-gyp rebuild --nodedir=/usr in packages/v4l2`);
const addon = createRequire(import.meta.url)(ADDON.pathname) as V4l2Addon;

type Fourcc = YuvLayout['fourcc'];

/** The bytes the JS loop reads: an odd last pixel still reads its pair's U and V. */
function frameBytes(fourcc: Fourcc, width: number, height: number, stride: number): number {
  const pairs = Math.ceil(width / 2);
  if (fourcc === 'YUYV') return stride * (height - 1) + 4 * pairs;
  return stride * height + stride * (Math.ceil(height / 2) - 1) + 2 * pairs;
}

/** Deterministic bytes (mulberry32): a quarter 0, a quarter 255, the rest anything. */
function randomFrame(bytes: number, seed: number): Uint8Array {
  const frame = new Uint8Array(bytes);
  let state = seed >>> 0;
  for (let i = 0; i < bytes; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = (t ^ (t >>> 14)) >>> 0;
    frame[i] = (r & 3) === 0 ? 0 : (r & 3) === 1 ? 255 : r >>> 24;
  }
  return frame;
}

function viaJs(fourcc: Fourcc, source: Uint8Array, width: number, height: number, stride: number): Uint8Array {
  const out = new Uint32Array(width * height);
  yuvToXrgb(fourcc, source, stride, width, height, out);
  return new Uint8Array(out.buffer);
}

function viaAddon(fourcc: Fourcc, source: Uint8Array, width: number, height: number, stride: number): Uint8Array {
  const target = new Uint8Array(width * height * 4);
  addon.convertYuv(source, target, { fourcc, width, height, stride, matrix: defaultColorEncoding(height) });
  return target;
}

/** Null when equal; else the first pixel that differs, both ways, for a readable failure. */
function firstDifference(native: Uint8Array, js: Uint8Array, width: number): string | null {
  if (native.length !== js.length) return `lengths ${native.length} and ${js.length}`;
  const index = native.findIndex((byte, i) => byte !== js[i]);
  if (index < 0) return null;
  const pixel = index >> 2;
  const word = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(pixel * 4, true).toString(16);
  return `pixel (${pixel % width}, ${Math.floor(pixel / width)}): native 0x${word(native)}, JS 0x${word(js)}`;
}

describe('convertYuv against yuvToXrgb', () => {
  it.each([
    ['every-yuv-triple-bt601', 32768, 512],
    ['every-yuv-triple-bt709', 16384, 1024],
  ])('%s: all 2^24 (Y, U, V) as a YUYV frame, each pair holding two Ys of one U, V', (_name, width, height) => {
    // Pair q holds Y = 2(q mod 128) and that + 1, U = (q / 128) mod 256, V = q / 32768.
    const source = new Uint8Array(width * height * 2);
    for (let q = 0; q < width * height / 2; q++) {
      source[4 * q] = (q & 127) * 2;
      source[4 * q + 1] = (q >> 7) & 255;
      source[4 * q + 2] = (q & 127) * 2 + 1;
      source[4 * q + 3] = q >> 15;
    }
    const stride = width * 2;
    expect(firstDifference(viaAddon('YUYV', source, width, height, stride), viaJs('YUYV', source, width, height, stride), width)).toBeNull();
  });

  it.each([
    ['yuyv-vga', 'YUYV', 640, 480, 1280],
    ['yuyv-odd-width-padded-rows', 'YUYV', 37, 21, 96],
    ['yuyv-odd-width-rows-just-wide-enough', 'YUYV', 35, 9, 70],
    ['yuyv-tall-odd-sizes-bt709', 'YUYV', 33, 601, 72],
    ['yuyv-one-pixel', 'YUYV', 1, 1, 2],
    ['nv12-vga', 'NV12', 640, 480, 640],
    ['nv12-odd-sizes-padded-rows', 'NV12', 37, 21, 40],
    ['nv12-odd-width-rows-just-wide-enough', 'NV12', 35, 19, 35],
    ['nv12-tall-odd-height-bt709', 'NV12', 50, 579, 64],
    ['nv12-720p-bt709', 'NV12', 1280, 720, 1280],
    ['nv12-one-pixel', 'NV12', 1, 1, 1],
  ] as const)('%s: %s %ix%i, stride %i, byte for byte', (name, fourcc, width, height, stride) => {
    const source = randomFrame(frameBytes(fourcc, width, height, stride), name.length * 7919 + width);
    expect(firstDifference(viaAddon(fourcc, source, width, height, stride), viaJs(fourcc, source, width, height, stride), width)).toBeNull();
  });

  it.each([
    ['yuyv-odd-width', 'YUYV', 37, 21, 74],
    ['nv12-odd-sizes', 'NV12', 37, 21, 37],
  ] as const)('%s: reads exactly what the JS loop reads, and refuses a byte less', (name, fourcc, width, height, stride) => {
    const needed = frameBytes(fourcc, width, height, stride);
    const exact = randomFrame(needed, name.length);
    const longer = new Uint8Array(needed + 64).fill(0x80);
    longer.set(exact);
    expect(viaJs(fourcc, longer, width, height, stride), 'the JS reads nothing past it').toEqual(viaJs(fourcc, exact, width, height, stride));
    expect(firstDifference(viaAddon(fourcc, exact, width, height, stride), viaJs(fourcc, exact, width, height, stride), width)).toBeNull();
    expect(() => viaAddon(fourcc, exact.subarray(0, needed - 1), width, height, stride)).toThrow(RangeError);
  });

  it('a-target-at-an-odd-offset: the words land unaligned, and the bytes around them stay', () => {
    const [width, height, stride] = [9, 5, 18];
    const source = randomFrame(frameBytes('YUYV', width, height, stride), 5);
    const backing = new Uint8Array(width * height * 4 + 4).fill(0xaa);
    const target = backing.subarray(1, 1 + width * height * 4);
    addon.convertYuv(source, target, { fourcc: 'YUYV', width, height, stride, matrix: 'bt601' });
    expect(firstDifference(target, viaJs('YUYV', source, width, height, stride), width)).toBeNull();
    expect([backing[0], backing.at(-3), backing.at(-1)]).toEqual([0xaa, 0xaa, 0xaa]);
  });

  it('a-1080p-frame: the native and JS milliseconds a frame, printed', () => {
    const [width, height] = [1920, 1080];
    for (const [fourcc, stride] of [['YUYV', 3840], ['NV12', 1920]] as const) {
      // Smooth ramps, like a picture: the JS clamp's branches guess right as they would on a camera's frame.
      const source = new Uint8Array(frameBytes(fourcc, width, height, stride)).map((_, i) => ((i % stride) >> 4) + (Math.floor(i / stride) >> 3));
      const words = new Uint32Array(width * height);
      const target = new Uint8Array(width * height * 4);
      const layout: YuvLayout = { fourcc, width, height, stride, matrix: defaultColorEncoding(height) };
      const time = (convert: () => void) => {
        convert();
        const start = performance.now();
        for (let i = 0; i < 20; i++) convert();
        return (performance.now() - start) / 20;
      };
      const native = time(() => addon.convertYuv(source, target, layout));
      const js = time(() => yuvToXrgb(fourcc, source, stride, width, height, words));
      console.info(`${fourcc} 1920x1080 to XRGB8888: native ${native.toFixed(2)} ms, JS ${js.toFixed(2)} ms a frame`);
      expect(firstDifference(target, new Uint8Array(words.buffer), width)).toBeNull();
    }
  });
});

describe('convertYuv given what it cannot convert', () => {
  const layout: YuvLayout = { fourcc: 'YUYV', width: 64, height: 48, stride: 128, matrix: 'bt601' };
  const source = new Uint8Array(128 * 48);
  const target = new Uint8Array(64 * 48 * 4);
  const convert = (changes: Record<string, unknown>, from: Uint8Array = source, to: unknown = target) =>
    addon.convertYuv(from, to as Uint8Array, { ...layout, ...changes } as YuvLayout);

  it.each([
    ['a-fourcc-that-is-not-yuv', { fourcc: 'XR24' }, TypeError, "convertYuv: layout.fourcc must be 'YUYV' or 'NV12', not 'XR24'"],
    ['a-zero-width', { width: 0 }, TypeError, 'convertYuv: layout.width must be a whole number of pixels from 1 to 65535, not 0'],
    ['a-fractional-height', { height: 47.5 }, TypeError, 'layout.height must be a whole number of pixels from 1 to 65535, not 47.5'],
    ['a-width-as-a-string', { width: '64' }, TypeError, "layout.width must be a whole number of pixels from 1 to 65535, not '64'"],
    ['a-missing-stride', { stride: undefined }, TypeError, 'layout.stride must be a whole number of bytes from 1 to 4294967295, not undefined'],
    ['a-yuyv-stride-narrower-than-a-row', { stride: 100 }, RangeError, 'convertYuv: layout.stride is 100 bytes, but a row of 64 YUYV pixels takes 128 (2 bytes a pixel)'],
    ['an-nv12-stride-narrower-than-a-row', { fourcc: 'NV12', stride: 63 }, RangeError, 'layout.stride is 63 bytes, but a row of 64 NV12 pixels takes 64 (1 byte a pixel of Y)'],
    ['a-matrix-it-does-not-know', { matrix: 'bt2020' }, TypeError, "convertYuv: layout.matrix must be 'bt601' or 'bt709', not 'bt2020'"],
  ])('%s: a %O is refused with a message naming the field', (_name, changes, kind, message) => {
    expect(() => convert(changes)).toThrow(kind);
    expect(() => convert(changes)).toThrow(message);
  });

  it('a-layout-that-is-not-an-object: says what a layout holds', () => {
    expect(() => addon.convertYuv(source, target, null as unknown as YuvLayout)).toThrow(TypeError);
    expect(() => addon.convertYuv(source, target, null as unknown as YuvLayout)).toThrow('convertYuv: layout must be an object { fourcc, width, height, stride, matrix }, not null');
  });

  it('a-source-or-target-that-is-not-a-uint8array: says which', () => {
    expect(() => convert({}, new Uint16Array(128 * 48) as unknown as Uint8Array)).toThrow('convertYuv: source must be a Uint8Array, not an object');
    expect(() => convert({}, source, new Uint32Array(64 * 48))).toThrow(TypeError);
    expect(() => convert({}, source, new Uint32Array(64 * 48))).toThrow('convertYuv: target must be a Uint8Array, not an object');
  });

  it('a-target-over-its-own-source: refused, since each word would overwrite pixels not yet read', () => {
    const shared = new Uint8Array(128 * 48 + 64 * 48 * 4);
    expect(() => convert({}, shared.subarray(0, 128 * 48), shared.subarray(64))).toThrow(RangeError);
    expect(() => convert({}, shared.subarray(0, 128 * 48), shared.subarray(64))).toThrow('convertYuv: source and target share memory; convert into a separate array');
    expect(() => convert({}, shared.subarray(0, 128 * 48), shared.subarray(128 * 48)), 'side by side in one buffer').not.toThrow();
  });

  it('a-short-source: says the bytes the frame needs and the bytes given', () => {
    expect(() => convert({}, source.subarray(1))).toThrow(RangeError);
    expect(() => convert({}, source.subarray(1))).toThrow('convertYuv: source holds 6143 bytes, but a 64x48 YUYV frame with a stride of 128 needs 6144');
    expect(() => convert({ fourcc: 'NV12' })).toThrow('convertYuv: source holds 6144 bytes, but a 64x48 NV12 frame with a stride of 128 needs 9152');
  });

  it('a-short-target: says the bytes the picture needs and the bytes given', () => {
    expect(() => convert({}, source, target.subarray(4))).toThrow(RangeError);
    expect(() => convert({}, source, target.subarray(4))).toThrow('convertYuv: target holds 12284 bytes, but 64x48 XRGB8888 pixels need 12288 (width * height * 4)');
  });
});
