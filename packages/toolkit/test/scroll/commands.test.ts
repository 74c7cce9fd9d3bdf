/**
 * What a scroller does for keys, the wheel and scrollTo/scrollBy, and that dispose ends its
 * frames. A list of 3,000 px in a 600 px viewport (it scrolls to 2,400).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SCROLL_ANIMATION_MS, SCROLL_LINE, Scroller, setReducedMotion, type ScrollerOptions } from '../../src/index.js';
import { TestFrames } from './frames.js';

function list(options: ScrollerOptions = {}) {
  const frames = new TestFrames();
  const s = new Scroller({ frames: frames.source, ...options });
  s.setExtents({ viewportWidth: 400, viewportHeight: 600, contentWidth: 400, contentHeight: 3000 });
  return { s, frames };
}

afterEach(() => setReducedMotion(false));

describe('keys', () => {
  it.each([
    ['ArrowDown', 1000 + SCROLL_LINE],
    ['ArrowUp', 1000 - SCROLL_LINE],
    ['PageDown', 1000 + 600 - SCROLL_LINE],
    ['PageUp', 1000 - 600 + SCROLL_LINE],
    ['Home', 0],
    ['End', 2400],
  ])('%s scrolls to %d, animated, and says it scrolled', (key, to) => {
    const { s, frames } = list();
    s.scrollTo(0, 1000, { animate: false });
    expect(s.key(key)).toBe(true);
    expect(s.y.value).toBe(1000);
    expect(s.moving.value).toBe(true);
    frames.frame(0);
    frames.frame(50);
    expect(s.y.value).not.toBe(1000);
    expect(s.y.value).not.toBe(to);
    frames.runUntilIdle();
    expect(s.y.value).toBe(to);
  });

  it('at an end, the key that would go further says it did not scroll (the caller lets it move focus)', () => {
    const { s, frames } = list();
    expect(s.key('ArrowUp')).toBe(false);
    expect(s.key('Home')).toBe(false);
    expect(s.key('End')).toBe(true);
    frames.runUntilIdle();
    expect(s.key('End')).toBe(false);
    expect(s.key('ArrowDown')).toBe(false);
    expect(s.key('PageDown')).toBe(false);
    expect(frames.waiting).toBe(false);
  });

  it('keys for another axis, and other keys, do nothing', () => {
    const { s } = list();
    expect(s.key('ArrowRight')).toBe(false);
    expect(s.key('a')).toBe(false);
    expect(s.key('Enter')).toBe(false);
  });

  it('key presses faster than the animation add up', () => {
    const { s, frames } = list();
    s.key('ArrowDown');
    frames.frame(0);
    frames.frame(30);
    s.key('ArrowDown');
    s.key('ArrowDown');
    frames.runUntilIdle();
    expect(s.y.value).toBe(3 * SCROLL_LINE);
  });

  it('a retarget keeps the speed it had: no frame stands still', () => {
    const { s, frames } = list();
    s.key('PageDown');
    frames.frame(0);
    frames.frame(16);
    frames.frame(32);
    const before = s.y.value;
    s.key('PageDown');
    frames.frame(48);
    expect(s.y.value).toBeGreaterThan(before);
  });

  it('with a row snap, arrows step to the next row boundary', () => {
    const { s, frames } = list({ snap: { interval: 100 } });
    s.scrollTo(0, 130, { animate: false });
    s.key('ArrowDown');
    frames.runUntilIdle();
    expect(s.y.value).toBe(200);
    s.key('ArrowUp');
    frames.runUntilIdle();
    expect(s.y.value).toBe(100);
  });

  it('PageDown on a horizontal pager turns one page', () => {
    const frames = new TestFrames();
    const s = new Scroller({ frames: frames.source, axis: 'x', snap: 'page' });
    s.setExtents({ viewportWidth: 400, viewportHeight: 300, contentWidth: 1600, contentHeight: 300 });
    expect(s.key('PageDown')).toBe(true);
    frames.runUntilIdle();
    expect(s.x.value).toBe(400);
    expect(s.key('ArrowRight')).toBe(true);
    frames.runUntilIdle();
    expect(s.x.value).toBe(800);
  });
});

describe('wheel', () => {
  it('scrolls by the delta at once, with no frames', () => {
    const { s, frames } = list();
    s.wheel(0, 120);
    expect(s.y.value).toBe(120);
    expect(s.moving.value).toBe(false);
    expect(frames.waiting).toBe(false);
    s.wheel(0, -50);
    expect(s.y.value).toBe(70);
  });

  it('clamps at the ends without a bounce', () => {
    const { s, frames } = list();
    s.wheel(0, -300);
    expect(s.y.value).toBe(0);
    s.wheel(0, 99_999);
    expect(s.y.value).toBe(2400);
    expect(frames.waiting).toBe(false);
  });

  it('stops a fling under way', () => {
    const { s, frames } = list();
    s.fling(0, 2000);
    frames.runUntil(100);
    const at = s.y.value;
    s.wheel(0, 10);
    expect(s.y.value).toBeCloseTo(at + 10, 9);
    frames.runUntilIdle();
    expect(s.y.value).toBeCloseTo(at + 10, 9);
  });
});

describe('scrollTo and scrollBy', () => {
  it('scrollTo animates with a short spring that ends exactly on the target', () => {
    const { s, frames } = list();
    s.scrollTo(0, 900);
    frames.frame(0);
    frames.runUntil(SCROLL_ANIMATION_MS / 2);
    expect(s.y.value).toBeGreaterThan(0);
    expect(s.y.value).toBeLessThan(900);
    frames.runUntil(SCROLL_ANIMATION_MS);
    expect(s.y.value).toBe(900);
    expect(s.moving.value).toBe(false);
  });

  it('clamps to the range, and the axis it does not scroll stays at 0', () => {
    const { s, frames } = list();
    s.scrollTo(500, 99_999);
    frames.runUntilIdle();
    expect(s.y.value).toBe(2400);
    expect(s.x.value).toBe(0);
    s.scrollTo(0, -10, { animate: false });
    expect(s.y.value).toBe(0);
  });

  it('{ animate: false } and reduced motion jump at once', () => {
    const { s, frames } = list();
    s.scrollTo(0, 300, { animate: false });
    expect(s.y.value).toBe(300);
    setReducedMotion(true);
    s.scrollBy(0, 100);
    expect(s.y.value).toBe(400);
    expect(frames.waiting).toBe(false);
  });

  it('scrollBy calls add up while animating', () => {
    const { s, frames } = list();
    s.scrollBy(0, 100);
    frames.frame(0);
    s.scrollBy(0, 100);
    frames.runUntilIdle();
    expect(s.y.value).toBe(200);
  });

  it('onScroll reports each change until unsubscribed', () => {
    const { s } = list();
    const seen: number[] = [];
    const off = s.onScroll((_x, y) => seen.push(y));
    s.wheel(0, 10);
    s.wheel(0, 0);
    s.wheel(0, 5);
    off();
    s.wheel(0, 5);
    expect(seen).toEqual([10, 15]);
  });

  it('refuses numbers that are not finite, saying which call', () => {
    const { s } = list();
    expect(() => s.scrollTo(0, Number.NaN)).toThrow('Scroller.scrollTo: expected finite numbers, got NaN');
    expect(() => s.setExtents({ viewportWidth: 1, viewportHeight: -1, contentWidth: 1, contentHeight: 1 })).toThrow('Scroller.setExtents: viewportHeight must be a finite number ≥ 0, got -1');
  });
});

describe('dispose', () => {
  it('cancels the frame it asked for and asks for no more', () => {
    const { s, frames } = list();
    s.fling(0, 3000);
    frames.runUntil(100);
    expect(frames.waiting).toBe(true);
    const at = s.y.value, requests = frames.requests;
    s.dispose();
    expect(frames.waiting).toBe(false);
    expect(s.moving.value).toBe(false);
    s.fling(0, 3000);
    s.scrollTo(0, 10);
    expect(frames.requests).toBe(requests);
    expect(s.moving.value).toBe(false);
    expect(s.y.value).toBe(at);
    s.dispose();
  });
});

describe('options', () => {
  it.each([
    [{ axis: 'z' }, "new Scroller(): axis must be 'x', 'y' or 'both', got z"],
    [{ overscroll: 'stretch' }, "new Scroller(): overscroll must be 'bounce' or 'clamp', got stretch"],
    [{ springBackMs: 0 }, 'new Scroller(): springBackMs must be a positive number of ms, got 0'],
    [{ parent: {} }, 'new Scroller(): parent must be a Scroller (or null)'],
  ])('%j is refused: %s', (options, message) => {
    expect(() => new Scroller({ frames: new TestFrames().source, ...(options as ScrollerOptions) })).toThrow(message);
  });

  it('outside a running app and without { frames } it says where to create it', () => {
    expect(() => new Scroller()).toThrow(/no running app to take frames from — create it while a component of a running app runs .* or pass \{ frames \}/);
  });
});
