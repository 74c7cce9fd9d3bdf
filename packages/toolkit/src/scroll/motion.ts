/**
 * The motions a scroller runs, one per axis, and the frames they ask for.
 *
 * 1. A motion is a simulation (physics.ts) and the time it started at, on the frames' clock.
 *    A motion that starts from rest starts now, when the clock is known (in an app: a fling
 *    starts when the finger lifts, so the first frame after it already shows the glide), else
 *    at its first frame. A motion that takes over from one that already had frames (a
 *    retarget, an edge that moved) starts at the last frame's time, where the content is
 *    shown, so the very next frame moves on: it never stands still for one.
 * 2. While any motion runs there is exactly one frame request. Each frame evaluates every
 *    running motion at (frame time − start), ends those that are done (showing their exact
 *    rest point), shows the positions, and then reports the flings that reached an edge
 *    this frame with a handoff (fling.ts) — after the positions, so the parent moves on only
 *    once this scroller shows its edge. The handoff is dated to the crossing, not the frame.
 * 3. With no motion, no frames are asked for; `dispose` cancels the one in flight.
 */
import type { Simulation } from './physics.js';
import type { FrameSource, ScrollAxis } from './options.js';

/** What a motion is for: 'fling' is planned again from scratch when the edges move; the others keep their target. */
export type MotionKind = 'fling' | 'snap' | 'scroll' | 'settle';

export interface Motion {
  readonly sim: Simulation;
  readonly kind: MotionKind;
  /** Where it means to rest. */
  readonly target: number;
  /** Frame time (ms) it started at; null until its first frame. */
  start: number | null;
  /** Whether its handoff was reported. */
  handedOff: boolean;
}

/** What the motions report to their scroller. */
export interface MotionHost {
  /** Shows the positions of the axes that moved in a frame. */
  show(positions: Partial<Record<ScrollAxis, number>>): void;
  /** A fling reached an edge: `velocity` for a parent, dated `start` (frame ms), shown as of `now`. */
  handOff(axis: ScrollAxis, velocity: number, start: number, now: number): void;
}

const AXES: readonly ScrollAxis[] = ['x', 'y'];

export class AxisMotions {
  private readonly motions: Record<ScrollAxis, Motion | null> = { x: null, y: null };
  private cancelFrame: (() => void) | null = null;
  private lastFrame = 0;
  private disposed = false;

  /** `now` reads the clock the frame times come from, when it is known. */
  constructor(private readonly frames: FrameSource, private readonly now: (() => number) | null, private readonly host: MotionHost) {}

  /** Whether any axis is moving. */
  get running(): boolean {
    return this.motions.x !== null || this.motions.y !== null;
  }

  get(axis: ScrollAxis): Motion | null {
    return this.motions[axis];
  }

  /**
   * Runs `sim` on `axis`, replacing what ran there. It starts at `start` when given, at the
   * last frame when it takes over a motion that had frames, else now (or at its first frame).
   */
  run(axis: ScrollAxis, sim: Simulation, kind: MotionKind, target: number, start?: number): void {
    if (this.disposed) return;
    const current = this.motions[axis];
    const from = start ?? (current && current.start !== null ? this.lastFrame : this.now?.() ?? null);
    this.motions[axis] = { sim, kind, target, start: from, handedOff: false };
    this.cancelFrame ??= this.frames(this.step);
  }

  /** Ends the motion on `axis` (both when none is given) where it is. */
  stop(axis?: ScrollAxis): void {
    for (const a of axis ? [axis] : AXES) this.motions[a] = null;
  }

  /** The velocity of `axis`'s motion as of the last frame, px/s (0 at rest). */
  velocity(axis: ScrollAxis): number {
    const motion = this.motions[axis];
    if (!motion) return 0;
    return motion.sim.velocity(motion.start === null ? 0 : (this.lastFrame - motion.start) / 1000);
  }

  /** Where `axis`'s motion is at frame time `now` (ending it when done); for a motion started mid-frame. */
  positionAt(axis: ScrollAxis, now: number): number | null {
    if (!this.motions[axis]) return null;
    this.lastFrame = now;
    const handoffs: (() => void)[] = [];
    const position = this.evaluate(axis, now, handoffs);
    this.host.show({ [axis]: position });
    for (const handoff of handoffs) handoff();
    return position;
  }

  /** Cancels the frame in flight and runs nothing more; safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.stop();
  }

  private readonly step = (time: number): void => {
    this.cancelFrame = null;
    this.lastFrame = time;
    const positions: Partial<Record<ScrollAxis, number>> = {};
    const handoffs: (() => void)[] = [];
    for (const axis of AXES) if (this.motions[axis]) positions[axis] = this.evaluate(axis, time, handoffs);
    this.host.show(positions);
    for (const handoff of handoffs) handoff();
    if (this.running && !this.disposed) this.cancelFrame ??= this.frames(this.step);
  };

  /** The position of `axis`'s motion at `time`; ends the motion when done, and queues its handoff once due. */
  private evaluate(axis: ScrollAxis, time: number, handoffs: (() => void)[]): number {
    const motion = this.motions[axis]!;
    motion.start ??= time;
    const start = motion.start, t = Math.max(0, time - start) / 1000;
    const handoff = motion.sim.handoff;
    if (handoff && !motion.handedOff && t >= handoff.time) {
      motion.handedOff = true;
      handoffs.push(() => this.host.handOff(axis, handoff.velocity, start + handoff.time * 1000, time));
    }
    if (!motion.sim.isDone(t)) return motion.sim.position(t);
    this.motions[axis] = null;
    return motion.sim.end;
  }
}
