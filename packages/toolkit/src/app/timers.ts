/**
 * Timers on Planar's clock, owned by the component that made them (cancelled when it
 * unmounts) and driven by the testing clock in tests.
 */
import { getOwner, reportError, runWithOwner } from '../jsx/owner.js';
import { appServices } from './services.js';

function ownedTimer(name: string, ms: number, fn: () => void, repeat: boolean): () => void {
  const { clock } = appServices(name);
  const owner = getOwner();
  let cancel = () => {};
  let stopped = false;
  let unregister = () => {};
  const fire = () => {
    if (stopped) return;
    if (repeat) cancel = clock.setTimer(ms, fire);
    else {
      // Done: nothing left for the owner to cancel.
      stopped = true;
      unregister();
    }
    runWithOwner(owner, () => {
      try {
        fn();
      } catch (error) {
        reportError(error, owner);
      }
    });
  };
  cancel = clock.setTimer(ms, fire);
  const stop = () => {
    stopped = true;
    cancel();
    unregister();
  };
  if (owner) unregister = owner.onDispose(stop);
  return stop;
}

/**
 * Calls `fn` every `ms` milliseconds until the component unmounts or the returned function is called.
 * @example interval(1000, () => now.value = new Date());
 */
export function interval(ms: number, fn: () => void): () => void {
  return ownedTimer('interval()', Math.max(1, ms), fn, true);
}

/**
 * Calls `fn` once after `ms` milliseconds, unless the component unmounts first.
 * @example timeout(3000, () => toast.value = null);
 */
export function timeout(ms: number, fn: () => void): () => void {
  return ownedTimer('timeout()', ms, fn, false);
}
