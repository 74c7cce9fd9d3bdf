/**
 * A fling inside a range with edges: what happens after release when snapping is not asked.
 *
 * 1. Released inside the range, the content runs on friction (physics.ts). If its natural
 *    stop x0 + v0/k lies inside, that is all.
 * 2. Otherwise it reaches the edge e it is heading for at the time FrictionSimulation.timeTo(e)
 *    gives in closed form, with the velocity v(tc) it has there, and then:
 *      - 'bounce': a spring that starts at the edge with that velocity and rests on the edge
 *        (it runs past the edge, turns and settles, within the settle time);
 *      - 'clamp': it stops at the edge;
 *      - 'chain': it stops at the edge and the simulation carries a `handoff` — the time and
 *        velocity at the crossing — for a parent scroller to carry on from that instant.
 *    The whole motion is one curve of t: friction before tc, the edge's motion after.
 * 3. Released past an edge (overscrolled), it springs back to that edge with its release
 *    velocity, unless it was thrown back inwards hard enough that friction alone carries it
 *    over the edge: then it is a fling from where it is, as in 1 and 2, towards the far edge.
 *
 *        overscroll │ range [min, max]                          │ overscroll
 *     ── spring ───▶│──── friction ──────▶ stop                  │
 *                   │──── friction ──────────────────────────▶ e │── bounce / clamp / hand off
 */
import { FrictionSimulation, SequenceSimulation, SpringSimulation, StillSimulation, type Simulation } from './physics.js';

/** What a fling does at an edge. */
export type EdgeMode = 'bounce' | 'clamp' | 'chain';

/** The offsets a scroller may rest at; ±Infinity for no edge. */
export interface ScrollRange { readonly min: number; readonly max: number }

/**
 * The motion after a release at `x0` with velocity `v0` (px/s) in `range`.
 * @example flingSimulation(0, 2000, { min: 0, max: 500 }, 'bounce', 400).end   // 500, after a bounce
 */
export function flingSimulation(x0: number, v0: number, range: ScrollRange, mode: EdgeMode, settleMs: number): Simulation {
  const friction = new FrictionSimulation(x0, v0);
  if (x0 > range.max) {
    return v0 < 0 && friction.end < range.max ? towardsEdge(friction, range, mode, settleMs) : settleAt(x0, range.max, v0, settleMs);
  }
  if (x0 < range.min) {
    return v0 > 0 && friction.end > range.min ? towardsEdge(friction, range, mode, settleMs) : settleAt(x0, range.min, v0, settleMs);
  }
  return towardsEdge(friction, range, mode, settleMs);
}

/** A spring from `x0` back to `edge` (in 'clamp' mode too: content that is past an edge must come back). */
function settleAt(x0: number, edge: number, v0: number, settleMs: number): Simulation {
  return new SpringSimulation(x0, edge, v0, settleMs);
}

/** Friction, and what happens at the edge it is heading for if it gets there. */
function towardsEdge(friction: FrictionSimulation, range: ScrollRange, mode: EdgeMode, settleMs: number): Simulation {
  const edge = friction.v0 > 0 ? range.max : range.min;
  if (!Number.isFinite(edge)) return friction;
  const crossing = friction.timeTo(edge);
  if (!Number.isFinite(crossing)) return friction;
  const velocity = friction.velocity(crossing);
  if (mode === 'bounce') return new SequenceSimulation(friction, crossing, new SpringSimulation(edge, edge, velocity, settleMs));
  const still = new StillSimulation(edge);
  return new SequenceSimulation(friction, crossing, still, mode === 'chain' ? { time: crossing, velocity } : undefined);
}
