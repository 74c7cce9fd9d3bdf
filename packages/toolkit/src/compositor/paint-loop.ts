/**
 * The paint step of a frame: each layer's damage painted into its own surface.
 *
 * For every layer with damage, per merged damage rect: clip to the rect, clear it (the
 * background for the root layer, transparent for the others), and paint the layer's nodes that
 * intersect it, in the layer's coordinates (`contentMatrix`). The debug outline of
 * `PLANAR_DEBUG=layers` and the overlays of `damage`/`fps` add their own rects to the root's or
 * the layer's damage, so what they drew last frame is wiped by the same pass. External layers
 * are not painted: on a turned output their new frame is turned into their surface instead.
 */
import type { Canvas, Surface } from 'canvaskit-wasm';
import { turnPixels } from '../backend/pixels.js';
import { canvasKit } from '../render/canvaskit.js';
import { DebugOverlay } from '../render/debug-overlay.js';
import { LayerOutline, type OutlineLabel } from '../render/layer-outline.js';
import { Painter, toMatrix } from '../render/painter.js';
import { invert, roundOut, transformRect } from '../tree/geometry.js';
import type { Scene } from '../tree/scene.js';
import { toDamage, toRect } from './composition-layer.js';
import type { ExternalFrames } from './external-frames.js';
import type { LayerRecord } from './layer-record.js';
import { mergeRects } from './rects.js';
import type { FrameStats } from './stats.js';

const TRANSPARENT = Float32Array.of(0, 0, 0, 0);

/**
 * Each surface's canvas: CanvasKit makes a new handle on the same canvas per getCanvas(), so
 * one is kept per surface for its lifetime.
 */
const canvases = new WeakMap<Surface, Canvas>();

function canvasOf(surface: Surface): Canvas {
  let canvas = canvases.get(surface);
  if (!canvas) canvases.set(surface, canvas = surface.getCanvas());
  return canvas;
}

export class PaintLoop {
  readonly painter: Painter;
  /** `PLANAR_DEBUG=damage|fps`, and the damage flash switched on while the app runs. */
  readonly overlay: DebugOverlay;
  /** `PLANAR_DEBUG=layers`. */
  private readonly outline: LayerOutline | null;

  constructor(
    private readonly scene: Scene, private readonly background: Float32Array, private readonly frames: ExternalFrames,
    debug: Set<string>, now: () => number,
  ) {
    const { width, height } = scene.outputSize;
    this.painter = new Painter(scene.scale, width * height);
    this.overlay = new DebugOverlay(debug, now);
    this.outline = debug.has('layers') ? new LayerOutline() : null;
  }

  /**
   * Paints each layer's damage into its surface (and the debug outlines and overlays).
   * `labelOf` names a visible layer's place for the outline ("popup: plane 3").
   */
  paint(layers: LayerRecord[], labelOf: (r: LayerRecord) => OutlineLabel, stats: FrameStats): void {
    const ck = canvasKit();
    for (const r of layers) {
      if (!r.surface) continue;
      if (r.external) {
        if (r.damage.length) this.turnFrame(r, stats);
        continue;
      }
      const outlined = r.visible ? this.outline?.prepare(r, labelOf(r)) ?? [] : [];
      const extra = r.isRoot ? this.overlay.previousRects() : [];
      const content = r.damage;
      const rects = [...content, ...outlined, ...extra.map(toDamage)];
      if (!rects.length) continue;
      r.damage = mergeRects(rects, r.width, r.height);
      const canvas = canvasOf(r.surface.surface);
      const toLogical = invert(r.contentMatrix)!;
      for (const d of r.damage) {
        canvas.save();
        canvas.clipRect(ck.LTRBRect(d.x, d.y, d.x + d.width, d.y + d.height), ck.ClipOp.Intersect, false);
        canvas.clear(r.isRoot ? this.background : TRANSPARENT);
        canvas.concat(toMatrix(r.contentMatrix));
        const clip = roundOut(transformRect(toLogical, { left: d.x, top: d.y, right: d.x + d.width, bottom: d.y + d.height }), 1);
        this.painter.paint(canvas, r.node, clip, r.contentMatrix, r.contentMatrix);
        canvas.restore();
        stats.damagedPx += d.width * d.height;
      }
      if (r.isRoot && this.overlay.active) {
        this.overlay.draw(canvas, content.map(toRect), this.scene.outputSize);
      }
      this.outline?.draw(canvas, r);
      r.surface.surface.flush();
    }
  }

  /** The `PLANAR_DEBUG=layers` label last drawn for a layer, or null (for tests). */
  outlineLabel(r: LayerRecord): string | null {
    return this.outline?.label(r) ?? null;
  }

  /** Turns an external layer's new frame into its surface (on a turned output). */
  private turnFrame(r: LayerRecord, stats: FrameStats): void {
    const source = this.frames.pixels(r);
    if (!source || !r.surface) return;
    const m = r.contentMatrix, s = 1 / this.scene.scale;
    const toSurface = [m[0] * s, m[1] * s, m[2] * s, m[3] * s, m[4], m[5]];
    const dst = r.surface.pixels();
    dst.fill(0);
    turnPixels(source.pixels, source.stride, source.format, r.external!.width, r.external!.height, dst, r.surface.stride, r.width, r.height, toSurface);
    stats.damagedPx += r.width * r.height;
  }

  dispose(): void {
    this.painter.dispose();
    this.overlay.dispose();
    this.outline?.dispose();
  }
}
