/**
 * Yoga (flexbox layout compiled to WebAssembly), loaded once per process. yoga-layout's main
 * entry compiles its wasm with a top-level await while the module graph loads, so nothing else
 * can start meanwhile and no bundle can hold it; `yoga-layout/load` compiles on request, so
 * `createApp` and `render()` compile it side by side with CanvasKit. Everything that makes a
 * node runs after those have awaited `loadYoga()`; `yoga()` then gives the instance at once.
 */
import { loadYoga as compileYoga, type Yoga } from 'yoga-layout/load';

let instance: Yoga | null = null;
let loading: Promise<Yoga> | null = null;
const listeners: ((yoga: Yoga) => void)[] = [];

/** Loads (once) and returns Yoga. */
export function loadYoga(): Promise<Yoga> {
  loading ??= compileYoga().then((yoga) => {
    instance = yoga;
    for (const listener of listeners) listener(yoga);
    return yoga;
  });
  return loading;
}

/** The loaded Yoga; throws if `loadYoga()` has not finished. */
export function yoga(): Yoga {
  if (!instance) throw new Error('Yoga is not loaded yet: await createApp() or render() before making nodes');
  return instance;
}

/** Calls `fn` with Yoga once it is loaded (at once if it is). */
export function whenYogaLoaded(fn: (yoga: Yoga) => void): void {
  if (instance) fn(instance);
  else listeners.push(fn);
}
