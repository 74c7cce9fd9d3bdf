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
 */
import { signal, type ReadonlySignal } from '@preact/signals-core';
import { getOwner, runWithOwner } from '../jsx/owner.js';
import { easings, requestFrame, type Easing } from './animate.js';

export interface TweenOptions {
  /** Length of a leg, ms. */
  duration: number;
  /** Default `easings.easeOut`. */
  easing?: Easing;
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
  const owner = getOwner();
  const easing = options.easing ?? easings.easeOut;
  const duration = options.duration;
  const value = signal(initial);
  // The running leg: from, to, the carried speed, its start time (set by its first frame).
  let from = initial, target = initial, carried = 0, start: number | null = null;
  let lastU = 1, lastTime = 0, velocity = 0;
  let cancel: (() => void) | null = null;

  const speedAt = (u: number) => (duration > 0 ? ((target - from) * slope(easing, u)) / duration + carried * carrySlope(u) : 0);
  const step = (time: number) => {
    start ??= time;
    lastTime = time;
    const u = duration > 0 ? Math.min(1, (time - start) / duration) : 1;
    lastU = u;
    velocity = u < 1 ? speedAt(u) : 0;
    value.value = u < 1 ? from + (target - from) * easing(u) + carried * duration * carry(u) : target;
    cancel = u < 1 ? runWithOwner(owner, () => requestFrame(step)) : null;
  };
  if (owner) owner.onDispose(() => cancel?.());

  return {
    value,
    get target() { return target; },
    get velocity() { return velocity; },
    to(next, o = {}) {
      if (o.animate === false) {
        cancel?.();
        cancel = null;
        from = target = next;
        carried = velocity = 0;
        lastU = 1;
        value.value = next;
        return;
      }
      if (next === target) return;
      // The speed of the leg in flight where its last frame left it (a leg that has not had a
      // frame yet never moved: the speed before it still holds).
      const inFlight = cancel !== null && start !== null;
      if (!cancel) carried = 0;
      else if (inFlight) carried = speedAt(lastU);
      from = value.peek();
      target = next;
      // A leg in flight hands over at its last frame, so the next frame already moves on.
      start = inFlight ? lastTime : null;
      lastU = 0;
      cancel ??= runWithOwner(owner, () => requestFrame(step));
    },
  };
}
