/**
 * Layers placed by what they are written in: an anchored `<Layer>` (`anchor="parent"`) sits at
 * its parent box's top-left plus its `position`, following the box as layout moves it, and shows
 * only through the scroll viewports around it. Scroll layers are placed the same way
 * (scroll-tiles.ts), at their viewport less the offsets. Placement changes repaint nothing.
 */
import { isEmpty, transformRect, type Rect } from '../tree/geometry.js';
import { layerOf, logicalBox, type LayerInfo } from '../tree/layer.js';
import type { Scene } from '../tree/scene.js';

/** Sets a layer's origin; a change is a placement change. */
export function placeAt(info: LayerInfo, x: number, y: number): void {
  if (x === info.origin.x && y === info.origin.y) return;
  info.origin = { x, y };
  info.placementDirty = true;
}

/** A logical clip in output px, edges rounded to whole pixels (empty stays empty). */
export function outputClip(scene: Scene, clip: Rect): Rect {
  const r = transformRect(scene.outputMatrix, clip);
  const out = { left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right), bottom: Math.round(r.bottom) };
  return isEmpty(out) ? { left: 0, top: 0, right: 0, bottom: 0 } : out;
}

/** Places an anchored layer at its parent box; returns its clip in output px (null: none). */
export function placeAnchored(info: LayerInfo, scene: Scene): Rect | null {
  // The box it is written in: control flow (Show, For, a getter) puts wrapper nodes between.
  const parent = info.node.boxParent();
  if (!parent) return null;
  const box = logicalBox(parent);
  placeAt(info, box.left, box.top);
  const host = layerOf(parent);
  info.clip = host?.clip ?? null;
  return info.clip ? outputClip(scene, info.clip) : null;
}
