/**
 * A tween: a numeric signal that eases toward a target, and can be sent toward a new target
 * at any moment, even mid-flight, without a jump.
 *
 * How a retarget works:
 * 1. Each leg runs from the value the signal has when the leg starts (`from`) to the target
 *    over `duration`, on the app's frame clock: `from + (to - from) · easing(u)`, u = 0..1.
 * 2. When the target changes mid-leg, the new leg starts at the last frame, where the value
 *    was, and keeps the speed it had there: the leg adds `v · duration · u(1-u)⁴`, a term that
 *    starts at the old velocity `v` (per ms), fades out, and is zero with zero slope at the
 *    end, so the leg still lands exactly on its target. A reversal therefore turns round
 *    smoothly instead of snapping back; with an easing that starts at rest (`easeInOut`) the
 *    speed is continuous as well. The fast (1-u)⁴ fade keeps a retarget the same way from
 *    overshooting unless the carried speed would cover four times the new leg in `duration`.
 * 3. Only one frame callback is alive at a time, and the tween stops with its owner.
 * 4. A vector tween (`createVectorTween`) runs the same legs on several channels in lockstep
 *    (a colour's r, g, b, a; a transform's steps), each with its own carried speed, and writes
 *    its signal once per frame; `createTween` is its one-channel case.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals-core';
import { getOwner, runWithOwner, type Owner } from '../jsx/owner.js';
import { easings, requestFrame, type Easing } from './animate.js';

export interface TweenOptions {
  /** Length of a leg, ms. */
  duration: number;
  /** Default `easings.easeOut`. */
  easing?: Easing;
}

export interface VectorTween {
  /** The animated channels, written once per frame. */
  readonly value: ReadonlySignal<readonly number[]>;
  /** Where each channel is heading. */
  readonly target: readonly number[];
  /** Whether a leg is running (frames are being asked for). */
  readonly running: boolean;
  /** Eases every channel from where it is to `target` (same length); `{ animate: false }` jumps. */
  to(target: readonly number[], options?: { animate?: boolean }): void;
  /** Stops where it is and asks for no more frames. */
  stop(): void;
}

export interface Tween {
  /** The animated value. */
  readonly value: ReadonlySignal<number>;
  /** Where it is heading. */
  readonly target: number;
  /** Its speed at the last frame, per ms (0 at rest). */
  readonly velocity: number;
  /**
   * Eases from where it is (keeping its speed) to `target`; with `{ animate: false }` it jumps
   * there at once and stops.
   */
  to(target: number, options?: { animate?: boolean }): void;
}

/** The carried-speed shape: k(0) = 0, k'(0) = 1, k(1) = k'(1) = 0. */
const carry = (u: number) => u * (1 - u) ** 4;
const carrySlope = (u: number) => (1 - u) ** 3 * (1 - 5 * u);

/** The slope of an easing at u, from a central difference (easings are black boxes). */
function slope(easing: Easing, u: number): number {
  const h = 1e-4;
  const a = Math.max(0, u - h), b = Math.min(1, u + h);
  return (easing(b) - easing(a)) / (b - a);
}

/**
 * Creates a tween at `initial`. Call it while a component runs: it stops when the component
 * unmounts.
 * @example
 * const x = createTween(0, { duration: 300 });
 * <Layer position={() => ({ x: x.value.value, y: 40 })}>…</Layer>
 * onPress={() => x.to(open.value ? 400 : 0)}   // mid-slide too: it turns round smoothly
 */
export function createTween(initial: number, options: TweenOptions): Tween {
  const core = new TweenCore([initial], options, getOwner());
  const value = computed(() => core.value.value[0]!);
  return {
    value,
    get target() { return core.target[0]!; },
    get velocity() { return core.velocity[0]!; },
    to: (next, o) => core.to([next], o),
  };
}

/**
 * A tween of several channels that move together: one leg, one frame callback and one signal
 * write per frame for all of them. Call it while a component runs.
 * @example
 * const rgba = createVectorTween([0, 0, 0, 1], { duration: 200 });
 * rgba.to([1, 0.5, 0, 1]);   // rgba.value.value is [r, g, b, a] at each frame
 */
export function createVectorTween(initial: readonly number[], options: TweenOptions): VectorTween {
  return new TweenCore(initial, options, getOwner());
}

class TweenCore implements VectorTween {
  readonly value: Signal<readonly number[]>;
  private readonly easing: Easing;
  private readonly duration: number;
  // The running leg: from, to, the carried speeds, its start time (set by its first frame).
  private from: number[];
  target: number[];
  private carried: number[];
  private start: number | null = null;
  private lastU = 1;
  private lastTime = 0;
  velocity: number[];
  private cancel: (() => void) | null = null;

  constructor(initial: readonly number[], options: TweenOptions, private readonly owner: Owner | null) {
    this.easing = options.easing ?? easings.easeOut;
    this.duration = options.duration;
    this.value = signal(initial.slice());
    this.from = initial.slice();
    this.target = initial.slice();
    this.carried = initial.map(() => 0);
    this.velocity = initial.map(() => 0);
    owner?.onDispose(() => this.stop());
  }

  get running(): boolean {
    return this.cancel !== null;
  }

  private speedAt(i: number, u: number): number {
    const d = this.duration;
    return d > 0 ? ((this.target[i]! - this.from[i]!) * slope(this.easing, u)) / d + this.carried[i]! * carrySlope(u) : 0;
  }

  private readonly step = (time: number): void => {
    this.start ??= time;
    this.lastTime = time;
    const d = this.duration;
    const u = d > 0 ? Math.min(1, (time - this.start) / d) : 1;
    this.lastU = u;
    const e = this.easing(u), k = d * carry(u);
    this.velocity = this.target.map((_, i) => (u < 1 ? this.speedAt(i, u) : 0));
    this.value.value = u < 1 ? this.target.map((t, i) => this.from[i]! + (t - this.from[i]!) * e + this.carried[i]! * k) : this.target.slice();
    this.cancel = u < 1 ? runWithOwner(this.owner, () => requestFrame(this.step)) : null;
  };

  stop(): void {
    this.cancel?.();
    this.cancel = null;
    this.velocity = this.velocity.map(() => 0);
  }

  to(next: readonly number[], o: { animate?: boolean } = {}): void {
    if (next.length !== this.target.length) {
      throw new RangeError(`tween.to: got ${next.length} channels for a tween of ${this.target.length}`);
    }
    if (o.animate === false) {
      this.stop();
      this.from = next.slice();
      this.target = next.slice();
      this.carried = next.map(() => 0);
      this.lastU = 1;
      this.value.value = next.slice();
      return;
    }
    if (next.every((v, i) => v === this.target[i])) return;
    // The speed of the leg in flight where its last frame left it (a leg that has not had a
    // frame yet never moved: the speed before it still holds).
    const inFlight = this.cancel !== null && this.start !== null;
    if (!this.cancel) this.carried = next.map(() => 0);
    else if (inFlight) this.carried = next.map((_, i) => this.speedAt(i, this.lastU));
    this.from = this.value.peek().slice();
    this.target = next.slice();
    // A leg in flight hands over at its last frame, so the next frame already moves on.
    this.start = inFlight ? this.lastTime : null;
    this.lastU = 0;
    this.cancel ??= runWithOwner(this.owner, () => requestFrame(this.step));
  }
}
