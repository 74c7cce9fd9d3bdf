/**
 * Flings from synthesised touch streams: a finger moving up the screen at a steady speed,
 * sampled at 60 Hz, 120 Hz or at uneven intervals, then lifted. The release velocity comes
 * from the toolkit's VelocityTracker on the samples' own timestamps, as a pan gives it; the
 * frames that run the fling come at 30, 60 or 144 Hz or at uneven times. Where the content
 * stops must depend on none of that.
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, Scroller } from '../../src/scroll/index.js';
import { VelocityTracker } from '../../src/gestures/velocity.js';
import { TestFrames, uneven } from './frames.js';

const DRAG_MS = 150;
const VIEWPORT = { viewportWidth: 400, viewportHeight: 800, contentWidth: 400, contentHeight: 100_000 };

/** Sample times from 0 to DRAG_MS inclusive. */
const inputRates: Record<string, () => number[]> = {
  '60 Hz input': () => steps(1000 / 60),
  '120 Hz input': () => steps(1000 / 120),
  'uneven input': () => {
    const gap = uneven(7, 3, 30);
    const times = [0];
    while (times.at(-1)! + 30 < DRAG_MS) times.push(times.at(-1)! + gap());
    return [...times, DRAG_MS];
  },
};

const frameRates: Record<string, number | (() => number)> = {
  '30 Hz frames': 1000 / 30,
  '60 Hz frames': 1000 / 60,
  '144 Hz frames': 1000 / 144,
  'uneven frames': uneven(11, 4, 45),
};

function steps(interval: number): number[] {
  const times: number[] = [];
  for (let t = 0; t < DRAG_MS - 1e-9; t += interval) times.push(t);
  return [...times, DRAG_MS];
}

/** Drags a finger up at `speed` px/s over the sample times, lifts it, and runs frames until the content rests; returns where. */
function flingWithFinger(speed: number, times: number[], frameGap: number | (() => number)): { stop: number; releasedAt: number; velocity: number } {
  const frames = new TestFrames();
  const scroller = new Scroller({ frames: frames.source });
  scroller.setExtents(VIEWPORT);
  const tracker = new VelocityTracker();
  const fingerY = (t: number) => 700 - (speed * t) / 1000;
  scroller.dragStart();
  tracker.add(times[0]!, 200, fingerY(times[0]!));
  for (let i = 1; i < times.length; i++) {
    tracker.add(times[i]!, 200, fingerY(times[i]!));
    scroller.dragBy(0, fingerY(times[i]!) - fingerY(times[i - 1]!));
  }
  const releasedAt = scroller.y.value;
  const v = tracker.velocity();
  scroller.dragEnd(v.x, v.y);
  frames.runUntilIdle(frameGap);
  expect(scroller.moving.value).toBe(false);
  return { stop: scroller.y.value, releasedAt, velocity: v.y };
}

describe('a fling stops where the release says, whatever the input and frame rates', () => {
  for (const speed of [500, 2000, 6000]) {
    it(`finger at ${speed} px/s: stops ${speed / FRICTION} px past the release, for every input and frame rate`, () => {
      const dragged = (speed * DRAG_MS) / 1000;
      const expected = dragged + speed / FRICTION;
      const stops: number[] = [];
      for (const [inputName, times] of Object.entries(inputRates)) {
        for (const [frameName, gap] of Object.entries(frameRates)) {
          const { stop, releasedAt, velocity } = flingWithFinger(speed, times(), gap);
          expect(releasedAt, inputName).toBeCloseTo(dragged, 6);
          expect(Math.abs(velocity + speed), `${inputName}: tracker velocity`).toBeLessThan(1);
          expect(Math.abs(stop - expected), `${inputName}, ${frameName}`).toBeLessThanOrEqual(1);
          stops.push(stop);
        }
      }
      expect(Math.max(...stops) - Math.min(...stops)).toBeLessThanOrEqual(1);
    });
  }

  it('a 2,000 px/s flick carries the content between 600 and 900 px after the finger lifts', () => {
    const { stop, releasedAt } = flingWithFinger(2000, steps(1000 / 60), 1000 / 60);
    expect(stop - releasedAt).toBeGreaterThanOrEqual(600);
    expect(stop - releasedAt).toBeLessThanOrEqual(900);
  });

  it('slows down smoothly: every frame moves less than the one before, and the last frame puts it on its stop point less than a pixel on', () => {
    const frames = new TestFrames();
    const scroller = new Scroller({ frames: frames.source });
    scroller.setExtents(VIEWPORT);
    const seen: number[] = [];
    scroller.onScroll((_x, y) => seen.push(y));
    scroller.fling(0, 2000);
    frames.runUntilIdle();
    const moves = seen.slice(1).map((y, i) => y - seen[i]!);
    const landing = moves.pop()!;
    for (let i = 1; i < moves.length; i++) expect(moves[i]!).toBeLessThanOrEqual(moves[i - 1]! + 1e-9);
    expect(landing).toBeGreaterThan(0);
    expect(landing).toBeLessThan(1);
    expect(seen.at(-1)).toBeCloseTo(800, 9);
  });

  it('a finger down on a flinging list catches it where it is', () => {
    const frames = new TestFrames();
    const scroller = new Scroller({ frames: frames.source });
    scroller.setExtents(VIEWPORT);
    scroller.fling(0, 3000);
    frames.runUntil(200);
    const caught = scroller.y.value;
    expect(scroller.moving.value).toBe(true);
    scroller.dragStart();
    expect(scroller.moving.value).toBe(false);
    expect(scroller.dragging.value).toBe(true);
    frames.runUntilIdle();
    expect(scroller.y.value).toBe(caught);
  });
});
