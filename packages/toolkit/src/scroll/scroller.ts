/**
 * The Scroller: the scrolling model every scrolling widget shares (a scroll view, a virtual
 * list, a pager, a roller). It owns the offsets and nothing visual.
 *
 * 1. A finger drag moves the offsets directly (`dragBy`), with the rubber band past an edge
 *    (drag.ts). At release (`dragEnd`) the finger's velocity becomes a motion: a fling, a
 *    snap or a spring back (fling.ts, snap.ts). Keys, the wheel and `scrollTo` move it too.
 * 2. A motion is a closed-form simulation per axis. While one runs, the scroller asks for
 *    one frame at a time and sets each offset to the simulation's value at that frame's time
 *    (measured from the motion's first frame), so where it goes never depends on the frame
 *    rate. No motion, no frame requests.
 * 3. Nested scrollers (`parent`): a drag that would take this one past an edge, on an axis
 *    the parent scrolls, moves the parent instead, and a fling that reaches the edge gives
 *    its velocity at the crossing to the parent, dated to the crossing's instant.
 * 4. When the content changes size under a motion (`setExtents`), the motion is planned
 *    again from where it is with the velocity it has, against the new edges; at rest, content
 *    that shrank under the offset springs back into range.
 */
import { batch, signal, untracked, type ReadonlySignal } from '@preact/signals-core';
import { getOwner } from '../jsx/owner.js';
import { APP_SERVICES, type AppServices } from '../app/services.js';
import { reducedMotion } from '../animation/motion.js';
import { SPRING_BACK_MS, SpringSimulation, type Simulation } from './physics.js';
import type { ScrollRange } from './fling.js';
import { checkSnapSpec, snapSimulation, snapStep, type SnapContext, type SnapSpec } from './snap.js';
import { dragAxis } from './drag.js';
import { releaseMotion } from './release.js';
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
  /** Where frames come from (default: the app's frames, via the component that creates the scroller). */
  frames?: FrameSource;
}


/** Settle time of an animated `scrollTo`, `scrollBy` or key scroll, ms. */
export const SCROLL_ANIMATION_MS = 300;

/** A running motion on one axis: its simulation and the frame time (ms) it started at. */
interface Motion {
  readonly sim: Simulation;
  /** Set by its first frame, unless the motion continues one that had frames. */
  start: number | null;
  /** 'fling' is planned again from scratch when the edges move; the others keep their target. */
  readonly kind: 'fling' | 'snap' | 'scroll' | 'settle';
  /** Whether its handoff (a fling reaching the edge, in a nested scroller) went to the parent. */
  handedOff: boolean;
}

const AXES: readonly ScrollAxis[] = ['x', 'y'];

/**
 * Offsets, physics and frames for one scrolling area.
 * @example
 * const scroller = new Scroller({ axis: 'y', snap: { interval: 48 } });
 * scroller.setExtents({ viewportWidth: 320, viewportHeight: 480, contentWidth: 320, contentHeight: 4800 });
 * pan: { start: () => scroller.dragStart(), update: (e) => scroller.dragBy(e.dx, e.dy),
 *        end: (e) => scroller.dragEnd(e.velocityX, e.velocityY) }
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
  private readonly options: Required<Omit<ScrollerOptions, 'snap' | 'parent' | 'frames'>> & Pick<ScrollerOptions, 'snap'>;
  private readonly parent: Scroller | null;
  private readonly frames: FrameSource;
  private extents: ScrollExtents = { viewportWidth: 0, viewportHeight: 0, contentWidth: 0, contentHeight: 0 };
  private readonly motions: Record<ScrollAxis, Motion | null> = { x: null, y: null };
  private readonly targets: Record<ScrollAxis, number> = { x: 0, y: 0 };
  private cancelFrame: (() => void) | null = null;
  private lastFrame = 0;
  private readonly listeners = new Set<(x: number, y: number) => void>();
  /** During a drag: whether the parent was handed some of it, and past which edge of each axis (−1, 0, 1). */
  private parentDragged = false;
  private readonly pushedPast: Record<ScrollAxis, number> = { x: 0, y: 0 };
  private readonly handoffs: (() => void)[] = [];
  private disposed = false;
  private unregister = () => {};

  constructor(options: ScrollerOptions = {}) {
    checkOptions(options);
    if (options.snap !== undefined) checkSnapSpec(options.snap, 'new Scroller()');
    this.options = {
      axis: options.axis ?? 'y', overscroll: options.overscroll ?? 'bounce', springBackMs: options.springBackMs ?? SPRING_BACK_MS,
      infinite: options.infinite ?? false, snap: options.snap,
    };
    if (options.parent != null && !(options.parent instanceof Scroller)) throw new TypeError('new Scroller(): parent must be a Scroller (or null)');
    this.parent = options.parent ?? null;
    this.frames = options.frames ?? appFrames();
    this.x = this.offset.x;
    this.y = this.offset.y;
    this.moving = this.movingState;
    this.dragging = this.draggingState;
    this.unregister = getOwner()?.onDispose(() => this.dispose()) ?? this.unregister;
  }

  /** How far it scrolls horizontally (Infinity when infinite). */
  get maxX(): number { return this.range('x').max; }
  /** How far it scrolls vertically (Infinity when infinite). */
  get maxY(): number { return this.range('y').max; }

  /** Sets the viewport's and the content's sizes; a motion re-plans against the new edges, content that shrank springs back. */
  setExtents(e: ScrollExtents): void {
    for (const key of ['viewportWidth', 'viewportHeight', 'contentWidth', 'contentHeight'] as const) {
      const v = e?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`Scroller.setExtents: ${key} must be a finite number ≥ 0, got ${String(v)}`);
    }
    const before = { x: this.range('x'), y: this.range('y') }, pages = { x: this.extents.viewportWidth, y: this.extents.viewportHeight };
    this.extents = { ...e };
    if (this.draggingState.peek()) return;
    for (const axis of AXES) {
      const after = this.range(axis);
      if (!this.scrolls(axis) || (after.max === before[axis].max && this.page(axis) === pages[axis])) continue;
      const motion = this.motions[axis];
      const at = this.offset[axis].peek(), v = this.velocity(axis);
      if (motion) this.replan(axis, motion, at, v);
      else if (at > after.max || at < after.min) this.run(axis, new SpringSimulation(at, clamp(at, after), 0, this.options.springBackMs), 'settle', clamp(at, after));
    }
  }

  /** A finger went down: any motion stops where it is (the finger catches it). */
  dragStart(): void {
    for (const axis of AXES) this.motions[axis] = null;
    this.parentDragged = false;
    this.pushedPast.x = this.pushedPast.y = 0;
    batch(() => {
      this.draggingState.value = true;
      this.updateMoving();
    });
  }

  /** The finger moved by (dx, dy): the content follows it, stretching past an edge or moving the parent there. */
  dragBy(dx: number, dy: number): void {
    if (this.disposed) return;
    if (!this.draggingState.peek()) this.dragStart();
    const next = { x: this.offset.x.peek(), y: this.offset.y.peek() };
    const toParent = { x: 0, y: 0 };
    for (const axis of AXES) {
      const delta = axis === 'x' ? dx : dy;
      if (!delta) continue;
      if (!this.scrolls(axis)) {
        if (this.chains(axis)) toParent[axis] = delta;
        continue;
      }
      const edge = this.chains(axis) ? 'chain' : this.options.overscroll === 'clamp' ? 'clamp' : 'rubber';
      const moved = dragAxis(next[axis], delta, this.range(axis), this.page(axis), edge);
      next[axis] = moved.offset;
      if (moved.excess) {
        toParent[axis] = -moved.excess;
        this.pushedPast[axis] = Math.sign(moved.excess);
      }
    }
    this.write(next);
    if ((toParent.x || toParent.y) && this.parent) {
      if (!this.parentDragged || !this.parent.dragging.peek()) this.parent.dragStart();
      this.parentDragged = true;
      this.parent.dragBy(toParent.x, toParent.y);
    }
  }

  /** The finger lifted, moving at (vx, vy) px/s: the content flings on (the offsets move the other way), snaps or springs back. */
  dragEnd(velocityX: number, velocityY: number): void {
    if (this.disposed) return;
    const v = { x: -finite(velocityX, 'dragEnd'), y: -finite(velocityY, 'dragEnd') };
    const toParent = { x: 0, y: 0 };
    for (const axis of AXES) {
      // The parent takes the release on an axis it was dragged along, if the finger still pushes that way.
      if (!this.parentDragged || !this.chains(axis)) continue;
      if (!this.scrolls(axis) || (this.pushedPast[axis] !== 0 && Math.sign(v[axis]) === this.pushedPast[axis])) {
        toParent[axis] = -v[axis];
        v[axis] = 0;
      }
    }
    batch(() => {
      this.draggingState.value = false;
      for (const axis of AXES) if (this.scrolls(axis)) this.release(axis, this.offset[axis].peek(), v[axis]);
    });
    if (this.parentDragged) this.parent!.dragEnd(toParent.x, toParent.y);
    this.parentDragged = false;
  }

  /** Flings with an offset velocity (px/s): the offsets move that way, slowing down, snapping and bouncing as set. */
  fling(vx: number, vy: number): void {
    const v = { x: finite(vx, 'fling'), y: finite(vy, 'fling') };
    const toParent = { x: 0, y: 0 };
    batch(() => {
      for (const axis of AXES) {
        if (this.scrolls(axis)) this.release(axis, this.offset[axis].peek(), v[axis]);
        else if (this.chains(axis)) toParent[axis] = v[axis];
      }
    });
    if (toParent.x || toParent.y) this.parent!.fling(toParent.x, toParent.y);
  }

  /** Scrolls to (x, y), clamped to the range; animated with a short spring unless `{ animate: false }` or reduced motion. */
  scrollTo(x: number, y: number, o: { animate?: boolean } = {}): void {
    const to = { x: finite(x, 'scrollTo'), y: finite(y, 'scrollTo') };
    const animated = o.animate ?? !untracked(reducedMotion);
    const next = { x: this.offset.x.peek(), y: this.offset.y.peek() };
    batch(() => {
      for (const axis of AXES) {
        if (!this.scrolls(axis)) continue;
        const target = clamp(to[axis], this.range(axis));
        if (animated) this.animateTo(axis, target);
        else {
          this.motions[axis] = null;
          next[axis] = target;
        }
      }
      this.write(next);
      this.updateMoving();
    });
  }

  /** Scrolls by (dx, dy) from where it is, or from where an animated scroll is heading (so repeated calls add up). */
  scrollBy(dx: number, dy: number, o: { animate?: boolean } = {}): void {
    this.scrollTo(this.base('x') + finite(dx, 'scrollBy'), this.base('y') + finite(dy, 'scrollBy'), o);
  }

  /** Halts where it is; content past an edge springs back. */
  stop(): void {
    batch(() => {
      for (const axis of AXES) {
        this.motions[axis] = null;
        const at = this.offset[axis].peek(), range = this.range(axis);
        if (!this.draggingState.peek() && this.scrolls(axis) && clamp(at, range) !== at) {
          this.run(axis, new SpringSimulation(at, clamp(at, range), 0, this.options.springBackMs), 'settle', clamp(at, range));
        }
      }
      this.updateMoving();
    });
  }

  /** A wheel or touchpad delta: scrolls by it at once, clamped; what goes past an edge scrolls the parent. */
  wheel(deltaX: number, deltaY: number): void {
    const delta = { x: finite(deltaX, 'wheel'), y: finite(deltaY, 'wheel') };
    const next = { x: this.offset.x.peek(), y: this.offset.y.peek() };
    const toParent = { x: 0, y: 0 };
    for (const axis of AXES) {
      if (!delta[axis]) continue;
      if (!this.scrolls(axis)) {
        if (this.chains(axis)) toParent[axis] = delta[axis];
        continue;
      }
      this.motions[axis] = null;
      const range = this.range(axis), wanted = clamp(next[axis], range) + delta[axis];
      next[axis] = clamp(wanted, range);
      if (this.chains(axis)) toParent[axis] = wanted - next[axis];
    }
    batch(() => {
      this.write(next);
      this.updateMoving();
    });
    if (toParent.x || toParent.y) this.parent!.wheel(toParent.x, toParent.y);
  }

  /**
   * Scrolls for a key: arrows by a line (40 px) or to the next snap point, PageUp/PageDown by
   * a viewport less a line, Home/End to the ends; animated. True when it scrolled (the caller
   * then prevents the key's default), false at the end or for another key.
   */
  key(key: string): boolean {
    const move = keyMove(key, this.scrolls('y') ? 'y' : 'x', this.page.bind(this));
    if (!move || !this.scrolls(move.axis)) return false;
    const { axis, direction } = move;
    const from = this.base(axis), range = this.range(axis);
    let target: number;
    if (move.step === 'end') target = direction > 0 ? range.max : range.min;
    else if (this.options.snap !== undefined) target = snapStep(this.options.snap, from, direction, move.step, this.snapContext(axis));
    else target = clamp(from + direction * move.step, range);
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
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.motions.x = this.motions.y = null;
    this.listeners.clear();
    this.unregister();
    batch(() => {
      this.movingState.value = false;
      this.draggingState.value = false;
    });
  }

  /** A fling handed over by a child at `startTime` (frame ms), shown as of `now`. */
  private receiveFling(axis: ScrollAxis, velocity: number, startTime: number, now: number): void {
    if (this.disposed) return;
    if (!this.scrolls(axis)) {
      if (this.chains(axis)) this.parent!.receiveFling(axis, velocity, startTime, now);
      return;
    }
    this.release(axis, this.offset[axis].peek(), velocity);
    const motion = this.motions[axis];
    if (!motion) return;
    motion.start = startTime;
    const next = { x: this.offset.x.peek(), y: this.offset.y.peek() };
    next[axis] = this.evaluate(axis, now);
    batch(() => {
      this.write(next);
      this.updateMoving();
    });
    this.handOff();
  }

  /** Gives the parent the flings that reached an edge this frame, once this scroller shows the edge. */
  private handOff(): void {
    const handoffs = this.handoffs.splice(0);
    for (const handoff of handoffs) handoff();
  }

  /** Plans the motion after a release at `at` with offset velocity `v`: snap, fling or spring back. */
  private release(axis: ScrollAxis, at: number, v: number): void {
    const motion = releaseMotion(at, v, {
      range: this.range(axis), mode: this.chains(axis) ? 'chain' : this.options.overscroll, snap: this.options.snap,
      context: this.snapContext(axis), settleMs: this.options.springBackMs,
    });
    if (motion) this.run(axis, motion.sim, motion.kind, motion.target);
    else this.motions[axis] = null;
  }

  /** Plans a motion again from `at` and velocity `v`, after the edges moved. */
  private replan(axis: ScrollAxis, motion: Motion, at: number, v: number): void {
    const started = motion.start === null ? null : this.lastFrame;
    const target = clamp(this.targets[axis], this.range(axis));
    if (motion.kind === 'fling') this.release(axis, at, v);
    else if (motion.kind === 'snap') this.run(axis, snapSimulation(at, v, target, this.options.springBackMs), 'snap', target);
    else this.run(axis, new SpringSimulation(at, target, v, motion.kind === 'scroll' ? SCROLL_ANIMATION_MS : this.options.springBackMs), motion.kind, target);
    if (this.motions[axis]) this.motions[axis]!.start = started;
  }

  private animateTo(axis: ScrollAxis, target: number): void {
    const motion = this.motions[axis], at = this.offset[axis].peek();
    if (!motion && at === target) return;
    const started = motion && motion.start !== null ? this.lastFrame : null;
    this.run(axis, new SpringSimulation(at, target, this.velocity(axis), SCROLL_ANIMATION_MS), 'scroll', target);
    this.motions[axis]!.start = started;
  }

  /** Starts `sim` on `axis` and asks for frames. */
  private run(axis: ScrollAxis, sim: Simulation, kind: Motion['kind'], target: number): void {
    if (this.disposed) return;
    this.motions[axis] = { sim, start: null, kind, handedOff: false };
    this.targets[axis] = target;
    this.updateMoving();
    if (!this.cancelFrame) this.cancelFrame = this.frames(this.step);
  }

  private readonly step = (time: number): void => {
    this.cancelFrame = null;
    this.lastFrame = time;
    const next = { x: this.offset.x.peek(), y: this.offset.y.peek() };
    for (const axis of AXES) if (this.motions[axis]) next[axis] = this.evaluate(axis, time);
    batch(() => {
      this.write(next);
      this.updateMoving();
    });
    this.handOff();
    if ((this.motions.x || this.motions.y) && !this.cancelFrame && !this.disposed) this.cancelFrame = this.frames(this.step);
  };

  /** The offset of `axis`'s motion at frame time `time`; ends the motion when it is done, and hands a fling on at its crossing. */
  private evaluate(axis: ScrollAxis, time: number): number {
    const motion = this.motions[axis]!;
    motion.start ??= time;
    const t = (time - motion.start) / 1000;
    const handoff = motion.sim.handoff;
    if (handoff && !motion.handedOff && t >= handoff.time && this.parent) {
      motion.handedOff = true;
      const parent = this.parent, start = motion.start + handoff.time * 1000;
      this.handoffs.push(() => parent.receiveFling(axis, handoff.velocity, start, time));
    }
    if (!motion.sim.isDone(t)) return motion.sim.position(t);
    this.motions[axis] = null;
    return motion.sim.end;
  }

  private write(next: { x: number; y: number }): void {
    const { x, y } = this.offset;
    if (x.peek() === next.x && y.peek() === next.y) return;
    batch(() => {
      x.value = next.x;
      y.value = next.y;
    });
    for (const cb of [...this.listeners]) cb(next.x, next.y);
  }

  private updateMoving(): void {
    this.movingState.value = this.motions.x !== null || this.motions.y !== null;
  }

  private velocity(axis: ScrollAxis): number {
    const motion = this.motions[axis];
    if (!motion) return 0;
    return motion.sim.velocity(motion.start === null ? 0 : (this.lastFrame - motion.start) / 1000);
  }

  /** Where a relative scroll starts: an animated scroll's target, else the offset. */
  private base(axis: ScrollAxis): number {
    return this.motions[axis]?.kind === 'scroll' ? this.targets[axis] : this.offset[axis].peek();
  }

  private scrolls(axis: ScrollAxis): boolean {
    return this.options.axis === 'both' || this.options.axis === axis;
  }

  /** Whether movement on `axis` past this scroller's edge goes to the parent. */
  private chains(axis: ScrollAxis): boolean {
    return this.parent !== null && this.parent.scrolls(axis) && !this.options.infinite;
  }

  private range(axis: ScrollAxis): ScrollRange {
    if (!this.scrolls(axis)) return { min: 0, max: 0 };
    if (this.options.infinite) return { min: -Infinity, max: Infinity };
    const e = this.extents;
    return { min: 0, max: Math.max(0, axis === 'x' ? e.contentWidth - e.viewportWidth : e.contentHeight - e.viewportHeight) };
  }

  private page(axis: ScrollAxis): number {
    return axis === 'x' ? this.extents.viewportWidth : this.extents.viewportHeight;
  }

  private snapContext(axis: ScrollAxis): SnapContext {
    return { axis, range: this.range(axis), page: this.page(axis) };
  }
}

/** The frames of the app whose component is running now. */
function appFrames(): FrameSource {
  const found = getOwner()?.lookup(APP_SERVICES);
  if (!found?.found) {
    throw new Error('new Scroller(): there is no running app to take frames from — create it while a component of a running app runs (in the component, an effect or a handler), or pass { frames }');
  }
  const { loop } = found.value as AppServices;
  return (cb) => loop.requestFrame(cb);
}

function clamp(x: number, range: ScrollRange): number {
  return Math.min(range.max, Math.max(range.min, x));
}

function finite(v: number, method: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`Scroller.${method}: expected finite numbers, got ${String(v)}`);
  return v;
}
