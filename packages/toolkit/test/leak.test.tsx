/**
 * Nothing leaks: mounting and unmounting a large subtree again and again must bring the Yoga
 * node count back to where it was and must not grow CanvasKit's wasm heap (which never
 * shrinks, so a leak there is forever).
 */
import { describe, expect, it } from 'vitest';
import { For, Image, Show, Text, View, signal, Canvas, Layer, ExternalLayer, createExternalSource } from '@planar/toolkit';
import { render, wasmHeapBytes, yogaNodeCount } from '@planar/toolkit/testing';
import { fileURLToPath } from 'node:url';

const webp = fileURLToPath(new URL('./fixtures/two-tone.webp', import.meta.url));

function Tile(props: { i: number }) {
  return (
    <View style={{ width: 30, height: 20, borderRadius: 4, backgroundColor: props.i % 2 ? '#345' : '#543', shadow: props.i % 10 === 0 ? { blur: 4, color: '#0008' } : undefined, opacity: props.i % 7 === 0 ? 0.5 : 1 }}>
      <Text style={{ fontSize: 8, color: 'white' }}>{`#${props.i}`}</Text>
      {props.i % 50 === 0 ? <Image src={webp} style={{ width: 10, height: 5 }} /> : null}
      {props.i % 100 === 0 ? <Canvas style={{ width: 10, height: 10 }} draw={(c, _s, ck) => { const p = new ck.Paint(); c.drawCircle(5, 5, 4, p); p.delete(); }} /> : null}
    </View>
  );
}

/** Runs `cycle` to warm caches, then many times more: Yoga nodes back to `baseline`, the wasm heap grown by under 1 MiB. */
async function expectNoGrowth(cycle: () => Promise<void>, baseline: number, warmup: number): Promise<void> {
  for (let i = 0; i < warmup; i++) await cycle();
  const warm = wasmHeapBytes();
  for (let i = 0; i < Number(process.env.PLANAR_LEAK_CYCLES ?? 20); i++) await cycle();
  expect(yogaNodeCount()).toBe(baseline);
  expect(wasmHeapBytes() - warm).toBeLessThan(1024 * 1024);
}

describe('memory', () => {
  it('mounting and unmounting a 1,000-node subtree leaves no Yoga nodes and no wasm growth', async () => {
    const shown = signal(false);
    const items = Array.from({ length: 495 }, (_, i) => i);
    const screen = await render(() => (
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', width: '100%', height: '100%' }}>
        <Show when={shown}><For each={items}>{(i) => <Tile i={i} />}</For></Show>
      </View>
    ), { width: 800, height: 480 });
    const baseline = yogaNodeCount();
    const cycle = async () => {
      shown.value = true;
      await screen.flush();
      shown.value = false;
      await screen.flush();
    };
    shown.value = true;
    await screen.flush();
    expect(yogaNodeCount() - baseline).toBeGreaterThanOrEqual(990);
    shown.value = false;
    await screen.flush();
    await expectNoGrowth(cycle, baseline, 5);
    await screen.dispose();
  }, 120_000);

  it('mounting and unmounting layers frees their surfaces, buffers and frames', async () => {
    const shown = signal(false);
    const src = createExternalSource({ width: 64, height: 48, format: 'ABGR8888' });
    let released = 0;
    src.on('release', () => released++);
    let pushed = 0;
    const push = () => {
      pushed++;
      src.push({ kind: 'pixels', width: 64, height: 48, format: 'ABGR8888', pixels: new Uint8Array(64 * 48 * 4).fill(pushed % 255) });
    };
    push();
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Show when={shown}>
          {/* Big enough that a surface or pool left behind would show: ~1.4 MiB of pixels a cycle. */}
          <Layer position={{ x: 10, y: 10 }}><View style={{ width: 300, height: 200, backgroundColor: '#468', borderRadius: 12 }}><Text>on a plane</Text></View></Layer>
          <Layer plane="never" position={{ x: 320, y: 10 }}><View style={{ width: 300, height: 200, backgroundColor: '#846', shadow: { blur: 8, color: '#0008' } }} /></Layer>
          <Layer position={{ x: 10, y: 240 }} opacity={0.5}><View style={{ width: 300, height: 200, backgroundColor: '#684' }} /></Layer>
          <ExternalLayer source={src} position={{ x: 700, y: 400 }} />
        </Show>
      </View>
    ), { width: 800, height: 480 });
    const baseline = yogaNodeCount();
    const cycle = async () => {
      shown.value = true;
      await screen.flush();
      push();
      await screen.flush();
      shown.value = false;
      await screen.flush();
    };
    await expectNoGrowth(cycle, baseline, 3);
    // Every frame but the current one has been handed back, once.
    expect(released).toBe(pushed - 1);
    await screen.dispose();
    expect(released).toBe(pushed - 1);
  }, 120_000);

  it('disposing a screen frees every Yoga node it made', async () => {
    const before = yogaNodeCount();
    const screen = await render(() => <View><Text>a</Text><View><Text>b</Text></View></View>, { width: 100, height: 100 });
    expect(yogaNodeCount()).toBeGreaterThan(before);
    await screen.dispose();
    expect(yogaNodeCount()).toBe(before);
  });
});
