/**
 * useListWindow: a virtual list's behaviour apart from its looks — which rows are mounted, the
 * spacers around them, measuring rows, keeping rows still (list-layout.ts), and scrolling to
 * an item.
 *
 * 1. Mounting. Whenever the offset moves (the scroller's `onScroll`, synchronously, so rows
 *    exist in the frame that shows them), the scroll layer reports new metrics, the items
 *    change or rows are measured, `refresh` mounts the rows of `mountSpan` and sets the spacers.
 * 2. Measuring. Each row is a slot around the app's row; the slot's inner box is read through
 *    its handle (`handle.box()`, output px, turned back into logical px with the viewport's
 *    scale and rotation) at the start of the frame after the one that laid it out — a frame
 *    callback, so the layout read is the one on screen. A box with no width has not been laid
 *    out yet: it is read again next frame. Every mounted row is read in that pass (rows whose
 *    content changed height are caught too), and a row is read once more as it leaves.
 *    A slot that took another row (a recycling list, row-pool.ts) still has the old row's box
 *    until the next layout, which may come after a pass in the same frame: its row is read
 *    from the second pass after the change on, when a layout surely came between.
 * 3. Settling. The layout's drift (rows kept still while rows above them were measured or
 *    inserted) is turned into an offset change when the scroller is not gliding, or at once
 *    when the layout must (list-layout.ts): the content and the offset move together, and a
 *    motion under way is shifted with the offset (`Scroller.shift`), so a fling glides on.
 * 4. Items. When they change the layout takes the new rows (anchored, list-layout.ts); only
 *    the rows mounted are made (list-rows.ts), so this costs the rows near the viewport and
 *    typed-array work over the rest, however many items there are.
 * 5. scrollToIndex aims at the row's position as known, and aims again after each measuring
 *    pass until the scroller rests there with every mounted row measured; a drag cancels it.
 */
import {
  batch, computed, effect, getOwner, onCleanup, requestFrame, runWithOwner, signal, untracked, useViewport,
  type NodeHandle, type ReadonlySignal, type Scroller, type ScrollMetrics, type Signal, type Viewport,
} from '@planar/toolkit';
import { ListLayout, mountSpan } from './list-layout.js';
import { headerBefore, type ListRow, type ListRows } from './list-rows.js';
import { findRow } from './row-search.js';
import type { ScrollToIndexOptions } from './virtual-list-controller.js';

/** Measuring passes in a row that may find a mounted row not yet laid out before it stops asking for frames. */
const LAYOUT_WAIT_FRAMES = 3;

export interface ListWindowOptions<T> {
  rows: ReadonlySignal<ListRows<T>>;
  scroller: Scroller;
  /** Whether a pinned section header covers the viewport's top (scrollToIndex lands below it). */
  stickyHeaders: boolean;
}

export interface MountedRow {
  /** True while the row keeps its estimated height and grows up (list-layout.ts). */
  readonly growsUp: ReadonlySignal<boolean>;
  readonly estimate: number;
}

export interface ListWindow<T> {
  readonly layout: ListLayout;
  /** The mounted rows, in order. */
  readonly slice: ReadonlySignal<readonly ListRow<T>[]>;
  readonly spacers: ReadonlySignal<{ top: number; bottom: number }>;
  /** Bumped whenever rows move in the content. */
  readonly version: ReadonlySignal<number>;
  /** The index of the item at the viewport's top, -1 when none. */
  readonly firstVisibleItem: ReadonlySignal<number>;
  onMetrics(m: ScrollMetrics): void;
  /**
   * A row's slot tells the window its inner box (call while the slot's component runs), and
   * the row it holds (a recycling slot's changes; none while `idle`).
   */
  register(row: ReadonlySignal<ListRow<T>>, idle: ReadonlySignal<boolean> | undefined, inner: { readonly current: NodeHandle | null }): MountedRow;
  scrollToIndex(itemIndex: number, options: ScrollToIndexOptions): void;
}

interface RowState {
  inner: { readonly current: NodeHandle | null };
  growsUp: Signal<boolean>;
  /** The key of the row the slot holds; null while it holds none. */
  key: string | null;
  /** The slot took this row from another: its box is the old row's until a pass has gone by (see 2 above). */
  rebound: boolean;
}
interface Target { key: string; row: number; align: NonNullable<ScrollToIndexOptions['align']>; animate: boolean; offset: number | null }

export function useListWindow<T>(o: ListWindowOptions<T>): ListWindow<T> {
  const owner = getOwner();
  const { scroller } = o;
  const viewport = useViewport();
  const layout = new ListLayout();
  const metrics = signal<ScrollMetrics | null>(null);
  const slice = signal<readonly ListRow<T>[]>([]);
  const spacers = signal({ top: 0, bottom: 0 });
  const version = signal(0);
  const states = new Map<string, RowState>();
  let built = untracked(() => o.rows.value);
  let target: Target | null = null;
  let cancelPass: (() => void) | null = null;
  let waited = 0;

  /** Reads row `index`'s height from its slot; false when it cannot be read yet. A pass (`passing`) counts rows rebound. */
  const measureRow = (index: number, passing: boolean): boolean => {
    const key = layout.extents.keyOf(index);
    const state = states.get(key);
    if (state?.rebound) {
      if (passing) state.rebound = false;
      return false;
    }
    const handle = state?.inner.current;
    const height = handle ? logicalHeight(handle, viewport.peek()) : null;
    if (height === null) return false;
    const grew = layout.growsUp(key);
    layout.measure(index, height);
    if (grew) states.get(key)!.growsUp.value = false;
    return true;
  };

  const refresh = () => batch(() => {
    const m = metrics.peek(), y = scroller.y.peek();
    const length = m ? m.viewportHeight : viewport.peek().height;
    const { first, last } = layout.rangeFor(mountSpan(y, length, m ? { start: m.windowStart, end: m.windowEnd } : null));
    if (first !== layout.first || last !== layout.last) {
      // Rows about to leave are read once more: what they took on screen goes to the spacer.
      for (let i = layout.first; i <= layout.last; i++) if (i < first || i > last) measureRow(i, false);
      layout.mount(first, last, Math.max(0, layout.rowAt(y)));
      slice.value = built.slice(first, last);
      if (layout.measuring) schedulePass();
    }
    const next = layout.spacers();
    if (next.top !== spacers.peek().top || next.bottom !== spacers.peek().bottom) spacers.value = next;
    version.value++;
    settle();
  });

  /** Turns the drift into an offset change, when the scroller is not gliding or the layout must. */
  const settle = () => {
    if (layout.drift === 0 || (scroller.moving.peek() && !layout.mustResolve())) return;
    const shift = layout.resolve();
    spacers.value = layout.spacers();
    // The offset and any motion move with the content, then the range follows it (the metrics say so only after the frame).
    scroller.shift(0, shift);
    const m = metrics.peek();
    if (m) scroller.setExtents({ viewportWidth: m.viewportWidth, viewportHeight: m.viewportHeight, contentWidth: m.contentWidth, contentHeight: layout.contentLength });
  };

  const schedulePass = () => {
    cancelPass ??= runWithOwner(owner, () => requestFrame(pass));
  };

  /** At a frame's start: read every mounted row's laid-out height (see 2 above). */
  const pass = () => {
    cancelPass = null;
    let waiting = false;
    batch(() => {
      for (let i = layout.first; i <= layout.last; i++) {
        if (!measureRow(i, true) && layout.isUnmeasured(layout.extents.keyOf(i))) waiting = true;
      }
      refresh();
      aim(false);
    });
    waited = waiting ? waited + 1 : 0;
    if (waiting && waited < LAYOUT_WAIT_FRAMES) schedulePass();
  };

  const offsetFor = (row: number, align: Target['align'], m: ScrollMetrics): number => {
    const top = layout.contentStart(row), h = layout.extents.heightOf(row), v = m.viewportHeight, y = scroller.y.peek();
    const header = o.stickyHeaders && built.row(row).kind === 'item' ? headerBefore(built.headers, row) : -1;
    const start = top - (header >= 0 ? layout.extents.heightOf(header) : 0);
    const wanted = align === 'start' ? start
      : align === 'center' ? top + h / 2 - v / 2
      : align === 'end' ? top + h - v
      : start < y ? start : top + h > y + v ? top + h - v : y;
    return Math.max(0, Math.min(wanted, layout.contentLength - v));
  };

  /** Scrolls towards the target as now known; done once it rests there with every mounted row measured. */
  const aim = (fresh: boolean) => {
    const m = metrics.peek();
    if (!target || !m) return;
    if (target.row >= built.count || built.peekKey(target.row) !== target.key) target.row = findRow(built, target.key, target.row);
    if (target.row < 0) {
      target = null;
      return;
    }
    const wanted = offsetFor(target.row, target.align, m);
    if (fresh || target.offset === null || Math.abs(wanted - target.offset) > 0.5) {
      // A first aim, or one while gliding there, glides (unless reduced motion); a correction at rest jumps.
      const glide = target.animate && (fresh || target.offset === null || scroller.moving.peek());
      target.offset = wanted;
      scroller.scrollTo(scroller.x.peek(), wanted, glide ? {} : { animate: false });
    }
    if (!scroller.moving.peek() && !layout.measuring) target = null;
  };

  onCleanup(scroller.onScroll(() => refresh()));
  onCleanup(effect(() => {
    const next = o.rows.value;
    untracked(() => {
      built = next;
      layout.setRows(next, scroller.y.peek());
      refresh();
    });
  }));
  onCleanup(effect(() => {
    if (scroller.dragging.value) target = null;
    else if (!scroller.moving.value) untracked(() => { settle(); aim(false); });
  }));
  onCleanup(() => cancelPass?.());

  return {
    layout, slice, spacers, version,
    firstVisibleItem: computed(() => {
      void version.value;
      const row = layout.rowAt(scroller.y.value);
      if (row < 0) return -1;
      const r = built.row(row);
      return r.kind === 'item' ? r.itemIndex : r.firstItem < built.itemCount ? r.firstItem : -1;
    }),
    onMetrics(m) {
      const grew = metrics.peek() !== null && Math.abs(m.contentHeight - layout.contentLength) > 0.5;
      metrics.value = m;
      refresh();
      // The content is not as tall as the rows were counted: a row changed height.
      if (grew) schedulePass();
      aim(false);
    },
    register(row, idle, inner) {
      const state: RowState = { inner, growsUp: signal(false), key: null, rebound: false };
      const release = () => {
        if (state.key !== null && states.get(state.key) === state) states.delete(state.key);
      };
      let held = false;
      onCleanup(effect(() => {
        const key = idle?.value ? null : row.value.key;
        if (key === state.key) return;
        untracked(() => {
          release();
          state.key = key;
          if (key === null) return;
          states.set(key, state);
          state.rebound = held;
          state.growsUp.value = layout.growsUp(key);
          held = true;
          schedulePass();
        });
      }));
      onCleanup(release);
      return { growsUp: state.growsUp, estimate: built.estimateOf(row.peek()) };
    },
    scrollToIndex(itemIndex, options) {
      const count = built.itemCount;
      if (!(itemIndex >= 0 && itemIndex < count)) {
        throw new RangeError(`VirtualList.scrollToIndex: index ${itemIndex} is outside the list (${count === 0 ? 'it is empty' : `0..${count - 1}`})`);
      }
      const row = built.rowOfItem(itemIndex);
      target = { key: built.keyOf(row), row, align: options.align ?? 'start', animate: options.animate !== false, offset: null };
      aim(true);
    },
  };
}

/** The laid-out height of the box behind `handle` in logical px, or null when it was not laid out yet. */
function logicalHeight(handle: NodeHandle, v: Viewport): number | null {
  const box = handle.box();
  const turned = v.rotation === 90 || v.rotation === 270;
  const width = (turned ? box.height : box.width) / v.scale;
  if (!(width > 0)) return null;
  return (turned ? box.width : box.height) / v.scale;
}
