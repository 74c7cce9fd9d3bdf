/**
 * A Scroller inside a running app: a finger flicks a list through the testing API, the pan
 * recogniser's release velocity goes to the scroller, and the list glides on the app's own
 * frames (the virtual clock's `screen.advance`) to where the physics says, then the app goes
 * idle. Unmounting the list mid-glide ends its frames.
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, Scroller, Show, View, computed, signal, useGestures, type NodeHandle } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { mount } from '../mount.js';

const touch = { type: 'touch' } as const;

/** A 200 × 200 viewport over a 200 × 4000 column, scrolled by touch. */
function List(props: { got: (s: Scroller) => void }) {
  const ref = { current: null as NodeHandle | null };
  const scroller = new Scroller();
  scroller.setExtents({ viewportWidth: 200, viewportHeight: 200, contentWidth: 200, contentHeight: 4000 });
  props.got(scroller);
  useGestures(ref, {
    onPan: {
      start: (e) => { scroller.dragStart(); scroller.dragBy(e.dx, e.dy); },
      update: (e) => scroller.dragBy(e.dx, e.dy),
      // The lift is a sample too: its movement lands before the release.
      end: (e) => { scroller.dragBy(e.dx, e.dy); scroller.dragEnd(e.velocityX, e.velocityY); },
    },
  });
  const top = computed(() => -scroller.y.value);
  return (
    <View ref={ref} testId="viewport" style={{ position: 'absolute', left: 0, top: 0, width: 200, height: 200, overflow: 'hidden' }}>
      <View testId="content" style={{ position: 'absolute', left: 0, top, width: 200, height: 4000, backgroundColor: 'blue' }}>
        <View style={{ position: 'absolute', left: 0, top: 800, width: 200, height: 20, backgroundColor: 'red' }} />
      </View>
    </View>
  );
}

/** Moves a finger from y = 190 up by 165 px at 1,500 px/s (an event every 10 ms on the app's clock), lifting it at y = 25. */
async function flick(screen: Screen): Promise<void> {
  await screen.pointer.down({ x: 100, y: 190 }, touch);
  for (let y = 175; y > 25; y -= 15) {
    await screen.advance(10);
    await screen.pointer.move({ x: 100, y }, touch);
  }
  await screen.advance(10);
  await screen.pointer.up({ x: 100, y: 25 }, touch);
}

const DRAGGED = 165;

describe('Scroller in an app', () => {
  it('a flick glides on the app frames to the stop the release velocity gives, then the app is idle', async () => {
    let scroller!: Scroller;
    const screen = await mount(() => <List got={(s) => (scroller = s)} />);
    const frames: number[] = [];
    screen.app.on('frame', () => frames.push(1));

    await flick(screen);
    // The content followed the finger; now it glides on.
    expect(scroller.y.value).toBeCloseTo(DRAGGED, 6);
    expect(scroller.moving.value).toBe(true);
    expect(screen.find({ testId: 'content' }).y).toBe(-DRAGGED);

    // The glide starts when the finger lifts: the very next frame has moved on.
    await screen.advance(1000 / 60);
    expect(scroller.y.value).toBeGreaterThan(DRAGGED + 10);
    await screen.advance(100);
    const mid = scroller.y.value;
    expect(mid).toBeGreaterThan(DRAGGED);
    expect(mid).toBeLessThan(DRAGGED + 1500 / FRICTION);
    expect(Math.abs(screen.find({ testId: 'content' }).y + mid)).toBeLessThanOrEqual(1);
    expect(frames.length).toBeGreaterThanOrEqual(5);

    await screen.advance(5000);
    expect(scroller.moving.value).toBe(false);
    expect(Math.abs(scroller.y.value - (DRAGGED + 1500 / FRICTION))).toBeLessThanOrEqual(1);
    expect(Math.abs(screen.find({ testId: 'content' }).y + scroller.y.value)).toBeLessThanOrEqual(1);
    // The red stripe 800 px down the content now shows 35 px from the viewport's top.
    expect(screen.pixel(100, 45)).toEqual([255, 0, 0, 255]);
    expect(screen.pixel(100, 25)).toEqual([0, 0, 255, 255]);
    expect(screen.pixel(100, 65)).toEqual([0, 0, 255, 255]);

    frames.length = 0;
    await screen.advance(500);
    expect(frames).toEqual([]);
  });

  it('unmounting the list mid-glide disposes its scroller: no more frames', async () => {
    let scroller!: Scroller;
    const shown = signal(true);
    const screen = await mount(() => <Show when={shown}><List got={(s) => (scroller = s)} /></Show>);
    await flick(screen);
    await screen.advance(100);
    expect(scroller.moving.value).toBe(true);
    shown.value = false;
    await screen.advance(50);
    const frames: number[] = [];
    screen.app.on('frame', () => frames.push(1));
    const at = scroller.y.value;
    await screen.advance(500);
    expect(frames).toEqual([]);
    expect(scroller.moving.value).toBe(false);
    expect(scroller.y.value).toBe(at);
  });
});
