/**
 * Rendering into an image once, for caches. The image must be premultiplied: CanvasKit's
 * `MakeSurface` makes unpremultiplied surfaces, and drawing an unpremultiplied image costs
 * about twenty times more (44 ms against 1.9 ms for 800x480 here) because every draw
 * converts it. So: a premultiplied surface over a temporary CK.Malloc block, a snapshot
 * (which copies), and the block freed.
 */
import type { Canvas, Image as SkImage } from 'canvaskit-wasm';
import { LayerSurface } from './layer-surface.js';

/** A premultiplied image of `width`×`height` px drawn by `draw`; null for an empty size. */
export function rasterImage(width: number, height: number, draw: (canvas: Canvas) => void): SkImage | null {
  width = Math.ceil(width);
  height = Math.ceil(height);
  if (width <= 0 || height <= 0) return null;
  const surface = new LayerSurface(width, height);
  try {
    const canvas = surface.surface.getCanvas();
    canvas.clear(new Float32Array([0, 0, 0, 0]));
    draw(canvas);
    surface.surface.flush();
    return surface.surface.makeImageSnapshot();
  } finally {
    surface.dispose();
  }
}
