/** Layers as the plane allocator sees them, on an 800x480 output, for the allocation tables. */
import type { AllocLayer } from '../src/compositor/plane-allocator.js';

export const OUT = { width: 800, height: 480 };

/** A popup-like layer: ARGB, opaque, stacked by its id, no plane preference, idle. */
export function layer(id: number, x: number, y: number, width: number, height: number, more: Partial<AllocLayer> = {}): AllocLayer {
  return {
    id, x, y, width, height, bufferWidth: width, bufferHeight: height, format: 'ARGB8888',
    opacity: 1, zIndex: id, plane: 'auto', updates: 0, ...more,
  };
}

/** The root layer: full-screen and opaque (XRGB). */
export const root = (more: Partial<AllocLayer> = {}) => layer(0, 0, 0, OUT.width, OUT.height, { format: 'XRGB8888', ...more });
/** Four disjoint popups, one per quadrant-ish. */
export const P1 = (more: Partial<AllocLayer> = {}) => layer(1, 20, 20, 200, 150, more);
export const P2 = (more: Partial<AllocLayer> = {}) => layer(2, 300, 20, 200, 150, more);
export const P3 = (more: Partial<AllocLayer> = {}) => layer(3, 20, 250, 200, 150, more);
export const P4 = (more: Partial<AllocLayer> = {}) => layer(4, 300, 250, 200, 150, more);
