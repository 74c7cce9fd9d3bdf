/** Frames are timed for when they will be on screen: the next vblank after they can be committed. */
import { describe, expect, it } from 'vitest';
import { PresentTime } from '../src/app/present-time.js';

const HZ60 = 60000;
const I = 1000 / 60;

describe('presentation time', () => {
  it('is the start time until a frame has been presented, or when the refresh rate is unknown', () => {
    expect(new PresentTime(HZ60).predict(500)).toBe(500);
    const unknown = new PresentTime(0);
    unknown.presented(1000);
    expect(unknown.predict(1003)).toBe(1003);
  });

  it('is the first vblank after the frame can be committed', () => {
    const p = new PresentTime(HZ60);
    p.presented(1000);
    // A quick frame started 5 ms after a vblank shows at the next one.
    p.rendered(2);
    expect(p.predict(1005)).toBeCloseTo(1000 + I, 6);
    // Frames that take 14 ms, started 10 ms after a vblank, miss the next one.
    const slow = new PresentTime(HZ60);
    slow.presented(1000);
    slow.rendered(14);
    expect(slow.predict(1010)).toBeCloseTo(1000 + 2 * I, 6);
  });

  it('lands on the vblank grid whatever the start times, and never goes back', () => {
    const p = new PresentTime(HZ60);
    p.presented(1000);
    p.rendered(1);
    const starts = [1001, 1003.5, 1016, 1020.2, 1049, 1051];
    const predicted = starts.map((t) => p.predict(t));
    for (const t of predicted) expect((t - 1000) / I).toBeCloseTo(Math.round((t - 1000) / I), 6);
    for (let i = 1; i < predicted.length; i++) expect(predicted[i]).toBeGreaterThanOrEqual(predicted[i - 1]!);
    expect(predicted.map((t) => Math.round((t - 1000) / I))).toEqual([1, 1, 2, 2, 3, 4]);
  });
});

describe('the frame loop', () => {
  it('gives frame callbacks the time the frame is expected on screen', async () => {
    const { FrameLoop } = await import('../src/app/frame-loop.js');
    const { VirtualClock } = await import('../src/app/clock.js');
    const clock = new VirtualClock();
    clock.advance(1005);
    const present = new PresentTime(HZ60);
    present.presented(1000);
    const loop = new FrameLoop(clock, async () => {}, (e) => { throw e; }, true, (now) => present.predict(now));
    const times: number[] = [];
    loop.requestFrame((t) => times.push(t));
    await loop.tick();
    expect(times).toHaveLength(1);
    expect(times[0]).toBeCloseTo(1000 + I, 6);
  });
});
