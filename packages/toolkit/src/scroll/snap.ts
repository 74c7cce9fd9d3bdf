/**
 * Snapping: where a released scroller should rest, and a motion that rests exactly there.
 *
 * 1. The target. From the release at `from` with velocity v, the natural stop is
 *    from + v/k (physics.ts). An interval or a list of points picks the snap point nearest
 *    that stop; the range's edges count as snap points too, so the end of a list whose
 *    length is not a multiple of its rows is reachable. Pages are the viewport's size: a
 *    release faster than PAGE_FLING_VELOCITY goes to the next page in its direction (one
 *    page, however hard the fling), a slower one to the page nearest where it was let go. A
 *    function gets the natural stop, the velocity and the axis, and says. The target is
 *    clamped to the range.
 * 2. The motion. With D = target − from:
 *    - released towards the target fast enough to reach it (|v| ≥ k·|D|), friction keeps the
 *      release velocity and brakes harder, k' = |v / D| (at most SNAP_MAX_FRICTION), so that
 *      its stop, from + v'/k', is the target;
 *    - released towards it too slowly, or nearly at rest, friction at the usual k with the
 *      velocity raised to k·D, which stops on the target;
 *    - when that velocity would be tiny (under SNAP_MIN_VELOCITY: a few pixels to go) or the
 *      release goes the other way, a spring from the release velocity onto the target,
 *      which turns round smoothly instead of reversing at once.
 *    Each lands on the target exactly: its last frame shows the target itself.
 */
import { FRICTION, FrictionSimulation, SpringSimulation, type Simulation } from './physics.js';
import type { ScrollRange } from './fling.js';

/** Where a scroller may rest: every `interval` px, at given offsets, on whole viewports, or where a function says. */
export type SnapSpec =
  | { interval: number }
  | { points: readonly number[] }
  | 'page'
  | ((naturalStop: number, velocity: number, axis: 'x' | 'y') => number);

/** A release faster than this (px/s) turns to the next page in its direction. */
export const PAGE_FLING_VELOCITY = 400;
/** The hardest braking a snap uses to stop a fast fling on a near target, 1/s. */
export const SNAP_MAX_FRICTION = 20;
/** Below this velocity (px/s) a snap springs onto its target instead of gliding. */
export const SNAP_MIN_VELOCITY = 100;

/** The axis, its range and its viewport size (a page). */
export interface SnapContext { readonly axis: 'x' | 'y'; readonly range: ScrollRange; readonly page: number }

/** Throws a readable error unless `spec` is a snap spec. */
export function checkSnapSpec(spec: unknown, where: string): asserts spec is SnapSpec {
  if (spec === 'page' || typeof spec === 'function') return;
  if (spec && typeof spec === 'object') {
    const s = spec as { interval?: unknown; points?: unknown };
    if ('interval' in s && typeof s.interval === 'number' && s.interval > 0 && Number.isFinite(s.interval)) return;
    if ('points' in s && Array.isArray(s.points) && s.points.length > 0 && s.points.every((p) => typeof p === 'number' && Number.isFinite(p))) return;
  }
  throw new TypeError(`${where}: snap must be { interval: n } with n > 0, { points: [...] } with finite numbers, 'page' or a function; got ${describe(spec)}`);
}

/**
 * Where a release at `from` with velocity `v` (px/s) should rest.
 * @example snapTarget({ interval: 100 }, 0, 300, ctx)   // natural stop 120 → 100
 */
export function snapTarget(spec: SnapSpec, from: number, v: number, ctx: SnapContext): number {
  const stop = from + v / FRICTION;
  if (typeof spec === 'function') return clamp(checked(spec(stop, v, ctx.axis)), ctx.range);
  if (spec === 'page' && Math.abs(v) > PAGE_FLING_VELOCITY) return nextSnap(spec, from, Math.sign(v), ctx);
  return nearestSnap(spec, spec === 'page' ? from : stop, ctx);
}

/**
 * The snap point a key press moves to: the nearest to `from + direction·step`, or failing
 * that (it would not move) the next one in `direction`.
 */
export function snapStep(spec: SnapSpec, from: number, direction: number, step: number, ctx: SnapContext): number {
  const aim = from + direction * step;
  const near = typeof spec === 'function' ? clamp(checked(spec(aim, 0, ctx.axis)), ctx.range) : nearestSnap(spec, aim, ctx);
  if ((near - from) * direction > 0.5 || typeof spec === 'function') return near;
  return nextSnap(spec, from, direction, ctx);
}

/**
 * A motion from `from` at `v0` px/s that rests exactly on `target`.
 * @example snapSimulation(40, 3000, 300, 400).end   // 300
 */
export function snapSimulation(from: number, v0: number, target: number, settleMs: number): Simulation {
  const d = target - from;
  if (d * v0 > 0 && Math.abs(v0) >= Math.abs(d) * FRICTION) {
    const k = Math.min(Math.abs(v0 / d), SNAP_MAX_FRICTION);
    return landing(new FrictionSimulation(from, d * k, k), target);
  }
  const raised = Math.abs(d) * FRICTION;
  if (raised >= SNAP_MIN_VELOCITY && (d * v0 >= 0 || Math.abs(v0) < SNAP_MIN_VELOCITY)) {
    return landing(new FrictionSimulation(from, d * FRICTION), target);
  }
  return new SpringSimulation(from, target, v0, settleMs);
}

type FixedSnap = Exclude<SnapSpec, (...args: never[]) => number>;

/** The snap points around `x`: the nearest multiple (interval, page) or the given points, with the range's edges. */
function candidates(spec: FixedSnap, x: number, ctx: SnapContext): number[] {
  const edges = [ctx.range.min, ctx.range.max].filter(Number.isFinite);
  const step = spec === 'page' ? ctx.page : 'interval' in spec ? spec.interval : 0;
  if (step > 0) return [Math.floor(x / step) * step, Math.ceil(x / step) * step, ...edges];
  if (spec !== 'page' && 'points' in spec) return [...spec.points, ...edges];
  return [x];
}

function nearestSnap(spec: FixedSnap, x: number, ctx: SnapContext): number {
  let best = x, distance = Infinity;
  for (const c of candidates(spec, x, ctx)) {
    const clamped = clamp(c, ctx.range);
    if (Math.abs(clamped - x) < distance) [best, distance] = [clamped, Math.abs(clamped - x)];
  }
  return best;
}

/** The first snap point more than half a pixel beyond `from` in `direction` (or the edge it meets). */
function nextSnap(spec: FixedSnap, from: number, direction: number, ctx: SnapContext): number {
  const step = spec === 'page' ? ctx.page : 'interval' in spec ? spec.interval : 0;
  const ahead = step > 0
    ? [(direction > 0 ? Math.floor(from / step + 1e-6) + 1 : Math.ceil(from / step - 1e-6) - 1) * step]
    : spec !== 'page' && 'points' in spec ? spec.points.filter((p) => (p - from) * direction > 0.5) : [];
  const edge = direction > 0 ? ctx.range.max : ctx.range.min;
  if (Number.isFinite(edge) && (edge - from) * direction > 0.5) ahead.push(edge);
  if (ahead.length === 0) return clamp(from, ctx.range);
  const next = direction > 0 ? Math.min(...ahead) : Math.max(...ahead);
  return clamp(next, ctx.range);
}

/** A simulation that reports `end` as its rest point exactly (friction's own end can be off by rounding). */
function landing(sim: Simulation, end: number): Simulation {
  return { end, position: (t) => sim.position(t), velocity: (t) => sim.velocity(t), isDone: (t) => sim.isDone(t) };
}

function clamp(x: number, range: ScrollRange): number {
  return Math.min(range.max, Math.max(range.min, x));
}

function checked(x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new TypeError(`Scroller: the snap function returned ${describe(x)}; it must return a finite offset`);
  return x;
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? JSON.stringify(value) : String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
