/**
 * Owners: who disposes what.
 *
 * Components run once, and everything they set up — effects that bind props, timers, child
 * subtrees made by `Show` or `For` — must be torn down when their part of the tree unmounts.
 * An `Owner` is that bookkeeping: a node in a tree parallel to the component tree that holds
 *
 *   - `cleanups`: functions run (in reverse order) when the owner is disposed, which is how
 *     effects, timers and nodes made under it are released;
 *   - `contexts`: values provided by `createContext().Provider`, looked up by walking parents;
 *   - `catcher`: an error handler, set by `ErrorBoundary` and by the app at the root, that
 *     errors thrown by effects and event handlers below it are routed to;
 *   - `name`: the component that created it, for error messages ("in App › Tile").
 *
 * The reactive core is @preact/signals-core. `bindEffect` wraps its `effect` so that the effect
 * belongs to the current owner (disposed with it), runs its body with that owner current (so
 * `useContext` and `onCleanup` work inside it), and reports exceptions to the owner's catcher
 * instead of letting them escape into whichever signal write triggered it.
 */
import { effect, untracked } from '@preact/signals-core';

export type ErrorCatcher = (error: Error, owner: Owner) => void;

export class Owner {
  readonly parent: Owner | null;
  readonly name: string | undefined;
  private cleanups: (() => void)[] = [];
  contexts: Map<symbol, unknown> | undefined;
  catcher: ErrorCatcher | undefined;
  disposed = false;

  constructor(parent: Owner | null, name?: string) {
    this.parent = parent;
    this.name = name;
  }

  /** Registers `fn` to run when this owner is disposed; returns a function that unregisters it. */
  onDispose(fn: () => void): () => void {
    if (this.disposed) {
      fn();
      return () => {};
    }
    this.cleanups.push(fn);
    return () => {
      const i = this.cleanups.lastIndexOf(fn);
      if (i >= 0) this.cleanups.splice(i, 1);
    };
  }

  /** Runs every cleanup, newest first; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const cleanups = this.cleanups;
    this.cleanups = [];
    for (let i = cleanups.length - 1; i >= 0; i--) {
      try {
        cleanups[i]!();
      } catch (error) {
        reportError(error, this.parent ?? this);
      }
    }
  }

  /** Component names from the root down to this owner, e.g. "App › Grid › Tile". */
  path(): string {
    const names: string[] = [];
    for (let o: Owner | null = this; o; o = o.parent) if (o.name) names.push(o.name);
    return names.reverse().join(' › ');
  }

  /** The nearest value provided for `key`, or undefined. */
  lookup(key: symbol): { found: boolean; value: unknown } {
    for (let o: Owner | null = this; o; o = o.parent) {
      if (o.contexts?.has(key)) return { found: true, value: o.contexts.get(key) };
    }
    return { found: false, value: undefined };
  }
}

let current: Owner | null = null;

/** The owner that components and effects created now will belong to. */
export function getOwner(): Owner | null {
  return current;
}

/** Runs `fn` with `owner` as the current owner, restoring the previous one afterwards. */
export function runWithOwner<T>(owner: Owner | null, fn: () => T): T {
  const previous = current;
  current = owner;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Creates a child owner of the current one (disposed with it) and runs `fn` under it. */
export function createChildOwner<T>(name: string | undefined, fn: (owner: Owner) => T): T {
  const parent = current;
  const owner = new Owner(parent, name);
  parent?.onDispose(() => owner.dispose());
  return runWithOwner(owner, () => fn(owner));
}

/**
 * Creates a detached root owner and runs `fn` under it; the caller disposes it.
 * @example const dispose = createRoot((dispose) => { mount(); return dispose; });
 */
export function createRoot<T>(fn: (dispose: () => void) => T, name?: string): T {
  const owner = new Owner(null, name);
  return runWithOwner(owner, () => fn(() => owner.dispose()));
}

/**
 * Runs `fn` when the current component's owner is disposed (its subtree unmounts).
 * @example onCleanup(() => socket.close());
 */
export function onCleanup(fn: () => void): void {
  if (!current) throw new Error('onCleanup() was called outside a component: call it while a component runs, or inside an effect');
  current.onDispose(fn);
}

/** Turns anything thrown into an Error, keeping Errors as they are. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : `non-Error thrown: ${String(thrown)}`);
}

const pathNoted = new WeakSet<Error>();

/**
 * Routes an exception to the nearest catcher above `owner` (an ErrorBoundary, or the app),
 * adding the component path to the message once. Without any catcher it is printed.
 */
export function reportError(thrown: unknown, owner: Owner | null): void {
  const error = toError(thrown);
  if (owner && !pathNoted.has(error)) {
    const path = owner.path();
    if (path) {
      (error as Error & { componentPath?: string }).componentPath = path;
      error.message = `${error.message} (in ${path})`;
    }
    pathNoted.add(error);
  }
  for (let o: Owner | null = owner; o; o = o.parent) {
    if (o.catcher && !o.disposed) {
      try {
        o.catcher(error, owner!);
        return;
      } catch (rethrown) {
        // A catcher that throws passes the (new) error further up.
        return reportError(rethrown, o.parent);
      }
    }
  }
  console.error('planar: uncaught error:', error);
}

/**
 * An effect owned by the current owner: `fn` re-runs when a signal it read changes, its
 * previous run's `onCleanup`s run first, exceptions go to the nearest catcher, and the
 * effect is disposed with its owner.
 */
export function bindEffect(fn: () => void, _label?: string): () => void {
  const parent = current;
  let runOwner: Owner | null = null;
  const dispose = effect(() => {
    runOwner?.dispose();
    // Effects add no name: error paths list components only.
    const owner = new Owner(parent, undefined);
    runOwner = owner;
    const previous = current;
    current = owner;
    try {
      fn();
    } catch (error) {
      // Report outside the tracking context so the catcher's reads don't subscribe this effect.
      untracked(() => reportError(error, owner));
    } finally {
      current = previous;
    }
  });
  const stop = () => {
    dispose();
    runOwner?.dispose();
    runOwner = null;
  };
  parent?.onDispose(stop);
  return stop;
}
