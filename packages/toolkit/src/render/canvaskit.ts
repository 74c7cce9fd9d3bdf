/**
 * Loads CanvasKit (Skia compiled to WebAssembly) once per process. Everything that draws
 * awaits `loadCanvasKit()` first; afterwards `canvasKit()` gives the instance synchronously.
 */
import CanvasKitInit, { type CanvasKit } from 'canvaskit-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { trackCanvasKit } from './live-objects.js';
import { applyProfile, launchProfile } from '../engines/profile.js';
import type { LoadSpan } from '../engines/yoga.js';

let instance: CanvasKit | null = null;
let loading: Promise<CanvasKit> | null = null;
let span: LoadSpan | null = null;

/**
 * Loads (once) and returns CanvasKit, compiled in the 'default' profile unless one was applied
 * before (see profile.ts).
 */
export function loadCanvasKit(): Promise<CanvasKit> {
  if (!loading) {
    applyProfile('default');
    const start = performance.now();
    const require = createRequire(import.meta.url);
    const bin = path.dirname(require.resolve('canvaskit-wasm/bin/canvaskit.wasm'));
    loading = CanvasKitInit({ locateFile: (file: string) => path.join(bin, file) }).then((ck) => {
      // Counted from the start, so that the testing API's liveObjects() sees every object.
      trackCanvasKit(ck);
      instance = ck;
      span = { start, end: performance.now(), rss: process.memoryUsage.rss() };
      return ck;
    });
  }
  return loading;
}

// Launched from a bundle whose profile is known: compile while the app's modules load. A failure
// is createApp's to report (it awaits the same promise).
const early = launchProfile();
if (early) {
  applyProfile(early);
  loadCanvasKit().catch(() => {});
}

/** When CanvasKit's load began and ended; null until it has. */
export function canvasKitLoadSpan(): LoadSpan | null {
  return span;
}

/** The loaded CanvasKit; throws if `loadCanvasKit()` has not finished. */
export function canvasKit(): CanvasKit {
  if (!instance) throw new Error('CanvasKit is not loaded yet: await createApp() or render() before drawing');
  return instance;
}

/**
 * Bytes of wasm memory CanvasKit has reserved. It only grows, when an allocation does not fit
 * the free space: a leak that fits there is invisible here (count live objects instead).
 */
export function wasmHeapBytes(): number {
  const ck = instance as unknown as { HEAPU8?: Uint8Array } | null;
  return ck?.HEAPU8?.byteLength ?? 0;
}
