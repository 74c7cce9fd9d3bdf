/**
 * Mounting and unmounting a 1,000-node subtree 200 times (after 10 warm-up cycles), what is
 * alive afterwards over before (liveObjects(), after a full GC; goal 0 for the counts):
 *   leak.canvaskit  CanvasKit objects Planar owns (created minus deleted)
 *   leak.yoga       Yoga nodes (created minus freed)
 *   leak.fds        open file descriptors
 *   leak.js_heap    JS heap growth per cycle, bytes (least-squares slope through 11 samples)
 *   leak.wasm       CanvasKit's reserved wasm memory, bytes (grows only when an allocation
 *                   does not fit, so it stays 0 for a leak smaller than the free space)
 */
import { For, Show, Text, View, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render, checkLeaks } from '@planar/toolkit/testing';

export const name = 'leak';

export async function run() {
  const shown = signal(false);
  const items = Array.from({ length: 500 }, (_, i) => i);
  const tile = (i) => jsx(View, {
    style: { width: 36, height: 22, margin: 1, borderRadius: 4, backgroundColor: i % 2 ? '#345' : '#543', opacity: i % 9 === 0 ? 0.6 : 1, shadow: i % 25 === 0 ? { blur: 4, color: '#0008' } : undefined },
    children: jsx(Text, { style: { fontSize: 9, color: 'white' }, children: `#${i}` }),
  });
  const screen = await render(() => jsx(View, {
    style: { flexDirection: 'row', flexWrap: 'wrap', width: '100%', height: '100%' },
    children: jsx(Show, { when: shown, children: jsx(For, { each: items, children: tile }) }),
  }), { width: 800, height: 480, checkDamage: false });
  const cycle = async () => {
    shown.value = true;
    await screen.flush();
    shown.value = false;
    await screen.flush();
  };
  const { before, after, jsHeapBytesPerCycle } = await checkLeaks(cycle, { cycles: 200, warmup: 10 });
  const figures = {
    'leak.canvaskit': { value: after.canvasKit - before.canvasKit, unit: 'count' },
    'leak.yoga': { value: after.yogaNodes - before.yogaNodes, unit: 'count' },
    'leak.fds': { value: (after.openFds ?? 0) - (before.openFds ?? 0), unit: 'count' },
    'leak.js_heap': { value: Math.round(jsHeapBytesPerCycle), unit: 'bytes' },
    'leak.wasm': { value: after.wasmHeapBytes - before.wasmHeapBytes, unit: 'bytes' },
  };
  await screen.dispose();
  return figures;
}
