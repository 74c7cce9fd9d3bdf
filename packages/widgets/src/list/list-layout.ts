/**
 * ListLayout: which rows of a long list exist, where the content around them is, and how the
 * rows on screen stay put while rows come and go and turn out taller or shorter than guessed.
 *
 * 1. The content is a column: a spacer as tall as the rows before the first mounted row, the
 *    mounted rows in flow, and a spacer as tall as the rows after the last. Heights come from
 *    RowExtents (measured, or estimated for rows never laid out). Only rows in the scroll
 *    layer's rendered window and a margin around the viewport are mounted (`mountSpan`).
 * 2. Positions: a mounted row i sits at `start(i) + drift` in the content. `drift` is the
 *    correction that keeps rows still on screen when rows above them change height, without
 *    moving the content, which would repaint every rendered tile, while the list glides.
 * 3. A row mounted below the anchor (the row at the viewport's top) flows: if it is taller
 *    than its estimate it pushes only rows below it, further from view. A row mounted above
 *    the anchor "grows up": until it is measured its slot keeps the estimated height and its
 *    content hangs from the slot's bottom, so the rows below do not move. When it is measured
 *    (`measure`) the slot takes its real height and the top spacer gives back the difference
 *    (drift −= change): nothing below moves.
 * 4. When the list's rows change (`setRows`), the anchor row keeps its content position: the
 *    drift takes up whatever was inserted or removed above it. At the very top (offset ≤ 0)
 *    the list stays at its top instead, so rows added there come into view. The anchor and
 *    the measured rows are found in the new rows near where they were (row-search.ts), not
 *    by reading every key.
 * 5. `resolve` turns the drift into an offset change: the content moves by −drift (rows land
 *    at `start(i)` again) and the caller shifts the offset, and any motion under way, by the
 *    same amount in the same frame (`Scroller.shift`), so the screen does not change and a
 *    fling glides on. Moving the content repaints what the scroll layer has rendered, so
 *    callers do it once the scroller rests, unless it must be done at once (`mustResolve`):
 *    the first row is mounted, or the top spacer would go negative.
 */
import { RowExtents, type RowSource } from './row-extents.js';
import { findAnchor } from './row-search.js';

/** Viewports of content kept mounted before and after the viewport, beyond the rendered window. */
export const MOUNT_MARGIN = 1.5;

/** A stretch of the content along the list, logical px. */
export interface Span { from: number; to: number }

/**
 * The content rows must exist for: the rendered window, and the viewport with MOUNT_MARGIN
 * viewports on either side. A scroll layer moves its window by a viewport-long slot when the
 * viewport's centre crosses into the next slot; the new slot then lies 0.5 to 1.5 viewports
 * beyond the viewport's edge, so with the margin its rows already exist when its tile is
 * assigned.
 * The window is reported after the frame: one that does not reach the viewport is from
 * before a jump, and is left out.
 * @example mountSpan(1000, 400, { start: 400, end: 1600 }) // { from: 400, to: 2000 }
 */
export function mountSpan(offset: number, viewportLength: number, window: { start: number; end: number } | null): Span {
  const margin = viewportLength * MOUNT_MARGIN;
  const from = offset - margin, to = offset + viewportLength + margin;
  const current = window !== null && window.start <= offset + viewportLength && window.end >= offset;
  return current ? { from: Math.min(from, window.start), to: Math.max(to, window.end) } : { from, to };
}

/**
 * The mounted rows, the spacers and the drift of one list (see the top of this file).
 * @example
 * layout.setRows(rows, offset);
 * const { first, last } = layout.rangeFor(mountSpan(offset, 400, window));
 * layout.mount(first, last, layout.rowAt(offset));
 */
export class ListLayout {
  readonly extents = new RowExtents();
  /** Mounted rows, inclusive (last < first: none). */
  first = 0;
  last = -1;
  /** Content position of row i, less `start(i)`, for mounted rows and those after them. */
  drift = 0;
  /** Keys of mounted rows, and of those among them not measured since they were mounted. */
  private readonly mounted = new Set<string>();
  private readonly unmeasured = new Set<string>();
  /** Unmeasured mounted rows that grow up (mounted above the anchor). */
  private readonly growingUp = new Set<string>();

  /** Where row `index` starts in the content. */
  contentStart(index: number): number {
    return this.extents.start(index) + this.drift;
  }

  /** The row covering content offset `y`; -1 for an empty list. */
  rowAt(y: number): number {
    return this.extents.indexAt(y - this.drift);
  }

  /** The rows overlapping `span` (last < first when the list is empty). */
  rangeFor(span: Span): { first: number; last: number } {
    if (this.extents.count === 0) return { first: 0, last: -1 };
    return { first: this.rowAt(span.from), last: this.rowAt(span.to) };
  }

  /**
   * Takes the rows after a change, keeping the row at the top of the viewport (at `offset`)
   * where it is in the content; at offset ≤ 0 the list keeps its top instead. Mounted rows are
   * forgotten by index: `mount` says which rows exist next.
   */
  setRows(rows: RowSource, offset: number): void {
    // The anchor, or failing that (it was removed) the first mounted row after it that remains.
    const candidates = offset > 0 ? this.anchorCandidates(offset) : [];
    const found = findAnchor(rows, candidates);
    const anchor = found && { ...candidates[found.candidate]!, index: found.index };
    this.extents.setRows(rows, anchor ? [anchor.index - anchor.row] : []);
    this.first = 0;
    this.last = -1;
    if (anchor) this.drift = anchor.at - this.extents.start(anchor.index);
    if (this.extents.count === 0) this.drift = 0;
  }

  /**
   * Mounts rows first..last: those new to the mount are unmeasured, and grow up when they are
   * above `anchor`. Returns the keys that left, for the caller to unmount.
   */
  mount(first: number, last: number, anchor: number): string[] {
    const keys = new Set<string>();
    for (let i = first; i <= last; i++) {
      const key = this.extents.keyOf(i);
      keys.add(key);
      if (this.mounted.has(key)) continue;
      this.mounted.add(key);
      this.unmeasured.add(key);
      // A row measured before knows its height: it flows at once.
      if (i < anchor && !this.extents.isMeasured(i)) this.growingUp.add(key);
    }
    const left: string[] = [];
    for (const key of this.mounted) {
      if (keys.has(key)) continue;
      left.push(key);
      this.mounted.delete(key);
      this.unmeasured.delete(key);
      this.growingUp.delete(key);
    }
    this.first = first;
    this.last = last;
    return left;
  }

  isMounted(key: string): boolean {
    return this.mounted.has(key);
  }

  /** Whether the mounted row `key` waits for its first measurement. */
  isUnmeasured(key: string): boolean {
    return this.unmeasured.has(key);
  }

  /** Whether the mounted row `key` keeps its estimated height and grows up until measured. */
  growsUp(key: string): boolean {
    return this.growingUp.has(key);
  }

  /** Whether some mounted row waits for its first measurement. */
  get measuring(): boolean {
    return this.unmeasured.size > 0;
  }

  /**
   * Records the laid-out height of mounted row `index`. A row that grew up gives the change
   * back from the top spacer (drift), so that the rows below it stay where they are.
   */
  measure(index: number, height: number): void {
    const key = this.extents.keyOf(index);
    const change = this.extents.measure(index, height);
    if (this.growingUp.delete(key)) this.drift -= change;
    this.unmeasured.delete(key);
  }

  /** The spacers before and after the mounted rows. */
  spacers(): { top: number; bottom: number } {
    const e = this.extents;
    if (this.last < this.first) return { top: 0, bottom: e.total };
    return { top: Math.max(0, e.start(this.first) + this.drift), bottom: e.total - e.start(this.last + 1) };
  }

  /** The content's length as the rows stand (measured heights, estimates, drift). */
  get contentLength(): number {
    return this.extents.total + this.drift;
  }

  /** Whether the drift must be resolved now: the first row is mounted, or the top spacer would be negative. */
  mustResolve(): boolean {
    if (this.drift === 0) return false;
    return (this.last >= this.first && this.first === 0) || this.extents.start(this.first) + this.drift < 0;
  }

  /** Moves every row to `start(i)`; returns how far the offset must move (the same frame) to keep the screen as it is. */
  resolve(): number {
    const shift = -this.drift;
    this.drift = 0;
    return shift;
  }

  /** The mounted rows from the one at `offset` down, in order, with their content positions. */
  private anchorCandidates(offset: number): { key: string; row: number; at: number }[] {
    const candidates: { key: string; row: number; at: number }[] = [];
    if (this.last < this.first) return candidates;
    for (let i = Math.max(this.first, Math.min(this.last, this.rowAt(offset))); i <= this.last; i++) {
      candidates.push({ key: this.extents.keyOf(i), row: i, at: this.contentStart(i) });
    }
    return candidates;
  }
}
