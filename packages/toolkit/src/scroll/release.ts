/**
 * The motion after a release: which simulation a scroller runs when the finger lifts (or
 * `fling` is called) at offset `at` with offset velocity `v`.
 *
 * 1. No snapping: a fling (fling.ts), which also springs content back from past an edge.
 *    Released at rest inside the range, nothing moves.
 * 2. Snapping: the target comes from where the release would naturally stop (snap.ts),
 *    measured from the offset clamped into the range (a pager let go in its overscroll
 *    still picks a page). A fling that would run past the edge it snaps to is a plain fling,
 *    which bounces there and rests on that edge; anything else runs the snap motion, which
 *    rests exactly on the target.
 */
import { FRICTION, type Simulation } from './physics.js';
import { flingSimulation, type EdgeMode, type ScrollRange } from './fling.js';
import { snapSimulation, snapTarget, type SnapContext, type SnapSpec } from './snap.js';

/** A planned motion: its simulation, what kind it is, and where it means to rest. */
export interface ReleaseMotion { sim: Simulation; kind: 'fling' | 'snap'; target: number }

export interface ReleaseSetup {
  range: ScrollRange;
  /** What a fling does at an edge. */
  mode: EdgeMode;
  snap: SnapSpec | undefined;
  /** The axis and its page size, for the snap. */
  context: SnapContext;
  settleMs: number;
}

/**
 * The motion for a release at `at` with offset velocity `v` (px/s), or null when nothing moves.
 * @example releaseMotion(0, 2000, setup)?.sim.end   // 800 with no edge or snap in the way
 */
export function releaseMotion(at: number, v: number, setup: ReleaseSetup): ReleaseMotion | null {
  const { range, mode, snap, settleMs } = setup;
  const inside = Math.min(range.max, Math.max(range.min, at));
  const fling = (): ReleaseMotion => ({ sim: flingSimulation(at, v, range, mode, settleMs), kind: 'fling', target: inside });
  if (snap === undefined) return v !== 0 || inside !== at ? fling() : null;
  const target = snapTarget(snap, inside, v, setup.context);
  const natural = at + v / FRICTION;
  if (inside === at && ((target === range.max && natural > range.max) || (target === range.min && natural < range.min))) return fling();
  if (target === at && v === 0) return null;
  return { sim: snapSimulation(at, v, target, settleMs), kind: 'snap', target };
}
