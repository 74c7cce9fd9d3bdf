/**
 * Scroller.shift: content moved under the viewport mid-motion (rows above turned out taller)
 * moves the offsets and the running motion by the same amount, and changes nothing else.
 */
import { describe, expect, it } from 'vitest';
import { Scroller } from '../../src/scroll/index.js';
import { TestFrames } from './frames.js';

const EXTENTS = { viewportWidth: 400, viewportHeight: 800, contentWidth: 400, contentHeight: 100_000 };
const FRAME = 1000 / 60;

/** A scroller flung at `velocity` px/s from 1000; `during(n, scroller)` runs before frame n. Returns the offset at every frame. */
function fling(velocity: number, during: (frame: number, scroller: Scroller) => void = () => {}): { ys: number[]; requests: number } {
  const frames = new TestFrames();
  const scroller = new Scroller({ frames: frames.source });
  scroller.setExtents(EXTENTS);
  scroller.scrollTo(0, 1000, { animate: false });
  scroller.fling(0, velocity);
  const ys: number[] = [];
  for (let n = 1; frames.waiting; n++) {
    during(n, scroller);
    frames.frame(n * FRAME);
    ys.push(scroller.y.value);
    if (n > 2000) throw new Error('the fling never ended');
  }
  expect(scroller.moving.value).toBe(false);
  return { ys, requests: frames.requests };
}

describe('Scroller.shift', () => {
  it('a fling shifted by +100 px mid-way ends exactly 100 px further, frame for frame, in as many frames', () => {
    const plain = fling(3000);
    const shifted = fling(3000, (n, scroller) => {
      if (n !== 20) return;
      const before = scroller.y.value;
      scroller.shift(0, 100);
      expect(scroller.y.value).toBe(before + 100);
      expect(scroller.moving.value).toBe(true);
    });
    expect(plain.ys.at(-1)).toBe(1000 + 3000 / 2.5);
    expect(shifted.ys.at(-1)).toBe(plain.ys.at(-1)! + 100);
    expect(shifted.ys.length).toBe(plain.ys.length);
    expect(shifted.requests).toBe(plain.requests);
    // Before the shift the two are the same; from it on, 100 px apart.
    shifted.ys.forEach((y, i) => expect(y - plain.ys[i]!, `frame ${i + 1}`).toBeCloseTo(i + 1 < 20 ? 0 : 100, 9));
  });

  it('shifted twice the other way, a fling lands where it would have', () => {
    const plain = fling(-2000);
    const shifted = fling(-2000, (n, scroller) => {
      if (n === 10) scroller.shift(0, -40);
      if (n === 30) scroller.shift(0, 40);
    });
    expect(shifted.ys.at(-1)).toBe(plain.ys.at(-1));
  });

  it('an animated scroll is shifted with its target; at rest only the offset moves', () => {
    const frames = new TestFrames();
    const scroller = new Scroller({ frames: frames.source });
    scroller.setExtents(EXTENTS);
    scroller.scrollTo(0, 500);
    frames.frame(FRAME);
    scroller.shift(0, 200);
    frames.runUntilIdle();
    expect(scroller.y.value).toBe(700);

    scroller.shift(0, -50);
    expect(scroller.y.value).toBe(650);
    expect(scroller.moving.value).toBe(false);
    expect(frames.waiting).toBe(false);
  });

  it('moves only the axes it scrolls, and says what is wrong with a bad amount', () => {
    const frames = new TestFrames();
    const scroller = new Scroller({ frames: frames.source });
    scroller.setExtents(EXTENTS);
    scroller.shift(30, 20);
    expect([scroller.x.value, scroller.y.value]).toEqual([0, 20]);
    expect(() => scroller.shift(0, Number.NaN)).toThrow(/Scroller\.shift: expected finite numbers, got NaN/);
  });
});
