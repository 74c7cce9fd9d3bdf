/**
 * Scroll input: the binding of a Scroller to the pointer, wheel and key events of the box it
 * scrolls (a ScrollView's viewport, a Pager, the Tabs' panels), and the chain of scrollers
 * a scrolling box sits in.
 *
 * 1. Drag. A pan along the scroller's axis (past touch slop, so a tap still presses) wins the
 *    pointer: it takes it over, so a press that began on a button underneath is cancelled,
 *    and the finger's movement goes to `dragBy`. At the lift, the pan's release velocity
 *    (fitted from the events' timestamps) goes to `dragEnd`, or to the owner's `release`.
 *    Only movement along the scroller's axes is passed on: a vertical list in a horizontal
 *    pager does not creep sideways, and the pager's own pan takes horizontal drags.
 * 2. Catch. A pointer that goes down while the scroller moves (a fling, a spring back, an
 *    animated scroll) is claimed at once, in the capture phase, before anything inside sees
 *    it: the motion stops where it is (the finger holds the content) and nothing underneath
 *    is pressed. If the finger lifts without dragging, the content is released at rest (it
 *    snaps, or springs back from past an edge).
 * 3. Wheel. A wheel's deltas scroll at once; what goes past an edge the Scroller hands to its
 *    parent itself, so the event goes no further.
 * 4. Keys, as in a browser or Android's scroll view. With the scrolling box itself focused,
 *    the arrows, PageUp / PageDown and Home / End scroll, and an encoder's turns in edit mode
 *    scroll by a line; a key that scrolled is consumed (its default, moving focus, is
 *    prevented), and at the end of the content it is not, so focus moves on. With a node
 *    inside focused, PageUp / PageDown / Home / End scroll unless that node used them; an
 *    arrow first does its default, moving focus to the nearest node that way (which then
 *    brings itself into view), and scrolls by a line only if focus did not move. A key goes
 *    to the innermost scroller around the focused node, then outwards to the first that can
 *    scroll that way.
 */
import {
  createContext, useGestures, type KeyEvent, type NodeHandle, type PointerEvent, type Scroller, type WheelEvent,
} from '@planar/toolkit';

export type ScrollAxis = 'x' | 'y' | 'both';

/** The scrollers around a node, innermost first: a scrolling box provides its own to what it holds. */
export interface ScrollChain {
  readonly scroller: Scroller;
  readonly outer: ScrollChain | null;
}

/** The chain of scrollers a box is in; a nested scroller takes the first one as its `parent`. */
export const ScrollChainContext = createContext<ScrollChain | null>(null, 'ScrollChain');

export interface ScrollInputOptions {
  /** The axes a drag and the keys move. */
  axis: ScrollAxis;
  /** The scrollers around this one (for keys that this one cannot take). */
  outer: ScrollChain | null;
  /** The finger lifted, moving at (vx, vy) px/s along the axes; default `scroller.dragEnd`. */
  release?: (vx: number, vy: number) => void;
  /** Whether input is ignored now (a disabled box). */
  disabled?: () => boolean;
  /**
   * Whether the box reads right to left now: a horizontal scroller's start is then at the
   * right, so Home / End, PageUp / PageDown and an encoder's turns go the other way round.
   */
  rtl?: () => boolean;
}

/** Handler props for the scrolling box. */
export interface ScrollInputProps {
  onPointerDownCapture: (e: PointerEvent) => void;
  onPointerUp: (e: PointerEvent) => void;
  onPointerCancel: (e: PointerEvent) => void;
  onWheel: (e: WheelEvent) => void;
  onKeyDown: (e: KeyEvent) => void;
}

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']);
const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** Keys that name the start or the end of a horizontal scroller, for one that starts at the right. */
const MIRRORED_KEYS: Record<string, string> = { Home: 'End', End: 'Home', PageUp: 'PageDown', PageDown: 'PageUp' };

/**
 * The key event a scroller took last, by the node it went to and its time: each scrolling box
 * on the path sees its own event object, and only the innermost one acts.
 */
let lastClaim: { target: NodeHandle; timestamp: number; key: string } | null = null;

function claim(e: KeyEvent): boolean {
  if (lastClaim && lastClaim.target === e.target && lastClaim.timestamp === e.timestamp && lastClaim.key === e.key) return false;
  const taken = lastClaim = { target: e.target, timestamp: e.timestamp, key: e.key };
  // The event is dispatched synchronously: once it is over, forget it (and its node).
  queueMicrotask(() => {
    if (lastClaim === taken) lastClaim = null;
  });
  return true;
}

/**
 * Runs `fn` once the frame that is being rendered is done: a ScrollLayer reports its metrics
 * inside the frame, and changes made there would not ask for another frame.
 */
export function deferred(fn: () => void): void {
  queueMicrotask(fn);
}

/** Scrolls for `key` with the first scroller of the chain that can; true when one did. */
export function scrollKey(chain: ScrollChain | null, key: string): boolean {
  for (let link = chain; link; link = link.outer) if (link.scroller.key(key)) return true;
  return false;
}

/**
 * Binds `scroller` to the box behind `ref`: drags, catching, the wheel and keys (see above).
 * Spread the returned props on that box.
 * @example
 * const input = useScrollInput(ref, scroller, { axis: 'y', outer: useContext(ScrollChainContext) });
 * <ScrollLayer ref={ref} {...input} offset={…}>…</ScrollLayer>
 */
export function useScrollInput(ref: { readonly current: NodeHandle | null }, scroller: Scroller, options: ScrollInputOptions): ScrollInputProps {
  const { axis } = options;
  const alongX = axis !== 'y', alongY = axis !== 'x';
  const release = options.release ?? ((vx, vy) => scroller.dragEnd(vx, vy));
  const disabled = options.disabled ?? (() => false);
  /** The pointer caught while the content moved, until it lifts. */
  let caught: number | null = null;
  let panning = false;

  useGestures(ref, {
    onPan: {
      axis: axis === 'both' ? undefined : axis,
      start: (e) => {
        if (disabled()) return;
        panning = true;
        scroller.dragStart();
        scroller.dragBy(alongX ? e.dx : 0, alongY ? e.dy : 0);
      },
      update: (e) => {
        if (panning) scroller.dragBy(alongX ? e.dx : 0, alongY ? e.dy : 0);
      },
      end: (e) => {
        if (!panning) return;
        // The lift is a sample too: its movement lands before the release.
        scroller.dragBy(alongX ? e.dx : 0, alongY ? e.dy : 0);
        panning = false;
        release(alongX ? e.velocityX : 0, alongY ? e.velocityY : 0);
      },
      cancel: () => {
        if (!panning) return;
        panning = false;
        release(0, 0);
      },
    },
  });

  const lifted = (e: PointerEvent) => {
    if (caught !== e.pointerId) return;
    caught = null;
    // A drag that followed the catch releases on its own (the pan's end runs after this).
    if (!panning) release(0, 0);
  };

  return {
    onPointerDownCapture: (e) => {
      if (disabled() || !scroller.moving.peek() || e.capturedBy) return;
      e.capture();
      caught = e.pointerId;
      scroller.dragStart();
    },
    onPointerUp: lifted,
    onPointerCancel: lifted,
    onWheel: (e) => {
      if (disabled()) return;
      e.stopPropagation();
      scroller.wheel(alongX ? e.deltaX : 0, alongY ? e.deltaY : 0);
    },
    onKeyDown: (e) => {
      if (disabled() || e.defaultPrevented) return;
      const self = e.target === e.currentTarget;
      let key = e.key;
      const mirrored = axis === 'x' && !!options.rtl?.();
      if (self && (key === 'EncoderCW' || key === 'EncoderCCW')) {
        const forward = (key === 'EncoderCW') !== mirrored;
        key = alongY ? (forward ? 'ArrowDown' : 'ArrowUp') : (forward ? 'ArrowRight' : 'ArrowLeft');
      }
      if (!SCROLL_KEYS.has(key) || e.ctrl || e.alt || e.meta || !claim(e)) return;
      // This scroller reads the key its way round; the ones around it, as it was pressed.
      const scrolled = (k: string) => scroller.key(mirrored ? MIRRORED_KEYS[k] ?? k : k) || scrollKey(options.outer, k);
      if (self || !ARROWS.has(key)) {
        if (scrolled(key)) e.preventDefault();
        return;
      }
      // An arrow on a node inside: focus moves first, if it can (the default runs after this event).
      const target = e.target;
      queueMicrotask(() => {
        if (!e.defaultPrevented && target.focused) scrolled(key);
      });
    },
  };
}
