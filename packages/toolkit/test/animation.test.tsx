/**
 * Animation and timers on the virtual clock: `animate`, `requestFrame`, `interval`, `timeout`,
 * and the frame scheduler's promise that an idle app renders nothing and an animating one
 * renders one frame per 60 Hz display refresh.
 */
import { describe, expect, it } from 'vitest';
import {
  Show, View, animate, easings, interval, onMount, requestFrame, signal, timeout,
  type AnimationHandle, type FrameStats, type Signal,
} from '@planar/toolkit';
import type { RenderOptions, Screen } from '@planar/toolkit/testing';
import type { Child } from '@planar/toolkit';
import { WHITE, mount as mountScreen } from './mount.js';

const RED: [number, number, number, number] = [255, 0, 0, 255];
/** How far a linear 0→100 animation over 200 ms moves in one 60 Hz frame. */
const ONE_FRAME = (100 * (1000 / 60)) / 200;

const mount = (root: () => Child, options: RenderOptions = { width: 200, height: 100 }): Promise<Screen> => mountScreen(root, options);

/** The value a promise has settled with, or 'pending' (without waiting for it). */
async function state<T>(p: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([p, Promise.resolve('pending' as const)]);
}

function countFrames(screen: Screen): FrameStats[] {
  const frames: FrameStats[] = [];
  screen.app.on('frame', (s) => frames.push(s));
  return frames;
}

/** A red bar whose width is `width`, animated 0→100 over 200 ms (linear) from its onMount. */
function Bar(props: { width: Signal<number>; started: (a: AnimationHandle) => void }) {
  onMount(() => props.started(animate(props.width, 100, { duration: 200, easing: easings.linear })));
  return <View testId="bar" style={{ position: 'absolute', left: 0, top: 0, width: props.width, height: 20, backgroundColor: 'red' }} />;
}

function expectBarPixels(screen: Screen, width: number) {
  const box = screen.find({ testId: 'bar' });
  expect(Math.abs(box.width - width)).toBeLessThanOrEqual(1);
  expect(screen.pixel(Math.max(0, box.width - 2), 10)).toEqual(RED);
  expect(screen.pixel(box.width + 2, 10)).toEqual(WHITE);
}

describe('animate', () => {
  it('started in onMount: about halfway after 100 ms, exactly at the target after 200 ms, and the pixels follow', async () => {
    const width = signal(0);
    let anim!: AnimationHandle;
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Bar width={width} started={(a) => { anim = a; }} /></View>);
    expect(width.value).toBe(0);

    await screen.advance(100);
    expect(Math.abs(width.value - 50)).toBeLessThanOrEqual(ONE_FRAME);
    expect(await state(anim.finished)).toBe('pending');
    expectBarPixels(screen, width.value);

    await screen.advance(100);
    expect(width.value).toBe(100);
    expect(await state(anim.finished)).toBe(true);
    expectBarPixels(screen, 100);
  });

  it('advance(duration) in one call ends the animation exactly on its target', async () => {
    const width = signal(0);
    let anim!: AnimationHandle;
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Bar width={width} started={(a) => { anim = a; }} /></View>);
    await screen.advance(200);
    expect(width.value).toBe(100);
    expect(await state(anim.finished)).toBe(true);
    expectBarPixels(screen, 100);
  });

  it('cancel() stops where it is, resolves finished with false, and asks for no more frames', async () => {
    const width = signal(0);
    let anim!: AnimationHandle;
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Bar width={width} started={(a) => { anim = a; }} /></View>);
    await screen.advance(100);
    const at = width.value;
    anim.cancel();
    expect(await state(anim.finished)).toBe(false);
    const frames = countFrames(screen);
    await screen.advance(300);
    expect(width.value).toBe(at);
    expect(frames).toHaveLength(0);
    expectBarPixels(screen, at);
    // Cancelling again (or after the end) changes nothing.
    anim.cancel();
    expect(await state(anim.finished)).toBe(false);
  });

  it('unmounting the component that started an animation cancels it', async () => {
    const width = signal(0);
    const shown = signal(true);
    let anim!: AnimationHandle;
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Show when={shown}><Bar width={width} started={(a) => { anim = a; }} /></Show>
      </View>
    ));
    await screen.advance(50);
    shown.value = false;
    await screen.flush();
    expect(await state(anim.finished)).toBe(false);
    const at = width.value;
    const frames = countFrames(screen);
    await screen.advance(300);
    expect(width.value).toBe(at);
    expect(frames).toHaveLength(0);
  });

  it('a duration of 0 jumps to the target on the next frame', async () => {
    const value = signal(5);
    let anim!: AnimationHandle;
    function Jump() {
      onMount(() => { anim = animate(value, -3, { duration: 0 }); });
      return <View style={{ width: 10, height: 10 }} />;
    }
    await mount(() => <Jump />);
    expect(value.value).toBe(-3);
    expect(await state(anim.finished)).toBe(true);
  });

  it('the default easing is easeInOut: slow at the ends, halfway at half time', async () => {
    const value = signal(0);
    function Eased() {
      onMount(() => { animate(value, 100, { duration: 300 }); });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <Eased />);
    await screen.advance(50);
    // easeInOut(1/6) = 4/216 → about 1.9; linear would be 16.7.
    expect(value.value).toBeLessThan(5);
    await screen.advance(100);
    expect(Math.abs(value.value - 50)).toBeLessThanOrEqual(1);
    await screen.advance(150);
    expect(value.value).toBe(100);
  });

  it('started in an event handler, it runs like one started in a component', async () => {
    const width = signal(0);
    const errors: Error[] = [];
    let anim: AnimationHandle | undefined;
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <View testId="go" style={{ position: 'absolute', left: 0, top: 50, width: 50, height: 50 }}
          onPress={() => { anim = animate(width, 100, { duration: 200, easing: easings.linear }); }} />
        <View testId="bar" style={{ position: 'absolute', left: 0, top: 0, width, height: 20, backgroundColor: 'red' }} />
      </View>
    ));
    screen.app.on('error', (e) => errors.push(e));
    await screen.tap({ testId: 'go' });
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(anim).toBeDefined();
    await screen.advance(100);
    expect(Math.abs(width.value - 50)).toBeLessThanOrEqual(ONE_FRAME);
    await screen.advance(150);
    expect(width.value).toBe(100);
    expect(await state(anim!.finished)).toBe(true);
    expectBarPixels(screen, 100);
  });
});

describe('frame scheduling', () => {
  it('an idle app renders no frames', async () => {
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'red' }}>
        <View style={{ width: 50, height: 50, backgroundColor: 'blue' }} />
      </View>
    ));
    const frames = countFrames(screen);
    await screen.advance(1000);
    await screen.flush();
    expect(frames).toHaveLength(0);
  });

  it('a 200 ms animation renders one frame per 60 Hz refresh (12), each of them painting, and none after it ends', async () => {
    const width = signal(0);
    const shown = signal(false);
    let anim!: AnimationHandle;
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Show when={shown}><Bar width={width} started={(a) => { anim = a; }} /></Show>
      </View>
    ));
    const frames = countFrames(screen);
    shown.value = true;
    await screen.flush();
    await screen.advance(200);
    // Soft, so that each of these is reported on its own.
    // The frame that mounts the bar (t = 0), then one per 16.7 ms refresh up to 200 ms: 12.
    expect.soft(frames.length).toBe(1 + 12);
    // Every frame moved the bar's edge: none was rendered for nothing.
    expect.soft(frames.filter((f) => f.damagedPx === 0).length).toBe(0);
    expect.soft(width.value).toBe(100);
    expect.soft(await state(anim.finished)).toBe(true);

    frames.length = 0;
    await screen.advance(1000);
    expect(frames).toHaveLength(0);
  });

  it('while an animation runs, flush() does not render frames at the same instant over and over', async () => {
    const width = signal(0);
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Bar width={width} started={() => {}} /></View>);
    await screen.advance(50);
    const frames = countFrames(screen);
    // The virtual clock does not move: no display refresh is due, so at most one frame.
    await screen.flush();
    await screen.flush();
    expect(frames.length).toBeLessThanOrEqual(1);
    // And advancing by one refresh renders one frame.
    frames.length = 0;
    await screen.advance(1000 / 60);
    expect(frames).toHaveLength(1);
  });

  it('requestFrame calls back once, at the start of the next frame, with the frame time', async () => {
    const calls: number[] = [];
    const mounted = signal(false);
    function Probe() {
      onMount(() => { requestFrame((t) => calls.push(t)); });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Show when={mounted}><Probe /></Show></View>);
    await screen.advance(50);
    expect(calls).toEqual([]);
    mounted.value = true;
    await screen.flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeCloseTo(50, 6);
    await screen.advance(100);
    expect(calls).toHaveLength(1);
  });

  it('the function requestFrame returns cancels the callback', async () => {
    const calls: number[] = [];
    function Probe() {
      onMount(() => {
        const cancel = requestFrame((t) => calls.push(t));
        cancel();
      });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <Probe />);
    await screen.advance(100);
    expect(calls).toEqual([]);
  });
});

describe('timers', () => {
  it('interval(1000) fires 3 times over 3 s and never after its component unmounts', async () => {
    let ticks = 0;
    const shown = signal(true);
    function Clock() {
      interval(1000, () => { ticks++; });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <View style={{ width: '100%', height: '100%' }}><Show when={shown}><Clock /></Show></View>);
    await screen.advance(3000);
    expect(ticks).toBe(3);
    await screen.advance(500);
    expect(ticks).toBe(3);
    shown.value = false;
    await screen.flush();
    await screen.advance(3000);
    expect(ticks).toBe(3);
  });

  it('virtual time adds up exactly across advance() calls: a timer due at 1000 fires after advance(999) + advance(1)', async () => {
    const fired: string[] = [];
    function Timers() {
      timeout(1000, () => fired.push('1000'));
      timeout(3000, () => fired.push('3000'));
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <Timers />);
    await screen.advance(999);
    expect(fired).toEqual([]);
    await screen.advance(1);
    expect(fired).toEqual(['1000']);
    await screen.advance(1999);
    expect(fired).toEqual(['1000']);
    await screen.advance(1);
    expect(fired).toEqual(['1000', '3000']);
  });

  it('interval keeps its period without drift over a long run', async () => {
    let ticks = 0;
    function Clock() {
      interval(250, () => { ticks++; });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <Clock />);
    await screen.advance(10_000);
    expect(ticks).toBe(40);
  });

  it('the function interval returns stops it', async () => {
    let ticks = 0;
    let stop!: () => void;
    function Clock() {
      stop = interval(100, () => { ticks++; });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <Clock />);
    await screen.advance(350);
    expect(ticks).toBe(3);
    stop();
    await screen.advance(1000);
    expect(ticks).toBe(3);
  });

  it('an interval that changes a signal re-renders, and the pixels follow', async () => {
    const on = signal(false);
    function Blink() {
      interval(500, () => { on.value = !on.value; });
      return <View style={{ width: '100%', height: '100%', backgroundColor: () => (on.value ? 'red' : 'white') }} />;
    }
    const screen = await mount(() => <Blink />);
    expect(screen.pixel(10, 10)).toEqual(WHITE);
    await screen.advance(500);
    expect(screen.pixel(10, 10)).toEqual(RED);
    await screen.advance(500);
    expect(screen.pixel(10, 10)).toEqual(WHITE);
  });

  it('timeout fires once, and not at all when its component unmounts first', async () => {
    const fired: string[] = [];
    const a = signal(true);
    const b = signal(true);
    function Later(props: { name: string }) {
      timeout(300, () => fired.push(props.name));
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => (
      <View style={{ width: '100%', height: '100%' }}>
        <Show when={a}><Later name="a" /></Show>
        <Show when={b}><Later name="b" /></Show>
      </View>
    ));
    await screen.advance(200);
    b.value = false;
    await screen.flush();
    await screen.advance(1000);
    expect(fired).toEqual(['a']);
  });

  it('a timer whose callback throws reports the error with the component path and keeps ticking', async () => {
    const errors: Error[] = [];
    let ticks = 0;
    function Flaky() {
      interval(100, () => { ticks++; if (ticks === 1) throw new Error('tick failed'); });
      return <View style={{ width: 10, height: 10 }} />;
    }
    const screen = await mount(() => <Flaky />);
    screen.app.on('error', (e) => errors.push(e));
    await screen.advance(300);
    expect(ticks).toBe(3);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/tick failed.*Flaky/)]);
  });
});

describe('animate bookkeeping', () => {
  it('a finished animation leaves no cleanup behind on its owner', async () => {
    const { animate, View, signal, getOwner, onMount, runWithOwner } = await import('@planar/toolkit');
    const { render } = await import('@planar/toolkit/testing');
    const x = signal(0);
    let owner: ReturnType<typeof getOwner> = null;
    let run: () => void = () => {};
    function Mover() {
      owner = getOwner();
      const mine = getOwner();
      run = () => runWithOwner(mine, () => { void animate(x, x.peek() + 1, { duration: 10 }); });
      onMount(run);
      return <View style={{ width: () => x.value }} />;
    }
    const screen = await render(() => <Mover />, { width: 100, height: 20 });
    const cleanups = () => (owner as unknown as { cleanups: unknown[] }).cleanups.length;
    await screen.advance(50);
    const before = cleanups();
    for (let i = 0; i < 50; i++) {
      run();
      await screen.advance(50);
    }
    expect(cleanups()).toBe(before);
    expect(x.value).toBe(51);
    await screen.dispose();
  });

  it('timeouts that fired and timers that were stopped leave no cleanup behind on their owner', async () => {
    const { timeout, interval, View, getOwner, runWithOwner } = await import('@planar/toolkit');
    const { render } = await import('@planar/toolkit/testing');
    let owner: ReturnType<typeof getOwner> = null;
    function Host() {
      owner = getOwner();
      return <View />;
    }
    const screen = await render(() => <Host />, { width: 20, height: 20 });
    const cleanups = () => (owner as unknown as { cleanups: unknown[] }).cleanups.length;
    const before = cleanups();
    let fired = 0;
    for (let i = 0; i < 100; i++) {
      runWithOwner(owner, () => {
        timeout(10, () => fired++);
        interval(10, () => {})();
      });
      await screen.advance(20);
    }
    expect(fired).toBe(100);
    expect(cleanups()).toBe(before);
    await screen.dispose();
  });
});
