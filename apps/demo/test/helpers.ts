import { expect, vi } from 'vitest';
import type { Screen } from '@planar/toolkit/testing';

type Node = ReturnType<Screen['getByRole']>;

/** Collects `error` events from now on, and planar's console reports of errors raised before a listener existed. */
export function watchErrors(screen?: Screen): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' '));
  });
  const off = screen?.app.on('error', (e) => errors.push(e.message));
  return {
    errors,
    stop() {
      off?.();
      spy.mockRestore();
    },
  };
}

/** Expects `inner` to lie entirely inside `outer`. */
export function expectInside(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }, what: string): void {
  const ok = inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  expect(ok, `${what} ${JSON.stringify(inner)} is not inside ${JSON.stringify(outer)}`).toBe(true);
}

/** Sum of absolute channel differences between two RGBA pixels. */
export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);
}

/**
 * Taps `button`, which slides in the layer `testId`, and checks every frame of the slide: it
 * moves leftwards in steps to x 0, and a move repaints nothing but the button's fading press
 * look (its box and a pixel of edge) in the first 200 ms, then nothing at all.
 */
export async function expectSlideRepaintsNothing(screen: Screen, button: Node, testId: string): Promise<void> {
  const pressed = screen.find(button);
  await screen.tap(button);
  const xs: number[] = [];
  for (let t = 16; t <= 600; t += 16) {
    await screen.advance(16);
    const x = screen.find({ testId }).x;
    if (xs.length && x !== xs[xs.length - 1]) {
      if (t <= 200) expect(screen.stats.damagedPx, `frame at x ${x}`).toBeLessThanOrEqual((pressed.width + 2) * (pressed.height + 2));
      else expect(screen.stats.damagedPx, `frame at x ${x}`).toBe(0);
    }
    xs.push(x);
  }
  // It moved in steps, from the right edge to the left one.
  expect(new Set(xs).size).toBeGreaterThan(3);
  expect(xs[xs.length - 1]).toBe(0);
  expect([...xs].sort((a, b) => b - a)).toEqual(xs);
}
