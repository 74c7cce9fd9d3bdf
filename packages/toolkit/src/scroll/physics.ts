/**
 * Scroll physics: the motions a scroller runs after the finger lifts, each in closed form.
 *
 * Every simulation answers three questions for a time t (seconds since it started):
 * `position(t)`, `velocity(t)` and `isDone(t)`, and knows where it comes to rest (`end`).
 * Nothing is integrated step by step, so the answer for a time is the same whether it is
 * asked at 30, 60 or 144 frames a second, or at uneven frame times: frames only choose
 * which instants of one fixed curve are shown. The fling's stop point is a formula of the
 * release, not a sum over frames.
 *
 * 1. Friction (a fling). The speed decays exponentially, v(t) = v0·e^(−k·t), so
 *
 *        x(t) = x0 + (v0 / k)·(1 − e^(−k·t))        end = x0 + v0 / k
 *
 *    With k = FRICTION = 2.5 /s a 2,000 px/s fling travels 800 px (500 px/s: 200 px,
 *    6,000 px/s: 2,400 px), between Android's and iOS's feel. What is left to travel at t
 *    is |v(t)| / k, so the fling is done once that is under REST_DISTANCE (0.5 px), i.e. at
 *    t = ln(|v0| / (k·0.5)) / k; the last frame then shows `end` exactly. The time at which
 *    it passes a position x solves the same formula backwards:
 *
 *        t(x) = −ln(1 − (x − x0)·k / v0) / k        (only if x lies between x0 and end)
 *
 * 2. Spring (settling onto a rest point). A critically damped spring, the fastest one that
 *    never oscillates, towards `to` from a displacement A = from − to with speed v0:
 *
 *        x(t) = to + (A + B·t)·e^(−ω·t)    with B = v0 + ω·A
 *        v(t) = (v0 − ω·B·t)·e^(−ω·t)
 *
 *    ω is chosen from the settle time T (`springBackMs`, 400 ms by default): the smallest ω
 *    for which |x(t) − to| ≤ SPRING_TOLERANCE (0.25 px) for every t ≥ T. Past T the curve
 *    (A + B·t)·e^(−ω·t) has at most one extremum, at t* = 1/ω − A/B, so that bound is checked
 *    exactly at T and t*; ω is found by growing it until the bound holds, then bisecting.
 *    So any spring-back, however far it was pulled or thrown, rests by T, and being the
 *    slowest such spring it visibly travels (it is not a jump).
 *
 * 3. Rubber band (dragging past an edge). As on iOS, a finger that has gone d past the edge
 *    of a viewport of size dim moves the content only
 *
 *        rubberBand(d) = (1 − 1 / (d·c / dim + 1))·dim        c = RUBBER_BAND = 0.55
 *
 *    which starts at slope c and flattens towards dim: the further the pull, the less each
 *    pixel moves. Its inverse, d = (dim / c)·o / (dim − o), turns an overscroll o back into
 *    finger distance, so a drag can be split into any number of moves with the same result.
 *
 * The simulations that meet edges and snap points are composed from these in fling.ts and
 * snap.ts.
 */

/** Friction coefficient of a fling, 1/s: a fling at v px/s travels v / 2.5 px. */
export const FRICTION = 2.5;
/** A fling stops when less than this is left to travel, px. */
export const REST_DISTANCE = 0.5;
/** A spring is within this of its rest point from its settle time on, px. */
export const SPRING_TOLERANCE = 0.25;
/** iOS's rubber-band constant: the content follows a finger past the edge at this rate at first. */
export const RUBBER_BAND = 0.55;
/** Default settle time of a spring back from overscroll, ms. */
export const SPRING_BACK_MS = 400;

/** A motion along one axis, in closed form; t is in seconds since it started. */
export interface Simulation {
  position(t: number): number;
  /** px/s. */
  velocity(t: number): number;
  isDone(t: number): boolean;
  /** Where it comes to rest. */
  readonly end: number;
  /** Set when the motion stops at an edge and hands its speed on (nested scrolling): when and with what velocity. */
  readonly handoff?: { readonly time: number; readonly velocity: number };
}

/**
 * Exponential deceleration from `x0` at `v0` px/s.
 * @example new FrictionSimulation(0, 2000).end   // 800
 */
export class FrictionSimulation implements Simulation {
  readonly end: number;
  private readonly doneAt: number;

  constructor(readonly x0: number, readonly v0: number, readonly k = FRICTION) {
    if (!(k > 0)) throw new RangeError(`FrictionSimulation: friction must be positive, got ${k}`);
    this.end = x0 + v0 / k;
    this.doneAt = Math.max(0, Math.log(Math.abs(v0) / (k * REST_DISTANCE)) / k);
  }

  position(t: number): number {
    return this.x0 + (this.v0 / this.k) * (1 - Math.exp(-this.k * t));
  }

  velocity(t: number): number {
    return this.v0 * Math.exp(-this.k * t);
  }

  isDone(t: number): boolean {
    return t >= this.doneAt;
  }

  /** When it passes `x`, s; Infinity when it never gets there. */
  timeTo(x: number): number {
    if (x === this.x0) return 0;
    const fraction = ((x - this.x0) * this.k) / this.v0;
    return fraction > 0 && fraction < 1 ? -Math.log(1 - fraction) / this.k : Infinity;
  }
}

/**
 * A critically damped spring from `from` (moving at `v0` px/s) to `to`, resting within
 * SPRING_TOLERANCE of it by `settleMs`.
 * @example new SpringSimulation(-80, 0, 0, 400).position(0.4)   // within 0.25 px of 0
 */
export class SpringSimulation implements Simulation {
  readonly omega: number;
  private readonly a: number;
  private readonly b: number;
  private readonly settle: number;

  constructor(from: number, readonly end: number, readonly v0: number, settleMs: number) {
    if (!(settleMs > 0) || !Number.isFinite(settleMs)) {
      throw new RangeError(`SpringSimulation: settle time must be a positive number of ms, got ${settleMs}`);
    }
    this.settle = settleMs / 1000;
    this.a = from - end;
    this.omega = slowestSettlingOmega(this.a, v0, this.settle);
    this.b = v0 + this.omega * this.a;
  }

  position(t: number): number {
    return this.end + (this.a + this.b * t) * Math.exp(-this.omega * t);
  }

  velocity(t: number): number {
    return (this.v0 - this.omega * this.b * t) * Math.exp(-this.omega * t);
  }

  isDone(t: number): boolean {
    return t >= this.settle;
  }
}

/** Resting at `end` from the start. */
export class StillSimulation implements Simulation {
  constructor(readonly end: number) {}
  position(): number { return this.end; }
  velocity(): number { return 0; }
  isDone(): boolean { return true; }
}

/** `first` until `at` seconds, then `then` on its own clock (which starts at `at`). */
export class SequenceSimulation implements Simulation {
  readonly end: number;

  constructor(private readonly first: Simulation, private readonly at: number, private readonly then: Simulation, readonly handoff?: Simulation['handoff']) {
    this.end = then.end;
  }

  position(t: number): number {
    return t < this.at ? this.first.position(t) : this.then.position(t - this.at);
  }

  velocity(t: number): number {
    return t < this.at ? this.first.velocity(t) : this.then.velocity(t - this.at);
  }

  isDone(t: number): boolean {
    return t >= this.at && this.then.isDone(t - this.at);
  }
}

/**
 * How far content past an edge moves for a finger `distance` past it, in a viewport of `dim`.
 * @example rubberBand(300, 600)   // ≈ 129: a pull of half a viewport shows as about a fifth
 */
export function rubberBand(distance: number, dim: number): number {
  if (dim <= 0 || distance <= 0) return 0;
  return (1 - 1 / ((distance * RUBBER_BAND) / dim + 1)) * dim;
}

/** The finger distance past an edge that shows as `overscroll` (the inverse of rubberBand). */
export function rubberBandDistance(overscroll: number, dim: number): number {
  if (dim <= 0 || overscroll <= 0) return 0;
  if (overscroll >= dim) return Infinity;
  return ((dim / RUBBER_BAND) * overscroll) / (dim - overscroll);
}

/** The largest |A + B·t|·e^(−ω·t) over t ≥ T (B = v0 + ω·A). */
function largestAfter(a: number, v0: number, omega: number, settle: number): number {
  const b = v0 + omega * a;
  const at = (t: number) => Math.abs((a + b * t) * Math.exp(-omega * t));
  let largest = at(settle);
  if (b !== 0) {
    const peak = 1 / omega - a / b;
    if (peak > settle) largest = Math.max(largest, at(peak));
  }
  return largest;
}

/** The smallest ω (within 0.1 %) whose spring stays within SPRING_TOLERANCE from `settle` on. */
function slowestSettlingOmega(a: number, v0: number, settle: number): number {
  const settles = (omega: number) => largestAfter(a, v0, omega, settle) <= SPRING_TOLERANCE;
  let high = 1 / settle;
  if (settles(high)) return high;
  let low = high;
  while (!settles(high)) {
    low = high;
    high *= 1.5;
    if (high > 1e6) return high;
  }
  while (high - low > high * 1e-3) {
    const mid = (low + high) / 2;
    if (settles(mid)) high = mid;
    else low = mid;
  }
  return high;
}
