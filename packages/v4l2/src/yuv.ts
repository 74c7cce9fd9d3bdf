/**
 * YUV to XRGB8888, one pass over the frame: the reference the addon's conversion (native/yuv.cc,
 * which converts the frames no plane takes) matches bit for bit, and the fake device's.
 *
 * The matrix follows V4L2's default for a format that does not say otherwise: BT.601 for
 * standard definition (up to 576 lines), BT.709 above, both in limited range (Y 16–235, U/V
 * 16–240), which is what cameras and decoders send unless told otherwise. The coefficients are
 * fixed point, scaled by 1024, and each channel is rounded and clamped to 0–255.
 *
 * Layouts: YUYV packs two pixels in four bytes, Y0 U Y1 V, rows of `stride` bytes. NV12 is a
 * plane of Y (`stride` bytes a row) followed, at `stride * height`, by a half-height plane of
 * U, V pairs, each pair shared by a 2x2 block. XRGB8888 is written as 32-bit words
 * 0xFFRRGGBB (bytes B, G, R, 255 in memory, little-endian).
 */
import { defaultColorEncoding } from '@planar/toolkit/backend';
import type { YuvFormat } from './formats.js';

interface Matrix { rv: number; gu: number; gv: number; bu: number }
const BT601: Matrix = { rv: 1634, gu: 401, gv: 832, bu: 2066 };
const BT709: Matrix = { rv: 1836, gu: 218, gv: 546, bu: 2163 };
const Y_SCALE = 1192;

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

function pixel(y: number, u: number, v: number, m: Matrix): number {
  const c = Y_SCALE * (y - 16);
  const d = u - 128;
  const e = v - 128;
  const r = clamp((c + m.rv * e + 512) >> 10);
  const g = clamp((c - m.gu * d - m.gv * e + 512) >> 10);
  const b = clamp((c + m.bu * d + 512) >> 10);
  return (0xff000000 | (r << 16) | (g << 8) | b) >>> 0;
}

/**
 * Converts one frame into `out` (width * height words, rows packed). `source` holds the frame
 * as the device wrote it, with rows of `stride` bytes.
 */
export function yuvToXrgb(format: YuvFormat, source: Uint8Array, stride: number, width: number, height: number, out: Uint32Array): void {
  const m = defaultColorEncoding(height) === 'bt601' ? BT601 : BT709;
  if (format === 'YUYV') {
    for (let row = 0; row < height; row++) {
      let i = row * stride;
      let o = row * width;
      for (let x = 0; x < width; x += 2, i += 4) {
        const u = source[i + 1]!;
        const v = source[i + 3]!;
        out[o++] = pixel(source[i]!, u, v, m);
        if (x + 1 < width) out[o++] = pixel(source[i + 2]!, u, v, m);
      }
    }
    return;
  }
  const chroma = stride * height;
  for (let row = 0; row < height; row++) {
    const y0 = row * stride;
    const c0 = chroma + (row >> 1) * stride;
    let o = row * width;
    for (let x = 0; x < width; x++) {
      const c = c0 + (x & ~1);
      out[o++] = pixel(source[y0 + x]!, source[c]!, source[c + 1]!, m);
    }
  }
}
