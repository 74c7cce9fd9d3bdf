/**
 * A numeric signal that eases to new targets on Planar's frame clock. Unlike calling
 * `animate` once per change, it keeps a single frame callback alive at a time and registers
 * one cleanup, however often the target moves.
 */
import { easings, getOwner, onCleanup, requestFrame, runWithOwner, signal, type ReadonlySignal } from '@planar/toolkit';

export interface Tween {
  readonly value: ReadonlySignal<number>;
  /** Eases from the current value to `target`, or jumps there when `ease` is false. */
  to(target: number, ease?: boolean): void;
}

/** Must be called while a component runs; stops when it unmounts. */
export function createTween(initial: number, duration: number): Tween {
  const owner = getOwner();
  const value = signal(initial);
  let from = initial, target = initial, start: number | null = null;
  let cancel: (() => void) | null = null;
  const step = (time: number) => {
    start ??= time;
    const t = Math.min(1, (time - start) / duration);
    value.value = from + (target - from) * easings.easeOut(t);
    cancel = t < 1 ? runWithOwner(owner, () => requestFrame(step)) : null;
  };
  onCleanup(() => cancel?.());
  return {
    value,
    to(next, ease = true) {
      if (!ease) {
        cancel?.();
        cancel = null;
        from = target = next;
        value.value = next;
        return;
      }
      if (next === target) return;
      from = value.peek();
      target = next;
      start = null;
      cancel ??= runWithOwner(owner, () => requestFrame(step));
    },
  };
}
