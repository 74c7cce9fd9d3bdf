/**
 * The damage merger.
 *
 * Damage arrives as many small rects (the old and new bounds of every node that changed) and
 * leaves as a short list that paint clips to and the backend copies. Two costs pull against
 * each other: every rect in the list costs a pass over the tree and a clip, and every pixel
 * covered costs paint and copy. The merger keeps the list short and tight:
 *
 *   1. A new rect is rounded out to whole pixels and clamped to the layer; empty ones vanish.
 *   2. It is merged with any rect already in the list when the union wastes little, i.e.
 *      area(a ∪ b) <= area(a) + area(b) + slack. Merging repeats, since a grown rect may now
 *      swallow others:
 *
 *          [a]  [b]           [a   b]        (close: merge)
 *                      ->
 *          [c]                [c]            (far: keep apart)
 *
 *   3. Past `limit` rects (32, as LVGL does), the whole list collapses into its bounding box —
 *      past that point a tree walk per rect costs more than painting a bit too much.
 *
 * Rects in the list may still overlap slightly after merging; paint is idempotent inside a
 * clip, so overlap only costs time, never correctness.
 */
import { area, isEmpty, intersect, roundOut, union, type Rect } from './geometry.js';

export class DamageTracker {
  private rects: Rect[] = [];
  private full = false;

  constructor(private bounds: Rect, private readonly limit = 32, private readonly slack = 64 * 64) {}

  /** Sets the layer's size (damaging all of it). */
  resize(bounds: Rect): void {
    this.bounds = bounds;
    this.damageAll();
  }

  damageAll(): void {
    this.full = true;
    this.rects = [];
  }

  add(rect: Rect): void {
    if (this.full) return;
    let r = intersect(roundOut(rect), this.bounds);
    if (isEmpty(r)) return;
    for (let merged = true; merged;) {
      merged = false;
      for (let i = 0; i < this.rects.length; i++) {
        const other = this.rects[i]!;
        const u = union(r, other);
        if (area(u) <= area(r) + area(other) + this.slack) {
          r = u;
          this.rects.splice(i, 1);
          merged = true;
          break;
        }
      }
    }
    this.rects.push(r);
    if (this.rects.length > this.limit) this.rects = [this.rects.reduce(union)];
  }

  get empty(): boolean {
    return !this.full && this.rects.length === 0;
  }

  /** The merged damage, emptying the tracker. */
  take(): Rect[] {
    const out = this.full ? [this.bounds] : this.rects;
    this.rects = [];
    this.full = false;
    return out;
  }
}
