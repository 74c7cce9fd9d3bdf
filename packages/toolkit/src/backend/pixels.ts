/**
 * Copying damaged spans between pixel buffers, row by row, converting RGBA (what CanvasKit
 * draws) to BGRA when the destination format is ARGB/XRGB8888. Native backends do this in C++;
 * this is the in-memory version.
 */
import type { DamageRect, PixelFormat } from './contract.js';

/** Whether RGBA pixels must be swapped to BGRA for `format` (ARGB8888 and XRGB8888 are BGRA in memory). */
export function swapsRB(format: PixelFormat): boolean {
  return format === 'ARGB8888' || format === 'XRGB8888';
}

/** Damage rects as [x, y, width, height]*, the form native copy routines take. */
export function packRects(rects: readonly DamageRect[]): Int32Array {
  const out = new Int32Array(rects.length * 4);
  rects.forEach((r, i) => out.set([r.x, r.y, r.width, r.height], i * 4));
  return out;
}

/** Copies `rects` from src to dst (same coordinates); returns the bytes written. */
export function copyRects(src: Uint8Array, srcStride: number, dst: Uint8Array, dstStride: number, rects: readonly DamageRect[], format: PixelFormat): number {
  const swap = swapsRB(format);
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

/** round(v / 255) for 0 <= v <= 255 * 255, without a division. */
function div255(v: number): number {
  const t = v + 128;
  return (t + (t >> 8)) >> 8;
}

/**
 * Source-over blending of premultiplied pixels with a plane alpha: the one blend every software
 * composition in Planar uses (the compositor's composition layer and the headless backend's
 * emulated planes), so that a layer looks the same on a plane and composited. `rect` is in dst
 * coordinates; the source's top-left sits at (`originX`, `originY`) in dst. The source's byte
 * order and alpha follow `format` (X formats are opaque); dst is RGBA.
 *
 * Per channel, with a = round(opacity * 255):  out = s·a/255 + dst·(255 − sA·a/255)/255,
 * each product rounded to the nearest integer.
 */
export function blendRect(
  dst: Uint8Array, dstStride: number, src: Uint8Array, srcStride: number, format: PixelFormat,
  rect: DamageRect, originX: number, originY: number, opacity: number,
): void {
  const swap = format === 'ARGB8888' || format === 'XRGB8888';
  const opaque = format[0] === 'X';
  const a = Math.round(Math.min(1, Math.max(0, opacity)) * 255);
  if (a === 0) return;
  const r = swap ? 2 : 0, b = swap ? 0 : 2;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    let s = (y - originY) * srcStride + (rect.x - originX) * 4;
    let d = y * dstStride + rect.x * 4;
    for (let x = 0; x < rect.width; x++, s += 4, d += 4) {
      const sa = opaque ? 255 : src[s + 3]!;
      if (a === 255) {
        if (sa === 255) {
          dst[d] = src[s + r]!;
          dst[d + 1] = src[s + 1]!;
          dst[d + 2] = src[s + b]!;
          dst[d + 3] = 255;
          continue;
        }
        if (sa === 0) continue;
        const k = 255 - sa;
        dst[d] = src[s + r]! + div255(dst[d]! * k);
        dst[d + 1] = src[s + 1]! + div255(dst[d + 1]! * k);
        dst[d + 2] = src[s + b]! + div255(dst[d + 2]! * k);
        dst[d + 3] = sa + div255(dst[d + 3]! * k);
        continue;
      }
      const ea = div255(sa * a);
      const k = 255 - ea;
      dst[d] = div255(src[s + r]! * a) + div255(dst[d]! * k);
      dst[d + 1] = div255(src[s + 1]! * a) + div255(dst[d + 1]! * k);
      dst[d + 2] = div255(src[s + b]! * a) + div255(dst[d + 2]! * k);
      dst[d + 3] = ea + div255(dst[d + 3]! * k);
    }
  }
}

/**
 * Copies a `width`x`height` frame into dst turned by a multiple of 90° (and moved), pixel by
 * pixel: `m` maps a frame pixel's centre to dst coordinates. The result is RGBA; X formats
 * become opaque. For frames shown on a turned output, where no plane turns them.
 */
export function turnPixels(
  src: Uint8Array, srcStride: number, format: PixelFormat, width: number, height: number,
  dst: Uint8Array, dstStride: number, dstWidth: number, dstHeight: number, m: readonly number[],
): void {
  const swap = format === 'ARGB8888' || format === 'XRGB8888';
  const opaque = format[0] === 'X';
  const r = swap ? 2 : 0, b = swap ? 0 : 2;
  for (let fy = 0; fy < height; fy++) {
    for (let fx = 0; fx < width; fx++) {
      const cx = fx + 0.5, cy = fy + 0.5;
      const x = Math.floor(m[0]! * cx + m[2]! * cy + m[4]!), y = Math.floor(m[1]! * cx + m[3]! * cy + m[5]!);
      if (x < 0 || y < 0 || x >= dstWidth || y >= dstHeight) continue;
      const s = fy * srcStride + fx * 4, d = y * dstStride + x * 4;
      dst[d] = src[s + r]!;
      dst[d + 1] = src[s + 1]!;
      dst[d + 2] = src[s + b]!;
      dst[d + 3] = opaque ? 255 : src[s + 3]!;
    }
  }
}

/** One plane's content, for `composePlanes`. */
export interface PlaneImage {
  x: number;
  y: number;
  opacity: number;
  /** The size shown on the output (of the source; planes here are not scaled). */
  width: number;
  height: number;
  /** The part of the pixels shown (absent: from 0, 0). */
  source?: { x: number; y: number };
  stride: number;
  format: PixelFormat;
  pixels: Uint8Array;
}

/**
 * The output as a display composes its planes: each blended, bottom to top, over transparent
 * black, clipped to the output. Premultiplied RGBA out. For screenshots of displays that cannot
 * read their output back.
 */
export function composePlanes(planes: readonly PlaneImage[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (const p of planes) {
    const left = Math.max(0, p.x), top = Math.max(0, p.y);
    const right = Math.min(width, p.x + p.width), bottom = Math.min(height, p.y + p.height);
    if (right <= left || bottom <= top) continue;
    // The buffer's pixel (0, 0) lands where the source's top-left does, less the source's offset.
    const ox = p.x - (p.source?.x ?? 0), oy = p.y - (p.source?.y ?? 0);
    blendRect(out, width * 4, p.pixels, p.stride, p.format, { x: left, y: top, width: right - left, height: bottom - top }, ox, oy, p.opacity);
  }
  return out;
}
