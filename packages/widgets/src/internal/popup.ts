/**
 * Placing a popup next to the box it belongs to (a select's list under its trigger).
 *
 * 1. A node's box comes in output pixels (after the output's scale and rotation); a layer is
 *    placed in logical px. `logicalBox` maps the box's corners back through the rotation and
 *    scale to the logical space the app lays out in.
 * 2. `placePopup` puts the popup under the anchor when it fits there, else above it when it
 *    fits there, else on the side with more room, cut to that room (the popup then scrolls).
 *    It never leaves the viewport: the popup keeps `margin` from every edge, and slides left
 *    when the anchor is near the right edge.
 */
import type { Viewport } from '@planar/toolkit';

export interface Rect { x: number; y: number; width: number; height: number }

/** An output-pixel box (as `handle.box()` gives) in the app's logical px. */
export function logicalBox(box: Rect, viewport: Viewport): Rect {
  const s = viewport.scale;
  // The output's size in pixels: a turned output swaps the logical width and height.
  const turned = viewport.rotation === 90 || viewport.rotation === 270;
  const outW = (turned ? viewport.height : viewport.width) * s;
  const outH = (turned ? viewport.width : viewport.height) * s;
  const back = (ox: number, oy: number): [number, number] => {
    switch (viewport.rotation) {
      case 90: return [oy / s, (outW - ox) / s];
      case 180: return [(outW - ox) / s, (outH - oy) / s];
      case 270: return [(outH - oy) / s, ox / s];
      default: return [ox / s, oy / s];
    }
  };
  const [x0, y0] = back(box.x, box.y);
  const [x1, y1] = back(box.x + box.width, box.y + box.height);
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}

export interface Placement {
  x: number;
  y: number;
  /** The popup's height: its wanted height, or less when neither side has room for it. */
  height: number;
  side: 'below' | 'above';
}

/**
 * Where a popup of `width` x `height` goes next to `anchor` inside a `viewport` (logical px).
 * @example placePopup(trigger, { width: 200, height: 240 }, { width: 800, height: 480 })   // under it, if it fits
 */
export function placePopup(anchor: Rect, size: { width: number; height: number }, viewport: { width: number; height: number }, gap = 4, margin = 8): Placement {
  const below = viewport.height - margin - (anchor.y + anchor.height + gap);
  const above = anchor.y - gap - margin;
  let side: Placement['side'];
  let height = size.height;
  if (size.height <= below) side = 'below';
  else if (size.height <= above) side = 'above';
  else {
    side = below >= above ? 'below' : 'above';
    height = Math.max(0, side === 'below' ? below : above);
  }
  const y = side === 'below' ? anchor.y + anchor.height + gap : anchor.y - gap - height;
  const x = Math.max(margin, Math.min(anchor.x, viewport.width - margin - size.width));
  return { x, y, height, side };
}
