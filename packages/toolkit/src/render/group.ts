/**
 * Groups: opacity, and rotation.
 *
 * A box with `opacity` < 1, a transform that is not axis-aligned (a rotation other than a
 * multiple of 90°, a skew), or children clipped to rounded corners (`overflow: hidden` with a
 * radius), is drawn with everything inside it into an offscreen image at a
 * fixed, device-aligned origin (its subtree bounds, rounded out), and that image is composited
 * (with the opacity) pixel for pixel. Two reasons:
 *
 *   1. Exactness. A partial repaint must give the pixels a full one gives. Drawing through a
 *      saveLayer puts the layer's origin wherever the damage clip starts, and Skia's sampling
 *      rounds differently at different origins; Skia's anti-aliased scan conversion of rotated
 *      edges likewise depends on where the clip starts, and an anti-aliased rounded clip takes
 *      a different blit path (with different rounding) when a damage rect makes it a plain rect. A group image is always drawn whole at
 *      the same origin, and composited with nearest-neighbour sampling at integer offsets, so
 *      any part of it composites the same.
 *   2. Speed. A fade changes only the opacity: the image is composited again, nothing inside
 *      is redrawn.
 *
 * The image is redrawn when anything inside changed (`groupStale`, set by the bounds pass)
 * or the group's device rect moved or resized.
 */
import type { Canvas, Image as SkImage } from 'canvaskit-wasm';
import { rasterImage } from './raster.js';
import type { Rect } from '../tree/geometry.js';
import type { PlanarNode } from '../tree/node.js';

/** Whether a box is drawn as a group. */
export function isGroup(node: PlanarNode): boolean {
  const m = node.local;
  const p = node.paint;
  return p.opacity < 1 || !((m[1] === 0 && m[2] === 0) || (m[0] === 0 && m[3] === 0))
    || (p.clip && p.radii.some((r) => r > 0) && node.layoutChildren().length > 0);
}

export class OpacityGroup {
  image: SkImage | null = null;
  rect: Rect | null = null;

  /** Draws the group anew at `rect` (device px); only the image is kept, not the surface. */
  redraw(rect: Rect, draw: (canvas: Canvas) => void): void {
    this.image?.delete();
    this.rect = rect;
    this.image = rasterImage(rect.right - rect.left, rect.bottom - rect.top, draw);
  }

  dispose(): void {
    this.image?.delete();
    this.image = null;
    this.rect = null;
  }
}
