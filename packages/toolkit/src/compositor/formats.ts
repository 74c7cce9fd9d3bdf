/**
 * Buffer formats. Surfaces are RGBA in memory (ABGR8888 in DRM's naming); a display buffer in
 * the same byte order is copied without conversion, so it is preferred wherever a plane takes
 * it. The root layer and the composition layer are opaque and go on the primary plane, so they
 * take an opaque format of the primary. Other layers need alpha and may go on any other plane:
 * they take the alpha format the most of those planes accept (a cursor plane often takes only
 * ARGB8888), among the planes big enough for them.
 */
import type { PixelFormat, PlaneInfo } from '../backend/contract.js';

export { isVideoFormat, planeTakes } from '../backend/video-formats.js';

const OPAQUE: PixelFormat[] = ['XBGR8888', 'XRGB8888', 'ABGR8888', 'ARGB8888'];
const ALPHA: PixelFormat[] = ['ABGR8888', 'ARGB8888'];

/** The format of full-screen opaque layers: one the primary plane scans out. */
export function opaqueFormat(planes: readonly PlaneInfo[]): PixelFormat {
  const primary = planes.find((p) => p.type === 'primary');
  return OPAQUE.find((f) => primary?.formats.includes(f)) ?? primary?.formats[0] ?? 'XBGR8888';
}

/** The format of a layer of this size: the alpha format most planes that could show it take. */
export function layerFormat(planes: readonly PlaneInfo[], width: number, height: number): PixelFormat {
  const fit = planes.filter((p) => p.type !== 'primary' && p.maxWidth >= width && p.maxHeight >= height);
  let best: PixelFormat = ALPHA[0]!;
  let bestCount = -1;
  for (const f of ALPHA) {
    const count = fit.filter((p) => p.formats.includes(f)).length;
    if (count > bestCount) {
      best = f;
      bestCount = count;
    }
  }
  return best;
}
