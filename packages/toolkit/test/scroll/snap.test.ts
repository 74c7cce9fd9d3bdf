/**
 * Snapping: a list of rows, a pager and a roller come to rest exactly on a snap point,
 * whatever the release.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_FLING_VELOCITY, Scroller, type ScrollerOptions } from '../../src/scroll/index.js';
import { TestFrames } from './frames.js';

function scroller(options: ScrollerOptions, extents = { viewportWidth: 400, viewportHeight: 600, contentWidth: 400, contentHeight: 6000 }) {
  const frames = new TestFrames();
  const s = new Scroller({ frames: frames.source, ...options });
  s.setExtents(extents);
  return { s, frames };
}

/** Drags by `dy` (finger) and lets go at finger velocity `vy`; returns where it rests. */
function dragAndRelease(s: Scroller, frames: TestFrames, dy: number, vy: number, axis: 'x' | 'y' = 'y'): number {
  s.dragStart();
  if (axis === 'y') s.dragBy(0, dy);
  else s.dragBy(dy, 0);
  if (axis === 'y') s.dragEnd(0, vy);
  else s.dragEnd(vy, 0);
  frames.runUntilIdle();
  return axis === 'y' ? s.y.value : s.x.value;
}

describe('interval snap', () => {
  it.each([
    ['flick-up', -37, -2300],
    ['flick-down', 23, 1800],
    ['let-go-at-rest', -61, 0],
    ['slow-drift', -140, -90],
    ['hard-flick', -10, -7000],
  ])('%s rests exactly on a row boundary near the natural stop', (_name, dy, vy) => {
    const { s, frames } = scroller({ snap: { interval: 48 } });
    s.scrollTo(0, 1000, { animate: false });
    const start = s.y.value;
    const rest = dragAndRelease(s, frames, dy, vy);
    expect(rest % 48).toBe(0);
    const natural = start - dy - vy / 2.5;
    expect(Math.abs(rest - natural)).toBeLessThanOrEqual(24);
  });

  it('the end of a list that is not a whole number of rows is a snap point too', () => {
    const { s, frames } = scroller({ snap: { interval: 48 } }, { viewportWidth: 400, viewportHeight: 600, contentWidth: 400, contentHeight: 1010 });
    s.scrollTo(0, 390, { animate: false });
    expect(dragAndRelease(s, frames, 0, -50)).toBe(410);
  });

  it('snaps to given points', () => {
    const { s, frames } = scroller({ snap: { points: [0, 130, 500, 900] } });
    s.scrollTo(0, 140, { animate: false });
    expect(dragAndRelease(s, frames, -100, -600)).toBe(500);
  });

  it('a snap function chooses, from the natural stop, the velocity and the axis', () => {
    const calls: [number, number, string][] = [];
    const { s, frames } = scroller({ snap: (stop, v, axis) => (calls.push([stop, v, axis]), Math.round(stop / 100) * 100 + 7) });
    s.fling(0, 500);
    frames.runUntilIdle();
    expect(calls).toEqual([[200, 500, 'y']]);
    expect(s.y.value).toBe(207);
  });
});

describe('page snap', () => {
  const pager = () => scroller({ axis: 'x', snap: 'page' }, { viewportWidth: 400, viewportHeight: 300, contentWidth: 2000, contentHeight: 300 });

  it('a slow release goes to the nearest page', () => {
    const { s, frames } = pager();
    s.scrollTo(400, 0, { animate: false });
    expect(dragAndRelease(s, frames, -150, -100, 'x')).toBe(400);
    expect(dragAndRelease(s, frames, -250, -100, 'x')).toBe(800);
  });

  it('a fast release goes to the next page in its direction, even from a short drag', () => {
    const { s, frames } = pager();
    s.scrollTo(400, 0, { animate: false });
    expect(dragAndRelease(s, frames, -40, -(PAGE_FLING_VELOCITY + 200), 'x')).toBe(800);
    expect(dragAndRelease(s, frames, 40, PAGE_FLING_VELOCITY + 200, 'x')).toBe(400);
  });

  it('a fast release goes one page, however hard the fling', () => {
    const { s, frames } = pager();
    expect(dragAndRelease(s, frames, -30, -8000, 'x')).toBe(400);
  });

  it('dragged back towards the previous page but flung forward, it stays on its page', () => {
    const { s, frames } = pager();
    s.scrollTo(800, 0, { animate: false });
    expect(dragAndRelease(s, frames, 150, -1500, 'x')).toBe(800);
  });

  it('when the page size changes (a rotation) it stays on its page, at rest or mid-turn', () => {
    const { s, frames } = pager();
    s.scrollTo(800, 0, { animate: false });
    s.setExtents({ viewportWidth: 300, viewportHeight: 400, contentWidth: 1500, contentHeight: 400 });
    expect(s.x.value).toBe(600);
    dragAndRelease(s, frames, -40, -2000, 'x');
    expect(s.x.value).toBe(900);
    s.fling(-2000, 0);
    frames.frame(frames.time + 16);
    s.setExtents({ viewportWidth: 400, viewportHeight: 300, contentWidth: 2000, contentHeight: 300 });
    expect(s.x.value).toBe(800);
    expect(s.moving.value).toBe(false);
  });

  it('flung forward on the last page, it bounces and rests on it', () => {
    const { s, frames } = pager();
    s.scrollTo(1600, 0, { animate: false });
    let furthest = 0;
    s.onScroll((x) => (furthest = Math.max(furthest, x)));
    expect(dragAndRelease(s, frames, -20, -3000, 'x')).toBe(1600);
    expect(furthest).toBeGreaterThan(1600);
  });
});

describe('infinite (a roller)', () => {
  it('has no edges: it drags and flings past zero, and snaps to rows', () => {
    const { s, frames } = scroller({ infinite: true, snap: { interval: 40 } });
    expect(s.maxY).toBe(Infinity);
    s.dragStart();
    s.dragBy(0, 310);
    expect(s.y.value).toBe(-310);
    s.dragEnd(0, 1000);
    frames.runUntilIdle();
    // The natural stop is −710; the nearest row is at −720.
    expect(s.y.value).toBe(-720);
    expect(s.y.value % 40).toBe(-0);
  });

  it('arrow keys step one row', () => {
    const { s, frames } = scroller({ infinite: true, snap: { interval: 40 } });
    expect(s.key('ArrowUp')).toBe(true);
    frames.runUntilIdle();
    expect(s.y.value).toBe(-40);
    expect(s.key('Home')).toBe(false);
  });
});

describe('bad snap specs', () => {
  it.each([
    [{ interval: 0 }],
    [{ points: [] }],
    [{ points: [1, Number.NaN] }],
    ['pages'],
  ])('%j is refused with what to pass instead', (snap) => {
    expect(() => new Scroller({ frames: new TestFrames().source, snap: snap as never })).toThrow(/new Scroller\(\): snap must be \{ interval: n \} with n > 0/);
  });

  it('a snap function that returns NaN says so', () => {
    const { s } = scroller({ snap: () => Number.NaN });
    expect(() => s.fling(0, 100)).toThrow('Scroller: the snap function returned NaN; it must return a finite offset');
  });
});
