/**
 * Taps and drags on a field's text, by touch or mouse: a tap places the caret where it lands,
 * a second tap soon after and near it selects the word, a third selects everything; a drag
 * along the line selects from where it began; a long press selects the word. A selection made
 * by touch shows the two drag handles (selection-handles.tsx).
 *
 * Only horizontal drags select, so a field inside a vertical scroller lets the scroller have
 * the vertical ones.
 */
import { GESTURE_DEFAULTS, useGestures, type NodeHandle, type Signal } from '@planar/toolkit';

/** Taps closer together than this (logical px) count as one place for double and triple taps. */
const MULTI_TAP_DISTANCE = 24;

export interface TextPointerOptions {
  /** The model offset under a point of the surface (its own coordinates), or null before the text is laid out. */
  offsetAt: (x: number, y: number) => number | null;
  selectCaret: (offset: number) => void;
  selectWord: (offset: number) => void;
  selectAll: () => void;
  /** Extends the selection from `anchor` to `focus`. */
  selectRange: (anchor: number, focus: number) => void;
  /** Whether the selection handles show (set on a touch selection, cleared by a single tap). */
  handles: Signal<boolean>;
  /** Whether the field takes pointer input now (not disabled). */
  enabled: () => boolean;
}

/**
 * Binds taps, multi-taps, long presses and drags on the surface behind `ref` to the selection.
 * @example useTextPointer(surfaceRef, { offsetAt, selectCaret, selectWord, selectAll, selectRange, handles, enabled });
 */
export function useTextPointer(ref: { readonly current: NodeHandle | null }, o: TextPointerOptions): void {
  let last = { count: 0, time: -Infinity, x: 0, y: 0 };
  let anchor: number | null = null;
  useGestures(ref, {
    onTap: (e) => {
      if (!o.enabled()) return;
      const near = Math.hypot(e.x - last.x, e.y - last.y) <= MULTI_TAP_DISTANCE;
      const count = near && e.timestamp - last.time <= GESTURE_DEFAULTS.doubleTapMs ? (last.count % 3) + 1 : 1;
      last = { count, time: e.timestamp, x: e.x, y: e.y };
      const at = o.offsetAt(e.x, e.y);
      if (at === null) return;
      if (count === 1) o.selectCaret(at);
      else if (count === 2) o.selectWord(at);
      else o.selectAll();
      o.handles.value = count > 1 && e.pointerType === 'touch';
    },
    onLongPress: (e) => {
      const at = o.enabled() ? o.offsetAt(e.x, e.y) : null;
      if (at === null) return;
      o.selectWord(at);
      o.handles.value = true;
    },
    onPan: {
      axis: 'x',
      start: (e) => {
        anchor = o.enabled() ? o.offsetAt(e.x - e.offsetX, e.y - e.offsetY) : null;
        const at = o.offsetAt(e.x, e.y);
        if (anchor !== null && at !== null) o.selectRange(anchor, at);
      },
      update: (e) => {
        const at = anchor === null ? null : o.offsetAt(e.x, e.y);
        if (at !== null) o.selectRange(anchor!, at);
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

