/**
 * The animation primitive: `animate` moves a numeric signal towards a target over a duration,
 * one step per display frame, asking for frames only while it runs. `requestFrame` is the
 * raw hook: a callback at the start of the next frame, with the frame's time.
 */
import type { Signal } from '@preact/signals-core';
import { getOwner } from '../jsx/owner.js';
import { appServices } from '../app/services.js';

export type Easing = (t: number) => number;

export const easings = {
  linear: (t: number) => t,
  easeIn: (t: number) => t * t * t,
  easeOut: (t: number) => 1 - (1 - t) ** 3,
  easeInOut: (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2),
} satisfies Record<string, Easing>;

export interface AnimationHandle {
  /** Stops where it is; `finished` resolves with false. */
  cancel(): void;
  /** Resolves true when the target was reached, false when cancelled. */
  readonly finished: Promise<boolean>;
}

/**
 * Calls `cb` at the start of the next frame with the frame time (ms); returns a cancel function.
 * @example requestFrame((t) => angle.value = t / 10);
 */
export function requestFrame(cb: (time: number) => void): () => void {
  return appServices('requestFrame()').loop.requestFrame(cb);
}

/**
 * Animates `target` from its current value to `to`.
 * @example animate(progress, 1, { duration: 300, easing: easings.easeOut });
 */
export function animate(
  target: Signal<number>,
  to: number,
  options: { duration: number; easing?: Easing },
): AnimationHandle {
  const { loop } = appServices('animate()');
  const from = target.peek();
  const easing = options.easing ?? easings.easeInOut;
  let start: number | null = null;
  let cancelFrame = () => {};
  let done!: (reached: boolean) => void;
  const finished = new Promise<boolean>((r) => (done = r));
  let over = false;
  let unregister = () => {};
  const step = (time: number) => {
    start ??= time;
    const t = options.duration > 0 ? Math.min(1, (time - start) / options.duration) : 1;
    target.value = from + (to - from) * easing(t);
    if (t < 1) cancelFrame = loop.requestFrame(step);
    else {
      over = true;
      unregister();
      done(true);
    }
  };
  cancelFrame = loop.requestFrame(step);
  const cancel = () => {
    if (over) return;
    over = true;
    cancelFrame();
    unregister();
    done(false);
  };
  unregister = getOwner()?.onDispose(cancel) ?? unregister;
  return { cancel, finished };
}
