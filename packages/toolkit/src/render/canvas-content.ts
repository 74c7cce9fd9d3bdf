/**
 * <Canvas>: the user's draw callback is recorded into an SkPicture inside an effect, so it
 * runs again exactly when a signal it reads changes or the box is resized; painting the node
 * replays the picture, clipped to the box.
 */
import type { Canvas as SkCanvas, CanvasKit, SkPicture as Picture } from 'canvaskit-wasm';
import { signal } from '@preact/signals-core';
import { canvasKit } from './canvaskit.js';
import { bindEffect } from '../jsx/owner.js';
import { runWithOwner } from '../jsx/owner.js';
import { PAINT, type NodeContent, type PlanarNode } from '../tree/node.js';

/** Draws in the box's coordinates (0, 0 is the border box's top-left). */
export type DrawCallback = (canvas: SkCanvas, size: { width: number; height: number }, ck: CanvasKit) => void;

export class CanvasContent implements NodeContent {
  private picture: Picture | null = null;
  private readonly size = signal({ width: 0, height: 0 });
  private stop: (() => void) | null = null;

  constructor(private readonly node: PlanarNode, draw: DrawCallback) {
    if (typeof draw !== 'function') {
      node.propError('draw', draw, 'expected a function (canvas, { width, height }, ck) => void');
      return;
    }
    this.stop = runWithOwner(node.owner, () => bindEffect(() => {
      const size = this.size.value;
      const ck = canvasKit();
      const recorder = new ck.PictureRecorder();
      try {
        const canvas = recorder.beginRecording(ck.XYWHRect(0, 0, size.width, size.height));
        draw(canvas, size, ck);
        this.picture?.delete();
        this.picture = recorder.finishRecordingAsPicture();
      } finally {
        recorder.delete();
      }
      this.node.invalidate(PAINT);
    }, 'Canvas.draw'));
  }

  resized(node: PlanarNode): void {
    const { width, height } = node.layout;
    const s = this.size.peek();
    if (s.width !== width || s.height !== height) this.size.value = { width, height };
  }

  overhang(): number {
    return 0;
  }

  paint(canvas: unknown, node: PlanarNode): void {
    if (!this.picture) return;
    const ck = canvasKit();
    const c = canvas as SkCanvas;
    c.save();
    c.clipRect(ck.XYWHRect(0, 0, node.layout.width, node.layout.height), ck.ClipOp.Intersect, false);
    c.drawPicture(this.picture);
    c.restore();
  }

  dispose(): void {
    this.stop?.();
    this.picture?.delete();
    this.picture = null;
  }
}
