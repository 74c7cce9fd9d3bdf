/**
 * At the edges: the rubber band while dragging past one, the spring back after, a fling that
 * bounces off an edge or stops at it, and content that shrinks under the offset.
 */
import { describe, expect, it } from 'vitest';
import { Scroller, type ScrollerOptions } from '../../src/scroll/index.js';
import { TestFrames } from './frames.js';

const EXTENTS = { viewportWidth: 400, viewportHeight: 600, contentWidth: 400, contentHeight: 3000 };

function list(options: ScrollerOptions = {}): { scroller: Scroller; frames: TestFrames } {
  const frames = new TestFrames();
  const scroller = new Scroller({ frames: frames.source, ...options });
  scroller.setExtents(EXTENTS);
  return { scroller, frames };
}

/** Pulls the content down past the top by `distance` px, in 10 px moves; returns the offset after each. */
function pullDown(scroller: Scroller, distance: number): number[] {
  const offsets: number[] = [];
  scroller.dragStart();
  for (let moved = 0; moved < distance; moved += 10) {
    scroller.dragBy(0, 10);
    offsets.push(scroller.y.value);
  }
  return offsets;
}

describe('rubber band', () => {
  it('dragging 300 px past the top moves the content less than 300 px, and more the further you pull', () => {
    const { scroller } = list();
    const offsets = pullDown(scroller, 300);
    const shown = offsets.map((y) => -y);
    expect(shown.at(-1)!).toBeLessThan(300);
    expect(shown.at(-1)!).toBeGreaterThan(100);
    for (let i = 1; i < shown.length; i++) expect(shown[i]!).toBeGreaterThan(shown[i - 1]!);
    // Each further 10 px shows less than the one before: the resistance grows.
    for (let i = 2; i < shown.length; i++) expect(shown[i]! - shown[i - 1]!).toBeLessThan(shown[i - 1]! - shown[i - 2]! + 1e-9);
  });

  it('a pull gives the same stretch in one move as in thirty', () => {
    const { scroller: a } = list();
    const { scroller: b } = list();
    pullDown(a, 300);
    b.dragStart();
    b.dragBy(0, 300);
    expect(a.y.value).toBeCloseTo(b.y.value, 9);
  });

  it('pulling back up from the stretch returns the content to the edge where the finger crosses it', () => {
    const { scroller } = list();
    pullDown(scroller, 200);
    scroller.dragBy(0, -200);
    expect(scroller.y.value).toBeCloseTo(0, 9);
    scroller.dragBy(0, -50);
    expect(scroller.y.value).toBeCloseTo(50, 9);
  });

  it("overscroll: 'clamp' never goes past the edge", () => {
    const { scroller } = list({ overscroll: 'clamp' });
    pullDown(scroller, 300);
    expect(scroller.y.value).toBe(0);
  });
});

describe('spring back', () => {
  for (const springBackMs of [400, 250]) {
    it(`released past the top, it is back within 0.5 px by springBackMs (${springBackMs} ms), and not before half of it`, () => {
      const { scroller, frames } = list({ springBackMs });
      pullDown(scroller, 300);
      scroller.dragEnd(0, 0);
      expect(scroller.moving.value).toBe(true);
      // Frames 4 ms apart from the first, so frames fall on half the time and on the time itself.
      frames.frame(1000);
      frames.runUntil(1000 + springBackMs / 2, 4);
      expect(Math.abs(scroller.y.value)).toBeGreaterThan(0.5);
      frames.runUntil(1000 + springBackMs, 4);
      expect(Math.abs(scroller.y.value)).toBeLessThanOrEqual(0.5);
      frames.runUntilIdle(4);
      expect(scroller.y.value).toBe(0);
      expect(scroller.moving.value).toBe(false);
    });
  }

  it('stop() halts a fling where it is, but content past an edge still springs back', () => {
    const { scroller, frames } = list();
    scroller.fling(0, 2000);
    frames.runUntil(100);
    const at = scroller.y.value;
    scroller.stop();
    frames.runUntilIdle();
    expect(scroller.y.value).toBe(at);

    scroller.scrollTo(0, 0, { animate: false });
    pullDown(scroller, 200);
    scroller.dragEnd(0, 0);
    frames.frame(frames.time + 16);
    expect(scroller.y.value).toBeLessThan(-10);
    scroller.stop();
    expect(scroller.moving.value).toBe(true);
    frames.runUntilIdle();
    expect(scroller.y.value).toBe(0);
  });
});

describe('a fling meets an edge', () => {
  it('bounce: goes past the end, turns and rests exactly on it', () => {
    const { scroller, frames } = list();
    const max = scroller.maxY;
    expect(max).toBe(2400);
    scroller.scrollTo(0, 2000, { animate: false });
    scroller.fling(0, 3000);
    let furthest = 0;
    scroller.onScroll((_x, y) => (furthest = Math.max(furthest, y)));
    frames.runUntilIdle();
    expect(furthest).toBeGreaterThan(max + 10);
    expect(scroller.y.value).toBe(max);
  });

  it('clamp: stops on the end and never past it', () => {
    const { scroller, frames } = list({ overscroll: 'clamp' });
    scroller.scrollTo(0, 2000, { animate: false });
    scroller.fling(0, 3000);
    let furthest = 0;
    scroller.onScroll((_x, y) => (furthest = Math.max(furthest, y)));
    frames.runUntilIdle();
    expect(furthest).toBe(2400);
    expect(scroller.y.value).toBe(2400);
  });

  it('content that shrinks under the offset springs back to the new end', () => {
    const { scroller, frames } = list();
    scroller.scrollTo(0, 2400, { animate: false });
    scroller.setExtents({ ...EXTENTS, contentHeight: 1000 });
    expect(scroller.maxY).toBe(400);
    expect(scroller.y.value).toBe(2400);
    expect(scroller.moving.value).toBe(true);
    frames.runUntilIdle();
    expect(scroller.y.value).toBe(400);
  });

  it('a fling under way meets the new end when the content shrinks mid-flight', () => {
    const { scroller, frames } = list();
    scroller.fling(0, 2000);
    frames.runUntil(100);
    scroller.setExtents({ ...EXTENTS, contentHeight: 1000 });
    frames.runUntilIdle();
    expect(scroller.y.value).toBe(400);
  });

  it('content that grows mid-fling does not change where a fling stops', () => {
    const { scroller, frames } = list();
    scroller.fling(0, 2000);
    frames.runUntil(100);
    scroller.setExtents({ ...EXTENTS, contentHeight: 5000 });
    frames.runUntilIdle();
    expect(scroller.y.value).toBeCloseTo(800, 6);
  });
});
