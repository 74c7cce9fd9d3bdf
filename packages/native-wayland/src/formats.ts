/**
 * Pixel formats: the toolkit's DRM names and wl_shm's codes. wl_shm numbers ARGB8888 and
 * XRGB8888 0 and 1; every other format is its DRM fourcc.
 */
import type { PixelFormat } from '@planar/toolkit/backend';

const fourcc = (s: string) => s.charCodeAt(0) | (s.charCodeAt(1) << 8) | (s.charCodeAt(2) << 16) | (s.charCodeAt(3) << 24);

export const SHM_CODES: Record<PixelFormat, number> = {
  ARGB8888: 0,
  XRGB8888: 1,
  ABGR8888: fourcc('AB24'),
  XBGR8888: fourcc('XB24'),
};

/** The toolkit formats among a compositor's wl_shm codes, RGBA-ordered ones first (no conversion when copying). */
export function formatsOf(codes: readonly number[]): PixelFormat[] {
  const order: PixelFormat[] = ['ABGR8888', 'XBGR8888', 'ARGB8888', 'XRGB8888'];
  return order.filter((f) => codes.includes(SHM_CODES[f]));
}
