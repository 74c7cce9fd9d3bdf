/**
 * Leak checks for tests and benchmarks: what lives in the process (CanvasKit objects and Yoga
 * nodes from the live-object ledger, the JS heap after a forced full GC, open file
 * descriptors, the wasm heap), and `checkLeaks`, which runs a cycle many times and names
 * everything that grew.
 */
import { readdirSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { canvasKitCounts, liveYogaNodes } from '../render/live-objects.js';
import { wasmHeapBytes } from '../render/canvaskit.js';

export interface LiveObjects {
  /** CanvasKit objects Planar owns (created minus deleted, over every class but borrowed canvases). */
  canvasKit: number;
  /** The same by class name; classes at zero are left out. */
  canvasKitByClass: Record<string, number>;
  /** `ck.Malloc` blocks not yet freed (layer surfaces and the like). */
  mallocBlocks: number;
  /** Yoga nodes created and not yet freed, by anyone in the process. */
  yogaNodes: number;
  /**
   * Bytes of JS objects on the heap after a full garbage collection: every heap space but
   * the code spaces, whose size follows the JIT compiling and dropping functions, not what
   * the program keeps.
   */
  jsHeapBytes: number;
  /** Bytes of ArrayBuffers held outside the JS heap (pixel buffers, the wasm memories). */
  arrayBufferBytes: number;
  /** Open file descriptors of the process (null where /proc/self/fd does not exist). */
  openFds: number | null;
  /** Bytes CanvasKit's wasm memory has reserved (grows only, when an allocation does not fit). */
  wasmHeapBytes: number;
}

let gc: (() => void) | null = null;

/**
 * A full, synchronous garbage collection (node's `gc`, exposed on demand when node was started
 * without --expose-gc). The first call also turns off V8's optimising compiler and bytecode
 * flushing for the rest of the process, so that heap sizes after GC can be compared.
 */
export function collectGarbage(): void {
  if (!gc) {
    const global = (globalThis as { gc?: () => void }).gc;
    if (global) gc = global;
    else {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
    // Two things make the heap after a GC drift without anything being kept: V8 drops the
    // bytecode of functions not run for a few collections, and its optimising compiler keeps
    // making (and throwing away) code whose metadata lives on the heap, tens of bytes a cycle
    // of a test scene for thousands of cycles. Measuring turns both off for the process.
    v8.setFlagsFromString('--no-flush-bytecode');
    v8.setFlagsFromString('--no-opt');
  }
  gc();
}

function openFds(): number | null {
  try {
    // Reading the folder opens one more descriptor, which is not counted.
    return readdirSync('/proc/self/fd').length - 1;
  } catch {
    return null;
  }
}

function objectHeapBytes(): number {
  let bytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (!space.space_name.startsWith('code_')) bytes += space.space_used_size;
  }
  return bytes;
}

/**
 * What lives now, after a full garbage collection (see `collectGarbage` for what the first
 * one changes) (twice, with a turn of the event loop
 * between, so that finalizers and weak callbacks of the first have run).
 * @example const before = await liveObjects(); …; expect((await liveObjects()).yogaNodes).toBe(before.yogaNodes);
 */
export async function liveObjects(): Promise<LiveObjects> {
  collectGarbage();
  await new Promise<void>((resolve) => setImmediate(resolve));
  collectGarbage();
  const ck = canvasKitCounts();
  return {
    canvasKit: ck.owned,
    canvasKitByClass: ck.byClass,
    mallocBlocks: ck.mallocBlocks,
    yogaNodes: liveYogaNodes(),
    jsHeapBytes: objectHeapBytes(),
    arrayBufferBytes: process.memoryUsage().arrayBuffers,
    openFds: openFds(),
    wasmHeapBytes: wasmHeapBytes(),
  };
}

export interface LeakCheckOptions {
  /** Cycles measured, after the warm-up. */
  cycles: number;
  /** Cycles run first and not measured, to fill caches and let the JIT settle (default 3). */
  warmup?: number;
  /**
   * JS heap growth per cycle counted as a leak (default 32 bytes: half of the smallest leak
   * these checks are meant to catch, 64 bytes a cycle). Pick `cycles` so that the slope's
   * noise is well under this (see `checkLeaks`).
   */
  jsHeapBytesPerCycle?: number;
  /** Heap samples taken over the measured cycles, evenly spaced (default 10). */
  samples?: number;
}

export interface LeakReport {
  cycles: number;
  before: LiveObjects;
  after: LiveObjects;
  /** JS heap growth per cycle: the least-squares slope through the samples, in bytes. */
  jsHeapBytesPerCycle: number;
  /** One line per counter that grew past its allowance, naming it and by how much; empty when nothing leaked. */
  leaks: string[];
}

function classGrowth(before: Record<string, number>, after: Record<string, number>): string {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].map((n) => [n, (after[n] ?? 0) - (before[n] ?? 0)] as const)
    .filter(([, d]) => d !== 0).map(([n, d]) => `${d > 0 ? '+' : ''}${d} ${n}`).join(', ');
}

/** Least-squares slope of y over x. */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxx ? sxy / sxx : 0;
}

/**
 * Runs `cycle` `warmup` times, then `cycles` times more while sampling `liveObjects()`.
 * Object counts (CanvasKit objects, Malloc blocks, Yoga nodes, fds) must end exactly where
 * they started. The JS heap after a GC wanders by some tens of KiB from sample to sample
 * (what the runtime holds at that instant), so one before/after pair cannot see a small
 * leak; the slope through `samples + 1` evenly spaced samples can, and it is held to
 * `jsHeapBytesPerCycle`.
 * @example const report = await checkLeaks(async () => { shown.value = !shown.value; await screen.flush(); }, { cycles: 6000 });
 * expect(report.leaks).toEqual([]);
 */
export async function checkLeaks(cycle: () => Promise<void> | void, options: LeakCheckOptions): Promise<LeakReport> {
  const { cycles, warmup = 3, jsHeapBytesPerCycle = 32, samples = 10 } = options;
  for (let i = 0; i < warmup; i++) await cycle();
  // The first collections change the heap by themselves (exposing gc builds a context).
  for (let i = 0; i < 3; i++) await liveObjects();
  const before = await liveObjects();
  const xs = [0], ys = [before.jsHeapBytes];
  let after = before, done = 0;
  for (let s = 1; s <= samples; s++) {
    const until = Math.round((cycles * s) / samples);
    for (; done < until; done++) await cycle();
    after = await liveObjects();
    xs.push(done);
    ys.push(after.jsHeapBytes);
  }
  const perCycle = leastSquaresSlope(xs, ys);
  const leaks: string[] = [];
  const exact = (name: string, a: number | null, b: number | null, detail = '') => {
    if (a !== null && b !== null && b !== a) leaks.push(`${name}: ${a} before, ${b} after ${cycles} cycles${detail}`);
  };
  exact('CanvasKit objects', before.canvasKit, after.canvasKit, ` (${classGrowth(before.canvasKitByClass, after.canvasKitByClass)})`);
  exact('CanvasKit Malloc blocks', before.mallocBlocks, after.mallocBlocks);
  exact('Yoga nodes', before.yogaNodes, after.yogaNodes);
  exact('open file descriptors', before.openFds, after.openFds);
  if (perCycle > jsHeapBytesPerCycle) {
    leaks.push(`JS heap after GC: grows ${perCycle.toFixed(1)} bytes a cycle over ${cycles} cycles (allowed ${jsHeapBytesPerCycle})`);
  }
  return { cycles, before, after, jsHeapBytesPerCycle: perCycle, leaks };
}
