/**
 * Copying damaged spans between pixel buffers, row by row, converting RGBA (what CanvasKit
 * draws) to BGRA when the destination format is ARGB/XRGB8888. Native backends do this in C++;
 * this is the in-memory version.
 */
import type { DamageRect, PixelFormat } from './contract.js';

/** Copies `rects` from src to dst (same coordinates); returns the bytes written. */
export function copyRects(src: Uint8Array, srcStride: number, dst: Uint8Array, dstStride: number, rects: readonly DamageRect[], format: PixelFormat): number {
  const swap = format === 'ARGB8888' || format === 'XRGB8888';
  let bytes = 0;
  for (const r of rects) {
    const rowBytes = r.width * 4;
    for (let y = r.y; y < r.y + r.height; y++) {
      const s = y * srcStride + r.x * 4;
      const d = y * dstStride + r.x * 4;
      if (!swap) dst.set(src.subarray(s, s + rowBytes), d);
      else {
        for (let i = 0; i < rowBytes; i += 4) {
          dst[d + i] = src[s + i + 2]!;
          dst[d + i + 1] = src[s + i + 1]!;
          dst[d + i + 2] = src[s + i]!;
          dst[d + i + 3] = src[s + i + 3]!;
        }
      }
      bytes += rowBytes;
    }
  }
  return bytes;
}
