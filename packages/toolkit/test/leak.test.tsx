/**
 * Nothing leaks: mounting, updating and unmounting scenes again and again brings every
 * counter of the live-object ledger back where it was (CanvasKit objects Planar owns,
 * CanvasKit Malloc blocks, Yoga nodes, open fds) and does not grow the JS heap after GC.
 * The checker itself is tested too: scratch scenes that leak one Paint, one Yoga node, one fd
 * or 64 bytes of JS a cycle must be reported, so these checks cannot pass by accident.
 */
import { describe, expect, it } from 'vitest';
import { yoga } from '../src/engines/yoga.js';
import { closeSync, openSync } from 'node:fs';
import { For, Image, Show, Text, View, signal, Canvas, Layer, ExternalLayer, ScrollLayer, createExternalSource } from '@planar/toolkit';
import { checkLeaks, liveObjects, render, type Screen } from '@planar/toolkit/testing';
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

/** Shows the scene once: it holds at least `surfaces` more Malloc blocks while shown; then hides it again. */
async function expectSurfacesWhileShown(screen: Screen, shown: { value: boolean }, surfaces: number): Promise<void> {
  const hidden = await liveObjects();
  shown.value = true;
  await screen.flush();
  expect((await liveObjects()).mallocBlocks).toBeGreaterThanOrEqual(hidden.mallocBlocks + surfaces);
  shown.value = false;
  await screen.flush();
}

/**
 * A small card with text, an image, a shadow and a drawn canvas; a cycle mounts it, changes
 * its text and unmounts it (three frames). `extra` runs once a cycle, for the scratch leaks.
 */
async function cardScene(extra: () => void = () => {}): Promise<{ screen: Screen; cycle: () => Promise<void> }> {
  const shown = signal(false), count = signal(0);
  const screen = await render(() => (
    <View style={{ width: '100%', height: '100%' }}>
      <Show when={shown}>
        <View style={{ padding: 4, borderRadius: 6, backgroundColor: '#345', shadow: { blur: 4, color: '#0008' } }}>
          <Text>{() => `visits ${count.value}`}</Text>
          <Image src={webp} style={{ width: 10, height: 5 }} />
          <Canvas style={{ width: 10, height: 10 }} draw={(c, _s, ck) => { const p = new ck.Paint(); c.drawCircle(5, 5, 4, p); p.delete(); }} />
        </View>
      </Show>
    </View>
  ), { width: 200, height: 100, checkDamage: false });
  const cycle = async () => {
    shown.value = true;
    await screen.flush();
    count.value++;
    await screen.flush();
    shown.value = false;
    await screen.flush();
    extra();
  };
  return { screen, cycle };
}

/*
 * How many cycles a 64-byte leak needs. The JS heap after a full GC wanders by up to about
 * 100 KiB from one sample to the next (σ ≈ 50 KiB measured on this scene). checkLeaks fits a
 * line through 11 evenly spaced samples; over C cycles the slope's standard error is
 * σ / √(Σ(x − x̄)²) = 50 KiB / (C/10 · √110) ≈ 490 KiB / C bytes a cycle. With C = 6,000 that
 * is about 8 bytes, so the 32-byte allowance sits 4 standard errors above a clean run and a
 * 64-byte leak 4 above the allowance. Measured here: a clean run −10 to −13 bytes a cycle,
 * the 64-byte leak 61 to 63. The warm-up fills caches first.
 */
const JS_CYCLES = 6000;
const JS_WARMUP = 1500;

describe('memory', () => {
  it('mounting and unmounting a 1,000-node subtree returns every object and node', async () => {
    const shown = signal(false);
    const items = Array.from({ length: 495 }, (_, i) => i);
    const screen = await render(() => (
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', width: '100%', height: '100%' }}>
        <Show when={shown}><For each={items}>{(i) => <Tile i={i} />}</For></Show>
      </View>
    ), { width: 800, height: 480 });
    const hidden = await liveObjects();
    shown.value = true;
    await screen.flush();
    // The cycle really makes what is counted: nodes, and CanvasKit objects for its texts.
    const visible = await liveObjects();
    expect(visible.yogaNodes - hidden.yogaNodes).toBeGreaterThanOrEqual(990);
    expect(visible.canvasKit).toBeGreaterThan(hidden.canvasKit);
    shown.value = false;
    await screen.flush();
    // 990 nodes a cycle: a leak of 64 bytes a node is 63 KiB a cycle, far above the noise of
    // 20 cycles (a slope error of about 2.4 KiB) and above this 32-bytes-a-node allowance.
    const report = await checkLeaks(async () => {
      shown.value = true;
      await screen.flush();
      shown.value = false;
      await screen.flush();
    }, { cycles: 20, warmup: 5, jsHeapBytesPerCycle: 32 * 990 });
    expect(report.leaks).toEqual([]);
    expect(report.after.yogaNodes).toBe(hidden.yogaNodes);
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
          <Layer position={{ x: 10, y: 10 }}><View style={{ width: 300, height: 200, backgroundColor: '#468', borderRadius: 12 }}><Text>on a plane</Text></View></Layer>
          <Layer plane="never" position={{ x: 320, y: 10 }}><View style={{ width: 300, height: 200, backgroundColor: '#846', shadow: { blur: 8, color: '#0008' } }} /></Layer>
          <Layer position={{ x: 10, y: 240 }} opacity={0.5}><View style={{ width: 300, height: 200, backgroundColor: '#684' }} /></Layer>
          <ExternalLayer source={src} position={{ x: 700, y: 400 }} />
        </Show>
      </View>
    ), { width: 800, height: 480 });
    // Each layer has a surface over a Malloc block while it is shown.
    await expectSurfacesWhileShown(screen, shown, 3);
    const report = await checkLeaks(async () => {
      shown.value = true;
      await screen.flush();
      push();
      await screen.flush();
      shown.value = false;
      await screen.flush();
    }, { cycles: 20, warmup: 3, jsHeapBytesPerCycle: 32 * 1024 });
    expect(report.leaks).toEqual([]);
    // Every frame but the current one has been handed back, once.
    expect(released).toBe(pushed - 1);
    await screen.dispose();
    expect(released).toBe(pushed - 1);
  }, 120_000);

  it('mounting, scrolling and unmounting a long scroll layer frees its tiles, surfaces and buffers', async () => {
    const shown = signal(false), offset = signal({ x: 0, y: 0 });
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Show when={shown}>
          <ScrollLayer style={{ height: 300 }} offset={offset}>
            {Array.from({ length: 200 }, (_, i) => <View style={{ height: 40, backgroundColor: i % 2 ? '#345' : '#543' }}><Text>{`Row ${i}`}</Text></View>)}
          </ScrollLayer>
        </Show>
      </View>
    ), { width: 400, height: 480 });
    // Several tiles, each a surface over a Malloc block.
    await expectSurfacesWhileShown(screen, shown, 3);
    const report = await checkLeaks(async () => {
      shown.value = true;
      await screen.flush();
      // Far enough that tiles change slots, and back.
      for (const y of [500, 2600, 5000, 1200]) {
        offset.value = { x: 0, y };
        await screen.flush();
      }
      shown.value = false;
      await screen.flush();
      offset.value = { x: 0, y: 0 };
    }, { cycles: 12, warmup: 3, jsHeapBytesPerCycle: 32 * 1024 });
    expect(report.leaks).toEqual([]);
    await screen.dispose();
  }, 120_000);

  it(`a card mounted, updated and unmounted ${JS_CYCLES} times grows nothing, not even 64 bytes a cycle`, async () => {
    const { screen, cycle } = await cardScene();
    const report = await checkLeaks(cycle, { cycles: JS_CYCLES, warmup: JS_WARMUP, jsHeapBytesPerCycle: 32 });
    expect(report.leaks).toEqual([]);
    await screen.dispose();
  }, 300_000);

  it('disposing a screen frees every Yoga node and CanvasKit object it made', async () => {
    const scene = () => <View><Text>a</Text><View><Text>b</Text></View></View>;
    // The first screen of a process also loads what lives as long as it does (the fonts).
    await (await render(scene, { width: 100, height: 100 })).dispose();
    const before = await liveObjects();
    const screen = await render(scene, { width: 100, height: 100 });
    expect((await liveObjects()).yogaNodes).toBeGreaterThan(before.yogaNodes);
    await screen.dispose();
    const after = await liveObjects();
    expect(after.yogaNodes).toBe(before.yogaNodes);
    expect(after.canvasKitByClass).toEqual(before.canvasKitByClass);
    expect(after.mallocBlocks).toBe(before.mallocBlocks);
  });
});

describe('the leak check sees a leak', () => {
  it('one CanvasKit Paint a cycle', async () => {
    // A canvas that forgets to delete the paint of its first drawing after each mount.
    const kept: { delete(): void }[] = [];
    const shown = signal(false);
    let fresh = false;
    const screen = await render(() => (
      <Show when={shown}>
        <Canvas style={{ width: 10, height: 10 }} draw={(c, _s, ck) => {
          const p = new ck.Paint();
          c.drawCircle(5, 5, 4, p);
          if (fresh) kept.push(p);
          else p.delete();
          fresh = false;
        }} />
      </Show>
    ), { width: 20, height: 20 });
    const report = await checkLeaks(async () => {
      fresh = true;
      shown.value = true;
      await screen.flush();
      shown.value = false;
      await screen.flush();
    }, { cycles: 20, warmup: 3, jsHeapBytesPerCycle: 32 * 1024 });
    expect(report.leaks).toEqual([expect.stringMatching(/^CanvasKit objects: \d+ before, \d+ after 20 cycles \(\+20 Paint\)$/)]);
    expect(report.after.canvasKit - report.before.canvasKit).toBe(20);
    for (const p of kept) p.delete();
    await screen.dispose();
  }, 120_000);

  it('one Yoga node a cycle', async () => {
    const kept: { free(): void }[] = [];
    const { screen, cycle } = await cardScene(() => kept.push(yoga().Node.create()));
    const report = await checkLeaks(cycle, { cycles: 20, warmup: 3, jsHeapBytesPerCycle: 32 * 1024 });
    expect(report.leaks).toEqual([expect.stringMatching(/^Yoga nodes: (\d+) before, \d+ after 20 cycles$/)]);
    expect(report.after.yogaNodes - report.before.yogaNodes).toBe(20);
    for (const node of kept) node.free();
    await screen.dispose();
  }, 120_000);

  it('one file descriptor a cycle', async () => {
    const fds: number[] = [];
    const { screen, cycle } = await cardScene(() => fds.push(openSync(webp, 'r')));
    const report = await checkLeaks(cycle, { cycles: 20, warmup: 3, jsHeapBytesPerCycle: 32 * 1024 });
    expect(report.leaks).toEqual([expect.stringMatching(/^open file descriptors: (\d+) before, \d+ after 20 cycles$/)]);
    expect(report.after.openFds! - report.before.openFds!).toBe(20);
    for (const fd of fds) closeSync(fd);
    await screen.dispose();
  }, 120_000);

  it(`64 bytes of JS a cycle, over the same ${JS_CYCLES} cycles`, async () => {
    // A linked list of objects of five fields: a 24-byte header and five 8-byte fields make
    // 64 bytes each on a 64-bit heap, and nothing else is allocated to keep them.
    type Link = { prev: Link | null; a: number; b: number; c: number; d: number };
    let leaked: Link | null = null;
    let made = 0;
    const { screen, cycle } = await cardScene(() => {
      made++;
      leaked = { prev: leaked, a: made, b: made + 1, c: made + 2, d: made + 3 };
    });
    const report = await checkLeaks(cycle, { cycles: JS_CYCLES, warmup: JS_WARMUP, jsHeapBytesPerCycle: 32 });
    expect(report.leaks).toEqual([expect.stringMatching(/^JS heap after GC: grows [\d.]+ bytes a cycle over 6000 cycles \(allowed 32\)$/)]);
    expect(leaked).not.toBeNull();
    await screen.dispose();
  }, 300_000);
});
