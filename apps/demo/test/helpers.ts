import { expect, vi } from 'vitest';
import type { Screen } from '@planar/toolkit/testing';

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
