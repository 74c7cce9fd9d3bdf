/**
 * What the inspector may see of an app: its internals (scene, compositor, display), kept in a
 * WeakMap keyed by the app object that `startApp` fills, and the app's closing, which the
 * inspector's listeners and servers follow. A closed app is remembered (a WeakSet), so that a
 * hook added after the close — by a server that was still starting — runs at once instead of
 * waiting for a close that already happened.
 */
import type { App, AppInternals } from '../app/app-types.js';

const internals = new WeakMap<App, AppInternals>();
const closeHooks = new WeakMap<App, Set<() => void>>();
const closedApps = new WeakSet<App>();

/** Called by startApp once the app exists. */
export function registerApp(parts: AppInternals): void {
  internals.set(parts.app, parts);
}

/** The internals of an app made by createApp (or the testing API's render). */
export function internalsOf(app: App): AppInternals {
  const parts = internals.get(app);
  if (!parts) throw new Error('inspect: this is not an app made by createApp or render (pass the object they returned)');
  return parts;
}

/** Runs `cb` when the app closes (at once when it has closed already); returns its removal. */
export function whenClosed(app: App, cb: () => void): () => void {
  if (closedApps.has(app)) {
    runHook(cb);
    return () => {};
  }
  let hooks = closeHooks.get(app);
  if (!hooks) closeHooks.set(app, (hooks = new Set()));
  hooks.add(cb);
  return () => hooks.delete(cb);
}

/** Called by app.close(): runs the close hooks once, each on its own (one that throws is printed). */
export function appClosed(app: App): void {
  const hooks = closeHooks.get(app);
  closedApps.add(app);
  closeHooks.delete(app);
  internals.delete(app);
  for (const cb of hooks ?? []) runHook(cb);
}

function runHook(cb: () => void): void {
  try {
    cb();
  } catch (error) {
    console.error(`planar: closing the inspector failed: ${(error as Error)?.message ?? String(error)}`);
  }
}
