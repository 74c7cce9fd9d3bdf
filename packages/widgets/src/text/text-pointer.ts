/**
 * Taps and drags on a field's text, by touch or mouse: a tap places the caret where it lands,
 * a second tap soon after and near it selects the word, a third selects everything; a drag
 * along the line selects from where it began; a long press selects the word. A selection made
 * by touch shows the two drag handles (selection-handles.tsx).
 *
 * Only horizontal drags select, so a field inside a vertical scroller lets the scroller have
 * the vertical ones.
 */
import { GESTURE_DEFAULTS, useGestures, type NodeHandle } from '@planar/toolkit';
import type { TextEditing } from './use-text-editing.js';

/** Taps closer together than this (logical px) count as one place for double and triple taps. */
const MULTI_TAP_DISTANCE = 24;

/**
 * Binds taps, multi-taps, long presses and drags on the surface behind `ref` to the field's
 * selection; `offsetAt` is the model offset under a point of the surface (its own
 * coordinates), or null before the text is laid out.
 * @example useTextPointer(surfaceRef, editing, (x, y) => shown.toModel(geometry.positionAt(x, y).index));
 */
export function useTextPointer(ref: { readonly current: NodeHandle | null }, editing: TextEditing, offsetAt: (x: number, y: number) => number | null): void {
  const m = editing.model;
  const enabled = () => !editing.states.disabled();
  const select = (fn: () => void) => {
    fn();
    editing.changed();
  };
  let last = { count: 0, time: -Infinity, x: 0, y: 0 };
  let anchor: number | null = null;
  useGestures(ref, {
    onTap: (e) => {
      if (!enabled()) return;
      const near = Math.hypot(e.x - last.x, e.y - last.y) <= MULTI_TAP_DISTANCE;
      const count = near && e.timestamp - last.time <= GESTURE_DEFAULTS.doubleTapMs ? (last.count % 3) + 1 : 1;
      last = { count, time: e.timestamp, x: e.x, y: e.y };
      const at = offsetAt(e.x, e.y);
      if (at === null) return;
      // A single tap hides the handles; more taps by touch select and show them.
      editing.handles.value = count > 1 && e.pointerType === 'touch';
      select(() => (count === 1 ? m.select(at) : count === 2 ? m.selectWord(at) : m.selectAll()));
    },
    onLongPress: (e) => {
      const at = enabled() ? offsetAt(e.x, e.y) : null;
      if (at === null) return;
      editing.handles.value = true;
      select(() => m.selectWord(at));
    },
    onPan: {
      axis: 'x',
      start: (e) => {
        anchor = enabled() ? offsetAt(e.x - e.offsetX, e.y - e.offsetY) : null;
        const at = offsetAt(e.x, e.y);
        if (anchor !== null && at !== null) select(() => m.select(anchor!, at));
      },
      update: (e) => {
        const at = anchor === null ? null : offsetAt(e.x, e.y);
        if (at !== null) select(() => m.select(anchor!, at));
      },
      end: () => {
        anchor = null;
      },
      cancel: () => {
        anchor = null;
      },
    },
  });
}
