/** The Scroller's extents and frame source, the checks of its options, and what each scrolling key does. */

export type ScrollAxis = 'x' | 'y';

/** The viewport's and the content's sizes, logical px. */
export interface ScrollExtents { viewportWidth: number; viewportHeight: number; contentWidth: number; contentHeight: number }

/** Asks for one frame: `cb` gets the frame's time (ms); returns a function that cancels the request. */
export type FrameSource = (cb: (time: number) => void) => () => void;

/** A line for the arrow keys, px. */
export const SCROLL_LINE = 40;

/** Throws a readable error for an option a Scroller cannot use. */
export function checkOptions(o: { axis?: unknown; overscroll?: unknown; springBackMs?: unknown; frames?: unknown }): void {
  const where = 'new Scroller()';
  if (o === null || typeof o !== 'object') throw new TypeError(`${where}: options must be an object, got ${String(o)}`);
  if (o.axis !== undefined && !['x', 'y', 'both'].includes(o.axis as string)) throw new TypeError(`${where}: axis must be 'x', 'y' or 'both', got ${String(o.axis)}`);
  if (o.overscroll !== undefined && !['bounce', 'clamp'].includes(o.overscroll as string)) {
    throw new TypeError(`${where}: overscroll must be 'bounce' or 'clamp', got ${String(o.overscroll)}`);
  }
  if (o.springBackMs !== undefined && !(typeof o.springBackMs === 'number' && o.springBackMs > 0 && Number.isFinite(o.springBackMs))) {
    throw new RangeError(`${where}: springBackMs must be a positive number of ms, got ${String(o.springBackMs)}`);
  }
  if (o.frames !== undefined && typeof o.frames !== 'function') throw new TypeError(`${where}: frames must be a function (cb) => cancel`);
}

/** Throws a readable error unless every size is a finite number ≥ 0. */
export function checkExtents(e: ScrollExtents): void {
  for (const key of ['viewportWidth', 'viewportHeight', 'contentWidth', 'contentHeight'] as const) {
    const v: unknown = e?.[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`Scroller.setExtents: ${key} must be a finite number ≥ 0, got ${String(v)}`);
  }
}

/** What a key does: the axis, the direction, and a distance or 'end' (Home/End). */
export interface KeyMove { axis: ScrollAxis; direction: number; step: number | 'end' }

/** The move for `key` on a scroller whose main axis is `primary`, or null for a key that does not scroll. */
export function keyMove(key: string, primary: ScrollAxis, page: (axis: ScrollAxis) => number): KeyMove | null {
  const pageStep = Math.max(SCROLL_LINE, page(primary) - SCROLL_LINE);
  switch (key) {
    case 'ArrowUp': return { axis: 'y', direction: -1, step: SCROLL_LINE };
    case 'ArrowDown': return { axis: 'y', direction: 1, step: SCROLL_LINE };
    case 'ArrowLeft': return { axis: 'x', direction: -1, step: SCROLL_LINE };
    case 'ArrowRight': return { axis: 'x', direction: 1, step: SCROLL_LINE };
    case 'PageUp': return { axis: primary, direction: -1, step: pageStep };
    case 'PageDown': return { axis: primary, direction: 1, step: pageStep };
    case 'Home': return { axis: primary, direction: -1, step: 'end' };
    case 'End': return { axis: primary, direction: 1, step: 'end' };
    default: return null;
  }
}
