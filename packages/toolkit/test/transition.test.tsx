/**
 * Style transitions on the virtual clock: a transitioned key animates when its signal changes,
 * asks for frames only while it runs, turns round mid-flight, and jumps under reduced motion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Layer, Show, View, setReducedMotion, signal, type Child, type FrameStats, type Style } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { reducedMotionFromEnv } from '../src/animation/motion.js';
import { mount } from './mount.js';

const FRAME_MS = 1000 / 60;

afterEach(() => setReducedMotion(false));

/** Renders `box` on white and records the frames rendered from then on. */
async function scene(box: () => Child, size = { width: 200, height: 60 }, onError?: (e: Error) => void): Promise<{ screen: Screen; frames: FrameStats[] }> {
  const screen = await mount(box, { ...size, background: 'white', onError });
  const frames: FrameStats[] = [];
  screen.app.on('frame', (s) => frames.push(s));
  return { screen, frames };
}

describe('style transitions', () => {
  it('fades opacity over its duration, then renders nothing more', async () => {
    const opacity = signal(1);
    const { screen, frames } = await scene(() => (
      <View style={{ width: 40, height: 40, backgroundColor: 'rgb(255, 0, 0)', opacity, transition: { opacity: { duration: 150, easing: 'linear' } } }} />
    ));
    expect(screen.pixel(20, 20)).toEqual([255, 0, 0, 255]);
    opacity.value = 0;
    // The change frame starts the fade where it was: still red.
    await screen.flush();
    expect(screen.pixel(20, 20)).toEqual([255, 0, 0, 255]);
    await screen.advance(75);
    const [, g] = screen.pixel(20, 20);
    expect(g).toBeGreaterThan(110);
    expect(g).toBeLessThan(145);
    await screen.advance(75);
    expect(screen.pixel(20, 20)).toEqual([255, 255, 255, 255]);
    // 150 ms at 60 Hz: the change frame plus about nine steps, and nothing once it has landed.
    const during = frames.length;
    expect(during).toBeGreaterThanOrEqual(9);
    expect(during).toBeLessThanOrEqual(12);
    await screen.advance(1000);
    expect(frames.length).toBe(during);
  });

  it('blends background colours through their midpoint', async () => {
    const color = signal('rgb(0, 0, 255)');
    const { screen } = await scene(() => (
      <View style={{ width: 40, height: 40, backgroundColor: color, transition: { backgroundColor: { duration: 200, easing: 'linear' } } }} />
    ));
    color.value = 'rgb(255, 0, 0)';
    await screen.flush();
    await screen.advance(100);
    const [r, g, b] = screen.pixel(20, 20);
    expect(Math.abs(r - 128)).toBeLessThanOrEqual(3);
    expect(g).toBe(0);
    expect(Math.abs(b - 128)).toBeLessThanOrEqual(3);
    await screen.advance(100);
    expect(screen.pixel(20, 20)).toEqual([255, 0, 0, 255]);
  });

  it('fades a colour in from transparent without a dark fringe', async () => {
    const color = signal<string | undefined>(undefined);
    const { screen } = await scene(() => (
      <View style={{ width: 40, height: 40, backgroundColor: color, transition: { backgroundColor: { duration: 100, easing: 'linear' } } }} />
    ));
    color.value = 'rgb(255, 255, 0)';
    await screen.flush();
    await screen.advance(50);
    // Halfway between white paper and yellow: blue halves, red and green stay full.
    const [r, g, b] = screen.pixel(20, 20);
    expect(r).toBeGreaterThanOrEqual(254);
    expect(g).toBeGreaterThanOrEqual(254);
    expect(Math.abs(b - 128)).toBeLessThanOrEqual(3);
  });

  it('slides a transform, and sent back mid-flight it turns round without a jump', async () => {
    const x = signal(0);
    const { screen } = await scene(() => (
      <View testId="box" style={{ width: 20, height: 20, backgroundColor: 'black', transform: () => ({ translateX: x.value }), transition: { transform: { duration: 300, easing: 'easeInOut' } } }} />
    ), { width: 300, height: 20 });
    x.value = 200;
    await screen.flush();
    const xs: number[] = [];
    for (let i = 0; i < 12; i++) {
      await screen.advance(FRAME_MS);
      xs.push(screen.find({ testId: 'box' }).x);
    }
    expect(xs[11]).toBeGreaterThan(20);
    x.value = 0;
    await screen.flush();
    for (let i = 0; i < 30; i++) {
      await screen.advance(FRAME_MS);
      xs.push(screen.find({ testId: 'box' }).x);
    }
    const steps = xs.slice(1).map((v, i) => Math.abs(v - xs[i]!));
    const fastestOut = Math.max(...steps.slice(0, 11));
    for (const s of steps.slice(11)) expect(s).toBeLessThanOrEqual(fastestOut + 1);
    // It keeps going right for a frame or two (its speed carried over), then comes home.
    expect(Math.max(...xs.slice(12, 15))).toBeGreaterThanOrEqual(xs[11]!);
    expect(xs[xs.length - 1]).toBe(0);
  });

  it('animates a size, relaying out the box on each frame', async () => {
    const width = signal(40);
    const { screen } = await scene(() => (
      <View testId="bar" style={{ width, height: 10, backgroundColor: 'black', transition: { width: { duration: 100, easing: 'linear' } } }} />
    ));
    width.value = 140;
    await screen.flush();
    await screen.advance(50);
    expect(screen.find({ testId: 'bar' }).width).toBeCloseTo(90, 0);
    await screen.advance(50);
    expect(screen.find({ testId: 'bar' }).width).toBe(140);
  });

  it('jumps values it cannot interpolate (a percentage)', async () => {
    const width = signal<Style['width']>(40);
    const { screen, frames } = await scene(() => (
      <View testId="bar" style={{ width, height: 10, backgroundColor: 'black', transition: { width: 100 } }} />
    ));
    width.value = '50%';
    await screen.flush();
    expect(screen.find({ testId: 'bar' }).width).toBe(100);
    await screen.advance(200);
    expect(frames.length).toBe(1);
  });

  it('jumps under reduced motion: one frame, already at the new value', async () => {
    setReducedMotion(true);
    const opacity = signal(1);
    const { screen, frames } = await scene(() => (
      <View style={{ width: 40, height: 40, backgroundColor: 'rgb(255, 0, 0)', opacity, transition: { opacity: 150 } }} />
    ));
    opacity.value = 0;
    await screen.flush();
    expect(screen.pixel(20, 20)).toEqual([255, 255, 255, 255]);
    await screen.advance(300);
    expect(frames.length).toBe(1);
  });

  it('lands at once when reduced motion is turned on mid-flight', async () => {
    const opacity = signal(1);
    const { screen, frames } = await scene(() => (
      <View style={{ width: 40, height: 40, backgroundColor: 'rgb(255, 0, 0)', opacity, transition: { opacity: { duration: 400, easing: 'linear' } } }} />
    ));
    opacity.value = 0;
    await screen.advance(100);
    expect(screen.pixel(20, 20)[1]).toBeGreaterThan(30);
    setReducedMotion(true);
    await screen.flush();
    expect(screen.pixel(20, 20)).toEqual([255, 255, 255, 255]);
    const count = frames.length;
    await screen.advance(500);
    expect(frames.length).toBe(count);
  });

  it('reports a transition it cannot run, naming the key, and still renders', async () => {
    const errors: Error[] = [];
    const { screen } = await scene(() => (
      <View style={{ width: 40, height: 40, backgroundColor: 'rgb(255, 0, 0)', transition: { flexGrow: 100 } as never }} />
    ), undefined, (e) => errors.push(e));
    expect(errors.map((e) => e.message).join('\n')).toMatch(/style\.transition.*'flexGrow' cannot be transitioned/s);
    expect(screen.pixel(20, 20)).toEqual([255, 0, 0, 255]);
  });

  it('reads PLANAR_REDUCED_MOTION from the environment', () => {
    expect(reducedMotionFromEnv({ PLANAR_REDUCED_MOTION: '1' })).toBe(true);
    expect(reducedMotionFromEnv({ PLANAR_REDUCED_MOTION: '0' })).toBe(false);
    expect(reducedMotionFromEnv({})).toBe(false);
  });

  it('stops asking for frames when its node unmounts mid-flight', async () => {
    const mounted = signal(true);
    const color = signal('rgb(0, 0, 255)');
    const { screen, frames } = await scene(() => (
      <Show when={mounted}>
        <View style={{ width: 40, height: 40, backgroundColor: color, transition: { backgroundColor: 1000 } }} />
      </Show>
    ));
    color.value = 'rgb(255, 0, 0)';
    await screen.advance(100);
    mounted.value = false;
    await screen.flush();
    const count = frames.length;
    await screen.advance(2000);
    expect(frames.length).toBe(count);
    expect(screen.pixel(20, 20)).toEqual([255, 255, 255, 255]);
  });

  it('on a layer, fades and slides the layer by its placement: no pixel is repainted', async () => {
    const shown = signal(true);
    const hits: string[] = [];
    const { screen, frames } = await scene(() => (
      <View style={{ width: '100%', height: '100%', backgroundColor: 'white' }}>
        <Layer testId="sheet" position={{ x: 10, y: 10 }} style={{
          opacity: () => (shown.value ? 1 : 0.5),
          transform: () => ({ translateX: shown.value ? 0 : 100 }),
          transition: { opacity: { duration: 200, easing: 'linear' }, transform: { duration: 200, easing: 'linear' } },
        }}>
          <View style={{ width: 40, height: 40, backgroundColor: 'rgb(0, 0, 255)' }} onPointerDown={() => hits.push('sheet')} />
        </Layer>
      </View>
    ), { width: 200, height: 60 });
    expect(screen.pixel(30, 30)).toEqual([0, 0, 255, 255]);
    shown.value = false;
    await screen.flush();
    await screen.advance(100);
    // Halfway: 50 px along and three quarters opaque, drawn by the compositor alone.
    expect(screen.find({ testId: 'sheet' }).x).toBe(60);
    const [r, , b] = screen.pixel(80, 30);
    expect(Math.abs(r - 64)).toBeLessThanOrEqual(3);
    expect(b).toBe(255);
    await screen.advance(100);
    expect(screen.find({ testId: 'sheet' }).x).toBe(110);
    expect(screen.pixel(130, 30)).toEqual([127, 127, 255, 255]);
    expect(screen.pixel(30, 30)).toEqual([255, 255, 255, 255]);
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.map((f) => f.damagedPx)).toEqual(frames.map(() => 0));
    // Hit testing follows the layer where it is shown.
    await screen.tap({ x: 130, y: 30 });
    expect(hits).toEqual(['sheet']);
  });
});
