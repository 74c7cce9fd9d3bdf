/**
 * Horizontal scrolling in a right-to-left layout starts at the right, as Flutter's (an
 * `AxisDirection.left` viewport) and Android's (HorizontalScrollView, RecyclerView) do: the
 * content is laid out from the right, the first thing shown is its right end, and a swipe to
 * the right reveals what comes next.
 *
 * The Scroller keeps plain left-to-right offsets (0: the content's left edge in view), which
 * the scrollbar, the compositor's crop and `reveal` all use as they are. What changes in rtl:
 *   1. The first extents put the offset at its maximum: the right end in view.
 *   2. When the content or the viewport changes width, the offset moves by as much as the
 *      maximum did (with any fling: `Scroller.shift`), so what is in view stays, measured from
 *      the right edge. Content added at the end grows to the left, out of view.
 *   3. When the direction flips, the position is mirrored: the same distance from the start.
 */
import { effect, untracked, type Direction, type ReadonlySignal, type ScrollExtents, type Scroller } from '@planar/toolkit';

/**
 * Sets `scroller`'s extents through the returned function, keeping the view anchored at the
 * start edge (the right one in rtl) as described above; the returned dispose ends the flip watch.
 */
export function anchorAtStart(scroller: Scroller, direction: ReadonlySignal<Direction>): { setExtents(e: ScrollExtents): void; dispose(): void } {
  /** The horizontal maximum of the last extents; null before the first. */
  let max: number | null = null;
  let shown = direction.peek();
  const dispose = effect(() => {
    const now = direction.value;
    untracked(() => {
      if (now !== shown && max !== null) scroller.scrollTo(max - scroller.x.peek(), scroller.y.peek(), { animate: false });
      shown = now;
    });
  });
  return {
    setExtents(e) {
      const next = Math.max(0, e.contentWidth - e.viewportWidth);
      const rtl = direction.peek() === 'rtl';
      if (rtl && max !== null && next !== max) scroller.shift(next - max, 0);
      scroller.setExtents(e);
      if (rtl && max === null) scroller.scrollTo(next, scroller.y.peek(), { animate: false });
      max = next;
    },
    dispose,
  };
}
