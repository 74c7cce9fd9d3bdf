/**
 * Nested scrollers: a list inside a page that scrolls the same way, and a vertical list
 * inside a horizontal pager. What the inner one cannot take at its edge goes to the outer.
 */
import { describe, expect, it } from 'vitest';
import { FRICTION, Scroller } from '../../src/scroll/index.js';
import { TestFrames } from './frames.js';

function nest(outerAxis: 'x' | 'y' = 'y') {
  const frames = new TestFrames();
  const outer = new Scroller({ frames: frames.source, axis: outerAxis, ...(outerAxis === 'x' ? { snap: 'page' as const } : {}) });
  outer.setExtents({ viewportWidth: 400, viewportHeight: 800, contentWidth: outerAxis === 'x' ? 1200 : 400, contentHeight: outerAxis === 'y' ? 3000 : 800 });
  const inner = new Scroller({ frames: frames.source, parent: outer });
  inner.setExtents({ viewportWidth: 400, viewportHeight: 300, contentWidth: 400, contentHeight: 800 });
  return { outer, inner, frames };
}

describe('drag chaining', () => {
  it('inner list at its bottom, finger moves up: the page scrolls, the list stays without stretching', () => {
    const { outer, inner, frames } = nest();
    inner.scrollTo(0, 500, { animate: false });
    inner.dragStart();
    inner.dragBy(0, -30);
    inner.dragBy(0, -90);
    expect(inner.y.value).toBe(500);
    expect(outer.y.value).toBe(120);
    expect(outer.dragging.value).toBe(true);
    inner.dragEnd(0, 0);
    frames.runUntilIdle();
    expect(outer.dragging.value).toBe(false);
    expect(outer.y.value).toBe(120);
  });

  it('a move that reaches the edge part-way scrolls the list to its end and the page by the rest', () => {
    const { outer, inner } = nest();
    inner.scrollTo(0, 480, { animate: false });
    inner.dragBy(0, -50);
    expect(inner.y.value).toBe(500);
    expect(outer.y.value).toBe(30);
  });

  it('the page at its own top stretches (the rubber band is the page’s), the list does not', () => {
    const { outer, inner, frames } = nest();
    inner.dragBy(0, 200);
    expect(inner.y.value).toBe(0);
    expect(outer.y.value).toBeLessThan(0);
    expect(outer.y.value).toBeGreaterThan(-200);
    inner.dragEnd(0, 0);
    frames.runUntilIdle();
    expect(outer.y.value).toBe(0);
  });

  it('a release still pushing past the edge flings the page; one back into the list flings the list', () => {
    const { outer, inner, frames } = nest();
    inner.scrollTo(0, 500, { animate: false });
    inner.dragBy(0, -40);
    inner.dragEnd(0, -1000);
    frames.runUntilIdle();
    expect(inner.y.value).toBe(500);
    expect(outer.y.value).toBeCloseTo(40 + 1000 / FRICTION, 6);

    inner.dragBy(0, -40);
    inner.dragBy(0, 20);
    inner.dragEnd(0, 400);
    frames.runUntilIdle();
    expect(inner.y.value).toBeCloseTo(480 - 400 / FRICTION, 6);
  });

  it('a sideways drag on a vertical list inside a pager moves the pager, which then snaps to a page', () => {
    const { outer, inner, frames } = nest('x');
    inner.dragBy(-30, -10);
    expect(inner.y.value).toBe(10);
    expect(outer.x.value).toBe(30);
    inner.dragEnd(-900, 0);
    frames.runUntilIdle();
    expect(outer.x.value).toBe(400);
  });
});

describe('fling chaining', () => {
  it('an inner fling that reaches the list’s end hands its speed there to the page, which moves on', () => {
    const { outer, inner, frames } = nest();
    inner.scrollTo(0, 400, { animate: false });
    inner.fling(0, 2000);
    let outerMovedWhileInnerAt = -1;
    outer.onScroll(() => { if (outerMovedWhileInnerAt < 0) outerMovedWhileInnerAt = inner.y.value; });
    frames.runUntilIdle(1000 / 60);
    expect(inner.y.value).toBe(500);
    // The page only started once the list was at its end.
    expect(outerMovedWhileInnerAt).toBe(500);
    // At the crossing, 100 px on, the speed was 2000 − k·100; the page glides that far over k.
    expect(outer.y.value).toBeCloseTo((2000 - FRICTION * 100) / FRICTION, 6);
  });

  it('where the page stops does not depend on the frame rate', () => {
    const stops = [1000 / 30, 1000 / 60, 1000 / 144, 23].map((gap) => {
      const { outer, inner, frames } = nest();
      inner.scrollTo(0, 300, { animate: false });
      inner.fling(0, 3000);
      frames.runUntilIdle(gap);
      return outer.y.value;
    });
    for (const stop of stops) expect(stop).toBeCloseTo((3000 - FRICTION * 200) / FRICTION, 6);
  });

  it('without a parent the same fling bounces off the end instead', () => {
    const frames = new TestFrames();
    const alone = new Scroller({ frames: frames.source });
    alone.setExtents({ viewportWidth: 400, viewportHeight: 300, contentWidth: 400, contentHeight: 800 });
    alone.scrollTo(0, 400, { animate: false });
    alone.fling(0, 2000);
    let furthest = 0;
    alone.onScroll((_x, y) => (furthest = Math.max(furthest, y)));
    frames.runUntilIdle();
    expect(furthest).toBeGreaterThan(500);
    expect(alone.y.value).toBe(500);
  });

  it('wheel deltas past the list’s end scroll the page', () => {
    const { outer, inner } = nest();
    inner.wheel(0, 450);
    expect(inner.y.value).toBe(450);
    inner.wheel(0, 120);
    expect(inner.y.value).toBe(500);
    expect(outer.y.value).toBe(70);
  });
});
