/**
 * <Canvas>: the user's draw callback is recorded into an SkPicture inside an effect, so it
 * runs again exactly when a signal it reads changes or the box is resized. The picture is
 * rasterised once per change into an image at device resolution, clipped to the box, and
 * painting the node draws that image: user drawing is mostly anti-aliased paths, whose
 * rasterisation depends on where a damage clip cuts them, and an image copy does not.
 */
import type { Canvas as SkCanvas, CanvasKit, Image as SkImage, SkPicture as Picture } from 'canvaskit-wasm';
import { signal } from '@preact/signals-core';
import { canvasKit } from './canvaskit.js';
import { rasterImage } from './raster.js';
import { bindEffect, runWithOwner } from '../jsx/owner.js';
import { PAINT, type ContentPainter, type NodeContent, type PlanarNode } from '../tree/node.js';

/** Draws in the box's coordinates (0, 0 is the border box's top-left). */
export type DrawCallback = (canvas: SkCanvas, size: { width: number; height: number }, ck: CanvasKit) => void;

export class CanvasContent implements NodeContent {
  private picture: Picture | null = null;
  private image: SkImage | null = null;
  private imageScale = 0;
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
        this.dropImage();
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

  paint(canvas: unknown, node: PlanarNode, painter: ContentPainter): void {
    if (!this.picture) return;
    const k = painter.scale;
    if (!this.image || this.imageScale !== k) {
      this.dropImage();
      const ck = canvasKit();
      const picture = this.picture;
      this.image = rasterImage(node.layout.width * k, node.layout.height * k, (c) => {
        c.scale(k, k);
        c.clipRect(ck.XYWHRect(0, 0, node.layout.width, node.layout.height), ck.ClipOp.Intersect, false);
        c.drawPicture(picture);
      });
      if (!this.image) return;
      this.imageScale = k;
    }
    painter.drawCached(canvas as never, this.image as never, 0, 0);
  }

  private dropImage(): void {
    this.image?.delete();
    this.image = null;
  }

  dispose(): void {
    this.stop?.();
    this.picture?.delete();
    this.picture = null;
    this.dropImage();
  }
}
