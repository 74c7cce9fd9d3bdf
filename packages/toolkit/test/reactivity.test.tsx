import { describe, expect, it, vi } from 'vitest';
import {
  ErrorBoundary, For, Show, Text, View, createContext, onCleanup, onMount, signal, useContext,
  type NodeHandle,
} from '@planar/toolkit';
import { render } from '@planar/toolkit/testing';

describe('components and signals', () => {
  it('runs a component once and updates only the property whose signal changed', async () => {
    const color = signal('red');
    const label = signal('one');
    const runs = vi.fn();
    function Card() {
      runs();
      return (
        <View testId="card" style={{ width: 100, height: 40, alignItems: 'flex-start', backgroundColor: color }}>
          <Text testId="label">{label}</Text>
        </View>
      );
    }
    const screen = await render(() => <Card />, { width: 200, height: 100 });
    expect(screen.pixel(90, 5)).toEqual([255, 0, 0, 255]);
    const before = screen.find({ testId: 'label' });
    color.value = 'blue';
    await screen.flush();
    expect(screen.pixel(90, 5)).toEqual([0, 0, 255, 255]);
    // A colour is paint only: no layout ran for this frame.
    expect(screen.stats.layoutMs).toBe(0);
    label.value = 'a much longer label';
    await screen.flush();
    expect(screen.find({ text: 'a much longer label' }).width).toBeGreaterThan(before.width);
    expect(runs).toHaveBeenCalledTimes(1);
    await screen.dispose();
  });

  it('accepts getters for props, style values and children', async () => {
    const n = signal(1);
    const screen = await render(() => (
      <View testId={() => `box-${n.value}`} style={{ width: () => n.value * 10, height: 10, backgroundColor: 'black' }}>
        <Text>{() => `n=${n.value}`}</Text>
      </View>
    ), { width: 200, height: 100 });
    expect(screen.find({ testId: 'box-1' }).width).toBe(10);
    n.value = 5;
    await screen.flush();
    expect(screen.find({ testId: 'box-5' }).width).toBe(50);
    expect(screen.find({ text: 'n=5' })).toBeTruthy();
    await screen.dispose();
  });

  it('Show mounts and unmounts its children, running cleanups and stopping their effects', async () => {
    const on = signal(true);
    const tick = signal(0);
    const effectRuns = vi.fn();
    const cleanups = vi.fn();
    const mounts = vi.fn();
    function Child() {
      onMount(mounts);
      onCleanup(cleanups);
      return <Text>{() => { effectRuns(); return `tick ${tick.value}`; }}</Text>;
    }
    const screen = await render(() => (
      <Show when={on} fallback={<Text>hidden</Text>}><Child /></Show>
    ), { width: 200, height: 100 });
    expect(mounts).toHaveBeenCalledTimes(1);
    expect(screen.find({ text: 'tick 0' })).toBeTruthy();
    on.value = false;
    await screen.flush();
    expect(cleanups).toHaveBeenCalledTimes(1);
    expect(screen.find({ text: 'hidden' })).toBeTruthy();
    expect(() => screen.find({ text: 'tick 0' })).toThrow(/no node/);
    const runs = effectRuns.mock.calls.length;
    tick.value = 1;
    await screen.flush();
    expect(effectRuns).toHaveBeenCalledTimes(runs);
    on.value = true;
    await screen.flush();
    expect(mounts).toHaveBeenCalledTimes(2);
    expect(screen.find({ text: 'tick 1' })).toBeTruthy();
    await screen.dispose();
  });

  it('Show passes its value to a function child', async () => {
    const user = signal<{ name: string } | null>(null);
    const screen = await render(() => (
      <Show when={user} fallback={<Text>signed out</Text>}>{(u) => <Text>{() => `hi ${u().name}`}</Text>}</Show>
    ), { width: 200, height: 100 });
    expect(screen.find({ text: 'signed out' })).toBeTruthy();
    user.value = { name: 'Ada' };
    await screen.flush();
    expect(screen.find({ text: 'hi Ada' })).toBeTruthy();
    user.value = { name: 'Grace' };
    await screen.flush();
    expect(screen.find({ text: 'hi Grace' })).toBeTruthy();
    await screen.dispose();
  });

  it('For keeps nodes of kept items and moves them on reorder instead of recreating them', async () => {
    const items = signal([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const created = vi.fn();
    const handles = new Map<string, NodeHandle>();
    const screen = await render(() => (
      <View style={{ flexDirection: 'row' }}>
        <For each={items} key={(i) => i.id}>
          {(item, index) => {
            created(item.id);
            return <View testId={item.id} ref={(h) => handles.set(item.id, h)} style={{ width: 20, height: 20, backgroundColor: 'gray' }}><Text>{() => String(index.value)}</Text></View>;
          }}
        </For>
      </View>
    ), { width: 200, height: 100 });
    const a = handles.get('a')!;
    expect(screen.find({ testId: 'a' }).x).toBe(0);
    items.value = [{ id: 'c' }, { id: 'a' }, { id: 'b' }];
    await screen.flush();
    expect(created).toHaveBeenCalledTimes(3);
    expect(handles.get('a')).toBe(a);
    expect(screen.find({ testId: 'c' }).x).toBe(0);
    expect(screen.find({ testId: 'a' }).x).toBe(20);
    expect(screen.find({ text: '2' })).toEqual(screen.find({ testId: 'b' }) && expect.anything());
    items.value = [{ id: 'a' }, { id: 'd' }];
    await screen.flush();
    expect(created).toHaveBeenCalledTimes(4);
    expect(() => screen.find({ testId: 'c' })).toThrow(/no node/);
    expect(screen.find({ testId: 'd' }).x).toBe(20);
    await screen.dispose();
  });

  it('For moves only the items that changed place: rows taken from the top to the bottom repaint only there', async () => {
    // Forty 20 px rows under a spacer; the first three go to the end as the spacer grows by as
    // much, so rows 3..39 stay where they were on screen.
    const items = signal(Array.from({ length: 40 }, (_, i) => i));
    const spacer = signal(0);
    const screen = await render(() => (
      <View style={{ height: 900 }}>
        <View style={{ height: spacer }} />
        <For each={items}>{(i) => <View style={{ height: 20, backgroundColor: i % 2 ? '#c04040' : '#4040c0' }} />}</For>
      </View>
    ), { width: 200, height: 900 });
    spacer.value = 60;
    items.value = [...items.value.slice(3), 0, 1, 2];
    await screen.flush();
    // Where the three were (0..60) and where they went (800..860), give or take the pixel
    // lines damage is rounded out by; nothing between (moving the 37 others repaints 0..860).
    expect(screen.stats.damagedPx).toBeGreaterThanOrEqual(2 * 60 * 200);
    expect(screen.stats.damagedPx).toBeLessThan(2 * 64 * 200);
    await screen.dispose();
  });

  it('For shows a fallback for an empty list', async () => {
    const items = signal<string[]>([]);
    const screen = await render(() => (
      <View><For each={items} fallback={<Text>nothing</Text>}>{(s) => <Text>{s}</Text>}</For></View>
    ), { width: 200, height: 100 });
    expect(screen.find({ text: 'nothing' })).toBeTruthy();
    items.value = ['x'];
    await screen.flush();
    expect(screen.find({ text: 'x' })).toBeTruthy();
    expect(() => screen.find({ text: 'nothing' })).toThrow();
    await screen.dispose();
  });

  it('onMount waits for the whole mount, even past a getter child or a For before the ref it reads', async () => {
    const seen: (string | undefined)[] = [];
    function Row() {
      const ref = { current: null as NodeHandle | null };
      onMount(() => seen.push(ref.current?.testId));
      return (
        <View>
          <Text>{() => 'label'}</Text>
          <For each={['a']}>{(s) => <Text>{s}</Text>}</For>
          <View ref={ref} testId="after" />
        </View>
      );
    }
    const screen = await render(() => <Row />, { width: 200, height: 100 });
    expect(seen).toEqual(['after']);
    await screen.dispose();
  });

  it('context reaches through components, and the nearest provider wins', async () => {
    const Theme = createContext('light', 'Theme');
    function Label() {
      return <Text>{`theme ${useContext(Theme)}`}</Text>;
    }
    const screen = await render(() => (
      <View>
        <Label />
        <Theme.Provider value="dark">
          <View><Label /><Theme.Provider value="contrast"><Label /></Theme.Provider></View>
        </Theme.Provider>
      </View>
    ), { width: 200, height: 100 });
    for (const t of ['light', 'dark', 'contrast']) expect(screen.find({ text: `theme ${t}` })).toBeTruthy();
    await screen.dispose();
  });

  it('ErrorBoundary catches errors from mounting, effects and handlers, and reset remounts', async () => {
    const explode = signal(false);
    let attempts = 0;
    function Fragile() {
      attempts++;
      if (attempts === 1) throw new Error('first mount fails');
      return <Text testId="fragile" onPress={() => { throw new Error('press fails'); }}>{() => { if (explode.value) throw new Error('effect fails'); return 'fine'; }}</Text>;
    }
    const errors: Error[] = [];
    let resetFn: (() => void) | null = null;
    const screen = await render(() => (
      <ErrorBoundary fallback={(e, reset) => { resetFn = reset; return <Text>{`caught: ${e.message}`}</Text>; }}>
        <Fragile />
      </ErrorBoundary>
    ), { width: 300, height: 100 });
    screen.app.on('error', (e) => errors.push(e));
    expect(screen.find({ text: 'caught: first mount fails (in ErrorBoundary › Fragile)' })).toBeTruthy();
    resetFn!();
    await screen.flush();
    expect(screen.find({ text: 'fine' })).toBeTruthy();
    await screen.tap({ testId: 'fragile' });
    expect(screen.find({ text: 'caught: press fails (in ErrorBoundary › Fragile)' })).toBeTruthy();
    resetFn!();
    await screen.flush();
    explode.value = true;
    await screen.flush();
    expect(screen.find({ text: 'caught: effect fails (in ErrorBoundary › Fragile)' })).toBeTruthy();
    expect(errors).toEqual([]);
    await screen.dispose();
  });

  it('errors without a boundary reach app.on("error") with the component path, and frames go on', async () => {
    const bad = signal(0);
    const color = signal('red');
    function Widget() {
      return <View style={{ width: 50, height: 50, backgroundColor: color }}><Text>{() => { if (bad.value) throw new Error('boom'); return 'ok'; }}</Text></View>;
    }
    function Panel() {
      return <Widget />;
    }
    const screen = await render(() => <Panel />, { width: 100, height: 100 });
    const errors: Error[] = [];
    screen.app.on('error', (e) => errors.push(e));
    bad.value = 1;
    await screen.flush();
    expect(errors.map((e) => e.message)).toEqual(['boom (in Panel › Widget)']);
    color.value = 'blue';
    await screen.flush();
    expect(screen.pixel(45, 45)).toEqual([0, 0, 255, 255]);
    await screen.dispose();
  });
});

describe('style shorthands', () => {
  it('flex: 1 shares the free space like React Native', async () => {
    const screen = await render(() => (
      <View style={{ flexDirection: 'row', width: 300, height: 50 }}>
        <View testId="a" style={{ flex: 1 }} />
        <View testId="b" style={{ flex: 2 }} />
        <View testId="c" style={{ width: 60 }} />
      </View>
    ), { width: 300, height: 50 });
    expect(screen.find({ testId: 'a' }).width).toBe(80);
    expect(screen.find({ testId: 'b' }).width).toBe(160);
    await screen.dispose();
  });
});

describe('layout corner cases', () => {
  it('never gives a box NaN, even where Yoga computes NaN', async () => {
    const screen = await render(() => (
      <View style={{ width: 200, height: 100 }}>
        <View style={{ flexWrap: 'wrap-reverse', width: 100, height: 50 }}>
          <View testId="hidden" style={{ display: 'none', width: 10, height: 10 }} />
          <View style={{ width: 10, height: 10 }} />
        </View>
        <View style={{ justifyContent: 'space-around', width: 100, height: 50 }}>
          <View testId="abs" style={{ position: 'absolute', width: 10, height: 10 }} />
        </View>
      </View>
    ), { width: 200, height: 100 });
    for (const testId of ['hidden', 'abs']) {
      const box = screen.find({ testId });
      expect(Object.values(box).every(Number.isFinite), `${testId}: ${JSON.stringify(box)}`).toBe(true);
    }
    await screen.dispose();
  });
});

describe('opacity groups', () => {
  it('a new opacity recomposites the whole group, children outside the box included', async () => {
    const opacity = signal(0.5);
    const screen = await render(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <View style={{ width: 40, height: 40, backgroundColor: 'black', opacity }}>
          <View style={{ position: 'absolute', left: 100, top: 0, width: 40, height: 40, backgroundColor: 'black' }} />
        </View>
      </View>
    ), { width: 200, height: 60 });
    expect(screen.pixel(120, 20)).toEqual(screen.pixel(20, 20));
    opacity.value = 0.8;
    await screen.flush();
    expect(screen.pixel(20, 20)[0]).toBeLessThan(60);
    expect(screen.pixel(120, 20)).toEqual(screen.pixel(20, 20));
    await screen.dispose();
  });
});
