/**
 * Gesture recognisers and the gesture arena, driven like a user would: synthesised pointer
 * streams through the testing API, timers on the virtual clock (`screen.advance`).
 */
import { describe, expect, it } from 'vitest';
import { View, touchSlop, useGestures, type Child, type GestureOptions, type NodeHandle, type PinchEvent, type Style } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { mount } from './mount.js';

const touch = { type: 'touch' } as const;
const full: Style = { position: 'absolute', left: 0, top: 0, width: 200, height: 200 };

/** A View that recognises `gestures`, with ordinary `onPress` / `onPointerCancel` handlers beside them. */
function Pad(props: { testId: string; style: Style; gestures: GestureOptions; onPress?: () => void; onPointerCancel?: () => void; children?: Child }) {
  const ref = { current: null as NodeHandle | null };
  useGestures(ref, props.gestures);
  return <View ref={ref} testId={props.testId} style={props.style} onPress={props.onPress} onPointerCancel={props.onPointerCancel}>{props.children}</View>;
}

/** Records what happened, in order. */
function journal() {
  const log: string[] = [];
  return { log, add: (entry: string) => () => void log.push(entry) };
}

describe('gestures', () => {
  it('tap-wins-when-no-move', async () => {
    const { log, add } = journal();
    const taps: { x: number; y: number }[] = [];
    const screen = await mount(() => (
      <Pad testId="pad" style={{ ...full, left: 20, top: 20, width: 100, height: 100 }} gestures={{
        onTap: (e) => taps.push({ x: e.x, y: e.y }), onLongPress: add('long press'), onPan: { start: add('pan') },
      }} />
    ));
    await screen.pointer.down({ x: 50, y: 60 }, touch);
    await screen.pointer.move({ x: 53, y: 62 }, touch);
    await screen.advance(200);
    await screen.pointer.up({ x: 53, y: 62 }, touch);
    // Where the finger lifted, in the pad's coordinates; neither the long press nor the pan fired.
    expect(taps).toEqual([{ x: 33, y: 42 }]);
    await screen.advance(1000);
    expect(log).toEqual([]);
  });

  it('double-tap-beats-two-taps', async () => {
    const { log, add } = journal();
    const screen = await mount(() => <Pad testId="pad" style={full} gestures={{ onTap: add('tap'), onDoubleTap: add('double tap') }} />);
    await screen.tap({ x: 100, y: 100 });
    await screen.advance(120);
    await screen.tap({ x: 104, y: 98 });
    await screen.advance(1000);
    expect(log).toEqual(['double tap']);

    // A lone tap waits for the double-tap timeout (300 ms after its up), then fires.
    log.length = 0;
    await screen.tap({ x: 100, y: 100 });
    await screen.advance(299);
    expect(log).toEqual([]);
    await screen.advance(1);
    expect(log).toEqual(['tap']);

    // Two taps further apart in time than the timeout are two taps.
    await screen.advance(100);
    await screen.tap({ x: 100, y: 100 });
    await screen.advance(400);
    expect(log).toEqual(['tap', 'tap']);
  });

  it('long-press-repeats-until-up', async () => {
    const { log, add } = journal();
    const counts: number[] = [];
    const screen = await mount(() => (
      <Pad testId="plus" style={full} gestures={{
        onTap: add('tap'), onLongPress: (e) => counts.push(e.count), onLongPressEnd: (e) => log.push(`end after ${e.count}`),
        longPress: { repeat: { delay: 400, interval: 100 } },
      }}>
        <View testId="label" style={{ width: 80, height: 40 }} onPress={add('label press')} onPointerCancel={add('label cancelled')} />
      </Pad>
    ));
    await screen.pointer.down({ x: 40, y: 20 }, touch);
    await screen.advance(399);
    expect(counts).toEqual([]);
    await screen.advance(1);
    // The long press took the pointer from the label under it.
    expect(counts).toEqual([1]);
    expect(log).toEqual(['label cancelled']);
    await screen.advance(250);
    expect(counts).toEqual([1, 2, 3]);
    await screen.pointer.up({ x: 40, y: 20 }, touch);
    await screen.advance(1000);
    expect(counts).toEqual([1, 2, 3]);
    expect(log).toEqual(['label cancelled', 'end after 3']);
  });

  it('long-press-lifted-before-its-delay-is-a-tap', async () => {
    const { log, add } = journal();
    const screen = await mount(() => <Pad testId="pad" style={full} gestures={{ onTap: add('tap'), onLongPress: add('long press') }} />);
    await screen.pointer.down({ x: 40, y: 20 }, touch);
    await screen.advance(499);
    await screen.pointer.up({ x: 40, y: 20 }, touch);
    await screen.advance(1000);
    expect(log).toEqual(['tap']);
  });

  it('pan-wins-after-slop-and-cancels-press-below', async () => {
    const { log } = journal();
    const screen = await mount(() => (
      <Pad testId="list" style={full} gestures={{
        onPan: {
          start: (e) => log.push(`start ${e.offsetX},${e.offsetY}`),
          update: (e) => log.push(`update ${e.dx},${e.dy}`),
          end: (e) => log.push(`end ${e.offsetX},${e.offsetY}`),
        },
      }}>
        <Pad testId="row" style={{ width: 200, height: 50 }} gestures={{}} onPress={() => log.push('row press')} onPointerCancel={() => log.push('row cancelled')} />
      </Pad>
    ));
    // A tap on the row is the row's press: the pan never starts.
    await screen.tap({ x: 100, y: 25 });
    expect(log).toEqual(['row press']);

    log.length = 0;
    await screen.pointer.down({ x: 100, y: 25 }, touch);
    await screen.pointer.move({ x: 100, y: 30 }, touch);
    expect(log).toEqual([]);
    await screen.pointer.move({ x: 100, y: 45 }, touch);
    expect(log).toEqual(['row cancelled', 'start 0,20']);
    await screen.pointer.move({ x: 100, y: 60 }, touch);
    await screen.pointer.up({ x: 100, y: 60 }, touch);
    expect(log).toEqual(['row cancelled', 'start 0,20', 'update 0,15', 'end 0,35']);
  });

  it('fling-velocity-from-event-timestamps-not-frames', async () => {
    // The finger accelerates: x = 20 + 0.5·t + 0.003·t² px over t = 0 … 100 ms, so at the release
    // it moves at 0.5 + 0.006·100 = 1.1 px/ms = 1100 px/s.
    const at = (t: number) => ({ x: 20 + 0.5 * t + 0.003 * t * t, y: 100 });
    const times = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

    /** Flings with the events stamped at `times` (+1000 ms), delivered as `deliver` says. */
    async function fling(deliver: 'in one late frame' | 'each as it happens' | 'in bursts of three'): Promise<{ end: number; swipe: string }> {
      let end = NaN, swipe = '';
      const screen = await mount(() => (
        <Pad testId="pad" style={full} gestures={{
          onPan: { end: (e) => { end = e.velocityX; } },
          onSwipe: (e) => { swipe = `${e.direction} ${e.velocityX.toFixed(3)},${e.velocityY.toFixed(3)}`; },
        }} />
      ));
      await screen.advance(1000);
      const base = 1000;
      if (deliver === 'in one late frame') await screen.advance(100);
      for (const [i, t] of times.entries()) {
        if (deliver === 'each as it happens' && t > 0) await screen.advance(10);
        if (deliver === 'in bursts of three' && i % 3 === 0 && t > 0) await screen.advance(30);
        const send = t === 0 ? screen.pointer.down : screen.pointer.move;
        await send(at(t), { ...touch, timestamp: base + t });
      }
      await screen.pointer.up(at(100), { ...touch, timestamp: base + 100 });
      await screen.dispose();
      return { end, swipe };
    }

    const late = await fling('in one late frame');
    const live = await fling('each as it happens');
    const bursts = await fling('in bursts of three');
    expect(late.end).toBeCloseTo(1100, 6);
    expect(live).toEqual(late);
    expect(bursts).toEqual(late);
    expect(late.swipe).toBe('right 1100.000,0.000');
  });

  it('screen-drag-flicks-or-holds-as-asked', async () => {
    const log: string[] = [];
    const screen = await mount(() => (
      <Pad testId="pad" style={full} gestures={{
        onPan: { end: (e) => void log.push(`pan ${e.offsetX},${e.offsetY} at ${Math.round(e.velocityX)},${Math.round(e.velocityY)}`) },
        onSwipe: (e) => void log.push(`swipe ${e.direction}`),
      }} />
    ));
    await screen.advance(100);
    // 100 px right in 10 moves 10 ms apart: 1,000 px/s at the lift.
    await screen.drag({ x: 50, y: 100 }, { dx: 100 });
    // The same, held still 200 ms before lifting: no velocity left.
    await screen.drag({ x: 50, y: 100 }, { dy: 60 }, { steps: 6, hold: 200 });
    expect(log).toEqual(['pan 100,0 at 1000,0', 'swipe right', 'pan 0,60 at 0,0']);
  });

  it('fling-held-still-before-release-is-no-swipe', async () => {
    const { log } = journal();
    const screen = await mount(() => (
      <Pad testId="pad" style={full} gestures={{ onPan: { end: (e) => log.push(`end ${e.velocityX}`) }, onSwipe: (e) => log.push(`swipe ${e.direction}`) }} />
    ));
    await screen.pointer.down({ x: 20, y: 100 }, touch);
    for (let x = 40; x <= 120; x += 20) {
      await screen.advance(10);
      await screen.pointer.move({ x, y: 100 }, touch);
    }
    // The finger rests 200 ms before it lifts: what came before the pause is not the release.
    await screen.advance(200);
    await screen.pointer.up({ x: 120, y: 100 }, touch);
    expect(log).toEqual(['end 0']);
  });

  it('pinch-scale-and-rotation-from-two-touches', async () => {
    const events: string[] = [];
    const show = (what: string) => (e: PinchEvent) =>
      events.push(`${what} scale ${e.scale.toFixed(3)} rotation ${(e.rotation * 180 / Math.PI).toFixed(1)}° focal ${e.focalX.toFixed(1)},${e.focalY.toFixed(1)}`);
    const screen = await mount(() => (
      <Pad testId="photo" style={{ ...full, left: 10, top: 10, width: 180, height: 180 }} gestures={{ onPinch: { start: show('start'), update: show('update'), end: show('end') } }} />
    ));
    await screen.pointer.down({ x: 60, y: 100 }, { ...touch, id: 1 });
    await screen.pointer.down({ x: 140, y: 100 }, { ...touch, id: 2 });
    // Half-way: turned 45° clockwise about the centre, a little spread.
    const r45 = 60 / Math.SQRT2;
    await screen.pointer.move({ x: 100 - r45, y: 100 - r45 }, { ...touch, id: 1 });
    await screen.pointer.move({ x: 100 + r45, y: 100 + r45 }, { ...touch, id: 2 });
    // The end: turned 90° and spread from 80 px to 120 px apart.
    await screen.pointer.move({ x: 100, y: 40 }, { ...touch, id: 1 });
    await screen.pointer.move({ x: 100, y: 160 }, { ...touch, id: 2 });
    await screen.pointer.up({ x: 100, y: 160 }, { ...touch, id: 2 });
    await screen.pointer.up({ x: 100, y: 40 }, { ...touch, id: 1 });
    // It starts with the first move past slop; every second event has both touches where the test put them.
    expect(events).toHaveLength(5);
    expect(events[0]).toMatch(/^start /);
    expect([events[1], events[3], events[4]]).toEqual([
      'update scale 1.500 rotation 45.0° focal 90.0,90.0',
      'update scale 1.500 rotation 90.0° focal 90.0,90.0',
      'end scale 1.500 rotation 90.0° focal 90.0,90.0',
    ]);
  });

  it('slop-in-mm-when-display-has-physical-size', async () => {
    /** How far a finger must move before the pan starts, on a display of that size. */
    async function panStartsAfter(physicalSizeMm?: { width: number; height: number }): Promise<number> {
      let started = -1;
      const screen = await mount(() => <Pad testId="pad" style={full} gestures={{ onPan: { start: (e) => { started = e.offsetX; } } }} />,
        { width: 200, height: 200, physicalSizeMm });
      await screen.pointer.down({ x: 20, y: 100 }, touch);
      for (let x = 21; x < 180 && started < 0; x++) await screen.pointer.move({ x, y: 100 }, touch);
      await screen.pointer.up({ x: 180, y: 100 }, touch);
      await screen.dispose();
      return started;
    }
    // 200 px over 20 mm: 10 px a millimetre, so 2 mm of slop is 20 px …
    expect(await panStartsAfter({ width: 20, height: 20 })).toBe(21);
    // … 200 px over 50 mm: 4 px a millimetre, 8 px …
    expect(await panStartsAfter({ width: 50, height: 50 })).toBe(9);
    // … and a display that does not say: 8 logical px.
    expect(await panStartsAfter()).toBe(9);
    // Slop is a distance on the glass: at 2 output px per logical px it is half as many logical px.
    const output = { name: 'DSI-1', width: 800, height: 480, refreshMhz: 60000, physicalWidthMm: 80, physicalHeightMm: 48, scale: 1, preferredFormat: 'XRGB8888' } as const;
    expect(touchSlop(output, 1)).toBe(20);
    expect(touchSlop(output, 2)).toBe(10);
  });

  it('a-ref-on-no-node-is-reported-with-what-to-do', async () => {
    const errors: string[] = [];
    function Forgot() {
      useGestures({ current: null }, { onTap: () => {} });
      return <View style={full} />;
    }
    await mount(() => <Forgot />, { width: 200, height: 200, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([expect.stringContaining('useGestures(ref): the ref holds no node once mounted — pass the same ref as ref={ref}')]);
  });
});

describe('nested competition', () => {
  /** A parent pad filling the screen around a child pad in its top-left corner. */
  async function nest(parent: GestureOptions, child: GestureOptions): Promise<Screen> {
    return mount(() => (
      <Pad testId="parent" style={full} gestures={parent}>
        <Pad testId="child" style={{ width: 80, height: 80 }} gestures={child} />
      </Pad>
    ));
  }

  it('nested-taps-the-deepest-wins', async () => {
    const { log, add } = journal();
    const screen = await nest({ onTap: add('parent tap'), onTapCancel: add('parent tap cancelled') }, { onTap: add('child tap') });
    await screen.tap({ x: 40, y: 40 });
    expect(log).toEqual(['parent tap cancelled', 'child tap']);
    log.length = 0;
    await screen.tap({ x: 150, y: 150 });
    expect(log).toEqual(['parent tap']);
  });

  it('nested-parent-pan-beats-child-tap', async () => {
    const { log, add } = journal();
    const screen = await nest({ onPan: { start: add('parent pan'), end: add('parent pan end') } }, { onTap: add('child tap'), onTapCancel: add('child tap cancelled') });
    await screen.pointer.down({ x: 40, y: 40 }, touch);
    await screen.pointer.move({ x: 70, y: 40 }, touch);
    await screen.pointer.up({ x: 70, y: 40 }, touch);
    expect(log).toEqual(['child tap cancelled', 'parent pan', 'parent pan end']);
  });

  it('nested-child-long-press-held-still-beats-parent-pan', async () => {
    const { log, add } = journal();
    const screen = await nest({ onPan: { start: add('parent pan') } }, { onLongPress: add('child long press'), onLongPressEnd: add('child long press end') });
    await screen.pointer.down({ x: 40, y: 40 }, touch);
    await screen.advance(500);
    // The parent's pan was told it lost: moving now starts nothing.
    await screen.pointer.move({ x: 120, y: 40 }, touch);
    await screen.pointer.up({ x: 120, y: 40 }, touch);
    expect(log).toEqual(['child long press', 'child long press end']);
  });

  it('nested-double-tap-on-parent-holds-child-tap', async () => {
    const { log, add } = journal();
    const screen = await nest({ onDoubleTap: add('parent double tap') }, { onTap: add('child tap') });
    await screen.tap({ x: 40, y: 40 });
    await screen.advance(100);
    await screen.tap({ x: 40, y: 40 });
    await screen.advance(500);
    expect(log).toEqual(['parent double tap']);
    await screen.tap({ x: 40, y: 40 });
    expect(log).toEqual(['parent double tap']);
    await screen.advance(300);
    expect(log).toEqual(['parent double tap', 'child tap']);
  });
});
