/**
 * One frame of the root layer, from dirty tree to presented buffer:
 *
 *   1. layout      Yoga, only if something is layout-dirty; read back changed nodes
 *   2. bounds      walk dirty subtrees, recompute bounds, collect damage (logical px)
 *   3. paint       per merged damage rect, in output px: clip, clear, draw what intersects
 *   4. copy        into a free display buffer: this frame's damage ∪ what that buffer missed
 *   5. commit      hand the buffer to the display; resolves when presented
 *
 * A frame with no damage stops after step 2 and commits nothing.
 */
import type { Canvas } from 'canvaskit-wasm';
import type { DamageRect, Display } from '../backend/contract.js';
import { BufferPool } from './buffer-pool.js';
import { LayerSurface } from './layer-surface.js';
import { emptyStats, type FrameStats } from './stats.js';
import { runLayout } from '../layout/layout.js';
import { updateBounds } from '../render/bounds.js';
import { canvasKit } from '../render/canvaskit.js';
import { DamageTracker } from '../render/damage.js';
import { DebugOverlay } from '../render/debug-overlay.js';
import { IDENTITY, intersect, invert, isEmpty, roundOut, transformRect, type Rect } from '../tree/geometry.js';
import type { Scene } from '../tree/scene.js';
import { Painter, cacheLimit, toMatrix } from '../render/painter.js';

export class Compositor {
  private surface: LayerSurface;
  private pool: BufferPool;
  readonly painter: Painter;
  private readonly overlay: DebugOverlay | null;
  private frame = 0;

  constructor(private readonly scene: Scene, private readonly display: Display, private readonly background: Float32Array, debug: Set<string>) {
    const { width, height } = scene.outputSize;
    this.surface = new LayerSurface(width, height);
    this.pool = new BufferPool(display, width, height, display.info.preferredFormat);
    this.painter = new Painter(scene.scale, width * height);
    this.overlay = debug.size ? new DebugOverlay(debug) : null;
  }

  /** Rebuilds surfaces after the output changed size or scale. */
  resize(): void {
    const { width, height } = this.scene.outputSize;
    this.surface.dispose();
    this.pool.dispose();
    this.surface = new LayerSurface(width, height);
    this.pool = new BufferPool(this.display, width, height, this.display.info.preferredFormat);
    this.painter.scale = this.scene.scale;
    this.painter.cache.clear();
    this.painter.cache.limit = cacheLimit(width * height);
  }

  /** Renders and presents one frame; resolves with its stats once presented. */
  async render(): Promise<FrameStats> {
    const stats = emptyStats(++this.frame);
    const scene = this.scene;
    let t = performance.now();
    if (scene.layoutDirty) {
      runLayout(scene.root, scene.width, scene.height);
      // Cleared after the pass: syncing Yoga's children inside it marks the scene dirty again.
      scene.layoutDirty = false;
      stats.layoutMs = performance.now() - t;
    }
    const t1 = performance.now();
    updateBounds(scene.root, IDENTITY, false, false, (r) => scene.damageTracker.add(r));
    const damaged = this.deviceDamage(scene.damageTracker.take());
    // What the debug overlay drew last frame is repainted too (and not outlined again).
    const device = this.overlay ? [...damaged, ...this.overlay.previousRects()] : damaged;
    if (!device.length) {
      stats.paintMs = performance.now() - t1;
      return stats;
    }
    this.paint(device);
    this.overlay?.draw(this.surface.surface.getCanvas(), damaged, scene.outputSize);
    this.surface.surface.flush();
    const rects: DamageRect[] = device.map((r) => ({ x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top }));
    stats.damagedPx = rects.reduce((n, r) => n + r.width * r.height, 0);
    t = performance.now();
    stats.paintMs = t - t1;
    const target = this.pool.acquire(rects);
    if (!target) {
      this.pool.remember(rects);
      stats.skipped = true;
      return stats;
    }
    stats.copiedBytes = target.buffer.write(this.surface.pixels(), this.surface.stride, mergeCopies(target.copy, this.surface));
    const committed = performance.now();
    stats.copyMs = committed - t;
    const state = { layers: [{ id: 0, buffer: target.buffer, x: 0, y: 0, zIndex: 0, opacity: 1, damage: rects }] };
    const result = this.display.test(state);
    stats.planesUsed = result.onPlanes.length;
    stats.composited = state.layers.length - result.onPlanes.length;
    const presented = await this.display.commit(state);
    stats.presentLatencyMs = Math.max(0, presented.presentedAt - committed);
    this.overlay?.record(stats);
    return stats;
  }

  private deviceDamage(logical: Rect[]): Rect[] {
    const out = this.scene.outputSize;
    const bounds = { left: 0, top: 0, right: out.width, bottom: out.height };
    const merged = new DamageTracker(bounds, 32, 0);
    for (const r of logical) merged.add(roundOut(this.scene.toOutput(r)));
    return merged.take().filter((r) => !isEmpty(r));
  }

  private paint(device: Rect[]): void {
    const ck = canvasKit();
    const canvas: Canvas = this.surface.surface.getCanvas();
    const toLogical = invert(this.scene.outputMatrix)!;
    for (const r of device) {
      canvas.save();
      canvas.clipRect(ck.LTRBRect(r.left, r.top, r.right, r.bottom), ck.ClipOp.Intersect, false);
      canvas.clear(this.background);
      canvas.concat(toMatrix(this.scene.outputMatrix));
      this.painter.paint(canvas, this.scene.root, roundOut(transformRect(toLogical, r), 1), this.scene.outputMatrix, this.scene.outputMatrix);
      canvas.restore();
    }
  }

  dispose(): void {
    this.surface.dispose();
    this.pool.dispose();
    this.painter.dispose();
    this.overlay?.dispose();
  }
}

/** Merges overlapping copy rects so no byte is copied twice. */
function mergeCopies(rects: DamageRect[], surface: LayerSurface): DamageRect[] {
  const t = new DamageTracker({ left: 0, top: 0, right: surface.width, bottom: surface.height }, 32, 0);
  for (const r of rects) t.add({ left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height });
  return t.take().map((r) => {
    const c = intersect(r, { left: 0, top: 0, right: surface.width, bottom: surface.height });
    return { x: c.left, y: c.top, width: c.right - c.left, height: c.bottom - c.top };
  });
}
