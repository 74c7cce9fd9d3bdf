/**
 * The Scroller: the scrolling model every scrolling widget shares (a scroll view, a virtual
 * list, a pager, a roller). It owns the offsets and nothing visual.
 *
 * 1. A finger drag moves the offsets directly (`dragBy`), with the rubber band past an edge
 *    (drag.ts). At release (`dragEnd`) the finger's velocity becomes a motion: a fling, a
 *    snap or a spring back (release.ts). Keys, the wheel and `scrollTo` move it too.
 * 2. Motions are closed-form simulations run on frames (motion.ts): each frame shows the
 *    simulation's value at that frame's time, so where it goes never depends on the frame
 *    rate. No motion, no frame requests.
 * 3. Nested scrollers (`parent`): a drag that would take this one past an edge, on an axis
 *    the parent scrolls, moves the parent instead (and the release goes with it), and a
 *    fling that reaches the edge gives its velocity at the crossing to the parent, dated to
 *    the crossing's instant. Movement on an axis this one does not scroll goes to the parent.
 * 4. When the content changes size under a motion (`setExtents`), the motion is planned
 *    again from where it is with the velocity it has, against the new edges; at rest, content
 *    that shrank under the offset springs back into range.
 * 5. When content moves under the viewport (a list learns that rows above it are taller than
 *    guessed), `shift` moves the offsets and the running motion's whole curve by the same
 *    amount: a fling keeps its speed and its frames and stops that much further on.
 */
import { batch, signal, untracked, type ReadonlySignal } from '@preact/signals-core';
import { getOwner } from '../jsx/owner.js';
import { APP_SERVICES, type AppServices } from '../app/services.js';
import { reducedMotion } from '../animation/motion.js';
import { SPRING_BACK_MS, SpringSimulation, type Simulation } from './physics.js';
import { checkSnapSpec, snapSimulation, snapStep, type SnapSpec } from './snap.js';
import { dragAxis } from './drag.js';
import { releaseMotion } from './release.js';
import { AxisMotions, type MotionKind } from './motion.js';
import { ScrollGeometry } from './geometry.js';
import { checkOptions, keyMove, type FrameSource, type ScrollAxis, type ScrollExtents } from './options.js';

export interface ScrollerOptions {
  /** The axes it scrolls (default 'y'). */
  axis?: 'x' | 'y' | 'both';
  /** Past an edge: stretch and spring back ('bounce', the default), or stop ('clamp'). */
  overscroll?: 'bounce' | 'clamp';
  /** How long a spring back from overscroll takes to rest (within 0.25 px), ms (default 400). */
  springBackMs?: number;
  /** Where it comes to rest after a release (default: anywhere). */
  snap?: SnapSpec;
  /** No edges (a roller's wheel): offsets are unbounded; snapping still applies. */
  infinite?: boolean;
  /** The scroller this one sits in: movement past this one's edges on an axis the parent scrolls moves the parent. */
  parent?: Scroller | null;
  /** Where frames come from (default: the app's frames and clock, via the component that creates the scroller); a motion then starts at its first frame. */
  frames?: FrameSource;
}

/** Settle time of an animated `scrollTo`, `scrollBy` or key scroll, ms. */
export const SCROLL_ANIMATION_MS = 300;

const AXES: readonly ScrollAxis[] = ['x', 'y'];
type Pair = Record<ScrollAxis, number>;

/**
 * Offsets, physics and frames for one scrolling area. Create it in a component (it takes the
 * app's frames and is disposed with the component), or pass `frames`.
 * @example
 * const scroller = new Scroller({ axis: 'y', snap: { interval: 48 } });
 * scroller.setExtents({ viewportWidth: 320, viewportHeight: 480, contentWidth: 320, contentHeight: 4800 });
 * // A pan's start and end carry movement too (the slop, the lift): give it to dragBy.
 * useGestures(ref, { onPan: {
 *   start: (e) => { scroller.dragStart(); scroller.dragBy(e.dx, e.dy); },
 *   update: (e) => scroller.dragBy(e.dx, e.dy),
 *   end: (e) => { scroller.dragBy(e.dx, e.dy); scroller.dragEnd(e.velocityX, e.velocityY); } } });
 * <ScrollLayer offset={() => ({ x: scroller.x.value, y: scroller.y.value })}>…</ScrollLayer>
 */
export class Scroller {
  /** Offsets, logical px: the content's top-left corner is at (−x, −y). */
  readonly x: ReadonlySignal<number>;
  readonly y: ReadonlySignal<number>;
  /** A fling, spring or animated scroll is running. */
  readonly moving: ReadonlySignal<boolean>;
  /** A finger is dragging it. */
  readonly dragging: ReadonlySignal<boolean>;

  private readonly offset = { x: signal(0), y: signal(0) };
  private readonly movingState = signal(false);
  private readonly draggingState = signal(false);
  private readonly overscroll: 'bounce' | 'clamp';
  private readonly springBackMs: number;
  private readonly snap: SnapSpec | undefined;
  private readonly infinite: boolean;
  private readonly parent: Scroller | null;
  private readonly motions: AxisMotions;
  private readonly geometry: ScrollGeometry;
  private readonly listeners = new Set<(x: number, y: number) => void>();
  /** During a drag: whether the parent was handed some of it, and past which edge of each axis (−1, 0, 1). */
  private parentDragged = false;
  private readonly pushedPast: Pair = { x: 0, y: 0 };
  private disposed = false;
  private readonly unregister: () => void;

  constructor(options: ScrollerOptions = {}) {
    checkOptions(options);
    if (options.snap !== undefined) checkSnapSpec(options.snap, 'new Scroller()');
    if (options.parent != null && !(options.parent instanceof Scroller)) throw new TypeError('new Scroller(): parent must be a Scroller (or null)');
    this.geometry = new ScrollGeometry(options.axis ?? 'y', options.infinite ?? false);
    this.overscroll = options.overscroll ?? 'bounce';
    this.springBackMs = options.springBackMs ?? SPRING_BACK_MS;
    this.snap = options.snap;
    this.infinite = options.infinite ?? false;
    this.parent = options.parent ?? null;
    const clock = options.frames ? { frames: options.frames, now: null } : appClock();
    this.motions = new AxisMotions(clock.frames, clock.now, {
      show: (positions) => this.show({ ...this.offsets(), ...positions }),
      handOff: (axis, velocity, start, now) => this.parent?.receiveFling(axis, velocity, start, now),
    });
    this.x = this.offset.x;
    this.y = this.offset.y;
    this.moving = this.movingState;
    this.dragging = this.draggingState;
    this.unregister = getOwner()?.onDispose(() => this.dispose()) ?? (() => {});
  }

  /** How far it scrolls horizontally (0 on an axis it does not scroll, Infinity when infinite). */
  get maxX(): number { return this.geometry.range('x').max; }
  /** How far it scrolls vertically (0 on an axis it does not scroll, Infinity when infinite). */
  get maxY(): number { return this.geometry.range('y').max; }

  /**
   * Sets the viewport's and the content's sizes. A motion re-plans against the new edges;
   * content that shrank under the offset springs back; a pager whose page size changed (a
   * rotation) stays on its page.
   */
  setExtents(e: ScrollExtents): void {
    const changed = this.geometry.set(e);
    if (this.draggingState.peek()) return;
    const next = this.offsets();
    for (const { axis, previousPage } of changed) {
      const motion = this.motions.get(axis), at = this.offset[axis].peek(), v = this.motions.velocity(axis);
      if (this.snap === 'page' && previousPage > 0 && this.geometry.page(axis) !== previousPage) {
        const page = Math.round((motion?.kind === 'snap' ? motion.target : at) / previousPage);
        this.motions.stop(axis);
        next[axis] = this.geometry.clamp(axis, page * this.geometry.page(axis));
      } else if (motion?.kind === 'fling') this.release(axis, at, v);
      else if (motion?.kind === 'snap') this.motions.run(axis, snapSimulation(at, v, this.geometry.clamp(axis, motion.target), this.springBackMs), 'snap', this.geometry.clamp(axis, motion.target));
      else if (motion) this.springTo(axis, this.geometry.clamp(axis, motion.target), motion.kind);
      else if (this.geometry.clamp(axis, at) !== at) this.springTo(axis, this.geometry.clamp(axis, at), 'settle');
    }
    batch(() => {
      this.show(next);
      this.updateMoving();
    });
  }

  /** A finger went down: any motion stops where it is (the finger catches it). */
  dragStart(): void {
    this.motions.stop();
    this.parentDragged = false;
    this.pushedPast.x = this.pushedPast.y = 0;
    batch(() => {
      this.draggingState.value = !this.disposed;
      this.updateMoving();
    });
  }

  /** The finger moved by (dx, dy): the content follows it, stretching past an edge or moving the parent there. */
  dragBy(dx: number, dy: number): void {
    const delta = { x: finite(dx, 'dragBy'), y: finite(dy, 'dragBy') };
    if (this.disposed) return;
    if (!this.draggingState.peek()) this.dragStart();
    const next = this.offsets(), toParent: Pair = { x: 0, y: 0 };
    for (const axis of AXES) {
      if (!delta[axis]) continue;
      if (!this.geometry.scrolls(axis)) {
        if (this.chains(axis)) toParent[axis] = delta[axis];
        continue;
      }
      const edge = this.chains(axis) ? 'chain' : this.overscroll === 'clamp' ? 'clamp' : 'rubber';
      const moved = dragAxis(next[axis], delta[axis], this.geometry.range(axis), this.geometry.page(axis), edge);
      next[axis] = moved.offset;
      if (moved.excess) {
        toParent[axis] = -moved.excess;
        this.pushedPast[axis] = Math.sign(moved.excess);
      }
    }
    this.show(next);
    if (!(toParent.x || toParent.y) || !this.parent) return;
    if (!this.parentDragged) this.parent.dragStart();
    this.parentDragged = true;
    this.parent.dragBy(toParent.x, toParent.y);
  }

  /** The finger lifted, moving at (vx, vy) px/s: the content flings on (the offsets move the other way), snaps or springs back. */
  dragEnd(velocityX: number, velocityY: number): void {
    const v = { x: -finite(velocityX, 'dragEnd'), y: -finite(velocityY, 'dragEnd') };
    if (this.disposed) return;
    const toParent: Pair = { x: 0, y: 0 };
    // The parent takes the release on an axis it was dragged along, if the finger still pushes that way.
    for (const axis of AXES) {
      if (!this.parentDragged || !this.chains(axis)) continue;
      if (!this.geometry.scrolls(axis) || (this.pushedPast[axis] !== 0 && Math.sign(v[axis]) === this.pushedPast[axis])) {
        toParent[axis] = -v[axis];
        v[axis] = 0;
      }
    }
    batch(() => {
      this.draggingState.value = false;
      for (const axis of AXES) if (this.geometry.scrolls(axis)) this.release(axis, this.offset[axis].peek(), v[axis]);
      this.updateMoving();
    });
    if (this.parentDragged) this.parent!.dragEnd(toParent.x, toParent.y);
    this.parentDragged = false;
  }

  /** Flings with an offset velocity (px/s): the offsets move that way, slowing down, snapping and bouncing as set. */
  fling(vx: number, vy: number): void {
    const v = { x: finite(vx, 'fling'), y: finite(vy, 'fling') }, toParent: Pair = { x: 0, y: 0 };
    batch(() => {
      for (const axis of AXES) {
        if (this.geometry.scrolls(axis)) this.release(axis, this.offset[axis].peek(), v[axis]);
        else if (this.chains(axis)) toParent[axis] = v[axis];
      }
      this.updateMoving();
    });
    if (toParent.x || toParent.y) this.parent!.fling(toParent.x, toParent.y);
  }

  /** Scrolls to (x, y), clamped to the range; animated with a short spring unless `{ animate: false }` or reduced motion. */
  scrollTo(x: number, y: number, o: { animate?: boolean } = {}): void {
    const to = { x: finite(x, 'scrollTo'), y: finite(y, 'scrollTo') };
    const animated = o.animate ?? !untracked(reducedMotion);
    const next = this.offsets();
    batch(() => {
      for (const axis of AXES) {
        if (!this.geometry.scrolls(axis)) continue;
        const target = this.geometry.clamp(axis, to[axis]);
        if (!animated) {
          this.motions.stop(axis);
          next[axis] = target;
        } else if (this.motions.get(axis) || next[axis] !== target) this.springTo(axis, target, 'scroll');
      }
      this.show(next);
      this.updateMoving();
    });
  }

  /** Scrolls by (dx, dy) from where it is, or from where an animated scroll is heading (so repeated calls add up). */
  scrollBy(dx: number, dy: number, o: { animate?: boolean } = {}): void {
    this.scrollTo(this.base('x') + finite(dx, 'scrollBy'), this.base('y') + finite(dy, 'scrollBy'), o);
  }

  /**
   * Moves the offsets by (dx, dy), and any running fling, spring or animated scroll with them,
   * so that content which moved by the same amount (rows above the viewport that turned out
   * taller) stays where it is on screen while the motion goes on as it would have. Nothing
   * else changes: the range is not checked, so set the extents that go with the move (after
   * it: a motion is then planned again from where it is, against the new edges).
   * @example scroller.shift(0, 120); scroller.setExtents({ ...extents, contentHeight: extents.contentHeight + 120 });
   */
  shift(dx: number, dy: number): void {
    const by = { x: finite(dx, 'shift'), y: finite(dy, 'shift') };
    if (this.disposed) return;
    const next = this.offsets();
    batch(() => {
      for (const axis of AXES) {
        if (!by[axis] || !this.geometry.scrolls(axis)) continue;
        next[axis] += by[axis];
        const motion = this.motions.get(axis);
        if (!motion) continue;
        this.motions.run(axis, ShiftedSimulation.of(motion.sim, by[axis]), motion.kind, motion.target + by[axis], motion.start ?? undefined);
        this.motions.get(axis)!.handedOff = motion.handedOff;
      }
      this.show(next);
    });
  }

  /** Halts where it is; content past an edge springs back. */
  stop(): void {
    this.motions.stop();
    for (const axis of AXES) {
      const at = this.offset[axis].peek();
      if (!this.draggingState.peek() && this.geometry.clamp(axis, at) !== at) this.springTo(axis, this.geometry.clamp(axis, at), 'settle');
    }
    this.updateMoving();
  }

  /** A wheel or touchpad delta: scrolls by it at once, clamped; what goes past an edge scrolls the parent. */
  wheel(deltaX: number, deltaY: number): void {
    const delta = { x: finite(deltaX, 'wheel'), y: finite(deltaY, 'wheel') };
    const next = this.offsets(), toParent: Pair = { x: 0, y: 0 };
    for (const axis of AXES) {
      if (!delta[axis]) continue;
      if (!this.geometry.scrolls(axis)) {
        if (this.chains(axis)) toParent[axis] = delta[axis];
        continue;
      }
      this.motions.stop(axis);
      const wanted = this.geometry.clamp(axis, next[axis]) + delta[axis];
      next[axis] = this.geometry.clamp(axis, wanted);
      if (this.chains(axis)) toParent[axis] = wanted - next[axis];
    }
    batch(() => {
      this.show(next);
      this.updateMoving();
    });
    if (toParent.x || toParent.y) this.parent!.wheel(toParent.x, toParent.y);
  }

  /**
   * Scrolls for a key: arrows by a line (40 px) or to the next snap point, PageUp/PageDown by
   * a viewport less a line, Home/End to the ends; animated. True when it scrolled (the caller
   * then prevents the key's default), false at the end or for a key it does not use.
   * @example onKeyDown={(e) => { if (scroller.key(e.key)) e.preventDefault(); }}
   */
  key(key: string): boolean {
    const move = keyMove(key, this.geometry.scrolls('y') ? 'y' : 'x', (axis) => this.geometry.page(axis));
    if (this.disposed || !move || !this.geometry.scrolls(move.axis)) return false;
    const { axis, direction, step } = move;
    const from = this.base(axis), range = this.geometry.range(axis);
    const target = step === 'end' ? (direction > 0 ? range.max : range.min)
      : this.snap !== undefined ? snapStep(this.snap, from, direction, step, this.geometry.snapContext(axis))
      : this.geometry.clamp(axis, from + direction * step);
    if (!Number.isFinite(target) || Math.abs(target - from) < 0.5) return false;
    this.scrollTo(axis === 'x' ? target : this.base('x'), axis === 'y' ? target : this.base('y'));
    return true;
  }

  /** Calls `cb` with the offsets whenever they change; returns a function that stops it. */
  onScroll(cb: (x: number, y: number) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Stops every motion and asks for no more frames; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.motions.dispose();
    this.listeners.clear();
    this.unregister();
    batch(() => {
      this.movingState.value = false;
      this.draggingState.value = false;
    });
  }

  /** A fling handed on by a child at `start` (frame ms), shown as of the frame at `now`. */
  private receiveFling(axis: ScrollAxis, velocity: number, start: number, now: number): void {
    if (this.disposed) return;
    if (!this.geometry.scrolls(axis)) {
      if (this.chains(axis)) this.parent!.receiveFling(axis, velocity, start, now);
      return;
    }
    this.release(axis, this.offset[axis].peek(), velocity, start);
    batch(() => {
      this.motions.positionAt(axis, now);
      this.updateMoving();
    });
  }

  /** Plans the motion after a release at `at` with offset velocity `v`: snap, fling or spring back. */
  private release(axis: ScrollAxis, at: number, v: number, start?: number): void {
    const motion = releaseMotion(at, v, {
      range: this.geometry.range(axis), mode: this.chains(axis) ? 'chain' : this.overscroll, snap: this.snap,
      context: this.geometry.snapContext(axis), settleMs: this.springBackMs,
    });
    if (motion) this.motions.run(axis, motion.sim, motion.kind, motion.target, start);
    else this.motions.stop(axis);
  }

  /** A spring from where `axis` is, at the speed it has, to `target`. */
  private springTo(axis: ScrollAxis, target: number, kind: MotionKind): void {
    const settle = kind === 'scroll' ? SCROLL_ANIMATION_MS : this.springBackMs;
    this.motions.run(axis, new SpringSimulation(this.offset[axis].peek(), target, this.motions.velocity(axis), settle), kind, target);
  }

  /** Sets the offsets and tells the listeners, when they changed. */
  private show(next: Pair): void {
    const { x, y } = this.offset;
    if (x.peek() === next.x && y.peek() === next.y) return;
    batch(() => {
      x.value = next.x;
      y.value = next.y;
      this.updateMoving();
    });
    for (const cb of [...this.listeners]) cb(next.x, next.y);
  }

  private updateMoving(): void {
    this.movingState.value = this.motions.running;
  }

  private offsets(): Pair {
    return { x: this.offset.x.peek(), y: this.offset.y.peek() };
  }

  /** Where a relative scroll starts: an animated scroll's target, else the offset. */
  private base(axis: ScrollAxis): number {
    const motion = this.motions.get(axis);
    return motion?.kind === 'scroll' ? motion.target : this.offset[axis].peek();
  }

  /** Whether movement on `axis` past this scroller's edge goes to the parent. */
  private chains(axis: ScrollAxis): boolean {
    return this.parent !== null && this.parent.geometry.scrolls(axis) && !this.infinite;
  }
}

/** A simulation moved along by `by` px: the same motion at the same times, `by` further. */
class ShiftedSimulation implements Simulation {
  /** `sim` moved by `by` (a shifted one is moved again, not wrapped twice). */
  static of(sim: Simulation, by: number): Simulation {
    return sim instanceof ShiftedSimulation ? new ShiftedSimulation(sim.inner, sim.by + by) : new ShiftedSimulation(sim, by);
  }

  readonly end: number;
  readonly handoff: Simulation['handoff'];

  private constructor(private readonly inner: Simulation, private readonly by: number) {
    this.end = inner.end + by;
    this.handoff = inner.handoff;
  }

  position(t: number): number { return this.inner.position(t) + this.by; }
  velocity(t: number): number { return this.inner.velocity(t); }
  isDone(t: number): boolean { return this.inner.isDone(t); }
}

/** The frames and the clock of the app whose component is running now. */
function appClock(): { frames: FrameSource; now: () => number } {
  const found = getOwner()?.lookup(APP_SERVICES);
  if (!found?.found) {
    throw new Error('new Scroller(): there is no running app to take frames from — create it while a component of a running app runs (in the component, an effect or a handler), or pass { frames }');
  }
  const { loop, clock } = found.value as AppServices;
  return { frames: (cb) => loop.requestFrame(cb), now: () => clock.now() };
}

function finite(v: number, method: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`Scroller.${method}: expected finite numbers, got ${String(v)}`);
  return v;
}
