/**
 * The looping phase behind indeterminate progress (ProgressBar, Spinner).
 *
 * How it runs:
 * 1. While `active()` is true (the widget is indeterminate and reduced motion is off), a frame
 *    callback on the app's clock advances `phase` from 0 to 1 once per `periodMs`, and asks for
 *    the next frame. Nothing else asks for frames: an indeterminate widget is the only thing
 *    that keeps the panel rendering, and only while it can be seen.
 * 2. Each frame it checks that the widget's box still has a size. A box inside a
 *    `display: 'none'` parent is laid out with no size: the loop then stops asking for frames
 *    and looks again every `HIDDEN_RECHECK_MS` on a plain timer (no frame is rendered for it),
 *    resuming from where it stopped once the box is shown again.
 * 3. The loop belongs to the component's owner: unmounting stops it, and so does `active()`
 *    turning false (reduced motion switched on, the widget given a value).
 */
import {
  effect, getOwner, onCleanup, requestFrame, runWithOwner, signal, timeout,
  type NodeHandle, type ReadonlySignal,
} from '@planar/toolkit';

/** How often a hidden indeterminate widget looks whether it is shown again (ms, timer only). */
export const HIDDEN_RECHECK_MS = 500;

function hasSize(ref: { readonly current: NodeHandle | null }): boolean {
  const handle = ref.current;
  if (!handle) return false;
  try {
    const box = handle.box();
    return box.width > 0 && box.height > 0;
  } catch {
    return false;
  }
}

/**
 * A phase 0..1 that loops every `periodMs` while `active()` is true and the box behind `ref`
 * is shown; it stands still otherwise. Call it while a component runs.
 * @example
 * const phase = useLoopingPhase(ref, () => indeterminate() && !reducedMotion(), 1600);
 * <View style={{ left: () => `${phase.value * 100}%` }} />
 */
export function useLoopingPhase(ref: { readonly current: NodeHandle | null }, active: () => boolean, periodMs: number): ReadonlySignal<number> {
  const phase = signal(0);
  const owner = getOwner();
  let cancel: (() => void) | null = null;
  let last: number | null = null;

  const stop = () => {
    cancel?.();
    cancel = null;
    last = null;
  };
  const frame = (time: number) => {
    cancel = null;
    if (last !== null && !hasSize(ref)) {
      last = null;
      recheck();
      return;
    }
    if (last !== null) phase.value = (phase.peek() + (time - last) / periodMs) % 1;
    last = time;
    schedule();
  };
  const schedule = () => {
    cancel = runWithOwner(owner, () => requestFrame(frame));
  };
  const recheck = () => {
    cancel = runWithOwner(owner, () => timeout(HIDDEN_RECHECK_MS, () => {
      cancel = null;
      if (hasSize(ref)) schedule();
      else recheck();
    }));
  };

  onCleanup(effect(() => {
    if (active()) {
      if (!cancel) schedule();
    } else stop();
  }));
  onCleanup(stop);
  return phase;
}
