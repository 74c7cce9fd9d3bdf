/**
 * A finger drag along one axis, with the rubber band past the edges.
 *
 * The finger and the content part ways at an edge: inside the range the offset follows the
 * finger pixel for pixel, past it the content shows only rubberBand(d) of the finger's d
 * (physics.ts). A drag keeps no memory of how far the finger has gone: the offset is turned
 * back into finger distance with the rubber band's inverse, the move is added there, and the
 * sum is turned into an offset again. So a pull of 300 px gives the same offset whether it
 * came as one move or as fifty, and a finger that catches content mid-bounce picks it up
 * where it is.
 *
 * Without a rubber band ('clamp') the offset stops at the edge. With a parent to hand the
 * rest to ('chain') it stops there too, and the part of the move that would have gone past
 * the edge is returned as `excess` (in offset units: positive past the far edge) for the
 * parent to scroll by. Content that was past an edge (the content shrank under it) is taken
 * from the edge in both.
 */
import { rubberBand, rubberBandDistance } from './physics.js';
import type { ScrollRange } from './fling.js';

/** What a drag does past an edge: stretch, stop, or hand the rest to a parent. */
export type DragEdge = 'rubber' | 'clamp' | 'chain';

/**
 * The offset after the finger moves by `delta` (content follows the finger: the offset goes
 * the other way), and what is left for a parent.
 * @example dragAxis(0, 300, { min: 0, max: 1000 }, 600, 'rubber').offset   // ≈ −129
 */
export function dragAxis(offset: number, delta: number, range: ScrollRange, dim: number, edge: DragEdge): { offset: number; excess: number } {
  const finger = fingerPosition(offset, range, dim, edge === 'rubber');
  const next = finger - delta;
  if (edge === 'rubber') return { offset: offsetAt(next, range, dim), excess: 0 };
  const kept = Math.min(range.max, Math.max(range.min, next));
  return { offset: kept, excess: edge === 'chain' ? next - kept : 0 };
}

/** Where the finger is for an offset: past an edge, the rubber band's inverse of the overscroll. */
function fingerPosition(offset: number, range: ScrollRange, dim: number, rubber: boolean): number {
  // Content thrown further than a viewport past the edge (a hard bounce) is taken as nearly a viewport.
  const stretch = (o: number) => (rubber ? rubberBandDistance(Math.min(o, dim * 0.999), dim) : 0);
  if (offset > range.max) return range.max + stretch(offset - range.max);
  if (offset < range.min) return range.min - stretch(range.min - offset);
  return offset;
}

function offsetAt(finger: number, range: ScrollRange, dim: number): number {
  if (finger > range.max) return range.max + rubberBand(finger - range.max, dim);
  if (finger < range.min) return range.min - rubberBand(range.min - finger, dim);
  return finger;
}
