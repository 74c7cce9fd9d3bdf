/**
 * Yoga (flexbox layout compiled to WebAssembly), loaded once per process. yoga-layout's main
 * entry compiles its wasm with a top-level await while the module graph loads, so nothing else
 * can start meanwhile and no bundle can hold it; `yoga-layout/load` compiles on request, so
 * `createApp` and `render()` compile it side by side with CanvasKit. Everything that makes a
 * node runs after those have awaited `loadYoga()`; `yoga()` then gives the instance at once.
 *
 * yoga-layout's loader carries its wasm as base64 in a `data:` URL and, where a global `fetch`
 * exists, fetches that URL. In Node, the first touch of `fetch` loads its HTTP client with
 * http, http2, tls and zlib (about 11 ms and 9 MiB of resident memory here) to decode 90 KB of
 * base64. So `fetch` is hidden for the synchronous moment the loader looks at it (the property
 * is taken aside without being read, so nothing is loaded) and Yoga decodes the base64 itself.
 */
import { loadYoga as compileYoga, type Yoga } from 'yoga-layout/load';
import { launchProfile } from './profile.js';

let instance: Yoga | null = null;
let loading: Promise<Yoga> | null = null;
/** When a load began and ended (ms since the process started), and the resident memory then. */
export interface LoadSpan { start: number; end: number; rss: number }

let span: LoadSpan | null = null;
const listeners: ((yoga: Yoga) => void)[] = [];

/** Loads (once) and returns Yoga. */
export function loadYoga(): Promise<Yoga> {
  if (!loading) {
    const start = performance.now();
    loading = withoutFetch(compileYoga).then((yoga) => {
      instance = yoga;
      span = { start, end: performance.now(), rss: process.memoryUsage.rss() };
      for (const listener of listeners) listener(yoga);
      return yoga;
    });
  }
  return loading;
}

// Launched from a bundle: compile while the app's modules load, as CanvasKit does.
if (launchProfile()) loadYoga().catch(() => {});

/** When Yoga's load began and ended; null until it has. */
export function yogaLoadSpan(): LoadSpan | null {
  return span;
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

/** Runs `fn` with no global `fetch`, then puts the property back exactly as it was. */
function withoutFetch<T>(fn: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return fn();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return fn();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
