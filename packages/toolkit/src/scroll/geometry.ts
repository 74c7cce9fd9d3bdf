/** The scrollable range of each axis, from the viewport's and the content's sizes. */
import type { ScrollRange } from './fling.js';
import type { SnapContext } from './snap.js';
import { checkExtents, type ScrollAxis, type ScrollExtents } from './options.js';

export class ScrollGeometry {
  private extents: ScrollExtents = { viewportWidth: 0, viewportHeight: 0, contentWidth: 0, contentHeight: 0 };

  constructor(private readonly axes: 'x' | 'y' | 'both', private readonly infinite: boolean) {}

  /** Takes new sizes (checked); returns the scrolled axes whose range or page size changed, with the page size they had. */
  set(e: ScrollExtents): { axis: ScrollAxis; previousPage: number }[] {
    checkExtents(e);
    const before = { x: [this.range('x').max, this.page('x')], y: [this.range('y').max, this.page('y')] };
    this.extents = { viewportWidth: e.viewportWidth, viewportHeight: e.viewportHeight, contentWidth: e.contentWidth, contentHeight: e.contentHeight };
    return (['x', 'y'] as const)
      .filter((a) => this.scrolls(a) && (this.range(a).max !== before[a][0] || this.page(a) !== before[a][1]))
      .map((axis) => ({ axis, previousPage: before[axis][1]! }));
  }

  scrolls(axis: ScrollAxis): boolean {
    return this.axes === 'both' || this.axes === axis;
  }

  /** 0..content − viewport; 0..0 on an axis it does not scroll; unbounded when infinite. */
  range(axis: ScrollAxis): ScrollRange {
    if (!this.scrolls(axis)) return { min: 0, max: 0 };
    if (this.infinite) return { min: -Infinity, max: Infinity };
    const e = this.extents;
    return { min: 0, max: Math.max(0, axis === 'x' ? e.contentWidth - e.viewportWidth : e.contentHeight - e.viewportHeight) };
  }

  clamp(axis: ScrollAxis, x: number): number {
    const range = this.range(axis);
    return Math.min(range.max, Math.max(range.min, x));
  }

  /** The viewport's size along `axis` (a page). */
  page(axis: ScrollAxis): number {
    return axis === 'x' ? this.extents.viewportWidth : this.extents.viewportHeight;
  }

  snapContext(axis: ScrollAxis): SnapContext {
    return { axis, range: this.range(axis), page: this.page(axis) };
  }
}
