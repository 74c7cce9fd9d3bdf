/**
 * createTween on the virtual clock: a value that eases to a target, and can be sent toward a
 * new target mid-flight without jumping, keeping the speed it had.
 */
import { describe, expect, it } from 'vitest';
import { Show, View, createTween, easings, signal, type Easing, type FrameStats, type Tween } from '@planar/toolkit';
import type { Screen } from '@planar/toolkit/testing';
import { mount } from './mount.js';

const FRAME_MS = 1000 / 60;

/** A bar whose left edge is the tween's value; the tween is handed to the test. */
async function slider(options: { initial: number; duration: number; easing?: Easing }): Promise<{ screen: Screen; tween: Tween; frames: FrameStats[] }> {
  let tween!: Tween;
  function Slider() {
    tween = createTween(options.initial, { duration: options.duration, easing: options.easing });
    return <View testId="bar" style={{ position: 'absolute', top: 0, left: tween.value, width: 10, height: 10, backgroundColor: 'red' }} />;
  }
  const screen = await mount(() => <Slider />, { width: 400, height: 20 });
  const frames: FrameStats[] = [];
  screen.app.on('frame', (s) => frames.push(s));
  return { screen, tween, frames };
}

/** The value after each of `n` frames. */
async function track(screen: Screen, tween: Tween, n: number): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    await screen.advance(FRAME_MS);
    values.push(tween.value.value);
  }
  return values;
}

const steps = (values: number[]) => values.slice(1).map((v, i) => v - values[i]!);

describe('createTween', () => {
  it('eases out to its target over the duration, and the bar follows', async () => {
    const { screen, tween } = await slider({ initial: 0, duration: 300 });
    tween.to(300);
    // The first frame starts the leg; 150 ms later it is easeOut(0.5) = 7/8 of the way.
    await screen.advance(FRAME_MS);
    expect(tween.value.value).toBeCloseTo(0, 6);
    await screen.advance(150);
    expect(tween.value.value).toBeCloseTo(300 * easings.easeOut(0.5), 3);
    expect(screen.find({ testId: 'bar' }).x).toBe(Math.round(tween.value.value));
    await screen.advance(150 + FRAME_MS);
    expect(tween.value.value).toBe(300);
    expect(tween.velocity).toBe(0);
    expect(screen.find({ testId: 'bar' }).x).toBe(300);
  });

  it('turned round mid-flight, it keeps going its old way a little and turns without a jump', async () => {
    const { screen, tween } = await slider({ initial: 0, duration: 300, easing: easings.easeInOut });
    tween.to(300);
    const before = await track(screen, tween, 10);
    const speed = tween.velocity;
    expect(speed).toBeGreaterThan(0);
    tween.to(0);
    const after = await track(screen, tween, 30);
    const all = [...before, ...after];
    const moves = steps(all);
    // Still rightwards for the first frames after the turn: the speed it had carried over.
    expect(moves[8]! > 0 && moves[9]! > 0 && moves[10]! > 0).toBe(true);
    // No jump: no frame moves it further than the fastest frame of the first leg.
    const fastest = Math.max(...steps(before).map(Math.abs));
    for (const m of moves.slice(9)) expect(Math.abs(m)).toBeLessThanOrEqual(fastest * 1.05);
    // Speed continuous across the turn: the first frame of the new leg moves it about as the last of the old did.
    expect(Math.abs(moves[9]! - moves[8]!)).toBeLessThan(Math.abs(moves[8]!) * 0.2);
    // And it lands exactly on the new target, within the duration.
    expect(after[after.length - 1]).toBe(0);
  });

  it('sent further the same way, it never overshoots and never slows to a stop on the way', async () => {
    const { screen, tween } = await slider({ initial: 0, duration: 240 });
    tween.to(10);
    const first = await track(screen, tween, 4);
    tween.to(20);
    const rest = await track(screen, tween, 20);
    const all = [...first, ...rest];
    for (let i = 2; i < all.length; i++) expect(all[i]!).toBeGreaterThanOrEqual(all[i - 1]!);
    expect(Math.max(...all)).toBe(20);
    // Where a restarted easing would begin from rest, this one moves on the retarget's first frame.
    expect(rest[0]! - first[first.length - 1]!).toBeGreaterThan(0);
  });

  it('jumps with { animate: false } and then asks for no more frames', async () => {
    const { screen, tween, frames } = await slider({ initial: 0, duration: 300 });
    tween.to(200);
    await screen.advance(FRAME_MS * 3);
    tween.to(50, { animate: false });
    expect(tween.value.value).toBe(50);
    await screen.flush();
    expect(screen.find({ testId: 'bar' }).x).toBe(50);
    const count = frames.length;
    await screen.advance(500);
    expect(frames.length).toBe(count);
    expect(tween.value.value).toBe(50);
  });

  it('costs no frames when sent where it already is', async () => {
    const { screen, tween, frames } = await slider({ initial: 40, duration: 300 });
    tween.to(40);
    await screen.advance(200);
    expect(frames).toEqual([]);
  });

  it('stops with its component', async () => {
    const shown = signal(true);
    let tween!: Tween;
    function Moving() {
      tween = createTween(0, { duration: 300 });
      tween.to(100);
      return <View style={{ width: tween.value, height: 10, backgroundColor: 'red' }} />;
    }
    const screen = await mount(() => <Show when={shown}>{() => <Moving />}</Show>, { width: 200, height: 20 });
    await screen.advance(FRAME_MS * 4);
    const at = tween.value.value;
    expect(at).toBeGreaterThan(0);
    shown.value = false;
    await screen.flush();
    const frames: FrameStats[] = [];
    screen.app.on('frame', (s) => frames.push(s));
    await screen.advance(500);
    expect(frames).toEqual([]);
    expect(tween.value.value).toBe(at);
  });
});
