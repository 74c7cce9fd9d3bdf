/**
 * The composition layer: one full-screen surface on the primary plane holding the root layer
 * and every layer the allocation left without a plane, blended in Z order (the same blend the
 * headless display uses for planes, so both look alike to the pixel).
 *
 * Its damage, each frame:
 *   - everything, when it was not in use last frame (its pixels are then out of date);
 *   - the root layer's damage, and a composited layer's own damage moved to where it is;
 *   - both the old and the new area of a composited layer that moved, faded, restacked,
 *     resized, came from or went to a plane, appeared or disappeared.
 * Only those rects are recomposed: the root's pixels copied, then each composited layer
 * blended over them. Nothing is repainted: layers keep their own surfaces.
 */
import type { DamageRect, Display, PixelFormat } from '../backend/contract.js';
import { blendRect, copyRects } from '../backend/pixels.js';
import { BufferPool } from './buffer-pool.js';
import type { Graveyard } from './graveyard.js';
import type { LayerRecord, Placement } from './layer-record.js';
import { LayerSurface } from '../render/layer-surface.js';
import { opaqueFormat } from './formats.js';
import { DamageTracker } from '../tree/damage.js';
import { intersect, isEmpty, type Rect } from '../tree/geometry.js';

export type PixelSource = { pixels: Uint8Array; stride: number; format: PixelFormat };

export class CompositionLayer {
  surface: LayerSurface | null = null;
  pool: BufferPool | null = null;
  private damage: DamageTracker | null = null;
  /** Its pixels are out of date (it was not in use): recompose everything. */
  private stale = true;
  /** A skipped frame left composed changes that no display buffer has yet. */
  pending = false;
  /** Composed changes not yet sent with a commit; 'all' when the primary showed something else. */
  unsent: DamageRect[] | 'all' = 'all';
  /** Where removed layers were blended: recomposed without them. */
  private removed: Placement[] = [];

  constructor(private readonly display: Display, private readonly graveyard: Graveyard) {}

  /** A layer that was blended is gone. */
  forget(placement: Placement): void {
    this.removed.push(placement);
  }

  /**
   * Brings the surface up to date for this frame's `composited` layers (bottom to top, the root
   * first) and returns the rects recomposed. `all` is every layer record, to notice the ones
   * that stopped showing; `sourceOf` gives a layer's pixels.
   */
  compose(composited: LayerRecord[], all: Iterable<LayerRecord>, output: { width: number; height: number }, sourceOf: (r: LayerRecord) => PixelSource | null): DamageRect[] {
    if (!this.surface || !this.damage) {
      this.surface = new LayerSurface(output.width, output.height);
      this.pool = new BufferPool(this.display, output.width, output.height, opaqueFormat(this.display.planes));
      this.damage = new DamageTracker({ left: 0, top: 0, right: output.width, bottom: output.height }, 32, 0);
      this.stale = true;
    }
    const damage = this.damage;
    const add = (p: { x: number; y: number; width: number; height: number }) => damage.add({ left: p.x, top: p.y, right: p.x + p.width, bottom: p.y + p.height });
    if (this.stale) damage.damageAll();
    for (const p of this.removed) add(p);
    this.removed = [];
    for (const r of all) {
      const index = composited.indexOf(r);
      const now = index >= 0 ? placementOf(r, index) : null;
      const was = r.blended;
      if (now && was && samePlacement(now, was)) {
        for (const d of r.damage) add(clipTo({ x: r.x + d.x, y: r.y + d.y, width: d.width, height: d.height }, now));
      } else {
        if (was) add(was);
        if (now) add(now);
      }
      r.blended = now;
    }
    this.stale = false;
    const rects = damage.take().map((r) => intersect(r, { left: 0, top: 0, right: output.width, bottom: output.height }))
      .filter((r) => !isEmpty(r)).map(toDamage);
    const dst = this.surface.pixels();
    const stride = this.surface.stride;
    for (const rect of rects) {
      for (const r of composited) {
        const source = sourceOf(r);
        if (!source) continue;
        // Only what shows of it: a scroll tile is cut to its viewport (its pixels keep their origin at r.x, r.y).
        const v = r.view;
        if (!v) continue;
        const part = intersect(toRect(rect), { left: v.x, top: v.y, right: v.x + v.width, bottom: v.y + v.height });
        if (isEmpty(part)) continue;
        if (r.isRoot) copyRects(source.pixels, source.stride, dst, stride, [toDamage(part)], 'ABGR8888');
        else blendRect(dst, stride, source.pixels, source.stride, source.format, toDamage(part), r.x, r.y, r.opacity);
      }
    }
    if (this.unsent !== 'all') this.unsent = this.unsent.length + rects.length > 32 ? 'all' : [...this.unsent, ...rects];
    return rects;
  }

  /** Not shown this frame: nothing is blended, and it is rebuilt when needed again. */
  leave(records: Iterable<LayerRecord>): void {
    this.stale = true;
    this.unsent = 'all';
    for (const r of records) r.blended = null;
    this.removed = [];
    if (this.pool && this.surface) this.pool.remember([{ x: 0, y: 0, width: this.surface.width, height: this.surface.height }]);
  }

  /** After a refused commit: nothing is known of what the display shows. */
  invalidate(): void {
    this.stale = true;
    this.unsent = 'all';
  }

  /** The surface goes now; display buffers wait until the display lets go of them. */
  dispose(): void {
    this.surface?.dispose();
    this.surface = null;
    this.pool?.retire((b) => this.graveyard.buffer(b));
    this.pool = null;
    this.damage = null;
    this.stale = true;
    this.unsent = 'all';
  }
}

/** Where a layer is blended: the part of it that shows; a move of its pixels under a still clip counts too. */
function placementOf(r: LayerRecord, order: number): Placement {
  const v = r.view ?? { x: r.x, y: r.y, width: 0, height: 0 };
  return { x: v.x, y: v.y, width: v.width, height: v.height, opacity: r.opacity, order: `${order}:${r.id}@${r.x},${r.y}` };
}

/** A rect cut to a placement (empty when outside it). */
function clipTo(d: DamageRect, p: Placement): DamageRect {
  const left = Math.max(d.x, p.x), top = Math.max(d.y, p.y);
  const right = Math.min(d.x + d.width, p.x + p.width), bottom = Math.min(d.y + d.height, p.y + p.height);
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

function samePlacement(a: Placement, b: Placement): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.opacity === b.opacity && a.order === b.order;
}

export function toDamage(r: Rect): DamageRect {
  return { x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top };
}

export function toRect(d: DamageRect): Rect {
  return { left: d.x, top: d.y, right: d.x + d.width, bottom: d.y + d.height };
}
