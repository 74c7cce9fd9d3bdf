/**
 * leak.wasm: growth of CanvasKit's wasm heap after mounting and unmounting a 1,000-node
 * subtree 200 times (after 10 warm-up cycles); leak.yoga: Yoga nodes alive afterwards over
 * before (goal 1: back to the baseline).
 */
import { For, Show, Text, View, signal } from '@planar/toolkit';
import { jsx } from '@planar/toolkit/jsx-runtime';
import { render, wasmHeapBytes, yogaNodeCount } from '@planar/toolkit/testing';

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
  const baseline = yogaNodeCount();
  const cycle = async () => {
    shown.value = true;
    await screen.flush();
    shown.value = false;
    await screen.flush();
  };
  for (let i = 0; i < 10; i++) await cycle();
  const warm = wasmHeapBytes();
  for (let i = 0; i < 200; i++) await cycle();
  const figures = {
    'leak.wasm': { value: wasmHeapBytes() - warm, unit: 'bytes' },
    // Yoga nodes alive after the cycles over before them: 1 when nothing leaked.
    'leak.yoga': { value: yogaNodeCount() / baseline, unit: 'ratio' },
  };
  await screen.dispose();
  return figures;
}
